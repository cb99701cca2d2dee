"""A yearly update is data-only: adding next year to the data file needs no other edit.

The README promises that next year's normalbelopp go into
``calculator/data/reference_amounts.json`` and nowhere else. These tests hold that promise: they
copy the data file, add a made-up year after the newest one (derived from the newest entry, so
no year is written here as a literal), and run the worked examples, the engine suite and the
page's list of years against the copy. A test, example or message that still assumes the newest
year fails here and names itself.
"""

from __future__ import annotations

import copy
import importlib.util
import json
import os
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest

from calculator import calculate, reference

ROOT = Path(__file__).resolve().parent.parent
# The data file of the calculator being tested (in Pyodide, the installed wheel's copy).
DATA = files("calculator").joinpath("data/reference_amounts.json")
# Pyodide has no subprocess and its copy of the tests has no scripts/.
needs_checkout = pytest.mark.skipif(
    sys.platform == "emscripten", reason="needs a subprocess and the checkout's scripts/"
)
ENGINE_SUITE = [
    "test_examples.py",
    "test_request.py",
    "test_affordability.py",
    "test_api.py",
    "test_messages.py",
    "test_summary.py",
    "test_doctests.py",
]


def with_next_year(data: dict) -> tuple[dict, int]:
    """A copy of ``data`` with one more normalbelopp year: the newest one's, 3 % higher."""
    data = copy.deepcopy(data)
    newest = max(data["normalbelopp"], key=lambda entry: entry["year"])
    entry = copy.deepcopy(newest)
    entry["year"] = newest["year"] + 1
    entry["source"] = f"Påhittat testår {entry['year']} (finns bara i testerna)"
    entry["secondary_source"] = False
    entry["amounts_kr"] = {key: amount * 103 // 100 for key, amount in newest["amounts_kr"].items()}
    data["normalbelopp"].append(entry)
    return data, entry["year"]


@pytest.fixture
def next_year(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, int]:
    """The path of the data copy with the made-up year; the engine reads it in this process."""
    data, year = with_next_year(json.loads(DATA.read_text("utf-8")))  # the installed file
    path = tmp_path / "reference_amounts.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), "utf-8")
    monkeypatch.setattr(reference, "_data", data)
    return path, year


@needs_checkout
def test_the_engine_suite_passes_with_a_next_year(next_year: tuple[Path, int]) -> None:
    """Examples, engine tests and doctests, run against the copy in a fresh interpreter."""
    path, _ = next_year
    env = dict(os.environ, BOKVAR_REFERENCE_AMOUNTS=str(path), HYPOTHESIS_PROFILE="dev")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "not browser", *ENGINE_SUITE],
        cwd=ROOT / "tests",
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


def test_the_newest_year_is_the_default(next_year: tuple[Path, int]) -> None:
    _, year = next_year
    response = calculate(
        {
            "debt": "8 000",
            "rent": "7 500",
            "months": "8",
            "start": "2027-02",
            "today": "2027-01-10",
            "household": {"net_income": "30 000"},
        }
    )
    assert response["affordability"]["year"] == year
    assert str(year) in response["affordability"]["source"]


def test_messages_name_the_newest_year_and_its_figures(next_year: tuple[Path, int]) -> None:
    _, year = next_year
    bad_year = calculate(
        {
            "debt": "1",
            "rent": "1",
            "months": "1",
            "start": "2027-02",
            "household": {"net_income": "1"},
            "amounts_year": "x",
        }
    )
    assert bad_year["errors"][0]["message"].endswith(f"till exempel {year}")
    bad_amount = calculate(
        {
            "debt": "1",
            "rent": "1",
            "months": "1",
            "start": "2027-02",
            "household": {"net_income": "1"},
            "normalbelopp": {"single_adult": "x"},
        }
    )
    newest = reference.normalbelopp(year).amounts["single_adult"]
    assert (
        bad_amount["errors"][0]["message"].replace("\u00a0", "").endswith(f"till exempel {newest.ore // 100}")
    )


@needs_checkout
def test_the_page_offers_the_new_year_first(
    next_year: tuple[Path, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The form's amounts-year list is built from the data file by the calculator build step."""
    path, year = next_year
    monkeypatch.syspath_prepend(str(ROOT / "scripts"))
    hook = importlib.import_module("build_steps.calculator_assets")
    monkeypatch.setattr(hook, "REFERENCE_AMOUNTS", path)
    offered = hook.amounts_years()
    assert offered[0] == (str(year), False)
    assert [int(y) for y, _ in offered] == sorted(reference.years(), reverse=True)
