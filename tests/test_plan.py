"""The repayment plan: conservation, exact month counts, monotonicity, due dates, interest."""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from math import floor

import pytest
from hypothesis import given, strategies as st

from calculator.calendar import add_months, due_date
from calculator.errors import InstallmentTooSmall, OutOfRange, TooManyMonths, TooSmall
from calculator.money import Money, total
from calculator.plan import (
    MAX_MONTHS,
    build_plan,
    most_months,
    plan_by_installment,
    plan_by_months,
    smallest_installment,
    split_by_installment,
    split_by_months,
)
from strategies import (
    any_debts,
    examples,
    installment_plans,
    months_plans,
    rates,
    rents,
    starts,
    too_small_installments,
)

KR = 100


def test_split_by_months_examples() -> None:
    assert split_by_months(Money.from_kronor(12500), 10) == [Money.from_kronor(1250)] * 10
    assert split_by_months(Money(1000050), 3) == [Money(333400), Money(333300), Money(333350)]
    assert split_by_months(Money.from_kronor(14550), 12) == (
        [Money.from_kronor(1213)] * 6 + [Money.from_kronor(1212)] * 6
    )
    assert split_by_months(Money(50), 1) == [Money(50)]
    assert split_by_months(Money(550), 6) == [Money(100)] * 5 + [Money(50)]


def test_split_by_installment_examples() -> None:
    assert split_by_installment(Money.from_kronor(9000), Money.from_kronor(2000)) == (
        [Money.from_kronor(2000)] * 4 + [Money.from_kronor(1000)]
    )
    assert split_by_installment(Money.from_kronor(100), Money.from_kronor(500)) == [Money.from_kronor(100)]
    assert split_by_installment(Money(1001), Money(1000)) == [Money(1000), Money(1)]


def test_limits_name_what_would_work() -> None:
    with pytest.raises(InstallmentTooSmall) as caught:
        split_by_installment(Money.from_kronor(100_000), Money.from_kronor(833))
    assert caught.value.params == {"minimum": Money.from_kronor(834)}
    with pytest.raises(InstallmentTooSmall):
        split_by_installment(Money.from_kronor(100), Money(0))
    with pytest.raises(TooManyMonths) as too_many:
        split_by_months(Money(550), 7)
    assert too_many.value.params == {"maximum": 6}
    with pytest.raises(OutOfRange):
        split_by_months(Money.from_kronor(100_000), 121)
    with pytest.raises(TooSmall):
        split_by_months(Money(0), 1)
    with pytest.raises(TooSmall):
        split_by_installment(Money(0), Money(100))
    assert most_months(Money.from_kronor(1_000_000)) == MAX_MONTHS


@examples(3)
@given(months_plans)
def test_by_months_conserves_and_is_fair(plan: tuple[Money, int]) -> None:
    """Conservation and exact count: N installments summing to the debt; whole kronor that
    differ by at most 1 kr, larger first; the öre of the debt on the last one; all > 0."""
    debt, months = plan
    parts = split_by_months(debt, months)
    assert len(parts) == months
    assert total(parts) == debt
    whole = parts[:-1] + [parts[-1] - Money(debt.ore % KR)]
    assert all(part.is_whole_kronor for part in whole)
    assert max(whole).ore - min(whole).ore <= KR
    assert whole == sorted(whole, reverse=True)
    assert all(part.ore > 0 for part in parts)


