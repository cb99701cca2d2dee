"""The deadline page (/kalkylator/frister/) answers like calculator.deadlines, GOV.UK style.

One page (one Pyodide start) serves most tests, as on the calculator page: each test
clears the form and types its own case. Offline and 320 px run in their own contexts.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page

from browser_helpers import ROOT, new_context, wait_until_ready
from calculator import deadlines

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FIELDS = ("due_date", "month", "served_date", "board_notified_date")
RECORD = """
(() => {
  const post = Worker.prototype.postMessage;
  window.__bokvarSent = [];
  window.__bokvarPrinted = [];
  window.print = () => window.__bokvarPrinted.push({
    printCase: document.documentElement.classList.contains('kalk-print-case'),
    sheet: document.getElementById('case-sheet').innerText,
  });
  Worker.prototype.postMessage = function (message, ...rest) {
    if (message && message.type === "calculate") window.__bokvarSent.push(message);
    return post.call(this, message, ...rest);
  };
})();
"""


def open_page(page: Page, base_url: str) -> None:
    page.add_init_script(RECORD)
    page.goto(f"{base_url}/kalkylator/frister/")
    wait_until_ready(page)


@pytest.fixture(scope="module")
def frister(browser, base_url):
    context = new_context(browser)
    page = context.new_page()
    open_page(page, base_url)
    yield page
    context.close()


def ask(page: Page, request: dict) -> dict:
    """Type ``request`` into the form, press the button, wait; return the engine's own answer."""
    for field in FIELDS:
        page.fill(f"#{field}", "")
        if request.get(field):
            page.locator(f"#{field}").press_sequentially(request[field])
    before = page.evaluate("window.__bokvarSent.length")
    page.click("#calculate")
    page.wait_for_function(
        """(n) => window.__bokvarSent.length > n && document.activeElement &&
            ['result-heading', 'error-summary'].includes(document.activeElement.id)""",
        arg=before,
    )
    sent = page.evaluate("window.__bokvarSent.at(-1)")
    assert sent["kind"] == "deadlines"
    return deadlines(json.loads(sent["request"]))


def test_every_worked_example_shows_the_engines_dates(frister: Page, deadline_examples):
    """Each date with its weekday text, sentence and rule, in order; warnings and errors word for word."""
    for example in deadline_examples:
        answer = ask(frister, example["request"])
        if answer["ok"]:
            items = frister.eval_on_selector_all(
                "#result-timeline li",
                "lis => lis.map(li => [...li.querySelectorAll('p')].map(p => p.textContent))",
            )
            assert items == [[e["date_text"], e["text"], e["rule"]] for e in answer["deadlines"]], example[
                "name"
            ]
            for entry in example["expect"].get("deadlines", []):
                assert entry["date"] in [e["date"] for e in answer["deadlines"]]
            warnings = frister.eval_on_selector_all(
                "#result-warnings li", "lis => lis.map(li => li.textContent)"
            )
            assert warnings == [w["message"] for w in answer["warnings"]]
            assert (
                frister.text_content("#result-checked") == f"Lagtexten kontrollerad {answer['law_checked']}."
            )
        else:
            shown = frister.eval_on_selector_all(
                "#error-summary-list li", "lis => lis.map(li => li.textContent)"
            )
            assert shown == [e["message"] for e in answer["errors"]], example["name"]


def test_errors_follow_the_govuk_pattern(frister: Page):
    """Summary takes focus and links to the field; the same words inline; the input is kept."""
    answer = ask(frister, {"served_date": "18 januari", "board_notified_date": "2027-01-20"})
    message = answer["errors"][0]["message"]
    assert frister.evaluate("document.activeElement.id") == "error-summary"
    assert frister.title().startswith("Fel: ")
    link = frister.locator("#error-summary-list a")
    assert link.get_attribute("href") == "#served_date" and link.text_content() == message
    inline = frister.locator("[data-field=served_date] .kalk-error-message")
    assert inline.text_content().strip() == f"Fel: {message}"
    assert frister.get_attribute("#served_date", "aria-invalid") == "true"
    assert inline.get_attribute("id") in frister.get_attribute("#served_date", "aria-describedby")
    assert frister.input_value("#served_date") == "18 januari"
    link.click()
    assert frister.evaluate("document.activeElement.id") == "served_date"
    header = frister.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    label = frister.evaluate("document.querySelector('label[for=served_date]').getBoundingClientRect().top")
    assert label >= header, "the label is not hidden under the fixed header"


def test_calendar_file_holds_every_date(frister: Page):
    answer = ask(
        frister, {"month": "2027-01", "served_date": "2027-01-18", "board_notified_date": "2027-01-20"}
    )
    with frister.expect_download() as download:
        frister.click("#result-downloads a[download$='.ics']")
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert text.count("BEGIN:VEVENT") == len(answer["deadlines"]) == 4
    starts = re.findall(r"DTSTART;VALUE=DATE:(\d{8})", text)
    assert starts == [e["date"].replace("-", "") for e in answer["deadlines"]]


def test_case_sheet_records_inputs_rules_build_and_law_date(frister: Page):
    answer = ask(
        frister, {"due_date": "2026-12-30", "served_date": "2027-01-18", "board_notified_date": "2027-01-20"}
    )
    frister.fill("#case-reference", "Dnr 2027-17")
    frister.click("#print-case-sheet")
    printed = frister.evaluate("window.__bokvarPrinted.at(-1)")
    assert printed["printCase"], "the case sheet, not the screen, is what prints"
    sheet = printed["sheet"]
    build_id = frister.evaluate("window.bokvarEngine.buildId")
    assert build_id and build_id in sheet
    assert f"Lagtexten kontrollerad {answer['law_checked']}" in sheet
    assert "Dnr 2027-17" in sheet and "2027-01-18" in sheet
    for entry in answer["deadlines"]:
        assert entry["date_text"] in sheet and entry["rule"] in sheet
    assert "Dnr" not in frister.evaluate("JSON.stringify(window.__bokvarSent)")


def run_axe(page: Page) -> list[dict]:
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    violations = page.evaluate(
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}}).then(r => r.violations)",
        WCAG_TAGS,
    )
    return [{"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:5]} for v in violations]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_in_every_state_at_320_px(browser, base_url, scheme):
    """Empty, error and answer states pass axe, and nothing scrolls sideways at 320 px."""
    context = new_context(browser, color_scheme=scheme, viewport={"width": 320, "height": 640})
    try:
        page = context.new_page()
        open_page(page, base_url)
        assert run_axe(page) == [], "empty state"
        ask(page, {})
        assert page.is_visible("#error-summary")
        assert run_axe(page) == [], "error state"
        ask(page, {"month": "2027-01", "served_date": "2027-01-18"})
        ask(page, {"month": "2027-01", "served_date": "2027-01-18", "board_notified_date": "2027-01-20"})
        assert page.is_visible("#result")
        assert run_axe(page) == [], "answer state"
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
    finally:
        context.close()


def test_works_offline_after_one_visit(browser, base_url):
    """The service worker keeps this page too: offline, the page loads and answers."""
    context = new_context(browser)
    try:
        page = context.new_page()
        open_page(page, base_url)
        page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=60_000)
        context.set_offline(True)
        assert page.evaluate("fetch('../../lagen/').then(() => 'online', () => 'offline')") == "offline"
        page.reload()
        wait_until_ready(page)
        answer = ask(page, {"due_date": "2026-12-30"})
        assert page.locator("#result-timeline li").count() == len(answer["deadlines"]) == 2
    finally:
        context.close()
