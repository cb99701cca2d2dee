"""English texts of what is saved or signed: the CSV, the iCalendar file and the agreement's
clauses; the twins of :data:`calculator.exports.TEXTS`, :func:`calculator.exports.event_texts`
and :func:`calculator.agreement.interest_terms`.

The CSV uses ``,`` between fields and ``.`` before öre, as English spreadsheets expect.

>>> event_texts("SEK 9,500", 1, 3, "January 2027", "SEK 8,500", "SEK 1,000", None,
...             "30 December 2026", "SEK 2,000")[2]
'Pay SEK 9,500 by 30 December 2026'
"""

from __future__ import annotations

from .numbers_en import money_text

EXPORTS: dict[str, object] = {  # twin of calculator.exports.TEXTS
    "csv_header": (
        "Month",
        "Pay by",
        "Rent (SEK)",
        "Instalment (SEK)",
        "Interest (SEK)",
        "To pay (SEK)",
        "Debt left (SEK)",
    ),
    "csv_separator": ",",
    "csv_decimal": ".",
    "prodid": "-//Bo kvar//Repayment plan 1.0//EN",
    "calendar_name": "Repayment plan",
    "file_stem": "repayment-plan",
}


def event_texts(
    pay: str,
    number: int,
    months: int,
    month: str,
    rent: str,
    installment: str,
    interest: str | None,
    due: str,
    balance: str,
) -> tuple[str, str, str]:
    """Twin of :func:`calculator.exports.event_texts`: summary, description and alarm."""
    summary = f"Pay {pay}: rent and instalment ({number} of {months})"
    details = f"Rent for {month}: {rent}. Instalment on the debt: {installment}. "
    if interest is not None:
        details += f"Interest: {interest}. "
    details += f"Pay {pay} by {due}. Debt left after this payment: {balance}."
    return summary, details, f"Pay {pay} by {due}"


def interest_terms(plan) -> str:  # noqa: ANN001 (a calculator.plan.Plan)
    """Twin of :func:`calculator.agreement.interest_terms`."""
    if plan.interest.ore == 0:
        return "No interest is charged during the plan."
    total = money_text(plan.interest.ore)
    return (
        "Late-payment interest under section 6 of the Interest Act (räntelagen) is charged on the part "
        f"of the debt that is not paid. The interest is shown in the table and comes to {total} in "
        "total if the plan is kept."
    )
