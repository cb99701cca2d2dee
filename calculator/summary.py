"""Plain Swedish sentences about a plan, written to the tenant ("du").

The summary says what to pay extra, for how long, and when the first payment is due (the
verdict on the household's budget is in :mod:`calculator.advice`). Amounts and dates are
written the Swedish way with non-breaking spaces, so a screen reader and a narrow screen both
get them whole.

>>> from calculator.money import Money
>>> from calculator.plan import plan_by_months
>>> plan = plan_by_months(Money.from_kronor(12500), 10, rent=Money.from_kronor(8500),
...                       start=(2027, 1))
>>> print(plan_summary(plan).replace("\\xa0", " "))
Du betalar 1 250 kr extra varje månad tillsammans med hyran i 10 månader, januari–oktober 2027. Första betalningen ska vara betald senast 30 december 2026.
"""

from __future__ import annotations

from .calendar import MONTH_NAMES, date_text, month_text
from .numbers import format_money
from .plan import Plan


def period_text(plan: Plan) -> str:
    """"januari–oktober 2027", "december 2026–mars 2027" or "januari 2027"."""
    first, last = plan.rows[0], plan.rows[-1]
    if plan.months == 1:
        return month_text(first.year, first.month)
    if first.year == last.year:
        return f"{MONTH_NAMES[first.month - 1]}–{month_text(last.year, last.month)}"
    return f"{month_text(first.year, first.month)}–{month_text(last.year, last.month)}"


def _amounts_text(plan: Plan) -> str:
    """How much extra each month, honest about months that differ."""
    parts = [row.installment for row in plan.rows]
    regular, last = parts[0], parts[-1]
    if all(part == regular for part in parts):
        return f"{format_money(regular)} extra varje månad"
    if all(part == regular for part in parts[:-1]):
        return (f"{format_money(regular)} extra varje månad "
                f"(den sista månaden {format_money(last)})")
    low, high = min(parts), max(parts)
    return f"mellan {format_money(low)} och {format_money(high)} extra varje månad"


def plan_summary(plan: Plan) -> str:
    """One or two sentences: what, how long, from when; the interest if there is any."""
    first = plan.rows[0]
    if plan.months == 1:
        text = (f"Du betalar {format_money(first.installment)} extra tillsammans med hyran "
                f"för {period_text(plan)}. Betalningen ska vara betald senast "
                f"{date_text(first.due_date)}")
    else:
        text = (f"Du betalar {_amounts_text(plan)} tillsammans med hyran i {plan.months} "
                f"månader, {period_text(plan)}. Första betalningen ska vara betald senast "
                f"{date_text(first.due_date)}")
    if plan.interest:
        text += f", och räntan blir {format_money(plan.interest)} sammanlagt"
    return text + "."
