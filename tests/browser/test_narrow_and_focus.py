"""The calculator page at 320 px (WCAG 1.4.10), error links below the fixed header, visible
button focus on white, and the repayment plan's printable case sheet."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from browser_helpers import calculate_in_page, new_context, open_calculator, press_calculate, reset_form

PRINT_STUB = """
window.__bokvarPrinted = [];
window.print = () => window.__bokvarPrinted.push({
  printCase: document.documentElement.classList.contains('kalk-print-case'),
  sheet: document.getElementById('case-sheet').innerText,
});
"""
STATUTORY_PLAN = {
    "debt": "6 000",
    "rent": "9 200",
    "plan_by": "months",
    "months": "6",
    "start": "2024-12",
    "interest": "statutory",
    "household": {"adults": "2", "children_ages": "4, 12", "net_income": "31 000", "other_costs": "1 200"},
}


@pytest.fixture(scope="module")
def narrow(browser, base_url):
    context = new_context(browser, viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.add_init_script(PRINT_STUB)
    open_calculator(page, base_url)
    yield page
    context.close()


def scrolls_sideways(page: Page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth")


def test_the_plan_reflows_at_320_px(narrow: Page):
    """With a household and interest, the answer fits 320 px: only the schedule table's own
    region may scroll (a data table is the exception 1.4.10 allows), never the page."""
    calculate_in_page(narrow, STATUTORY_PLAN)
    assert narrow.is_visible("#result")
    assert not scrolls_sideways(narrow)
    for selector in ("#result-figures", "#result-affordability", "#result-warnings"):
        box = narrow.locator(selector).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 320, selector


def test_error_links_keep_the_label_below_the_header(narrow: Page):
    reset_form(narrow)
    press_calculate(narrow)
    links = narrow.locator("#error-summary-list a")
    assert links.count() >= 2
    for index in range(links.count()):
        narrow.locator("#error-summary-list a").nth(index).click()
        target = narrow.evaluate("document.activeElement.id")
        header = narrow.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
        top = narrow.evaluate(
            """(id) => {
                const group = document.getElementById(id).closest('.kalk-group');
                return group.querySelector('legend, label').getBoundingClientRect().top;
            }""",
            target,
        )
        assert top >= header, target
        narrow.evaluate("window.scrollTo(0, 0)")


def relative_luminance(rgb: str) -> float:
    values = [int(part) / 255 for part in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]]
    linear = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in values]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_button_focus_has_a_dark_ring_visible_on_white(narrow: Page):
    """Keyboard focus on a button draws a dark ring (≥ 3:1 against the white page) inside the
    yellow one, which alone is nearly invisible on white."""
    narrow.evaluate("window.scrollTo(0, 0)")
    narrow.focus("#alternatives > summary")  # the last control before the button
    narrow.keyboard.press("Tab")
    focused = narrow.evaluate("document.activeElement.id")
    assert focused == "calculate"
    style = narrow.evaluate(
        """() => { const s = getComputedStyle(document.activeElement);
                   return {shadow: s.boxShadow, outline: s.outlineStyle, background:
                   getComputedStyle(document.body).backgroundColor}; }"""
    )
    assert style["outline"] == "solid"
    ring = style["shadow"][: style["shadow"].index(")") + 1]
    white = relative_luminance(style["background"])
    dark = relative_luminance(ring)
    assert (white + 0.05) / (dark + 0.05) >= 3, style


def test_plan_case_sheet_records_inputs_rates_amounts_and_build(narrow: Page):
    answer = calculate_in_page(narrow, STATUTORY_PLAN)
    narrow.click("#print-case-sheet")
    printed = narrow.evaluate("window.__bokvarPrinted.at(-1)")
    assert printed["printCase"]
    sheet = printed["sheet"]
    assert narrow.evaluate("window.bokvarEngine.buildId") in sheet
    for rate in answer["plan"]["rates"]:
        assert rate["period_text"] in sheet and rate["source"] in sheet
        assert rate["rate_text"].replace("\u00a0", " ") in sheet.replace("\u00a0", " ")
    assert str(answer["affordability"]["year"]) in sheet and answer["affordability"]["source"] in sheet
    assert "Dröjsmålsränta enligt räntelagen" in sheet and "6 000" in sheet
    assert not narrow.evaluate("document.documentElement.classList.contains('kalk-print-case')")
