"""Response shaping: the engine's values turned into the JSON objects the page reads.

Every amount becomes an integer number of öre (``*_ore``) with its Swedish display string
next to it (``*_text``), and every date an ISO date with its Swedish text, so the page never
formats money or dates itself.

>>> failed([])["ok"], failed([])["plan"]
(False, None)
"""

from __future__ import annotations

from datetime import date

from .calendar import date_text, format_month, month_text
from .errors import CalculatorError
from .messages import error_message
from .money import Money
from .numbers import money_text
from .plan import Plan
from .statutory import rates_used


def failed(errors: list[tuple[str, CalculatorError]]) -> dict:
    """The answer when the request could not be read: one entry per wrong field."""
    return {
        "ok": False,
        "errors": [
            {"field": field, "code": error.code, "message": error_message(field, error)}
            for field, error in errors
        ],
        "warnings": [],
        "summary": "",
        "plan": None,
        "affordability": None,
        "alternatives": [],
    }


def put_money(target: dict, key: str, amount: Money) -> None:
    target[f"{key}_ore"] = amount.ore
    target[f"{key}_text"] = money_text(amount)


def put_date(target: dict, key: str, day: date) -> None:
    target[key] = day.isoformat()
    target[f"{key}_text"] = date_text(day)


def plan_dict(plan: Plan) -> dict:
    """The ``plan`` object of the response."""
    result: dict = {"months": plan.months}
    for key in ("debt", "installment", "interest", "total"):
        put_money(result, key, getattr(plan, key))
    put_date(result, "first_due_date", plan.first_due_date)
    put_date(result, "last_due_date", plan.last_due_date)
    result["rates"] = rates_used(plan)
    result["rows"] = []
    for row in plan.rows:
        item = {"month": format_month(row.year, row.month), "month_text": month_text(row.year, row.month)}
        put_date(item, "due_date", row.due_date)
        for key in ("rent", "installment", "interest", "payment", "balance"):
            put_money(item, key, getattr(row, key))
        result["rows"].append(item)
    return result
