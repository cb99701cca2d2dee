"""The filled-in values of the printed repayment agreement: slot name → Swedish text.

The agreement's clauses live in one Markdown snippet, ``includes/avbetalningsavtal.md``,
used by the template page (printed blank) and by the calculator's print view. Each value
in the snippet is a slot (``data-slot="NAME"``). This module decides what goes in every
slot, so the page only copies ``response["agreement"][NAME]`` into the slot by
``textContent``: dates are the engine's Swedish ``*_text`` (never ISO), plurals and the
interest clause are chosen here. An empty string means "leave the slot blank to write on".

The optional party fields (personnummer, contract number, payment reference and so on)
come from the request and only come back in the response: the calculator runs in the
browser, so they never leave the user's computer. They are trimmed and capped, not
validated: the agreement is printed and checked by people.

>>> from datetime import date
>>> from calculator.money import Money
>>> from calculator.plan import build_plan
>>> plan = build_plan(Money.from_kronor(3000), [Money.from_kronor(1000)] * 3,
...                   rent=Money.from_kronor(8000), start=(2027, 1), rate=None)
>>> slots = agreement_slots(plan, date(2026, 12, 1), {"agreement_tenant": "  Sam  Ek "})
>>> slots["installments"], slots["first_due_date"], slots["tenant"]
('3 delbetalningar', '30 december 2026', 'Sam Ek')
>>> slots["interest_terms"]
'Ingen ränta tas ut under planen.'
>>> sorted(slots) == sorted(SLOTS)
True
"""

from __future__ import annotations

from datetime import date

from .calendar import date_text
from .language import english
from .numbers import count_text, money_text
from .plan import Plan

# Request key → slot name for the values the user types and the engine only passes on.
PARTY_FIELDS = {
    "agreement_landlord": "landlord",
    "agreement_tenant": "tenant",
    "agreement_personnummer": "personnummer",
    "agreement_address": "address",
    "agreement_contract": "contract_number",
    "agreement_reference": "payment_reference",
}
PLAN_SLOTS = (
    "debt_date",
    "debt_total",
    "installments",
    "installment",
    "first_due_date",
    "last_due_date",
    "interest_terms",
)
SLOTS = tuple(PARTY_FIELDS.values()) + PLAN_SLOTS
MAX_FIELD_LENGTH = 120


def party_value(value: object) -> str:
    """A typed party field as printed: whitespace collapsed, capped; anything else is blank.

    >>> party_value("  19 800101-1234 "), party_value(None), party_value(42)
    ('19 800101-1234', '', '')
    """
    if not isinstance(value, str):
        return ""
    return " ".join(value.split())[:MAX_FIELD_LENGTH]


def interest_terms(plan: Plan) -> str:
    """The interest clause: none, or late-payment interest with its total if the plan is kept."""
    if english():
        from .documents_en import interest_terms as english_terms

        return english_terms(plan)
    if plan.interest.ore == 0:
        return "Ingen ränta tas ut under planen."
    return (
        "Dröjsmålsränta enligt räntelagen 6 § tas ut på den del av skulden som inte är "
        f"betald. Räntan står i tabellen och blir sammanlagt {money_text(plan.interest)} "
        "om planen följs."
    )


def installments_text(months: int) -> str:
    """ "1 delbetalning", "10 delbetalningar" ("10 instalments" in English)."""
    if english():
        return count_text(months, "instalment", "instalments")
    return count_text(months, "delbetalning", "delbetalningar")


def agreement_slots(plan: Plan, today: date, request: dict) -> dict[str, str]:
    """Every slot of the agreement with its text for ``plan``, as of ``today``."""
    slots = {slot: party_value(request.get(key)) for key, slot in PARTY_FIELDS.items()}
    slots.update(
        debt_date=date_text(today),
        debt_total=money_text(plan.debt),
        installments=installments_text(plan.months),
        installment=money_text(plan.installment),
        first_due_date=date_text(plan.first_due_date),
        last_due_date=date_text(plan.last_due_date),
        interest_terms=interest_terms(plan),
    )
    return slots
