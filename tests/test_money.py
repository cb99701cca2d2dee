"""Money: integer öre only, immutable, and splitting never loses an öre."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from calculator.money import Money, total
from strategies import amounts, examples, ore


@pytest.mark.parametrize("bad", [12.5, 0.0, True, "100", None, [1]])
def test_only_int_ore_makes_money(bad: object) -> None:
    with pytest.raises(TypeError):
        Money(bad)  # type: ignore[arg-type]


def test_floats_are_refused_in_arithmetic_too() -> None:
    with pytest.raises(TypeError):
        Money(100) * 1.5  # type: ignore[operator]
    with pytest.raises(TypeError):
        Money.from_kronor(2.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Money(100) + 1  # type: ignore[operator]


def test_money_is_immutable_and_hashable() -> None:
    money = Money(100)
    with pytest.raises(AttributeError):
        money.ore = 5  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del money.ore
    assert {Money(100), Money(100), Money.from_kronor(1)} == {Money(100)}
    assert Money(100) != 100


def test_arithmetic_and_order() -> None:
    assert Money(150) + Money(50) == Money(200)
    assert Money(150) - Money(200) == Money(-50)
    assert -Money(5) == Money(-5)
    assert 3 * Money(5) == Money(5) * 3 == Money(15)
    assert Money(1) < Money(2) <= Money(2) < Money(3) and Money(3) > Money(2) >= Money(2)
    assert not Money(0) and Money(1)
    assert total([Money(1), Money(2)]) == Money(3) and total([]) == Money(0)
    assert repr(Money(12)) == "Money(12)"


def test_rounding_to_whole_kronor() -> None:
    assert Money(12345).floor_kronor() == Money(12300)
    assert Money(12345).ceil_kronor() == Money(12400)
    assert Money(-150).floor_kronor() == Money(-200)
    assert Money(-150).ceil_kronor() == Money(-100)
    assert Money(12300).is_whole_kronor and not Money(12301).is_whole_kronor


def test_allocate_example_from_the_style_guide() -> None:
    assert Money(800).allocate(3) == [Money(267), Money(267), Money(266)]
    with pytest.raises(ValueError):
        Money(800).allocate(0)


@examples(1)
@given(amounts, st.integers(min_value=1, max_value=500))
def test_allocate_conserves_and_is_fair(amount: Money, parts: int) -> None:
    """Invariant: the parts add up to the whole, differ by at most 1 öre, larger ones first."""
    shares = amount.allocate(parts)
    assert len(shares) == parts
    assert total(shares) == amount
    assert max(shares).ore - min(shares).ore <= 1
    assert shares == sorted(shares, reverse=True)


@examples(1)
@given(ore)
def test_whole_kronor_rounding_brackets_the_amount(value: int) -> None:
    """Invariant: floor ≤ amount ≤ ceil, both whole kronor, less than 1 kr apart."""
    money = Money(value)
    low, high = money.floor_kronor(), money.ceil_kronor()
    assert low <= money <= high
    assert low.is_whole_kronor and high.is_whole_kronor
    assert (high - low).ore in (0, 100)
