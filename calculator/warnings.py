"""Warning rules: a plan that can be made, but that staff should look at again.

Warnings never stop a plan. Each rule names its code and the catalogue
(:mod:`calculator.messages`) gives the Swedish sentence: the plan's own length and interest
(``long_plan``, ``very_long_plan``, ``interest_share_high``, from :mod:`calculator.advice`), a
first payment already due (``start_passed``), the budget check's findings (below a norm, over
the margin, missing costs or benefits, from :mod:`calculator.advice`), reference amounts older
than this year (``amounts_year_old``) or read from a secondary source
(``amounts_secondary_source``), and statutory interest rates read from a secondary source
(``rate_secondary_source``).

>>> from calculator.plan import build_plan
>>> from calculator.request import parse_request
>>> inputs, _ = parse_request({"debt": "18 000", "rent": "8 000", "months": "18",
...                            "start": "2027-01", "today": "2027-01-10"})
>>> plan = build_plan(inputs.debt, inputs.installments, rent=inputs.rent, start=inputs.start)
>>> [warning["code"] for warning in plan_warnings(inputs, plan, None, None)]
['long_plan', 'start_passed']
"""

from __future__ import annotations

from . import advice, reference
from .affordability import Assessment
from .calendar import format_month
from .defaults import suggested_start
from .household import normalbelopp_parts
from .messages import warning_message
from .plan import Plan
from .request import Inputs
from .statutory import secondary_periods


def used_keys(inputs: Inputs) -> set[str]:
    """Normalbelopp keys the household uses (only those need a source)."""
    return {key for key, _ in normalbelopp_parts(inputs.household)}


def plan_warnings(
    inputs: Inputs, plan: Plan, assessment: Assessment | None, table: reference.NormalbeloppTable | None
) -> list[dict]:
    """The ``warnings`` list of the response, in a fixed order."""
    warnings: list[dict] = []

    def warn(code: str, template: str | None = None, **params: object) -> None:
        warnings.append({"code": code, "message": warning_message(template or code, **params)})

    for code, params in advice.plan_warnings(plan):
        warn(code, **params)
    if plan.first_due_date < inputs.today:
        suggestion = format_month(*suggested_start(inputs.today))
        warn("start_passed", due=plan.first_due_date, suggestion=suggestion)
    if assessment is not None:
        for code, template, params in advice.budget_warnings(assessment, inputs.today.year):
            warn(code, template, **params)
    if secondary_periods(plan):
        warn("rate_secondary_source", periods=secondary_periods(plan))
    if table is not None:
        if table.year < inputs.today.year:
            warn("amounts_year_old", year=table.year, current_year=inputs.today.year)
        if table.secondary_source and not used_keys(inputs) <= set(inputs.overrides):
            warn("amounts_secondary_source", year=table.year)
    return warnings
