"""One agreement, one source: the template page and the calculator's print view render the same
snippet (includes/avbetalningsavtal.md), with the slots the engine fills and its terms."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from calculator.agreement import SLOTS

pytestmark = pytest.mark.site

ROOT = Path(__file__).resolve().parents[2]
SNIPPET = ROOT / "includes" / "avbetalningsavtal.md"
PAGES = ("mallar/avbetalningsavtal/index.html", "kalkylator/index.html")


def _agreement_html(site_dir: Path, page: str) -> str:
    html = (site_dir / page).read_text(encoding="utf-8")
    if page.startswith("kalkylator/"):
        start = html.index('id="agreement"')
        html = html[start:html.index("</section>", start)]
    return html


def _clause_headings() -> list[str]:
    lines = SNIPPET.read_text(encoding="utf-8").splitlines()
    return [re.sub(r"\s*\{[^}]*\}\s*$", "", line[3:]) for line in lines if line.startswith("## ")]


def test_snippet_slots_are_exactly_the_engines_slots():
    """A slot in the text that the engine does not fill (or the reverse) is drift."""
    in_snippet = set(re.findall(r'data-slot="([a-z_]+)"', SNIPPET.read_text(encoding="utf-8")))
    assert in_snippet == set(SLOTS)


@pytest.mark.parametrize("page", PAGES)
def test_both_pages_render_every_clause_and_slot(site_dir, page):
    html = _agreement_html(site_dir, page)
    headings = _clause_headings()
    assert len(headings) >= 8
    for heading in headings:
        assert heading in html, f"{page} lacks clause {heading!r}"
    for slot in SLOTS:
        assert f'data-slot="{slot}"' in html, f"{page} lacks slot {slot}"
    assert 'data-slot-table="schedule"' in html


@pytest.mark.parametrize("page", PAGES)
def test_agreement_keeps_the_templates_terms(site_dir, page):
    """The printout once made the whole debt due after one late payment; the template's terms win."""
    html = _agreement_html(site_dir, page)
    assert "hela den skuld som är kvar betalas direkt" not in html
    for term in ("ändrad plan", "alltid betala mer", "ansöker inte hos Kronofogden", "Högst 170 kr",
                 "Uppsägningen återkallas", "Uppsägningen står kvar"):
        assert term in html, f"{page} lacks {term!r}"


def test_print_view_has_no_web_only_box(site_dir):
    html = _agreement_html(site_dir, "kalkylator/index.html")
    assert 'class="admonition' not in html
