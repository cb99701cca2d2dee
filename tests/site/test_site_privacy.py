"""The site makes no request to any third party: no CDN, fonts, analytics, embeds.

Links (``<a href>``) to sources are fine; anything the browser would fetch by
itself – scripts, styles, fonts, images, frames, CSS ``url()``/``@import``,
script loaders inside JavaScript – must come from the site.
"""

from __future__ import annotations

import pytest

from sitecheck import dormant_loader_triggers, external_references

pytestmark = pytest.mark.site


def test_nothing_is_fetched_from_another_host(site):
    """No HTML, SVG, CSS or JS file in the site points a fetch at an external host."""
    assert site.files(".js") and site.files(".css") and len(site.pages) > 20, "site looks incomplete"
    problems = external_references(site)
    assert not problems, "external references:\n" + "\n".join(problems)


def test_no_google_fonts_anywhere(site):
    """``font: false`` holds: no fonts.googleapis.com / fonts.gstatic.com, not even a preconnect."""
    hits = []
    for path in site.files(".html", ".css", ".js", ".mjs", ".json", ".svg"):
        text = path.read_text(encoding="utf-8", errors="replace")
        if "fonts.googleapis" in text or "fonts.gstatic" in text:
            hits.append(path.relative_to(site.root).as_posix())
    assert not hits, hits


def test_no_repository_widget_or_mermaid(site):
    """Nothing wakes the third-party loaders that stay dormant in Material's bundle."""
    problems = dormant_loader_triggers(site)
    assert not problems, "\n".join(problems)
