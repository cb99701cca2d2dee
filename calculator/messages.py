"""The one Swedish message catalogue: every error and warning text, keyed by code.

Messages follow the GOV.UK Design System: they say what to do ("Fyll i …", "Skriv …",
"Välj …"), use the words of the form, give an example in the format we want, and never say
"ogiltig" or "vänligen". A message is built from a template for the code and a description of
the field (what to fill in, its noun, an example), so the same problem reads the same way on
every field; a few field and code pairs need their own sentence and have one.

>>> from calculator.errors import EmptyValue, TooManyMonths
>>> error_message("debt", EmptyValue())
'Fyll i hur mycket som är obetalt, till exempel 12\\xa0500'
>>> error_message("months", TooManyMonths(maximum=1)).split(". ")[0]
'Välj högst 1 månad'
"""

from __future__ import annotations

from . import reference
from .budget_messages import BUDGET_FIELD_ERRORS, BUDGET_FIELDS, BUDGET_WARNINGS
from .errors import CalculatorError
from .fill import fill as _fill
from .language import english
from .numbers import NBSP, amount_text, count_text, percent_text

_N = NBSP


def _field(what: str, noun: str, example: str, decimals: str | None = None) -> dict[str, str]:
    return {"what": what, "noun": noun, "example": example, "decimals_example": decimals or f"{example},50"}


FIELDS: dict[str, dict[str, str]] = {
    "debt": _field("hur mycket som är obetalt", "skulden", f"12{_N}500"),
    "debt_items": _field("vad skulden består av", "skuldens delar", f"11{_N}800"),
    "debt_items.unpaid_rent": _field("hur mycket obetald hyra det är", "den obetalda hyran", f"11{_N}800"),
    "debt_items.reminder_fees": _field("påminnelseavgifterna", "påminnelseavgifterna", "60"),
    "debt_items.collection_fees": _field("inkassokostnaderna", "inkassokostnaderna", "180"),
    "rent": _field("hur mycket hyran är per månad", "hyran", f"7{_N}450"),
    "plan_by": _field("hur planen ska räknas", "valet", "antal månader"),
    "installment": _field("hur mycket extra som ska betalas varje månad", "avbetalningen", f"1{_N}500"),
    "months": _field("hur många månader avbetalningen ska pågå", "antalet månader", "6"),
    "start": _field("vilken månad avbetalningen ska börja", "startmånaden", "2027-01"),
    "interest": _field("vilken ränta som ska räknas", "valet av ränta", "räntelagen"),
    "interest_rate": _field("räntan i procent per år", "räntan", "", "11,50"),
    "household": _field("uppgifterna om hushållet", "hushållet", "1"),
    "household.adults": _field("hur många vuxna som bor i hushållet", "antalet vuxna", "1"),
    "household.children_ages": _field("barnens åldrar", "barnens åldrar", "3, 7"),
    "household.net_income": _field("hushållets inkomster efter skatt per månad", "inkomsterna", f"24{_N}000"),
    "household.other_costs": _field(
        "hushållets andra nödvändiga kostnader per månad", "de andra kostnaderna", f"1{_N}200"
    ),
    "amounts_year": _field("vilket års normalbelopp som ska användas", "året", ""),
    "normalbelopp": _field("normalbeloppen", "normalbeloppen", ""),
    "today": _field("dagens datum", "dagens datum", "2027-01-15"),
    "due_date": _field("förfallodagen", "förfallodagen", "2026-12-30"),
    "month": _field("vilken månad hyran gäller", "hyresmånaden", "2027-01"),
    "served_date": _field(
        "dagen då hyresgästen fick underrättelsen", "dagen för underrättelsen", "2027-01-18"
    ),
    "board_notified_date": _field(
        "dagen då socialnämnden fick meddelandet", "dagen för meddelandet", "2027-01-20"
    ),
    "lang": _field("språket för svaret", "språket", "sv"),
    "": _field("uppgifterna", "uppgifterna", ""),
}
for _key, _what in (
    ("single_adult", "en ensamstående vuxen"),
    ("couple", "makar eller sambor"),
    ("child_0_6", "barn 0–6 år"),
    ("child_7_10", "barn 7–10 år"),
    ("child_11_14", "barn 11–14 år"),
    ("child_15_plus", "barn 15 år eller äldre"),
):
    FIELDS[f"normalbelopp.{_key}"] = _field(f"normalbeloppet för {_what}", f"normalbeloppet för {_what}", "")

