"""The Swedish message catalogue, read as the person at the form reads it.

``WORDING`` is one reviewed table: a wrong value typed into a real request, the field and code
the engine answers with, and the exact Swedish sentence shown next to the field. Review the
table when a message changes; a failing row names the field, the code and the new text. Figures
that change every year (the newest year, its normalbelopp) are read from the data file, so the
table survives a yearly update.
"""

from __future__ import annotations

import inspect
import re
import sys
from datetime import date
from pathlib import Path

import pytest

from calculator import calculate, deadlines, errors
from calculator.errors import CalculatorError, EmptyValue
from calculator.messages import (
    ERRORS,
    FIELD_ERRORS,
    FIELDS,
    WARNINGS,
    describe,
    error_message,
    warning_message,
)
from calculator.money import Money
from calculator.numbers import amount_text
from calculator.reference import latest_year, load, normalbelopp, years
from calculator.request import FIELD_ORDER
from strategies import BASE_REQUEST

FORM = Path(__file__).resolve().parent.parent / "docs" / "kalkylator" / "index.md"
BASE = BASE_REQUEST
HOUSEHOLD = {"household": {"net_income": "1"}}
NEWEST = latest_year()
YEARS = (", ".join(map(str, years()[:-1])) + " eller " if len(years()) > 1 else "") + str(NEWEST)
_RATES = load()["drojsmalsranta"]
_NEWEST_RATE = max(_RATES["reference_rates"], key=lambda entry: entry["valid_from"])["percent"]
# The newest half-year's dröjsmålsränta (reference rate + margin), written as the form's hint.
_WHOLE, _PART = divmod(int(_NEWEST_RATE.replace(",", "")) + 100 * _RATES["margin_percentage_points"], 100)
RATE = f"{_WHOLE},{_PART:02d}".rstrip("0").rstrip(",")
COUPLE = amount_text(normalbelopp(NEWEST).amounts["couple"]).replace("\u00a0", " ")

