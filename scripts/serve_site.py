"""Serve the built site the way a plain static host does, on loopback only.

Why not ``python -m http.server``: it does not know ``.mjs`` (module workers
need a JavaScript MIME type) and never serves the pre-compressed ``.br``/``.gz``
files the build writes next to large assets, which static hosts (nginx
``gzip_static``, Netlify, GitHub Pages) do. Tests and the benchmark use the same
server, so what they measure is what ``scripts/serve`` gives.

    $ .venv/bin/python scripts/serve_site.py --port 8000 site
"""

from __future__ import annotations

import argparse
import email.utils
import functools
import os
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

MIME_TYPES = {
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".wasm": "application/wasm",
    ".json": "application/json",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".pdf": "application/pdf",
    ".ics": "text/calendar",
    ".csv": "text/csv",
    ".webmanifest": "application/manifest+json",
    ".svg": "image/svg+xml",
}
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))  # in order of preference: smallest first


def accepted_encodings(header: str) -> set[str]:
    """Codings an ``Accept-Encoding`` header allows (q > 0), lower case; ``*`` kept as is.

    >>> sorted(accepted_encodings("gzip, br;q=0, deflate;q=0.5"))
    ['deflate', 'gzip']
    """
    accepted = set()
    for part in header.split(","):
        name, _, params = part.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if name.strip() and quality > 0:
            accepted.add(name.strip().lower())
    return accepted


def choose_encoding(header: str | None, available: set[str]) -> str | None:
    """The preferred coding (br, then gzip) the client accepts and a file exists for, else None.

    >>> choose_encoding("gzip, deflate, br", {"br", "gzip"})
    'br'
    >>> choose_encoding("gzip", {"br", "gzip"}), choose_encoding(None, {"gzip"})
    ('gzip', None)
    """
    accepted = accepted_encodings(header or "")
    for name, _suffix in ENCODINGS:
        if name in available and (
            name in accepted or ("*" in accepted and name not in _refused(header or ""))
        ):
            return name
    return None


def _refused(header: str) -> set[str]:
    """Codings the header names with q=0 (they stay refused even when ``*`` is accepted)."""
    named = {part.strip().partition(";")[0].strip().lower() for part in header.split(",")}
    return named - accepted_encodings(header)


sys.path.insert(0, str(Path(__file__).resolve().parent))
from csp import RESPONSE_HEADERS, WORKER_POLICY  # noqa: E402 - sibling script, not a package


class SiteHandler(SimpleHTTPRequestHandler):
    """Static files with correct types, pre-compressed variants and revalidation."""

    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}
    encodings = ENCODINGS  # a subclass may offer fewer (the benchmark's gzip-only host)

    def __init__(self, *args, compress: bool = True, **kwargs):
        self.compress = compress
        super().__init__(*args, **kwargs)

    def send_head(self):  # noqa: D102 - same contract as the parent
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?", 1)[0].endswith("/"):
            path = os.path.join(path, "index.html")  # so index.html.gz is found too
        self._vary = False
        if self.compress and os.path.isfile(path):
            available = {name for name, suffix in self.encodings if os.path.isfile(path + suffix)}
            # Any response for a file with variants depends on Accept-Encoding, the
            # identity one too: a shared cache must not hand it to a brotli client.
            self._vary = bool(available)
            chosen = choose_encoding(self.headers.get("Accept-Encoding"), available)
            if chosen:
                return self._send_encoded(path, path + dict(ENCODINGS)[chosen], chosen)
        return super().send_head()

    def _send_encoded(self, path: str, encoded: str, encoding: str):
        stat = os.stat(encoded)
        if self._not_modified_since(stat.st_mtime):
            self.send_response(304)
            self.end_headers()
            return None
        handle = open(encoded, "rb")  # noqa: SIM115 - closed by copyfile's caller
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(stat.st_size))
        self.send_header("Last-Modified", self.date_time_string(int(stat.st_mtime)))
        self.end_headers()
        return handle

    def _not_modified_since(self, mtime: float) -> bool:
        """True when the client's copy (If-Modified-Since) is still current."""
        since = self.headers.get("If-Modified-Since")
        if not since or self.headers.get("If-None-Match"):
            return False
        try:
            client = email.utils.parsedate_to_datetime(since)
        except (TypeError, ValueError, IndexError, OverflowError):
            return False
        return int(mtime) <= client.timestamp()

    def end_headers(self):
        # Revalidate every time: the service worker, not HTTP heuristics, decides
        # what is kept for offline use, so updates are never hidden by a stale cache.
        self.send_header("Cache-Control", "no-cache")
        self._send_policy_headers()
        if getattr(self, "_vary", False):
            self.send_header("Vary", "Accept-Encoding")
        super().end_headers()

    def _send_policy_headers(self) -> None:
        """What a page's <meta> policy cannot say (scripts/csp.py). A script gets the
        worker policy: a worker takes its policy from its own response, not the page."""
        path = self.path.split("?", 1)[0]
        policy = (
            WORKER_POLICY if path.endswith((".js", ".mjs")) else RESPONSE_HEADERS["Content-Security-Policy"]
        )
        self.send_header("Content-Security-Policy", policy)
        for name, value in RESPONSE_HEADERS.items():
            if name != "Content-Security-Policy":
                self.send_header(name, value)

    def log_message(self, format, *args):  # noqa: A002 - parent's signature
        if os.environ.get("BOKVAR_SERVER_LOG"):
            super().log_message(format, *args)


def make_server(
    root: Path,
    host: str = "127.0.0.1",
    port: int = 0,
    compress: bool = True,
    handler_class: type[SiteHandler] = SiteHandler,
):
    """Return a ready (not yet serving) server; ``port=0`` picks a free port."""
    handler = functools.partial(handler_class, directory=str(root), compress=compress)
    return ThreadingHTTPServer((host, port), handler)


def serve_in_thread(root: Path, compress: bool = True, handler_class: type[SiteHandler] = SiteHandler):
    """Start a server on a free loopback port in a daemon thread; for tests and bench."""
    server = make_server(root, compress=compress, handler_class=handler_class)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", default="site", type=Path)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", default=8000, type=int)
    parser.add_argument("--no-compress", action="store_true", help="ignore .br/.gz files")
    args = parser.parse_args()
    server = make_server(args.root, args.host, args.port, compress=not args.no_compress)
    with server:
        server.serve_forever()


if __name__ == "__main__":
    main()