FIELDS.update({field: _field(*words) for field, words in BUDGET_FIELDS.items()})

ERRORS: dict[str, str] = {
    "required": "Fyll i {what}, till exempel {example}",
    "not_a_number": "Skriv {noun} med siffror, till exempel {example}",
    "negative": "Skriv {noun} utan minustecken, till exempel {example}",
    "too_many_decimals": "Skriv {noun} med högst två decimaler, till exempel {decimals_example}",
    "not_whole": "Skriv {noun} som ett heltal, till exempel {example}",
    "too_large": "{Noun} måste vara {limit} eller mindre",
    "too_small": "{Noun} måste vara mer än {minimum}",
    "out_of_range": "{Noun} måste vara mellan {minimum} och {maximum}",
    "bad_month": "Skriv {noun} som år och månad, till exempel {example}",
    "bad_date": "Skriv {noun} som år, månad och dag, till exempel {example}",
    "bad_choice": "Välj {what}",
    "bad_group": "Fyll i {what} igen",
    "choose_plan": "Fyll i antingen hur mycket extra som ska betalas varje månad eller hur "
    "många månader avbetalningen ska pågå",
    "both_given": "Fyll i antingen belopp per månad eller antal månader, inte båda",
    "installment_too_small": "Skriv minst {minimum} per månad, annars tar det mer än 120 "
    "månader att betala skulden",
    "too_many_months": "Välj högst {maximum_months}. Skulden räcker inte till en "
    "avbetalning varje månad om planen blir längre",
    "debt_mismatch": "Ändra skulden till {sum} så att den stämmer med delarna, eller ändra "
    "delarna så att de blir {debt} tillsammans",
    "unknown_year": "Välj ett år som det finns normalbelopp för: {years}",
    "rate_unknown": "Välj egen räntesats och skriv räntan i procent. Kalkylatorn har inte "
    "referensräntan för {period}",
    "child_too_old": "Ta bort åldern {age}. Normalbelopp för barn räknas bara till och med 20 år",
    "too_many_children": "Skriv högst {maximum} barn",
    "bad_request": "Ladda om sidan och fyll i uppgifterna igen",
    "internal": "Något gick fel i kalkylatorn. Ladda om sidan och försök igen",
}

FIELD_ERRORS: dict[tuple[str, str], str] = {
    ("debt", "too_small"): "Skriv en skuld som är större än 0 kr, till exempel {example}",
    ("installment", "too_small"): "Skriv en avbetalning som är större än 0 kr, till exempel {example}",
    ("household.adults", "out_of_range"): "Välj 1 eller 2 vuxna",
    ("household.adults", "not_whole"): "Välj 1 eller 2 vuxna",
    ("household.adults", "not_a_number"): "Välj 1 eller 2 vuxna",
    ("household.children_ages", "out_of_range"): "Skriv barnens åldrar i hela år, till exempel {example}",
    ("household.children_ages", "not_whole"): "Skriv barnens åldrar i hela år, till exempel {example}",
    ("household.children_ages", "not_a_number"): "Skriv barnens åldrar med siffror och komma "
    "mellan, till exempel {example}",
    ("household.net_income", "required"): "Fyll i hushållets inkomster efter skatt per "
    f"månad, till exempel 24{_N}000. Om du inte vill "
    "räkna på hushållet, töm alla rutor om hushållet",
    ("plan_by", "bad_choice"): "Välj om planen ska räknas med belopp per månad eller med antal månader",
    ("start", "out_of_range"): "Skriv en startmånad mellan {minimum} och {maximum}",
    ("amounts_year", "out_of_range"): "Välj ett år som det finns normalbelopp för",
    ("interest", "bad_choice"): "Välj ingen ränta, ränta enligt räntelagen eller egen räntesats",
    ("due_date", "required"): "Fyll i förfallodagen eller hyresmånaden, till exempel {example}",
    ("due_date", "both_given"): "Fyll i antingen förfallodagen eller hyresmånaden. De två "
    "stämmer inte med varandra",
    ("lang", "bad_choice"): "Välj språket för svaret: sv för svenska eller en för engelska",
    **BUDGET_FIELD_ERRORS,
}

