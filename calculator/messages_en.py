"""The English message catalogue: the same codes and keys as :mod:`calculator.messages`.

Used while a request with ``"lang": "en"`` is answered (:mod:`calculator.language`). Every
field, code and warning of the Swedish catalogue has its twin here, and every template has the
same slots (tests/test_messages_en.py names the one that lacks it). The wording follows the
GOV.UK style guide as the Swedish one does: say what to do ("Enter how much is unpaid"), use
the words of the form, give an example, never "invalid" or "please". It was written for a
tenant in Sweden who reads English better than Swedish, sentence by sentence from the Swedish
text, not word for word; the Swedish text stays the one that decides.

>>> from calculator.errors import EmptyValue
>>> from calculator.language import using
>>> with using("en"):
...     error_message("debt", EmptyValue())
'Enter how much is unpaid, for example 12,500'
"""

from __future__ import annotations

from . import reference
from .budget_messages_en import BUDGET_FIELD_ERRORS, BUDGET_FIELDS, BUDGET_WARNINGS
from .errors import CalculatorError
from .fill import fill as _fill
from .numbers_en import amount_text, count_text, percent_text


def _field(what: str, noun: str, example: str, decimals: str | None = None) -> dict[str, str]:
    return {"what": what, "noun": noun, "example": example, "decimals_example": decimals or f"{example}.50"}


FIELDS: dict[str, dict[str, str]] = {
    "debt": _field("how much is unpaid", "the debt", "12,500"),
    "debt_items": _field("what the debt is made up of", "the parts of the debt", "11,800"),
    "debt_items.unpaid_rent": _field("how much rent is unpaid", "the unpaid rent", "11,800"),
    "debt_items.reminder_fees": _field("the reminder fees", "the reminder fees", "60"),
    "debt_items.collection_fees": _field("the debt collection fees", "the debt collection fees", "180"),
    "rent": _field("how much the rent is each month", "the rent", "7,450"),
    "plan_by": _field("how to work out the plan", "the choice", "number of months"),
    "installment": _field("how much extra to pay each month", "the instalment", "1,500"),
    "months": _field("how many months the repayments will last", "the number of months", "6"),
    "start": _field("the month the repayments start", "the start month", "2027-01"),
    "interest": _field("which interest to charge", "the choice of interest", "Interest Act"),
    "interest_rate": _field("the interest rate as a percentage a year", "the interest rate", "", "11.50"),
    "household": _field("the household details", "the household", "1"),
    "household.adults": _field("how many adults live in the household", "the number of adults", "1"),
    "household.children_ages": _field("the children's ages", "the children's ages", "3, 7"),
    "household.net_income": _field("the household's income after tax each month", "the income", "24,000"),
    "household.other_costs": _field(
        "the household's other necessary costs each month", "the other costs", "1,200"
    ),
    "amounts_year": _field("which year's standard amounts to use", "the year", ""),
    "normalbelopp": _field("the standard amounts", "the standard amounts", ""),
    "today": _field("today's date", "today's date", "2027-01-15"),
    "due_date": _field("the due date", "the due date", "2026-12-30"),
    "month": _field("which month the rent is for", "the rent month", "2027-01"),
    "served_date": _field("the date the tenant received the notice", "the date of the notice", "2027-01-18"),
    "board_notified_date": _field(
        "the date the social welfare committee received the notice", "the date of the notice", "2027-01-20"
    ),
    "lang": _field("the language of the answer", "the language", "en"),
    "": _field("the details", "the details", ""),
}
for _key, _who in (
    ("single_adult", "a single adult"),
    ("couple", "a married or cohabiting couple"),
    ("child_0_6", "a child aged 0–6"),
    ("child_7_10", "a child aged 7–10"),
    ("child_11_14", "a child aged 11–14"),
    ("child_15_plus", "a child aged 15 or older"),
):
    _what = f"the standard amount for {_who}"
    FIELDS[f"normalbelopp.{_key}"] = _field(_what, _what, "")

FIELDS.update({field: _field(*words) for field, words in BUDGET_FIELDS.items()})

ERRORS: dict[str, str] = {
    "required": "Enter {what}, for example {example}",
    "not_a_number": "Enter {noun} in numbers, for example {example}",
    "negative": "Enter {noun} without a minus sign, for example {example}",
    "too_many_decimals": "Enter {noun} with no more than 2 decimal places, for example {decimals_example}",
    "not_whole": "Enter {noun} as a whole number, for example {example}",
    "too_large": "{Noun} must be {limit} or less",
    "too_small": "{Noun} must be more than {minimum}",
    "out_of_range": "{Noun} must be between {minimum} and {maximum}",
    "bad_month": "Enter {noun} as a year and month, for example {example}",
    "bad_date": "Enter {noun} as a year, month and day, for example {example}",
    "bad_choice": "Select {what}",
    "bad_group": "Enter {what} again",
    "choose_plan": "Enter either how much extra to pay each month or how many months the repayments "
    "will last",
    "both_given": "Enter either an amount each month or a number of months, not both",
    "installment_too_small": "Enter at least {minimum} a month, or it will take more than 120 months to pay "
    "the debt",
    "too_many_months": "Select {maximum_months} or fewer. The debt is too small for a payment every month "
    "if the plan is longer",
    "debt_mismatch": "Change the debt to {sum} so that it matches its parts, or change the parts so that "
    "they add up to {debt}",
    "unknown_year": "Select a year that has standard amounts: {years}",
    "rate_unknown": "Select your own interest rate and enter it as a percentage. The calculator does not "
    "have the reference rate for {period}",
    "child_too_old": "Remove the age {age}. Standard amounts for children only count up to the age of 20",
    "too_many_children": "Enter no more than {maximum} children",
    "bad_request": "Reload the page and enter the details again",
    "internal": "Something went wrong in the calculator. Reload the page and try again",
}

