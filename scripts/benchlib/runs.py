"""The browser sections of the benchmark, each run as A B A B pairs in fresh contexts.

Why pairs share nothing: every visit gets a new context (cold HTTP cache, no
service worker, no stored data), so run order cannot warm a later run; only the
warm/offline visits reuse the context of their own cold visit. The "ready"
visits get a new browser on a new on-disk profile each (browser.Browser says
why); the other sections share one browser's in-memory contexts.
"""

from __future__ import annotations

from pathlib import Path

from . import config
from .browser import (
    MeasureError,
    answer_latency,
    form_usable,
    visit_until_ready,
    wait_engine_idle,
    wait_network_idle,
    wait_service_worker,
)
from .netbytes import split_bytes
from .stats import paired_ratios, summarize


def _log(text: str) -> None:
    print(f"  {text}", flush=True)


def floor_visit(browser, path: str = config.FLOOR_PAGE) -> dict:
    """A floor page (site's or stock): navigation start → the worker ran one line."""
    context = browser.context(config.FLOOR_READY, config.FLOOR_FAILED, profile=True)
    try:
        page, stamps = visit_until_ready(context, browser.base_url + path)
        return {
            "ready": stamps["ready"],
            "waterfall": context.recorder.waterfall(stamps["timeOrigin"]),
            "workers": stamps["workers"],
        }
    finally:
        context.close()


def calculator_visits(browser, request: dict, with_answer: bool = True) -> dict:
    """Cold visit → ready; answer latency; then warm and offline visits in the same context."""
    context = browser.context(config.CALCULATOR_READY, config.CALCULATOR_FAILED, profile=True)
    url = browser.base_url + config.CALCULATOR_PAGE
    out: dict = {"errors": {}}
    try:
        page, stamps = visit_until_ready(context, url)
        out["cold"] = stamps["ready"]
        out["signal"] = stamps.get("readySignal")
        out["waterfall"] = context.recorder.waterfall(stamps["timeOrigin"])
        out["workers"] = stamps["workers"]
        out["detail"] = stamps.get("readyDetail")
        try:
            # A person needs far longer to fill the form than the service worker needs
            # to install, so the click comes after it, not during its precaching.
            out["service_worker"] = wait_service_worker(page)
        except MeasureError as error:
            out["errors"]["warm"] = str(error)
        # Likewise after the engine's own start-up work (warm-up, storing the snapshot).
        out["idle"] = wait_engine_idle(page)
        if with_answer:
            try:
                out["answer"] = answer_latency(page, request)
                out["answer_repeat"] = [answer_latency(page, request)["painted"] for _ in range(2)]
            except Exception as error:  # noqa: BLE001 - reported, the rest still runs
                out["errors"]["answer"] = str(error).splitlines()[0]
        page.close()
        try:
            page, stamps = visit_until_ready(context, url)
            out["warm"] = stamps["ready"]
            out["warm_detail"] = stamps.get("readyDetail")
            page.close()
        except MeasureError as error:
            out["errors"]["warm"] = str(error)
        context.set_offline(True)
        try:
            page, stamps = visit_until_ready(context, url, timeout_s=30)
            out["offline"] = stamps["ready"]
            page.close()
        except MeasureError as error:
            out["errors"]["offline"] = str(error)
    finally:
        context.close()
    return out


