"""Warning rules: which codes apply, at their exact boundaries."""

from __future__ import annotations

from calculator import calculate

BASE = {"debt": "12 000", "rent": "8 000", "plan_by": "months", "months": "12", "start": "2027-01"}


def _codes(**changes: str) -> list[str]:
    return [warning["code"] for warning in calculate(dict(BASE, **changes))["warnings"]]


def test_long_plan_starts_after_twelve_months() -> None:
    assert "long_plan" not in _codes(months="12", today="2026-12-01")
    assert "long_plan" in _codes(months="13", today="2026-12-01")


def test_start_passed_only_after_the_due_day() -> None:
    """January 2027's rent is due 30 December 2026 (31 December is nyårsafton)."""
    assert "start_passed" not in _codes(today="2026-12-30")
    assert "start_passed" in _codes(today="2026-12-31")


def test_start_passed_suggests_the_engines_default() -> None:
    today = "2026-12-31"
    suggestion = calculate({"defaults": True, "today": today})["defaults"]["start"]
    message = calculate(dict(BASE, today=today))["warnings"][0]["message"]
    assert message.endswith(f"till exempel {suggestion}")


def test_old_amounts_are_named_only_when_a_household_is_given() -> None:
    household = {"household": {"net_income": "40 000"}, "amounts_year": "2023"}
    assert "amounts_year_old" not in _codes(today="2027-01-10")
    response = calculate(dict(BASE, today="2027-01-10", **household))
    assert "amounts_year_old" in [warning["code"] for warning in response["warnings"]]
