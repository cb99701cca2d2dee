"""Plain-language sentences: summary of the plan and verdict on the household budget."""

from __future__ import annotations

from hypothesis import given

from calculator.affordability import Household, assess
from calculator.money import Money
from calculator.numbers import format_money
from calculator.plan import build_plan, plan_by_installment, plan_by_months
from calculator.reference import normalbelopp
from calculator.summary import period_text, plan_summary, verdict
from strategies import examples, months_plans, starts

KR = Money.from_kronor


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ")


def test_one_month() -> None:
    plan = plan_by_months(KR(800), 1, rent=KR(8000), start=(2027, 1))
    assert _plain(plan_summary(plan)) == (
        "Du betalar 800 kr extra tillsammans med hyran för januari 2027. Betalningen ska vara "
        "betald senast 30 december 2026.")


def test_period_over_new_year() -> None:
    plan = plan_by_months(KR(4000), 4, rent=KR(0), start=(2026, 11))
    assert period_text(plan) == "november 2026–februari 2027"


def test_last_month_different_and_interest() -> None:
    plan = plan_by_installment(KR(9000), KR(2000), rent=KR(0), start=(2027, 3), rate=1000)
    text = _plain(plan_summary(plan))
    assert text.startswith("Du betalar 2 000 kr extra varje månad (den sista månaden 1 000 kr)")
    assert text.endswith(f"och räntan blir {_plain(format_money(plan.interest))} sammanlagt.")


def test_installments_that_differ_by_a_krona() -> None:
    plan = plan_by_months(KR(14550), 12, rent=KR(0), start=(2027, 1))
    assert "mellan 1 212 kr och 1 213 kr extra varje månad" in _plain(plan_summary(plan))


@examples(1)
@given(months_plans, starts)
def test_summary_is_two_sentences_in_du_form(plan_parts: tuple[Money, int],
                                             start: tuple[int, int]) -> None:
    """Invariant: every summary addresses the tenant as "du", in one or two sentences, and
    names the first due date and the number of months."""
    debt, months = plan_parts
    plan = plan_by_months(debt, months, rent=KR(5000), start=start)
    text = plan_summary(plan)
    assert text.startswith("Du betalar ") and text.endswith(".")
    assert text.count(". ") <= 1
    assert str(plan.first_due_date.day) in text
    if months > 1:
        assert f"i {months} månader" in text


def test_verdicts() -> None:
    amounts = normalbelopp(2023).amounts
    plan = plan_by_months(KR(3000), 3, rent=KR(7000), start=(2027, 1))
    fits = assess(plan, Household(1, [], KR(20000)), 2023, "", amounts)
    assert _plain(verdict(fits)).startswith("Planen ryms i hushållets budget. Efter normalbelopp")
    tight = assess(plan, Household(1, [], KR(13217)), 2023, "", amounts)
    assert "högst 500 kr i månaden ryms" in _plain(verdict(tight))
    broke = assess(plan, Household(1, [], KR(12000)), 2023, "", amounts)
    assert "inget kvar" in verdict(broke)
    with_interest = build_plan(KR(100_000), [KR(50_000)] * 2, rent=KR(7000), start=(2027, 1),
                               rate=5000)
    eaten = assess(with_interest, Household(1, [], KR(13000)), 2023, "", amounts)
    assert eaten.surplus > Money(0) and not eaten.max_installment
    assert "räntan" in verdict(eaten)