class _ReadySamples:
    """One list per measure, index i = run i in every list, so pairs stay pairs."""

    MEASURES = ("stock", "floor", "cold", "warm", "offline", "painted", "dom")

    def __init__(self):
        for name in self.MEASURES:
            setattr(self, name, [])
        self.repeat, self.details, self.warm_details, self.answer_profiles = [], [], [], []
        self.idle: list[float] = []  # engine idle, ms after ready; the click waits for it
        self.waterfalls = {"floor": [], "calculator": []}
        self.workers = {"floor": [], "calculator": []}
        self.errors: dict[str, str] = {}
        self.failures = {"stock": 0, "floor": 0, "calculator": 0}
        self.signal = self.service_worker = None

    def visit_floor(self, browser, which: str, path: str) -> None:
        """One visit of a floor page; two failures in a row mean broken, not slow: stop trying."""
        samples = getattr(self, which)
        if self.failures[which] >= 2:
            samples.append(None)
            return
        try:
            a = floor_visit(browser, path)
        except MeasureError as error:
            self.failures[which] += 1
            samples.append(None)
            self.errors.setdefault(which, str(error))
            return
        self.failures[which] = 0
        samples.append(a["ready"])
        if which == "floor":
            self.waterfalls["floor"].append(a["waterfall"])
            self.workers["floor"] = a["workers"]

    def visit_calculator(self, browser, request: dict) -> dict | None:
        b = None
        if self.failures["calculator"] < 2:
            try:
                b = calculator_visits(browser, request)
                self.failures["calculator"] = 0
            except MeasureError as error:
                self.failures["calculator"] += 1
                self.errors.setdefault("ready", str(error))
        if b is None:
            for name in ("cold", "warm", "offline", "painted", "dom"):
                getattr(self, name).append(None)
            return None
        self.cold.append(b["cold"])
        self.waterfalls["calculator"].append(b["waterfall"])
        self.workers["calculator"] = b["workers"]
        for key, target in (("detail", self.details), ("warm_detail", self.warm_details)):
            if isinstance(b.get(key), dict):
                target.append(b[key])
        self.signal = self.signal or b["signal"]
        self.service_worker = self.service_worker or b.get("service_worker")
        self.warm.append(b.get("warm"))
        self.offline.append(b.get("offline"))
        self.painted.append(b.get("answer", {}).get("painted"))
        self.dom.append(b.get("answer", {}).get("dom"))
        self.repeat.extend(b.get("answer_repeat", []))
        if b.get("idle") is not None:
            self.idle.append(b["idle"])
        if b.get("answer", {}).get("profile"):
            self.answer_profiles.append(b["answer"]["profile"])
        for key, text in b["errors"].items():
            self.errors.setdefault(key, text)
        return b


def ready_section(browser, runs: int, request: dict) -> dict:
    """Sections 1, 2, 4, 5: stock floor, site floor and calculator in turn, A B C A B C."""
    s = _ReadySamples()
    for run in range(runs):
        s.visit_floor(browser, "stock", config.STOCK_PAGE)
        s.visit_floor(browser, "floor", config.FLOOR_PAGE)
        s.visit_calculator(browser, request)
        _log(
            f"run {run + 1}: stock {_ms(s.stock[-1])}, floor {_ms(s.floor[-1])}, "
            f"calculator {_ms(s.cold[-1])}, "
            f"answer {_ms(s.painted[-1])}, warm {_ms(s.warm[-1])}, offline {_ms(s.offline[-1])}"
        )
    return {
        "ready": {
            "stock_ms": summarize(s.stock),
            "floor_ms": summarize(s.floor),
            "calculator_cold_ms": summarize(s.cold),
            "ratio_to_stock": summarize(paired_ratios(s.cold, s.stock)),
            "ratio_to_floor": summarize(paired_ratios(s.cold, s.floor)),
            "signal": s.signal,
            "samples": {"stock": s.stock, "floor": s.floor, "calculator": s.cold},
            "waterfall": _median_waterfall(s.waterfalls),
            "workers": s.workers,
            "page_timings": _median_details(s.details),
        },
        "answer": {
            "painted_ms": summarize(s.painted),
            "dom_ms": summarize(s.dom),
            "repeat_ms": summarize(s.repeat),
            "idle_after_ready_ms": summarize(s.idle),
            "profile": _median_details(s.answer_profiles),
            "samples": {"painted": s.painted, "dom": s.dom, "repeat": s.repeat},
        },
        "warm": {
            "warm_ms": summarize(s.warm),
            "ratio_to_cold": summarize(paired_ratios(s.warm, s.cold)),
            "ratio_to_stock": summarize(paired_ratios(s.warm, s.stock)),
            "offline_ms": summarize(s.offline),
            "offline_ok": sum(v is not None for v in s.offline),
            "service_worker": s.service_worker,
            "page_timings": _median_details(s.warm_details),
            "samples": {"warm": s.warm, "offline": s.offline},
        },
        "errors": s.errors,
    }


