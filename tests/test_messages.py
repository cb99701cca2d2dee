"""The Swedish message catalogue: complete, GOV.UK-style, and free of "ogiltig"/"vänligen"."""

from __future__ import annotations

import inspect

import pytest

from calculator import errors
from calculator.errors import CalculatorError, EmptyValue, TooLarge
from calculator.messages import (ERRORS, FIELD_ERRORS, FIELDS, WARNINGS, error_message,
                                 warning_message)
from calculator.money import Money
from calculator.request import FIELD_ORDER

PARAMS = {"minimum": Money(100), "maximum": 6, "limit": Money(100), "debt": Money(100),
          "sum": Money(200), "years": [2023, 2024], "age": 23, "period": "andra halvåret 2026"}
ERROR_CLASSES = [cls for _, cls in inspect.getmembers(errors, inspect.isclass)
                 if issubclass(cls, CalculatorError)]


def _error(code: str) -> CalculatorError:
    error = CalculatorError(**PARAMS)
    error.code = code  # type: ignore[misc]
    return error


def test_every_error_class_has_a_message() -> None:
    assert {cls.code for cls in ERROR_CLASSES} <= set(ERRORS)


def test_every_request_field_is_described() -> None:
    assert set(FIELD_ORDER) <= set(FIELDS)
    assert {field for field, _ in FIELD_ERRORS} <= set(FIELDS)


@pytest.mark.parametrize("code", sorted(ERRORS))
@pytest.mark.parametrize("field", sorted(FIELDS))
def test_every_code_reads_on_every_field(field: str, code: str) -> None:
    message = error_message(field, _error(code))
    assert message and "{" not in message and message[0].isupper()
    assert not message.endswith(".")


def test_messages_never_say_ogiltig_or_vanligen() -> None:
    texts = list(ERRORS.values()) + list(FIELD_ERRORS.values()) + list(WARNINGS.values())
    texts += [value for described in FIELDS.values() for value in described.values()]
    for text in texts:
        assert "ogiltig" not in text.lower() and "vänligen" not in text.lower(), text


def test_the_issue_example_word_for_word() -> None:
    assert error_message("debt", EmptyValue()).replace("\u00a0", " ") == (
        "Fyll i hur mycket som är obetalt, till exempel 12 500")


def test_limits_are_stated() -> None:
    text = error_message("rent", TooLarge(limit=Money.from_kronor(10_000_000)))
    assert text.replace("\u00a0", " ") == "Hyran måste vara 10 000 000 kr eller mindre"


def test_unknown_field_or_code_still_reads() -> None:
    assert error_message("no.such.field", EmptyValue()).startswith("Fyll i uppgifterna")
    assert error_message("debt", _error("no_such_code")) == ERRORS["internal"]


@pytest.mark.parametrize("code", sorted(WARNINGS))
def test_every_warning_renders(code: str) -> None:
    from datetime import date

    text = warning_message(code, months=18, payment=Money(1), surplus=Money(2), maximum=Money(3),
                           due=date(2027, 1, 1), suggestion="2027-03", year=2024,
                           current_year=2027, board=date(2027, 1, 20),
                           served=date(2027, 1, 18), periods=["första halvåret 2026"],
                           interest=Money(4), debt=Money(5), margin=Money(6), share="hälften")
    assert text and "{" not in text and "ogiltig" not in text.lower()