WORDING: list[tuple[dict, str, str, str]] = [
    ({"debt": ""}, "debt", "required", "Fyll i hur mycket som är obetalt, till exempel 12 500"),
    ({"debt": "tolv"}, "debt", "not_a_number", "Skriv skulden med siffror, till exempel 12 500"),
    ({"debt": "-5"}, "debt", "negative", "Skriv skulden utan minustecken, till exempel 12 500"),
    (
        {"debt": "1,005"},
        "debt",
        "too_many_decimals",
        "Skriv skulden med högst två decimaler, till exempel 12 500,50",
    ),
    ({"debt": "20 000 000"}, "debt", "too_large", "Skulden måste vara 10 000 000 kr eller mindre"),
    ({"debt": "0"}, "debt", "too_small", "Skriv en skuld som är större än 0 kr, till exempel 12 500"),
    (
        {"debt": "100", "debt_items": {"unpaid_rent": "50"}},
        "debt",
        "debt_mismatch",
        "Ändra skulden till 50 kr så att den stämmer med delarna, eller ändra delarna så att de "
        "blir 100 kr tillsammans",
    ),
    ({"debt_items": "x"}, "debt_items", "bad_group", "Fyll i vad skulden består av igen"),
    (
        {"debt_items": {"unpaid_rent": "x"}},
        "debt_items.unpaid_rent",
        "not_a_number",
        "Skriv den obetalda hyran med siffror, till exempel 11 800",
    ),
    (
        {"debt_items": {"reminder_fees": "-60"}},
        "debt_items.reminder_fees",
        "negative",
        "Skriv påminnelseavgifterna utan minustecken, till exempel 60",
    ),
    (
        {"debt_items": {"collection_fees": "1,001"}},
        "debt_items.collection_fees",
        "too_many_decimals",
        "Skriv inkassokostnaderna med högst två decimaler, till exempel 180,50",
    ),
    ({"rent": ""}, "rent", "required", "Fyll i hur mycket hyran är per månad, till exempel 7 450"),
    ({"rent": "x"}, "rent", "not_a_number", "Skriv hyran med siffror, till exempel 7 450"),
    ({"rent": "-500"}, "rent", "negative", "Skriv hyran utan minustecken, till exempel 7 450"),
    ({"rent": "99 999 999"}, "rent", "too_large", "Hyran måste vara 10 000 000 kr eller mindre"),
    (
        {"plan_by": "", "months": ""},
        "plan_by",
        "choose_plan",
        "Fyll i antingen hur mycket extra som ska betalas varje månad eller hur många månader "
        "avbetalningen ska pågå",
    ),
    (
        {"plan_by": "", "installment": "1", "months": "2"},
        "plan_by",
        "both_given",
        "Fyll i antingen belopp per månad eller antal månader, inte båda",
    ),
    (
        {"plan_by": "x"},
        "plan_by",
        "bad_choice",
        "Välj om planen ska räknas med belopp per månad eller med antal månader",
    ),
    (
        {"plan_by": "installment", "installment": ""},
        "installment",
        "required",
        "Fyll i hur mycket extra som ska betalas varje månad, till exempel 1 500",
    ),
    (
        {"plan_by": "installment", "installment": "10"},
        "installment",
        "installment_too_small",
        "Skriv minst 105 kr per månad, annars tar det mer än 120 månader att betala skulden",
    ),
    (
        {"plan_by": "installment", "installment": "x"},
        "installment",
        "not_a_number",
        "Skriv avbetalningen med siffror, till exempel 1 500",
    ),
    ({"months": ""}, "months", "required", "Fyll i hur många månader avbetalningen ska pågå, till exempel 6"),
    ({"months": "x"}, "months", "not_a_number", "Skriv antalet månader med siffror, till exempel 6"),
    ({"months": "2,5"}, "months", "not_whole", "Skriv antalet månader som ett heltal, till exempel 6"),
    ({"months": "0"}, "months", "out_of_range", "Antalet månader måste vara mellan 1 och 120"),
    (
        {"debt": "0,05"},
        "months",
        "too_many_months",
        "Välj högst 1 månad. Skulden räcker inte till en avbetalning varje månad om planen blir längre",
    ),
    ({"start": ""}, "start", "required", "Fyll i vilken månad avbetalningen ska börja, till exempel 2027-01"),
    ({"start": "januari"}, "start", "bad_month", "Skriv startmånaden som år och månad, till exempel 2027-01"),
    ({"start": "1999-12"}, "start", "out_of_range", "Skriv en startmånad mellan 2000-01 och 2100-12"),
    (
        {"interest_rate": "x"},
        "interest_rate",
        "not_a_number",
        f"Skriv räntan med siffror, till exempel {RATE}",
    ),
    (
        {"interest_rate": "-1"},
        "interest_rate",
        "negative",
        f"Skriv räntan utan minustecken, till exempel {RATE}",
    ),
    (
        {"interest_rate": "12,345"},
        "interest_rate",
        "too_many_decimals",
        "Skriv räntan med högst två decimaler, till exempel 11,50",
    ),
    (
        {"interest": "rate", "interest_rate": ""},
        "interest_rate",
        "required",
        f"Fyll i räntan i procent per år, till exempel {RATE}",
    ),
    (
        {"interest": "x"},
        "interest",
        "bad_choice",
        "Välj ingen ränta, ränta enligt räntelagen eller egen räntesats",
    ),
    (
        {"interest": "statutory", "start": "2090-01"},
        "interest",
        "rate_unknown",
        "Välj egen räntesats och skriv räntan i procent. Kalkylatorn har inte referensräntan för "
        "andra halvåret 2089 (juli–december)",
    ),
    ({"interest_rate": "51"}, "interest_rate", "too_large", "Räntan måste vara 50 % eller mindre"),
    ({"household": "x"}, "household", "bad_group", "Fyll i uppgifterna om hushållet igen"),
    (
        {"household": {"net_income": "1", "adults": "3"}},
        "household.adults",
        "out_of_range",
        "Välj 1 eller 2 vuxna",
    ),
    (
        {"household": {"net_income": "1", "adults": "x"}},
        "household.adults",
        "not_a_number",
        "Välj 1 eller 2 vuxna",
    ),
    (
        {"household": {"net_income": "1", "children_ages": "x"}},
        "household.children_ages",
        "not_a_number",
        "Skriv barnens åldrar med siffror och komma mellan, till exempel 3, 7",
    ),
    (
        {"household": {"net_income": "1", "children_ages": "2.5"}},
        "household.children_ages",
        "not_whole",
        "Skriv barnens åldrar i hela år, till exempel 3, 7",
    ),
    (
        {"household": {"net_income": "1", "children_ages": "-1"}},
        "household.children_ages",
        "out_of_range",
        "Skriv barnens åldrar i hela år, till exempel 3, 7",
    ),
    (
        {"household": {"net_income": "1", "children_ages": "25"}},
        "household.children_ages",
        "child_too_old",
        "Ta bort åldern 25. Normalbelopp för barn räknas bara till och med 20 år",
    ),
    (
        {"household": {"net_income": "1", "children_ages": ", ".join(["1"] * 21)}},
        "household.children_ages",
        "too_many_children",
        "Skriv högst 20 barn",
    ),
    (
        {"household": {"adults": "1"}},
        "household.net_income",
        "required",
        "Fyll i hushållets inkomster efter skatt per månad, till exempel 24 000. Om du inte vill "
        "räkna på hushållet, töm alla rutor om hushållet",
    ),
    (
        {"household": {"net_income": "x"}},
        "household.net_income",
        "not_a_number",
        "Skriv inkomsterna med siffror, till exempel 24 000",
    ),
    (
        {"household": {"net_income": "1", "other_costs": "x"}},
        "household.other_costs",
        "not_a_number",
        "Skriv de andra kostnaderna med siffror, till exempel 1 200",
    ),
    (
        dict(HOUSEHOLD, amounts_year="x"),
        "amounts_year",
        "not_a_number",
        f"Skriv året med siffror, till exempel {NEWEST}",
    ),
    (
        dict(HOUSEHOLD, amounts_year="1950"),
        "amounts_year",
        "unknown_year",
        f"Välj ett år som det finns normalbelopp för: {YEARS}",
    ),
    (
        dict(HOUSEHOLD, amounts_year="1800"),
        "amounts_year",
        "out_of_range",
        "Välj ett år som det finns normalbelopp för",
    ),
    (dict(HOUSEHOLD, normalbelopp="x"), "normalbelopp", "bad_group", "Fyll i normalbeloppen igen"),
    (
        dict(HOUSEHOLD, normalbelopp={"couple": "x"}),
        "normalbelopp.couple",
        "not_a_number",
        f"Skriv normalbeloppet för makar eller sambor med siffror, till exempel {COUPLE}",
    ),
    (
        {"today": "2026-02-30"},
        "today",
        "bad_date",
        "Skriv dagens datum som år, månad och dag, till exempel 2027-01-15",
    ),
    (
        {"today": "1999-01-01"},
        "today",
        "out_of_range",
        "Dagens datum måste vara mellan 2000-01-01 och 2200-12-31",
    ),
]


