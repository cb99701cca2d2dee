"""The margin: how much of what is left a plan may take, and the installment that keeps to it.

Budget advisers leave a buffer. A plan that takes every krona above the förbehållsbelopp breaks
at the first unexpected cost, so the guide recommends that the plan's largest monthly payment
(installment + interest) takes at most half of the surplus. The share is a request key
(``margin_share``, 0,01–1): it is the guide's advice, not a rule of law.

>>> from calculator.plan import plan_by_installment
>>> plan = plan_by_installment(Money.from_kronor(9600), Money.from_kronor(1600),
...                            rent=Money(0), start=(2027, 3))
>>> largest_payment(plan).ore, parse_margin_share("0,5")
(160000, 50)
"""

from __future__ import annotations

from .errors import OutOfRange
from .money import Money
from .numbers import parse_amount
from .plan import Plan, smallest_installment

BANDS = ("below_riksnorm", "below_forbehallsbelopp", "tight", "margin")
DEFAULT_MARGIN_SHARE = 50  # hundredths: the guide's recommendation, not law


def parse_margin_share(value: object) -> int:
    """Read the share of the surplus a plan may take ("0,5", "0.75", "1") into hundredths.

    >>> parse_margin_share("0,5"), parse_margin_share("1")
    (50, 100)
    """
    share = parse_amount(value).ore  # two decimals at most, like an amount
    if not 1 <= share <= 100:
        raise OutOfRange(minimum="0,01", maximum="1")
    return share


def largest_payment(plan: Plan) -> Money:
    """Largest installment + largest monthly interest: a safety margin even when the two fall
    in different months, and what both the band and the recommendation test."""
    return max(row.installment for row in plan.rows) + max(row.interest for row in plan.rows)


def recommended_installment(debt: Money, margin: Money, plan_for) -> Money:  # noqa: ANN001
    """The largest whole-krona installment whose plan's largest payment is within ``margin``.

    ``plan_for(installment)`` builds the plan paying ``installment`` a month.

    0 kr when no plan of at most 120 months fits. The result R fits, and R + 1 kr does not
    (or R already pays the whole debt in one month). Interest falls as the installment grows,
    so the search steps down from the margin using each plan's interest, then up one krona at
    a time while the next krona still fits.
    """
    lowest = smallest_installment(debt)
    # A larger installment than the debt changes nothing; below that, the installment alone
    # must be within the margin.
    top = debt.ceil_kronor() if debt <= margin else min(margin.floor_kronor(), debt.ceil_kronor())
    if top < lowest or top < Money.from_kronor(1):
        return Money(0)

    def fits(installment: Money) -> bool:
        return largest_payment(plan_for(installment)) <= margin

    installment = top
    while not fits(installment):
        interest = max(row.interest for row in plan_for(installment).rows)
        installment = min(installment - Money.from_kronor(1), (margin - interest).floor_kronor())
        if installment < lowest or installment < Money.from_kronor(1):
            return Money(0)
    while installment < top and fits(installment + Money.from_kronor(1)):
        installment += Money.from_kronor(1)
    return installment
