"""English sentences about a plan and a budget: the twins of :mod:`calculator.summary`,
:mod:`calculator.advice` and the labels of the budget check. The texts of the files and the
agreement's clauses are in :mod:`calculator.documents_en`.

Each function or table here has the Swedish one it mirrors named in its docstring; it gets the
same numbers and only writes other words. Written to the tenant ("you") as the Swedish is:
short sentences, the most important thing first, "Pay by" where Swedish says "Betala senast".

>>> from calculator.language import using
>>> from calculator.money import Money
>>> from calculator.plan import plan_by_months
>>> plan = plan_by_months(Money.from_kronor(12500), 10, rent=Money.from_kronor(8500),
...                       start=(2027, 1))
>>> with using("en"):
...     print(plan_summary(plan).replace("\\xa0", " ").replace(". ", ".\\n"))
Your first payment is SEK 9,750.
Pay it by Wednesday 30 December 2026.
It is the rent of SEK 8,500 and SEK 1,250 towards the debt.
You pay the rent and part of the debt every month for 10 months.
You pay the same amount every month.
The last payment must be paid by Thursday 30 September 2027.
"""

from __future__ import annotations

from .numbers_en import count_text, date_text, list_text, money_text


def _money(amount) -> str:  # noqa: ANN001 (a Money)
    return money_text(amount.ore)


def payment_parts_text(row) -> str:  # noqa: ANN001 (a calculator.plan.Row)
    """Twin of :func:`calculator.summary.payment_parts_text`."""
    parts = [f"the rent of {_money(row.rent)}"] if row.rent else []
    parts.append(f"{_money(row.installment)} towards the debt")
    if row.interest:
        parts.append(f"{_money(row.interest)} in interest")
    return list_text(parts)


def _changes_text(plan) -> str:  # noqa: ANN001
    if all(row.payment == plan.rows[0].payment for row in plan.rows):
        return "You pay the same amount every month"
    if plan.interest:
        return (
            "The amount changes a little every month, because the interest changes. The table shows "
            "how much to pay each time"
        )
    return "The amount is not the same every month. The table shows how much to pay each time"


def plan_summary(plan) -> str:  # noqa: ANN001 (a calculator.plan.Plan)
    """Twin of :func:`calculator.summary.plan_summary`."""
    first, last = plan.rows[0], plan.rows[-1]
    which = "first payment" if plan.months > 1 else "payment"
    sentences = [
        f"Your {which} is {_money(first.payment)}",
        f"Pay it by {date_text(first.due_date, weekday=True)}",
        f"It is {payment_parts_text(first)}",
    ]
    if plan.months == 1:
        sentences.append("Then the debt is paid")
    else:
        sentences += [
            "You pay the rent and part of the debt every month for "
            + count_text(plan.months, "month", "months"),
            _changes_text(plan),
            f"The last payment must be paid by {date_text(last.due_date, weekday=True)}",
        ]
    if plan.interest:
        sentences.append(f"The interest comes to {_money(plan.interest)} in total")
    return ". ".join(sentences) + "."


def share_text(hundredths: int) -> str:
    """Twin of :func:`calculator.advice.share_text`: "half" or "75 percent"."""
    return "half" if hundredths == 50 else f"{hundredths} percent"