FIELD_ERRORS: dict[tuple[str, str], str] = {
    ("debt", "too_small"): "Enter a debt of more than SEK 0, for example {example}",
    ("installment", "too_small"): "Enter an instalment of more than SEK 0, for example {example}",
    ("household.adults", "out_of_range"): "Select 1 or 2 adults",
    ("household.adults", "not_whole"): "Select 1 or 2 adults",
    ("household.adults", "not_a_number"): "Select 1 or 2 adults",
    ("household.children_ages", "out_of_range"): "Enter the children's ages in whole years, for example "
    "{example}",
    ("household.children_ages", "not_whole"): "Enter the children's ages in whole years, for example "
    "{example}",
    ("household.children_ages", "not_a_number"): "Enter the children's ages in numbers with a comma between "
    "them, for example {example}",
    ("household.net_income", "required"): "Enter the household's income after tax each month, for example "
    "24,000. If you do not want to check the household budget, clear all the household boxes",
    ("plan_by", "bad_choice"): "Select whether to work out the plan by an amount each month or by a number "
    "of months",
    ("start", "out_of_range"): "Enter a start month between {minimum} and {maximum}",
    ("amounts_year", "out_of_range"): "Select a year that has standard amounts",
    ("interest", "bad_choice"): "Select no interest, interest under the Interest Act or your own "
    "interest rate",
    ("due_date", "required"): "Enter the due date or the rent month, for example {example}",
    ("due_date", "both_given"): "Enter either the due date or the rent month. The two do not match",
    ("lang", "bad_choice"): "Select the language of the answer: sv for Swedish or en for English",
    **BUDGET_FIELD_ERRORS,
}

WARNINGS: dict[str, str] = {
    "long_plan": "The plan lasts {months} months, which is more than a year. See if a shorter plan is "
    "possible, as it is often easier to keep to",
    "very_long_plan": "The plan lasts {months} months, which is more than two years. A plan is probably "
    "the wrong tool for a debt this large. Talk to the municipality's budget and debt advice service "
    "about other ways",
    "interest_share_high": "The interest comes to {interest} in total, more than 5 percent of the debt of "
    "{debt}. Ask the landlord for a lower interest rate, or choose a shorter plan",
    **BUDGET_WARNINGS,
    "start_passed": "The first payment should have been paid by {due}. Choose a later start month, for "
    "example {suggestion}",
    "amounts_year_old": "The standard amounts are for {year}. Compare them with the Enforcement "
    "Authority's (Kronofogden's) amounts for {current_year} and change them if they differ",
    "amounts_secondary_source": "The standard amounts for {year} come from a secondary source. Compare them "
    "with the Enforcement Authority's (Kronofogden's) amounts before you agree on the plan",
    "rate_secondary_source": "The reference rate for {periods} comes from a secondary source. Compare it "
    "with the Riksbank's reference rate before you agree on the plan",
    "board_date_missing": "The three weeks have not started yet. They start when the tenant has received "
    "the notice and the social welfare committee has received its notice. Enter both dates",
    "served_date_missing": "The three weeks have not started yet. They start when the social welfare "
    "committee has received its notice and the tenant has received the notice. Enter both dates",
    "board_after_served": "The social welfare committee received its notice on {board}, after the tenant "
    "received the notice on {served}. So the three weeks count from {board}",
}


def _data_example(field: str) -> str:
    """The twin of :func:`calculator.messages._data_example`: the newest figure, in English."""
    if field == "interest_rate":
        from .statutory import half_years

        return percent_text(max(half_years(), key=lambda half: half.valid_from).rate).removesuffix("%")
    year = reference.latest_year()
    if field == "amounts_year":
        return str(year)
    ore = reference.normalbelopp(year).amounts[field.partition(".")[2] or "single_adult"].ore
    return amount_text(ore)


def describe(field: str) -> dict[str, str]:
    """What the catalogue says about ``field``: what to fill in, its noun and an example."""
    described = FIELDS.get(field, FIELDS[""])
    if field in ("interest_rate", "amounts_year") or field.startswith("normalbelopp"):
        example = _data_example(field)
        decimals = described["decimals_example"] if field == "interest_rate" else f"{example}.50"
        described = dict(described, example=example, decimals_example=decimals)
    return described


def error_message(field: str, error: CalculatorError) -> str:
    """The English message for ``error`` on ``field`` (a request key, dotted when nested)."""
    described = describe(field)
    template = FIELD_ERRORS.get((field, error.code), ERRORS.get(error.code, ERRORS["internal"]))
    params = dict(described, Noun=described["noun"][:1].upper() + described["noun"][1:])
    params.update(error.params)
    if isinstance(params.get("maximum"), int):
        params["maximum_months"] = count_text(params["maximum"], "month", "months")
    return _fill(template, params)


def warning_message(code: str, **params: object) -> str:
    """The English message for warning ``code``."""
    return _fill(WARNINGS[code], params)
