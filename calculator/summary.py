"""Plain Swedish sentences about a plan, written to the tenant ("du").

The summary tells the tenant what to transfer and when: the first payment's whole amount (rent,
the part of the debt and any interest, since each month's interest comes on top), its last day
with the weekday, what the amount is made of, whether later amounts differ, and the last
payment's date. Short sentences, most important first, in the words of the payment slip
("betala senast"). The verdict on the household's budget is in :mod:`calculator.advice`. Amounts
and dates are written the Swedish way with non-breaking spaces, so a screen reader and a narrow
screen both get them whole.

>>> from calculator.money import Money
>>> from calculator.plan import plan_by_months
>>> plan = plan_by_months(Money.from_kronor(12500), 10, rent=Money.from_kronor(8500),
...                       start=(2027, 1))
>>> print(plan_summary(plan).replace("\\xa0", " ").replace(". ", ".\\n"))
Din första betalning är 9 750 kr.
Betala den senast onsdag 30 december 2026.
Det är hyran 8 500 kr och 1 250 kr på skulden.
Du betalar hyran och en del av skulden varje månad i 10 månader.
Du betalar lika mycket varje månad.
Den sista betalningen ska vara gjord senast torsdag 30 september 2027.
"""

from __future__ import annotations

from .calendar import date_text
from .language import english
from .numbers import count_text, money_text
from .plan import Plan, Row


def list_text(items: list[str]) -> str:
    """ "a", "a och b", "a, b och c"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " och " + items[-1]


def payment_parts_text(row: Row) -> str:
    """What one payment is made of: "hyran 8 500 kr, 1 250 kr på skulden och 97,15 kr i ränta"."""
    parts = [f"hyran {money_text(row.rent)}"] if row.rent else []
    parts.append(f"{money_text(row.installment)} på skulden")
    if row.interest:
        parts.append(f"{money_text(row.interest)} i ränta")
    return list_text(parts)


def _changes_text(plan: Plan) -> str:
    """Whether the later payments are the same amount, honest about why they are not."""
    if all(row.payment == plan.rows[0].payment for row in plan.rows):
        return "Du betalar lika mycket varje månad"
    if plan.interest:
        return (
            "Beloppet ändras lite varje månad, eftersom räntan ändras. Tabellen visar hur "
            "mycket du ska betala varje gång"
        )
    return "Beloppet är inte lika stort varje månad. Tabellen visar hur mycket du ska betala varje gång"


def plan_summary(plan: Plan) -> str:
    """What to transfer first, by when, what it is made of; then the months and the last day."""
    if english():
        from .texts_en import plan_summary as english_summary

        return english_summary(plan)
    first, last = plan.rows[0], plan.rows[-1]
    which = "första betalning" if plan.months > 1 else "betalning"
    sentences = [
        f"Din {which} är {money_text(first.payment)}",
        f"Betala den senast {date_text(first.due_date, weekday=True)}",
        f"Det är {payment_parts_text(first)}",
    ]
    if plan.months == 1:
        sentences.append("Då är skulden betald")
    else:
        sentences += [
            "Du betalar hyran och en del av skulden varje månad i "
            + count_text(plan.months, "månad", "månader"),
            _changes_text(plan),
            f"Den sista betalningen ska vara gjord senast {date_text(last.due_date, weekday=True)}",
        ]
    if plan.interest:
        sentences.append(f"Räntan blir {money_text(plan.interest)} sammanlagt")
    return ". ".join(sentences) + "."
