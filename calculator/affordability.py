"""Can the household keep the plan? A check against Kronofogden's normalbelopp.

Kronofogden's förbehållsbelopp is what a household needs to live on: the normalbelopp for its
members plus the housing cost (here the rent). What is left of the net income after the
förbehållsbelopp and other necessary costs is the surplus, and the plan fits when its largest
installment plus its largest monthly interest is at most the surplus. Taking both maxima even
when they fall in different months is a deliberate safety margin, and it makes ``fits`` and
``max_installment`` agree: a whole-krona installment fits exactly when it is at most
``max_installment``. A larger installment only lowers the balances, so the plan's interest is an
upper bound for any larger installment too.

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
from .money import Money
from .money import total as sum_money
from .numbers import parse_integer
from .plan import Plan

OLDEST_CHILD = 20
MAX_CHILDREN = 20
_BANDS = ((6, "child_0_6", "0–6 år"), (10, "child_7_10", "7–10 år"),
          (14, "child_11_14", "11–14 år"),
          (OLDEST_CHILD, "child_15_plus", "15 år eller äldre"))


class Household:
    """Who lives on the income, and what comes in and must go out each month."""

    __slots__ = ("adults", "children_ages", "net_income", "other_costs")

    def __init__(self, adults: int, children_ages: list[int], net_income: Money,
                 other_costs: Money = Money(0)) -> None:
        self.adults, self.children_ages = adults, children_ages
        self.net_income, self.other_costs = net_income, other_costs


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


class Assessment:
    """The affordability check of one plan for one household."""

    __slots__ = ("year", "source", "items", "normalbelopp", "rent", "forbehallsbelopp",
                 "net_income", "other_costs", "surplus", "largest_payment", "fits",
                 "max_installment")

    def __init__(self, plan: Plan, household: Household, year: int, source: str,
                 amounts: dict[str, Money]) -> None:
        self.year, self.source = year, source
        self.items = normalbelopp_items(household, amounts)
        self.normalbelopp = sum_money([amount for _, amount in self.items])
        self.rent = plan.rent
        self.forbehallsbelopp = self.normalbelopp + plan.rent
        self.net_income, self.other_costs = household.net_income, household.other_costs
        self.surplus = household.net_income - self.forbehallsbelopp - household.other_costs
        largest_interest = max(row.interest for row in plan.rows)
        self.largest_payment = max(row.installment for row in plan.rows) + largest_interest
        self.fits = self.largest_payment <= self.surplus
        self.max_installment = max(Money(0), (self.surplus - largest_interest).floor_kronor())


def assess(plan: Plan, household: Household, year: int, source: str,
           amounts: dict[str, Money]) -> Assessment:
    """Check ``plan`` against ``household`` with the normalbelopp ``amounts`` of ``year``."""
    return Assessment(plan, household, year, source, amounts)
