"""The social services' pages and templates (issue 10) are built, cite their
sources, print as handouts, and keep the points a practitioner review asked for.

Each check names what is missing, so a failure says which page lost which promise
(a page dropped from the nav, a handout no longer printed, the consent form
losing "ett nej ändrar ingenting", the routine losing the third-vardag rule).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pypdf
import pytest

from sitecheck import built_path, nav_sources

pytestmark = pytest.mark.site

ROOT = Path(__file__).resolve().parents[2]

# Markdown source under docs/ for each new page.
NEW_PAGES = (
    "socialtjansten/nar-meddelandet-kommer.md",
    "socialtjansten/ekonomiskt-bistand.md",
    "socialtjansten/barn.md",
    "mallar/brev-fran-socialtjansten.md",
    "mallar/beslut-om-utredning.md",
)

# handout name: (source under docs/, most pages, words the PDF must contain)
SOCIAL_HANDOUTS = {
    "nar-meddelandet-kommer": (
        "socialtjansten/nar-meddelandet-kommer.md", 6,
        ["När meddelandet om uppsägning kommer", "tredje vardagen", "Källor"],
    ),
    "brev-fran-socialtjansten": (
        "mallar/brev-fran-socialtjansten.md", 4,
        ["Du kan fortfarande behålla din bostad", "tolk", "Källor"],
    ),
    "beslut-om-utredning": (
        "mallar/beslut-om-utredning.md", 4,
        ["Beslut om utredning", "JO", "Källor"],
    ),
    "samtyckesblankett": (
        "mallar/samtyckesblankett.md", 6,
        ["Du bestämmer", "Ett nej ändrar ingenting", "Källor"],
    ),
}

# Pages I own that must carry each of the two markers (Material admonition types).
MARKED_PAGES = {
    "roller/socialtjansten.md": ("kumla", "rekommendation"),
    "roller/boendekoordinator.md": ("kumla",),
    "socialtjansten/nar-meddelandet-kommer.md": ("kumla", "rekommendation"),
    "samtycke-och-sekretess/index.md": ("kumla", "rekommendation"),
}


def flat(text: str) -> str:
    return " ".join(text.split())


def _handouts_module():
    spec = importlib.util.spec_from_file_location("bokvar_handouts_social", ROOT / "scripts" / "handouts.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("source", NEW_PAGES)
def test_new_page_is_in_nav_and_built(site, source):
    assert source in nav_sources(ROOT / "mkdocs.yml"), f"{source} is not in mkdocs.yml nav"
    assert built_path(source) in site.pages, f"{source} was not built to {built_path(source)}"


@pytest.mark.parametrize("source", NEW_PAGES)
def test_new_page_ends_with_sources(site, source):
    """A heading Källor, and it is the last H2 on the page."""
    page = site.pages[built_path(source)]
    h2 = [text for level, text in page.headings if level == 2]
    assert h2 and h2[-1] == "Källor", f"{source}: last H2 is {h2[-1:]!r}, want 'Källor'"


@pytest.mark.parametrize("name", sorted(SOCIAL_HANDOUTS))
def test_handout_is_registered_and_printed(site_dir, name):
    source, most, words = SOCIAL_HANDOUTS[name]
    registered = {handout.name: handout.source for handout in _handouts_module().HANDOUTS}
    assert registered.get(name) == source, f"scripts/handouts.py HANDOUTS lacks Handout({source!r}, {name!r})"
    path = site_dir / "workshopmaterial" / "pdf" / f"{name}.pdf"
    assert path.is_file(), f"{path} missing: the build must print it"
    reader = pypdf.PdfReader(path)
    assert 1 <= len(reader.pages) <= most, f"{name}.pdf has {len(reader.pages)} pages, want 1–{most}"
    text = flat(" ".join(page.extract_text() or "" for page in reader.pages)).lower()
    missing = [word for word in words if word.lower() not in text]
    assert not missing, f"{name}.pdf lacks {missing}"


def test_routine_links_its_pdf(site):
    page = site.pages[built_path("socialtjansten/nar-meddelandet-kommer.md")]
    assert any(href.endswith("workshopmaterial/pdf/nar-meddelandet-kommer.pdf") for _, href in page.links)


@pytest.mark.parametrize("source", sorted(MARKED_PAGES))
def test_pages_use_the_two_markers(site, source):
    page = site.pages[built_path(source)]
    missing = [kind for kind in MARKED_PAGES[source] if kind not in page.classes]
    assert not missing, f"{source}: no admonition of type {missing}"


def test_routine_states_the_corrected_law(site):
    """Later of the two events; only payment saves; third vardag; no 'two vardagar'."""
    text = flat(site.pages[built_path("socialtjansten/nar-meddelandet-kommer.md")].text)
    for phrase in ("den senare av två händelser", "bara betalning inom fristen",
                   "tidigast den tredje vardagen", "JO 1683-2017", "824 barn", "391"):
        assert phrase.lower() in text.lower(), f"routine lacks {phrase!r}"
    assert "två vardagar efter" not in text, "the routine must not say 'två vardagar efter' the three weeks"


def test_consent_form_says_the_tenant_decides(site):
    text = flat(site.pages[built_path("mallar/samtyckesblankett.md")].text)
    for phrase in ("Du bestämmer", "Ett nej ändrar ingenting", "måste hyresvärden berätta det för socialtjänsten",
                   "sekretessbrytande samtycke", "artikel 13", "God man", "Så tar du tillbaka",
                   "Muntligt samtycke", "enhet för barn och familj"):
        assert phrase.lower() in text.lower(), f"consent form lacks {phrase!r}"
    assert "Det får vi bara göra om du säger ja" not in text, "the old, misleading sentence is back"


def test_meeting_note_records_social_services_only_with_consent(site):
    text = flat(site.pages[built_path("mallar/motesanteckning.md")].text)
    assert "bara om rutan Samtycke finns" in text
    assert "Boendekoordinatorn har lämnat mötet" in text


def test_social_services_page_cites_the_new_law(site):
    text = flat(site.pages[built_path("roller/socialtjansten.md")].text)
    for phrase in ("Socialtjänstlag (2025:400)", "2022-6-7914", "före den nya socialtjänstlagen",
                   "Vad ändrades", "Stöd för handläggning av ärenden vid risk för avhysning"):
        assert phrase.lower() in text.lower(), f"roller/socialtjansten lacks {phrase!r}"


def test_sources_page_has_the_current_kunskapsguiden_title(site):
    text = flat(site.pages[built_path("kallor.md")].text)
    assert "Stöd för handläggning av ärenden vid risk för avhysning" in text


def test_samlad_bild_keeps_the_articles_meaning():
    """'Samlad bild' is the municipality's picture of the resident, not the tenant's overview."""
    for source in ("roller/boendekoordinator.md", "roller/budget-och-skuldradgivning.md", "samtycke-och-sekretess/index.md"):
        text = (ROOT / "docs" / source).read_text(encoding="utf-8")
        for line in text.splitlines():
            if "samlad bild" in line.lower():
                assert "invånarens situation" in line or "hushållets situation" in line, f"{source}: {line.strip()[:120]}"
