"""The repayment plan (avbetalningsplan): installments, due dates, interest and balance.

Two ways to ask for a plan, with rules that hold to the öre:

* by months N: N installments in whole kronor that differ by at most 1 kr, larger ones first,
  and the öre of the debt added to the last one;
* by installment R: every installment is R except the last, which is what is left
  (0 < last ≤ R), so there are ceil(debt / R) months.

Either way the installments add up to the debt, the balance after the last row is exactly 0
and never negative, and a plan has at most 120 months. Each month's installment is paid with
that month's rent on the rent's due date (:func:`calendar.due_date`).

Interest, when a rate is given, is simple interest on the balance still unpaid during the
period, shown separately from the installment. The period of a row runs from the previous due
date to the row's due date. For the first row that is from the due date of the month before
``start``: the debt is already unpaid then, and it keeps every period one ordinary rent month
long instead of guessing when the debt arose.

>>> plan = plan_by_months(Money.from_kronor(12500), 10, rent=Money.from_kronor(8500),
...                       start=(2027, 1))
>>> plan.months, plan.installment.ore, plan.first_due_date, plan.last_due_date
(10, 125000, datetime.date(2026, 12, 30), datetime.date(2027, 9, 30))
>>> [row.installment.ore for row in plan_by_installment(
...     Money.from_kronor(9000), Money.from_kronor(2000), rent=Money(0), start=(2027, 3)).rows]
[200000, 200000, 200000, 200000, 100000]
"""

from __future__ import annotations

from datetime import date

from .calendar import add_months, due_date
from .errors import InstallmentTooSmall, OutOfRange, TooManyMonths, TooSmall
from .interest import days_between, period_interest
from .money import ORE_PER_KRONA, Money, total as sum_money

MAX_MONTHS = 120


class Row:
    """One month of the plan: what is paid on its due date, and what is left afterwards."""

    __slots__ = ("year", "month", "due_date", "rent", "installment", "interest", "balance")

    def __init__(
        self,
        year: int,
        month: int,
        due: date,
        rent: Money,
        installment: Money,
        interest: Money,
        balance: Money,
    ) -> None:
        self.year, self.month, self.due_date = year, month, due
        self.rent, self.installment, self.interest, self.balance = (rent, installment, interest, balance)

    @property
    def payment(self) -> Money:
        """Rent + installment + interest: the whole amount to pay on the due date."""
        return self.rent + self.installment + self.interest


class Plan:
    """A finished plan. ``installment`` is the regular one: the first (and largest whole-krona)."""

    __slots__ = ("debt", "rent", "rate", "rows")

    def __init__(self, debt: Money, rent: Money, rate: int | None, rows: list[Row]) -> None:
        self.debt, self.rent, self.rate, self.rows = debt, rent, rate, rows

    @property
    def months(self) -> int:
        return len(self.rows)

    @property
    def installment(self) -> Money:
        return self.rows[0].installment

    @property
    def interest(self) -> Money:
        return sum_money([row.interest for row in self.rows])

    @property
    def total(self) -> Money:
        """Debt + interest: everything paid on top of the rent."""
        return self.debt + self.interest

    @property
    def first_due_date(self) -> date:
        return self.rows[0].due_date

    @property
    def last_due_date(self) -> date:
        return self.rows[-1].due_date


def most_months(debt: Money) -> int:
    """Most months a by-months plan can have: every installment must be at least 1 öre, so
    one month per whole krona plus one for the öre, and never more than 120."""
    return min(MAX_MONTHS, -(-debt.ore // ORE_PER_KRONA))


def smallest_installment(debt: Money) -> Money:
    """Smallest whole-krona installment that pays ``debt`` within 120 months."""
    return Money(-(-debt.ore // (MAX_MONTHS * ORE_PER_KRONA)) * ORE_PER_KRONA)


def split_by_months(debt: Money, months: int) -> list[Money]:
    """``months`` whole-krona installments, larger first, the öre on the last one."""
    if debt.ore <= 0:
        raise TooSmall(minimum=Money(0))
    if not 1 <= months <= MAX_MONTHS:
        raise OutOfRange(minimum=1, maximum=MAX_MONTHS)
    if months > most_months(debt):
        raise TooManyMonths(maximum=most_months(debt))
    kronor, ore = divmod(debt.ore, ORE_PER_KRONA)
    base, extra = divmod(kronor, months)
    parts = [Money.from_kronor(base + 1 if i < extra else base) for i in range(months)]
    parts[-1] += Money(ore)
    return parts


def split_by_installment(debt: Money, installment: Money) -> list[Money]:
    """``installment`` every month and the rest in the last one (0 < last ≤ installment)."""
    if debt.ore <= 0:
        raise TooSmall(minimum=Money(0))
    if installment.ore <= 0 or -(-debt.ore // installment.ore) > MAX_MONTHS:
        raise InstallmentTooSmall(minimum=smallest_installment(debt))
    months = -(-debt.ore // installment.ore)
    return [installment] * (months - 1) + [debt - installment * (months - 1)]


def build_plan(
    debt: Money, installments: list[Money], *, rent: Money, start: tuple[int, int], rate: int | None = None
) -> Plan:
    """Rows for ``installments`` paid from month ``start`` on, with interest at ``rate``
    hundredths of a percent a year (None: no interest), or at a rate object whose
    ``interest(balance, start, end)`` knows the rate of each day (statutory interest)."""
    if sum_money(installments) != debt or any(part.ore <= 0 for part in installments):
        raise ValueError("installments must be positive and add up to the debt")
    rows = []
    balance = debt
    previous_due = due_date(*add_months(*start, -1))
    for index, installment in enumerate(installments):
        year, month = add_months(*start, index)
        due = due_date(year, month)
        interest = Money(0)
        if isinstance(rate, int) and rate:
            interest = period_interest(balance, rate, days_between(previous_due, due))
        elif rate:  # a rate that changes per half-year (statutory.StatutoryRate)
            interest = rate.interest(balance, previous_due, due)
        balance -= installment
        rows.append(Row(year, month, due, rent, installment, interest, balance))
        previous_due = due
    return Plan(debt, rent, rate, rows)


def plan_by_months(
    debt: Money, months: int, *, rent: Money, start: tuple[int, int], rate: int | None = None
) -> Plan:
    return build_plan(debt, split_by_months(debt, months), rent=rent, start=start, rate=rate)


def plan_by_installment(
    debt: Money, installment: Money, *, rent: Money, start: tuple[int, int], rate: int | None = None
) -> Plan:
    return build_plan(debt, split_by_installment(debt, installment), rent=rent, start=start, rate=rate)
