"""The JSON entry point: the contract's shape, its choices, and never an exception."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given, strategies as st

import calculator.api
from calculator import calculate, calculate_json
from calculator.messages import ERRORS
from calculator.money import Money
from calculator.plan import split_by_installment, split_by_months
from calculator.request import FIELD_ORDER
from strategies import BASE_REQUEST, examples, households, mutated_requests, requests, valid_requests

BASE = BASE_REQUEST
TOP_KEYS = {"ok", "errors", "warnings", "summary", "plan", "affordability", "alternatives"}


def _with(**changes: object) -> dict:
    request = dict(BASE)
    request.update(changes)
    return {key: value for key, value in request.items() if value is not None}


def _codes(response: dict) -> list[tuple[str, str]]:
    return [(error["field"], error["code"]) for error in response["errors"]]


def _walk_money(value: object) -> None:
    """Every *_ore key is an int with a *_text sibling."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key.endswith("_ore"):
                assert type(item) is int and isinstance(value[key[:-4] + "_text"], str), key
            _walk_money(item)
    elif isinstance(value, list):
        for item in value:
            _walk_money(item)


def _check_contract(response: dict) -> None:
    assert isinstance(response["ok"], bool)
    extra = {"exports", "agreement"} if response["ok"] else set()
    assert TOP_KEYS <= set(response) <= TOP_KEYS | extra
    json.dumps(response)
    _walk_money(response)
    if response["ok"]:
        plan = response["plan"]
        assert response["errors"] == [] and response["summary"]
        assert sum(row["installment_ore"] for row in plan["rows"]) == plan["debt_ore"]
        assert plan["rows"][-1]["balance_ore"] == 0 and len(plan["rows"]) == plan["months"]
        assert plan["total_ore"] == plan["debt_ore"] + plan["interest_ore"]
        assert all(row["balance_ore"] >= 0 for row in plan["rows"])
    else:
        assert response["errors"] and response["plan"] is None and response["summary"] == ""
        assert response["affordability"] is None and "exports" not in response
        fields = [error["field"] for error in response["errors"]]
        assert len(fields) == len(set(fields)), "one error per field"
        assert all(field in FIELD_ORDER for field in fields)
        assert all(error["message"] and error["code"] for error in response["errors"])
    for warning in response["warnings"]:
        assert set(warning) == {"code", "message"} and warning["message"]


def test_a_plan_response_has_the_contract_shape() -> None:
    response = calculate(BASE)
    _check_contract(response)
    row = response["plan"]["rows"][0]
    assert row["month"] == "2027-01" and row["month_text"] == "januari 2027"
    assert row["due_date"] == "2026-12-30" and row["payment_text"] == "9\u00a0750\u00a0kr"
    assert response["affordability"] is None and "exports" not in response


def test_calculate_json_round_trip() -> None:
    response = json.loads(calculate_json(json.dumps(BASE)))
    assert response == json.loads(json.dumps(calculate(BASE)))
    assert "Du betalar" in calculate_json(json.dumps(BASE))  # not \\u-escaped


@pytest.mark.parametrize("text", ["", "{", "[1, 2]", "null", '"text"', "[" * 100_000, None, 12])
def test_unreadable_json_is_a_bad_request(text: object) -> None:
    response = json.loads(calculate_json(text))
    assert _codes(response) == [("", "bad_request")]


def test_deep_nesting_is_refused_before_parsing() -> None:
    """In Pyodide, json.loads of very deep arrays overflows the WebAssembly stack (a fatal
    error, not RecursionError), so nesting is measured first; brackets in strings don't count."""
    deep = json.dumps(dict(BASE, debt=[[[[]]]])).replace("[[[[]]]]", "[" * 33 + "]" * 33)
    assert _codes(json.loads(calculate_json(deep))) == [("", "bad_request")]
    shallow = json.dumps(dict(BASE, note="[" * 1000 + '\\"{'))
    assert json.loads(calculate_json(shallow))["ok"]
    assert json.loads(calculate_json(json.dumps(BASE).encode("utf-8")))["ok"]


def test_plan_by_ignores_the_other_field() -> None:
    assert calculate(_with(installment="not a number"))["ok"]
    response = calculate(_with(plan_by="installment", installment="3 000", months="x"))
    assert response["plan"]["months"] == 5


def test_without_plan_by_exactly_one_field_counts() -> None:
    assert calculate(_with(plan_by=None))["plan"]["months"] == 10
    assert calculate(_with(plan_by=None, months="", installment="5 000"))["plan"]["months"] == 3
    assert _codes(calculate(_with(plan_by=None, installment="5 000"))) == [("plan_by", "both_given")]
    assert _codes(calculate(_with(plan_by=None, months=""))) == [("plan_by", "choose_plan")]
    assert _codes(calculate(_with(plan_by="weekly"))) == [("plan_by", "bad_choice")]
    assert _codes(calculate(_with(months=""))) == [("months", "required")]


