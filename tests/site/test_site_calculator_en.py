"""The English calculator (/en/calculator/): the Swedish page's form in English, the same
scripts, engine and worker, its own texts and offline worker, and an agreement that says it
is a translation.

The source checks need no build: every text the scripts pass through ``t("…")`` has its
English twin in the page's data block (and no twin is left over), with the same ``{slots}``;
the English form has exactly the Swedish form's fields, ids and structure, so one cannot
change without the other; and the English agreement has the Swedish agreement's slots. The
built-site checks look at what the build made of the page.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from calculator.agreement import SLOTS

pytestmark = pytest.mark.site

ROOT = Path(__file__).resolve().parents[2]
SWEDISH = ROOT / "docs" / "kalkylator" / "index.md"
ENGLISH = ROOT / "docs" / "en" / "calculator" / "index.md"
SCRIPTS = [ROOT / "docs" / "kalkylator" / name for name in ("kalkylator.js", "arendeblad.js")]
AGREEMENT_SV = ROOT / "includes" / "avbetalningsavtal.md"
AGREEMENT_EN = ROOT / "includes" / "repayment-agreement-en.md"
FORM = re.compile(
    r'<div class="kalk" id="kalkylator".*?<script type="module" src="[^"]*kalkylator\.js"></script>', re.S
)
DATA_BLOCK = re.compile(r'<script type="application/json" id="kalk-texts">(.*?)</script>', re.S)
# t("…") with a plain string literal, also when prettier puts the literal on the next line.
T_CALL = re.compile(r'\bt\(\s*"((?:[^"\\]|\\.)*)"')
# What may differ between the two forms: the words, and where the shared files are.
STRUCTURE_ATTRIBUTES = (
    "id",
    "name",
    "type",
    "for",
    "value",
    "class",
    "data-field",
    "data-slot",
    "aria-controls",
)
STRUCTURE_ATTRIBUTES += (
    "aria-describedby",
    "aria-labelledby",
    "data-agreement",
    "data-local",
    "hidden",
    "role",
)


def english_texts() -> dict[str, str]:
    return json.loads(DATA_BLOCK.search(ENGLISH.read_text("utf-8"))[1])


def script_texts() -> set[str]:
    found = set()
    for path in SCRIPTS:
        found |= {json.loads(f'"{text}"') for text in T_CALL.findall(path.read_text("utf-8"))}
    return found


def slots(text: str) -> set[str]:
    return set(re.findall(r"\{(\w+)\}", text))


def test_every_script_text_has_its_english_twin() -> None:
    texts, used = english_texts(), script_texts()
    assert len(used) > 50
    assert sorted(used - texts.keys()) == []  # a Swedish text the English page would show
    assert sorted(texts.keys() - used) == []  # a translation nothing uses any more
    for swedish, english in texts.items():
        assert slots(english) == slots(swedish), swedish
        assert english.strip() and english != swedish or swedish in ("Period", "Plan"), swedish


class _Structure(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple] = []

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if tag == "a" or (tag == "script" and found.get("type") == "application/json"):
            return  # links are words (the English page links back to the Swedish one)
        self.tags.append((tag, *[(name, found[name]) for name in STRUCTURE_ATTRIBUTES if name in found]))


def structure(page: Path) -> list[tuple]:
    parser = _Structure()
    parser.feed(FORM.search(page.read_text("utf-8"))[0])
    return parser.tags


def test_the_english_form_has_the_swedish_forms_structure() -> None:
    swedish, english = structure(SWEDISH), structure(ENGLISH)
    assert len(swedish) > 200
    assert english == swedish


def test_the_english_page_loads_the_shared_files_only() -> None:
    text = FORM.search(ENGLISH.read_text("utf-8"))[0]
    local = re.findall(r'(?:src|href)="(?![a-z]+:|#)([^"]+)"', text)
    assert set(local) == {
        "../../kalkylator/kalkylator.css",
        "../../kalkylator/arendeblad.css",
        "../../mallar/avbetalningsavtal/",
        "../../kalkylator/",
        "../../kalkylator/kalkylator.js",
    }
    assert '--8<-- "repayment-agreement-en.md"' in text


def test_the_english_agreement_has_the_same_slots_and_says_swedish_decides() -> None:
    def slot_names(path: Path) -> list[str]:
        text = re.sub(r"<!--.*?-->", "", path.read_text("utf-8"), flags=re.S)
        return re.findall(r'data-slot(?:-table)?="([^"]+)"', text)

    assert slot_names(AGREEMENT_EN) == slot_names(AGREEMENT_SV)
    assert set(slot_names(AGREEMENT_EN)) - {"schedule"} == set(SLOTS)
    text = AGREEMENT_EN.read_text("utf-8")
    assert "This is a translation." in text
    assert "If the English and the Swedish texts differ, the Swedish text decides." in text
    headings = lambda path: re.findall(r"^## (\d+)\.", path.read_text("utf-8"), re.M)  # noqa: E731
    assert headings(AGREEMENT_EN) == headings(AGREEMENT_SV)
    assert text.count("☐") == AGREEMENT_SV.read_text("utf-8").count("☐")


# -- the built page ------------------------------------------------------------------


def test_built_page_is_english_with_boot_script_and_facts(site_dir: Path) -> None:
    page = (site_dir / "en" / "calculator" / "index.html").read_text("utf-8")
    assert re.search(r'<html[^>]* lang="en"', page)
    assert "var bokvarEngine" in page and ".whl" in page
    markers = ("wheel-file", "build-id", "worker-url", "pyodide-version", "statutory-rate-example")
    assert [m for m in (*markers, "amounts-year-options") if f"bokvar:{m}" in page] == []
    assert "../../kalkylator/worker.mjs" in page
    assert '<option value="' in page and "(from a secondary source)" in page
    assert "enligt en andrahandskälla" not in page
    assert 'id="kalk-texts"' in page and "Repayment plan agreement" in page
    assert "This is a translation." in page and "Content-Security-Policy" in page


def test_built_page_has_its_own_offline_worker(site_dir: Path) -> None:
    text = (site_dir / "en" / "calculator" / "sw.js").read_text("utf-8")
    manifest = json.loads(re.search(r"const MANIFEST = (\{.*?\n\});", text, re.S)[1])
    urls = {entry["url"] for entry in manifest["files"]}
    assert manifest["prefix"] == "bokvar-calculator-en-"
    assert {"./", "../../kalkylator/kalkylator.js", "../../kalkylator/worker.mjs"} <= urls
    assert any(url.endswith(".whl") for url in urls) and "../../kalkylator/pyodide/pyodide.mjs" in urls
    swedish = (site_dir / "kalkylator" / "sw.js").read_text("utf-8")
    assert '"prefix"' not in swedish and '"url": "../en/' not in swedish and ".whl" in swedish
