"""English sentences: the summary, the verdict, the agreement's clauses and the files."""

from __future__ import annotations

from datetime import date

from calculator import texts_en
from calculator.agreement import agreement_slots
from calculator.exports import export_files
from calculator.language import using
from calculator.money import Money
from calculator.plan import build_plan, plan_by_months


def _plan(rate: int | None = None, months: int = 3):
    return plan_by_months(
        Money.from_kronor(3001), months, rent=Money.from_kronor(8000), start=(2027, 1), rate=rate
    )


def test_summary_gives_the_first_total_its_day_and_parts() -> None:
    with using("en"):
        text = texts_en.plan_summary(_plan(rate=1000)).replace("\u00a0", " ")
    assert text.startswith("Your first payment is SEK 9,")
    assert "Pay it by Wednesday 30 December 2026." in text
    assert "It is the rent of SEK 8,000, SEK 1,001 towards the debt and SEK 24.67 in interest." in text
    assert "The amount changes a little every month, because the interest changes." in text
    assert text.endswith("in total.")


def test_a_one_month_plan() -> None:
    plan = build_plan(Money.from_kronor(500), [Money.from_kronor(500)], rent=Money(0), start=(2027, 1))
    with using("en"):
        assert texts_en.plan_summary(plan).replace("\u00a0", " ") == (
            "Your payment is SEK 500. Pay it by Wednesday 30 December 2026. It is SEK 500 towards the "
            "debt. Then the debt is paid."
        )


def test_agreement_clauses_in_english() -> None:
    with using("en"):
        slots = agreement_slots(_plan(rate=1000), date(2026, 12, 1), {})
    assert slots["installments"] == "3 instalments"
    assert slots["first_due_date"] == "30 December 2026"
    assert slots["interest_terms"].startswith("Late-payment interest under section 6 of the Interest Act")
    with using("en"):
        assert agreement_slots(_plan(), date(2026, 12, 1), {})["interest_terms"] == (
            "No interest is charged during the plan."
        )


def test_files_in_english() -> None:
    with using("en"):
        files = export_files(_plan(rate=1000), date(2026, 12, 1))
    lines = files["csv"].lstrip("\ufeff").split("\r\n")
    assert lines[0] == "Month,Pay by,Rent (SEK),Instalment (SEK),Interest (SEK),To pay (SEK),Debt left (SEK)"
    assert lines[1].startswith("January 2027,2026-12-30,8000.00,1001.00,24.67,9025.67,")
    assert "X-WR-CALNAME:Repayment plan" in files["ics"]
    assert "SUMMARY:Pay SEK" in files["ics"] and "(1 of 3)" in files["ics"]
    assert files["ics_filename"] == "repayment-plan-2027-01.ics"