def test_every_wrong_field_is_reported_at_once_in_form_order() -> None:
    response = calculate(
        {
            "debt": "-5",
            "rent": "abc",
            "plan_by": "months",
            "months": "0",
            "start": "2027-13",
            "interest_rate": "60",
            "today": "igår",
        }
    )
    assert _codes(response) == [
        ("debt", "negative"),
        ("rent", "not_a_number"),
        ("months", "out_of_range"),
        ("start", "bad_month"),
        ("interest_rate", "too_large"),
        ("today", "bad_date"),
    ]


def test_two_field_checks() -> None:
    assert _codes(calculate(_with(plan_by="installment", installment="100", debt="100 000"))) == [
        ("installment", "installment_too_small")
    ]
    assert _codes(calculate(_with(months="7", debt="5,50"))) == [("months", "too_many_months")]
    assert _codes(calculate(_with(debt="0"))) == [("debt", "too_small")]
    assert _codes(calculate(_with(debt="x", plan_by="installment", installment="0"))) == [
        ("debt", "not_a_number"),
        ("installment", "too_small"),
    ]


def test_debt_items() -> None:
    items = {"unpaid_rent": "14 250", "reminder_fees": "120", "collection_fees": ""}
    assert calculate(_with(debt="", debt_items=items))["plan"]["debt_ore"] == 1437000
    assert calculate(_with(debt="14 370", debt_items=items))["ok"]
    mismatch = calculate(_with(debt="15 000", debt_items=items))
    assert _codes(mismatch) == [("debt", "debt_mismatch")]
    assert "14\u00a0370\u00a0kr" in mismatch["errors"][0]["message"]
    bad = calculate(_with(debt="", debt_items={"unpaid_rent": "x"}))
    assert _codes(bad) == [("debt_items.unpaid_rent", "not_a_number")]
    assert _codes(calculate(_with(debt="", debt_items="lots"))) == [("debt_items", "bad_group")]
    assert _codes(calculate(_with(debt="", debt_items={"unpaid_rent": "0"}))) == [("debt", "too_small")]
    assert _codes(calculate(_with(debt="", debt_items={}))) == [("debt", "required")]


def test_household_is_ignored_when_empty_and_checked_when_used() -> None:
    empty = {"adults": "", "children_ages": "", "net_income": "", "other_costs": ""}
    assert calculate(_with(household=empty))["affordability"] is None
    assert calculate(_with(household={}))["affordability"] is None
    assert _codes(calculate(_with(household={"adults": "2"}))) == [("household.net_income", "required")]
    assert _codes(calculate(_with(household=[1]))) == [("household", "bad_group")]
    response = calculate(_with(household={"net_income": "30 000"}))
    assert response["affordability"]["items"][0]["label"] == "Ensamstående vuxen"


def test_amounts_year_and_overrides() -> None:
    household = {"adults": "1", "net_income": "30 000", "other_costs": "0"}
    response = calculate(_with(household=household, amounts_year="2023"))
    assert response["affordability"]["year"] == 2023
    assert response["affordability"]["normalbelopp_ore"] == 571700
    assert [w["code"] for w in response["warnings"]] == ["riksnorm_year_old", "amounts_year_old"]
    assert _codes(calculate(_with(household=household, amounts_year="2026"))) == [
        ("amounts_year", "unknown_year")
    ]
    override = calculate(_with(household=household, normalbelopp={"single_adult": "7 000"}))
    assert override["affordability"]["normalbelopp_ore"] == 700000
    assert "ändrade" in override["affordability"]["source"]
    assert "amounts_secondary_source" not in [w["code"] for w in override["warnings"]]
    assert _codes(calculate(_with(household=household, normalbelopp={"couple": "x"}))) == [
        ("normalbelopp.couple", "not_a_number")
    ]
    # Without a household the hidden fields are not checked.
    assert calculate(_with(amounts_year="1850", normalbelopp="junk"))["ok"]


def test_warnings() -> None:
    long_plan = calculate(_with(months="18"))
    assert [w["code"] for w in long_plan["warnings"]] == ["long_plan"]
    passed = calculate(_with(today="2026-12-31"))
    assert [w["code"] for w in passed["warnings"]] == ["start_passed"]
    # Due date for February 2027 (29 January) is still ahead on 31 December 2026.
    assert "2027-02" in passed["warnings"][0]["message"]
    assert calculate(_with(today="2026-12-30"))["warnings"] == []
    broke = calculate(
        _with(
            household={"net_income": "1 000", "other_costs": "0"},
            amounts_year="2023",
            today="2023-06-01",
            start="2023-07",
        )
    )
    assert [w["code"] for w in broke["warnings"]] == ["below_riksnorm", "riksnorm_year_old"]
    assert not broke["affordability"]["fits"] and broke["affordability"]["max_installment_ore"] == 0
    assert broke["affordability"]["surplus_ore"] < 0
    assert broke["affordability"]["surplus_text"].startswith("\u2212")