DEADLINE_WORDING: list[tuple[dict, str, str, str]] = [
    ({}, "due_date", "required", "Fyll i förfallodagen eller hyresmånaden, till exempel 2026-12-30"),
    (
        {"due_date": "2026-12-30", "month": "2027-02"},
        "due_date",
        "both_given",
        "Fyll i antingen förfallodagen eller hyresmånaden. De två stämmer inte med varandra",
    ),
    (
        {"due_date": "x"},
        "due_date",
        "bad_date",
        "Skriv förfallodagen som år, månad och dag, till exempel 2026-12-30",
    ),
]


@pytest.mark.parametrize(
    ("request_", "field", "code", "message"),
    DEADLINE_WORDING,
    ids=[f"{field}-{code}" for _, field, code, _ in DEADLINE_WORDING],
)
def test_the_reviewed_deadline_wording(request_: dict, field: str, code: str, message: str) -> None:
    found = [
        (e["field"], e["code"], e["message"].replace("\u00a0", " ")) for e in deadlines(request_)["errors"]
    ]
    assert (field, code, message) in found, found


@pytest.mark.parametrize(
    ("changes", "field", "code", "message"), WORDING, ids=[f"{field}-{code}" for _, field, code, _ in WORDING]
)
def test_the_reviewed_wording(changes: dict, field: str, code: str, message: str) -> None:
    request = {key: value for key, value in dict(BASE, **changes).items()}
    answer = calculate(request)
    found = [(e["field"], e["code"], e["message"].replace("\u00a0", " ")) for e in answer["errors"]]
    assert (field, code, message) in found, found


