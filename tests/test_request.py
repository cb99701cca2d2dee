"""Reading requests: emptiness, field order, and which fields are read when."""

from __future__ import annotations

import pytest

from calculator.fields import is_empty
from calculator.messages import FIELDS
from calculator.reference import latest_year
from calculator.request import FIELD_ORDER, parse_request


@pytest.mark.parametrize("value", [None, "", "   ", "\u00a0", [], {}])
def test_empty_values(value: object) -> None:
    assert is_empty(value)


@pytest.mark.parametrize("value", ["0", 0, False, [""], {"a": ""}, "x"])
def test_non_empty_values(value: object) -> None:
    assert not is_empty(value)


def test_field_order_follows_the_form_and_has_messages() -> None:
    assert FIELD_ORDER.index("debt") < FIELD_ORDER.index("rent") < FIELD_ORDER.index("start")
    assert FIELD_ORDER.index("household.net_income") < FIELD_ORDER.index("today")
    assert len(FIELD_ORDER) == len(set(FIELD_ORDER)) and set(FIELD_ORDER) <= set(FIELDS)


def test_a_valid_request_gives_inputs() -> None:
    inputs, errors = parse_request(
        {
            "debt": "1 000",
            "rent": "5 000",
            "plan_by": "installment",
            "installment": "300",
            "start": "2027-2",
            "interest_rate": "8,5",
            "today": "2027-01-01",
            "exports": "true",
            "household": {"adults": 2, "children_ages": [1], "net_income": 30000},
        }
    )
    assert errors == []
    assert [part.ore for part in inputs.installments] == [30000, 30000, 30000, 10000]
    assert inputs.rate == 850 and inputs.exports and inputs.household.adults == 2
    assert inputs.amounts_year == latest_year() and inputs.overrides == {}


def test_household_fields_are_all_checked_together() -> None:
    _, errors = parse_request(
        {
            "household": {"adults": "3", "children_ages": "x", "net_income": "", "other_costs": "-1"},
            "amounts_year": "1999",
            "normalbelopp": {"couple": "x"},
        }
    )
    fields = [field for field, _ in errors]
    assert fields[-6:] == [
        "household.adults",
        "household.children_ages",
        "household.net_income",
        "household.other_costs",
        "amounts_year",
        "normalbelopp.couple",
    ]
