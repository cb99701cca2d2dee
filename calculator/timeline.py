"""Legal deadlines around a missed rent payment, each with the paragraph it comes from.

* Forfeiture (förverkande): a dwelling tenancy can be forfeited when the tenant is more than one
  week late with the rent (12 kap. 42 § första stycket 1 jordabalken). Paid on the seventh day
  after the due date is still within the week, so forfeiture is possible at the earliest on the
  eighth day. Not if the delay is of minor importance (ringa betydelse), which this date cannot
  know, so callers should say "tidigast". The week is not moved past weekends here: whether lag
  (1930:173) applies to it is not among this project's checked facts.
* Återvinning: after the landlord has served notice that the tenant can keep the home by paying,
  and that socialnämnden has been told, the tenant has three weeks to pay (12 kap. 44 §
  jordabalken). Three weeks from the day of service end on the same weekday three weeks later;
  when that is a Saturday, Sunday, other allmän helgdag, midsommarafton, julafton or nyårsafton,
  the last day moves to the next vardag (lag (1930:173) om beräkning av lagstadgad tid).

>>> forfeiture_date(date(2026, 12, 30)).date     # due date for January 2027 rent
datetime.date(2027, 1, 7)
>>> last_day_to_pay(date(2026, 5, 29)).date      # + 3 weeks = 19 June 2026, midsommarafton
datetime.date(2026, 6, 22)
>>> last_day_to_pay(date(2026, 5, 29)).rule
'12 kap. 44 § jordabalken; lag (1930:173) om beräkning av lagstadgad tid'
"""

from __future__ import annotations

from datetime import date, timedelta

from .calendar import date_text, vardag_on_or_after

FORFEITURE_RULE = "12 kap. 42 § första stycket 1 jordabalken"
RESTORE_RULE = "12 kap. 44 § jordabalken"
TIME_RULE = "lag (1930:173) om beräkning av lagstadgad tid"


class LegalDate:
    """A date with the rule that gives it and a Swedish sentence that explains it."""

    __slots__ = ("date", "rule", "text")

    def __init__(self, day: date, rule: str, text: str) -> None:
        self.date, self.rule, self.text = day, rule, text

    def to_dict(self) -> dict[str, str]:
        return {"date": self.date.isoformat(), "date_text": date_text(self.date),
                "rule": self.rule, "text": self.text}


def forfeiture_date(due: date) -> LegalDate:
    """First day the tenancy can be forfeited when the rent due on ``due`` is still unpaid."""
    day = due + timedelta(days=8)
    text = (f"Om hyran som skulle vara betald {date_text(due)} fortfarande är obetald, kan "
            f"hyresrätten tidigast vara förverkad från och med {date_text(day)}.")
    return LegalDate(day, FORFEITURE_RULE, text)


def last_day_to_pay(served: date) -> LegalDate:
    """Last day to pay and keep the home after the notice under 12:44 was served on ``served``."""
    three_weeks = served + timedelta(weeks=3)
    day = vardag_on_or_after(three_weeks)
    rule = RESTORE_RULE if day == three_weeks else f"{RESTORE_RULE}; {TIME_RULE}"
    text = (f"Uppsägningen delgavs {date_text(served)}. Hyresgästen får bo kvar om hyran är "
            f"betald senast {date_text(day)}.")
    if day != three_weeks:
        text += f" Tre veckor slutar {date_text(three_weeks)}, som inte är en vardag."
    return LegalDate(day, rule, text)
