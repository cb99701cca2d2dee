"""The margin: parsing the share, the largest payment and the recommended installment."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from calculator.errors import CalculatorError
from calculator.margin import largest_payment, parse_margin_share, recommended_installment
from calculator.money import Money
from calculator.plan import build_plan, split_by_installment
from strategies import examples, installment_plans, rates, starts

KR = Money.from_kronor


def test_no_interest_means_the_margin_itself_in_whole_kronor() -> None:
    def plan_for(installment: Money):
        return build_plan(KR(9600), split_by_installment(KR(9600), installment), rent=KR(0), start=(2027, 3))

    assert recommended_installment(KR(9600), Money(80850), plan_for) == KR(808)
    assert recommended_installment(KR(9600), KR(20000), plan_for) == KR(9600)
    assert recommended_installment(KR(9600), KR(79), plan_for) == Money(0)  # > 120 months


@pytest.mark.parametrize(("typed", "share"), [("0,5", 50), ("0.75", 75), ("1", 100), ("0,01", 1)])
def test_margin_share_typed(typed: str, share: int) -> None:
    assert parse_margin_share(typed) == share


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("0", "out_of_range"),
        ("1,5", "out_of_range"),
        ("0,505", "too_many_decimals"),
        ("hälften", "not_a_number"),
    ],
)
def test_margin_share_that_cannot_be_used(typed: str, code: str) -> None:
    with pytest.raises(CalculatorError) as caught:
        parse_margin_share(typed)
    assert caught.value.code == code


@examples(2)
@given(installment_plans, starts, rates, st.integers(min_value=0, max_value=50_000_00))
def test_recommended_installment_fits_and_one_krona_more_does_not(
    plan_parts: tuple[Money, Money], start: tuple[int, int], rate: int, margin: int
) -> None:
    """Invariant: the recommended installment R is whole kronor; 0, or its plan's largest
    payment is within the margin and R + 1 kr's is not (unless R already pays the whole debt
    at once)."""
    debt, _ = plan_parts

    def plan_for(installment: Money):
        return build_plan(
            debt, split_by_installment(debt, installment), rent=KR(7000), start=start, rate=rate
        )

    room = Money(margin)
    result = recommended_installment(debt, room, plan_for)
    assert result.is_whole_kronor and result >= Money(0)
    if result:
        assert largest_payment(plan_for(result)) <= room
        if result < debt:
            assert largest_payment(plan_for(result + KR(1))) > room
