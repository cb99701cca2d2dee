"""Warnings about the household's budget, kept beside the main catalogue in messages.py.

They speak to the household in plain Swedish, say which norm and year they mean, and always
give the next step: socialtjänsten below a norm, a smaller installment over the margin, a field
to fill in when the budget would otherwise look better than it is.

>>> sorted(BUDGET_WARNINGS)[:2]
['below_forbehallsbelopp', 'below_riksnorm']
"""

from __future__ import annotations

from .numbers import NBSP as _N

# Field → (what to fill in, its noun, an example[, a decimals example]); messages.py makes them
# field descriptions like its own.
BUDGET_FIELDS: dict[str, tuple[str, ...]] = {
    "household.housing_benefit": (
        "bostadsbidrag eller bostadstillägg per månad",
        "bostadsbidraget eller bostadstillägget",
        f"1{_N}200",
    ),
    "household.electricity": ("vad hushållsel kostar per månad", "kostnaden för el", "450"),
    "household.home_insurance": (
        "vad hemförsäkringen kostar per månad",
        "kostnaden för hemförsäkringen",
        "150",
    ),
    "household.pensioner": ("om någon i hushållet har pension", "valet", "ja"),
    "margin_share": ("hur stor del av det som blir kvar som planen får ta", "andelen", "0,5", "0,75"),
    "alternatives": ("planerna att jämföra", "planerna", "6"),
}
for _index, _which in enumerate(("första", "andra", "tredje")):
    BUDGET_FIELDS[f"alternatives.{_index}.plan_by"] = (
        f"hur den {_which} planen att jämföra ska räknas",
        "valet",
        "antal månader",
    )
    BUDGET_FIELDS[f"alternatives.{_index}.installment"] = (
        f"hur mycket extra som ska betalas varje månad i den {_which} planen att jämföra",
        f"avbetalningen i den {_which} planen",
        f"1{_N}000",
    )
    BUDGET_FIELDS[f"alternatives.{_index}.months"] = (
        f"hur många månader den {_which} planen att jämföra ska pågå",
        f"antalet månader i den {_which} planen",
        "6",
    )

BUDGET_FIELD_ERRORS: dict[tuple[str, str], str] = {
    ("margin_share", "out_of_range"): "Skriv en andel mellan 0,01 och 1, till exempel 0,5 för hälften",
    ("household.pensioner", "bad_choice"): "Kryssa i rutan om någon i hushållet har pension",
    ("alternatives", "out_of_range"): "Jämför högst 3 planer",
}

BUDGET_WARNINGS: dict[str, str] = {
    "below_riksnorm": "Hushållets inkomster är lägre än riksnormen ({year} års belopp) plus "
    "hyra och andra kostnader. Kontakta socialtjänsten innan ni bestämmer en "
    "plan. Socialtjänsten bedömer om hushållet kan få ekonomiskt bistånd, och "
    "kan ibland betala hyresskulden",
    "below_forbehallsbelopp": "Hushållets inkomster räcker inte till förbehållsbeloppet "
    "({year} års belopp), alltså det Kronofogden räknar med att ett "
    "hushåll behöver för att leva. Kontakta socialtjänsten innan ni "
    "bestämmer en plan",
    "over_margin": "Planen tar som mest {payment} i månaden. Guiden rekommenderar högst "
    "{margin}, {share} av det som är kvar. Välj en avbetalning på högst "
    "{maximum}",
    "over_margin_none": "Planen tar som mest {payment} i månaden. Guiden rekommenderar högst "
    "{margin}, {share} av det som är kvar. Ingen plan på högst 120 "
    "månader blir så liten. Boka tid hos kommunens budget- och "
    "skuldrådgivning",
    "other_costs_empty": "Rutan för andra nödvändiga kostnader är tom. Skriv till exempel "
    "barnomsorg, resor till arbetet och medicin, annars ser det ut som "
    "att mer pengar är kvar än det är",
    "housing_benefit_unknown": "Rutan för bostadsbidrag eller bostadstillägg är tom. Skriv 0 "
    "om hushållet inte får något. Barnfamiljer kan söka "
    "bostadsbidrag hos Försäkringskassan, och den som har pension "
    "kan söka bostadstillägg hos Pensionsmyndigheten",
    "riksnorm_year_old": "Riksnormen här gäller för {year}. Regeringen bestämmer den varje "
    "år, och för 2024 höjdes den med 8,7 procent. Behovet är därför "
    "troligen större än här. Fråga socialtjänsten om årets belopp",
}
