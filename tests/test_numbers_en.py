"""English money, numbers and dates: the same öre as Swedish, written the English way."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given

from calculator import numbers_en
from calculator.errors import TooManyDecimals
from calculator.language import using
from calculator.money import Money
from calculator.numbers import money_text, parse_amount
from strategies import amount_texts, examples, ore


def test_money_and_dates() -> None:
    assert numbers_en.money_text(1234550) == "SEK\u00a012,345.50"
    assert numbers_en.money_text(-5) == "SEK\u00a0\u22120.05"
    assert numbers_en.amount_text(100, always_decimals=True) == "1.00"
    assert numbers_en.percent_text(1250) == "12.5%" and numbers_en.rate_text(1050) == "10.50%"
    assert numbers_en.date_text(date(2027, 1, 29), weekday=True) == "Friday 29 January 2027"
    assert numbers_en.half_year_text(2026, 7, months=True) == "the second half of 2026 (July–December)"
    assert numbers_en.list_text(["a", "b", "c"], "or") == "a, b or c"


@pytest.mark.parametrize(
    ("typed", "plain"),
    [("12,500", "12500"), ("1,250,000.50", "1250000.50"), ("SEK 3,000", "3000"), ("12,50", "12,50")],
)
def test_plain_number(typed: str, plain: str) -> None:
    assert numbers_en.plain_number(typed) == plain


def test_a_swedish_decimal_comma_still_means_decimals_in_english() -> None:
    with using("en"):
        assert parse_amount("12,5").ore == 1250
        with pytest.raises(TooManyDecimals):
            parse_amount("1,2345")


@examples(0.5)
@given(amount_texts)
def test_every_swedish_form_reads_the_same_in_english(pair: tuple[int, str]) -> None:
    value, text = pair
    with using("en"):
        assert parse_amount(text).ore == value


@examples(0.5)
@given(ore)
def test_english_money_text_reads_back(value: int) -> None:
    with using("en"):
        text = money_text(Money(value))
        assert parse_amount(text.replace("\u00a0", " ")).ore == value
