"""scripts/build_steps/site_policy.py: third-party addresses, page languages, bare links."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from build_steps import site_policy  # noqa: E402
from build_steps.site_policy import EMPTY_CSS, EMPTY_JS, blank_addresses, set_language  # noqa: E402

OWN = {"127.0.0.1", "localhost", "[::1]", "bokvar.example.se"}


@pytest.mark.parametrize(
    "literal",
    [
        '"https://unpkg.com/mermaid@12/dist/mermaid.min.js"',
        "'https://cdn.jsdelivr.net/pyodide/v314.0.2/full/'",
        '"https://cdnjs.cloudflare.com/ajax/libs/x/1/x.js"',
        '"https://fonts.googleapis.com/css?family=Roboto"',
        "`https://api.github.com/repos/${e}/${t}`",
        "`https://${e}/api/v4/projects/${encodeURIComponent(t)}`",
        '"http://tracker.example.net:8080/a.js"',
    ],
)
def test_every_third_party_address_in_a_script_is_blanked(literal):
    code = f"a={literal};b(a)"
    blanked, found = blank_addresses(code, "js", OWN)
    assert found == [literal[1:-1]]
    assert blanked == f"a={literal[0]}{EMPTY_JS}{literal[0]};b(a)"


@pytest.mark.parametrize(
    "literal",
    [
        '"http://www.w3.org/2000/svg"',  # createElementNS: a name, never fetched
        '"http://www.w3.org/1998/Math/MathML"',
        '"https://bokvar.example.se/kalkylator/"',  # the site itself (site_url)
        '"http://127.0.0.1:8000/x.js"',
        '"https://"',  # a scheme test, no address
        '"see the docs"',
    ],
)
def test_own_addresses_and_names_stay(literal):
    code = f"a={literal};/* https://unpkg.com/licence */"
    assert blank_addresses(code, "js", OWN) == (code, [])


def test_css_urls_and_imports_are_blanked():
    css = "@import 'https://fonts.googleapis.com/css';.a{background:url(https://cdn.example.org/i.png)}.b{mask:url(\"data:image/svg+xml;x='http://www.w3.org/2000/svg'\")}"
    blanked, found = blank_addresses(css, "css", OWN)
    assert found == ["https://fonts.googleapis.com/css", "https://cdn.example.org/i.png"]
    assert "googleapis" not in blanked and "cdn.example.org" not in blanked
    assert blanked.count(f'"{EMPTY_CSS}"') == 2
    assert "http://www.w3.org/2000/svg" in blanked  # inside a data: URL, nothing to fetch


def test_blanking_a_theme_folder_reports_file_and_address(tmp_path, monkeypatch):
    monkeypatch.setattr(site_policy, "own_hosts", lambda: set(OWN))
    bundle = tmp_path / "assets" / "javascripts" / "bundle.1.min.js"
    bundle.parent.mkdir(parents=True)
    bundle.write_text('x("https://unpkg.com/glightbox@3/dist/js/glightbox.min.js")', encoding="utf-8")
    mine = tmp_path / "kalkylator" / "pyodide" / "pyodide.mjs"
    mine.parent.mkdir(parents=True)
    mine.write_text('u="https://cdn.jsdelivr.net/pyodide/"', encoding="utf-8")
    report = site_policy.blank_third_party_addresses(tmp_path)
    assert report == [
        "assets/javascripts/bundle.1.min.js: https://unpkg.com/glightbox@3/dist/js/glightbox.min.js"
    ]
    assert "unpkg" not in bundle.read_text(encoding="utf-8")
    assert "jsdelivr" in mine.read_text(encoding="utf-8"), "only the theme's files are edited"


def test_english_page_gets_its_language_and_the_chrome_stays_swedish():
    page = '<html lang="sv"><body><header class="md-header" x><main>Hi</main><footer class="md-footer">'
    out = set_language(page, "en", "sv")
    assert out.startswith('<html lang="en">')
    assert '<header lang="sv" class="md-header"' in out and '<footer lang="sv" class="md-footer"' in out


def test_page_without_html_lang_is_an_error():
    with pytest.raises(ValueError, match="no <html lang>"):
        set_language("<html><body>", "en", "sv")


def test_front_matter_languages_map_to_built_pages(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "index.md").write_text("---\nlang: en\n---\n# In English\n", encoding="utf-8")
    (tmp_path / "roller.md").write_text("---\ntitle: Roller\n---\n# Roller\n", encoding="utf-8")
    (tmp_path / "about.md").write_text("---\nlang: de\n---\n# Über\n", encoding="utf-8")
    assert site_policy.page_languages(tmp_path) == {"en/index.html": "en", "about/index.html": "de"}


def test_bare_links_are_marked_and_others_left(tmp_path):
    page = tmp_path / "index.html"
    page.write_text(
        '<a href="https://a.se/">https://a.se/</a> <a href="https://b.se/">B</a>', encoding="utf-8"
    )
    site_policy.mark_bare_urls(tmp_path)
    assert page.read_text(encoding="utf-8") == (
        '<a class="bare-url" href="https://a.se/">https://a.se/</a> <a href="https://b.se/">B</a>'
    )
