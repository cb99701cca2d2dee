"""The one entry point: ``calculate(request) -> response``, JSON in and JSON out.

JavaScript calls only :func:`calculate_json`, so exceptions never cross into the browser: any
input at all gives either a plan or field errors, and an unexpected bug becomes one error with
code ``internal`` instead of a traceback. Every amount in the response is an integer number
of öre (``*_ore``) with a Swedish display string next to it (``*_text``), so the page never
formats money itself. Request and response keys follow the engine contract agreed with the
calculator page; unknown request keys are ignored.

>>> response = calculate({"debt": "12 500", "rent": "8 500", "plan_by": "months",
...                       "months": "10", "start": "2027-01", "today": "2026-12-01"})
>>> response["ok"], response["plan"]["installment_ore"], response["plan"]["first_due_date"]
(True, 125000, '2026-12-30')
>>> calculate({"debt": "", "rent": "8 500"})["errors"][0]["message"]
'Fyll i hur mycket som är obetalt, till exempel 12\\xa0500'
"""

from __future__ import annotations

import json
import re
from datetime import date

from . import advice, reference
from .affordability import Assessment, normalbelopp_parts
from .agreement import agreement_slots
from .budget_response import alternatives_list, assessment_dict
from .calendar import add_months, date_text, due_date, format_month, month_text
from .errors import BadRequest, CalculatorError, InternalError
from .exports import export_files
from .messages import error_message, warning_message
from .money import Money
from .norms import riksnorm_table
from .numbers import format_money
from .plan import Plan, build_plan, split_by_installment
from .request import Inputs, parse_request
from .statutory import rates_used, secondary_periods
from .summary import plan_summary

MAX_JSON_DEPTH = 32
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_JSON_BRACKET = re.compile(r"[\[\]{}]")


def calculate(request: object) -> dict:
    """The response for ``request`` (a dict as decoded from JSON). Never raises."""
    try:
        return _calculate(request)
    except Exception:  # the bug guard the contract promises: no traceback reaches the page
        return _failed([("", InternalError())])


def calculate_json(text: object) -> str:
    """:func:`calculate` on a JSON string, answering with a JSON string. Never raises."""
    try:
        return json.dumps(calculate(_decode(text)), ensure_ascii=False)
    except Exception:  # same guard as calculate(), for the JSON layer itself
        return json.dumps(_failed([("", InternalError())]), ensure_ascii=False)


def _decode(text: object) -> object:
    """The decoded request, or None (answered as bad_request) when it is not readable JSON."""
    try:
        if isinstance(text, bytes):
            text = text.decode("utf-8")
        if not isinstance(text, str) or _too_deep(text):
            return None
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


def _too_deep(text: str) -> bool:
    """Nesting deeper than any request needs. Checked before json.loads because in Pyodide a
    very deep array overflows the WebAssembly stack, a fatal error rather than RecursionError."""
    depth = 0
    for match in _JSON_BRACKET.finditer(_JSON_STRING.sub("", text)):
        depth += 1 if match[0] in "[{" else -1
        if depth > MAX_JSON_DEPTH:
            return True
    return False


def _failed(errors: list[tuple[str, CalculatorError]]) -> dict:
    return {
        "ok": False,
        "errors": [{"field": field, "code": error.code, "message": error_message(field, error)}
                   for field, error in errors],
        "warnings": [],
        "summary": "",
        "plan": None,
        "affordability": None,
        "alternatives": [],
    }


def _calculate(request: object) -> dict:
    if not isinstance(request, dict):
        return _failed([("", BadRequest())])
    inputs, errors = parse_request(request)
    if inputs is None:
        return _failed(errors)

    def plan_of(installments: list) -> Plan:
        return build_plan(inputs.debt, installments, rent=inputs.rent, start=inputs.start,
                          rate=inputs.rate)

    plan = plan_of(inputs.installments)
    assessment, table = None, None
    if inputs.household is not None:
        table = reference.normalbelopp(inputs.amounts_year)
        amounts = dict(table.amounts, **inputs.overrides)
        source = table.source
        if _used_keys(inputs) & set(inputs.overrides):
            source += "; några belopp är ändrade i kalkylatorn"
        assessment = Assessment(
            plan, inputs.household, table, amounts, source,
            margin_share=inputs.margin_share, riksnorm=riksnorm_table(table.year),
            plan_for=lambda installment: plan_of(split_by_installment(inputs.debt,
                                                                      installment)))
    response = {
        "ok": True,
        "errors": [],
        "warnings": _warnings(inputs, plan, assessment, table),
        "summary": plan_summary(plan),
        "plan": plan_dict(plan),
        "affordability": None if assessment is None else assessment_dict(assessment),
        "agreement": agreement_slots(plan, inputs.today, request),
        "alternatives": alternatives_list(plan, [plan_of(parts) for parts in inputs.alternatives],
                                          assessment) if inputs.alternatives else [],
    }
    if inputs.exports:
        response["exports"] = export_files(plan, inputs.today)
    return response


def _money(target: dict, key: str, amount: Money) -> None:
    target[f"{key}_ore"] = amount.ore
    target[f"{key}_text"] = format_money(amount)


def _date(target: dict, key: str, day: date) -> None:
    target[key] = day.isoformat()
    target[f"{key}_text"] = date_text(day)


def plan_dict(plan: Plan) -> dict:
    """The ``plan`` object of the response."""
    result: dict = {"months": plan.months}
    for key in ("debt", "installment", "interest", "total"):
        _money(result, key, getattr(plan, key))
    _date(result, "first_due_date", plan.first_due_date)
    _date(result, "last_due_date", plan.last_due_date)
    result["rates"] = rates_used(plan)
    result["rows"] = []
    for row in plan.rows:
        item = {"month": format_month(row.year, row.month),
                "month_text": month_text(row.year, row.month)}
        _date(item, "due_date", row.due_date)
        for key in ("rent", "installment", "interest", "payment", "balance"):
            _money(item, key, getattr(row, key))
        result["rows"].append(item)
    return result


def _used_keys(inputs: Inputs) -> set[str]:
    """Normalbelopp keys the household uses (only those need a source)."""
    return {key for key, _ in normalbelopp_parts(inputs.household)}


def _first_month_not_passed(today: date) -> tuple[int, int]:
    month = (today.year, today.month)
    while due_date(*month) < today:
        month = add_months(*month, 1)
    return month


def _warnings(inputs: Inputs, plan: Plan, assessment: Assessment | None,
              table: reference.NormalbeloppTable | None) -> list[dict]:
    warnings: list[dict] = []

    def warn(code: str, template: str | None = None, **params: object) -> None:
        warnings.append({"code": code, "message": warning_message(template or code, **params)})

    for code, params in advice.plan_warnings(plan):
        warn(code, **params)
    if plan.first_due_date < inputs.today:
        suggestion = format_month(*_first_month_not_passed(inputs.today))
        warn("start_passed", due=plan.first_due_date, suggestion=suggestion)
    if assessment is not None:
        for code, template, params in advice.budget_warnings(assessment, inputs.today.year):
            warn(code, template, **params)
    if secondary_periods(plan):
        warn("rate_secondary_source", periods=secondary_periods(plan))
    if table is not None:
        if table.year < inputs.today.year:
            warn("amounts_year_old", year=table.year, current_year=inputs.today.year)
        if table.secondary_source and not _used_keys(inputs) <= set(inputs.overrides):
            warn("amounts_secondary_source", year=table.year)
    return warnings
