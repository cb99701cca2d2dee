"""Dröjsmålsränta by räntelagen: the reference rate of each half-year plus 8 percentage points.

Räntelagen 6 § sets dröjsmålsränta at the reference rate "vid varje tid gällande" plus 8
procentenheter, and Riksbanken sets the reference rate for each kalenderhalvår (9 §). So a
plan row whose interest period crosses 1 January or 1 July has two rates: its days are split
at the boundary, the exact interest of the parts is added with integers, and the row is
rounded half-up to whole öre once, like a row with one rate (:mod:`calculator.interest`).

Rates come only from ``data/reference_amounts.json``, each with its source; a half-year that
is not there is :class:`~calculator.errors.RateUnknown` (the person must type a rate), never
a guess. Half-years read only in secondary sources are flagged so the response can warn.

>>> rate = StatutoryRate()
>>> [(p.valid_from.isoformat(), p.rate, days) for p, days in
...  rate.periods(date(2023, 6, 29), date(2023, 7, 31))]
[('2023-01-01', 1050, 1), ('2023-07-01', 1150, 31)]
>>> rate.interest(Money.from_kronor(10000), date(2023, 6, 29), date(2023, 7, 31)).ore
10055
"""

from __future__ import annotations

from datetime import date, timedelta

from . import reference
from .calendar import MONTH_NAMES, add_months, due_date
from .errors import CalculatorError, EmptyValue, InvalidChoice, RateUnknown
from .interest import DAYS_PER_YEAR, half_up
from .language import english
from .money import Money
from .numbers import parse_percent

_HUNDREDTHS_PER_UNIT = 100 * 100
_ONE_DAY = timedelta(days=1)


class HalfYear:
    """One half-year's dröjsmålsränta (``rate``, hundredths of a percent) and its source."""

    __slots__ = ("valid_from", "valid_to", "reference_rate", "rate", "source", "secondary")

    def __init__(self, entry: dict, margin: int) -> None:
        self.valid_from = date.fromisoformat(entry["valid_from"])
        self.valid_to = date.fromisoformat(entry["valid_to"])
        whole, _, part = entry["percent"].partition(",")
        self.reference_rate = int(whole) * 100 + int(part.ljust(2, "0"))
        self.rate = self.reference_rate + margin * 100
        self.source = entry["source"]
        self.secondary = bool(entry.get("secondary_source"))

    @property
    def text(self) -> str:
        """ "första halvåret 2026"."""
        if english():
            return _en().half_year_text(self.valid_from.year, self.valid_from.month)
        half = "första" if self.valid_from.month == 1 else "andra"
        return f"{half} halvåret {self.valid_from.year}"


def half_years() -> list[HalfYear]:
    data = reference.load()["drojsmalsranta"]
    return [HalfYear(entry, data["margin_percentage_points"]) for entry in data["reference_rates"]]


def half_year_start(day: date) -> date:
    return date(day.year, 1 if day.month <= 6 else 7, 1)


def half_year_text(day: date) -> str:
    """ "andra halvåret 2026 (juli–december)": the half-year ``day`` falls in."""
    first = half_year_start(day).month
    if english():
        return _en().half_year_text(day.year, first, months=True)
    half = "första" if first == 1 else "andra"
    return f"{half} halvåret {day.year} ({MONTH_NAMES[first - 1]}–{MONTH_NAMES[first + 4]})"


def rate_text(hundredths: int) -> str:
    """1050 → "10,50 %"."""
    if english():
        return _en().rate_text(hundredths)
    return f"{hundredths // 100},{hundredths % 100:02d}\u00a0%"