def verdict(a) -> str:  # noqa: ANN001 (a calculator.affordability.Assessment)
    """Twin of :func:`calculator.advice.verdict`."""
    year = f"the {a.year} amounts"
    if a.band == "below_riksnorm":
        norm = a.riksnorm
        return (
            f"The income is lower than the riksnorm for financial assistance (the {norm.year} amounts) plus "
            f"rent, electricity, insurance and other costs. {_money(-norm.surplus)} a month is missing. "
            "Contact the social services first. They decide whether the household can get financial "
            "assistance, and they can sometimes pay the rent arrears."
        )
    if a.band == "below_forbehallsbelopp":
        return (
            f"The income does not cover what the household needs to live on, according to {year}. The "
            "Enforcement Authority (Kronofogden) counts the rent and a standard amount for food, clothes, "
            "electricity and other everyday costs. This is called the förbehållsbelopp. "
            f"{_money(-a.surplus)} a month is missing. Contact the social services before you make a plan."
        )
    left = (
        f"The household has {_money(a.surplus)} left each month once rent, living costs and other costs "
        f"are paid, according to {year}. The plan takes up to {_money(a.largest_payment)} a month."
    )
    if a.band == "margin":
        share = share_text(a.margin_share)
        return f"The plan is manageable. {left} That is no more than {share} of what is left."
    advice = (
        f"The guide recommends that the plan takes no more than {share_text(a.margin_share)} of what is "
        f"left, which is {_money(a.margin)}."
    )
    if a.recommended_installment:
        step = f"Choose an instalment of no more than {_money(a.recommended_installment)} a month."
    else:
        step = (
            "No plan of 120 months or less is that small. Book an appointment with the municipality's "
            "budget and debt advice service."
        )
    return f"The plan is too heavy. {left} {advice} {step}"


CONTACTS = {  # twin of calculator.advice.CONTACTS: the pages linked are in Swedish
    "socialtjansten": {
        "name": "The social services in your municipality (socialtjänsten)",
        "why": "Decide whether the household can get financial assistance. Can sometimes pay rent arrears.",
        "url_text": "The National Board of Health and Welfare on the riksnorm (in Swedish)",
    },
    "budget_och_skuldradgivning": {
        "name": "The municipality's budget and debt advice service",
        "why": "Helps for free with budgets, debts and repayment plans. Every municipality must offer it.",
        "url_text": "Hallå konsument on the municipalities' budget and debt advice (in Swedish)",
    },
    "forsakringskassan": {
        "name": "The Social Insurance Agency (Försäkringskassan)",
        "why": "Families with children can apply for housing allowance there.",
        "url_text": "Försäkringskassan: housing allowance for families with children (in Swedish)",
    },
    "pensionsmyndigheten": {
        "name": "The Pensions Agency (Pensionsmyndigheten)",
        "why": "People with a pension can apply for housing supplement there.",
        "url_text": "Pensionsmyndigheten: apply for housing supplement (in Swedish)",
    },
}

BAND_TEXT = {  # twin of calculator.advice.BAND_TEXT
    "below_riksnorm": "Below the riksnorm: contact the social services",
    "below_forbehallsbelopp": "Below the förbehållsbelopp: contact the social services",
    "tight": "Too heavy: more than the margin",
    "margin": "Within the margin",
}

DOCUMENTS = (  # twin of calculator.advice.DOCUMENTS
    "The rent notice or the tenancy agreement.",
    "Statements of pay, pension or other income for the last three months.",
    "Decisions on housing allowance or housing supplement, if the household gets one.",
    "Bills for electricity and home insurance.",
    "Letters about the debt: reminders, debt collection letters and the notice of termination.",
    "This budget, printed.",
)

LABELS = {  # the budget check's Swedish item labels (calculator.affordability, household)
    "Riksnormen": "Riksnorm",
    "Hyra": "Rent",
    "Hushållsel": "Household electricity",
    "Hemförsäkring": "Home insurance",
    "Andra nödvändiga kostnader": "Other necessary costs",
    "Normalbelopp": "Standard amount (normalbelopp)",
    "Makar eller sambor": "Married or cohabiting couple",
    "Ensamstående vuxen": "Single adult",
}
CHILD_BANDS = {
    "child_0_6": "0–6 years",
    "child_7_10": "7–10 years",
    "child_11_14": "11–14 years",
    "child_15_plus": "15 years or older",
}
SOURCE_CHANGED = "; some amounts were changed in the calculator"
RATE_TEXTS = {"whole_plan": "the whole plan", "typed": "rate entered in the calculator"}


def child_label(age: int, key: str) -> str:
    """ "Child aged 4 (0–6 years)": twin of "Barn 4 år (0–6 år)"."""
    return f"Child aged {age} ({CHILD_BANDS[key]})"


def alternative_label(index: int) -> str:
    """Twin of the labels in :func:`calculator.budget_response.alternatives_list`."""
    return "The plan you worked out" if index == 0 else f"Comparison {index}"
