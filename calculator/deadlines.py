"""What saves the home: the legal deadlines after a missed rent payment, each with its rule.

``deadlines(request) -> response`` has the contract style of :func:`calculator.calculate`: JSON
in and out, never raises, one Swedish message per wrong field. The dates:

The dates and their rules are :mod:`calculator.legal_dates`: ``due_date``,
``forfeiture_earliest``, ``recovery_last_day`` (only when both service dates are known) and
``eviction_decision_earliest``.

>>> [(d["code"], d["date"]) for d in deadlines({"due_date": "2026-12-30"})["deadlines"]]
[('due_date', '2026-12-30'), ('forfeiture_earliest', '2027-01-08')]
>>> answer = deadlines({"served_date": "2027-12-03", "board_notified_date": "2027-12-01"})
>>> [(d["code"], d["date"]) for d in answer["deadlines"]]
[('recovery_last_day', '2027-12-27'), ('eviction_decision_earliest', '2027-12-30')]
>>> deadlines({})["errors"][0]["field"]
'due_date'
"""

from __future__ import annotations

import json
from datetime import date

from .calendar import (
    date_text,
)
from .deadline_request import given, read_date, read_due
from .errors import BadRequest, CalculatorError, InternalError
from .legal_dates import (
    DUE_OR_LEASE_RULE,
    DUE_RULE,
    EVICTION_RULE,
    FORFEITURE_RULE,
    LAW_CHECKED,
    RECOVERY_RULE,
    eviction_decision_earliest,
    forfeiture_earliest,
    forfeiture_last_day_to_pay,
    recovery_last_day,
)
from .messages import error_message, warning_message
from .reminders import deadline_calendar

FIELDS = ("", "due_date", "month", "served_date", "board_notified_date")

MAX_BRACKETS = 8  # a deadline request is one flat object; anything deeper is not ours


def _entry(code: str, day: date, rule: str, text: str) -> dict:
    return {
        "code": code,
        "date": day.isoformat(),
        "date_text": date_text(day, weekday=True),
        "rule": rule,
        "text": text,
    }


def _failed(errors: list[tuple[str, CalculatorError]]) -> dict:
    errors = sorted(errors, key=lambda pair: FIELDS.index(pair[0]) if pair[0] in FIELDS else 0)
    return {
        "ok": False,
        "errors": [
            {"field": field, "code": error.code, "message": error_message(field, error)}
            for field, error in errors
        ],
        "warnings": [],
        "deadlines": [],
        "law_checked": LAW_CHECKED,
    }


def _deadlines(raw: object) -> dict:
    if not isinstance(raw, dict):
        return _failed([("", BadRequest())])
    errors: list[tuple[str, CalculatorError]] = []
    served = read_date(errors, "served_date", raw.get("served_date"))
    board = read_date(errors, "board_notified_date", raw.get("board_notified_date"))
    service_given = given(raw.get("served_date")) or given(raw.get("board_notified_date"))
    due, month = read_due(errors, raw, service_given)
    if errors:
        return _failed(errors)
    entries, warnings = [], []
    if due is not None:
        last_pay = forfeiture_last_day_to_pay(due)
        month_part = f"för {month} " if month else ""
        entries.append(
            _entry(
                "due_date",
                due,
                DUE_RULE if month else DUE_OR_LEASE_RULE,
                f"Hyran {month_part}skulle vara betald senast den här dagen.",
            )
        )
        entries.append(
            _entry(
                "forfeiture_earliest",
                forfeiture_earliest(due),
                FORFEITURE_RULE,
                f"Betalas hyran senast {date_text(last_pay, weekday=True)} kan hyresrätten inte förverkas "
                "för den här hyran. Från den här dagen kan hyresvärden säga upp avtalet för att "
                "hyran betalats för sent, om förseningen inte är av ringa betydelse.",
            )
        )
    if served is not None and board is not None:
        recovery = recovery_last_day(served, board)
        start = max(served, board)
        entries.append(
            _entry(
                "recovery_last_day",
                recovery,
                RECOVERY_RULE,
                f"Sista dagen att betala och få bo kvar. Tre veckor räknas från "
                f"{date_text(start, weekday=True)}, den senare av de två dagarna då hyresgästen fick "
                "underrättelsen och socialnämnden fick meddelandet.",
            )
        )
        entries.append(
            _entry(
                "eviction_decision_earliest",
                eviction_decision_earliest(recovery),
                EVICTION_RULE,
                "Den tredje vardagen efter att de tre veckorna har gått ut. Tidigare än så får "
                "beslut om avhysning inte meddelas.",
            )
        )
        if board > served:
            warnings.append(
                {
                    "code": "board_after_served",
                    "message": warning_message("board_after_served", board=board, served=served),
                }
            )
    elif served is not None:
        warnings.append({"code": "board_date_missing", "message": warning_message("board_date_missing")})
    elif board is not None:
        warnings.append({"code": "served_date_missing", "message": warning_message("served_date_missing")})
    order = {
        code: index
        for index, code in enumerate(
            ("due_date", "forfeiture_earliest", "recovery_last_day", "eviction_decision_earliest")
        )
    }
    entries.sort(key=lambda entry: (entry["date"], order[entry["code"]]))
    response = {
        "ok": True,
        "errors": [],
        "warnings": warnings,
        "deadlines": entries,
        "law_checked": LAW_CHECKED,
    }
    if raw.get("exports") in (True, "true"):
        response["exports"] = deadline_calendar(entries)
    return response


def deadlines(request: object) -> dict:
    """The dated deadlines for ``request`` (a dict as decoded from JSON). Never raises."""
    try:
        return _deadlines(request)
    except Exception:  # the contract's bug guard: no traceback reaches the page
        return _failed([("", InternalError())])


def _decode(text: object) -> object:
    """The request, or None (answered as bad_request) when it is not a small JSON text."""
    try:
        if isinstance(text, bytes):
            text = text.decode("utf-8")
        if not isinstance(text, str) or text.count("[") + text.count("{") > MAX_BRACKETS:
            return None
        return json.loads(text)
    except ValueError:
        return None


def deadlines_json(text: object) -> str:
    """:func:`deadlines` on a JSON string, answering with a JSON string. Never raises."""
    try:
        return json.dumps(deadlines(_decode(text)), ensure_ascii=False)
    except Exception:  # same guard for the JSON layer
        return json.dumps(_failed([("", InternalError())]), ensure_ascii=False)


__all__ = [
    "LAW_CHECKED",
    "deadlines",
    "deadlines_json",
    "eviction_decision_earliest",
    "forfeiture_earliest",
    "forfeiture_last_day_to_pay",
    "recovery_last_day",
]
