"""Reading a request: every field checked on its own, every problem reported at once.

GOV.UK's validation pattern asks for one message per wrong field, all shown together, so the
reader never stops at the first error: each field is parsed separately and its error is
collected under the request key (dotted for nested keys, like ``household.net_income``). Checks
that need two fields (the installment against the debt, the debt against its items) run when
both fields could be read. The household's amounts year and normalbelopp overrides are read
only when a household is given, because the form hides them otherwise.

>>> inputs, errors = parse_request({"debt": "12 500", "rent": "8 500", "months": "10",
...                                 "start": "2027-1"})
>>> errors, inputs.start, len(inputs.installments)
([], (2027, 1), 10)
>>> [(field, error.code) for field, error in parse_request({"debt": "tolv"})[1]]
[('debt', 'not_a_number'), ('rent', 'required'), ('plan_by', 'choose_plan'), ('start', 'required')]
"""

from __future__ import annotations

from datetime import date

from .calendar import parse_month, parse_today
from .errors import (
    BothGiven,
    CalculatorError,
    ChoosePlan,
    DebtMismatch,
    EmptyValue,
    InvalidChoice,
    InvalidGroup,
    OutOfRange,
    TooSmall,
    UnknownYear,
)
from .fields import Reader as _Reader, is_empty, optional as _optional
from .household_input import HOUSEHOLD_KEYS, household_given, read_household
from .margin import DEFAULT_MARGIN_SHARE, parse_margin_share
from .money import Money, total as sum_money
from .numbers import parse_amount, parse_integer
from .plan import MAX_MONTHS, split_by_installment, split_by_months
from .reference import NORMALBELOPP_KEYS, latest_year, years
from .statutory import read_interest

DEBT_ITEMS = ("unpaid_rent", "reminder_fees", "collection_fees")
MAX_ALTERNATIVES = 3
_ALTERNATIVE_KEYS = ("plan_by", "installment", "months")
FIELD_ORDER = (
    ["", "debt", "debt_items"]
    + [f"debt_items.{key}" for key in DEBT_ITEMS]
    + ["rent", "plan_by", "installment", "months", "start", "interest", "interest_rate", "household"]
    + [f"household.{key}" for key in HOUSEHOLD_KEYS]
    + ["margin_share", "amounts_year", "normalbelopp"]
    + [f"normalbelopp.{key}" for key in NORMALBELOPP_KEYS]
    + ["alternatives"]
    + [f"alternatives.{index}.{key}" for index in range(MAX_ALTERNATIVES) for key in _ALTERNATIVE_KEYS]
    + ["today"]
)


class Inputs:
    """A request that passed every check: ready to build a plan from."""

    __slots__ = (
        "debt",
        "rent",
        "installments",
        "start",
        "rate",
        "household",
        "amounts_year",
        "overrides",
        "margin_share",
        "alternatives",
        "today",
        "exports",
    )


def _read_debt(r: _Reader) -> Money | None:
    raw_items, item_sum, items_ok = r.raw.get("debt_items"), None, True
    if not is_empty(raw_items):
        if not isinstance(raw_items, dict):
            r.fail("debt_items", InvalidGroup())
            items_ok = False
        else:
            typed = [(key, raw_items.get(key)) for key in DEBT_ITEMS]
            amounts = [
                r.read(f"debt_items.{key}", parse_amount, value)
                for key, value in typed
                if not is_empty(value)
            ]
            items_ok = None not in amounts
            if amounts and items_ok:
                item_sum = sum_money(amounts)
    value = r.raw.get("debt")
    if is_empty(value):
        if not items_ok:
            return None
        if item_sum is None:
            r.fail("debt", EmptyValue())
            return None
        debt = item_sum
    else:
        debt = r.read("debt", parse_amount, value)
        if debt is None:
            return None
        if item_sum is not None and item_sum != debt:
            r.fail("debt", DebtMismatch(debt=debt, sum=item_sum))
            return None
    if not debt:
        r.fail("debt", TooSmall(minimum=Money(0)))
        return None
    return debt


