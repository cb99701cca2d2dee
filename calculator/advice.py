"""What the budget check means for the tenant: the verdict, the warnings, whom to contact.

Plain Swedish written to the household ("hushållet"), naming the year of the amounts in the
verdict itself, explaining förbehållsbelopp and riksnorm in everyday words, and giving the next
step whenever the answer is no. The contacts are national pages only (each municipality has its
own socialtjänst and budget- och skuldrådgivning); every address was read with the search tool
on 2026-11-29.

>>> share_text(50), share_text(75)
('hälften', '75 procent')
"""

from __future__ import annotations

from .affordability import Assessment
from .language import english
from .numbers import money_text
from .plan import Plan

LONG_PLAN_MONTHS = 12
VERY_LONG_PLAN_MONTHS = 24
INTEREST_SHARE_PERCENT = 5

CONTACTS = {
    "socialtjansten": {
        "name": "Socialtjänsten i kommunen",
        "why": "Bedömer om hushållet kan få ekonomiskt bistånd. Kan ibland betala en hyresskuld.",
        "url": "https://www.socialstyrelsen.se/stod-i-arbetet/ekonomiskt-bistand/riksnormen/",
        "url_text": "Socialstyrelsen om riksnormen för ekonomiskt bistånd",
    },
    "budget_och_skuldradgivning": {
        "name": "Kommunens budget- och skuldrådgivning",
        "why": "Hjälper gratis med budget, skulder och avbetalningsplaner. Alla kommuner ska erbjuda den.",
        "url": "https://www.hallakonsument.se/aktuellt/hjalp-till-skuldsatta-varierar-stort-i-kommunerna/",
        "url_text": "Hallå konsument om kommunernas budget- och skuldrådgivning",
    },
    "forsakringskassan": {
        "name": "Försäkringskassan",
        "why": "Barnfamiljer kan söka bostadsbidrag där.",
        "url": "https://www.forsakringskassan.se/privatpers/foralder/bostadsbidrag_barnfamiljer",
        "url_text": "Försäkringskassan: Bostadsbidrag till barnfamiljer",
    },
    "pensionsmyndigheten": {
        "name": "Pensionsmyndigheten",
        "why": "Den som har pension kan söka bostadstillägg där.",
        "url": "https://www.pensionsmyndigheten.se/for-pensionarer/ekonomiskt-stod/ansok-om-bostadstillagg",
        "url_text": "Pensionsmyndigheten: Ansök om bostadstillägg",
    },
}

BAND_TEXT = {
    "below_riksnorm": "Under riksnormen: kontakta socialtjänsten",
    "below_forbehallsbelopp": "Under förbehållsbeloppet: kontakta socialtjänsten",
    "tight": "För tung: mer än marginalen",
    "margin": "Inom marginalen",
}

DOCUMENTS = (
    "Hyresavin eller hyreskontraktet.",
    "Besked om lön, pension eller andra inkomster för de senaste tre månaderna.",
    "Beslut om bostadsbidrag eller bostadstillägg, om hushållet har det.",
    "Räkningar för el och hemförsäkring.",
    "Brev om skulden: påminnelser, inkassokrav och uppsägning.",
    "Den här budgeten, utskriven.",
)


def share_text(hundredths: int) -> str:
    """ "hälften" for the default share, otherwise "75 procent"."""
    if english():
        return _en().share_text(hundredths)
    return "hälften" if hundredths == 50 else f"{hundredths} procent"


def below_norm(assessment: Assessment) -> bool:
    return assessment.band in ("below_riksnorm", "below_forbehallsbelopp")


