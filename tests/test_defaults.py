"""The suggested start month: the engine's rule, so the untouched form never warns."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, strategies as st

from calculator import calculate
from calculator.calendar import due_date
from calculator.defaults import suggested_start
from strategies import examples

BASE = {"debt": "12 500", "rent": "8 500", "plan_by": "months", "months": "10"}


def test_month_end_suggests_the_month_after_next() -> None:
    """31 December 2026 is after 30 December, when January 2027's rent was due."""
    assert suggested_start(date(2026, 12, 31)) == (2027, 2)
    assert suggested_start(date(2026, 12, 30)) == (2027, 1)  # due today: not passed yet
    assert suggested_start(date(2026, 12, 1)) == (2027, 1)


def test_the_page_gets_the_suggestion_and_the_date_text() -> None:
    response = calculate({"defaults": True, "today": "2026-12-31"})
    assert response["ok"] and response["plan"] is None and response["errors"] == []
    assert response["defaults"] == {"start": "2027-02", "start_text": "februari 2027"}


def test_a_wrong_today_is_a_field_error() -> None:
    response = calculate({"defaults": True, "today": "2026-13-01"})
    assert [(e["field"], e["code"]) for e in response["errors"]] == [("today", "bad_date")]


@examples(1)
@given(st.dates(min_value=date(2001, 1, 1), max_value=date(2099, 12, 1)))
def test_the_untouched_default_never_warns_start_passed(today: date) -> None:
    """Invariant: a plan starting at the suggested month is not already due, and the month
    before it is (so the suggestion is the earliest month that works)."""
    start = calculate({"defaults": True, "today": today.isoformat()})["defaults"]["start"]
    response = calculate(dict(BASE, start=start, today=today.isoformat()))
    assert "start_passed" not in [warning["code"] for warning in response["warnings"]]
    year, month = map(int, start.split("-"))
    assert due_date(year, month) >= today
    previous = date(year, month, 1) - timedelta(days=1)
    assert due_date(previous.year, previous.month) < today
