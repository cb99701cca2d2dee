"""Swedish number input and output: generous about formats, strict about meaning."""

from __future__ import annotations

import re

import pytest
from hypothesis import given

from calculator.errors import CalculatorError, TooLarge
from calculator.messages import error_message
from calculator.money import Money
from calculator.numbers import (
    MAX_AMOUNT,
    NBSP,
    amount_text,
    format_csv_amount,
    integer_text,
    money_text,
    parse_amount,
    parse_integer,
    parse_percent,
    percent_text,
)
from strategies import amount_texts, amounts, examples


@pytest.mark.parametrize(
    ("typed", "ore"),
    [
        ("12 345,50", 1234550),
        ("12345.50", 1234550),
        ("12\u00a0345,50", 1234550),
        ("12\u2009345", 1234500),
        ("12\u202f345", 1234500),
        ("1 234 567", 123456700),
        ("12 500 kr", 1250000),
        ("12500kr", 1250000),
        ("12 500 KR", 1250000),
        ("500:-", 50000),
        ("250 kronor", 25000),
        ("  42 ", 4200),
        ("0,5", 50),
        (",5", 50),
        ("12,", 1200),
        ("+5", 500),
        ("0", 0),
        ("−0", 0),
        ("007", 700),
        (12, 1200),
        (12.5, 1250),
        (0.1, 10),
        ("10 000 000", MAX_AMOUNT.ore),
    ],
)
def test_amounts_people_type_are_read(typed: object, ore: int) -> None:
    assert parse_amount(typed) == Money(ore)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("", "required"),
        ("   ", "required"),
        ("\u00a0", "required"),
        (None, "required"),
        ("abc", "not_a_number"),
        ("tolv", "not_a_number"),
        ("1e5", "not_a_number"),
        ("1E5", "not_a_number"),
        ("inf", "not_a_number"),
        ("nan", "not_a_number"),
        ("Infinity", "not_a_number"),
        (float("nan"), "not_a_number"),
        (float("inf"), "not_a_number"),
        (1e20, "not_a_number"),  # its shortest text is "1e+20"
        (True, "not_a_number"),
        ([], "not_a_number"),
        ({"a": 1}, "not_a_number"),
        ("12 34", "not_a_number"),
        ("1 2345", "not_a_number"),
        ("12.345,50", "not_a_number"),
        ("1,234.50", "not_a_number"),
        ("12 500 kr kr", "not_a_number"),
        ("kr", "not_a_number"),
        (",", "not_a_number"),
        ("\u0663", "not_a_number"),  # Arabic-Indic three
        ("\uff11\uff12", "not_a_number"),  # full-width 12
        ("12,345", "too_many_decimals"),
        ("1.005", "too_many_decimals"),
        ("−500", "negative"),  # U+2212 minus sign
        ("-500", "negative"),
        ("–500", "negative"),  # en dash, as word processors write it
        ("- 500 kr", "negative"),
        (-5, "negative"),
        (-0.5, "negative"),
        ("10 000 000,01", "too_large"),
        pytest.param(10**5000, "too_large", id="int-5001-digits"),
        ("9" * 5000, "too_large"),
    ],
)
def test_amounts_that_cannot_be_read_give_their_reason(typed: object, code: str) -> None:
    with pytest.raises(CalculatorError) as caught:
        parse_amount(typed)
    assert caught.value.code == code


def test_too_large_says_the_limit() -> None:
    with pytest.raises(TooLarge) as caught:
        parse_amount("20 000 000")
    message = error_message("debt", caught.value)
    assert message == f"Skulden måste vara 10{NBSP}000{NBSP}000{NBSP}kr eller mindre"


def test_a_smaller_limit_can_be_given() -> None:
    assert parse_amount("100", limit=Money(10000)) == Money(10000)
    with pytest.raises(TooLarge):
        parse_amount("100,01", limit=Money(10000))


