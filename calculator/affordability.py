"""Can the household keep the plan? The budget check a budget- och skuldrådgivare would make.

The household is held against two norms (see :mod:`calculator.norms`): socialtjänsten's
riksnorm plus rent, el, insurance and other costs, and Kronofogden's förbehållsbelopp
(normalbelopp + rent) plus other costs. Income is net income plus bostadsbidrag or
bostadstillägg. Below riksnormen the household should see socialtjänsten before any plan; below
the förbehållsbelopp it has nothing a plan may take. Above both, the guide recommends that the
plan's largest monthly payment (installment + interest) takes at most ``margin_share`` (default
one half) of the surplus above the förbehållsbelopp, so that a broken washing machine does not
break the plan. That share is advice, not law. The bands are ``below_riksnorm``,
``below_forbehallsbelopp``, ``tight`` (over the margin) and ``margin``.

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
from .margin import largest_payment, recommended_installment
from .money import Money
from .money import total as sum_money
from .norms import RiksnormTable, riksnorm_amount
from .numbers import parse_integer
from .plan import Plan
from .reference import NormalbeloppTable

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
    return parts


def normalbelopp_items(household: Household, amounts: dict[str, Money]) -> list[tuple[str, Money]]:
    """One (label, amount) per part of the normalbelopp, in the order people list them."""
    return [(label, amounts[key]) for key, label in normalbelopp_parts(household)]


class Norm:
    """One norm's need and what is left of the income above it."""

    __slots__ = ("code", "year", "source", "secondary_source", "items", "need", "surplus")

    def __init__(
        self,
        code: str,
        year: int,
        source: str,
        secondary_source: bool,
        items: list[tuple[str, Money]],
        income: Money,
    ) -> None:
        self.code, self.year, self.source = code, year, source
        self.secondary_source, self.items = secondary_source, items
        self.need = sum_money([amount for _, amount in items])
        self.surplus = income - self.need


class Assessment:
    """The budget check of one plan for one household, the way a budget adviser reads it.

    ``norms`` holds riksnormen (when a year of it is in the data file) and the
    förbehållsbelopp. The plan's room is ``margin_share`` of the surplus above the
    förbehållsbelopp, and the band says which line the household falls below, if any.
    """

    __slots__ = (
        "year",
        "source",
        "secondary_source",
        "items",
        "normalbelopp",
        "rent",
        "forbehallsbelopp",
        "net_income",
        "housing_benefit",
        "income",
        "other_costs",
        "electricity",
        "home_insurance",
        "surplus",
        "largest_payment",
        "margin_share",
        "margin",
        "band",
        "fits",
        "recommended_installment",
        "norms",
        "riksnorm",
        "household",
    )

    def __init__(
        self,
        plan: Plan,
        household: Household,
        table: NormalbeloppTable,
        amounts: dict[str, Money],
        source: str,
        *,
        margin_share: int,
        riksnorm: RiksnormTable | None,
        plan_for,
    ) -> None:  # noqa: ANN001
        zero = Money(0)
        self.household = household
        self.year, self.source, self.secondary_source = table.year, source, table.secondary_source
        self.items = normalbelopp_items(household, amounts)
        self.normalbelopp = sum_money([amount for _, amount in self.items])
        self.rent = plan.rent
        self.forbehallsbelopp = self.normalbelopp + plan.rent
        self.net_income, self.income = household.net_income, household.income
        self.housing_benefit = household.housing_benefit or zero
        self.other_costs = household.other_costs or zero
        self.electricity = household.electricity or zero
        self.home_insurance = household.home_insurance or zero
        self.norms: list[Norm] = []
        self.riksnorm: Norm | None = None
        if riksnorm is not None:
            amount = riksnorm_amount(riksnorm, household.adults, household.children_ages)
            self.riksnorm = Norm(
                "riksnorm",
                riksnorm.year,
                riksnorm.source,
                riksnorm.secondary_source,
                [
                    ("Riksnormen", amount),
                    ("Hyra", plan.rent),
                    ("Hushållsel", self.electricity),
                    ("Hemförsäkring", self.home_insurance),
                    ("Andra nödvändiga kostnader", self.other_costs),
                ],
                self.income,
            )
            self.norms.append(self.riksnorm)
        forbehall = Norm(
            "forbehallsbelopp",
            table.year,
            source,
            table.secondary_source,
            [
                ("Normalbelopp", self.normalbelopp),
                ("Hyra", plan.rent),
                ("Andra nödvändiga kostnader", self.other_costs),
            ],
            self.income,
        )
        self.norms.append(forbehall)
        self.surplus = forbehall.surplus
        self.largest_payment = largest_payment(plan)
        self.margin_share = margin_share
        self.margin = max(zero, Money(self.surplus.ore * margin_share // 100))
        if self.riksnorm is not None and self.riksnorm.surplus < zero:
            self.band = "below_riksnorm"
        elif self.surplus < zero:
            self.band = "below_forbehallsbelopp"
        elif self.largest_payment > self.margin:
            self.band = "tight"
        else:
            self.band = "margin"
        self.fits = self.band == "margin"
        self.recommended_installment = zero
        if self.band in ("tight", "margin"):
            self.recommended_installment = recommended_installment(plan.debt, self.margin, plan_for)

    @property
    def max_installment(self) -> Money:
        """The older name of ``recommended_installment`` (kept in the response contract)."""
        return self.recommended_installment


def band_of(assessment: Assessment, plan: Plan) -> str:
    """The band another plan would get for the same household (for plans side by side)."""
    if assessment.band in ("below_riksnorm", "below_forbehallsbelopp"):
        return assessment.band
    return "tight" if largest_payment(plan) > assessment.margin else "margin"
