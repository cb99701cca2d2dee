"""Bytes on the wire per page view, split by what they are for.

Why Playwright's context-level ``requestfinished`` and not a page CDP session:
the Pyodide core is fetched by a module worker and may be fetched again by a
service worker; a page's CDP session sees neither, while the context-level
events include dedicated and service worker requests. Sizes are Chromium's
``encodedDataLength`` split by Playwright into body and headers, so gzip
transfers count compressed. Chromium reports 0 body bytes for a worker's own
script; for those the ``Content-Length`` the server sent is used instead.

>>> category("/kalkylator/pyodide/pyodide.asm.wasm")
'pyodide'
>>> category("/assets/javascripts/bundle.js"), category("/lagen/"), category("/search/search_index.json")
('site js/css', 'html', 'other')
"""

from __future__ import annotations

import contextlib
from urllib.parse import urlsplit

from .config import PYODIDE_DIR

CATEGORIES = ("pyodide", "wheel", "site js/css", "html", "other")


def category(path: str) -> str:
    """Which budget line a URL path belongs to."""
    if f"/{PYODIDE_DIR}/" in path:
        return "pyodide"
    if path.endswith(".whl"):
        return "wheel"
    if path.endswith((".js", ".mjs", ".css")):
        return "site js/css"
    if path.endswith(("/", ".html")):
        return "html"
    return "other"


def split_bytes(responses: list[tuple[str, int]]) -> dict:
    """Total and per-category bytes of (path, bytes) responses; a file fetched twice counts twice.

    ``pyodide_and_wheel_once`` is the Pyodide core and wheel counted once each:
    the calculator's budget allows those plus 150 kB, so a second download of
    the core (say by a service worker's precache) shows up as over budget.

    >>> wasm = "/kalkylator/pyodide/a.wasm"
    >>> split_bytes([(wasm, 900), (wasm, 900), ("/x/", 50)])["total"]
    1850
    """
    split = dict.fromkeys(CATEGORIES, 0)
    once: dict[str, int] = {}
    for path, size in responses:
        kind = category(path)
        split[kind] += size
        if kind in ("pyodide", "wheel"):
            once[path] = max(once.get(path, 0), size)
    return {
        "total": sum(split.values()),
        "split": split,
        "pyodide_and_wheel_once": sum(once.values()),
        "requests": len(responses),
    }


class Recorder:
    """Collects every finished request of one browser context with its timing."""

    def __init__(self, context, base_url: str):
        self.base_url = base_url
        self.rows: list[dict] = []
        context.on("requestfinished", self._finished)
        context.on("requestfailed", self._failed)

    def _finished(self, request) -> None:
        with contextlib.suppress(Exception):  # the context may close before Chromium answers
            self._record(request)

    def _record(self, request) -> None:
        response = request.response()
        if response is None:
            return
        if response.from_service_worker:
            return  # answered by the service worker's cache: nothing crossed the network
        sizes = request.sizes()
        body = max(sizes["responseBodySize"], 0)
        headers = max(sizes["responseHeadersSize"], 0)
        length = response.headers.get("content-length")
        if body == 0 and response.status == 200 and length and length.isdigit():
            body = int(length)  # worker scripts: see module docstring
        timing = request.timing
        self.rows.append(
            {
                "url": request.url,
                "path": urlsplit(request.url).path,
                "status": response.status,
                "bytes": body + headers,
                "encoding": response.headers.get("content-encoding", ""),
                "by_service_worker": request.service_worker is not None,
                "start_epoch_ms": timing["startTime"],
                "end_ms": timing["responseEnd"],
                "third_party": not request.url.startswith(self.base_url)
                and not request.url.startswith(("data:", "blob:")),
            }
        )

    def _failed(self, request) -> None:
        self.rows.append(
            {
                "url": request.url,
                "path": urlsplit(request.url).path,
                "status": 0,
                "bytes": 0,
                "failure": request.failure,
                "by_service_worker": request.service_worker is not None,
            }
        )

    def clear(self) -> None:
        self.rows.clear()

    def summary(self) -> dict:
        """Bytes per category as Chromium reports them, plus who asked (page or service worker)."""
        out = split_bytes([(r["path"], r["bytes"]) for r in self.rows])
        out["third_party"] = sorted({r["url"] for r in self.rows if r.get("third_party")})
        out["by_service_worker"] = sum(r["bytes"] for r in self.rows if r.get("by_service_worker"))
        out["files"] = [
            {k: r.get(k) for k in ("path", "status", "bytes", "encoding", "by_service_worker")}
            for r in self.rows
        ]
        return out

    def waterfall(self, time_origin_epoch_ms: float) -> dict:
        """Start and end of the interesting requests, in ms from navigation start."""
        marks = {}
        for row in self.rows:
            if "start_epoch_ms" not in row or row["status"] != 200:
                continue
            name = row["path"].rsplit("/", 1)[-1] or row["path"]
            if category(row["path"]) in ("pyodide", "wheel") or row["path"].endswith((".mjs", ".js")):
                start = row["start_epoch_ms"] - time_origin_epoch_ms
                end = start + row["end_ms"] if row["end_ms"] >= 0 else None
                marks.setdefault(name, {"start": round(start, 1), "end": end and round(end, 1)})
        return marks