WARNINGS: dict[str, str] = {
    "long_plan": "Planen pågår i {months} månader, alltså mer än ett år. Se om en kortare "
    "plan går att klara, den är ofta lättare att hålla",
    "very_long_plan": "Planen pågår i {months} månader, alltså mer än två år. En plan är "
    "troligen fel verktyg för en så stor skuld. Tala med kommunens budget- "
    "och skuldrådgivning om andra vägar",
    "interest_share_high": "Räntan blir {interest} sammanlagt, mer än 5 procent av skulden "
    "på {debt}. Fråga hyresvärden om en lägre ränta, eller välj en "
    "kortare plan",
    **BUDGET_WARNINGS,
    "start_passed": "Den första betalningen skulle ha varit betald senast {due}. Välj en "
    "senare startmånad, till exempel {suggestion}",
    "amounts_year_old": "Normalbeloppen gäller för {year}. Jämför med Kronofogdens belopp "
    "för {current_year} och ändra dem om de skiljer sig",
    "amounts_secondary_source": "Normalbeloppen för {year} kommer från en andrahandskälla. "
    "Jämför med Kronofogdens belopp innan ni bestämmer planen",
    "rate_secondary_source": "Referensräntan för {periods} kommer från en andrahandskälla. "
    "Jämför med Riksbankens referensränta innan ni bestämmer planen",
    "board_date_missing": "De tre veckorna har inte börjat räknas. De börjar när både "
    "hyresgästen har fått underrättelsen och socialnämnden har fått "
    "meddelandet. Fyll i båda dagarna",
    "served_date_missing": "De tre veckorna har inte börjat räknas. De börjar när både "
    "socialnämnden har fått meddelandet och hyresgästen har fått "
    "underrättelsen. Fyll i båda dagarna",
    "board_after_served": "Socialnämnden fick meddelandet {board}, efter att hyresgästen fick "
    "underrättelsen {served}. De tre veckorna räknas därför från "
    "{board}",
}


def _data_example(field: str) -> str:
    """The example of a field whose figure changes over time, read from the data file so that an
    update never leaves an old figure here: the newest half-year's dröjsmålsränta (as the form's
    hint), the newest year, or that year's normalbelopp."""
    if field == "interest_rate":
        from .statutory import half_years  # only here: a message rarely needs the rates

        newest = max(half_years(), key=lambda half: half.valid_from).rate
        return percent_text(newest).removesuffix(f"{NBSP}%")
    year = reference.latest_year()
    if field == "amounts_year":
        return str(year)
    return amount_text(reference.normalbelopp(year).amounts[field.partition(".")[2] or "single_adult"])


def describe(field: str) -> dict[str, str]:
    """What the catalogue says about ``field``: what to fill in, its noun and an example."""
    described = FIELDS.get(field, FIELDS[""])
    if field in ("interest_rate", "amounts_year") or field.startswith("normalbelopp"):
        example = _data_example(field)
        decimals = described["decimals_example"] if field == "interest_rate" else f"{example},50"
        described = dict(described, example=example, decimals_example=decimals)
    return described


def error_message(field: str, error: CalculatorError) -> str:
    """The Swedish message for ``error`` on ``field`` (a request key, dotted when nested);
    the English one from :mod:`calculator.messages_en` while an English answer is written."""
    if english():
        from .messages_en import error_message as english_message

        return english_message(field, error)
    described = describe(field)
    template = FIELD_ERRORS.get((field, error.code), ERRORS.get(error.code, ERRORS["internal"]))
    params = dict(described, Noun=described["noun"][:1].upper() + described["noun"][1:])
    params.update(error.params)
    if isinstance(params.get("maximum"), int):
        params["maximum_months"] = count_text(params["maximum"], "månad", "månader")
    return _fill(template, params)


def warning_message(code: str, **params: object) -> str:
    """The Swedish message for warning ``code`` (English: :mod:`calculator.messages_en`)."""
    if english():
        from .messages_en import warning_message as english_warning

        return english_warning(code, **params)
    return _fill(WARNINGS[code], params)
