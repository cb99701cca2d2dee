"""Simple interest on an unpaid balance, exact to the öre with integer arithmetic.

Dröjsmålsränta is simple interest: rate per year times the days the money was unpaid. The
calculator counts actual days and divides by 365 in every year (leap years too), and rounds
each month's interest half-up to whole öre. Doing this with integers means the same request
gives the same öre in CPython and in the browser, which floats cannot promise.

The rate is in hundredths of a percent (12,5 % is 1250), as :func:`numbers.parse_percent`
returns it.

>>> period_interest(Money.from_kronor(6000), 1200, 30).ore   # 59,178... kr
5918
>>> half_up(5, 2), half_up(7, 2), half_up(1, 3)
(3, 4, 0)
"""

from __future__ import annotations

from datetime import date

from .money import Money

DAYS_PER_YEAR = 365
_HUNDREDTHS_PER_UNIT = 100 * 100  # percent, and hundredths of a percent


def half_up(numerator: int, denominator: int) -> int:
    """``numerator / denominator`` rounded half-up, for non-negative integers."""
    if numerator < 0 or denominator <= 0:
        raise ValueError("half_up is for non-negative numerators and positive denominators")
    return (2 * numerator + denominator) // (2 * denominator)


def period_interest(balance: Money, rate: int, days: int) -> Money:
    """Interest on ``balance`` for ``days`` days at ``rate`` hundredths of a percent per year."""
    if balance.ore < 0 or rate < 0 or days < 0:
        raise ValueError("interest needs a non-negative balance, rate and day count")
    return Money(half_up(balance.ore * rate * days, _HUNDREDTHS_PER_UNIT * DAYS_PER_YEAR))


def days_between(start: date, end: date) -> int:
    """Actual days from ``start`` to ``end``: the interest period between two due dates."""
    return (end - start).days
