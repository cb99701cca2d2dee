"""Plain-language sentences: the summary of the plan."""

from __future__ import annotations

from hypothesis import given

from calculator.calendar import date_text
from calculator.money import Money
from calculator.numbers import money_text
from calculator.plan import plan_by_installment, plan_by_months
from calculator.summary import plan_summary
from strategies import examples, months_plans, starts

KR = Money.from_kronor


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ")


def test_one_month() -> None:
    plan = plan_by_months(KR(800), 1, rent=KR(8000), start=(2027, 1))
    assert _plain(plan_summary(plan)) == (
        "Din betalning är 8 800 kr. Betala den senast onsdag 30 december 2026. Det är hyran "
        "8 000 kr och 800 kr på skulden. Då är skulden betald."
    )


def test_first_payment_total_date_and_parts_with_interest() -> None:
    """The issue's case: the interest comes on top, so the first transfer is more than rent +
    instalment, and a December due date is not described as a January–July plan."""
    plan = plan_by_months(KR(12500), 7, rent=KR(8500), start=(2027, 1), rate=1200)
    first = plan.rows[0]
    assert first.payment == first.rent + first.installment + first.interest
    text = _plain(plan_summary(plan))
    assert text.startswith(
        f"Din första betalning är {_plain(money_text(first.payment))}. Betala den senast "
        f"onsdag 30 december 2026. Det är hyran 8 500 kr, "
        f"{_plain(money_text(first.installment))} på skulden och "
        f"{_plain(money_text(first.interest))} i ränta. "
    )
    assert "Beloppet ändras lite varje månad, eftersom räntan ändras." in text
    assert "Den sista betalningen ska vara gjord senast onsdag 30 juni 2027." in text
    assert text.endswith(f"Räntan blir {_plain(money_text(plan.interest))} sammanlagt.")
    assert "januari" not in text


def test_last_month_different() -> None:
    plan = plan_by_installment(KR(9000), KR(2000), rent=KR(0), start=(2027, 3))
    text = _plain(plan_summary(plan))
    assert text.startswith(
        "Din första betalning är 2 000 kr. Betala den senast fredag 26 "
        "februari 2027. Det är 2 000 kr på skulden. "
    )  # no rent, no "hyran 0 kr"
    assert "Beloppet är inte lika stort varje månad." in text


def test_equal_payments_say_so() -> None:
    plan = plan_by_months(KR(12000), 12, rent=KR(5000), start=(2027, 1))
    assert "Du betalar lika mycket varje månad." in plan_summary(plan)


@examples(1)
@given(months_plans, starts)
def test_summary_names_the_first_transfer_and_both_dates(
    plan_parts: tuple[Money, int], start: tuple[int, int]
) -> None:
    """Invariant: every summary addresses the tenant as "du", opens with the whole first
    payment (rent + instalment + interest) and its last day with the weekday, and names the
    last day and the number of months; every sentence is short (at most 16 words)."""
    debt, months = plan_parts
    plan = plan_by_months(debt, months, rent=KR(5000), start=start, rate=800)
    first, last = plan.rows[0], plan.rows[-1]
    text = plan_summary(plan)
    assert text.startswith(
        f"Din {'första ' if months > 1 else ''}betalning är "
        f"{money_text(first.payment)}. Betala den senast "
        f"{date_text(first.due_date, weekday=True)}. "
    )
    assert text.endswith(".")
    if months > 1:
        assert f"i {months} månader" in text
        assert f"senast {date_text(last.due_date, weekday=True)}." in text
    assert max(len(sentence.split(" ")) for sentence in text.split(". ")) <= 16
