"""The plan as files: a CSV for Swedish Excel and an iCalendar file of payment reminders.

CSV: Swedish Excel expects ``;`` between fields (the comma is the decimal sign), recognises
UTF-8 only with a byte order mark, and reads "12345,50" as a number, so amounts have no
grouping and no "kr". Lines end in CRLF (RFC 4180).

iCalendar (RFC 5545): one all-day event per due date with the amount to pay and a reminder
two days before at 09:00, so the tenant can import it into a phone. Lines end in CRLF and are
folded at 75 octets without splitting a UTF-8 character; text values are escaped. UIDs are
derived from the plan, so exporting the same plan twice updates the events instead of
duplicating them; DTSTAMP is the request's ``today``.

>>> from calculator.plan import plan_by_months
>>> plan = plan_by_months(Money.from_kronor(3000), 2, rent=Money.from_kronor(8000),
...                       start=(2027, 1))
>>> print(to_csv(plan).lstrip("\\ufeff").replace("\\r\\n", "\\n"))
Månad;Betala senast;Hyra (kr);Avbetalning (kr);Ränta (kr);Att betala (kr);Kvar av skulden (kr)
januari 2027;2026-12-30;8000,00;1500,00;0,00;9500,00;1500,00
februari 2027;2027-01-29;8000,00;1500,00;0,00;9500,00;0,00
<BLANKLINE>
"""

from __future__ import annotations

from datetime import date

from .calendar import date_text, format_month, month_text
from .language import english
from .money import Money
from .numbers import NBSP, format_csv_amount, money_text
from .plan import Plan

CRLF = "\r\n"
BOM = "\ufeff"
CSV_HEADER = (
    "Månad",
    "Betala senast",
    "Hyra (kr)",
    "Avbetalning (kr)",
    "Ränta (kr)",
    "Att betala (kr)",
    "Kvar av skulden (kr)",
)
PRODID = "-//Bo kvar//Avbetalningsplan 1.0//SV"
TEXTS: dict[str, object] = {
    "csv_header": CSV_HEADER,
    "csv_separator": ";",
    "csv_decimal": ",",
    "prodid": PRODID,
    "calendar_name": "Avbetalningsplan",
    "file_stem": "avbetalningsplan",
}
"""The fixed texts of both files; the English twin is :data:`calculator.documents_en.EXPORTS`
(its CSV uses ``,`` between fields and ``.`` before öre, as English spreadsheets expect)."""
ALARM_BEFORE = "-P1DT15H"  # all-day events start at 00:00: this is 09:00 two days before


def to_csv(plan: Plan) -> str:
    """The plan as CSV text, BOM first, ready to save as a UTF-8 file."""
    texts = _texts()
    separator, decimal = texts["csv_separator"], texts["csv_decimal"]
    lines = [separator.join(texts["csv_header"])]
    for row in plan.rows:
        amounts = (row.rent, row.installment, row.interest, row.payment, row.balance)
        lines.append(
            separator.join(
                [month_text(row.year, row.month), row.due_date.isoformat()]
                + [
                    format_csv_amount(amount)
                    if decimal == ","
                    else format_csv_amount(amount).replace(",", ".")
                    for amount in amounts
                ]
            )
        )
    return BOM + CRLF.join(lines) + CRLF


def escape_text(text: str) -> str:
    """RFC 5545 TEXT escaping: backslash, semicolon, comma and newlines."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold(line: str) -> str:
    """Fold a content line so no physical line exceeds 75 octets (RFC 5545, 3.1).

    Cuts are made in the UTF-8 bytes, never inside a character: a cut that lands on a
    continuation byte (``0b10xxxxxx``) moves back to where that character starts. Working on
    bytes, not characters, matters for speed: a 120-month plan has some 300 long lines, and
    the page asks for this file with every answer.
    """
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    pieces, start, limit = [], 0, 75
    while len(data) - start > limit:
        cut = start + limit
        while data[cut] & 0xC0 == 0x80:
            cut -= 1
        pieces.append(data[start:cut].decode("utf-8"))
        start, limit = cut, 74  # a continuation line starts with one space
    pieces.append(data[start:].decode("utf-8"))
    return (CRLF + " ").join(pieces)


def _plain(amount: Money) -> str:
    # Calendar apps show NBSP oddly in some fonts; plain spaces read the same.
    return money_text(amount).replace(NBSP, " ")


def _plan_id(plan: Plan) -> str:
    """A stable 64-bit FNV-1a digest of what defines the plan (no hashlib needed in Pyodide)."""
    key = "|".join(
        [str(plan.debt.ore), str(plan.rent.ore), str(plan.rate or 0)]
        + [f"{format_month(row.year, row.month)}:{row.installment.ore}" for row in plan.rows]
    )
    digest = 0xCBF29CE484222325
    for byte in key.encode("utf-8"):
        digest = ((digest ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return f"{digest:016x}"


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
    """One payment's SUMMARY, DESCRIPTION and alarm text (``interest`` None: the plan has none).

    F-strings rather than templates: a 120-month file writes 120 of each, and str.format
    made the whole answer measurably slower. The English twin is
    :func:`calculator.documents_en.event_texts`.
    """
    summary = f"Betala {pay}: hyra och avbetalning ({number} av {months})"
    details = f"Hyra för {month}: {rent}. Avbetalning på skulden: {installment}. "
    if interest is not None:
        details += f"Ränta: {interest}. "
    details += f"Betala {pay} senast {due}. Kvar av skulden efter betalningen: {balance}."
    return summary, details, f"Betala {pay} senast {due}"


def to_ics(plan: Plan, today: date) -> str:
    """The plan as an iCalendar file: one all-day VEVENT with a VALARM per due date."""
    plan_id, texts = _plan_id(plan), _texts()
    if english():
        from .documents_en import event_texts as events
    else:
        events = event_texts
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{texts['prodid']}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{texts['calendar_name']}",
    ]
    for number, row in enumerate(plan.rows, start=1):
        summary, details, alarm = events(
            _plain(row.payment),
            number,
            plan.months,
            month_text(row.year, row.month),
            _plain(row.rent),
            _plain(row.installment),
            _plain(row.interest) if plan.rate else None,
            date_text(row.due_date),
            _plain(row.balance),
        )
        next_day = date.fromordinal(row.due_date.toordinal() + 1)
        lines += [
            "BEGIN:VEVENT",
            f"UID:{format_month(row.year, row.month)}-{plan_id}@avbetalningsplan.bokvar",
            f"DTSTAMP:{today:%Y%m%d}T000000Z",
            f"DTSTART;VALUE=DATE:{row.due_date:%Y%m%d}",
            f"DTEND;VALUE=DATE:{next_day:%Y%m%d}",
            f"SUMMARY:{escape_text(summary)}",
            f"DESCRIPTION:{escape_text(details)}",
            "TRANSP:TRANSPARENT",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{escape_text(alarm)}",
            f"TRIGGER:{ALARM_BEFORE}",
            "END:VALARM",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)


def export_files(plan: Plan, today: date) -> dict[str, str]:
    """The ``exports`` object of the response: both files and their names."""
    first, stem = format_month(plan.rows[0].year, plan.rows[0].month), _texts()["file_stem"]
    return {
        "csv": to_csv(plan),
        "csv_filename": f"{stem}-{first}.csv",
        "ics": to_ics(plan, today),
        "ics_filename": f"{stem}-{first}.ics",
    }


def _texts() -> dict[str, object]:
    if english():
        from .documents_en import EXPORTS

        return EXPORTS
    return TEXTS
