"""Exports: CSV that Swedish Excel reads as numbers, and valid RFC 5545 iCalendar."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import given, strategies as st

from calculator.exports import escape_text, export_files, fold, to_csv, to_ics
from calculator.money import Money
from calculator.plan import plan_by_installment, plan_by_months
from strategies import dates, examples, installment_plans, rates, rents, starts

KR = Money.from_kronor
TODAY = date(2026, 12, 1)


def _plan():  # noqa: ANN202
    return plan_by_months(KR(6000), 6, rent=KR(9200), start=(2028, 12), rate=1200)


def _unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")[:-1]


def test_csv_for_swedish_excel() -> None:
    text = to_csv(_plan())
    assert text.startswith("\ufeff")
    assert "\n" not in text.replace("\r\n", "")
    lines = text[1:].split("\r\n")
    assert lines[-1] == "" and len(lines) == 1 + 6 + 1
    assert lines[0] == (
        "Månad;Betala senast;Hyra (kr);Avbetalning (kr);Ränta (kr);Att betala (kr);Kvar av skulden (kr)"
    )
    assert lines[1] == "december 2028;2028-11-30;9200,00;1000,00;59,18;10259,18;5000,00"
    assert lines[6].endswith(";0,00")


@examples(1)
@given(installment_plans, rents, starts, rates)
def test_csv_columns_are_numbers_that_add_up(
    parts: tuple[Money, Money], rent: Money, start: tuple[int, int], rate: int
) -> None:
    """Invariant: every amount cell is "digits,two digits" and the installment column sums
    to the debt."""
    debt, installment = parts
    plan = plan_by_installment(debt, installment, rent=rent, start=start, rate=rate)
    rows = [line.split(";") for line in to_csv(plan)[1:].split("\r\n")[1:-1]]
    assert len(rows) == plan.months
    for cells in rows:
        assert len(cells) == 7 and re.fullmatch(r"\d{4}-\d{2}-\d{2}", cells[1])
        assert all(re.fullmatch(r"\d+,\d{2}", cell) for cell in cells[2:])
    assert sum(int(cells[3].replace(",", "")) for cells in rows) == debt.ore


def test_icalendar_structure() -> None:
    text = to_ics(_plan(), TODAY)
    assert "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    lines = _unfold(text)
    assert lines[:3] == ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Bo kvar//Avbetalningsplan 1.0//SV"]
    assert lines[-1] == "END:VCALENDAR"
    assert lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT") == 6
    assert lines.count("BEGIN:VALARM") == lines.count("END:VALARM") == 6
    starts = [line for line in lines if line.startswith("DTSTART;VALUE=DATE:")]
    assert starts[0] == "DTSTART;VALUE=DATE:20281130"
    assert starts[-1] == "DTSTART;VALUE=DATE:20290430"
    assert "DTEND;VALUE=DATE:20281201" in lines
    assert all(line == "DTSTAMP:20261201T000000Z" for line in lines if line.startswith("DTSTAMP"))
    uids = [line for line in lines if line.startswith("UID:")]
    assert len(set(uids)) == 6
    summary = next(line for line in lines if line.startswith("SUMMARY:"))
    assert summary == "SUMMARY:Betala 10 259\\,18 kr: hyra och avbetalning (1 av 6)"
    assert any(line.startswith("DESCRIPTION:Hyra för december 2028: 9 200 kr.") for line in lines)
    assert "TRIGGER:-P1DT15H" in lines


def test_icalendar_is_deterministic() -> None:
    assert to_ics(_plan(), TODAY) == to_ics(_plan(), TODAY)
    other = plan_by_months(KR(6001), 6, rent=KR(9200), start=(2028, 12), rate=1200)
    assert set(_uids(to_ics(other, TODAY))).isdisjoint(_uids(to_ics(_plan(), TODAY)))


def _uids(text: str) -> list[str]:
    return [line for line in _unfold(text) if line.startswith("UID:")]


def test_text_escaping() -> None:
    assert escape_text("a,b;c\\d\ne\r\nf") == "a\\,b\\;c\\\\d\\ne\\nf"


@examples(2)
@given(st.text(max_size=400))
def test_folding_keeps_lines_short_and_unfolds_back(text: str) -> None:
    """Round trip: folded lines are at most 75 octets, whole UTF-8 characters, and unfolding
    (removing CRLF + space) restores the original line."""
    line = "DESCRIPTION:" + escape_text(text)
    folded = fold(line)
    for physical in folded.split("\r\n"):
        assert len(physical.encode("utf-8")) <= 75
    assert folded.replace("\r\n ", "") == line
    # Greedy: each physical line but the last is full, so the next character would not fit.
    physical = folded.split("\r\n")
    for before, after in zip(physical, physical[1:], strict=False):
        assert len(before.encode("utf-8")) + len(after[1].encode("utf-8")) > 75


@examples(1)
@given(installment_plans, starts, dates)
def test_export_files_names_and_contents(
    parts: tuple[Money, Money], start: tuple[int, int], today: date
) -> None:
    """Invariant: one VEVENT per row and the files are named after the first month."""
    plan = plan_by_installment(*parts, rent=KR(5000), start=start)
    files = export_files(plan, today)
    first = f"{start[0]}-{start[1]:02d}"
    assert files["csv_filename"] == f"avbetalningsplan-{first}.csv"
    assert files["ics_filename"] == f"avbetalningsplan-{first}.ics"
    assert _unfold(files["ics"]).count("BEGIN:VEVENT") == plan.months
    assert f"DTSTAMP:{today:%Y%m%d}T000000Z" in files["ics"]