def form_section(browser, runs: int) -> dict:
    """Section 3: form usable on the calculator vs the search box of a plain guide page.

    Each run takes config.FORM_PAIRS_PER_RUN pairs (config.py says why).
    """
    guide, calc, sticks = [], [], []
    dcl = {"guide": [], "calculator": []}
    errors: dict[str, str] = {}

    def settle(page):  # first run only: the typed digit must survive the engine becoming ready
        page.wait_for_function(
            "() => { const t = window.__bench.t; return 'ready' in t || 'failed' in t; }",
            timeout=90_000,
            polling=100,
        )

    for run in range(runs * config.FORM_PAIRS_PER_RUN):
        context = browser.context()
        try:
            a = form_usable(context, browser.base_url + config.GUIDE_PAGE, config.SEARCH_INPUT)
            guide.append(a["usable"])
            dcl["guide"].append(a["domContentLoaded"])
        except MeasureError as error:
            guide.append(None)
            errors.setdefault("form", str(error))
        finally:
            context.close()
        context = browser.context(config.CALCULATOR_READY, config.CALCULATOR_FAILED)
        try:
            b = form_usable(
                context,
                browser.base_url + config.CALCULATOR_PAGE,
                config.DEBT_INPUT,
                settle=settle if run == 0 else None,
            )
            calc.append(b["usable"])
            sticks.append(b["sticks"])
            dcl["calculator"].append(b["domContentLoaded"])
            if not b["sticks"]:
                errors.setdefault("form", f"typed '7' into the debt field but it holds {b['value']!r} later")
        except MeasureError as error:
            calc.append(None)
            errors.setdefault("form", str(error))
        finally:
            context.close()
        _log(f"run {run + 1}: guide page {_ms(guide[-1])}, calculator form {_ms(calc[-1])}")
    return {
        "form": {
            "guide_ms": summarize(guide),
            "calculator_ms": summarize(calc),
            "ratio_to_guide": summarize(paired_ratios(calc, guide)),
            "sticks": bool(sticks) and all(sticks),
            "dom_content_loaded_ms": {k: summarize(v) for k, v in dcl.items()},
            "samples": {"guide": guide, "calculator": calc},
        },
        "errors": errors,
    }


def _page_bytes(browser, server, base: str, path: str, ready) -> dict:
    """Bytes the server sent for one first view, until the network (service worker too) is quiet."""
    context = browser.context(ready, config.CALCULATOR_FAILED if ready else None, base_url=base)
    with server.lock:
        server.sent.clear()
    try:
        if ready:
            page, _ = visit_until_ready(context, base + path)
        else:
            page = context.new_page()
            page.goto(base + path, wait_until="load")
        service_worker = wait_service_worker(page)
        wait_network_idle(context)
        with server.lock:
            sent = list(server.sent)
        out = split_bytes(sent)
        out.update(service_worker=service_worker, files=sent, browser=context.recorder.summary())
        return out
    finally:
        context.close()


