"""The agreement's slot values: every slot filled or deliberately blank, Swedish dates only,
party fields passed through tidily. (That the slot names match the one Markdown source is
checked on the built site, tests/site/test_site_agreement.py: this file also runs in Pyodide,
where only tests/ is present.)"""

from __future__ import annotations

import re
from datetime import date

from hypothesis import given

from calculator.agreement import PARTY_FIELDS, SLOTS, agreement_slots, party_value
from calculator.api import calculate
from calculator.money import Money
from calculator.plan import build_plan
from strategies import examples, field_values, valid_requests

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _plan(kronor: int = 3000, months: int = 3, rate: int | None = None):
    part = Money.from_kronor(kronor // months)
    return build_plan(
        Money.from_kronor(kronor), [part] * months, rent=Money.from_kronor(8000), start=(2027, 1), rate=rate
    )


def test_dates_are_swedish_text_never_iso():
    slots = agreement_slots(_plan(), date(2026, 12, 1), {})
    assert slots["debt_date"] == "1 december 2026"
    assert slots["first_due_date"] == "30 december 2026"
    assert slots["last_due_date"] == "26 februari 2027"
    assert not any(ISO_DATE.search(text) for text in slots.values())


def test_plural_and_money_come_from_the_engine():
    one = agreement_slots(_plan(1000, 1), date(2026, 12, 1), {})
    assert one["installments"] == "1 delbetalning"
    assert agreement_slots(_plan(), date(2026, 12, 1), {})["installments"] == "3 delbetalningar"
    assert one["debt_total"] == "1\u00a0000\u00a0kr" and one["installment"] == "1\u00a0000\u00a0kr"


def test_interest_clause_names_the_total_only_when_interest_is_charged():
    assert agreement_slots(_plan(), date(2026, 12, 1), {})["interest_terms"] == (
        "Ingen ränta tas ut under planen."
    )
    with_rate = agreement_slots(_plan(rate=1200), date(2026, 12, 1), {})["interest_terms"]
    assert with_rate.startswith("Dröjsmålsränta enligt räntelagen 6 §") and "kr om planen följs" in with_rate


def test_party_fields_pass_through_trimmed_and_blank_when_missing():
    request = {
        "agreement_personnummer": " 19800101-1234 ",
        "agreement_contract": "A  17",
        "agreement_reference": ["not", "text"],
    }
    slots = agreement_slots(_plan(), date(2026, 12, 1), request)
    assert slots["personnummer"] == "19800101-1234"
    assert slots["contract_number"] == "A 17"
    assert slots["payment_reference"] == "" and slots["tenant"] == ""


@examples(0.5)
@given(field_values)
def test_party_value_is_always_short_single_line_text(value):
    """Invariant: whatever the page sends, a party slot is a str with no line breaks, capped."""
    text = party_value(value)
    assert isinstance(text, str) and "\n" not in text and len(text) <= 120


def test_response_carries_the_agreement_only_with_a_plan():
    ok = calculate(
        {
            "debt": "3 000",
            "rent": "8 000",
            "plan_by": "months",
            "months": "3",
            "start": "2027-01",
            "today": "2026-12-01",
            "agreement_tenant": "Sam Ek",
        }
    )
    assert set(ok["agreement"]) == set(SLOTS) and ok["agreement"]["tenant"] == "Sam Ek"
    assert "agreement" not in calculate({"debt": "", "rent": "8 000"})


@examples(0.3)
@given(valid_requests)
def test_every_valid_request_fills_every_plan_slot(pair):
    """Invariant: an answer with a plan has text in every slot that does not come from the user."""
    _, request = pair
    response = calculate(request)
    assert response["ok"]
    slots = response["agreement"]
    assert all(slots[name] for name in SLOTS if name not in PARTY_FIELDS.values())
    assert not any(ISO_DATE.search(text) for text in slots.values())