def test_today_far_off_is_refused() -> None:
    for today in ("9999-12-31", "0001-01-01", "1970-01-01"):
        assert _codes(calculate(_with(today=today))) == [("today", "out_of_range")]
    assert calculate(_with(today="2200-12-31"))["ok"]


def test_default_today_is_the_real_date() -> None:
    response = calculate(_with(today=None, start="2000-01"))
    assert "start_passed" in [w["code"] for w in response["warnings"]]
    assert date.today().year >= 2025


def test_exports_only_when_asked_and_ok() -> None:
    response = calculate(_with(exports=True))
    assert set(response["exports"]) == {"csv", "csv_filename", "ics", "ics_filename"}
    assert response["exports"]["csv_filename"] == "avbetalningsplan-2027-01.csv"
    assert "DTSTAMP:20261201T000000Z" in response["exports"]["ics"]
    assert "exports" not in calculate(_with(exports="yes please"))
    assert "exports" not in calculate(_with(exports=True, debt=""))


def test_interest_rate_is_optional_and_read_in_swedish() -> None:
    assert calculate(_with(interest_rate=""))["plan"]["interest_ore"] == 0
    assert calculate(_with(interest_rate="12,5 %"))["plan"]["interest_ore"] > 0
    assert calculate(_with(interest_rate="0"))["plan"]["interest_ore"] == 0


def test_the_bug_guard_turns_a_crash_into_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(calculator.api, "build_plan", broken)
    response = calculate(BASE)
    assert _codes(response) == [("", "internal")]
    assert json.loads(calculate_json(json.dumps(BASE)))["errors"][0]["code"] == "internal"
    monkeypatch.setattr(calculator.api, "calculate", lambda request: {"ok": object()})
    assert json.loads(calculate_json(json.dumps(BASE)))["errors"][0]["code"] == "internal"


def test_non_dict_requests() -> None:
    for request in (None, [], "debt=5", 5, {"debt"}):
        assert _codes(calculate(request)) == [("", "bad_request")]


@examples(3)
@given(st.one_of(requests, mutated_requests))
def test_any_request_gives_a_plan_or_field_errors(request: dict) -> None:
    """Invariant: any input at all gives either a plan or field errors, never an exception and
    never an internal error; the response always keeps the contract's shape."""
    response = calculate(request)
    _check_contract(response)
    assert "internal" not in [error["code"] for error in response["errors"]]


@examples(1)
@given(st.text(max_size=200))
def test_any_text_to_calculate_json_gives_json(text: str) -> None:
    """Invariant: calculate_json answers every string with a JSON object of the contract."""
    response = json.loads(calculate_json(text))
    _check_contract(response)


@examples(2)
@given(valid_requests, st.one_of(st.none(), households))
def test_valid_typed_requests_give_the_engine_plan(pair: tuple, household: dict | None) -> None:
    """Invariant: requests typed in varied Swedish formats always give a plan equal to the
    engine's split of the same numbers, starting on the right month."""
    (plan_parts, by_months, rent, start, _rate, _today), request = pair
    if household is not None:
        request = dict(request, household=household)
    response = calculate(request)
    _check_contract(response)
    assert response["ok"], response["errors"]
    debt, choice = plan_parts
    parts = split_by_months(debt, choice) if by_months else split_by_installment(debt, choice)
    assert [row["installment_ore"] for row in response["plan"]["rows"]] == [p.ore for p in parts]
    assert response["plan"]["rows"][0]["month"] == f"{start[0]}-{start[1]:02d}"
    assert all(row["rent_ore"] == rent.ore for row in response["plan"]["rows"])
    assert (response["affordability"] is None) == (household is None)
    if household is not None:
        budget = response["affordability"]
        assert budget["income_ore"] == budget["net_income_ore"] + budget["housing_benefit_ore"]
        assert budget["surplus_ore"] == (
            budget["income_ore"] - budget["forbehallsbelopp_ore"] - budget["other_costs_ore"]
        )
        warned = {w["code"] for w in response["warnings"]}
        assert budget["fits"] == (budget["band"] == "margin")
        assert ("over_margin" in warned) == (budget["band"] == "tight")
        assert (budget["band"] in warned) == budget["band"].startswith("below_")
    assert Money(response["plan"]["debt_ore"]) == debt


def test_the_internal_error_answer_is_the_engines_own() -> None:
    """The worker sends this when calling the engine fails, so it needs no copy of the text."""
    answer = json.loads(calculator.internal_error_json())
    assert answer["ok"] is False and answer["plan"] is None
    assert answer["errors"] == [{"field": "", "code": "internal", "message": ERRORS["internal"]}]
