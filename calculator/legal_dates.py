"""The legal dates after a missed rent payment, each with the rule it comes from.

* ``due_date``: the day the rent should have been paid. Given as a date, or as the rent month,
  from which it follows by 12 kap. 20 § jordabalken (:func:`calendar.due_date`).
* ``forfeiture_earliest``: a dwelling tenancy is förverkad when the tenant is late "mer än en
  vecka efter förfallodagen" (12 kap. 42 § första stycket 1 jordabalken). A week counted from a
  day ends on the same weekday (1 § lag (1930:173)), and a last day that is not a vardag moves
  to the next vardag (2 § same law). Read conservatively, paying on that vardag is still in
  time, so forfeiture is possible at the earliest the day after it.
* ``recovery_last_day``: the tenant keeps the home by paying within three weeks from the later
  of two events: the tenant was served the underrättelse, and the landlord's meddelande reached
  socialnämnden (12 kap. 44 § första stycket jordabalken). Moved to the next vardag by 2 § lag
  (1930:173). Only computed when both dates are known.
* ``eviction_decision_earliest``: the third vardag after the three weeks ran out (12 kap. 44 §
  jordabalken).

A vardag is the calendar's (:func:`calendar.is_vardag`): Monday to Friday that is not an allmän
helgdag, midsommarafton, julafton or nyårsafton, the days 2 § lag (1930:173) names.

>>> from datetime import date
>>> forfeiture_earliest(date(2026, 12, 30))
datetime.date(2027, 1, 8)
>>> eviction_decision_earliest(recovery_last_day(date(2027, 1, 18), date(2027, 1, 20)))
datetime.date(2027, 2, 15)
"""

from __future__ import annotations

from datetime import date, timedelta

from .calendar import next_vardag, vardag_on_or_after

# The day the law texts behind these rules were last read (shown on the page and case sheet).
LAW_CHECKED = "2026-11-29"
ONE_WEEK, THREE_WEEKS = timedelta(weeks=1), timedelta(weeks=3)

DUE_RULE = "12 kap. 20 § jordabalken"
DUE_OR_LEASE_RULE = f"hyresavtalet eller {DUE_RULE}"
TIME_RULE = "1 och 2 §§ lag (1930:173) om beräkning av lagstadgad tid"
FORFEITURE_RULE = f"12 kap. 42 § första stycket 1 jordabalken; {TIME_RULE}"
RECOVERY_RULE = f"12 kap. 44 § första stycket jordabalken; {TIME_RULE}"
EVICTION_RULE = "12 kap. 44 § jordabalken"


def forfeiture_last_day_to_pay(due: date) -> date:
    """Last day the rent due on ``due`` can be paid without the tenancy being förverkad."""
    return vardag_on_or_after(due + ONE_WEEK)


def forfeiture_earliest(due: date) -> date:
    """First day the tenancy can be förverkad for the rent due on ``due`` (conservative)."""
    return forfeiture_last_day_to_pay(due) + timedelta(days=1)


def recovery_last_day(served: date, board_notified: date) -> date:
    """Last day to pay and keep the home: three weeks from the later event, then a vardag."""
    return vardag_on_or_after(max(served, board_notified) + THREE_WEEKS)


def eviction_decision_earliest(recovery_last: date) -> date:
    """The third vardag after ``recovery_last``, the earliest day for an eviction decision."""
    day = recovery_last
    for _ in range(3):
        day = next_vardag(day)
    return day