def verdict(assessment: Assessment) -> str:
    """Two to four short sentences: the answer, why, and what to do next."""
    if english():
        return _en().verdict(assessment)
    a = assessment
    year = f"{a.year} års belopp"
    if a.band == "below_riksnorm":
        norm = a.riksnorm
        return (
            f"Inkomsterna är lägre än riksnormen för ekonomiskt bistånd ({norm.year} års "
            f"belopp) plus hyra, el, försäkring och andra kostnader. Det saknas "
            f"{money_text(-norm.surplus)} i månaden. Kontakta socialtjänsten först. "
            f"Socialtjänsten bedömer om hushållet kan få ekonomiskt bistånd, och kan "
            f"ibland betala hyresskulden."
        )
    if a.band == "below_forbehallsbelopp":
        return (
            f"Inkomsterna räcker inte till det hushållet behöver för att leva, enligt "
            f"{year}. Kronofogden räknar med hyran och ett normalbelopp för mat, kläder, "
            f"el och andra vanliga utgifter. Det kallas förbehållsbelopp. Det saknas "
            f"{money_text(-a.surplus)} i månaden. Kontakta socialtjänsten innan ni gör "
            f"en plan."
        )
    left = (
        f"Hushållet har {money_text(a.surplus)} kvar i månaden när hyra, "
        f"levnadskostnader och andra kostnader är betalda, enligt {year}. Planen tar som "
        f"mest {money_text(a.largest_payment)} i månaden."
    )
    if a.band == "margin":
        return (
            f"Planen går att klara. {left} Det är inte mer än {share_text(a.margin_share)} "
            f"av det som är kvar."
        )
    advice = (
        f"Guiden rekommenderar att planen tar högst {share_text(a.margin_share)} av det "
        f"som är kvar, alltså {money_text(a.margin)}."
    )
    if a.recommended_installment:
        step = f"Välj en avbetalning på högst {money_text(a.recommended_installment)} i månaden."
    else:
        step = (
            "Ingen plan på högst 120 månader blir så liten. Boka tid hos kommunens "
            "budget- och skuldrådgivning."
        )
    return f"Planen blir för tung. {left} {advice} {step}"


def contacts(assessment: Assessment) -> list[dict]:
    """Whom to contact, the most urgent first; bostadsbidrag and bostadstillägg when they fit."""
    household = assessment.household
    order = ["budget_och_skuldradgivning", "socialtjansten"]
    if below_norm(assessment):
        order.reverse()
    if household.children_ages:
        order.append("forsakringskassan")
    if household.pensioner:
        order.append("pensionsmyndigheten")
    if english():
        return [dict(CONTACTS[code], **_en().CONTACTS[code], code=code) for code in order]
    return [dict(CONTACTS[code], code=code) for code in order]


def plan_warnings(plan: Plan) -> list[tuple[str, dict]]:
    """Warnings about the plan itself, household or not: its length and its interest."""
    warnings: list[tuple[str, dict]] = []
    if plan.months > VERY_LONG_PLAN_MONTHS:
        warnings.append(("very_long_plan", {"months": plan.months}))
    elif plan.months > LONG_PLAN_MONTHS:
        warnings.append(("long_plan", {"months": plan.months}))
    if plan.interest.ore * 100 > plan.debt.ore * INTEREST_SHARE_PERCENT:
        warnings.append(("interest_share_high", {"interest": plan.interest, "debt": plan.debt}))
    return warnings


def budget_warnings(assessment: Assessment, today_year: int) -> list[tuple[str, str, dict]]:
    """(code, message template, params) for the household's budget, most serious first."""
    a, household = assessment, assessment.household
    warnings: list[tuple[str, str, dict]] = []
    if a.band == "below_riksnorm":
        warnings.append(("below_riksnorm", "below_riksnorm", {"year": a.riksnorm.year}))
    elif a.band == "below_forbehallsbelopp":
        warnings.append(("below_forbehallsbelopp", "below_forbehallsbelopp", {"year": a.year}))
    elif a.band == "tight":
        params = {
            "payment": a.largest_payment,
            "margin": a.margin,
            "share": share_text(a.margin_share),
            "maximum": a.recommended_installment,
        }
        template = "over_margin" if a.recommended_installment else "over_margin_none"
        warnings.append(("over_margin", template, params))
    if household.other_costs is None:
        warnings.append(("other_costs_empty", "other_costs_empty", {}))
    if household.housing_benefit is None and (household.children_ages or household.pensioner):
        warnings.append(("housing_benefit_unknown", "housing_benefit_unknown", {}))
    if a.riksnorm is not None and a.riksnorm.year < today_year:
        warnings.append(("riksnorm_year_old", "riksnorm_year_old", {"year": a.riksnorm.year}))
    return warnings


def band_text(band: str) -> str:
    """The band's words for the page (English: :data:`calculator.texts_en.BAND_TEXT`)."""
    return (_en().BAND_TEXT if english() else BAND_TEXT)[band]


def documents() -> list[str]:
    """What to bring to a meeting (English: :data:`calculator.texts_en.DOCUMENTS`)."""
    return list(_en().DOCUMENTS if english() else DOCUMENTS)


def _en():  # noqa: ANN202 (a module)
    from . import texts_en

    return texts_en
