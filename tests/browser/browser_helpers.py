"""Shared steps of the browser tests: open the calculator, type a request, read the answer.

Kept out of conftest so tests import plain functions: the steps read like what a
person does (type into the form, press Beräkna) and what they see (the table).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, Page, expect

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from calculator import calculate  # noqa: E402  (the engine itself, from the source tree)

sys.path.insert(0, str(ROOT / "scripts"))
from chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402,F401  (re-exported to conftest)

ENGINE_TIMEOUT_MS = 90_000
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SCHEDULE_KEYS = (
    "month_text",
    "due_date_text",
    "rent_text",
    "installment_text",
    "interest_text",
    "payment_text",
    "balance_text",
)
SCHEDULE_HEADERS = ["Månad", "Betala senast", "Hyra", "Avbetalning", "Ränta", "Att betala", "Kvar av skulden"]
NOT_TYPED = {"today", "exports"}

# Records every request the page hands to the engine, without touching the page's code.
RECORD_REQUESTS = """
(() => {
  const post = Worker.prototype.postMessage;
  window.__bokvarSent = [];
  Worker.prototype.postMessage = function (message, ...rest) {
    if (message && message.type === "calculate") window.__bokvarSent.push(message.request);
    return post.call(this, message, ...rest);
  };
})();
"""


def new_context(browser: Browser, **options) -> BrowserContext:
    """A fresh context like a Swedish user's browser, downloads allowed."""
    options = {"locale": "sv-SE", "timezone_id": "Europe/Stockholm", "accept_downloads": True, **options}
    return browser.new_context(**options)


def open_calculator(page: Page, base_url: str, *, wait: bool = True) -> None:
    page.add_init_script(RECORD_REQUESTS)
    page.goto(f"{base_url}/kalkylator/")
    if wait:
        wait_until_ready(page)


def wait_until_ready(page: Page) -> None:
    expect(page.locator("#engine-status")).to_have_attribute("data-state", "ready", timeout=ENGINE_TIMEOUT_MS)


def ready_ms(page: Page) -> float:
    """Navigation start → the worker reported the engine loaded, in ms."""
    return page.evaluate("performance.getEntriesByName('bokvar:calculator-ready')[0].startTime")


def flatten(request: dict, prefix: str = "") -> dict[str, object]:
    """{"household": {"adults": 2}} → {"household.adults": 2}, as the form's field names are;
    a list of rows (alternatives) → "alternatives.0.months"."""
    flat: dict[str, object] = {}
    for key, value in request.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, f"{name}."))
        elif isinstance(value, list) and value and all(isinstance(row, dict) for row in value):
            for index, row in enumerate(value):
                flat.update(flatten(row, f"{name}.{index}."))
        else:
            flat[name] = value
    return flat


def as_typed(value: object) -> str:
    """What a person types for a request value (JSON numbers as their shortest text)."""
    if isinstance(value, bool) or value is None:
        raise ValueError(f"{value!r} cannot be typed into the form")
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, float):
        return repr(value)
    return str(value)


def typeable(request: dict) -> bool:
    """Can the form express this request? (A radio choice is needed between installment and months.)"""
    flat = flatten(request)
    if (
        "plan_by" not in flat
        and flat.get("installment") not in (None, "")
        and flat.get("months") not in (None, "")
    ):
        return False
    try:
        for name, value in flat.items():
            if name not in NOT_TYPED:
                as_typed(value)
    except ValueError:
        return False
    return True


def reset_form(page: Page) -> None:
    page.evaluate(
        """() => {
        const form = document.getElementById('kalk-form');
        form.reset();
        for (const d of form.querySelectorAll('details')) d.open = false;
        form.dispatchEvent(new Event('change'));
        for (const r of form.querySelectorAll('[aria-controls]')) {
            document.getElementById(r.getAttribute('aria-controls')).hidden = true;
        }
    }"""
    )


def fill_form(page: Page, request: dict) -> None:
    """Type a request into the form the way a person would."""
    flat = {k: v for k, v in flatten(request).items() if k not in NOT_TYPED}
    choice = flat.pop("plan_by", None)
    if choice is None:
        if flat.get("installment") not in (None, ""):
            choice = "installment"
        elif flat.get("months") not in (None, ""):
            choice = "months"
    if choice in ("installment", "months"):
        page.check(f"#plan_by-{choice}")
    interest = flat.pop("interest", None)
    if interest in (None, "") and flat.get("interest_rate") not in (None, ""):
        interest = "rate"
    if interest not in (None, ""):
        page.check(f"#interest-{interest}")
    for name, value in flat.items():
        field_id = name.replace(".", "-")
        if name == "household.adults":
            if value not in (None, ""):
                page.check(f"#household-adults-{value}")
            continue
        if name == "household.pensioner":
            if value in (True, "true", "on", "ja", "1"):
                page.check("#household-pensioner")
            continue
        if name.startswith("alternatives.") and name.endswith(".plan_by"):
            continue  # the form infers it from which of the two fields is filled
        if name == "amounts_year":
            if value not in (None, ""):
                page.select_option("#amounts_year", str(value))
            continue
        locator = page.locator(f"#{field_id}")
        details = page.locator(f"details:has(#{field_id})")
        if details.count() and not details.evaluate("d => d.open"):
            details.locator("summary").click()
        if name in ("installment", "months") and choice != name:
            continue  # hidden by the radio choice, so a person would not type it
        if name == "interest_rate" and interest != "rate":
            continue
        locator.fill("")
        locator.press_sequentially(as_typed(value))


def submit(page: Page) -> None:
    page.click("#calculate")


def last_sent(page: Page) -> dict:
    """The last request the page sent to the engine, parsed."""
    sent = page.evaluate("window.__bokvarSent")
    assert sent, "the page sent no request to the engine"
    return json.loads(sent[-1])


def engine_answer(page: Page) -> dict:
    """CPython's answer to exactly the request the page sent."""
    return calculate(last_sent(page))


def schedule_cells(page: Page) -> list[list[str]]:
    return page.eval_on_selector_all(
        "#result-schedule tbody tr", "rows => rows.map(r => [...r.cells].map(c => c.textContent))"
    )


def expected_cells(answer: dict) -> list[list[str]]:
    return [[str(row[key]) for key in SCHEDULE_KEYS] for row in answer["plan"]["rows"]]


def wait_for_answer(page: Page, count_before: int) -> None:
    """Wait until the engine answered a new request: focus lands on the result or the errors."""
    page.wait_for_function(
        """(n) => window.__bokvarSent.length > n && document.activeElement &&
            ['result-heading', 'error-summary'].includes(document.activeElement.id)""",
        arg=count_before,
        timeout=ENGINE_TIMEOUT_MS,
    )


def press_calculate(page: Page) -> None:
    """Press Beräkna and wait for the answer."""
    before = page.evaluate("window.__bokvarSent.length")
    page.evaluate("document.activeElement && document.activeElement.blur()")
    submit(page)
    wait_for_answer(page, before)


def calculate_in_page(page: Page, request: dict) -> dict:
    """Fill, press Beräkna, wait; return CPython's answer to what the page sent."""
    reset_form(page)
    fill_form(page, request)
    press_calculate(page)
    return engine_answer(page)


def run_axe(page: Page) -> list[dict]:
    """WCAG 2.0/2.1 A+AA violations, once the theme's fades have ended (axe would see them half-drawn)."""
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated, not added as a <script>: the page's Content-Security-Policy
        # (rightly) refuses an inline script it has no hash for.
        page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}}).then(r => r.violations)",
        WCAG_TAGS,
    )
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]} for v in result
    ]