def _read_installments(
    r: _Reader, debt: Money | None, raw: dict | None = None, prefix: str = ""
) -> list[Money] | None:
    """The plan's installments; ``raw``/``prefix`` read one of the alternatives instead."""
    raw = r.raw if raw is None else raw
    plan_by = raw.get("plan_by")
    if is_empty(plan_by):
        has_installment = not is_empty(raw.get("installment"))
        has_months = not is_empty(raw.get("months"))
        if has_installment == has_months:
            r.fail(f"{prefix}plan_by", BothGiven() if has_months else ChoosePlan())
            return None
        plan_by = "installment" if has_installment else "months"
    elif plan_by not in ("installment", "months"):
        r.fail(f"{prefix}plan_by", InvalidChoice())
        return None
    if plan_by == "installment":
        field = f"{prefix}installment"
        installment = r.read(field, parse_amount, raw.get("installment"))
        if installment is not None and debt is not None:
            return r.read(field, split_by_installment, debt, installment)
        if installment is not None and not installment:
            r.fail(field, TooSmall(minimum=Money(0)))
        return None
    field = f"{prefix}months"
    months = r.read(field, parse_integer, raw.get("months"), minimum=1, maximum=MAX_MONTHS)
    if months is None or debt is None:
        return None
    return r.read(field, split_by_months, debt, months)


def _read_alternatives(r: _Reader, debt: Money | None) -> list[list[Money]]:
    """Up to three other plans to compare; a row left empty is skipped."""
    raw = r.raw.get("alternatives")
    if is_empty(raw):
        return []
    if not isinstance(raw, list):
        r.fail("alternatives", InvalidGroup())
        return []
    if len(raw) > MAX_ALTERNATIVES:
        r.fail("alternatives", OutOfRange(minimum=0, maximum=MAX_ALTERNATIVES))
        return []
    plans = []
    for index, item in enumerate(raw):
        if is_empty(item) or (
            isinstance(item, dict) and all(is_empty(item.get(key)) for key in ("installment", "months"))
        ):
            continue
        if not isinstance(item, dict):
            r.fail("alternatives", InvalidGroup())
            continue
        installments = _read_installments(r, debt, item, f"alternatives.{index}.")
        if installments is not None:
            plans.append(installments)
    return plans


def _read_amounts(r: _Reader) -> tuple[int | None, dict[str, Money]]:
    year = _optional(
        r, "amounts_year", r.raw.get("amounts_year"), parse_integer, latest_year(), minimum=1900, maximum=2200
    )
    if year is not None and year not in years():
        r.fail("amounts_year", UnknownYear(years=years()))
        year = None
    overrides: dict[str, Money] = {}
    raw = r.raw.get("normalbelopp")
    if not is_empty(raw) and not isinstance(raw, dict):
        r.fail("normalbelopp", InvalidGroup())
    elif not is_empty(raw):
        for key in NORMALBELOPP_KEYS:
            amount = _optional(r, f"normalbelopp.{key}", raw.get(key), parse_amount, None)
            if amount is not None:
                overrides[key] = amount
    return year, overrides


def parse_request(raw: dict) -> tuple[Inputs | None, list[tuple[str, CalculatorError]]]:
    """Validated inputs, or None and the (field, error) pairs in the order of the form."""
    r = _Reader(raw)
    inputs = Inputs()
    inputs.debt = _read_debt(r)
    inputs.rent = r.read("rent", parse_amount, raw.get("rent"))
    inputs.installments = _read_installments(r, inputs.debt)
    inputs.start = r.read("start", parse_month, raw.get("start"))
    inputs.rate, rate_errors = read_interest(
        raw, inputs.start, inputs.installments and len(inputs.installments)
    )
    r.errors += rate_errors
    inputs.household, inputs.amounts_year, inputs.overrides = None, None, {}
    inputs.margin_share = DEFAULT_MARGIN_SHARE
    if household_given(raw.get("household")):
        inputs.household = read_household(r)
        inputs.amounts_year, inputs.overrides = _read_amounts(r)
        inputs.margin_share = _optional(
            r, "margin_share", raw.get("margin_share"), parse_margin_share, DEFAULT_MARGIN_SHARE
        )
    inputs.alternatives = _read_alternatives(r, inputs.debt)
    inputs.today = _optional(r, "today", raw.get("today"), parse_today, None) or date.today()
    exports = raw.get("exports")
    inputs.exports = exports is True or exports == "true"
    if r.errors:
        r.errors.sort(key=lambda pair: FIELD_ORDER.index(pair[0]))
        return None, r.errors
    return inputs, []