def test_display_formats() -> None:
    assert money_text(Money(1234550)) == f"12{NBSP}345,50{NBSP}kr"
    assert money_text(Money(125000)) == f"1{NBSP}250{NBSP}kr"
    assert money_text(Money(5)) == f"0,05{NBSP}kr"
    assert money_text(Money(-161800)) == f"\u22121{NBSP}618{NBSP}kr"
    assert amount_text(Money(100), always_decimals=True) == "1,00"
    assert integer_text(1234567) == f"1{NBSP}234{NBSP}567"
    assert integer_text(-1000) == f"\u22121{NBSP}000"
    assert format_csv_amount(Money(1234550)) == "12345,50"
    assert format_csv_amount(Money(-5)) == "-0,05"
    assert percent_text(1250) == f"12,5{NBSP}%"
    assert percent_text(1225) == f"12,25{NBSP}%"
    assert percent_text(1200) == f"12{NBSP}%"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("10", 10),
        (" 10 ", 10),
        (10, 10),
        (10.0, 10),
        ("+3", 3),
        ("10,0", 10),
        ("1", 1),
    ],
)
def test_whole_numbers(typed: object, expected: int) -> None:
    assert parse_integer(typed, minimum=1, maximum=120) == expected


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("", "required"),
        ("tio", "not_a_number"),
        ("10,5", "not_whole"),
        (10.5, "not_whole"),
        ("0", "out_of_range"),
        ("121", "out_of_range"),
        ("-3", "out_of_range"),
        (-3, "out_of_range"),
        pytest.param("9" * 5000, "out_of_range", id="5000-nines"),
        (True, "not_a_number"),
        ("1e2", "not_a_number"),
    ],
)
def test_whole_numbers_that_cannot_be_read(typed: object, code: str) -> None:
    with pytest.raises(CalculatorError) as caught:
        parse_integer(typed, minimum=1, maximum=120)
    assert caught.value.code == code


@pytest.mark.parametrize(
    ("typed", "hundredths"),
    [
        ("12", 1200),
        ("12,5", 1250),
        ("12.25 %", 1225),
        ("12%", 1200),
        ("8 procent", 800),
        ("0", 0),
        ("50", 5000),
        (12.5, 1250),
        (12, 1200),
    ],
)
def test_percentages(typed: object, hundredths: int) -> None:
    assert parse_percent(typed) == hundredths


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("50,01", "too_large"),
        ("−1", "negative"),
        ("12,125", "too_many_decimals"),
        ("tolv", "not_a_number"),
        ("", "required"),
        ("9" * 100, "too_large"),
    ],
)
def test_percentages_that_cannot_be_read(typed: object, code: str) -> None:
    with pytest.raises(CalculatorError) as caught:
        parse_percent(typed)
    assert caught.value.code == code


@examples(2)
@given(amounts)
def test_format_then_parse_round_trips(amount: Money) -> None:
    """Round trip: every display and CSV form of an amount parses back to the same öre."""
    assert parse_amount(money_text(amount)) == amount
    assert parse_amount(amount_text(amount)) == amount
    assert parse_amount(amount_text(amount, always_decimals=True)) == amount
    assert parse_amount(format_csv_amount(amount)) == amount


@examples(2)
@given(amount_texts)
def test_any_way_of_typing_an_amount_reads_the_same(pair: tuple[int, str]) -> None:
    """Round trip: an amount typed with any mix of spaces, separators and suffixes parses to
    the öre it was rendered from."""
    ore, text = pair
    assert parse_amount(text) == Money(ore)


@examples(1)
@given(amounts)
def test_display_text_never_breaks_inside_an_amount(amount: Money) -> None:
    """Invariant: display strings use only NBSP as a space and match the Swedish pattern."""
    text = money_text(amount)
    assert " " not in text
    assert re.fullmatch(r"[0-9]{1,3}(\xa0[0-9]{3})*(,[0-9]{2})?\xa0kr", text)
