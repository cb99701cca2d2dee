"""The dated reference amounts in ``data/reference_amounts.json``, read once and cached.

The amounts change every year and must always be shown with their year and source, so they
live in one data file rather than in code: Kronofogden's normalbelopp per year, the
dröjsmålsränta rule with Riksbank reference rates, and the caps on collection charges. Only
years read from a source are in the file; a missing year is an error, never a guess.

>>> table = normalbelopp(2023)
>>> table.amounts["single_adult"].ore, table.source
(571700, 'Kronofogden, KFMFS 2022:1, 2 § (normalbelopp per månad 2023)')
>>> latest_year() >= 2024
True
"""

from __future__ import annotations

import json

from .errors import UnknownYear
from .money import Money

NORMALBELOPP_KEYS = ("single_adult", "couple", "child_0_6", "child_7_10", "child_11_14", "child_15_plus")
_data: dict | None = None


def load() -> dict:
    """The whole data file as parsed JSON (read through importlib.resources, so wheels work)."""
    global _data
    if _data is None:
        # Imported here: only requests that need the amounts pay for importlib.resources.
        from importlib.resources import files

        text = files(__package__).joinpath("data/reference_amounts.json").read_text("utf-8")
        _data = json.loads(text)
    return _data


class NormalbeloppTable:
    """One year's normalbelopp per month, with where they come from."""

    __slots__ = ("year", "source", "secondary_source", "amounts")

    def __init__(self, year: int, source: str, secondary_source: bool, amounts: dict[str, Money]) -> None:
        self.year = year
        self.source = source
        self.secondary_source = secondary_source
        self.amounts = amounts


def years() -> list[int]:
    """Years with normalbelopp in the data file, oldest first."""
    return sorted(entry["year"] for entry in load()["normalbelopp"])


def latest_year() -> int:
    return years()[-1]


def normalbelopp(year: int) -> NormalbeloppTable:
    """The table for ``year``; UnknownYear (with the available years) when it is not there."""
    for entry in load()["normalbelopp"]:
        if entry["year"] == year:
            amounts = {key: Money.from_kronor(entry["amounts_kr"][key]) for key in NORMALBELOPP_KEYS}
            return NormalbeloppTable(year, entry["source"], entry["secondary_source"], amounts)
    raise UnknownYear(years=years())
