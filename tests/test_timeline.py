"""Legal timeline: forfeiture after more than a week (JB 12:42), three weeks to pay (JB 12:44)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given

from calculator.calendar import is_vardag
from calculator.timeline import FORFEITURE_RULE, RESTORE_RULE, forfeiture_date, last_day_to_pay
from strategies import dates, examples


def test_forfeiture_from_the_eighth_day() -> None:
    result = forfeiture_date(date(2026, 12, 30))
    assert result.date == date(2027, 1, 7)
    assert result.rule == FORFEITURE_RULE == "12 kap. 42 § första stycket 1 jordabalken"
    assert "tidigast" in result.text and "7 januari 2027" in result.text


def test_three_weeks_ending_on_a_vardag_stay_put() -> None:
    result = last_day_to_pay(date(2026, 3, 2))  # a Monday; 23 March 2026 is a Monday
    assert result.date == date(2026, 3, 23)
    assert result.rule == RESTORE_RULE
    assert result.to_dict() == {"date": "2026-03-23", "date_text": "23 mars 2026",
                                "rule": "12 kap. 44 § jordabalken", "text": result.text}


def test_three_weeks_ending_on_midsommarafton_move_to_monday() -> None:
    result = last_day_to_pay(date(2026, 5, 29))
    assert result.date == date(2026, 6, 22)
    assert "1930:173" in result.rule and "19 juni 2026" in result.text


def test_three_weeks_ending_on_julafton_move_past_christmas() -> None:
    assert last_day_to_pay(date(2026, 12, 3)).date == date(2026, 12, 28)


def test_three_weeks_ending_on_a_saturday_move_to_monday() -> None:
    assert last_day_to_pay(date(2026, 2, 28)).date == date(2026, 3, 23)


@examples(1)
@given(dates)
def test_last_day_is_the_first_vardag_from_three_weeks(served: date) -> None:
    """Invariant: the last day is a vardag, not before served + 21 days, and every day from
    served + 21 up to it is a non-vardag (lag 1930:173 moves only past closed days)."""
    three_weeks = served + timedelta(weeks=3)
    result = last_day_to_pay(served)
    assert is_vardag(result.date) and result.date >= three_weeks
    day = three_weeks
    while day < result.date:
        assert not is_vardag(day)
        day += timedelta(days=1)
    assert ("1930:173" in result.rule) == (result.date != three_weeks)


@examples(1)
@given(dates)
def test_forfeiture_is_more_than_one_week_after_the_due_date(due: date) -> None:
    """Invariant: forfeiture is possible exactly from due date + 8 days (more than a week)."""
    assert forfeiture_date(due).date - due == timedelta(days=8)