def test_the_table_covers_every_code_the_engine_can_give() -> None:
    """A new error code needs a reviewed row here (bad_request and internal are below)."""
    covered = {code for _, _, code, _ in WORDING + DEADLINE_WORDING} | {"bad_request", "internal"}
    assert {
        cls.code for _, cls in inspect.getmembers(errors, inspect.isclass) if issubclass(cls, CalculatorError)
    } <= covered


def test_request_level_errors() -> None:
    assert calculate(None)["errors"] == [
        {"field": "", "code": "bad_request", "message": "Ladda om sidan och fyll i uppgifterna igen"}
    ]
    assert error_message("debt", CalculatorError()) == (
        "Något gick fel i kalkylatorn. Ladda om sidan och försök igen"
    )


def test_every_request_field_is_described() -> None:
    """A field the request reads but the catalogue does not know would get "uppgifterna"."""
    assert set(FIELD_ORDER) <= set(FIELDS)
    assert {field for field, _ in FIELD_ERRORS} <= set(FIELDS)


def test_messages_never_say_ogiltig_or_vanligen() -> None:
    texts = list(ERRORS.values()) + list(FIELD_ERRORS.values()) + list(WARNINGS.values())
    texts += [value for described in FIELDS.values() for value in described.values()]
    for text in texts:
        assert "ogiltig" not in text.lower() and "vänligen" not in text.lower(), text


def test_unknown_field_or_code_still_reads() -> None:
    assert error_message("no.such.field", EmptyValue()).startswith("Fyll i uppgifterna")
    assert error_message("debt", CalculatorError()) == ERRORS["internal"]


