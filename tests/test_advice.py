"""The verdict, the warnings and the contacts: plain words, the year named, the right door."""

from __future__ import annotations

import pytest

from calculator import calculate
from calculator.advice import CONTACTS, DOCUMENTS, plan_warnings
from calculator.money import Money
from calculator.plan import build_plan, plan_by_months

KR = Money.from_kronor
BASE = {
    "debt": "9 000",
    "rent": "7 000",
    "plan_by": "months",
    "months": "6",
    "start": "2027-02",
    "today": "2027-01-10",
    "amounts_year": "2024",
}


def _budget(**household: str) -> dict:
    response = calculate(dict(BASE, household=household))
    assert response["ok"], response["errors"]
    return response


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ")


@pytest.mark.parametrize(
    ("income", "band", "start"),
    [
        ("30 000", "margin", "Planen går att klara."),
        ("15 000", "tight", "Planen blir för tung."),
        ("12 000", "below_forbehallsbelopp", "Inkomsterna räcker inte"),
        ("10 000", "below_riksnorm", "Inkomsterna är lägre än riksnormen"),
    ],
)
def test_each_band_has_a_plain_verdict_with_the_year(income: str, band: str, start: str) -> None:
    budget = _budget(net_income=income, other_costs="0")["affordability"]
    verdict = _plain(budget["verdict"])
    assert budget["band"] == band and verdict.startswith(start)
    assert "års belopp" in verdict and "ryms" not in verdict
    year = budget["norms"][0]["year"] if band == "below_riksnorm" else budget["year"]
    assert f"{year} års belopp" in verdict
    if band != "margin":  # a no always gives the next step
        assert "Kontakta socialtjänsten" in verdict or "Välj en avbetalning" in verdict


def test_below_forbehallsbelopp_explains_the_word() -> None:
    verdict = _budget(net_income="12 000", other_costs="0")["affordability"]["verdict"]
    assert "normalbelopp för mat, kläder, el" in verdict and "förbehållsbelopp" in verdict


def test_tight_names_the_recommended_installment() -> None:
    budget = _budget(net_income="15 000", other_costs="0")["affordability"]
    # 15 000 − 6 090 − 7 000 = 1 910 left; half is 955
    assert budget["margin_ore"] == 95500 and budget["recommended_installment_ore"] == 95500
    assert "högst 955 kr i månaden" in _plain(budget["verdict"])


def test_contacts_put_socialtjansten_first_below_the_norm() -> None:
    low = _budget(net_income="10 000", other_costs="0", children_ages="5")["affordability"]
    assert [c["code"] for c in low["contacts"]] == [
        "socialtjansten",
        "budget_och_skuldradgivning",
        "forsakringskassan",
    ]
    assert low["contact_first"] is True
    fine = _budget(net_income="30 000", other_costs="0", pensioner="true")["affordability"]
    assert [c["code"] for c in fine["contacts"]] == [
        "budget_och_skuldradgivning",
        "socialtjansten",
        "pensionsmyndigheten",
    ]
    assert fine["contact_first"] is False and fine["documents"] == list(DOCUMENTS)


def test_contact_links_are_national_https_pages() -> None:
    for contact in CONTACTS.values():
        assert contact["url"].startswith("https://www.") and contact["url_text"]
        assert "kommun" not in contact["url"].split("/")[2]


@pytest.mark.parametrize(
    ("household", "codes"),
    [
        ({"net_income": "30 000"}, ["other_costs_empty"]),
        ({"net_income": "30 000", "other_costs": "0", "children_ages": "3"}, ["housing_benefit_unknown"]),
        ({"net_income": "30 000", "other_costs": "0", "pensioner": "on"}, ["housing_benefit_unknown"]),
        ({"net_income": "30 000", "other_costs": "0", "pensioner": "on", "housing_benefit": "0"}, []),
        ({"net_income": "15 000", "other_costs": "0"}, ["over_margin"]),
        ({"net_income": "12 000", "other_costs": "0"}, ["below_forbehallsbelopp"]),
        ({"net_income": "10 000", "other_costs": "0"}, ["below_riksnorm"]),
    ],
)
def test_budget_warnings(household: dict, codes: list[str]) -> None:
    got = [w["code"] for w in _budget(**household)["warnings"]]
    assert got == codes + ["riksnorm_year_old", "amounts_year_old", "amounts_secondary_source"]


def test_plan_warnings_by_length_and_interest() -> None:
    def codes(months: int, rate: int | None = None) -> list[str]:
        plan = plan_by_months(KR(12000), months, rent=KR(0), start=(2027, 1), rate=rate)
        return [code for code, _ in plan_warnings(plan)]

    assert codes(12) == [] and codes(13) == ["long_plan"]
    assert codes(24) == ["long_plan"] and codes(25) == ["very_long_plan"]
    assert codes(2, 1200) == []
    assert codes(120, 1200) == ["very_long_plan", "interest_share_high"]
    # exactly 5 % is not "more than 5 %"
    at_five = build_plan(KR(100), [KR(100)], rent=KR(0), start=(2027, 1))
    at_five.rows[0].interest = KR(5)
    assert plan_warnings(at_five) == []


def test_alternatives_recommend_the_fewest_months_within_the_margin() -> None:
    request = dict(
        BASE,
        household={"net_income": "15 000", "other_costs": "0"},
        alternatives=[{"months": "12"}, {"installment": "500"}, {}],
    )
    response = calculate(request)
    rows = [(a["months"], a["band"], a["recommended"], a["current"]) for a in response["alternatives"]]
    # margin 955: 6 × 1 500 is over it; 12 × 750 and 18 × 500 are within; 12 is fewer
    assert rows == [(6, "tight", False, True), (12, "margin", True, False), (18, "margin", False, False)]
    assert response["alternatives"][1]["last_due_date_text"]
    assert response["alternatives"][1]["installment_text"] == "750\u00a0kr"


def test_alternatives_errors_name_the_row() -> None:
    response = calculate(dict(BASE, alternatives=[{"months": "0"}, {"installment": "x"}]))
    assert [(e["field"], e["code"]) for e in response["errors"]] == [
        ("alternatives.0.months", "out_of_range"),
        ("alternatives.1.installment", "not_a_number"),
    ]
    assert response["errors"][0]["message"] == (
        "Antalet månader i den första planen måste vara mellan 1 och 120"
    )
    many = calculate(dict(BASE, alternatives=[{"months": "2"}] * 4))
    assert [(e["field"], e["code"]) for e in many["errors"]] == [("alternatives", "out_of_range")]
    assert (
        calculate(dict(BASE, alternatives=[{"months": "3"}]))["alternatives"][1]["band"] is None
    )  # no household, no band
