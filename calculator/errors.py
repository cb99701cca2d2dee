"""Typed errors of the calculator: one class per problem, each with a stable code.

Parsing and plan functions raise these; :mod:`calculator.api` turns them into field errors
whose Swedish text comes from :mod:`calculator.messages`. No check writes its own user-facing
sentence, so the wording lives in one catalogue and the codes stay stable for JavaScript and
tests. The English ``message`` on each class is for developers only.

>>> from calculator.numbers import parse_amount
>>> try:
...     parse_amount("tolv kronor")
... except InvalidNumber as error:
...     print(error.code, "-", error)
not_a_number - the value is not a number
"""

from __future__ import annotations


class CalculatorError(ValueError):
    """Base class. ``code`` keys the message catalogue; ``params`` fill its placeholders."""

    code = "internal"
    message = "the calculation failed"

    def __init__(self, **params: object) -> None:
        super().__init__(self.message)
        self.params = params

    def __str__(self) -> str:
        return self.message


class InputError(CalculatorError):
    """A single typed value cannot be read."""


class EmptyValue(InputError):
    code = "required"
    message = "the value is empty"


class InvalidNumber(InputError):
    code = "not_a_number"
    message = "the value is not a number"


class NegativeNumber(InputError):
    code = "negative"
    message = "the value is negative"


class TooManyDecimals(InputError):
    code = "too_many_decimals"
    message = "the value has more than two decimals"


class NotWholeNumber(InputError):
    code = "not_whole"
    message = "the value is not a whole number"


class TooLarge(InputError):
    """Above a sane limit; ``limit`` says what the limit is."""

    code = "too_large"
    message = "the value is above the limit"


class TooSmall(InputError):
    """Not above ``minimum`` (used for amounts that must be more than zero)."""

    code = "too_small"
    message = "the value is too small"


class OutOfRange(InputError):
    """Outside ``minimum``..``maximum`` inclusive."""

    code = "out_of_range"
    message = "the value is out of range"


class InvalidMonth(InputError):
    code = "bad_month"
    message = "the value is not a month like 2027-01"


class InvalidDate(InputError):
    code = "bad_date"
    message = "the value is not a date like 2027-01-31"


class InvalidChoice(InputError):
    code = "bad_choice"
    message = "the value is not one of the choices"


class InvalidGroup(InputError):
    """A nested group of fields (household, debt_items, normalbelopp) is not an object."""

    code = "bad_group"
    message = "the group of fields is not an object"


class PlanError(CalculatorError):
    """The values are readable but do not make a plan together."""


class ChoosePlan(PlanError):
    code = "choose_plan"
    message = "neither installment nor months is given"


class BothGiven(PlanError):
    code = "both_given"
    message = "both installment and months are given"


class InstallmentTooSmall(PlanError):
    """The installment needs more than 120 months; ``minimum`` is the smallest that fits."""

    code = "installment_too_small"
    message = "the installment needs more than 120 months"


class TooManyMonths(PlanError):
    """More months than whole kronor in the debt; ``maximum`` is the most that works."""

    code = "too_many_months"
    message = "the debt is too small for that many months"


class DebtMismatch(PlanError):
    code = "debt_mismatch"
    message = "the debt differs from the sum of its items"


class UnknownYear(CalculatorError):
    code = "unknown_year"
    message = "there are no reference amounts for that year"


class RateUnknown(CalculatorError):
    """No reference rate in the data file for a half-year the plan needs; ``period`` names it."""

    code = "rate_unknown"
    message = "the reference rate for a half-year of the plan is not in the data file"


class ChildTooOld(InputError):
    code = "child_too_old"
    message = "a child aged 21 or more has no normalbelopp"


class TooManyChildren(InputError):
    code = "too_many_children"
    message = "too many children"


class BadRequest(CalculatorError):
    code = "bad_request"
    message = "the request is not a JSON object"


class InternalError(CalculatorError):
    code = "internal"
    message = "unexpected failure inside the calculator"
