"""Swedish calendar: helgdagar by lag (1989:253), vardagar and the rent due date (JB 12:20)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, strategies as st

from calculator.calendar import (
    add_months,
    date_text,
    due_date,
    easter_sunday,
    eves,
    format_month,
    holidays,
    is_helgdag,
    is_vardag,
    month_text,
    next_vardag,
    parse_date,
    parse_month,
    vardag_on_or_after,
)
from calculator.errors import CalculatorError
from strategies import dates, examples, starts

DAY = timedelta(days=1)


def meeus_easter(year: int) -> date:
    """Easter by the Meeus/Jones/Butcher form, independent of the engine's variant."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def brute_force_non_vardagar(year: int) -> set[date]:
    """Every non-vardag of ``year`` from the wording of the laws, found by scanning the year."""
    easter = meeus_easter(year)
    days = {
        date(year, 1, 1),
        date(year, 1, 6),
        date(year, 5, 1),
        date(year, 12, 24),
        date(year, 12, 25),
        date(year, 12, 26),
        date(year, 12, 31),
        easter - 2 * DAY,
        easter + DAY,
        easter + 39 * DAY,
    }
    days.add(date(year, 6, 6) if year >= 2005 else easter + 50 * DAY)
    day = date(year, 1, 1)
    while day.year == year:
        if day.weekday() >= 5:
            days.add(day)
        if day.month == 6 and 20 <= day.day <= 26 and day.weekday() == 5:
            days.add(day - DAY)  # midsommarafton (midsommardagen is a Saturday anyway)
        day += DAY
    return days


@pytest.mark.parametrize(
    ("year", "easter"),
    [
        (2000, date(2000, 4, 23)),
        (2008, date(2008, 3, 23)),
        (2011, date(2011, 4, 24)),
        (2024, date(2024, 3, 31)),
        (2025, date(2025, 4, 20)),
        (2026, date(2026, 4, 5)),
        (2027, date(2027, 3, 28)),
        (2029, date(2029, 4, 1)),
        (2038, date(2038, 4, 25)),
        (2285, date(2285, 3, 22)),
    ],
)
def test_known_easter_dates(year: int, easter: date) -> None:
    assert easter_sunday(year) == easter


@examples(1)
@given(st.integers(min_value=1583, max_value=9999))
def test_easter_matches_an_independent_computus(year: int) -> None:
    """Invariant: the engine's computus equals the Meeus/Jones/Butcher one and is a Sunday."""
    assert easter_sunday(year) == meeus_easter(year)
    assert easter_sunday(year).weekday() == 6


def test_known_helgdagar_2026() -> None:
    named = {name: day for day, name in holidays(2026).items()}
    assert named == {
        "nyårsdagen": date(2026, 1, 1),
        "trettondedag jul": date(2026, 1, 6),
        "långfredagen": date(2026, 4, 3),
        "påskdagen": date(2026, 4, 5),
        "annandag påsk": date(2026, 4, 6),
        "Kristi himmelsfärdsdag": date(2026, 5, 14),
        "första maj": date(2026, 5, 1),
        "pingstdagen": date(2026, 5, 24),
        "nationaldagen": date(2026, 6, 6),
        "midsommardagen": date(2026, 6, 20),
        "alla helgons dag": date(2026, 10, 31),
        "juldagen": date(2026, 12, 25),
        "annandag jul": date(2026, 12, 26),
    }
    assert {name: day for day, name in eves(2026).items()} == {
        "midsommarafton": date(2026, 6, 19),
        "julafton": date(2026, 12, 24),
        "nyårsafton": date(2026, 12, 31),
    }


def test_2005_reform_nationaldagen_replaced_annandag_pingst() -> None:
    assert "annandag pingst" in holidays(2004).values()
    assert "nationaldagen" not in holidays(2004).values()
    assert not is_vardag(date(2004, 5, 31))  # annandag pingst 2004, a Monday
    assert is_vardag(date(2005, 5, 16))  # annandag pingst 2005, no longer a helgdag
    assert not is_vardag(date(2005, 6, 6))  # the first nationaldag as helgdag, a Monday


def test_vardag_and_helgdag() -> None:
    assert is_helgdag(date(2026, 4, 3)) and not is_vardag(date(2026, 4, 3))  # långfredagen
    assert is_helgdag(date(2026, 3, 1))  # an ordinary Sunday
    assert not is_helgdag(date(2026, 6, 19)) and not is_vardag(date(2026, 6, 19))
    assert not is_vardag(date(2026, 12, 24)) and not is_vardag(date(2026, 12, 31))
    assert not is_vardag(date(2026, 3, 7))  # a Saturday
    assert is_vardag(date(2026, 4, 30))  # valborgsmässoafton is an ordinary day


