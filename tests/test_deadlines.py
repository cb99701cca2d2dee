"""Deadlines that decide whether a tenant keeps the home (JB 12:42, 12:44, lag 1930:173).

Three kinds of check: the worked examples of the issue word for word; properties over any
case (dates in order, vardagar where the law moves a day, never raising); and every single day
2005–2099 against a brute-force calendar written here from the law texts, independent of the
engine's calendar module (its own Easter algorithm, its own holiday list).
"""

from __future__ import annotations

import json
from datetime import date, timedelta

from hypothesis import given, strategies as st

from calculator import deadlines, deadlines_json
from calculator.calendar import is_vardag
from calculator.deadlines import (
    eviction_decision_earliest,
    forfeiture_earliest,
    forfeiture_last_day_to_pay,
    recovery_last_day,
)
from strategies import case_day_texts, examples, field_values

DAY = timedelta(days=1)
CODES = ("due_date", "forfeiture_earliest", "recovery_last_day", "eviction_decision_earliest")


def _dates(response: dict) -> dict[str, date]:
    return {entry["code"]: date.fromisoformat(entry["date"]) for entry in response["deadlines"]}


# -- the examples of the issue ---------------------------------------------------------------


def test_forfeiture_waits_for_the_vardag_after_trettondedag_jul() -> None:
    assert _dates(deadlines({"due_date": "2026-12-30"}))["forfeiture_earliest"] == date(2027, 1, 8)


def test_rent_month_gives_the_same_due_date() -> None:
    by_month = deadlines({"month": "2027-01"})
    assert by_month["deadlines"][0]["date"] == "2026-12-30"
    assert "januari 2027" in by_month["deadlines"][0]["text"]
    assert by_month["deadlines"][0]["rule"] == "12 kap. 20 § jordabalken"


def test_three_weeks_run_from_the_board_when_it_was_told_later() -> None:
    response = deadlines({"served_date": "2027-01-18", "board_notified_date": "2027-01-20"})
    assert _dates(response) == {
        "recovery_last_day": date(2027, 2, 10),
        "eviction_decision_earliest": date(2027, 2, 15),
    }
    assert [w["code"] for w in response["warnings"]] == ["board_after_served"]


def test_christmas_moves_the_last_day_and_is_skipped_when_counting_vardagar() -> None:
    response = deadlines({"served_date": "2027-12-03", "board_notified_date": "2027-12-01"})
    assert _dates(response) == {
        "recovery_last_day": date(2027, 12, 27),
        "eviction_decision_earliest": date(2027, 12, 30),
    }
    assert response["warnings"] == []


def test_every_date_cites_its_rule_and_has_weekday_text() -> None:
    response = deadlines(
        {"due_date": "2026-12-30", "served_date": "2027-01-18", "board_notified_date": "2027-01-20"}
    )
    rules = {entry["code"]: entry["rule"] for entry in response["deadlines"]}
    assert rules["forfeiture_earliest"].startswith("12 kap. 42 § första stycket 1 jordabalken")
    assert rules["recovery_last_day"].startswith("12 kap. 44 § första stycket jordabalken")
    assert rules["eviction_decision_earliest"] == "12 kap. 44 § jordabalken"
    assert "lag (1930:173)" in rules["forfeiture_earliest"]
    assert response["deadlines"][1]["date_text"] == "fredag 8 januari 2027"
    assert response["law_checked"] == "2026-11-29"


# -- warnings and errors ---------------------------------------------------------------------


def test_one_service_date_warns_that_the_three_weeks_have_not_started() -> None:
    served = deadlines({"due_date": "2026-12-30", "served_date": "2027-01-18"})
    board = deadlines({"due_date": "2026-12-30", "board_notified_date": "2027-01-18"})
    assert [w["code"] for w in served["warnings"]] == ["board_date_missing"]
    assert [w["code"] for w in board["warnings"]] == ["served_date_missing"]
    assert set(_dates(served)) == set(_dates(board)) == {"due_date", "forfeiture_earliest"}


def test_nothing_given_asks_for_the_due_date() -> None:
    response = deadlines({"due_date": "", "month": ""})
    assert response["ok"] is False
    assert [(e["field"], e["code"]) for e in response["errors"]] == [("due_date", "required")]
    assert response["errors"][0]["message"].startswith("Fyll i förfallodagen eller hyresmånaden")


def test_every_wrong_field_is_reported_at_once_in_form_order() -> None:
    response = deadlines(
        {"due_date": "30/12", "month": "2027-13", "served_date": "igår", "board_notified_date": "2101-01-02"}
    )
    assert [(e["field"], e["code"]) for e in response["errors"]] == [
        ("due_date", "bad_date"),
        ("month", "bad_month"),
        ("served_date", "bad_date"),
        ("board_notified_date", "out_of_range"),
    ]


def test_due_date_and_month_that_disagree_is_an_error() -> None:
    assert deadlines({"due_date": "2026-12-30", "month": "2027-01"})["ok"] is True
    response = deadlines({"due_date": "2026-12-29", "month": "2027-01"})
    assert [(e["field"], e["code"]) for e in response["errors"]] == [("due_date", "both_given")]


def test_exports_hold_one_calendar_event_per_date() -> None:
    response = deadlines(
        {
            "month": "2027-01",
            "served_date": "2027-01-18",
            "board_notified_date": "2027-01-20",
            "exports": True,
        }
    )
    ics = response["exports"]["ics"]
    assert ics.count("BEGIN:VEVENT") == len(response["deadlines"]) == 4
    assert "DTSTART;VALUE=DATE:20270210" in ics and ics.endswith("END:VCALENDAR\r\n")
    assert "exports" not in deadlines({"month": "2027-01"})


