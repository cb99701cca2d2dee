"""The English catalogue has every code and key of the Swedish one, with the same slots.

A new Swedish message without its English twin fails here, naming it; so does an English
template that asks for a value the Swedish one does not give (it would raise KeyError when
filled) or leaves one out (the tenant would miss a number).
"""

from __future__ import annotations

import re
import string

import pytest

from calculator import (
    advice,
    budget_messages,
    budget_messages_en,
    documents_en,
    exports,
    messages,
    messages_en,
    texts_en,
)
from calculator.errors import CalculatorError, EmptyValue, InvalidNumber, TooManyMonths, UnknownYear
from calculator.language import using

TABLES = ["FIELDS", "ERRORS", "FIELD_ERRORS", "WARNINGS"]
BUDGET_TABLES = ["BUDGET_FIELDS", "BUDGET_FIELD_ERRORS", "BUDGET_WARNINGS"]


def slots(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("table", TABLES)
def test_same_keys_as_the_swedish_catalogue(table: str) -> None:
    swedish, english = getattr(messages, table), getattr(messages_en, table)
    assert sorted(english, key=str) == sorted(swedish, key=str)


@pytest.mark.parametrize("table", BUDGET_TABLES)
def test_same_budget_keys(table: str) -> None:
    swedish, english = getattr(budget_messages, table), getattr(budget_messages_en, table)
    assert sorted(english, key=str) == sorted(swedish, key=str)


@pytest.mark.parametrize("table", ["ERRORS", "FIELD_ERRORS", "WARNINGS"])
def test_every_template_has_the_same_slots(table: str) -> None:
    swedish, english = getattr(messages, table), getattr(messages_en, table)
    for key, template in swedish.items():
        assert slots(english[key]) == slots(template), key


def test_field_descriptions_have_the_same_parts_and_examples_where_swedish_has_one() -> None:
    for field, described in messages.FIELDS.items():
        english = messages_en.FIELDS[field]
        assert english.keys() == described.keys(), field
        assert bool(english["example"]) == bool(described["example"]), field


def test_the_other_english_tables_mirror_theirs() -> None:
    assert texts_en.BAND_TEXT.keys() == advice.BAND_TEXT.keys()
    assert texts_en.CONTACTS.keys() == advice.CONTACTS.keys()
    for code, contact in texts_en.CONTACTS.items():
        assert contact.keys() == advice.CONTACTS[code].keys() - {"url"}
    assert len(texts_en.DOCUMENTS) == len(advice.DOCUMENTS)
    assert documents_en.EXPORTS.keys() == exports.TEXTS.keys()
    assert len(documents_en.EXPORTS["csv_header"]) == len(exports.CSV_HEADER)


def test_calendar_events_carry_the_same_values_in_both_languages() -> None:
    values = ("<pay>", 2, 10, "<month>", "<rent>", "<installment>", "<interest>", "<due>", "<balance>")
    for interest in ("<interest>", None):
        given = values[:6] + (interest,) + values[7:]
        for swedish, english in zip(
            exports.event_texts(*given), documents_en.event_texts(*given), strict=True
        ):
            assert set(re.findall(r"<\w+>|\b\d+\b", swedish)) == set(re.findall(r"<\w+>|\b\d+\b", english))


def _every_error() -> list[tuple[str, CalculatorError]]:
    params = {
        "limit": "10",
        "minimum": 1,
        "maximum": 3,
        "sum": "1",
        "debt": "2",
        "years": [2023, 2024],
        "period": "p",
        "age": 21,
    }
    errors = []
    for code in messages.ERRORS:
        error = CalculatorError(**params)
        error.code = code
        errors += [(field, error) for field in messages.FIELDS]
    return errors


def test_every_field_and_code_fills_in_english_without_swedish_words() -> None:
    with using("en"):
        for field, error in _every_error():
            text = messages.error_message(field, error)
            assert "{" not in text and " eller " not in text and "Fyll i" not in text, (field, error.code)


def test_every_warning_fills_in_english() -> None:
    params = {name: "x" for template in messages.WARNINGS.values() for name in slots(template)}
    with using("en"):
        for code in messages.WARNINGS:
            assert "{" not in messages.warning_message(code, **params), code


def test_examples_are_english_numbers() -> None:
    with using("en"):
        assert messages.error_message("debt", InvalidNumber()).endswith("12,500")
        assert messages.error_message("amounts_year", UnknownYear(years=[2023, 2024])).endswith(
            "2023 or 2024"
        )
        assert messages.error_message("months", TooManyMonths(maximum=1)).startswith("Select 1 month ")
        assert messages.error_message("household.net_income", EmptyValue()).startswith("Enter the household")
        rate = messages.error_message("interest_rate", InvalidNumber())
        assert "," not in rate.rpartition("example ")[2]
