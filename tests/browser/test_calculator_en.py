"""The English calculator (/en/calculator/) in Chromium: the same engine and worker as the
Swedish page, the same plan for the same figures, and every text in English.

Each test opens the page, types like a person and compares what is shown with CPython's
answer to exactly the request the page sent (``lang: "en"``), and that answer's numbers with
the Swedish answer's: the plan must not depend on the language.
"""

from __future__ import annotations

import re

from playwright.sync_api import Page

from browser_helpers import (
    RECORD_REQUESTS,
    calculate_in_page,
    expected_cells,
    last_sent,
    new_context,
    open_calculator,
    press_calculate,
    reset_form,
    run_axe,
    schedule_cells,
    wait_until_ready,
)
from calculator import calculate

REQUEST = {
    "debt": "12,500",
    "rent": "7 450",
    "plan_by": "months",
    "months": "10",
    "start": "2027-01",
    "interest_rate": "10.5",
    "household": {"adults": "2", "children_ages": "4, 12", "net_income": "30,000", "other_costs": "1,200"},
}
# What the Swedish page is given for the same figures, typed the Swedish way.
SWEDISH_REQUEST = dict(
    REQUEST,
    debt="12 500",
    interest_rate="10,5",
    household=dict(REQUEST["household"], net_income="30 000", other_costs="1 200"),
)
TEXT_KEYS = ("message", "summary", "label", "verdict", "name", "why", "url_text", "documents", "source")


def numbers_only(value: object) -> object:
    if isinstance(value, dict):
        return {
            key: numbers_only(item)
            for key, item in value.items()
            if key not in TEXT_KEYS + ("exports", "agreement") and not key.endswith("_text")
        }
    if isinstance(value, list):
        return [numbers_only(item) for item in value]
    return value


def open_english(page: Page, base_url: str) -> None:
    page.add_init_script(RECORD_REQUESTS)
    page.goto(f"{base_url}/en/calculator/")
    wait_until_ready(page)


def test_same_plan_as_the_swedish_page_in_english_words(browser, base_url):
    context = new_context(browser, locale="en-GB")
    try:
        page = context.new_page()
        open_english(page, base_url)
        assert page.get_attribute("html", "lang") == "en"
        assert page.text_content("#engine-status") == "The calculator is ready to use."
        english = calculate_in_page(page, REQUEST)
        sent = last_sent(page)
        assert sent["lang"] == "en"
        assert english["ok"], english["errors"]
        assert schedule_cells(page) == expected_cells(english)
        headers = page.eval_on_selector_all(
            "#result-schedule thead th", "ths => ths.map(th => th.textContent)"
        )
        assert headers == ["Month", "Pay by", "Rent", "Instalment", "Interest", "To pay", "Debt left"]
        summary = page.text_content("#result-summary")
        assert summary == english["summary"] and summary.startswith("Your first payment is SEK")
        assert "Pay it by " in summary
        assert page.text_content("#result-affordability h3") == "Is there enough money?"
        assert english["affordability"]["verdict"] in page.text_content("#result-affordability")
        assert "null" not in page.text_content("#result-affordability")
        links = page.eval_on_selector_all("#result-downloads a", "as => as.map(a => a.download)")
        assert links == ["repayment-plan-2027-01.csv", "repayment-plan-2027-01.ics"]

        swedish_page = context.new_page()
        open_calculator(swedish_page, base_url)
        swedish = calculate_in_page(swedish_page, SWEDISH_REQUEST)
        assert "lang" not in last_sent(swedish_page)
        assert swedish["ok"]
        assert schedule_cells(swedish_page) == expected_cells(swedish)
        assert numbers_only(english) == numbers_only(swedish)
        # "12,500" is English for twelve thousand five hundred; Swedish reads three decimals.
        assert calculate({**sent, "lang": "sv"})["errors"][0]["code"] == "too_many_decimals"
    finally:
        context.close()


def test_bad_input_gives_english_messages_next_to_the_fields(page: Page, base_url):
    open_english(page, base_url)
    reset_form(page)
    page.fill("#debt", "twelve thousand")
    page.fill("#rent", "-500")
    page.check("#plan_by-months")
    page.fill("#months", "0")
    press_calculate(page)
    answer = calculate(last_sent(page))
    assert not answer["ok"]
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert page.text_content("#error-summary-title") == "There is a problem"
    assert page.title().startswith("Error: ")
    debt_error = next(error for error in answer["errors"] if error["field"] == "debt")
    assert debt_error["message"] == "Enter the debt in numbers, for example 12,500"
    inline = page.locator("[data-field='debt'] .kalk-error-message")
    assert inline.text_content() == f"Error: {debt_error['message']}"
    assert page.get_attribute("#debt", "aria-invalid") == "true"
    shown = page.eval_on_selector_all("#error-summary-list li", "lis => lis.map(li => li.textContent)")
    assert shown == [error["message"] for error in answer["errors"]]
    for text in shown:
        assert not re.search(r"\b(Fyll|Skriv|Välj)\b", text), text


def test_axe_on_the_answer_and_the_errors(page: Page, base_url):
    open_english(page, base_url)
    calculate_in_page(page, REQUEST)
    assert run_axe(page) == []
    reset_form(page)
    page.fill("#debt", "x")
    press_calculate(page)
    assert page.is_visible("#error-summary")
    assert run_axe(page) == []


def test_english_page_works_offline_after_one_visit(browser, base_url):
    context = new_context(browser, locale="en-GB")
    try:
        page = context.new_page()
        open_english(page, base_url)
        page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=60_000)
        assert page.evaluate("navigator.serviceWorker.controller.scriptURL").endswith("/en/calculator/sw.js")
        # The engine's worker is served by kalkylator/sw.js, which the page registers as well.
        page.wait_for_function(
            """() => navigator.serviceWorker.getRegistrations().then((all) =>
                all.length === 2 && all.every((r) => r.active && r.active.state === "activated"))""",
            timeout=60_000,
        )
        context.set_offline(True)
        assert page.evaluate("fetch('../../lagen/').then(() => 'online', () => 'offline')") == "offline"
        page.reload()
        wait_until_ready(page)
        answer = calculate_in_page(page, REQUEST)
        assert schedule_cells(page) == expected_cells(answer)
    finally:
        context.close()
