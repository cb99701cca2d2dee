"""Reading a deadline request: the dates typed, each checked, errors kept per field.

A rent month gives the due date by 12 kap. 20 § jordabalken; a due date and a month that
disagree are a ``both_given`` error. The due date may be left out only when a service date is
given (the three weeks can be counted without it).

>>> errors = []
>>> read_due(errors, {"month": "2027-01"}, service_given=False)
(datetime.date(2026, 12, 30), 'januari 2027')
>>> read_date(errors, "served_date", "2027-02-30"), errors[0][0]
(None, 'served_date')
"""

from __future__ import annotations

from datetime import date

from .calendar import due_date, month_text, parse_date, parse_month
from .errors import BothGiven, CalculatorError, EmptyValue, OutOfRange

FIRST_DATE, LAST_DATE = date(2000, 1, 1), date(2100, 12, 31)


def read_date(errors: list, field: str, value: object) -> date | None:
    """The date typed into ``field``, None when empty; a wrong one adds its error."""
    if not given(value):
        return None
    try:
        day = parse_date(value)
        if not FIRST_DATE <= day <= LAST_DATE:
            raise OutOfRange(minimum=FIRST_DATE.isoformat(), maximum=LAST_DATE.isoformat())
        return day
    except CalculatorError as error:
        errors.append((field, error))
        return None


def given(value: object) -> bool:
    """Whether something was typed (blank text counts as nothing)."""
    return not (value is None or (isinstance(value, str) and not value.strip()))


def read_due(errors: list, raw: dict, service_given: bool) -> tuple[date | None, str | None]:
    """The due date and, when it came from a rent month, that month's text."""
    due = read_date(errors, "due_date", raw.get("due_date"))
    month = None
    if given(raw.get("month")):
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
