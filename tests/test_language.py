"""The request's ``lang``: Swedish by default, English on request, the same plan in both.

The equality tests are the core of the English calculator: for many requests (hand-picked and
drawn by Hypothesis) the English answer has exactly the Swedish answer's öre, rows, dates,
codes and fields; only the texts differ. This file is part of the engine suite, so it also
runs inside Pyodide (tests/pyodide/run_engine_tests.mjs).
"""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, strategies as st

from calculator import calculate, calculate_json
from calculator.language import current, english, parse_lang, requested_lang, using
from strategies import BASE_REQUEST, examples, households, mutated_requests, requests, valid_requests

BASE = BASE_REQUEST
FULL = dict(
    BASE,
    interest="rate",
    interest_rate="10,5",
    exports=True,
    household={"adults": "2", "children_ages": "4, 12", "net_income": "30 000", "other_costs": ""},
    alternatives=[{"plan_by": "months", "months": "6"}, {"plan_by": "installment", "installment": "3 000"}],
    agreement_tenant="Sam Ek",
)
# Keys whose value is words for people: they differ between languages; all else must not.
TEXT_KEYS = {"message", "summary", "label", "verdict", "name", "why", "url_text", "documents", "source"}
TEXT_KEYS |= {"csv", "ics", "csv_filename", "ics_filename", "agreement"}
# "12,345" is twelve thousand three hundred and forty-five in English, an error in Swedish.
COMMA_GROUPED = re.compile(r"[0-9],[0-9]{3}")


def numbers_only(value: object) -> object:
    """The response without its texts: öre, ISO dates, months, codes, fields, flags."""
    if isinstance(value, dict):
        return {
            key: numbers_only(item)
            for key, item in value.items()
            if key not in TEXT_KEYS and not key.endswith("_text")
        }
    if isinstance(value, list):
        return [numbers_only(item) for item in value]
    return value


def assert_same_plan(request: dict) -> dict:
    swedish = calculate(request)
    english_answer = calculate(dict(request, lang="en"))
    assert numbers_only(english_answer) == numbers_only(swedish)
    assert calculate(dict(request, lang="sv")) == swedish  # "sv" is the default, byte for byte
    if swedish["ok"] and "agreement" in swedish:
        assert english_answer["agreement"].keys() == swedish["agreement"].keys()
    return english_answer


def test_language_defaults_to_swedish_and_is_restored() -> None:
    assert current() == "sv" and not english()
    with pytest.raises(ZeroDivisionError), using("en"):
        assert english()
        1 / 0  # noqa: B018 (the error the block must survive)
    assert current() == "sv"
    with pytest.raises(ValueError):
        using("de")


@pytest.mark.parametrize(
    ("value", "lang"), [(None, "sv"), ("", "sv"), ("sv", "sv"), ("en", "en"), (" EN ", "en")]
)
def test_parse_lang_accepts_the_two_languages(value: object, lang: str) -> None:
    assert parse_lang(value) == lang
    assert requested_lang({"lang": value}) == lang


@pytest.mark.parametrize("value", ["de", "english", 1, True, ["en"], {"lang": "en"}])
def test_an_unknown_lang_is_a_field_error_in_swedish(value: object) -> None:
    response = calculate(dict(BASE, lang=value))
    assert response["ok"] is False
    assert response["errors"][0]["field"] == "lang"
    assert response["errors"][0]["code"] == "bad_choice"
    assert response["errors"][0]["message"].startswith("Välj språket för svaret")
    assert requested_lang({"lang": value}) == "sv"


def test_an_unknown_lang_comes_first_and_other_errors_still_show() -> None:
    response = calculate(dict(BASE, lang="fr", debt=""))
    assert [error["field"] for error in response["errors"]] == ["lang", "debt"]


def test_a_full_request_gives_the_same_plan_in_english() -> None:
    answer = assert_same_plan(FULL)
    assert answer["ok"]
    assert answer["summary"].startswith("Your first payment is SEK\u00a09,857.88")
    assert "Wednesday 30 December 2026" in answer["summary"]
    assert answer["affordability"]["verdict"].startswith("The plan")
    assert answer["exports"]["csv_filename"] == "repayment-plan-2027-01.csv"
    assert answer["agreement"]["installments"] == "10 instalments"
    assert answer["agreement"]["tenant"] == "Sam Ek"


def test_english_errors_name_the_same_fields_and_codes() -> None:
    request = {"debt": "tolv", "rent": "-5", "months": "0", "plan_by": "months", "start": "2027-13"}
    answer = assert_same_plan(request)
    assert [error["message"] for error in answer["errors"]] == [
        "Enter the debt in numbers, for example 12,500",
        "Enter the rent without a minus sign, for example 7,450",
        "The number of months must be between 1 and 120",
        "Enter the start month as a year and month, for example 2027-01",
    ]


def test_the_english_answer_leaves_no_swedish_words_in_its_texts() -> None:
    answer = calculate(dict(FULL, lang="en"))
    texts = [answer["summary"], *(warning["message"] for warning in answer["warnings"])]
    texts += [answer["affordability"]["verdict"], answer["agreement"]["interest_terms"]]
    texts += [row["month_text"] + row["due_date_text"] for row in answer["plan"]["rows"]]
    for text in texts:
        assert not re.search(r"\b(och|betala|månad|kr|hyran|skulden|räntan)\b", text), text


@pytest.mark.parametrize(
    "typed", ["12,500", "12500", "12 500", "12500.00", "12 500,00", "SEK 12,500", "12,500 kr"]
)
def test_plain_numbers_read_the_same_in_english(typed: str) -> None:
    answer = calculate(dict(BASE, lang="en", debt=typed))
    assert answer["ok"], answer["errors"]
    assert answer["plan"]["debt_ore"] == 1_250_000


def test_the_json_door_carries_lang() -> None:
    answer = json.loads(calculate_json(json.dumps(dict(BASE, lang="en"))))
    assert answer["plan"]["rows"][0]["month_text"] == "January 2027"


def test_defaults_in_english() -> None:
    answer = calculate({"defaults": True, "today": "2026-12-01", "lang": "en"})
    assert answer["defaults"] == {"start": "2027-01", "start_text": "January 2027"}


@examples(0.5)
@given(valid_requests, st.one_of(st.none(), households), st.booleans())
def test_english_and_swedish_plans_are_identical(pair: tuple, household: dict | None, exports: bool) -> None:
    _, request = pair
    if household is not None:
        request = dict(request, household=household)
    assert_same_plan(dict(request, exports=exports))


@examples(0.5)
@given(st.one_of(mutated_requests, requests))
def test_english_and_swedish_agree_on_any_request(request: dict) -> None:
    if COMMA_GROUPED.search(json.dumps(request, ensure_ascii=False)):
        request = {
            key: value for key, value in request.items() if not COMMA_GROUPED.search(json.dumps(value))
        }
    assert_same_plan(request)
