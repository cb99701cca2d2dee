"""One browser, fresh contexts, and the page-level measurements of issue 5.

Why timestamps come from the page: every figure is ``performance.now()`` read
inside the document (ms since its navigation started), stamped by
``probe.js``/``answer.js`` at the moment the event happened. Python only waits
for the stamps, so its polling never adds to a figure.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from . import config
from .netbytes import Recorder

HERE = Path(__file__).parent
PROBE = (HERE / "probe.js").read_text(encoding="utf-8")
ANSWER = (HERE / "answer.js").read_text(encoding="utf-8")
FILL = (HERE / "fill.js").read_text(encoding="utf-8")

WAIT_READY = (
    "() => { const t = window.__bench && window.__bench.t; "
    "return Boolean(t && ('ready' in t || 'failed' in t)); }"
)
TWO_FRAMES = "() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))"


class MeasureError(RuntimeError):
    """A measurement could not be taken; the message says what the page did instead."""


class Browser:
    """Headless Debian Chromium driven by Playwright; each ``context()`` starts cold.

    Two kinds of context, both empty (no HTTP cache, no service worker, no stored
    data): an in-memory one in the shared browser (Playwright's default, like a
    private window), and with ``profile=True`` a new browser on a new on-disk
    profile, as a visitor's everyday browser has. Why both: Chromium keeps an
    in-memory context's origin private file system behind inter-process calls,
    so reading the calculator's 12 MB start-up snapshot there took 50–110 ms
    against 8–10 ms from a profile on disk (the worker's own timings, this
    machine). Visits whose figure is compared with a second visit (the stock
    and site floors, the calculator's cold, warm and offline visits) all use
    profiles, so each ratio compares like with like.
    """

    def __init__(self, playwright, base_url: str):
        self.base_url = base_url
        self.playwright = playwright
        self.browser = playwright.chromium.launch(executable_path=config.CHROMIUM, args=config.CHROMIUM_ARGS)
        self.version = self.browser.version

    def close(self) -> None:
        self.browser.close()

    def _profile_context(self, base_url: str):
        """A new browser on a new on-disk profile, past its first network use.

        Its first page opens a blank page from another site (localhost for
        127.0.0.1), which warms no cache of the measured site, so the measured
        visit does not pay for starting the browser's network and disk cache.
        """
        directory = tempfile.mkdtemp(prefix="bokvar-bench-profile-")
        context = self.playwright.chromium.launch_persistent_context(
            directory,
            executable_path=config.CHROMIUM,
            args=config.CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 800},
            locale="sv-SE",
        )
        parts = urlsplit(base_url)
        other_site = parts._replace(netloc=f"localhost:{parts.port}")
        first = context.pages[0] if context.pages else context.new_page()
        first.goto(urlunsplit(other_site._replace(path="/bench/blank/")), wait_until="load")
        close = context.close

        def close_and_remove(*args, **kwargs):
            try:
                close(*args, **kwargs)
            finally:
                shutil.rmtree(directory, ignore_errors=True)

        context.close = close_and_remove
        return context

    def context(
        self,
        ready: dict | None = None,
        failed: dict | None = None,
        base_url: str | None = None,
        profile: bool = False,
    ):
        """A fresh context (empty HTTP cache, no service worker) with the probe injected."""
        if profile:
            context = self._profile_context(base_url or self.base_url)
        else:
            context = self.browser.new_context(viewport={"width": 1280, "height": 800}, locale="sv-SE")
        probe_config = {
            "ready": ready or {"marks": [], "selectors": [], "text": None},
            "failed": failed or {"selectors": []},
        }
        context.add_init_script(PROBE.replace("__BENCH_CONFIG__", json.dumps(probe_config)))
        context.recorder = Recorder(context, base_url or self.base_url)
        return context


def stamps(page) -> dict:
    return page.evaluate("() => ({...window.__bench.t, timeOrigin: performance.timeOrigin})")


def visit_until_ready(context, url: str, timeout_s: float = 90.0, throttle: dict | None = None):
    """Open ``url`` in a new page of ``context``; return (page, stamps) once it signals ready.

    ``throttle`` goes to ``Network.emulateNetworkConditions`` on the page's CDP
    session; Chromium applies it to the page's dedicated workers too (checked:
    the floor page took 4.6 s unthrottled and 16 s at 10 Mbit/s, the time its
    13.5 MB need on that link), so Pyodide's downloads are throttled as well.
    """
    page = context.new_page()
    if throttle:
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", throttle)
    try:
        page.goto(url, wait_until="commit", timeout=timeout_s * 1000)
        page.wait_for_function(WAIT_READY, timeout=timeout_s * 1000, polling=100)
    except Exception as error:  # noqa: BLE001 - turned into a readable reason
        text = _status_text(page)
        page.close()
        raise MeasureError(
            f"{url}: not ready within {timeout_s:.0f} s ({type(error).__name__}); status: {text}"
        ) from error
    result = stamps(page)
    result["workers"] = [worker.url for worker in page.workers]
    if "failed" in result:
        page.close()
        raise MeasureError(f"{url}: the page reported a failure: {result['failed']}")
    return page, result


def _status_text(page) -> str:
    try:
        return (
            page.evaluate(
                "() => [...document.querySelectorAll('[role=status],[aria-live]')]"
                ".map(e => e.textContent.trim()).join(' | ').slice(0, 200)"
            )
            or "(no status element)"
        )
    except Exception:  # noqa: BLE001 - the page may be gone
        return "(page unavailable)"


def form_usable(context, url: str, selector: str, timeout_s: float = 30.0, settle=None) -> dict:
    """Navigation start → a typed digit reaches ``selector``; then check it sticks.

    Playwright clicks the field (it waits until the field is visible, stable,
    enabled and not covered) and types "7"; the probe's capturing ``input``
    listener stamps the time. "Sticks" means the field still holds "7" after the
    ``load`` event and two more frames (and after ``settle(page)`` when given,
    e.g. the engine becoming ready): no script replaced or reset the form.
    """
    page = context.new_page()
    try:
        page.goto(url, wait_until="commit", timeout=timeout_s * 1000)
        field = page.locator(selector).first
        field.click(timeout=timeout_s * 1000)
        page.keyboard.type("7")
        page.wait_for_function("() => 'load' in window.__bench.t", timeout=timeout_s * 1000, polling=50)
        page.evaluate(TWO_FRAMES)
        if settle:
            settle(page)
        value = field.input_value()
        result = stamps(page)
    except Exception as error:  # noqa: BLE001
        raise MeasureError(f"{url}: could not type into {selector}: {error}") from error
    finally:
        page.close()
    if "firstInput" not in result:
        raise MeasureError(f"{url}: typing into {selector} fired no input event")
    return {
        "usable": result["firstInput"],
        "sticks": value == "7",
        "value": value,
        "domContentLoaded": result.get("domContentLoaded"),
        "load": result.get("load"),
    }


def answer_latency(page, request: dict, timeout_s: float = 30.0) -> dict:
    """Fill the form with ``request``, click "Beräkna", time until the 120-row table is on screen."""
    missing = page.evaluate(FILL, _form_values(request))
    if missing:
        raise MeasureError(f"form has no control named {', '.join(missing)}")
    page.evaluate(ANSWER, {"rows": config.PLAN_ROWS, "errorSummary": config.ERROR_SUMMARY})
    page.get_by_role("button", name=re.compile(r"^\s*Beräkna")).first.click(timeout=timeout_s * 1000)
    page.wait_for_function(
        "() => { const a = window.__bench.answer; return 'painted' in a || 'error' in a; }",
        timeout=timeout_s * 1000,
        polling=50,
    )
    answer = page.evaluate("() => window.__bench.answer")
    if "error" in answer:
        raise MeasureError(f"the form answered with errors: {answer['error']}")
    if answer["rows"] != config.PLAN_ROWS:
        raise MeasureError(f"the schedule has {answer['rows']} rows, expected {config.PLAN_ROWS}")
    out = {
        "dom": answer["dom"] - answer["click"],
        "painted": answer["painted"] - answer["click"],
        "rows": answer["rows"],
    }
    if answer.get("message") and answer["message"] >= answer["click"]:
        sent = answer.get("submitted", answer["click"])
        out["profile"] = {
            "click_to_submit": sent - answer["click"],
            "submit_to_worker_answer": answer["message"] - sent,
            "of_which_engine": answer.get("engine"),
            "worker_answer_to_rows": answer["dom"] - answer["message"],
            "rows_to_screen": answer["painted"] - answer["dom"],
        }
    return out


def _form_values(request: dict) -> list:
    """Request keys → candidate control names (nested keys as the page may spell them)."""
    values = []
    for key, value in request.items():
        if key in ("today", "exports"):
            continue  # the page adds both itself
        if isinstance(value, dict):
            for sub, inner in value.items():
                values.append(([f"{key}.{sub}", f"{key}[{sub}]", f"{key}-{sub}", f"{key}_{sub}", sub], inner))
        else:
            values.append(([key], value))
    return values


def wait_service_worker(page, timeout_s: float = 60.0) -> str:
    """Wait until a registered service worker is active (its install, e.g. precaching, is done).

    A page may register its worker a moment after it is ready, so "none" is only
    concluded after three quiet seconds.
    """
    count = -1
    for _ in range(30):
        count = page.evaluate(
            "async () => 'serviceWorker' in navigator"
            " ? (await navigator.serviceWorker.getRegistrations()).length : -1"
        )
        if count > 0:
            break
        page.wait_for_timeout(100)
    if count <= 0:
        return "none"
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        state = page.evaluate(
            "async () => { const r = await navigator.serviceWorker.getRegistration();"
            " return r && r.active ? r.active.state : 'installing'; }"
        )
        if state == "activated":
            return "active"
        page.wait_for_timeout(200)
    raise MeasureError(f"service worker not active within {timeout_s:.0f} s")


def wait_engine_idle(page, timeout_s: float = 30.0) -> float | None:
    """Wait for the worker's "idle" (warm-up done, snapshot stored); return its time after ready.

    The calculator marks ``bokvar:engine-idle`` (docs/kalkylator/kalkylator.js).
    None if the page never marks it in ``timeout_s`` (an older build): then
    nothing is waited for.
    """
    try:
        page.wait_for_function(
            "() => performance.getEntriesByName('bokvar:engine-idle').length > 0",
            timeout=timeout_s * 1000,
            polling=100,
        )
    except Exception:  # noqa: BLE001 - reported as "not marked"
        return None
    return page.evaluate(
        "() => performance.getEntriesByName('bokvar:engine-idle')[0].startTime"
        " - performance.getEntriesByName('bokvar:calculator-ready')[0].startTime"
    )


def wait_network_idle(context, quiet_s: float = 1.5, timeout_s: float = 60.0) -> None:
    """Wait until no request has finished for ``quiet_s`` (service worker precaching included)."""
    recorder = context.recorder
    deadline = time.monotonic() + timeout_s
    seen, since = -1, time.monotonic()
    while time.monotonic() < deadline:
        count = len(recorder.rows)
        if count != seen:
            seen, since = count, time.monotonic()
        elif time.monotonic() - since >= quiet_s:
            return
        context.pages[0].wait_for_timeout(100)  # keeps Playwright's events flowing, unlike time.sleep
