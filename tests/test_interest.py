"""Interest arithmetic: integer half-up rounding that agrees with exact fractions."""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from math import floor

import pytest
from hypothesis import given, strategies as st

from calculator.interest import days_between, half_up, period_interest
from calculator.money import Money
from strategies import amounts, examples, rates


def test_examples() -> None:
    assert period_interest(Money.from_kronor(6000), 1200, 30) == Money(5918)
    assert period_interest(Money.from_kronor(6000), 0, 30) == Money(0)
    assert period_interest(Money(0), 1200, 30) == Money(0)
    assert half_up(1, 2) == 1 and half_up(3, 2) == 2 and half_up(0, 7) == 0
    assert days_between(date(2028, 12, 29), date(2029, 1, 31)) == 33


def test_nonsense_is_refused() -> None:
    for args in ((Money(-1), 100, 1), (Money(1), -100, 1), (Money(1), 100, -1)):
        with pytest.raises(ValueError):
            period_interest(*args)
    with pytest.raises(ValueError):
        half_up(1, 0)


@examples(2)
@given(amounts, rates, st.integers(min_value=0, max_value=400))
def test_interest_agrees_with_exact_fractions(balance: Money, rate: int, days: int) -> None:
    """Invariant: integer interest = exact interest rounded half-up to whole öre."""
    exact = Fraction(balance.ore * rate * days, 100 * 100 * 365)
    assert period_interest(balance, rate, days).ore == floor(exact + Fraction(1, 2))


@examples(1)
@given(amounts, amounts, rates, st.integers(min_value=0, max_value=60))
def test_interest_grows_with_the_balance(a: Money, b: Money, rate: int, days: int) -> None:
    """Monotonicity: a larger unpaid balance never gives less interest."""
    low, high = sorted([a, b])
    assert period_interest(low, rate, days) <= period_interest(high, rate, days)
