"""Who lives on the income: the household, its children's ages and its normalbelopp parts.

Normalbelopp: one amount for a single adult or one for spouses/cohabitants together, and one
per child by age band 0–6, 7–10, 11–14 and "15 år eller äldre" (KFMFS 2022:1, 2 §).
Children aged 18–20 stay in the 15+ band: parents must support a child who still goes to
school until it turns 21 (föräldrabalken 7 kap. 1 §, lydelse SFS 2001:1136), and the band has
no upper age. The calculator trusts the user to list only children the household supports.
From 21 a person is no child in this sense, so such an age is an error asking to remove it.

>>> from calculator.reference import normalbelopp
>>> items = normalbelopp_items(Household(1, [4, 9], Money(0)), normalbelopp(2023).amounts)
>>> [label for label, _ in items], [amount.ore for _, amount in items]
(['Ensamstående vuxen', 'Barn 4 år (0–6 år)', 'Barn 9 år (7–10 år)'], [571700, 305500, 366700])
"""

from __future__ import annotations

import re

from .errors import ChildTooOld, InvalidNumber, TooManyChildren
from .language import english
from .money import Money
from .numbers import parse_integer

OLDEST_CHILD = 20
MAX_CHILDREN = 20
_BANDS = (
    (6, "child_0_6", "0–6 år"),
    (10, "child_7_10", "7–10 år"),
    (14, "child_11_14", "11–14 år"),
    (OLDEST_CHILD, "child_15_plus", "15 år eller äldre"),
)


class Household:
    """Who lives on the income, and what comes in and must go out each month.

    ``housing_benefit`` (bostadsbidrag or bostadstillägg) counts as income. ``other_costs`` are
    necessary costs outside both norms; hushållsel and hemförsäkring have fields of their own
    because the normalbelopp already covers them and riksnormen does not. ``None`` means the
    field was left empty (it then counts as 0 kr, and some warnings ask about it).
    """

    __slots__ = (
        "adults",
        "children_ages",
        "net_income",
        "other_costs",
        "electricity",
        "home_insurance",
        "housing_benefit",
        "pensioner",
    )

    def __init__(
        self,
        adults: int,
        children_ages: list[int],
        net_income: Money,
        other_costs: Money | None = None,
        *,
        electricity: Money | None = None,
        home_insurance: Money | None = None,
        housing_benefit: Money | None = None,
        pensioner: bool = False,
    ) -> None:
        self.adults, self.children_ages = adults, children_ages
        self.net_income, self.other_costs = net_income, other_costs
        self.electricity, self.home_insurance = electricity, home_insurance
        self.housing_benefit, self.pensioner = housing_benefit, pensioner

    @property
    def income(self) -> Money:
        """Net income plus housing benefit."""
        return self.net_income + (self.housing_benefit or Money(0))


_AGE_SEPARATORS = re.compile(r"[,;\s]+|\boch\b")


def parse_children_ages(value: object) -> list[int]:
    """Read children's ages typed as "3, 7" (or "3 och 7"), or given as a JSON list.

    Every age must have a normalbelopp band, so an age of 21 or more raises ChildTooOld.
    """
    if value is None or value == "":
        return []
    if isinstance(value, str):
        parts: list = [part for part in _AGE_SEPARATORS.split(value) if part]
    elif isinstance(value, list):
        parts = value
    else:
        raise InvalidNumber()
    if len(parts) > MAX_CHILDREN:
        raise TooManyChildren(maximum=MAX_CHILDREN)
    ages = [parse_integer(part, minimum=0, maximum=150) for part in parts]
    for age in ages:
        child_band(age)
    return ages


def child_band(age: int) -> tuple[str, str]:
    """(amount key, band label) for a child's age."""
    for oldest, key, label in _BANDS:
        if age <= oldest:
            return key, label
    raise ChildTooOld(age=age)


def normalbelopp_parts(household: Household) -> list[tuple[str, str]]:
    """(amount key, label) for each part of the household's normalbelopp."""
    if household.adults == 2:
        parts = [("couple", "Makar eller sambor")]
    else:
        parts = [("single_adult", "Ensamstående vuxen")]
    for age in household.children_ages:
        key, band = child_band(age)
        parts.append((key, f"Barn {age} år ({band})"))
    if english():  # the labels the page shows; the keys stay the same
        from .texts_en import LABELS, child_label

        ages = [None, *household.children_ages]
        parts = [
            (key, LABELS.get(label) or child_label(age, key))
            for (key, label), age in zip(parts, ages, strict=True)
        ]
    return parts


def normalbelopp_items(household: Household, amounts: dict[str, Money]) -> list[tuple[str, Money]]:
    """One (label, amount) per part of the normalbelopp, in the order people list them."""
    return [(label, amounts[key]) for key, label in normalbelopp_parts(household)]
