"""The calculator page answers exactly like the engine, shows errors the GOV.UK way, exports and prints.

One page (one Pyodide start) serves every test in this module: each test resets
the form and types its own request, as a person would between two households.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import datetime
from pathlib import Path

import pytest
from playwright.sync_api import Page

from browser_helpers import (
    ROOT,
    SCHEDULE_HEADERS,
    calculate_in_page,
    engine_answer,
    expected_cells,
    new_context,
    open_calculator,
    press_calculate,
    reset_form,
    run_axe,
    schedule_cells,
    typeable,
)
from calculator import calculate


@pytest.fixture(scope="module")
def calc(browser, base_url):
    context = new_context(browser)
    page = context.new_page()
    page.add_init_script(
        "window.print = () => { window.__bokvarPrinted = (window.__bokvarPrinted || 0) + 1; };"
    )
    open_calculator(page, base_url)
    yield page
    context.close()


def ok_example(examples: list[dict]) -> dict:
    """A worked example with a plan, interest and a household if there is one."""

    def score(example):
        request = example["request"]
        return (bool(request.get("household")), bool(request.get("interest_rate")), len(str(request)))

    candidates = [e for e in examples if typeable(e["request"]) and calculate_request_ok(e["request"])]
    assert candidates, "no worked example with a plan"
    return max(candidates, key=score)


def calculate_request_ok(request: dict) -> bool:
    return calculate(request)["ok"]


def visible_text(page: Page, selector: str) -> str:
    return page.locator(selector).inner_text()


COMPARED_KEYS = ("ok", "errors", "warnings", "summary", "plan", "affordability", "alternatives")


def test_every_worked_example_matches_the_engine(calc: Page, examples: list[dict]):
    """Typed into the form, each worked example gives the engine's own answer, table cell by cell.

    The browser's clock is set to the example's `today`, so the page's request
    (which always carries the local date) means exactly what the example means.
    """
    checked = 0
    for example in examples:
        if not typeable(example["request"]):
            continue
        if "today" in example["request"]:
            calc.clock.set_fixed_time(datetime.fromisoformat(example["request"]["today"] + "T12:00:00"))
        answer = calculate_in_page(calc, example["request"])
        direct = calculate(example["request"])
        for key in COMPARED_KEYS:
            assert answer[key] == direct[key], (example["name"], key)
        if answer["ok"]:
            headers = calc.eval_on_selector_all(
                "#result-schedule thead th", "ths => ths.map(th => th.textContent)"
            )
            assert headers == SCHEDULE_HEADERS
            assert schedule_cells(calc) == expected_cells(answer), example["name"]
            assert calc.eval_on_selector_all("#result-schedule tbody", "b => b.length") == 1
            assert visible_text(calc, "#result-summary").strip() == answer["summary"].strip()
            shown_warnings = calc.eval_on_selector_all(
                "#result-warnings li", "lis => lis.map(li => li.textContent)"
            )
            assert shown_warnings == [w["message"] for w in answer["warnings"]], example["name"]
            if answer["affordability"]:
                verdict = calc.locator("#result-affordability .kalk-verdict").text_content()
                assert verdict == answer["affordability"]["verdict"]
                budget = answer["affordability"]
                captions = calc.eval_on_selector_all(
                    "#result-affordability caption", "cs => cs.map(c => c.textContent)"
                )
                assert str(budget["year"]) in captions[0] and budget["source"] in captions[0]
                for caption, norm in zip(captions[1:], budget["norms"], strict=True):
                    assert f"{norm['year']} års belopp" in caption and norm["source"] in caption
                amounts = calc.eval_on_selector_all(
                    "#result-affordability table",
                    "ts => ts.map(t => [...t.tBodies[0].rows].map(r => r.cells[1].textContent))",
                )
                for cells, norm in zip(amounts[1:], budget["norms"], strict=True):
                    assert cells == [i["amount_text"] for i in norm["items"]] + [
                        norm["need_text"],
                        budget["income_text"],
                        norm["surplus_text"],
                    ]
                contacts = calc.eval_on_selector_all(
                    "#result-affordability .kalk-contacts a", "as => as.map(a => a.href)"
                )
                assert contacts == [c["url"] for c in budget["contacts"]]
            compared = calc.eval_on_selector_all(
                "#result-alternatives tbody tr", "rows => rows.map(r => [...r.cells].map(c => c.textContent))"
            )
            if len(answer["alternatives"]) > 1:
                assert compared == [
                    [
                        row["label"],
                        str(row["months"]),
                        row["installment_text"],
                        row["interest_text"],
                        row["total_text"],
                        row["last_due_date_text"],
                        row["band_text"] + (". Rekommenderas" if row["recommended"] else ""),
                    ]
                    for row in answer["alternatives"]
                ], example["name"]
            else:
                assert compared == []
            assert calc.evaluate("document.activeElement.id") == "result-heading"
        else:
            shown = calc.eval_on_selector_all(
                "#error-summary-list li", "lis => lis.map(li => li.textContent)"
            )
            assert shown == [e["message"] for e in answer["errors"]], example["name"]
        checked += 1
    assert checked == len(examples), "every worked example can be typed into the form"


def test_bad_input_shows_summary_and_inline_errors(calc: Page):
    """GOV.UK pattern: summary takes focus, links to each field, same words inline, input kept."""
    reset_form(calc)
    calc.fill("#debt", "tolv tusen")
    calc.fill("#rent", "-500")
    calc.check("#plan_by-months")
    calc.fill("#months", "0")
    press_calculate(calc)
    answer = engine_answer(calc)
    assert not answer["ok"]
    fields = {error["field"] for error in answer["errors"]}
    assert {"debt", "rent", "months"} <= fields

    assert calc.evaluate("document.activeElement.id") == "error-summary"
    assert calc.title().startswith("Fel: ")
    assert calc.get_attribute("#error-summary", "role") == "alert"
    links = calc.eval_on_selector_all(
        "#error-summary-list a", "as => as.map(a => [a.getAttribute('href'), a.textContent])"
    )
    for error in answer["errors"]:
        field_id = error["field"].replace(".", "-")
        assert [f"#{field_id}", error["message"]] in links
        inline = calc.locator(f"[data-field='{error['field']}'] .kalk-error-message")
        assert inline.count() == 1
        assert inline.text_content() == f"Fel: {error['message']}"
        assert (
            calc.locator(
                f"[data-field='{error['field']}'] .kalk-error-message .kalk-visually-hidden"
            ).text_content()
            == "Fel:"
        )
        described = calc.get_attribute(f"#{field_id}", "aria-describedby").split()
        assert f"{field_id}-hint" in described
        error_id = inline.get_attribute("id")
        assert error_id in described
        assert calc.get_attribute(f"#{field_id}", "aria-invalid") == "true"
    assert calc.input_value("#debt") == "tolv tusen"
    assert calc.input_value("#rent") == "-500"
    assert calc.is_hidden("#result")

    # Following a summary link puts the cursor in that field.
    calc.click("#error-summary-list a[href='#rent']")
    assert calc.evaluate("document.activeElement.id") == "rent"

    # Fixing everything clears the errors and the title.
    calc.fill("#debt", "12 500")
    calc.fill("#rent", "7 450")
    calc.fill("#months", "6")
    calc.fill("#start", "2027-01")
    press_calculate(calc)
    assert calc.is_hidden("#error-summary")
    assert calc.locator(".kalk-error-message").count() == 0
    assert not calc.title().startswith("Fel: ")
    assert calc.locator("[aria-invalid]").count() == 0
    assert calc.locator("[aria-describedby*='error-']").count() == 0


def test_downloads_parse(calc: Page, examples: list[dict]):
    """CSV (BOM, `;`) has one line per month; the iCalendar file has one VEVENT per due date."""
    example = ok_example(examples)
    answer = calculate_in_page(calc, example["request"])
    rows = answer["plan"]["rows"]
    with calc.expect_download() as csv_info:
        calc.click("#result-downloads a[download$='.csv']")
    download = csv_info.value
    assert download.suggested_filename == answer["exports"]["csv_filename"]
    raw = Path(download.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert len(table[0]) == 7 and table[0][0] == "Månad"
    dates = [cell for line in table[1:] for cell in line if re.fullmatch(r"\d{4}-\d{2}-\d{2}", cell)]
    assert dates == [row["due_date"] for row in rows]
    assert all(len(line) == len(table[0]) for line in table if line)
    assert raw.decode("utf-8-sig") == answer["exports"]["csv"].removeprefix("\ufeff")

    with calc.expect_download() as ics_info:
        calc.click("#result-downloads a[download$='.ics']")
    download = ics_info.value
    assert download.suggested_filename == answer["exports"]["ics_filename"]
    text = Path(download.path()).read_text(encoding="utf-8")
    assert text.count("BEGIN:VEVENT") == len(rows) == text.count("END:VEVENT")
    assert text.lstrip().startswith("BEGIN:VCALENDAR") and text.rstrip().endswith("END:VCALENDAR")
    for row in rows:
        assert row["due_date"].replace("-", "") in text


AGREEMENT_SOURCE = ROOT / "includes" / "avbetalningsavtal.md"


def agreement_clause_headings() -> list[str]:
    """The clause headings of the one agreement source, as printed ("1. Parter", …)."""
    headings = []
    for line in AGREEMENT_SOURCE.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^##\s+(.*?)\s*(\{[^}]*\})?\s*$", line)
        if match:
            headings.append(match.group(1))
    assert len(headings) >= 8, "the agreement source lost its clauses"
    return headings


def test_print_view_is_an_agreement(calc: Page, examples: list[dict]):
    """'Skriv ut avtal' prints only the agreement: the template's clauses filled by the engine."""
    example = ok_example(examples)
    answer = calculate_in_page(calc, example["request"])
    calc.fill("#agreement-tenant", "Testperson Hyresgäst")
    calc.fill("#agreement-personnummer", "19800101-1234")
    calc.fill("#agreement-contract", "K-4711")
    calc.fill("#agreement-reference", "Plan 4711")
    calc.click("#print-agreement")
    calc.wait_for_function("() => window.__bokvarPrinted >= 1")  # a function: CSP forbids eval of a string
    calc.emulate_media(media="print")
    try:
        assert calc.is_visible("#agreement")
        assert calc.is_hidden("#kalk-form")
        assert calc.is_hidden("#result")
        text = calc.locator("#agreement").inner_text()
        assert "Avtal om avbetalningsplan" in text
        for heading in agreement_clause_headings():
            assert heading in text, f"clause {heading!r} missing from the print view"
        for typed in ("Testperson Hyresgäst", "19800101-1234", "K-4711", "Plan 4711"):
            assert typed in text
        assert answer["plan"]["debt_text"] in text
        assert answer["plan"]["first_due_date_text"] in text and answer["plan"]["last_due_date_text"] in text
        assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", text), "ISO date in the printed agreement"
        assert "hela den skuld som är kvar betalas direkt" not in text
        assert calc.locator("#agreement [data-slot-table] tbody tr").count() == len(answer["plan"]["rows"])
        assert calc.locator("#agreement .admonition").count() == 0, "web-only box in the printout"
        pdf = calc.pdf(format="A4")
        assert pdf.startswith(b"%PDF")
    finally:
        calc.emulate_media(media="screen")
    # The party fields reach the in-browser engine only in the request made for printing.
    sent = [json.loads(text) for text in calc.evaluate("window.__bokvarSent")]
    assert sent[-1].get("agreement_tenant") == "Testperson Hyresgäst"
    assert not any("Testperson" in str(request) for request in sent[:-1])


