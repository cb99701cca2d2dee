"""The Content-Security-Policy holds in a real browser: no page or calculator state reports a
violation, and a script the site did not ship is refused.

Violations are collected two ways, because each misses some: the page's own
``securitypolicyviolation`` events (recorded by an init script, which the policy does not
govern) and the browser's console reports ("Refused to …"), which also come from workers.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page

from browser_helpers import (
    calculate_in_page,
    new_context,
    open_calculator,
    wait_until_ready,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import csp  # noqa: E402 - scripts/ is not a package

RECORD_VIOLATIONS = """
(() => {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
  });
  window.print = () => { window.__printed = (window.__printed || 0) + 1; };
})();
"""


class Violations:
    """Everything the browser reported against the policy in one context."""

    def __init__(self, context: BrowserContext) -> None:
        self.console: list[str] = []
        context.add_init_script(RECORD_VIOLATIONS)
        context.on("console", self._console)

    def _console(self, message) -> None:
        text = message.text
        if "Content Security Policy" in text or "Refused to" in text:
            self.console.append(text)

    def of(self, page: Page) -> list[str]:
        """The page's violation events so far, plus every console report in the context."""
        events = page.evaluate("window.__cspViolations || []")
        return [*events, *self.console]


def site_paths(site_dir: Path) -> list[str]:
    paths = []
    for path in csp.html_pages(site_dir):
        rel = path.relative_to(site_dir).as_posix()
        paths.append("/" + rel.removesuffix("index.html"))
    return paths


def first_ok(examples: list[dict]) -> dict:
    from browser_helpers import calculate, typeable

    for example in examples:
        if typeable(example["request"]) and calculate(example["request"])["ok"]:
            return example
    raise AssertionError("no worked example with a plan")


def test_no_page_reports_a_violation(browser, base_url, site_dir):
    """Every built page, guide or calculator, loads with its policy and no violation."""
    context = new_context(browser)
    violations = Violations(context)
    found: dict[str, list[str]] = {}
    try:
        page = context.new_page()
        paths = site_paths(site_dir)
        assert len(paths) > 20
        for path in paths:
            page.goto(f"{base_url}{path}")
            page.wait_for_load_state("load")
            assert page.evaluate(
                "() => !!document.querySelector('meta[http-equiv=Content-Security-Policy]')"
            ), path
            reported = violations.of(page)
            if reported:
                found[path] = reported
            violations.console.clear()
    finally:
        context.close()
    assert found == {}


# Per generator: how to open the site search, and an element of a search result.
SEARCH = {
    "mkdocs": (
        lambda page: page.keyboard.press("s"),
        "input[data-md-component=search-query]",
        ".md-search-result__item",
    ),
    # Zensical 0.0.73: a button opens a panel in an open shadow root (CSS locators pierce it).
    "zensical": (
        lambda page: page.click(".md-search__button"),
        "dialog[aria-modal] input",
        "dialog[aria-modal] [role=option]",
    ),
}


def test_calculator_flow_reports_no_violation(browser, base_url, examples, generator):
    """Answer, downloads, print, search, service worker and an offline reload: all within policy."""
    open_search, search_input, search_result = SEARCH[generator]
    context = new_context(browser)
    violations = Violations(context)
    try:
        page = context.new_page()
        open_calculator(page, base_url)
        calculate_in_page(page, first_ok(examples)["request"])
        for kind in ("csv", "ics"):
            with page.expect_download():
                page.click(f"#result-downloads a[download$='.{kind}']")
        page.click("#print-agreement")
        # The agreement is asked of the engine first, so printing follows one round trip later.
        page.wait_for_function("() => (window.__printed || 0) >= 1", timeout=30_000)
        page.emulate_media(media="print")
        page.emulate_media(media="screen")
        # Site search: its worker and index start when someone goes to the search box.
        open_search(page)
        page.locator(search_input).fill("avbetalningsplan")
        page.wait_for_selector(search_result, timeout=30_000)
        page.keyboard.press("Escape")
        page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=60_000)
        assert violations.of(page) == []
        context.set_offline(True)
        page.reload()
        wait_until_ready(page)
        calculate_in_page(page, first_ok(examples)["request"])
        assert violations.of(page) == []
    finally:
        context.close()


@pytest.mark.parametrize("path", ["/", "/kalkylator/"])
def test_an_injected_inline_script_is_blocked(browser, base_url, path):
    """A script the build did not hash never runs, and the browser says why."""
    context = new_context(browser)
    violations = Violations(context)
    try:
        page = context.new_page()
        page.goto(f"{base_url}{path}")
        ran = page.evaluate(
            """() => {
                const s = document.createElement('script');
                s.textContent = 'window.__injected = true';
                document.head.appendChild(s);
                return window.__injected === true;
            }"""
        )
        assert ran is False
        page.wait_for_function("() => window.__cspViolations.length > 0")
        assert any("script-src" in v for v in violations.of(page))
    finally:
        context.close()


def test_a_third_party_request_is_blocked(browser, base_url):
    """Even a fetch to another host (a future slip in a theme) is refused by connect-src."""
    context = new_context(browser)
    violations = Violations(context)
    try:
        page = context.new_page()
        page.goto(f"{base_url}/")
        outcome = page.evaluate(
            "() => fetch('https://example.invalid/x').then(() => 'sent', () => 'refused')"
        )
        assert outcome == "refused"
        page.wait_for_function("() => window.__cspViolations.length > 0")
        assert any("connect-src" in v for v in violations.of(page))
    finally:
        context.close()
