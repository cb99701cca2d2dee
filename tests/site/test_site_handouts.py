"""The workshop handouts are real PDFs, printed from the same Markdown pages, fit for paper.

Every handout in the printer's list (``scripts/handouts.py`` HANDOUTS) must exist in
the built site, keep to its page budget and paper size, carry a title, contain its
page's headings as extractable text, and pass the print checks of issue 15:

* the footer names Bo kvar, a version date, the public address (``site_url``, never
  127.0.0.1) and the content licence;
* workshop handouts say "Bo kvar – workshopmaterial" in the header, documents for
  tenants do not;
* no page is less than 15 % used (each page is rendered to an image with poppler's
  pdftoppm and the inked part of its body measured);
* web-only boxes (``no-print``) are not printed, and "☐" items are not also bulleted.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pypdf
import pytest
from page_images import PDFTOPPM, page_fills
from sitecheck import page_url_to_file

pytestmark = pytest.mark.site

ROOT = Path(__file__).resolve().parents[2]
MIN_FILL = 0.15
# Paper sizes in PDF points (1 mm = 72 / 25.4 pt).
PAPER_POINTS = {"a4": (595.3, 841.9), "a3-landscape": (1190.6, 841.9), "slides": (720.0, 405.0)}


def _printer():
    spec = importlib.util.spec_from_file_location("bokvar_handouts_test", ROOT / "scripts" / "handouts.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


printer = _printer()
SITE_ADDRESS = printer.read_settings(ROOT / "mkdocs.yml").site_url

# Words a handout must contain besides its own headings (its subject, in its own words).
WORDS = {
    "metoden-pa-en-sida": ["Metoden på en sida"],
    "checklistor": ["Checklistor"],
    "motesagenda": ["Mötesagenda"],
    "samtyckesblankett": ["Samtycke"],
    "avbetalningsavtal": ["Avtal om avbetalningsplan"],
    # The housing company's legal templates (issue 8), offered on the Mallar page.
    "inkassokrav": ["Inkassokrav"],
    "varning-sena-betalningar": ["Varning vid upprepade"],
    "uppsagning-forverkande": ["Uppsägning på grund av förverkande"],
    "underrattelse-och-meddelande": ["Underrättelse och meddelande"],
    "ansokan-kronofogden": ["Ansökan till Kronofogden"],
}
TEMPLATE_HANDOUTS = (
    "inkassokrav",
    "varning-sena-betalningar",
    "uppsagning-forverkande",
    "underrattelse-och-meddelande",
    "ansokan-kronofogden",
)
# Text that appears on the web page only (a web-only box) and must not be printed.
WEB_ONLY = {"avbetalningsavtal": "Låt kalkylatorn fylla i avtalet"}
# The pages budget of the one-page handout is exact.
EXACT = {"metoden-pa-en-sida": 1}


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


@pytest.fixture(scope="module", params=[handout.name for handout in printer.HANDOUTS])
def handout(request, site_dir):
    spec = next(h for h in printer.HANDOUTS if h.name == request.param)
    path = site_dir / spec.url
    assert path.is_file(), f"{path} missing: the build must print it (scripts/prebuild)"
    reader = pypdf.PdfReader(path)
    pages = [flat(page.extract_text() or "") for page in reader.pages]
    return {
        "spec": spec,
        "path": path,
        "source": ROOT / "docs" / spec.source,
        "reader": reader,
        "pages": pages,
        "text": " ".join(pages),
    }


def test_page_count_is_within_budget(handout):
    """Metoden på en sida is exactly one page; the others keep to their budget."""
    spec, count = handout["spec"], len(handout["reader"].pages)
    low = EXACT.get(spec.name, 1)
    assert low <= count <= spec.max_pages, f"{spec.name}.pdf has {count} pages, want {low}–{spec.max_pages}"


def test_paper_size(handout):
    """A4 portrait, A3 landscape (the canvas) or 16:9 (the slides), as the handout asks."""
    want = PAPER_POINTS[handout["spec"].paper]
    for page in handout["reader"].pages:
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert size == pytest.approx(want, abs=1.5), size


def test_text_contains_the_key_headings(handout):
    """Real, extractable text with Swedish letters, including every H1/H2 of the source page."""
    text = handout["text"]
    expected = WORDS.get(handout["spec"].name, []) + source_headings(handout["source"])
    missing = [heading for heading in expected if heading.lower() not in text.lower()]
    assert not missing, f"{handout['spec'].name}.pdf lacks {missing}; text starts {text[:200]!r}"
    if "lang: en" not in handout["source"].read_text(encoding="utf-8")[:200]:
        assert re.search("[åäöÅÄÖ]", text), "no Swedish letters in the extracted text"


def test_every_page_has_the_footer(handout):
    """Version date, public address and licence on every page; never a local address."""
    english = "lang: en" in handout["source"].read_text(encoding="utf-8")[:200]
    for number, text in enumerate(handout["pages"], start=1):
        assert re.search(r"Bo kvar · version \d{4}-\d{2}-\d{2}", text), f"page {number}: no version date"
        assert SITE_ADDRESS in text, f"page {number}: public address {SITE_ADDRESS} missing"
        assert "CC BY 4.0" in text, f"page {number}: licence missing"
        count = len(handout["pages"])
        label = f"Page {number} of {count}" if english else f"Sida {number} av {count}"
        assert label in text, f"page {number}: page number {label!r} missing"
        assert "127.0.0.1" not in text and "localhost" not in text, f"page {number}: local address printed"


def test_header_fits_the_reader(handout):
    """Workshop handouts say so in the header; what a tenant reads or signs does not."""
    text = handout["text"]
    if handout["spec"].audience != "workshop":
        assert "workshopmaterial" not in text.lower(), "a tenant document or letter says 'workshopmaterial'"
    else:
        assert "Bo kvar – workshopmaterial" in text, "running header missing"


@pytest.mark.skipif(PDFTOPPM is None, reason="pdftoppm (Debian poppler-utils) missing: run scripts/setup")
def test_no_page_is_almost_empty(handout):
    """Each page, rendered to an image, uses at least 15 % of its body: no orphan pages."""
    fills = page_fills(handout["path"])
    thin = [(number, fill) for number, fill in enumerate(fills, start=1) if fill < MIN_FILL]
    assert not thin, f"{handout['spec'].name}.pdf: pages (number, share used) under {MIN_FILL:.0%}: {thin}"


def test_web_only_boxes_and_bullets_are_not_printed(handout):
    """No web-only box text; a "☐" item is not preceded by a bullet."""
    text = handout["text"]
    web_only = WEB_ONLY.get(handout["spec"].name)
    assert not web_only or web_only not in text, f"web-only box printed: {web_only!r}"
    assert not re.search(r"[•●▪◦]\s*☐", text), "a checkbox item is also bulleted"


def test_checklists_start_each_role_on_a_new_page(site_dir):
    """In the role checklists the first role follows the intro; each other role opens a page."""
    reader = pypdf.PdfReader(site_dir / "workshopmaterial" / "pdf" / "checklistor.pdf")
    pages = [flat(page.extract_text() or "") for page in reader.pages]
    roles = [
        h for h in source_headings(ROOT / "docs" / "workshopmaterial" / "checklistor.md")[1:] if h != "Källor"
    ]
    assert roles[0] in pages[0], f"the first role {roles[0]!r} should follow the intro on page 1"
    for role in roles[1:]:
        starts = [text for text in pages if text.startswith(role)]
        assert starts, f"no page starts with the role {role!r}"


def test_staff_instructions_are_on_their_own_page(site_dir):
    """In tenant documents the staff part never shares a page with what the tenant signs."""
    for spec in printer.HANDOUTS:
        source = (ROOT / "docs" / spec.source).read_text(encoding="utf-8")
        if spec.audience != "tenant" or "## Till er som" not in source:
            continue
        reader = pypdf.PdfReader(site_dir / spec.url)
        for text in (flat(page.extract_text() or "") for page in reader.pages):
            if "Till er som" in text:
                assert "Underskrift" not in text, f"{spec.name}: staff part shares a page with signatures"


def test_document_title_is_set(handout):
    title = (handout["reader"].metadata or {}).get("/Title", "")
    assert "Bo kvar" in title, repr(title)


def test_workshop_page_links_every_handout(site):
    """The Workshopmaterial page offers every workshop PDF; every other PDF is linked somewhere."""

    def linked_from(pages) -> set:
        found = set()
        for page in pages:
            for _, href in page.links:
                target, _ = page_url_to_file(site, page.path, href)
                if target and target.endswith(".pdf"):
                    found.add(Path(target).stem)
        return found

    workshop = {h.name for h in printer.HANDOUTS if h.source.startswith("workshopmaterial/")}
    missing = workshop - linked_from([site.pages["workshopmaterial/index.html"]])
    assert not missing, f"not linked from workshopmaterial/: {sorted(missing)}"
    orphans = {h.name for h in printer.HANDOUTS} - linked_from(site.pages.values())
    assert not orphans, f"PDFs no page links to: {sorted(orphans)}"


def test_slides_keep_kumla_apart_from_the_recommendation(site_dir):
    """About 15 slides; a slide that says what Kumla did also marks the guide's advice apart.

    The two admonition titles are the markers: "Så gjorde Kumla (artikeln 2021)" and
    "Guidens rekommendation". The law page's timeline picture is on a slide (its
    text, e.g. "Tidslinjen i fyra spår", is extractable).
    """
    reader = pypdf.PdfReader(site_dir / "workshopmaterial" / "pdf" / "bildspel.pdf")
    pages = [flat(page.extract_text() or "") for page in reader.pages]
    assert 13 <= len(pages) <= 18, f"{len(pages)} slides"
    assert any("Tidslinjen i fyra spår" in text and "Handräckning" in text for text in pages), (
        "timeline missing"
    )
    method = [text for text in pages if "Så gjorde Kumla (artikeln 2021)" in text]
    assert len(method) >= 3, "the method slides lack the Kumla marker"
    for text in method:
        assert "Guidens rekommendation" in text, f"Kumla slide without the guide's marker: {text[:80]!r}"


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
