"""Every page the guide promises is there, in the right language, with its sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitecheck import (
    built_path,
    is_content_page,
    nav_sources,
    pages_without_sources,
    placeholders,
    pyodide_on_guide_pages,
    wrong_languages,
)

pytestmark = pytest.mark.site

ROOT = Path(__file__).resolve().parents[2]


def test_every_nav_page_is_built(site):
    """Each Markdown file named in mkdocs.yml's nav became an HTML page."""
    sources = nav_sources(ROOT / "mkdocs.yml")
    assert len(sources) >= 25, "nav in mkdocs.yml looks truncated"
    missing = [f"{source} → {built_path(source)}" for source in sources if built_path(source) not in site.pages]
    assert not missing, "nav pages not built:\n" + "\n".join(missing)


def test_every_page_has_the_right_language(site):
    """``<html lang="sv">`` everywhere, ``lang="en"`` on the English page (en/)."""
    assert "en/index.html" in site.pages
    problems = wrong_languages(site)
    assert not problems, "\n".join(problems)


def test_every_content_page_lists_its_sources(site):
    """Every page written in Markdown has a heading Källor (Sources in English)."""
    content = [page for page in site.pages.values() if is_content_page(page)]
    assert len(content) >= len(nav_sources(ROOT / "mkdocs.yml")), "too few pages recognised as content pages"
    problems = pages_without_sources(site)
    assert not problems, "\n".join(problems)


def test_guide_pages_load_no_pyodide(site):
    """Only the calculator (and a bench page) may load Pyodide: guide pages stay light."""
    problems = pyodide_on_guide_pages(site)
    assert not problems, "\n".join(problems)


def test_no_page_is_a_placeholder(site):
    """The skeleton's PLACEHOLDER pages have all been written."""
    left = placeholders(site)
    assert not left, "pages still marked PLACEHOLDER:\n" + "\n".join(left)


def test_search_dialog_has_an_accessible_name(site_dir):
    """Material's search dialog is named (overrides/partials/search.html; axe aria-dialog-name)."""
    pages = [p for p in site_dir.rglob("*.html") if 'data-md-component="search"' in p.read_text(encoding="utf-8")]
    assert len(pages) >= 25
    unnamed = [
        str(p.relative_to(site_dir))
        for p in pages
        if 'data-md-component="search" role="dialog" aria-label="' not in p.read_text(encoding="utf-8")
    ]
    assert not unnamed, "search dialog without a name:\n" + "\n".join(unnamed)
