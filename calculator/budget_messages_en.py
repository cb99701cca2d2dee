"""The English twin of :mod:`calculator.budget_messages`: the same keys, in English.

Two Swedish words stay, each explained where it first appears: *riksnorm* (the national
standard the social services use for financial assistance) and *förbehållsbelopp* (what the
Enforcement Authority, Kronofogden, leaves a household to live on). The tenant meets both in
letters from Swedish authorities, so an English-only name would not help them.

>>> from calculator import budget_messages
>>> sorted(BUDGET_WARNINGS) == sorted(budget_messages.BUDGET_WARNINGS)
True
"""

from __future__ import annotations

BUDGET_FIELDS: dict[str, tuple[str, ...]] = {
    "household.housing_benefit": (
        "the housing allowance or housing supplement each month",
        "the housing allowance or housing supplement",
        "1,200",
    ),
    "household.electricity": (
        "what household electricity costs each month",
        "the cost of electricity",
        "450",
    ),
    "household.home_insurance": (
        "what the home insurance costs each month",
        "the cost of the home insurance",
        "150",
    ),
    "household.pensioner": ("whether anyone in the household gets a pension", "the choice", "yes"),
    "margin_share": ("how much of what is left the plan may take", "the share", "0.5", "0.75"),
    "alternatives": ("the plans to compare", "the plans", "6"),
}
for _index, _which in enumerate(("first", "second", "third")):
    BUDGET_FIELDS[f"alternatives.{_index}.plan_by"] = (
        f"how to work out the {_which} plan to compare",
        "the choice",
        "number of months",
    )
    BUDGET_FIELDS[f"alternatives.{_index}.installment"] = (
        f"how much extra to pay each month in the {_which} plan to compare",
        f"the instalment in the {_which} plan",
        "1,000",
    )
    BUDGET_FIELDS[f"alternatives.{_index}.months"] = (
        f"how many months the {_which} plan to compare will last",
        f"the number of months in the {_which} plan",
        "6",
    )

BUDGET_FIELD_ERRORS: dict[tuple[str, str], str] = {
    ("margin_share", "out_of_range"): "Enter a share between 0.01 and 1, for example 0.5 for half",
    ("household.pensioner", "bad_choice"): "Tick the box if anyone in the household gets a pension",
    ("alternatives", "out_of_range"): "Compare no more than 3 plans",
}

BUDGET_WARNINGS: dict[str, str] = {
    "below_riksnorm": "The household's income is lower than the riksnorm ({year} amounts) plus "
    "rent and other costs. The riksnorm is what the social services use to decide on financial "
    "assistance. Contact the social services before you agree on a plan. They decide whether "
    "the household can get financial assistance, and they can sometimes pay the rent arrears",
    "below_forbehallsbelopp": "The household's income does not cover the förbehållsbelopp "
    "({year} amounts): what the Enforcement Authority (Kronofogden) counts as what a household "
    "needs to live on. Contact the social services before you agree on a plan",
    "over_margin": "The plan takes up to {payment} a month. The guide recommends no more than "
    "{margin}, {share} of what is left. Choose an instalment of no more than {maximum}",
    "over_margin_none": "The plan takes up to {payment} a month. The guide recommends no more "
    "than {margin}, {share} of what is left. No plan of 120 months or less is that small. Book "
    "an appointment with the municipality's budget and debt advice service",
    "other_costs_empty": "The box for other necessary costs is empty. Enter costs such as "
    "childcare, travel to work and medicine, or it looks as if more money is left than there is",
    "housing_benefit_unknown": "The box for housing allowance or housing supplement is empty. "
    "Enter 0 if the household gets nothing. Families with children can apply for housing "
    "allowance from the Social Insurance Agency (Försäkringskassan), and people with a pension "
    "can apply for housing supplement from the Pensions Agency (Pensionsmyndigheten)",
    "riksnorm_year_old": "The riksnorm used here is for {year}. The government sets it every "
    "year, and for 2024 it went up by 8.7 percent. So the household probably needs more than "
    "shown here. Ask the social services for this year's amounts",
}