@pytest.mark.parametrize(
    ("month", "due"),
    [
        ((2027, 1), date(2026, 12, 30)),  # 31 December is nyårsafton
        ((2025, 1), date(2024, 12, 30)),
        ((2030, 1), date(2029, 12, 28)),  # nyårsafton on a Monday, then a weekend
        ((2024, 4), date(2024, 3, 28)),  # långfredagen 29 March, påskafton, påskdagen
        ((2029, 4), date(2029, 3, 29)),  # långfredagen 30 March 2029
        ((2026, 6), date(2026, 5, 29)),  # 30-31 May 2026 are a weekend
        ((2026, 7), date(2026, 6, 30)),
        ((2027, 3), date(2027, 2, 26)),
        ((2021, 1), date(2020, 12, 30)),  # 31 Dec 2020 nyårsafton (Thursday)
    ],
)
def test_known_due_dates(month: tuple[int, int], due: date) -> None:
    assert due_date(*month) == due


@examples(2)
@given(starts)
def test_due_date_is_the_last_vardag_before_the_month(month: tuple[int, int]) -> None:
    """Invariant: the due date equals the brute-force answer (scan back from the 1st through
    the non-vardagar found by reading the laws), and is a vardag in the month before."""
    first = date(*month, 1)
    closed = brute_force_non_vardagar(first.year) | brute_force_non_vardagar(first.year - 1)
    expected = first - DAY
    while expected in closed:
        expected -= DAY
    due = due_date(*month)
    assert due == expected
    assert is_vardag(due)
    assert (first - due).days <= 10


@examples(2)
@given(dates)
def test_is_vardag_agrees_with_brute_force(day: date) -> None:
    """Invariant: is_vardag(d) holds exactly when d is not among the brute-force non-vardagar."""
    assert is_vardag(day) == (day not in brute_force_non_vardagar(day.year))


@examples(1)
@given(dates)
def test_rolling_to_a_vardag(day: date) -> None:
    """Invariant: vardag_on_or_after gives the first vardag ≥ d; next_vardag the first > d."""
    same_or_later = vardag_on_or_after(day)
    assert is_vardag(same_or_later) and same_or_later >= day
    probe = day
    while probe < same_or_later:
        assert not is_vardag(probe)
        probe += DAY
    later = next_vardag(day)
    assert later > day and is_vardag(later) and later == vardag_on_or_after(day + DAY)


@examples(1)
@given(starts, st.integers(min_value=-240, max_value=240))
def test_add_months_is_invertible(month: tuple[int, int], count: int) -> None:
    """Round trip: moving n months and back again returns to the same month."""
    moved = add_months(*month, count)
    assert 1 <= moved[1] <= 12
    assert add_months(*moved, -count) == month


@pytest.mark.parametrize(
    ("typed", "month"),
    [
        ("2027-01", (2027, 1)),
        ("2027-1", (2027, 1)),
        (" 2027-12 ", (2027, 12)),
        ("2000-01", (2000, 1)),
        ("2100-12", (2100, 12)),
    ],
)
def test_parse_month(typed: str, month: tuple[int, int]) -> None:
    assert parse_month(typed) == month


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("", "required"),
        (None, "required"),
        ("2027-13", "bad_month"),
        ("2027-00", "bad_month"),
        ("27-01", "bad_month"),
        ("2027/01", "bad_month"),
        ("januari 2027", "bad_month"),
        (202701, "bad_month"),
        (["2027-01"], "bad_month"),
        ("1999-12", "out_of_range"),
        ("2101-01", "out_of_range"),
    ],
)
def test_parse_month_errors(typed: object, code: str) -> None:
    with pytest.raises(CalculatorError) as caught:
        parse_month(typed)
    assert caught.value.code == code


def test_parse_date() -> None:
    assert parse_date("2026-12-01") == date(2026, 12, 1)
    for bad in ("2026-02-30", "2026-1-1", "1 december 2026", 20261201, "0000-01-01"):
        with pytest.raises(CalculatorError) as caught:
            parse_date(bad)
        assert caught.value.code == "bad_date"


def test_swedish_month_and_date_text() -> None:
    assert month_text(2027, 1) == "januari 2027"
    assert month_text(2027, 10) == "oktober 2027"
    assert date_text(date(2026, 12, 3)) == "3 december 2026"
    assert format_month(2027, 3) == "2027-03"
