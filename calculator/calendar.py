"""Swedish calendar: allmänna helgdagar, vardagar and the rent due date.

Allmänna helgdagar are those of lag (1989:253) om allmänna helgdagar: every Sunday, nyårsdagen,
trettondedag jul, långfredagen, påskdagen, annandag påsk, Kristi himmelsfärdsdag, första maj,
pingstdagen, nationaldagen, midsommardagen (the Saturday 20–26 June), alla helgons dag (the
Saturday 31 October–6 November), juldagen and annandag jul. Lag (2004:1320), in force
2005-04-01, added nationaldagen and removed annandag pingst; years before 2005 use the old list
so past dates come out right too.

A vardag here is Monday–Friday that is neither an allmän helgdag nor midsommarafton, julafton
or nyårsafton; those three eves are treated like helgdagar in lag (1930:173) om beräkning av
lagstadgad tid and are not ordinary working days for banks.

Rent is due "senast sista vardagen före varje kalendermånads början" (12 kap. 20 §
jordabalken) unless the lease says otherwise, so :func:`due_date` walks back from the day
before the month begins.

>>> due_date(2027, 1)           # 31 December 2026 is nyårsafton
datetime.date(2026, 12, 30)
>>> easter_sunday(2026)
datetime.date(2026, 4, 5)
>>> is_vardag(date(2026, 6, 19)) # midsommarafton
False
>>> month_text(2027, 1), date_text(date(2026, 12, 30))
('januari 2027', '30 december 2026')
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from .errors import EmptyValue, InvalidDate, InvalidMonth, OutOfRange
from .language import english

MONTH_NAMES = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)
WEEKDAY_NAMES = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")
FIRST_MONTH = (2000, 1)
FIRST_TODAY, LAST_TODAY = date(2000, 1, 1), date(2200, 12, 31)
LAST_MONTH = (2100, 12)
_DAY = timedelta(days=1)
_MONTH = re.compile(r"([0-9]{4})-([0-9]{1,2})")
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


def easter_sunday(year: int) -> date:
    """Påskdagen by the Gregorian computus (the anonymous algorithm of Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 (the algorithm's own name)
    m = (a + 11 * h + 19 * l) // 433
    month, day = divmod(h + l - 7 * m + 90, 25)
    return date(year, month, (h + l - 7 * m + 33 * month + 19) % 32)


def _saturday_between(start: date) -> date:
    """The Saturday in the seven days from ``start`` (midsommardagen, alla helgons dag)."""
    return start + timedelta(days=(5 - start.weekday()) % 7)


@lru_cache(maxsize=512)
def holidays(year: int) -> dict[date, str]:
    """Allmänna helgdagar of ``year`` by name, except ordinary Sundays."""
    easter = easter_sunday(year)
    days = {
        date(year, 1, 1): "nyårsdagen",
        date(year, 1, 6): "trettondedag jul",
        easter - 2 * _DAY: "långfredagen",
        easter: "påskdagen",
        easter + _DAY: "annandag påsk",
        easter + 39 * _DAY: "Kristi himmelsfärdsdag",
        date(year, 5, 1): "första maj",
        easter + 49 * _DAY: "pingstdagen",
        _saturday_between(date(year, 6, 20)): "midsommardagen",
        _saturday_between(date(year, 10, 31)): "alla helgons dag",
        date(year, 12, 25): "juldagen",
        date(year, 12, 26): "annandag jul",
    }
    if year >= 2005:
        days[date(year, 6, 6)] = "nationaldagen"
    else:
        days[easter + 50 * _DAY] = "annandag pingst"
    return days


@lru_cache(maxsize=512)
def eves(year: int) -> dict[date, str]:
    """Midsommarafton, julafton and nyårsafton: not helgdagar, but not vardagar either."""
    return {
        _saturday_between(date(year, 6, 20)) - _DAY: "midsommarafton",
        date(year, 12, 24): "julafton",
        date(year, 12, 31): "nyårsafton",
    }


def is_helgdag(day: date) -> bool:
    """An allmän helgdag: a Sunday or one of :func:`holidays`."""
    return day.weekday() == 6 or day in holidays(day.year)


def is_vardag(day: date) -> bool:
    """Monday–Friday, not an allmän helgdag and not midsommarafton, julafton or nyårsafton."""
    return day.weekday() < 5 and day not in holidays(day.year) and day not in eves(day.year)


def vardag_on_or_after(day: date) -> date:
    """``day`` itself if it is a vardag, else the next one (the lag 1930:173 rule)."""
    while not is_vardag(day):
        day += _DAY
    return day


def next_vardag(day: date) -> date:
    """The first vardag strictly after ``day``."""
    return vardag_on_or_after(day + _DAY)


def due_date(year: int, month: int) -> date:
    """Last vardag before ``year-month`` begins: when that month's rent must be paid."""
    day = date(year, month, 1) - _DAY
    while not is_vardag(day):
        day -= _DAY
    return day


def add_months(year: int, month: int, count: int) -> tuple[int, int]:
    """(year, month) ``count`` months later (or earlier when negative)."""
    years, month0 = divmod(year * 12 + month - 1 + count, 12)
    return years, month0 + 1


def parse_month(value: object) -> tuple[int, int]:
    """Read "YYYY-MM" or "YYYY-M" into (year, month), within 2000-01..2100-12."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise EmptyValue()
    match = _MONTH.fullmatch(value.strip()) if isinstance(value, str) else None
    if match is None or not 1 <= int(match[2]) <= 12:
        raise InvalidMonth()
    parsed = int(match[1]), int(match[2])
    if not FIRST_MONTH <= parsed <= LAST_MONTH:
        raise OutOfRange(minimum=format_month(*FIRST_MONTH), maximum=format_month(*LAST_MONTH))
    return parsed


def parse_date(value: object) -> date:
    """Read "YYYY-MM-DD" into a date."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise EmptyValue()
    match = _DATE.fullmatch(value.strip()) if isinstance(value, str) else None
    try:
        if match is None:
            raise ValueError
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise InvalidDate() from None


def parse_today(value: object) -> date:
    """The browser's local date; a clock far off (or a typing slip) is refused, not trusted."""
    today = parse_date(value)
    if not FIRST_TODAY <= today <= LAST_TODAY:
        raise OutOfRange(minimum=FIRST_TODAY.isoformat(), maximum=LAST_TODAY.isoformat())
    return today


def format_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def month_text(year: int, month: int) -> str:
    """ "januari 2027"."""
    if english():
        from .numbers_en import month_text as english_month_text

        return english_month_text(year, month)
    return f"{MONTH_NAMES[month - 1]} {year}"


def date_text(day: date, *, weekday: bool = False) -> str:
    """ "30 december 2026" (no leading zero, as in Swedish running text).

    With ``weekday``, "onsdag 30 december 2026": a tenant who pays by the day needs to know
    which day of the week that is.
    """
    if english():
        from .numbers_en import date_text as english_date_text

        return english_date_text(day, weekday=weekday)
    text = f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"
    return f"{WEEKDAY_NAMES[day.weekday()]} {text}" if weekday else text
