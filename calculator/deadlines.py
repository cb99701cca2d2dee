"""What saves the home: the legal deadlines after a missed rent payment, each with its rule.

``deadlines(request) -> response`` has the contract style of :func:`calculator.calculate`: JSON
in and out, never raises, one Swedish message per wrong field. The dates:

* ``due_date``: the day the rent should have been paid. Given as a date, or as the rent month,
  from which it follows by 12 kap. 20 § jordabalken (:func:`calendar.due_date`).
* ``forfeiture_earliest``: a dwelling tenancy is förverkad when the tenant is late "mer än en
  vecka efter förfallodagen" (12 kap. 42 § första stycket 1 jordabalken). A week counted from a
  day ends on the same weekday (1 § lag (1930:173)), and a last day that is not a vardag moves
  to the next vardag (2 § same law). Read conservatively, paying on that vardag is still in
  time, so forfeiture is possible at the earliest the day after it.
* ``recovery_last_day``: the tenant keeps the home by paying within three weeks from the later
  of two events: the tenant was served the underrättelse, and the landlord's meddelande reached
  socialnämnden (12 kap. 44 § första stycket jordabalken). Moved to the next vardag by 2 § lag
  (1930:173). Only computed when both dates are known.
* ``eviction_decision_earliest``: the third vardag after the three weeks ran out (12 kap. 44 §
  jordabalken).

A vardag is the calendar's (:func:`calendar.is_vardag`): Monday to Friday that is not an allmän
helgdag, midsommarafton, julafton or nyårsafton, the days 2 § lag (1930:173) names.

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
from datetime import date, timedelta

from .calendar import (
    date_text,
    due_date,
    month_text,
    next_vardag,
    parse_date,
    parse_month,
    vardag_on_or_after,
)
from .errors import BadRequest, BothGiven, CalculatorError, EmptyValue, InternalError, OutOfRange
from .messages import error_message, warning_message
from .reminders import deadline_calendar

# The day the law texts behind these rules were last read (shown on the page and case sheet).
LAW_CHECKED = "2026-11-29"
FIRST_DATE, LAST_DATE = date(2000, 1, 1), date(2100, 12, 31)
FIELDS = ("", "due_date", "month", "served_date", "board_notified_date")
WEEKDAY_NAMES = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")
ONE_WEEK, THREE_WEEKS = timedelta(weeks=1), timedelta(weeks=3)

DUE_RULE = "12 kap. 20 § jordabalken"
DUE_OR_LEASE_RULE = f"hyresavtalet eller {DUE_RULE}"
TIME_RULE = "1 och 2 §§ lag (1930:173) om beräkning av lagstadgad tid"
FORFEITURE_RULE = f"12 kap. 42 § första stycket 1 jordabalken; {TIME_RULE}"
RECOVERY_RULE = f"12 kap. 44 § första stycket jordabalken; {TIME_RULE}"
EVICTION_RULE = "12 kap. 44 § jordabalken"
MAX_BRACKETS = 8  # a deadline request is one flat object; anything deeper is not ours


def weekday_date_text(day: date) -> str:
    """ "onsdag 10 februari 2027": a date a reader can put in a calendar without looking it up."""
    return f"{WEEKDAY_NAMES[day.weekday()]} {date_text(day)}"


def forfeiture_last_day_to_pay(due: date) -> date:
    """Last day the rent due on ``due`` can be paid without the tenancy being förverkad."""
    return vardag_on_or_after(due + ONE_WEEK)


def forfeiture_earliest(due: date) -> date:
    """First day the tenancy can be förverkad for the rent due on ``due`` (conservative)."""
    return forfeiture_last_day_to_pay(due) + timedelta(days=1)


def recovery_last_day(served: date, board_notified: date) -> date:
    """Last day to pay and keep the home: three weeks from the later event, then a vardag."""
    return vardag_on_or_after(max(served, board_notified) + THREE_WEEKS)


def eviction_decision_earliest(recovery_last: date) -> date:
    """The third vardag after ``recovery_last``, the earliest day for an eviction decision."""
    day = recovery_last
    for _ in range(3):
        day = next_vardag(day)
    return day


def _entry(code: str, day: date, rule: str, text: str) -> dict:
    return {
        "code": code,
        "date": day.isoformat(),
        "date_text": weekday_date_text(day),
        "rule": rule,
        "text": text,
    }


def _read_date(errors: list, field: str, value: object) -> date | None:
    if not _given(value):
        return None
    try:
        day = parse_date(value)
        if not FIRST_DATE <= day <= LAST_DATE:
            raise OutOfRange(minimum=FIRST_DATE.isoformat(), maximum=LAST_DATE.isoformat())
        return day
    except CalculatorError as error:
        errors.append((field, error))
        return None


def _given(value: object) -> bool:
    return not (value is None or (isinstance(value, str) and not value.strip()))


def _read_due(errors: list, raw: dict, service_given: bool) -> tuple[date | None, str | None]:
    """The due date and, when it came from a rent month, that month's text."""
    due = _read_date(errors, "due_date", raw.get("due_date"))
    month = None
    if _given(raw.get("month")):
        try:
            month = parse_month(raw.get("month"))
        except CalculatorError as error:
            errors.append(("month", error))
    if due is not None and month is not None and due != due_date(*month):
        errors.append(("due_date", BothGiven()))
    if errors:
        return None, None
    if month is not None:
        return due_date(*month), month_text(*month)
    if due is None and not service_given:
        errors.append(("due_date", EmptyValue()))
    return due, None


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
    served = _read_date(errors, "served_date", raw.get("served_date"))
    board = _read_date(errors, "board_notified_date", raw.get("board_notified_date"))
    service_given = _given(raw.get("served_date")) or _given(raw.get("board_notified_date"))
    due, month = _read_due(errors, raw, service_given)
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
                f"Betalas hyran senast {weekday_date_text(last_pay)} kan hyresrätten inte förverkas "
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
                f"{weekday_date_text(start)}, den senare av de två dagarna då hyresgästen fick "
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
    "weekday_date_text",
]
