"""English numbers, money, months and dates: the twins of :mod:`calculator.numbers` and the
text functions of :mod:`calculator.calendar`, used while an English answer is written.

Money is written ``SEK 12,345.50``: the ISO code first (what English-language bank and
government pages in Sweden use for the krona, and it cannot be taken for another currency's
"kr"), a comma between thousands, a point before öre, and a non-breaking space after "SEK" so
a line never breaks inside an amount. Whole kronor drop ".00" as in Swedish. Dates are written
``Wednesday 30 December 2026`` and months ``January 2027``, as GOV.UK writes them. The öre
behind every text are the same integers as in Swedish.

Input: an English reader types "12,500" for twelve thousand five hundred. The Swedish parser
would read that comma as a decimal comma with three decimals, so :func:`plain_number` drops
commas that group digits in threes ("12,500", "1,250,000.50") and leaves everything else to
the Swedish rules: plain integers ("1500"), a decimal point ("1500.50") and the Swedish forms
("12 500", "1500,50") mean the same in both languages. Only "1,500" differs: 1500 in English,
an error (three decimals) in Swedish.

>>> money_text(125000), money_text(-50), integer_text(10000)
('SEK\\xa01,250', 'SEK\\xa0−0.50', '10,000')
>>> plain_number("12,500"), plain_number("SEK 1,250,000.5"), plain_number("12,50")
('12500', '1250000.5', '12,50')
>>> date_text(date(2026, 12, 30), weekday=True), month_text(2027, 1)
('Wednesday 30 December 2026', 'January 2027')
"""

from __future__ import annotations

import re
from datetime import date

NBSP = "\u00a0"
MINUS = "\u2212"
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_SEK_FIRST = re.compile(r"sek[ \u00a0\u2009\u202f]*", re.IGNORECASE)
_COMMA_GROUPED = re.compile(r"[-+\u2212\u2013]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]*)?")


def plain_number(text: str) -> str:
    """What an English reader types, made readable for the Swedish parser (see above)."""
    if text[:3].lower() == "sek":
        text = _SEK_FIRST.sub("", text, count=1)
    return text.replace(",", "") if _COMMA_GROUPED.fullmatch(text) else text


def integer_text(number: int) -> str:
    """10000 → "10,000"."""
    return (MINUS if number < 0 else "") + f"{abs(number):,}"


def amount_text(ore: int, *, always_decimals: bool = False) -> str:
    """Kronor without "SEK": "12,345.50"; whole kronor drop ".00" unless asked for."""
    kronor, rest = divmod(abs(ore), 100)
    text = integer_text(kronor) + (f".{rest:02d}" if rest or always_decimals else "")
    return (MINUS if ore < 0 else "") + text


def money_text(ore: int) -> str:
    """ "SEK 12,345.50"."""
    return "SEK" + NBSP + amount_text(ore)


def percent_text(hundredths: int) -> str:
    """1250 → "12.5%" (GOV.UK writes % with no space)."""
    whole, part = divmod(hundredths, 100)
    return str(whole) + (f".{part:02d}".rstrip("0") if part else "") + "%"


def rate_text(hundredths: int) -> str:
    """1050 → "10.50%": an interest rate with both decimals, as Swedish ``statutory`` does."""
    return f"{hundredths // 100}.{hundredths % 100:02d}%"


def count_text(count: int, one: str, many: str) -> str:
    """ "1 month", "10 months"."""
    return f"{integer_text(count)} {one if count == 1 else many}"


def list_text(items: list[str], word: str = "and") -> str:
    """ "a", "a and b", "a, b and c" (no serial comma, as GOV.UK)."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {word} " + items[-1]


def month_text(year: int, month: int) -> str:
    """ "January 2027"."""
    return f"{MONTH_NAMES[month - 1]} {year}"


def date_text(day: date, *, weekday: bool = False) -> str:
    """ "30 December 2026"; with ``weekday`` "Wednesday 30 December 2026"."""
    text = f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"
    return f"{WEEKDAY_NAMES[day.weekday()]} {text}" if weekday else text


def half_year_text(year: int, first_month: int, *, months: bool = False) -> str:
    """ "the first half of 2026"; with ``months`` "the second half of 2026 (July–December)"."""
    text = f"the {'first' if first_month == 1 else 'second'} half of {year}"
    if months:
        text += f" ({MONTH_NAMES[first_month - 1]}–{MONTH_NAMES[first_month + 4]})"
    return text
