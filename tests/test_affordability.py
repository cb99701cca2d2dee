"""Affordability: normalbelopp, both norms, the margin, the band and the recommendation."""

from __future__ import annotations

import pytest
from hypothesis import given

from calculator.affordability import Assessment, band_of
from calculator.errors import CalculatorError, ChildTooOld
from calculator.household import Household, child_band, normalbelopp_items, parse_children_ages
from calculator.margin import largest_payment
from calculator.money import Money
from calculator.norms import riksnorm_table
from calculator.plan import build_plan, plan_by_installment, plan_by_months, split_by_installment
from calculator.reference import NORMALBELOPP_KEYS, latest_year, normalbelopp, years
from strategies import examples, household_objects, installment_plans, margin_shares, rates, starts

KR = Money.from_kronor


@pytest.mark.parametrize(
    ("age", "key"),
    [
        (0, "child_0_6"),
        (6, "child_0_6"),
        (7, "child_7_10"),
        (10, "child_7_10"),
        (11, "child_11_14"),
        (14, "child_11_14"),
        (15, "child_15_plus"),
        (17, "child_15_plus"),
        (18, "child_15_plus"),
        (20, "child_15_plus"),
    ],
)
def test_age_bands(age: int, key: str) -> None:
    assert child_band(age)[0] == key


def test_from_21_there_is_no_child_normalbelopp() -> None:
    with pytest.raises(ChildTooOld) as caught:
        child_band(21)
    assert caught.value.params == {"age": 21}


@pytest.mark.parametrize(
    ("typed", "ages"),
    [
        ("3, 7", [3, 7]),
        ("3 och 7", [3, 7]),
        ("3;7", [3, 7]),
        ("3 7", [3, 7]),
        ("", []),
        (None, []),
        ("  ", []),
        ([3, "7"], [3, 7]),
        ([], []),
        ("0", [0]),
        ("20", [20]),
    ],
)
def test_children_ages_typed(typed: object, ages: list[int]) -> None:
    assert parse_children_ages(typed) == ages


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("3, x", "not_a_number"),
        ("-1", "out_of_range"),
        ("2.5", "not_whole"),
        ("21", "child_too_old"),
        ("3, 25", "child_too_old"),
        ("200", "out_of_range"),
        (", ".join(["1"] * 21), "too_many_children"),
        (5, "not_a_number"),
        ({"a": 1}, "not_a_number"),
        ([[3]], "not_a_number"),
        ([None], "required"),
    ],
)
def test_children_ages_that_cannot_be_used(typed: object, code: str) -> None:
    with pytest.raises(CalculatorError) as caught:
        parse_children_ages(typed)
    assert caught.value.code == code


def test_data_file_years_and_amounts() -> None:
    """The figures read from the sources stay as read; later years may be added after them."""
    assert years()[:2] == [2023, 2024] and years() == sorted(set(years()))
    assert latest_year() == max(years())
    table_2023 = normalbelopp(2023)
    assert [table_2023.amounts[key].ore // 100 for key in NORMALBELOPP_KEYS] == [
        5717,
        9445,
        3055,
        3667,
        4279,
        4889,
    ]
    assert "KFMFS 2022:1" in table_2023.source and not table_2023.secondary_source
    table_2024 = normalbelopp(2024)
    assert [table_2024.amounts[key].ore // 100 for key in NORMALBELOPP_KEYS] == [
        6090,
        10061,
        3255,
        3906,
        4558,
        5208,
    ]
    assert table_2024.secondary_source and "andrahandskälla" in table_2024.source
    with pytest.raises(CalculatorError) as caught:
        normalbelopp(latest_year() + 1)  # a year not in the file is an error, never a guess
    assert caught.value.code == "unknown_year" and caught.value.params == {"years": years()}


def _assess(plan, household: Household, year: int = 2024, share: int = 50) -> Assessment:
    """The engine's assessment with the data file's amounts for ``year``."""
    table = normalbelopp(year)

    def plan_for(installment: Money):
        return build_plan(
            plan.debt,
            split_by_installment(plan.debt, installment),
            rent=plan.rent,
            start=(plan.rows[0].year, plan.rows[0].month),
            rate=plan.rate,
        )

    return Assessment(
        plan,
        household,
        table,
        table.amounts,
        table.source,
        margin_share=share,
        riksnorm=riksnorm_table(year),
        plan_for=plan_for,
    )


def test_household_within_the_margin() -> None:
    plan = plan_by_months(KR(8000), 8, rent=KR(7500), start=(2027, 2))
    household = Household(1, [4, 9], KR(24000), KR(1000))
    result = _assess(plan, household)
    assert [amount for _, amount in result.items] == [KR(6090), KR(3255), KR(3906)]
    assert result.normalbelopp == KR(13251) and result.forbehallsbelopp == KR(20751)
    assert result.surplus == KR(2249) and result.margin == Money(112450)
    assert result.band == "margin" and result.fits
    assert result.recommended_installment == KR(1124)