@examples(3)
@given(installment_plans)
def test_by_installment_conserves_with_a_remainder(plan: tuple[Money, Money]) -> None:
    """Conservation and exact count: R every month except the last (0 < last ≤ R), the sum is
    the debt and there are ceil(debt / R) ≤ 120 months."""
    debt, installment = plan
    parts = split_by_installment(debt, installment)
    assert len(parts) == -(-debt.ore // installment.ore) <= MAX_MONTHS
    assert total(parts) == debt
    assert all(part == installment for part in parts[:-1])
    assert Money(0) < parts[-1] <= installment


@examples(2)
@given(installment_plans, st.integers(min_value=0, max_value=10**9))
def test_larger_installment_never_lengthens_the_plan(plan: tuple[Money, Money], more: int) -> None:
    """Monotonicity: raising the installment never adds months."""
    debt, installment = plan
    larger = Money(installment.ore + more)
    assert len(split_by_installment(debt, larger)) <= len(split_by_installment(debt, installment))


@examples(2)
@given(months_plans)
def test_more_months_never_raise_the_installment(plan: tuple[Money, int]) -> None:
    """Monotonicity: spreading over one month more never raises the regular installment."""
    debt, months = plan
    if months < most_months(debt):
        assert split_by_months(debt, months + 1)[0] <= split_by_months(debt, months)[0]


@examples(2)
@given(too_small_installments)
def test_installment_needing_more_than_120_months_names_the_smallest_that_fits(
    plan: tuple[Money, Money],
) -> None:
    """Invariant: an installment needing > 120 months is refused with the smallest whole-krona
    installment that fits; that one works and 1 kr less does not."""
    debt, installment = plan
    with pytest.raises(InstallmentTooSmall) as caught:
        split_by_installment(debt, installment)
    smallest = caught.value.params["minimum"]
    assert smallest == smallest_installment(debt) and smallest.is_whole_kronor
    assert len(split_by_installment(debt, smallest)) <= MAX_MONTHS
    if smallest.ore > KR:
        with pytest.raises(InstallmentTooSmall):
            split_by_installment(debt, smallest - Money(KR))


@examples(3)
@given(
    st.one_of(
        months_plans.map(lambda p: split_by_months(*p)),
        installment_plans.map(lambda p: split_by_installment(*p)),
    ),
    rents,
    starts,
    rates,
)
def test_rows_pay_the_debt_down_to_exactly_zero(
    parts: list[Money], rent: Money, start: tuple[int, int], rate: int
) -> None:
    """Invariant: balances fall with every row, never go negative, end at exactly 0; months are
    consecutive from start; each due date is the rent due date of its month; the payment is
    rent + installment + interest."""
    debt = total(parts)
    plan = build_plan(debt, parts, rent=rent, start=start, rate=rate)
    assert plan.months == len(parts) and plan.rows[-1].balance == Money(0)
    assert plan.total == debt + plan.interest
    balance = debt
    for index, row in enumerate(plan.rows):
        assert (row.year, row.month) == add_months(*start, index)
        assert row.due_date == due_date(row.year, row.month)
        assert row.balance == balance - row.installment and row.balance.ore >= 0
        assert row.payment == row.rent + row.installment + row.interest
        balance = row.balance
    assert [row.due_date for row in plan.rows] == sorted({row.due_date for row in plan.rows})


def _expected_interest(balance: Money, rate: int, start: date, end: date) -> int:
    exact = Fraction(balance.ore * rate * (end - start).days, 10000 * 365)
    return floor(exact + Fraction(1, 2))


@examples(2)
@given(months_plans, starts, rates)
def test_interest_is_simple_interest_on_the_unpaid_balance(
    plan: tuple[Money, int], start: tuple[int, int], rate: int
) -> None:
    """Invariant: each row's interest is balance × rate × actual days / 365 rounded half-up to
    öre, the first period starting at the due date of the month before start."""
    debt, months = plan
    result = plan_by_months(debt, months, rent=Money(0), start=start, rate=rate)
    previous, balance = due_date(*add_months(*start, -1)), debt
    for row in result.rows:
        assert row.interest.ore == _expected_interest(balance, rate, previous, row.due_date)
        previous, balance = row.due_date, row.balance


def test_worked_interest_example_over_year_end_and_easter() -> None:
    plan = plan_by_months(
        Money.from_kronor(6000), 6, rent=Money.from_kronor(9200), start=(2028, 12), rate=1200
    )
    assert [row.due_date.isoformat() for row in plan.rows] == [
        "2028-11-30",
        "2028-12-29",
        "2029-01-31",
        "2029-02-28",
        "2029-03-29",
        "2029-04-30",
    ]
    assert [row.interest.ore for row in plan.rows] == [5918, 4767, 4340, 2762, 1907, 1052]
    assert plan.interest == Money(20746)
    assert plan.total == Money(620746)


def test_no_rate_means_no_interest() -> None:
    plan = plan_by_installment(
        Money.from_kronor(9000), Money.from_kronor(2000), rent=Money.from_kronor(7200), start=(2027, 3)
    )
    assert plan.interest == Money(0) and plan.months == 5
    assert plan.first_due_date == date(2027, 2, 26) and plan.last_due_date == date(2027, 6, 30)


def test_build_plan_refuses_parts_that_do_not_add_up() -> None:
    with pytest.raises(ValueError):
        build_plan(Money(100), [Money(50)], rent=Money(0), start=(2027, 1))
    with pytest.raises(ValueError):
        build_plan(Money(100), [Money(100), Money(0)], rent=Money(0), start=(2027, 1))


@examples(1)
@given(any_debts)
def test_smallest_installment_fits_120_months(debt: Money) -> None:
    """Invariant: the smallest whole-krona installment pays any debt in at most 120 months."""
    smallest = smallest_installment(debt)
    assert smallest.ore * MAX_MONTHS >= debt.ore
    assert (smallest - Money(KR)).ore * MAX_MONTHS < debt.ore
