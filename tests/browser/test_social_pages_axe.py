"""The social services' pages and templates pass axe-core's WCAG 2.0/2.1 A and AA
rules in light and dark mode: they are mostly checklists and fill-in tables, the
kind of markup (blank cells, ☐ lists, admonitions) that axe flags when headers or
contrast go wrong."""

from __future__ import annotations

import pytest
from browser_helpers import ROOT, new_context

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

PATHS = (
    "socialtjansten/nar-meddelandet-kommer/",
    "socialtjansten/ekonomiskt-bistand/",
    "socialtjansten/barn/",
    "mallar/brev-fran-socialtjansten/",
    "mallar/beslut-om-utredning/",
    "mallar/samtyckesblankett/",
    "samtycke-och-sekretess/",
)


def violations(page) -> list[dict]:
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))  # the CSP refuses an inline <script>
    result = page.evaluate(
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}}).then(r => r.violations)",
        WCAG_TAGS,
    )
    return [{"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:5]} for v in result]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_social_pages_have_no_wcag_violations(browser, base_url, scheme):
    context = new_context(browser, color_scheme=scheme)
    try:
        page = context.new_page()
        found = {}
        for path in PATHS:
            page.goto(f"{base_url}/{path}")
            problems = violations(page)
            if problems:
                found[path] = problems
        assert not found, found
    finally:
        context.close()