WARNING_WORDING: list[tuple[str, dict, str]] = [
    (
        "long_plan",
        {"months": 18},
        "Planen pågår i 18 månader, alltså mer än ett år. Se om en kortare plan går att klara, den "
        "är ofta lättare att hålla",
    ),
    (
        "start_passed",
        {"due": date(2026, 11, 30), "suggestion": "2027-01"},
        "Den första betalningen skulle ha varit betald senast 30 november 2026. Välj en senare "
        "startmånad, till exempel 2027-01",
    ),
    (
        "very_long_plan",
        {"months": 30},
        "Planen pågår i 30 månader, alltså mer än två år. En plan är troligen fel verktyg för en så "
        "stor skuld. Tala med kommunens budget- och skuldrådgivning om andra vägar",
    ),
    (
        "interest_share_high",
        {"interest": Money(120000), "debt": Money(1000000)},
        "Räntan blir 1 200 kr sammanlagt, mer än 5 procent av skulden på 10 000 kr. Fråga "
        "hyresvärden om en lägre ränta, eller välj en kortare plan",
    ),
    (
        "below_riksnorm",
        {"year": 2021},
        "Hushållets inkomster är lägre än riksnormen (2021 års belopp) plus hyra och andra "
        "kostnader. Kontakta socialtjänsten innan ni bestämmer en plan. Socialtjänsten bedömer om "
        "hushållet kan få ekonomiskt bistånd, och kan ibland betala hyresskulden",
    ),
    (
        "below_forbehallsbelopp",
        {"year": 2024},
        "Hushållets inkomster räcker inte till förbehållsbeloppet (2024 års belopp), alltså det "
        "Kronofogden räknar med att ett hushåll behöver för att leva. Kontakta socialtjänsten innan "
        "ni bestämmer en plan",
    ),
    (
        "over_margin",
        {"payment": Money(160000), "margin": Money(80800), "share": "hälften", "maximum": Money(80000)},
        "Planen tar som mest 1 600 kr i månaden. Guiden rekommenderar högst 808 kr, hälften av det "
        "som är kvar. Välj en avbetalning på högst 800 kr",
    ),
    (
        "over_margin_none",
        {"payment": Money(10000), "margin": Money(5000), "share": "hälften"},
        "Planen tar som mest 100 kr i månaden. Guiden rekommenderar högst 50 kr, hälften av det som "
        "är kvar. Ingen plan på högst 120 månader blir så liten. Boka tid hos kommunens budget- och "
        "skuldrådgivning",
    ),
    (
        "other_costs_empty",
        {},
        "Rutan för andra nödvändiga kostnader är tom. Skriv till exempel barnomsorg, resor till "
        "arbetet och medicin, annars ser det ut som att mer pengar är kvar än det är",
    ),
    (
        "housing_benefit_unknown",
        {},
        "Rutan för bostadsbidrag eller bostadstillägg är tom. Skriv 0 om hushållet inte får något. "
        "Barnfamiljer kan söka bostadsbidrag hos Försäkringskassan, och den som har pension kan söka "
        "bostadstillägg hos Pensionsmyndigheten",
    ),
    (
        "riksnorm_year_old",
        {"year": 2021},
        "Riksnormen här gäller för 2021. Regeringen bestämmer den varje år, och för 2024 höjdes den "
        "med 8,7 procent. Behovet är därför troligen större än här. Fråga socialtjänsten om årets "
        "belopp",
    ),
    (
        "amounts_year_old",
        {"year": 2024, "current_year": 2026},
        "Normalbeloppen gäller för 2024. Jämför med Kronofogdens belopp för 2026 och ändra dem om "
        "de skiljer sig",
    ),
    (
        "amounts_secondary_source",
        {"year": 2024},
        "Normalbeloppen för 2024 kommer från en andrahandskälla. Jämför med Kronofogdens belopp "
        "innan ni bestämmer planen",
    ),
    (
        "rate_secondary_source",
        {"periods": "första halvåret 2026"},
        "Referensräntan för första halvåret 2026 kommer från en andrahandskälla. Jämför med "
        "Riksbankens referensränta innan ni bestämmer planen",
    ),
    (
        "board_date_missing",
        {},
        "De tre veckorna har inte börjat räknas. De börjar när både hyresgästen har fått "
        "underrättelsen och socialnämnden har fått meddelandet. Fyll i båda dagarna",
    ),
    (
        "served_date_missing",
        {},
        "De tre veckorna har inte börjat räknas. De börjar när både socialnämnden har fått "
        "meddelandet och hyresgästen har fått underrättelsen. Fyll i båda dagarna",
    ),
    (
        "board_after_served",
        {"board": date(2027, 1, 20), "served": date(2027, 1, 18)},
        "Socialnämnden fick meddelandet 20 januari 2027, efter att hyresgästen fick underrättelsen "
        "18 januari 2027. De tre veckorna räknas därför från 20 januari 2027",
    ),
]


@pytest.mark.parametrize(
    ("code", "params", "message"), WARNING_WORDING, ids=[code for code, _, _ in WARNING_WORDING]
)
def test_the_reviewed_warning_wording(code: str, params: dict, message: str) -> None:
    assert warning_message(code, **params).replace("\u00a0", " ") == message


def test_every_warning_has_a_reviewed_row() -> None:
    assert set(WARNINGS) == {code for code, _, _ in WARNING_WORDING}


def _form_hint_examples() -> dict[str, str]:
    """Field → the example in its hint on the calculator page ("… till exempel 7 450")."""
    hints = re.findall(r'<div class="kalk-hint" id="([\w-]+)-hint">(.*?)</div>', FORM.read_text("utf-8"))
    found = {}
    for field_id, text in hints:
        examples = re.findall(r"[Tt]ill exempel ([0-9](?:[0-9 ,-]*[0-9])?)", text)
        if examples:
            found[field_id] = examples[-1]
    return found


@pytest.mark.skipif(sys.platform == "emscripten", reason="the page source is not in Pyodide")
def test_each_form_hint_gives_the_example_its_error_message_gives() -> None:
    """GOV.UK: the hint and the error under it describe the field in the same words, so they
    must not give two different examples (the page had six such pairs)."""
    hints = _form_hint_examples()
    assert len(hints) >= 10, "the hints' examples were not found: did the markup change?"
    for field in FIELD_ORDER:
        field_id = field.replace(".", "-")
        if field_id in hints:
            catalogue = describe(field)["example"].replace("\u00a0", " ")
            assert hints[field_id] == catalogue, (field, hints[field_id], catalogue)
