"""Swedish number input and output: what people type, and what they read back.

People type amounts the way they write them: ``12 345,50``, ``12345.50``, ``12 500 kr``,
``500:-``, with ordinary, non-breaking (U+00A0) or thin spaces (U+2009, U+202F) between digit
groups, sometimes with a minus sign from a word processor (U+2212). Parsing accepts all of
these and refuses anything it would have to guess: more than two decimals, exponents, text,
inf/nan, grouping that is not in threes, and amounts above a sane limit. A minus sign is
recognised only to say clearly that negative amounts are not allowed.

Output uses Swedish conventions: non-breaking spaces between groups of three, a decimal comma
and U+2212 for negatives, so a line never breaks inside an amount.

Names follow one rule across the engine: ``parse_*`` reads what a person typed, ``*_text``
writes Swedish text for people (every ``*_text`` key of the response comes from one of them),
and ``format_*`` writes a fixed machine format (``format_month`` "2027-01",
``format_csv_amount`` "12345,50").

>>> parse_amount("12 345,50 kr").ore
1234550
>>> money_text(parse_amount("12345.5"))
'12\\xa0345,50\\xa0kr'
>>> money_text(Money(125000))
'1\\xa0250\\xa0kr'
>>> parse_amount("1,005")
Traceback (most recent call last):
    ...
calculator.errors.TooManyDecimals: the value has more than two decimals
"""

from __future__ import annotations

import re

from .errors import (
    EmptyValue,
    InvalidNumber,
    NegativeNumber,
    NotWholeNumber,
    OutOfRange,
    TooLarge,
    TooManyDecimals,
)
from .language import english
from .money import Money

NBSP = "\u00a0"
MINUS = "\u2212"
MAX_AMOUNT = Money.from_kronor(10_000_000)
"""No rent debt, rent or household income in this tool comes near ten million kronor."""
MAX_PERCENT = 50

_SPACE = " \u00a0\u2009\u202f"
# [0-9], not \d: \d would also accept Arabic-Indic and other Unicode digits.
_AMOUNT = re.compile(
    rf"(?P<sign>[-+\u2212\u2013]?)[{_SPACE}]?"
    rf"(?P<int>[0-9]{{1,3}}(?:[{_SPACE}][0-9]{{3}})+|[0-9]*)"
    r"(?:(?P<sep>[.,])(?P<frac>[0-9]*))?"
)
_SUFFIX = re.compile(rf"[{_SPACE}]*(?:kr\.?|kronor|sek|:-)\Z", re.IGNORECASE)
_PERCENT_SUFFIX = re.compile(rf"[{_SPACE}]*(?:%|procent)\Z", re.IGNORECASE)
_NO_SUFFIX = re.compile(r"\Z")
_MINUS_SIGNS = ("-", MINUS, "\u2013")
_MAX_DIGITS = 12


def _typed(value: object) -> str:
    """What the person typed, as text; JSON numbers become their shortest decimal text."""
    if value is None:
        raise EmptyValue()
    if isinstance(value, bool):
        raise InvalidNumber()
    if isinstance(value, int):
        if abs(value) >= 10**_MAX_DIGITS:
            # Stand-in text of the same sign: str() of a huge int is slow or refused.
            return ("-" if value < 0 else "") + "1" + "0" * _MAX_DIGITS
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise InvalidNumber()
        return repr(value)
    if not isinstance(value, str):
        raise InvalidNumber()
    text = value.strip()
    if not text:
        raise EmptyValue()
    return text


def _split(text: str, suffix: re.Pattern[str]) -> tuple[str, str, str]:
    """Sign, integer digits and decimal digits of a typed number, or InvalidNumber."""
    text = suffix.sub("", text)
    if english():  # "12,500" means twelve thousand five hundred there (numbers_en)
        text = _en().plain_number(text)
    match = _AMOUNT.fullmatch(text)
    if match is None or not (match["int"] or match["frac"]):
        raise InvalidNumber()
    digits = match["int"].translate({ord(c): None for c in _SPACE})
    return match["sign"], digits, match["frac"] or ""


