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

The household and its normalbelopp parts are :mod:`calculator.household`.

>>> from calculator.norms import riksnorm_table
>>> from calculator.plan import build_plan, split_by_installment
>>> from calculator.reference import normalbelopp
>>> debt, rent, table = Money.from_kronor(3000), Money.from_kronor(7000), normalbelopp(2024)
>>> def plan_for(installment):
...     return build_plan(debt, split_by_installment(debt, installment), rent=rent, start=(2027, 1))
>>> check = Assessment(plan_for(Money.from_kronor(1000)), Household(1, [], Money.from_kronor(20000)),
...                    table, table.amounts, table.source, margin_share=50,
...                    riksnorm=riksnorm_table(2024), plan_for=plan_for)
>>> check.band, check.surplus.ore, check.margin.ore
('margin', 691000, 345500)
"""

from __future__ import annotations

from .household import Household, normalbelopp_items
from .margin import largest_payment, recommended_installment
from .money import Money, total as sum_money
from .norms import RiksnormTable, riksnorm_amount
from .plan import Plan
from .reference import NormalbeloppTable


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
