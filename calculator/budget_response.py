"""The ``affordability`` and ``alternatives`` objects of the response.

Every amount goes out as integer öre with a Swedish display string next to it, as in the rest
of the response, so the page shows the norms, the band, the contacts and the comparison table
without formatting anything itself.

>>> from calculator.money import Money
>>> from calculator.plan import plan_by_months
>>> plan = plan_by_months(Money.from_kronor(3000), 3, rent=Money(0), start=(2027, 1))
>>> [(item["months"], item["band"], item["recommended"])
...  for item in alternatives_list(plan, [], None)]
[(3, None, False)]
"""

from __future__ import annotations

from . import advice
from .affordability import Assessment, band_of
from .language import english
from .plan import Plan
from .response import put_date, put_money


def assessment_dict(assessment: Assessment) -> dict:
    """The ``affordability`` object of the response."""
    result: dict = {"year": assessment.year, "source": assessment.source, "items": []}
    for label, amount in assessment.items:
        item = {"label": label_text(label)}
        put_money(item, "amount", amount)
        result["items"].append(item)
    for key in (
        "normalbelopp",
        "rent",
        "forbehallsbelopp",
        "net_income",
        "housing_benefit",
        "income",
        "electricity",
        "home_insurance",
        "other_costs",
        "surplus",
        "largest_payment",
        "margin",
    ):
        put_money(result, key, getattr(assessment, key))
    result["secondary_source"] = assessment.secondary_source
    result["margin_share"] = assessment.margin_share
    result["margin_share_text"] = advice.share_text(assessment.margin_share)
    result["band"] = assessment.band
    result["band_text"] = advice.band_text(assessment.band)
    result["fits"] = assessment.fits
    put_money(result, "recommended_installment", assessment.recommended_installment)
    put_money(result, "max_installment", assessment.max_installment)
    result["norms"] = []
    for norm in assessment.norms:
        entry = {
            "code": norm.code,
            "year": norm.year,
            "source": norm.source,
            "secondary_source": norm.secondary_source,
            "items": [],
        }
        for label, amount in norm.items:
            item = {"label": label_text(label)}
            put_money(item, "amount", amount)
            entry["items"].append(item)
        put_money(entry, "need", norm.need)
        put_money(entry, "surplus", norm.surplus)
        result["norms"].append(entry)
    result["verdict"] = advice.verdict(assessment)
    result["contact_first"] = advice.below_norm(assessment)
    result["contacts"] = advice.contacts(assessment)
    result["documents"] = advice.documents()
    return result


def alternatives_list(plan: Plan, others: list[Plan], assessment: Assessment | None) -> list:
    """The plan asked for first, then the alternatives; the one within the margin with the
    fewest months is ``recommended`` (none without a household)."""
    result = []
    for index, option in enumerate([plan, *others]):
        item: dict = {
            "current": index == 0,
            "months": option.months,
            "label": _alternative_label(index),
        }
        for key in ("installment", "interest", "total"):
            put_money(item, key, getattr(option, key))
        put_date(item, "last_due_date", option.last_due_date)
        item["band"] = None if assessment is None else band_of(assessment, option)
        item["band_text"] = "" if assessment is None else advice.band_text(item["band"])
        item["recommended"] = False
        result.append(item)
    within = [item for item in result if item["band"] == "margin"]
    if within:
        min(within, key=lambda item: item["months"])["recommended"] = True
    return result


def label_text(label: str) -> str:
    """An item's label as the page shows it: the Swedish label, or its English twin."""
    if english():
        from .texts_en import LABELS

        return LABELS.get(label, label)
    return label


def _alternative_label(index: int) -> str:
    if english():
        from .texts_en import alternative_label

        return alternative_label(index)
    return "Planen ni räknade på" if index == 0 else f"Jämförelse {index}"
