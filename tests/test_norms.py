"""Riksnormen from the data file: its year, the household's amount and the common costs."""

from __future__ import annotations

from calculator.money import Money
from calculator.norms import common_costs, riksnorm_amount, riksnorm_table, riksnorm_years

KR = Money.from_kronor


def test_only_sourced_years_and_the_latest_not_after_the_amounts_year() -> None:
    assert riksnorm_years() == [2021]
    table = riksnorm_table(2024)
    assert table.year == 2021 and "SFS 2020:1013" in table.source and not table.secondary_source
    assert riksnorm_table(2021).year == 2021 and riksnorm_table(2020) is None


def test_riksnorm_for_a_single_parent_with_two_children() -> None:
    """3 160 alone + 2 440 (4 år) + 3 060 (9 år) + 1 420 common for three people."""
    assert riksnorm_amount(riksnorm_table(2024), 1, [4, 9]) == KR(10080)


def test_riksnorm_common_costs_past_seven_members() -> None:
    table = riksnorm_table(2024)
    assert common_costs(table, 7) == KR(2270) and common_costs(table, 9) == KR(2270 + 2 * 170)
    assert riksnorm_amount(table, 2, [0, 1, 3, 5, 12, 16, 19]) == (
        KR(5700 + 2180 + 2440 + 2170 + 2440 + 3520 + 3970 + 4000) + KR(2270 + 2 * 170)
    )