def test_axe_finds_no_wcag_violations(calc: Page, examples: list[dict]):
    """Empty, error and result states of the page pass axe-core's WCAG 2.0/2.1 A and AA rules."""
    reset_form(calc)
    calc.evaluate(
        "document.getElementById('result').hidden = true;"
        " document.getElementById('error-summary').hidden = true"
    )
    assert run_axe(calc) == [], "empty state"
    reset_form(calc)
    press_calculate(calc)
    assert calc.is_visible("#error-summary")
    assert run_axe(calc) == [], "error state"
    calculate_in_page(calc, ok_example(examples)["request"])
    assert calc.is_visible("#result")
    assert run_axe(calc) == [], "result state"


def test_axe_dark_scheme(browser, base_url, examples: list[dict]):
    """Material's dark scheme keeps the contrast of errors, hints and the result."""
    context = new_context(browser, color_scheme="dark")
    try:
        page = context.new_page()
        open_calculator(page, base_url)
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        press_calculate(page)
        assert run_axe(page) == [], "dark error state"
        calculate_in_page(page, ok_example(examples)["request"])
        assert run_axe(page) == [], "dark result state"
    finally:
        context.close()


def _example(examples: list[dict], name: str) -> dict:
    return next(example for example in examples if example["name"] == name)


def test_below_the_norm_the_agreement_waits_for_socialtjansten(calc: Page, examples: list[dict]):
    """Below a norm the page says to contact socialtjänsten first, and the agreement prints only
    after the box saying socialtjänsten has gone through the case is ticked."""
    example = _example(examples, "ensamstaende-foralder-under-riksnormen")
    calc.clock.set_fixed_time(datetime.fromisoformat(example["request"]["today"] + "T12:00:00"))
    answer = calculate_in_page(calc, example["request"])
    assert answer["affordability"]["contact_first"]
    assert calc.is_visible("#result-affordability .kalk-contact-first")
    assert calc.is_visible("#agreement-confirm-group") and not calc.is_checked("#agreement-confirm")
    printed = calc.evaluate("window.__bokvarPrinted || 0")
    calc.click("#print-agreement")
    assert calc.evaluate("window.__bokvarPrinted || 0") == printed
    assert calc.locator("#agreement-confirm-group .kalk-error-message").is_visible()
    assert calc.evaluate("document.activeElement.id") == "agreement-confirm"
    assert run_axe(calc) == [], "below the norm, confirmation missing"
    calc.check("#agreement-confirm")
    assert calc.locator("#agreement-confirm-group .kalk-error-message").count() == 0
    calc.click("#print-agreement")
    calc.wait_for_function("(n) => (window.__bokvarPrinted || 0) === n + 1", arg=printed)
    # A household within the margin is not asked.
    calculate_in_page(calc, _example(examples, "sambor-med-tva-barn")["request"])
    assert calc.is_hidden("#agreement-confirm-group")


