"""Every built page passes axe-core's WCAG 2.0/2.1 A and AA rules, in light and dark scheme.

The calculator's own states (errors, result) are tested in test_calculator.py; here each
page is checked as it loads, so a new guide page, template or tenant page cannot slip in
with a contrast or naming fault. Axe cannot judge reflow or focus; those have their own tests.
"""

from __future__ import annotations

from pathlib import Path

from browser_helpers import new_context, run_axe


def page_paths(site_dir: Path) -> list[str]:
    paths = []
    for path in sorted(site_dir.rglob("index.html")):
        rel = path.relative_to(site_dir).as_posix().removesuffix("index.html")
        if not rel.startswith(("search/", "assets/")):
            paths.append("/" + rel)
    return paths


# The dark scheme changes colours only, the same on every page: a sample with each
# kind of content (tables, admonitions, checklists with blank cells, fill-in forms,
# the SVG timeline, English) is enough.
DARK_SAMPLE = [
    "/",
    "/lagen/",
    "/hyresgast/",
    "/mallar/avbetalningsavtal/",
    "/mallar/samtyckesblankett/",
    "/socialtjansten/nar-meddelandet-kommer/",
    "/en/unpaid-rent/",
]


def axe_on(browser, base_url: str, paths: list[str], scheme: str) -> dict[str, list[dict]]:
    context = new_context(browser, color_scheme=scheme)
    found: dict[str, list[dict]] = {}
    try:
        page = context.new_page()
        for path in paths:
            page.goto(f"{base_url}{path}")
            page.wait_for_load_state("load")
            violations = run_axe(page)
            if violations:
                found[path] = violations
    finally:
        context.close()
    return found


def test_axe_on_every_page(browser, base_url, site_dir):
    paths = page_paths(site_dir)
    assert "/hyresgast/" in paths and "/en/unpaid-rent/" in paths
    assert axe_on(browser, base_url, paths, "light") == {}


def test_axe_dark_scheme_sample(browser, base_url):
    assert axe_on(browser, base_url, DARK_SAMPLE, "dark") == {}
