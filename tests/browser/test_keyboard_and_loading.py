"""Keyboard-only use, a press on Beräkna before the engine is ready, and a failed load with retry."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

from playwright.sync_api import Page, expect

from browser_helpers import (
    RECORD_REQUESTS,
    engine_answer,
    expected_cells,
    new_context,
    open_calculator,
    ready_ms,
    schedule_cells,
    wait_for_answer,
    wait_until_ready,
)


def focused(page: Page) -> str:
    return page.evaluate("document.activeElement ? document.activeElement.id : ''")


def tab_to(page: Page, element_id: str, limit: int = 80) -> None:
    for _ in range(limit):
        if focused(page) == element_id:
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached #{element_id} (stuck at #{focused(page)})")


def test_keyboard_only(browser, base_url):
    """Tab through the form, Space picks a radio, Enter on Beräkna; focus lands on the answer."""
    context = new_context(browser)
    try:
        page = context.new_page()
        open_calculator(page, base_url)
        page.locator("body").focus()
        tab_to(page, "debt")
        page.keyboard.type("12 500")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.tagName") == "SUMMARY"  # itemised debt, closed
        page.keyboard.press("Tab")
        assert focused(page) == "rent"
        page.keyboard.type("7 450")
        page.keyboard.press("Tab")
        assert focused(page) == "plan_by-installment"
        page.keyboard.press("ArrowDown")  # arrow keys move within the radio group
        assert focused(page) == "plan_by-months"
        assert page.is_checked("#plan_by-months")
        page.keyboard.press("ArrowUp")
        page.keyboard.press("Space")
        assert page.is_checked("#plan_by-installment")
        page.keyboard.press("Tab")
        assert focused(page) == "installment"  # the revealed field comes next
        page.keyboard.type("1 500")
        tab_to(page, "household-adults-1")
        page.keyboard.press("Space")
        assert page.is_checked("#household-adults-1")
        tab_to(page, "household-net_income")
        page.keyboard.type("21 000")
        tab_to(page, "calculate")
        before = page.evaluate("window.__bokvarSent.length")
        page.keyboard.press("Enter")
        wait_for_answer(page, before)
        assert focused(page) == "result-heading"
        answer = engine_answer(page)
        assert answer["ok"], answer["errors"]
        assert answer["plan"]["months"] == 9
        assert schedule_cells(page) == expected_cells(answer)
        # The schedule's scroll region and the download links are reachable by keyboard too.
        tab_to(page, "print-agreement", limit=40)
    finally:
        context.close()


def test_press_before_ready_is_answered_when_ready(browser, base_url):
    """The form works at once: a request made while Pyodide loads is queued and answered."""
    context = new_context(browser)
    try:
        page = context.new_page()
        page.add_init_script(RECORD_REQUESTS)
        page.goto(f"{base_url}/kalkylator/", wait_until="domcontentloaded")
        page.fill("#debt", "3 000")
        page.fill("#rent", "6 000")
        page.check("#plan_by-months")
        page.fill("#months", "3")
        page.click("#calculate")
        assert page.get_attribute("#engine-status", "data-state") != "ready"
        expect(page.locator("#engine-status")).to_contain_text("Din beräkning görs när kalkylatorn är klar")
        expect(page.locator("#result")).to_be_visible(timeout=90_000)
        assert focused(page) == "result-heading"
        answer = engine_answer(page)
        assert schedule_cells(page) == expected_cells(answer)
        print(f"\n[timing] calculator ready {ready_ms(page):.0f} ms after navigation start")
    finally:
        context.close()


def test_start_month_default_comes_from_the_engine(browser, base_url):
    """On 31 December the form suggests February: January's rent was due on 30 December.

    A rule of its own in JavaScript suggested January here, and the untouched default then
    triggered the engine's start_passed warning.
    """
    context = new_context(browser)
    try:
        page = context.new_page()
        page.clock.set_fixed_time(datetime(2026, 12, 31, 12, 0))
        open_calculator(page, base_url)
        assert page.input_value("#start") == "2027-02"
        page.fill("#debt", "3 000")
        page.fill("#rent", "6 000")
        page.check("#plan_by-months")
        page.fill("#months", "3")
        before = page.evaluate("window.__bokvarSent.length")
        page.click("#calculate")
        wait_for_answer(page, before)
        assert engine_answer(page)["warnings"] == []
    finally:
        context.close()


def test_failed_load_can_be_retried(browser, base_url):
    """If the engine cannot load, the page says so; 'Försök igen' starts it again."""
    context = new_context(browser)
    try:
        context.route("**/*.whl", lambda route: route.abort(), times=1)
        page = context.new_page()
        open_calculator(page, base_url, wait=False)
        expect(page.locator("#engine-status")).to_have_attribute("data-state", "failed", timeout=90_000)
        expect(page.locator("#engine-status")).to_contain_text("Kalkylatorn kunde inte laddas")
        retry = page.locator("#engine-retry")
        expect(retry).to_be_visible()
        retry.click()
        wait_until_ready(page)
        expect(retry).to_be_hidden()
    finally:
        context.close()


def test_missing_standard_library_module_shows_the_retry_message(browser, base_url, site_dir):
    """A module the engine imports but the shipped standard library lacks fails visibly, not silently.

    The build's trace should make this impossible (tests/pyodide checks it); this proves that if
    it ever happens, the tenant gets the page's message and a retry, not a dead form.
    """
    shipped = (site_dir / "kalkylator" / "pyodide" / "bokvar-stdlib.zip").read_bytes()
    broken = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(shipped)) as source, zipfile.ZipFile(broken, "w") as target:
        names = source.namelist()
        assert "datetime.pyc" in names  # the engine imports it; Pyodide's start-up does not
        for name in names:
            if name != "datetime.pyc":
                target.writestr(source.getinfo(name), source.read(name))
    context = new_context(browser)
    try:
        context.route(
            "**/bokvar-stdlib.zip",
            lambda route: route.fulfill(
                status=200, body=broken.getvalue(), headers={"Content-Type": "application/zip"}
            ),
            times=1,
        )
        page = context.new_page()
        open_calculator(page, base_url, wait=False)
        expect(page.locator("#engine-status")).to_have_attribute("data-state", "failed", timeout=90_000)
        expect(page.locator("#engine-status")).to_contain_text("Kalkylatorn kunde inte laddas")
        page.locator("#engine-retry").click()
        wait_until_ready(page)
    finally:
        context.close()


# Per generator: the index file, what opens search, where the result count shows.
SEARCH_UI = {
    "mkdocs": (
        "search_index.json",
        ".md-search__input",
        ".md-search__input",
        ".md-search-result__meta",
        "sökresultat",
    ),
    # Zensical 0.0.73 draws its search in an open shadow root (CSS locators pierce it);
    # its panel texts are English whatever the site language.
    "zensical": (
        "search.json",
        ".md-search__button",
        "dialog[aria-modal] input",
        "dialog[aria-modal] [role=status]",
        "results",
    ),
}


def test_site_search_waits_until_wanted(browser, base_url, generator):
    """The theme's search index is not fetched while Pyodide loads, and search works on demand."""
    index, opener, field, count, words = SEARCH_UI[generator]
    context = new_context(browser)
    paths: list[str] = []
    context.on("request", lambda request: paths.append(request.url))
    try:
        page = context.new_page()
        open_calculator(page, base_url)
        page.wait_for_load_state("networkidle")
        assert not any(index in url for url in paths)
        page.click(opener)
        # Typed into the field itself: keys pressed while the dialog is still opening are lost.
        page.locator(field).press_sequentially("hyra")
        expect(page.locator(count)).to_contain_text(words, timeout=30_000)
        assert any(index in url for url in paths)
    finally:
        context.close()
