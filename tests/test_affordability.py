"""Affordability against Kronofogden's normalbelopp: bands, surplus, fits and the maximum."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator.affordability import (
    Household,
    assess,
    child_band,
    normalbelopp_items,
    parse_children_ages,
)
from calculator.errors import CalculatorError, ChildTooOld
from calculator.money import Money
from calculator.plan import plan_by_installment, plan_by_months
from calculator.reference import NORMALBELOPP_KEYS, latest_year, normalbelopp, years
from strategies import examples, installment_plans, rates, starts

KR = Money.from_kronor


@pytest.mark.parametrize(("age", "key"), [
    (0, "child_0_6"), (6, "child_0_6"), (7, "child_7_10"), (10, "child_7_10"),
    (11, "child_11_14"), (14, "child_11_14"), (15, "child_15_plus"), (17, "child_15_plus"),
    (18, "child_15_plus"), (20, "child_15_plus"),
])
def test_age_bands(age: int, key: str) -> None:
    assert child_band(age)[0] == key


def test_from_21_there_is_no_child_normalbelopp() -> None:
    with pytest.raises(ChildTooOld) as caught:
        child_band(21)
    assert caught.value.params == {"age": 21}


@pytest.mark.parametrize(("typed", "ages"), [
    ("3, 7", [3, 7]), ("3 och 7", [3, 7]), ("3;7", [3, 7]), ("3 7", [3, 7]), ("", []),
    (None, []), ("  ", []), ([3, "7"], [3, 7]), ([], []), ("0", [0]), ("20", [20]),
])
def test_children_ages_typed(typed: object, ages: list[int]) -> None:
    assert parse_children_ages(typed) == ages


@pytest.mark.parametrize(("typed", "code"), [
    ("3, x", "not_a_number"), ("-1", "out_of_range"), ("2.5", "not_whole"),
    ("21", "child_too_old"), ("3, 25", "child_too_old"), ("200", "out_of_range"),
    (", ".join(["1"] * 21), "too_many_children"), (5, "not_a_number"), ({"a": 1}, "not_a_number"),
    ([[3]], "not_a_number"), ([None], "required"),
])
def test_children_ages_that_cannot_be_used(typed: object, code: str) -> None:
    with pytest.raises(CalculatorError) as caught:
        parse_children_ages(typed)
    assert caught.value.code == code


def test_data_file_years_and_amounts() -> None:
    """The figures read from the sources stay as read; later years may be added after them."""
    assert years()[:2] == [2023, 2024] and years() == sorted(set(years()))
    assert latest_year() == max(years())
    table_2023 = normalbelopp(2023)
    assert [table_2023.amounts[key].ore // 100 for key in NORMALBELOPP_KEYS] == [
        5717, 9445, 3055, 3667, 4279, 4889]
    assert "KFMFS 2022:1" in table_2023.source and not table_2023.secondary_source
    table_2024 = normalbelopp(2024)
    assert [table_2024.amounts[key].ore // 100 for key in NORMALBELOPP_KEYS] == [
        6090, 10061, 3255, 3906, 4558, 5208]
    assert table_2024.secondary_source and "andrahandskälla" in table_2024.source
    with pytest.raises(CalculatorError) as caught:
        normalbelopp(latest_year() + 1)  # a year not in the file is an error, never a guess
    assert caught.value.code == "unknown_year" and caught.value.params == {"years": years()}


def test_household_that_fits() -> None:
    plan = plan_by_months(KR(8000), 8, rent=KR(7500), start=(2027, 2))
    household = Household(1, [4, 9], KR(24000), KR(1000))
    result = assess(plan, household, 2024, "källa", normalbelopp(2024).amounts)
    assert [amount for _, amount in result.items] == [KR(6090), KR(3255), KR(3906)]
    assert result.normalbelopp == KR(13251) and result.forbehallsbelopp == KR(20751)
    assert result.surplus == KR(2249) and result.fits and result.max_installment == KR(2249)


def test_household_that_does_not_fit() -> None:
    plan = plan_by_installment(KR(24000), KR(3000), rent=KR(9800), start=(2027, 3))
    household = Household(2, [2, 12, 16], KR(36500), KR(2000))
    result = assess(plan, household, 2024, "källa", normalbelopp(2024).amounts)
    assert result.normalbelopp == KR(23082) and result.forbehallsbelopp == KR(32882)
    assert result.surplus == KR(1618) and not result.fits
    assert result.max_installment == KR(1618)


def test_negative_surplus_gives_zero_maximum() -> None:
    plan = plan_by_months(KR(1000), 1, rent=KR(9000), start=(2027, 1))
    result = assess(plan, Household(1, [], KR(10000)), 2023, "källa", normalbelopp(2023).amounts)
    assert result.surplus == KR(10000 - 5717 - 9000) and not result.fits
    assert result.max_installment == Money(0)


def test_couple_uses_the_joint_amount() -> None:
    items = normalbelopp_items(Household(2, [], KR(0)), normalbelopp(2023).amounts)
    assert items == [("Makar eller sambor", KR(9445))]


@examples(2)
@given(installment_plans, starts, rates, st.integers(min_value=0, max_value=100_000_00),
       st.lists(st.integers(min_value=0, max_value=20), max_size=4), st.sampled_from([1, 2]))
def test_fits_agrees_with_the_largest_installment_that_fits(
        plan_parts: tuple[Money, Money], start: tuple[int, int], rate: int, income: int,
        ages: list[int], adults: int) -> None:
    """Invariant: surplus = income − (normalbelopp + rent) − other costs; max_installment is
    whole kronor ≥ 0; for a whole-krona installment, the plan fits exactly when the installment
    is at most max_installment."""
    debt, installment = plan_parts
    installment = max(installment.floor_kronor(), Money(100))
    if -(-debt.ore // installment.ore) > 120:
        installment = installment + debt  # pays everything at once
    plan = plan_by_installment(debt, installment, rent=KR(7000), start=start, rate=rate)
    household = Household(adults, ages, Money(income), KR(500))
    result = assess(plan, household, 2024, "källa", normalbelopp(2024).amounts)
    assert result.surplus == Money(income) - result.normalbelopp - KR(7000) - KR(500)
    assert result.max_installment.is_whole_kronor and result.max_installment >= Money(0)
    if result.surplus.ore >= 0:
        assert result.fits == (plan.installment <= result.max_installment)
    else:
        assert not result.fits