def test_the_whole_surplus_is_not_room_for_a_plan() -> None:
    """The guide's old example: 1 600 kr on a 1 616 kr surplus is over the margin now."""
    plan = plan_by_installment(KR(9600), KR(1600), rent=KR(7000), start=(2027, 3))
    household = Household(1, [], KR(14706), KR(0))  # 14 706 − 6 090 − 7 000 = 1 616
    result = _assess(plan, household)
    assert result.surplus == KR(1616) and result.band == "tight" and not result.fits
    assert result.recommended_installment == KR(808)
    assert _assess(plan, household, share=100).band == "margin"


def test_riksnorm_need_adds_rent_el_insurance_and_other_costs() -> None:
    plan = plan_by_months(KR(6000), 6, rent=KR(7450), start=(2027, 2))
    household = Household(
        1, [4, 9], KR(18000), KR(500), electricity=KR(400), home_insurance=KR(150), housing_benefit=KR(1000)
    )
    result = _assess(plan, household)
    riksnorm, forbehall = result.norms
    assert riksnorm.code == "riksnorm" and riksnorm.year == 2021 and not riksnorm.secondary_source
    # 3 160 + 2 440 + 3 060 personal + 1 420 common (3 people) = 10 080
    assert riksnorm.need == KR(10080 + 7450 + 400 + 150 + 500)
    assert riksnorm.surplus == KR(19000) - riksnorm.need
    # normalbelopp covers el and insurance: they are not added to the förbehållsbelopp need
    assert forbehall.need == KR(13251 + 7450 + 500) and forbehall.surplus == result.surplus
    assert result.income == KR(19000) and result.band == "below_forbehallsbelopp"
    assert result.recommended_installment == Money(0)


def test_below_riksnorm_comes_before_below_forbehallsbelopp() -> None:
    plan = plan_by_months(KR(3000), 6, rent=KR(6500), start=(2027, 2))
    result = _assess(plan, Household(1, [], KR(11000), KR(300), electricity=KR(400)))
    # riksnorm 3 160 + 1 020 + rent 6 500 + el 400 + other 300 = 11 380 > 11 000
    assert result.riksnorm.need == KR(11380) and result.band == "below_riksnorm"


def test_no_riksnorm_before_its_first_year_in_the_file() -> None:
    assert riksnorm_table(2020) is None
    plan = plan_by_months(KR(1000), 1, rent=KR(9000), start=(2023, 1))
    result = _assess(plan, Household(1, [], KR(10000)), year=2023)
    assert [norm.code for norm in result.norms] == ["riksnorm", "forbehallsbelopp"]


def test_couple_uses_the_joint_amount() -> None:
    items = normalbelopp_items(Household(2, [], KR(0)), normalbelopp(2023).amounts)
    assert items == [("Makar eller sambor", KR(9445))]


@examples(2)
@given(installment_plans, starts, rates, household_objects, margin_shares)
def test_norms_surplus_margin_and_band(
    plan_parts: tuple[Money, Money], start: tuple[int, int], rate: int, household: Household, share: int
) -> None:
    """Invariants: each norm's surplus = income − its need; the förbehållsbelopp need is
    normalbelopp + rent + other costs, the riksnorm need adds el and insurance; the margin is
    the floor of share × surplus and never negative; the band follows the first line crossed."""
    debt, installment = plan_parts
    plan = plan_by_installment(debt, installment, rent=KR(7000), start=start, rate=rate)
    result = _assess(plan, household, share=share)
    zero = Money(0)
    other = household.other_costs or zero
    riksnorm, forbehall = result.norms
    assert forbehall.need == result.normalbelopp + KR(7000) + other
    assert riksnorm.need - forbehall.need == (
        riksnorm.items[0][1]
        - result.normalbelopp
        + (household.electricity or zero)
        + (household.home_insurance or zero)
    )
    for norm in result.norms:
        assert norm.surplus == household.income - norm.need
    assert result.margin >= zero and result.margin.ore == max(0, result.surplus.ore * share // 100)
    expected = (
        "below_riksnorm"
        if riksnorm.surplus < zero
        else "below_forbehallsbelopp"
        if forbehall.surplus < zero
        else "tight"
        if largest_payment(plan) > result.margin
        else "margin"
    )
    assert result.band == expected and band_of(result, plan) == expected
    assert result.recommended_installment.is_whole_kronor
    assert result.recommended_installment >= zero
