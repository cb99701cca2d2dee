"""Statutory dröjsmålsränta (räntelagen 6 and 9 §§): the rate of each half-year, exact to öre.

The reference is computed here with fractions.Fraction day by day, straight from the data
file's percent texts, so a mistake in splitting a row at 1 January or 1 July, in the +8
points or in the rounding shows up as a difference of at least one öre.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from fractions import Fraction
from importlib.resources import files

import pytest
from hypothesis import given, strategies as st

from calculator import calculate
from calculator.calendar import add_months, due_date
from calculator.messages import describe
from calculator.statutory import StatutoryRate
from strategies import examples

DATA = json.loads(files("calculator").joinpath("data/reference_amounts.json").read_text("utf-8"))
RULE = DATA["drojsmalsranta"]
RATES = {date.fromisoformat(entry["valid_from"]): entry for entry in RULE["reference_rates"]}
FIRST_KNOWN, LAST_KNOWN = min(RATES), max(date.fromisoformat(e["valid_to"]) for e in RATES.values())
DAY = timedelta(days=1)


def percent(day: date) -> Fraction:
    """Dröjsmålsränta in percent on ``day``: reference rate + margin, by brute lookup."""
    for begin, entry in RATES.items():
        if begin <= day <= date.fromisoformat(entry["valid_to"]):
            return Fraction(entry["percent"].replace(",", ".")) + RULE["margin_percentage_points"]
    raise LookupError(day)


def expected_interest(balance_ore: int, start: date, end: date) -> int:
    """Σ over each day after ``start`` up to ``end`` of balance × rate / 100 / 365, half-up."""
    exact = sum(
        (
            Fraction(balance_ore) * percent(start + DAY * n) / 100 / 365
            for n in range(1, (end - start).days + 1)
        ),
        Fraction(0),
    )
    return int(exact + Fraction(1, 2))  # floor(x + 1/2): half-up for x >= 0


def request(start: str, months: int, **extra: str) -> dict:
    return {
        "debt": "12 000",
        "rent": "8 000",
        "plan_by": "months",
        "months": str(months),
        "start": start,
        "interest": "statutory",
        "today": "2020-01-01",
        **extra,
    }


def check_rows(response: dict, start: str) -> None:
    year, month = (int(part) for part in start.split("-"))
    previous = due_date(*add_months(year, month, -1))
    balance = response["plan"]["debt_ore"]
    for row in response["plan"]["rows"]:
        due = date.fromisoformat(row["due_date"])
        assert row["interest_ore"] == expected_interest(balance, previous, due), row["month"]
        balance -= row["installment_ore"]
        previous = due


def test_a_row_across_1_july_splits_its_days() -> None:
    """August 2024's row runs 28 June–31 July 2024: 2 days in the first half-year, 31 in the
    second (the same 12 % in both halves of 2024, so this checks the day split itself)."""
    periods = StatutoryRate().periods(date(2024, 6, 28), date(2024, 7, 31))
    assert [(p.valid_from, days) for p, days in periods] == [(date(2024, 1, 1), 2), (date(2024, 7, 1), 31)]
    check_rows(calculate(request("2024-07", 3)), "2024-07")


def test_a_row_across_new_year_splits_its_days() -> None:
    """February 2025's rent is due 31 January; from 30 December 2024 that is 1 day at 12 %
    (nyårsafton) and 31 days at 11 %, on the 6 000 kr still unpaid:
    6 000 kr × (0,12 + 0,11 × 31) / 365 = 58,027 → 58,03 kr."""
    response = calculate(request("2025-01", 2))
    row = response["plan"]["rows"][1]
    assert (row["due_date"], row["interest_ore"]) == ("2025-01-31", 5803)
    check_rows(response, "2025-01")


def test_rates_used_name_their_period_and_source() -> None:
    rates = calculate(request("2023-06", 3))["plan"]["rates"]
    assert [(r["period_text"], r["rate_text"], r["reference_rate_text"]) for r in rates] == [
        ("första halvåret 2023", "10,50\u00a0%", "2,50\u00a0%"),
        ("andra halvåret 2023", "11,50\u00a0%", "3,50\u00a0%"),
    ]
    assert all("riksbank" in r["source"].lower() and not r["secondary_source"] for r in rates)


def test_secondary_source_half_years_are_warned_about() -> None:
    verified = calculate(request("2023-03", 6))
    secondary = calculate(request("2025-05", 6))
    assert "rate_secondary_source" not in [w["code"] for w in verified["warnings"]]
    warning = [w for w in secondary["warnings"] if w["code"] == "rate_secondary_source"]
    assert warning and "första halvåret 2025 och andra halvåret 2025" in warning[0]["message"]


def test_a_half_year_not_in_the_data_file_asks_for_a_rate() -> None:
    after = LAST_KNOWN + DAY
    response = calculate(request(f"{after.year}-{after.month:02d}", 3))
    assert [(e["field"], e["code"]) for e in response["errors"]] == [("interest", "rate_unknown")]
    assert response["errors"][0]["message"].startswith("Välj egen räntesats och skriv räntan")


@pytest.mark.parametrize(
    ("choice", "rate", "expected"), [("none", "12", 0), ("rate", "12", None), ("", "", 0)]
)
def test_the_interest_choice_decides_which_rate_counts(choice: str, rate: str, expected: int | None) -> None:
    response = calculate(request("2023-03", 3, interest=choice, interest_rate=rate))
    total = response["plan"]["interest_ore"]
    assert total == expected if expected is not None else total > 0


def test_own_rate_chosen_but_empty_or_unknown_choice_are_field_errors() -> None:
    empty = calculate(request("2023-03", 3, interest="rate", interest_rate=""))
    odd = calculate(request("2023-03", 3, interest="bank"))
    assert [(e["field"], e["code"]) for e in empty["errors"]] == [("interest_rate", "required")]
    assert [(e["field"], e["code"]) for e in odd["errors"]] == [("interest", "bad_choice")]


def _known_starts() -> st.SearchStrategy:
    """(start month, months) whose interest periods all fall in known half-years: the first
    period begins at the due date before ``start``, the last ends at a due date before the
    month after the last known day."""
    first = add_months(FIRST_KNOWN.year, FIRST_KNOWN.month, 2)
    last = add_months(LAST_KNOWN.year, LAST_KNOWN.month, 1)
    span = (last[0] - first[0]) * 12 + last[1] - first[1] + 1
    return st.integers(min_value=0, max_value=span - 1).flatmap(
        lambda offset: st.tuples(
            st.just(add_months(*first, offset)), st.integers(min_value=1, max_value=span - offset)
        )
    )


@given(_known_starts(), st.integers(min_value=1, max_value=9_999_999_00))
@examples(0.3)
def test_every_plan_within_the_data_matches_exact_fractions(plan: tuple, debt_ore: int) -> None:
    """Any plan inside the known half-years: each row's interest is the day-by-day exact sum,
    rounded half-up once."""
    (year, month), months = plan
    months = min(months, max(1, debt_ore // 100))
    start = f"{year}-{month:02d}"
    debt = f"{debt_ore // 100},{debt_ore % 100:02d}"
    response = calculate(dict(request(start, months), debt=debt))
    assert response["ok"], response["errors"]
    check_rows(response, start)


def test_example_rate_in_the_messages_is_a_real_recent_statutory_rate() -> None:
    """The form's example rate (messages catalogue) is reference rate + 8 of some half-year."""
    real = {
        Fraction(e["percent"].replace(",", ".")) + RULE["margin_percentage_points"] for e in RATES.values()
    }
    assert Fraction(describe("interest_rate")["example"].replace(",", ".")) in real
    assert Fraction(describe("interest_rate")["decimals_example"].replace(",", ".")) in real
