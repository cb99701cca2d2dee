"""Plain-language sentences: the summary of the plan."""

from __future__ import annotations

from hypothesis import given

from calculator.money import Money
from calculator.numbers import format_money
from calculator.plan import build_plan, plan_by_installment, plan_by_months
from calculator.summary import period_text, plan_summary
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