def parse_amount(value: object, *, limit: Money = MAX_AMOUNT) -> Money:
    """Read an amount of kronor (with up to two decimals) into Money.

    JSON ints count as kronor and floats go through their shortest text (12.5 → "12.5"), so a
    float never reaches the arithmetic.
    """
    sign, digits, frac = _split(_typed(value), _SUFFIX)
    if sign in _MINUS_SIGNS and (digits.strip("0") or frac.strip("0")):
        raise NegativeNumber()
    if len(frac) > 2:
        raise TooManyDecimals()
    if len(digits.lstrip("0")) > _MAX_DIGITS:
        raise TooLarge(limit=limit)
    ore = int(digits or "0") * 100 + int(frac.ljust(2, "0"))
    if ore > limit.ore:
        raise TooLarge(limit=limit)
    return Money(ore)


def parse_integer(value: object, *, minimum: int, maximum: int) -> int:
    """Read a whole number such as a count of months, an age or a year."""
    sign, digits, frac = _split(_typed(value), _NO_SUFFIX)
    if frac.strip("0"):
        raise NotWholeNumber()
    if sign in _MINUS_SIGNS and digits.strip("0"):
        raise OutOfRange(minimum=minimum, maximum=maximum)
    if len(digits.lstrip("0")) > 9:
        raise OutOfRange(minimum=minimum, maximum=maximum)
    number = int(digits or "0")
    if not minimum <= number <= maximum:
        raise OutOfRange(minimum=minimum, maximum=maximum)
    return number


def parse_percent(value: object, *, maximum: int = MAX_PERCENT) -> int:
    """Read a yearly rate in percent ("12", "12,5 %") into hundredths of a percent.

    >>> parse_percent("12,5 %")
    1250
    """
    sign, digits, frac = _split(_typed(value), _PERCENT_SUFFIX)
    if sign in _MINUS_SIGNS and (digits.strip("0") or frac.strip("0")):
        raise NegativeNumber()
    if len(frac) > 2:
        raise TooManyDecimals()
    if len(digits.lstrip("0")) > 6:
        raise TooLarge(limit=percent_text(maximum * 100))
    hundredths = int(digits or "0") * 100 + int(frac.ljust(2, "0"))
    if hundredths > maximum * 100:
        raise TooLarge(limit=percent_text(maximum * 100))
    return hundredths


def integer_text(number: int) -> str:
    """Group digits in threes with non-breaking spaces: 10000 → "10 000"."""
    if english():
        return _en().integer_text(number)
    # Python's own thousands separator, then NBSP: one C call per figure, and a 120-month
    # answer formats over a thousand of them.
    return (MINUS if number < 0 else "") + f"{abs(number):,}".replace(",", NBSP)


def count_text(count: int, one: str, many: str) -> str:
    """A count with its noun in the right number: "1 del", "10 delar", "12 000 kronor".

    >>> count_text(1, "månad", "månader"), count_text(10, "månad", "månader")
    ('1 månad', '10 månader')
    """
    return f"{integer_text(count)} {one if count == 1 else many}"


def amount_text(amount: Money, *, always_decimals: bool = False) -> str:
    """Kronor without "kr": "12 345,50"; whole kronor drop ",00" unless asked for."""
    if english():
        return _en().amount_text(amount.ore, always_decimals=always_decimals)
    return _swedish_amount(amount.ore, always_decimals)


def money_text(amount: Money) -> str:
    """The display form used in every ``*_text`` field: "12 345,50 kr"."""
    if english():
        return _en().money_text(amount.ore)
    return _swedish_amount(amount.ore, False) + NBSP + "kr"


def _swedish_amount(ore: int, always_decimals: bool) -> str:
    # The digits grouped as integer_text() does, inline: a 120-month answer writes over a
    # thousand amounts, and one language check per amount is enough.
    kronor, rest = divmod(abs(ore), 100)
    text = f"{kronor:,}".replace(",", NBSP)
    if rest or always_decimals:
        text += f",{rest:02d}"
    return (MINUS if ore < 0 else "") + text


def format_csv_amount(amount: Money) -> str:
    """ "12345,50": no grouping and a plain hyphen, so Swedish Excel reads a number."""
    kronor, ore = divmod(abs(amount.ore), 100)
    return ("-" if amount.ore < 0 else "") + f"{kronor},{ore:02d}"


def percent_text(hundredths: int) -> str:
    """1250 → "12,5 %"."""
    if english():
        return _en().percent_text(hundredths)
    whole, part = divmod(hundredths, 100)
    text = str(whole) + (f",{part:02d}".rstrip("0") if part else "")
    return text + NBSP + "%"


def _en():  # noqa: ANN202 (a module)
    """The English twins, imported only when an English answer is written."""
    from . import numbers_en

    return numbers_en