def test_budget_sheet_prints_for_the_household(calc: Page, examples: list[dict]):
    """'Skriv ut budget' prints the household's sheet: income, costs, both norms with year and
    source, the surplus, the recommended plan and whom to contact."""
    example = _example(examples, "hundra-kronor-i-manaden")
    calc.clock.set_fixed_time(datetime.fromisoformat(example["request"]["today"] + "T12:00:00"))
    answer = calculate_in_page(calc, example["request"])
    assert run_axe(calc) == [], "result with plans side by side"
    printed = calc.evaluate("window.__bokvarPrinted || 0")
    calc.click("#print-budget")
    assert calc.evaluate("window.__bokvarPrinted || 0") == printed + 1
    calc.evaluate("document.documentElement.classList.add('kalk-print-budget')")
    calc.emulate_media(media="print")
    try:
        assert calc.is_visible("#budget-sheet") and calc.is_hidden("#agreement")
        assert calc.is_hidden("#kalk-form") and calc.is_hidden("#result")
        text = calc.locator("#budget-sheet").inner_text()
        budget = answer["affordability"]
        for norm in budget["norms"]:
            assert f"{norm['year']} års belopp" in text and norm["source"] in text
            assert norm["surplus_text"] in text
        recommended = next(row for row in answer["alternatives"] if row["recommended"])
        assert f"{recommended['label']}: {recommended['installment_text']}" in text
        assert all(contact["name"] in text for contact in budget["contacts"])
    finally:
        calc.emulate_media(media="screen")
        calc.evaluate("document.documentElement.classList.remove('kalk-print-budget')")


def test_comparison_table_reflows_at_320_px(calc: Page, examples: list[dict]):
    """At 320 CSS px the plans side by side need no sideways scrolling."""
    example = _example(examples, "hundra-kronor-i-manaden")
    calc.clock.set_fixed_time(datetime.fromisoformat(example["request"]["today"] + "T12:00:00"))
    size = calc.viewport_size
    calc.set_viewport_size({"width": 320, "height": 800})
    try:
        calculate_in_page(calc, example["request"])
        widths = calc.evaluate(
            "() => { const t = document.querySelector('#result-alternatives table');"
            " return [t.scrollWidth, t.parentElement.clientWidth]; }"
        )
        assert widths[0] <= widths[1]
    finally:
        calc.set_viewport_size(size)
