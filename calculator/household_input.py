"""Reading the household section of a request.

The section counts as used when any typed field holds something (a ticked "pensioner" box
alone does not count). Amounts left empty stay ``None``, so the warnings can ask about them.

>>> household_given({"pensioner": True}), household_given({"net_income": "18 000"})
(False, True)
"""

from __future__ import annotations

from .errors import InvalidChoice, InvalidGroup
from .fields import Reader, is_empty, optional
from .household import Household, parse_children_ages
from .numbers import parse_amount, parse_integer

HOUSEHOLD_KEYS = (
    "adults",
    "children_ages",
    "net_income",
    "housing_benefit",
    "electricity",
    "home_insurance",
    "other_costs",
    "pensioner",
)
_TYPED = tuple(key for key in HOUSEHOLD_KEYS if key != "pensioner")


def household_given(raw: object) -> bool:
    """The form's household section was used (any of its fields holds something)."""
    if isinstance(raw, dict):
        return not all(is_empty(raw.get(key)) for key in _TYPED)
    return not is_empty(raw)


def read_household(r: Reader) -> Household | None:
    """The household, or None with every wrong field's error kept in ``r``."""
    raw = r.raw.get("household")
    if not isinstance(raw, dict):
        r.fail("household", InvalidGroup())
        return None
    errors_before = len(r.errors)
    adults = optional(r, "household.adults", raw.get("adults"), parse_integer, 1, minimum=1, maximum=2)
    ages = r.read("household.children_ages", parse_children_ages, raw.get("children_ages"))
    income = r.read("household.net_income", parse_amount, raw.get("net_income"))
    amounts = {
        key: optional(r, f"household.{key}", raw.get(key), parse_amount, None)
        for key in ("housing_benefit", "electricity", "home_insurance", "other_costs")
    }
    pensioner = optional(r, "household.pensioner", raw.get("pensioner"), _parse_checkbox, False)
    if len(r.errors) > errors_before:
        return None
    costs = amounts.pop("other_costs")
    return Household(adults, ages, income, costs, pensioner=pensioner, **amounts)


def _parse_checkbox(value: object) -> bool:
    """A ticked box: true, "true", "on", "ja" or "1"; unticked: false, "false", "nej", "0"."""
    text = str(value).strip().lower()
    if value is True or text in ("true", "on", "ja", "1"):
        return True
    if value is False or text in ("false", "off", "nej", "0"):
        return False
    raise InvalidChoice()
