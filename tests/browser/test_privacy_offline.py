"""Nothing leaves 127.0.0.1, nothing is stored unasked, the calculator works offline, guides stay light."""

from __future__ import annotations

from urllib.parse import urlparse

from browser_helpers import (
    calculate_in_page,
    expected_cells,
    new_context,
    open_calculator,
    schedule_cells,
    typeable,
    wait_until_ready,
)

GUIDE_PAGES = ["/", "/avbetalningsplan/", "/lagen/", "/mallar/avbetalningsavtal/"]


def first_ok_example(examples):
    from calculator import calculate

    for example in examples:
        if typeable(example["request"]) and calculate(example["request"])["ok"]:
            return example
    raise AssertionError("no worked example with a plan")


def test_every_request_stays_on_127_0_0_1(browser, base_url, examples):
    """A whole session (page, worker, service worker, downloads, a guide page) asks only the site."""
    context = new_context(browser)
    seen: list[str] = []
    context.on("request", lambda request: seen.append(request.url))
    try:
        page = context.new_page()
        page.on("request", lambda request: seen.append(request.url))
        open_calculator(page, base_url)
        calculate_in_page(page, first_ok_example(examples)["request"])
        with page.expect_download():
            page.click("#result-downloads a[download$='.csv']")
        page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=30_000)
        page.goto(f"{base_url}/avbetalningsplan/")
        page.wait_for_load_state("networkidle")
    finally:
        context.close()
    # The worker's own downloads are among the recorded requests, so the record is complete.
    assert any(url.endswith("/kalkylator/pyodide/pyodide.asm.wasm") for url in seen)
    assert any(url.endswith(".whl") for url in seen)
    outside = sorted(
        {
            url
            for url in seen
            if urlparse(url).scheme not in ("blob", "data") and urlparse(url).hostname != "127.0.0.1"
        }
    )
    assert outside == []


def test_nothing_is_stored_unless_asked(browser, base_url, examples):
    """No cookies and no saved figures after use; 'Spara' stores locally, 'Glöm' removes it."""
    context = new_context(browser)
    try:
        page = context.new_page()
        open_calculator(page, base_url)
        request = first_ok_example(examples)["request"]
        calculate_in_page(page, request)
        assert context.cookies() == []
        # Material keeps only the colour scheme (key "/.__palette"); no figure is stored.
        stored = dict(page.evaluate("Object.entries(localStorage)"))
        assert [key for key in stored if not key.endswith(".__palette")] == []
        assert page.evaluate("sessionStorage.length") == 0

        page.click("#storage-save")
        saved = page.evaluate("JSON.parse(localStorage.getItem('bokvar-kalkylator-formular'))")
        assert saved["values"]["rent"] == page.input_value("#rent")
        page.reload()
        wait_until_ready(page)
        assert page.input_value("#rent") == saved["values"]["rent"]
        assert page.is_visible("#storage-forget")
        page.click("#storage-forget")
        assert page.evaluate("localStorage.getItem('bokvar-kalkylator-formular')") is None
        assert context.cookies() == []
    finally:
        context.close()


def test_works_offline_after_one_visit(browser, base_url, examples):
    """After one visit the service worker serves page, Pyodide and wheel with the network off."""
    context = new_context(browser)
    try:
        page = context.new_page()
        open_calculator(page, base_url)
        page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=60_000)
        context.set_offline(True)
        # Offline is real: a page the service worker does not keep cannot load.
        assert page.evaluate("fetch('../lagen/').then(() => 'online', () => 'offline')") == "offline"
        page.reload()
        wait_until_ready(page)
        example = first_ok_example(examples)
        answer = calculate_in_page(page, example["request"])
        assert schedule_cells(page) == expected_cells(answer)
    finally:
        context.close()


def test_guide_pages_never_load_pyodide(browser, base_url):
    """Guide pages load no Pyodide, no calculator script and register no service worker."""
    context = new_context(browser)
    seen: list[str] = []
    context.on("request", lambda request: seen.append(urlparse(request.url).path))
    try:
        page = context.new_page()
        for path in GUIDE_PAGES:
            page.goto(f"{base_url}{path}")
            page.wait_for_load_state("networkidle")
            assert page.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0
    finally:
        context.close()
    assert len(seen) >= len(GUIDE_PAGES)
    assert [p for p in seen if p.startswith("/kalkylator/")] == []