@given(
    st.one_of(
        field_values,
        st.dictionaries(
            st.sampled_from(["due_date", "month", "served_date", "board_notified_date", "exports"]),
            field_values,
        ),
    )
)
@examples(1)
def test_any_input_gets_an_answer_never_an_exception(request: object) -> None:
    """Never raises, and every error names a field of the form (or none)."""
    response = json.loads(deadlines_json(json.dumps(request)))
    assert response["ok"] is (not response["errors"])
    assert {e["field"] for e in response["errors"]} <= {
        "",
        "due_date",
        "month",
        "served_date",
        "board_notified_date",
    }
    assert "internal" not in {e["code"] for e in response["errors"]}


def test_unreadable_or_deep_json_is_a_bad_request() -> None:
    for text in ("{", "[" * 10_000, b"\xff", None):
        assert json.loads(deadlines_json(text))["errors"][0]["code"] == "bad_request"


# -- properties over any case ----------------------------------------------------------------


@given(case_day_texts, case_day_texts, case_day_texts)
@examples(1)
def test_dates_are_in_order_and_vardagar_where_the_law_moves_them(due: str, served: str, board: str) -> None:
    """The list is sorted; the forfeiture week ends on a vardag more than 7 days after the due
    date; the last day to pay is a vardag at least 21 days after both events; the eviction
    decision is a vardag with exactly two vardagar between it and the last day to pay."""
    response = deadlines({"due_date": due, "served_date": served, "board_notified_date": board})
    days = _dates(response)
    listed = [entry["date"] for entry in response["deadlines"]]
    assert listed == sorted(listed) and set(days) == set(CODES)
    last_pay = days["forfeiture_earliest"] - DAY
    assert is_vardag(last_pay) and last_pay >= days["due_date"] + timedelta(days=7)
    recovery = days["recovery_last_day"]
    assert is_vardag(recovery) and recovery >= max(days_of(served, board)) + timedelta(days=21)
    eviction = days["eviction_decision_earliest"]
    between = [recovery + DAY * n for n in range(1, (eviction - recovery).days)]
    assert is_vardag(eviction) and sum(map(is_vardag, between)) == 2


def days_of(*texts: str) -> list[date]:
    return [date.fromisoformat(text) for text in texts]


@given(case_day_texts, case_day_texts)
@examples(1)
def test_a_later_event_never_gives_an_earlier_last_day(first: str, second: str) -> None:
    """Monotone: moving the later of the two events forward never moves a deadline back."""
    early, late = sorted(days_of(first, second))
    assert recovery_last_day(early, early) <= recovery_last_day(early, late)
    assert recovery_last_day(late, early) == recovery_last_day(early, late)


# -- every day 2005–2099 against a brute-force calendar --------------------------------------


def gauss_easter(year: int) -> date:
    """Gauss's Easter algorithm (Gregorian, with the two exceptions), not the engine's."""
    a, b, c = year % 19, year % 4, year % 7
    k = year // 100
    p = (13 + 8 * k) // 25
    q = k // 4
    m = (15 - p + k - q) % 30
    n = (4 + k - q) % 7
    d = (19 * a + m) % 30
    e = (2 * b + 4 * c + 6 * d + n) % 7
    if d == 29 and e == 6:
        return date(year, 4, 19)
    if d == 28 and e == 6 and (11 * m + 11) % 30 < 19:
        return date(year, 4, 18)
    return date(year, 3, 22) + timedelta(days=d + e)


def brute_non_vardagar(first: int, last: int) -> set[date]:
    """Every day that is not a vardag: weekends, lag (1989:253) 1–2 §§ from 2005, and the three
    eves 2 § lag (1930:173) names, found by scanning each year's days."""
    closed = set()
    for year in range(first, last + 1):
        easter = gauss_easter(year)
        fixed = {(1, 1), (1, 6), (5, 1), (6, 6), (12, 24), (12, 25), (12, 26), (12, 31)}
        moving = {easter - 2 * DAY, easter + DAY, easter + 39 * DAY}
        day = date(year, 1, 1)
        while day.year == year:
            midsommar_eve = day.month == 6 and 19 <= day.day <= 25 and day.weekday() == 4
            if day.weekday() >= 5 or (day.month, day.day) in fixed or day in moving or midsommar_eve:
                closed.add(day)
            day += DAY
    return closed


CLOSED = brute_non_vardagar(2005, 2100)


def brute_on_or_after(day: date) -> date:
    while day in CLOSED:
        day += DAY
    return day


def test_every_day_2005_to_2099_agrees_with_the_brute_force_calendar() -> None:
    """For each day d: rent due on d, and both service events on d (or the board on an earlier
    day, which must not matter), give the dates the brute-force calendar gives."""
    day, last = date(2005, 1, 1), date(2099, 12, 31)
    checked = 0
    while day <= last:
        pay_by = brute_on_or_after(day + 7 * DAY)
        assert forfeiture_last_day_to_pay(day) == pay_by, day
        assert forfeiture_earliest(day) == pay_by + DAY, day
        recovery = brute_on_or_after(day + 21 * DAY)
        earlier = day - (day.toordinal() % 9) * DAY
        assert recovery_last_day(day, earlier) == recovery_last_day(earlier, day) == recovery, day
        eviction, count = recovery, 0
        while count < 3:
            eviction += DAY
            count += eviction not in CLOSED
        assert eviction_decision_earliest(recovery) == eviction, day
        checked += 1
        day += DAY
    assert checked == 34_698
