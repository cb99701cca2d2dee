"""What the form suggests before anyone types: the start month, from the request's ``today``.

The page asks the engine once it has loaded (a request ``{"defaults": true, "today": …}``) and
fills the start field only if it is still empty, so the rule lives in one place. The suggestion
is the first month whose rent is not yet due on ``today``: the same rule the ``start_passed``
warning uses, so the untouched default never triggers that warning. On a month's last days
the next month's rent may already be due (31 December 2026 is after 30 December, when
January's rent was due), so the suggestion can be two months ahead.

>>> suggested_start(date(2026, 12, 15)), suggested_start(date(2026, 12, 31))
((2027, 1), (2027, 2))
"""

from __future__ import annotations

from datetime import date

from .calendar import add_months, due_date, format_month, month_text, parse_today
from .errors import CalculatorError
from .request import is_empty


def suggested_start(today: date) -> tuple[int, int]:
    """The first month whose rent is due on or after ``today``."""
    month = (today.year, today.month)
    while due_date(*month) < today:
        month = add_months(*month, 1)
    return month


def defaults_dict(today: date) -> dict:
    """The ``defaults`` object of the response: the suggested start month."""
    start = suggested_start(today)
    return {"start": format_month(*start), "start_text": month_text(*start)}


def read_defaults_request(raw: dict) -> tuple[date | None, list[tuple[str, CalculatorError]]]:
    """The request's ``today`` (default: the machine's date), or None and its error."""
    value = raw.get("today")
    if is_empty(value):
        return date.today(), []
    try:
        return parse_today(value), []
    except CalculatorError as error:
        return None, [("today", error)]
