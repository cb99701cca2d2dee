"""The engine's staged start: boot.js starts the worker, each file is fetched once, in order.

docs/kalkylator/boot.js starts the worker at the top of <head>; docs/kalkylator/worker.mjs
reads the snapshot on "init", downloads on "download" (page parsed) and starts Python on
"go" (page loaded), handing Pyodide the downloads already under way. If that
hand-over broke (say a Pyodide upgrade fetched by another URL), every file would come
twice: the page would still work, and only the bytes budget of scripts/bench would notice.
"""

from __future__ import annotations

from collections import Counter

from playwright.sync_api import expect

from browser_helpers import new_context, open_calculator, wait_until_ready

ENGINE_FILES = (
    "pyodide/pyodide.asm.wasm",
    "pyodide/bokvar-stdlib.zip",
    "pyodide/pyodide-lock.json",
    "pyodide/pyodide.asm.mjs",
    "pyodide/pyodide.mjs",
    "worker.mjs",
)


def _engine_requests(urls: list[str]) -> Counter:
    counts = Counter()
    for url in urls:
        path = url.split("?", 1)[0]
        for name in ENGINE_FILES:
            if path.endswith("/kalkylator/" + name):
                counts[name] += 1
        if path.endswith(".whl"):
            counts["wheel"] += 1
    return counts


def test_each_engine_file_is_fetched_once_and_python_waits_for_the_page(browser, base_url):
    context = new_context(browser)
    try:
        page = context.new_page()
        urls: list[str] = []
        page.on("request", lambda request: urls.append(request.url))
        open_calculator(page, base_url)
        counts = _engine_requests(urls)
        assert counts == Counter({name: 1 for name in ENGINE_FILES} | {"wheel": 1}), counts
        timings = page.evaluate("performance.getEntriesByName('bokvar:calculator-ready')[0].detail")
        # The worker was started by boot.js in <head>, before the page's own module script ran.
        assert timings["worker_start_ms"] < page.evaluate(
            "performance.getEntriesByType('navigation')[0].domContentLoadedEventStart"
        )
        # A first visit: downloads wait for the parsed page, Python for the loaded page.
        assert timings["snapshot_read_ms"] <= timings["go_ms"]
        assert timings["download_ms"] <= timings["go_ms"] <= timings["pyodide_ms"]
        loaded = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
        assert page.evaluate("performance.getEntriesByName('bokvar:engine-go')[0].startTime") >= loaded
    finally:
        context.close()


def test_an_early_worker_that_fails_is_reported_and_retried(browser, base_url):
    """boot.js's worker fails before the page's script takes it: the waiting error is replayed,
    the page shows its message, and "Försök igen" starts a worker of the page's own."""
    context = new_context(browser)
    try:
        seen = {"worker": 0}

        def first_worker_fails(route):
            seen["worker"] += 1
            if seen["worker"] == 1:
                route.fulfill(status=503, body="")
            else:
                route.continue_()

        context.route("**/kalkylator/worker.mjs", first_worker_fails)
        page = context.new_page()
        open_calculator(page, base_url, wait=False)
        status = page.locator("#engine-status")
        expect(status).to_have_attribute("data-state", "failed", timeout=30_000)
        page.locator("#engine-retry").click()
        wait_until_ready(page)
        assert seen["worker"] >= 2  # the retry's; the offline cache may fetch it once more
    finally:
        context.close()