def bytes_section(browser, server, base: str, gzip_server=None, gzip_base: str | None = None) -> dict:
    """Section 6: every byte of a first view; the calculator also from a gzip-only host.

    The figures are what the server sent (``serve.CountingHandler``); Chromium's
    own report is kept beside them as ``browser`` for the split by requester.
    """
    pages, errors = {}, {}
    visits = [
        ("calculator", server, base, config.CALCULATOR_PAGE, config.CALCULATOR_READY),
        ("guide", server, base, config.GUIDE_PAGE, None),
        ("start", server, base, config.START_PAGE, None),
    ]
    if gzip_server is not None:
        visits.insert(
            1, ("calculator_gzip", gzip_server, gzip_base, config.CALCULATOR_PAGE, config.CALCULATOR_READY)
        )
    for kind, counting, base, path, ready in visits:
        try:
            pages[kind] = _page_bytes(browser, counting, base, path, ready)
        except Exception as error:  # noqa: BLE001
            errors.setdefault("bytes", f"{kind}: {str(error).splitlines()[0]}")
            continue
        seen = pages[kind]["browser"]["total"]
        _log(
            f"{kind}: {pages[kind]['total'] / 1000:.1f} kB in {pages[kind]['requests']} responses "
            f"(Chromium reports {seen / 1000:.1f} kB)"
        )
    return {"bytes": {"pages": pages}, "errors": errors}


def throttle_section(browser, runs: int, plain_base: str, site: Path) -> dict:
    """Section 7: calculator ready, cold, at 10 Mbit/s and 40 ms; pre-compressed files on vs off."""
    on, off, errors, encodings = [], [], {}, {}
    for run in range(runs):
        for samples, base in ((on, browser.base_url), (off, plain_base)):
            context = browser.context(config.CALCULATOR_READY, config.CALCULATOR_FAILED, base_url=base)
            try:
                page, stamps = visit_until_ready(
                    context, base + config.CALCULATOR_PAGE, timeout_s=180, throttle=config.THROTTLE
                )
                samples.append(stamps["ready"])
                if base == browser.base_url:
                    for row in context.recorder.rows:
                        if row["path"].startswith("/" + config.PYODIDE_DIR) or row["path"].endswith(".whl"):
                            encodings[row["path"].rsplit("/", 1)[-1]] = row.get("encoding") or "identity"
            except MeasureError as error:
                samples.append(None)
                errors.setdefault("throttle", str(error))
            finally:
                context.close()
        _log(f"run {run + 1}: compressed files {_ms(on[-1])}, uncompressed {_ms(off[-1])}")
    on_disk = {}
    for name in config.PYODIDE_CORE:
        path = site / config.PYODIDE_DIR / name
        on_disk[name] = {
            "raw": _size(path),
            "gz": _size(path.with_name(name + ".gz")),
            "br": _size(path.with_name(name + ".br")),
        }
    return {
        "throttle": {
            "compressed_ms": summarize(on),
            "uncompressed_ms": summarize(off),
            "ratio": summarize(paired_ratios(on, off)),
            "served_encoding": encodings,
            "on_disk": on_disk,
            "samples": {"compressed": on, "uncompressed": off},
        },
        "errors": errors,
    }


def _size(path: Path):
    return path.stat().st_size if path.exists() else None


def _ms(value) -> str:
    return "–" if value is None else f"{value:.0f} ms"


def _median_details(details: list[dict]) -> dict:
    """Median of each numeric timing the page reported with its ready mark (worker's own clock)."""
    keys = dict.fromkeys(
        key
        for detail in details
        for key, value in detail.items()
        if isinstance(value, (int, float)) and key != "worker_origin"
    )
    return {
        key: summarize([d[key] for d in details if isinstance(d.get(key), (int, float))])["median"]
        for key in keys
    }


def _median_waterfall(waterfalls: dict) -> dict:
    """Per page, per file: median start and end over the runs (ms from navigation start)."""
    out = {}
    for kind, runs in waterfalls.items():
        names = {name for run in runs for name in run}
        out[kind] = {}
        for name in sorted(names):
            starts = [run[name]["start"] for run in runs if name in run]
            ends = [run[name]["end"] for run in runs if name in run and run[name]["end"] is not None]
            out[kind][name] = {
                "start": summarize(starts)["median"],
                "end": summarize(ends)["median"] if ends else None,
            }
    return out