class StatutoryRate:
    """The rate of a plan with ``interest: "statutory"``: looked up per day, not fixed."""

    def __str__(self) -> str:
        return "statutory"

    def periods(self, start: date, end: date) -> list[tuple[HalfYear, int]]:
        """The half-years of the days from ``start`` (excluded) to ``end`` (included), with the
        number of those days in each, as interest counts days between two due dates."""
        known = {period.valid_from: period for period in half_years()}
        parts, day = [], start
        while day < end:
            begin = half_year_start(day + _ONE_DAY)
            next_begin = date(begin.year + (begin.month == 7), 7 if begin.month == 1 else 1, 1)
            stop = min(end, next_begin - _ONE_DAY)
            if begin not in known:
                raise RateUnknown(period=half_year_text(begin))
            parts.append((known[begin], (stop - day).days))
            day = stop
        return parts

    def interest(self, balance: Money, start: date, end: date) -> Money:
        """Interest on ``balance`` for the days after ``start`` up to ``end``, half-up to öre."""
        weighted = sum(period.rate * days for period, days in self.periods(start, end))
        return Money(half_up(balance.ore * weighted, _HUNDREDTHS_PER_UNIT * DAYS_PER_YEAR))


def interest_span(plan) -> tuple[date, date]:  # plan: a plan.Plan (not imported: import cycle)
    """First day before and last day of the plan's interest periods (see :mod:`plan`)."""
    first = plan.rows[0]
    return due_date(*add_months(first.year, first.month, -1)), plan.last_due_date


def rates_used(plan) -> list[dict]:
    """The ``rates`` of a plan response: each rate with its period and source (case sheet)."""
    start, end = interest_span(plan)
    if isinstance(plan.rate, StatutoryRate):
        used = {period.valid_from: period for period, _ in plan.rate.periods(start, end)}
        return [
            {
                "valid_from": p.valid_from.isoformat(),
                "valid_to": p.valid_to.isoformat(),
                "period_text": p.text,
                "rate_text": rate_text(p.rate),
                "reference_rate_text": rate_text(p.reference_rate),
                "source": p.source,
                "secondary_source": p.secondary,
            }
            for p in used.values()
        ]
    if plan.rate:
        return [
            {
                "valid_from": start.isoformat(),
                "valid_to": end.isoformat(),
                "period_text": _rate_text("whole_plan", "hela planen"),
                "rate_text": rate_text(plan.rate),
                "reference_rate_text": "",
                "source": _rate_text("typed", "räntesats ifylld i kalkylatorn"),
                "secondary_source": False,
            }
        ]
    return []


def secondary_periods(plan) -> str:
    """Half-years of a statutory plan whose reference rate only a secondary source gives,
    as one text ("första halvåret 2025 och andra halvåret 2025"); "" when there are none."""
    texts = [rate["period_text"] for rate in rates_used(plan) if rate["secondary_source"]]
    return (" and " if english() else " och ").join(
        [", ".join(texts[:-1]), texts[-1]] if len(texts) > 1 else texts
    )


def _empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def read_interest(
    raw: dict, start: tuple[int, int] | None, months: int | None
) -> tuple[object, list[tuple[str, CalculatorError]]]:
    """The plan's rate from the request's ``interest`` choice and ``interest_rate``.

    ``interest``: "statutory" (räntelagen, per half-year), "none", or "rate"/empty (the typed
    ``interest_rate``, optional when the choice is empty). With "statutory", every half-year
    the plan's interest periods touch must be in the data file, else an error on ``interest``.
    """
    choice, typed = raw.get("interest"), raw.get("interest_rate")
    if _empty(choice) or choice == "rate":
        if _empty(typed):
            return None, [] if _empty(choice) else [("interest_rate", EmptyValue())]
        try:
            return parse_percent(typed), []
        except CalculatorError as error:
            return None, [("interest_rate", error)]
    if choice == "none":
        return None, []
    if choice != "statutory":
        return None, [("interest", InvalidChoice())]
    rate = StatutoryRate()
    if start is not None and months:
        try:
            rate.periods(due_date(*add_months(*start, -1)), due_date(*add_months(*start, months - 1)))
        except RateUnknown as error:
            return None, [("interest", error)]
    return rate, []


def _en():  # noqa: ANN202 (a module)
    from . import numbers_en

    return numbers_en


def _rate_text(key: str, swedish: str) -> str:
    if english():
        from .texts_en import RATE_TEXTS

        return RATE_TEXTS[key]
    return swedish
