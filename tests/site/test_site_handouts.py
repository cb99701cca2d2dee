"""The workshop handouts are real A4 PDFs printed from the same Markdown pages.

Each PDF must exist in the built site, keep to its page budget, carry a title,
and contain its page's headings as extractable text (so it was printed from the
current source, with real text and Swedish letters, not an image or a stale file).
"""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pytest

from sitecheck import page_url_to_file

pytestmark = pytest.mark.site

ROOT = Path(__file__).resolve().parents[2]
A4_POINTS = (595.3, 841.9)

# name: (source under docs/, fewest pages, most pages, words the PDF must contain)
HANDOUTS = {
    "metoden-pa-en-sida": ("workshopmaterial/metoden-pa-en-sida.md", 1, 1, ["Metoden på en sida"]),
    "checklistor": ("workshopmaterial/checklistor.md", 1, 6, ["Checklistor"]),
    "motesagenda": ("workshopmaterial/motesagenda.md", 1, 6, ["Mötesagenda"]),
    "samtyckesblankett": ("mallar/samtyckesblankett.md", 1, 6, ["Samtycke"]),
    "avbetalningsavtal": ("mallar/avbetalningsavtal.md", 1, 6, ["Avtal om avbetalningsplan"]),
}
# The housing company's legal templates (issue 8): offered on the Mallar page.
TEMPLATE_HANDOUTS = {
    "inkassokrav": ("mallar/inkassokrav.md", 1, 6, ["Inkassokrav"]),
    "varning-sena-betalningar": ("mallar/varning-sena-betalningar.md", 1, 6, ["Varning vid upprepade"]),
    "uppsagning-forverkande": ("mallar/uppsagning-forverkande.md", 1, 6, ["Uppsägning på grund av förverkande"]),
    "underrattelse-och-meddelande": ("mallar/underrattelse-och-meddelande.md", 1, 6, ["Underrättelse och meddelande"]),
    "ansokan-kronofogden": ("mallar/ansokan-kronofogden.md", 1, 6, ["Ansökan till Kronofogden"]),
}
ALL_HANDOUTS = {**HANDOUTS, **TEMPLATE_HANDOUTS}


def flat(text: str) -> str:
    return " ".join(text.split())


def source_headings(source: Path) -> list[str]:
    """The H1 and H2 headings of a Markdown page as plain text (what the PDF must show)."""
    headings, fenced = [], False
    for line in source.read_text(encoding="utf-8").splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        match = None if fenced else re.match(r"^(#{1,2})\s+(.*?)\s*#*\s*$", line)
        if not match:
            continue
        text = match.group(2)
        attrs = re.search(r"\{:?([^}]*)\}\s*$", text)
        if attrs and ".no-print" in attrs.group(1):
            continue
        text = re.sub(r"\s*\{:?[^}]*\}\s*$", "", text)
        text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
        text = re.sub(r"[*`]|<[^>]+>", "", text).replace("&nbsp;", " ")
        headings.append(flat(text))
    return headings


@pytest.fixture(scope="module", params=sorted(ALL_HANDOUTS))
def handout(request, site_dir):
    name = request.param
    source, low, high, words = ALL_HANDOUTS[name]
    path = site_dir / "workshopmaterial" / "pdf" / f"{name}.pdf"
    assert path.is_file(), f"{path} missing: scripts/prebuild must print it"
    reader = pypdf.PdfReader(path)
    text = flat(" ".join(page.extract_text() or "" for page in reader.pages))
    return {"name": name, "source": ROOT / "docs" / source, "reader": reader, "text": text,
            "pages": (low, high), "words": words, "size": path.stat().st_size}


def test_page_count_is_within_budget(handout):
    """Metoden på en sida is exactly one page; the others 1–6 pages."""
    low, high = handout["pages"]
    count = len(handout["reader"].pages)
    assert low <= count <= high, f"{handout['name']}.pdf has {count} pages, want {low}–{high}"


def test_pages_are_a4(handout):
    for page in handout["reader"].pages:
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert size == pytest.approx(A4_POINTS, abs=1.5), size


def test_text_contains_the_key_headings(handout):
    """Real, extractable text with Swedish letters, including every H1/H2 of the source page."""
    text = handout["text"]
    expected = handout["words"] + source_headings(handout["source"])
    missing = [heading for heading in expected if heading.lower() not in text.lower()]
    assert not missing, f"{handout['name']}.pdf lacks {missing}; text starts {text[:200]!r}"
    assert re.search("[åäöÅÄÖ]", text), "no Swedish letters in the extracted text"
    assert "Bo kvar – workshopmaterial" in text, "running header missing"


def test_document_title_is_set(handout):
    title = (handout["reader"].metadata or {}).get("/Title", "")
    assert "Bo kvar" in title and handout["words"][0].split()[0] in title, repr(title)


def test_workshop_page_links_every_handout(site):
    """The Workshopmaterial page offers all five PDFs for download."""
    page = site.pages["workshopmaterial/index.html"]
    linked = set()
    for _, href in page.links:
        target, _ = page_url_to_file(site, page.path, href)
        if target and target.endswith(".pdf"):
            linked.add(Path(target).stem)
    assert set(HANDOUTS) <= linked, f"not linked from workshopmaterial/: {sorted(set(HANDOUTS) - linked)}"


def test_templates_page_links_every_template_handout(site):
    """The Mallar page offers a PDF of each of the housing company's legal templates."""
    page = site.pages["mallar/index.html"]
    linked = set()
    for _, href in page.links:
        target, _ = page_url_to_file(site, page.path, href)
        if target and target.endswith(".pdf"):
            linked.add(Path(target).stem)
    missing = sorted(set(TEMPLATE_HANDOUTS) - linked)
    assert not missing, f"not linked from mallar/: {missing}"
