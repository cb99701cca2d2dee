"""What the benchmark measures: pages, selectors, the 120-month request, budgets.

Why one module: the numbers the README promises (budgets) and the way the page
signals readiness are decisions, and decisions belong in one place that a
reader can check against issue 5 without reading the harness.

>>> BUDGETS["answer_ms"]
100.0
"""

from __future__ import annotations

import datetime as _dt

from chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402,F401 - scripts/chromium.py: one place for both

# Paths inside the built site.
FLOOR_PAGE = "/bench/"
CALCULATOR_PAGE = "/kalkylator/"
GUIDE_PAGE = "/avbetalningsplan/"  # the guide page a calculator user arrives from
START_PAGE = "/"
PYODIDE_DIR = "kalkylator/pyodide"
PYODIDE_CORE = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")

# How a page tells the harness it is ready. A performance mark is preferred: it
# carries its own timestamp, so no observer latency enters the figure.
FLOOR_READY = {"marks": ["bokvar:floor-ready"], "selectors": ['#status[data-state="ready"]'], "text": None}
FLOOR_FAILED = {"selectors": ['#status[data-state="error"]']}
# The calculator page (docs/kalkylator/) sets both: #engine-status gets
# data-state="ready" and kalkylator.js marks "bokvar:calculator-ready" with the
# worker's own timings as detail (pyodide_ms, install_ms, ready_ms, worker_start_ms).
CALCULATOR_READY = {
    "marks": ["bokvar:calculator-ready"],
    "selectors": ['#engine-status[data-state="ready"]'],
    "text": None,
}
CALCULATOR_FAILED = {"selectors": ['#engine-status[data-state="failed"]']}

# "Form usable": Playwright types one digit into this field (it waits until the
# field is visible, enabled, editable and stable) and the page's own capturing
# input listener stamps performance.now(). The plain page's only form is
# Material's search box, which is the same kind of text input in the same header.
DEBT_INPUT = 'input[name="debt"]'
SEARCH_INPUT = 'input[name="query"]'
ERROR_SUMMARY = "#error-summary:not([hidden])"
PLAN_ROWS = 120

BUDGETS = {
    "ready_ratio": 1.15,  # calculator ready cold / Pyodide floor, median of paired ratios
    "form_ratio": 1.15,  # form usable / plain guide page usable, median of paired ratios
    "answer_ms": 100.0,  # click Beräkna -> 120-row table on screen, median
    "warm_ratio": 0.6,  # warm ready / cold ready, median of paired ratios
    "guide_total_bytes": 500_000,  # first view of a guide page, all bytes on the wire (kB = 1000 B)
    "calculator_extra_bytes": 150_000,  # calculator page beyond Pyodide core + wheel
}

THROTTLE = {"offline": False, "latency": 40, "downloadThroughput": 10_000_000 / 8, "uploadThroughput": 5_000_000 / 8}


def plan_request(today: _dt.date | None = None) -> dict:
    """The 120-month plan with interest and household that every engine timing uses.

    Start is next month so the engine adds no ``start_passed`` warning; like
    the page, it asks for the exports, so engine timings include building them.

    >>> plan_request(_dt.date(2026, 12, 5))["start"]
    '2027-01'
    """
    today = today or _dt.date.today()
    year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    return {
        "debt": "48 000",
        "rent": "6 850",
        "plan_by": "months",
        "months": "120",
        "start": f"{year:04d}-{month:02d}",
        "interest_rate": "8,5",
        "household": {"adults": 2, "children_ages": "4, 9", "net_income": "38 500", "other_costs": "2 000"},
        "today": today.isoformat(),
        "exports": True,  # the page always asks for the CSV and iCalendar files
    }
