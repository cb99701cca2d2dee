"""The site server of ``scripts/serve_site.py`` plus a count of the bytes it sends.

Why count at the server too: it is the one place that sees every byte of every
client (page, dedicated worker, service worker) exactly once. The browser's own
figures (``netbytes``) give the split by requester; this count is the check
that nothing was fetched twice or missed, e.g. a service worker's precache
served from the HTTP cache, which Chromium still reports with a size.
"""

from __future__ import annotations

import multiprocessing
import shutil
import threading
from pathlib import Path
from urllib.parse import urlsplit

import compress
import serve_site
from serve_site import SiteHandler

REPO = Path(__file__).resolve().parents[2]
PAGES = Path(__file__).resolve().parent / "pages"
BENCH_DIR = REPO / "build" / "bench-pages"  # served at /bench/, never part of site/
STOCK_CORE = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")


def prepare_bench_pages() -> Path:
    """build/bench-pages/: the two floor pages and the unmodified npm core, compressed like the site.

    Why outside site/: the floor pages are measuring tools, not part of the guide
    (issue 12). The stock core gets ``.br``/``.gz`` from the same
    ``compress.compress_site`` as the site, so both floors travel the same way.
    """
    shutil.rmtree(BENCH_DIR, ignore_errors=True)
    shutil.copytree(PAGES, BENCH_DIR)
    stock = BENCH_DIR / "stock-pyodide"
    stock.mkdir()
    for name in STOCK_CORE:
        shutil.copyfile(REPO / "node_modules" / "pyodide" / name, stock / name)
    compress.compress_site(BENCH_DIR, REPO / "build" / "compress-cache")
    return BENCH_DIR


class CountingHandler(SiteHandler):
    """Appends (path, header + body bytes) of every response to ``server.sent``.

    Serves ``/bench/…`` from :data:`BENCH_DIR` and everything else from the site.
    """

    def translate_path(self, path):
        if not urlsplit(path).path.startswith("/bench/"):
            return super().translate_path(path)
        site_dir, self.directory = self.directory, str(BENCH_DIR)
        try:
            return super().translate_path(path[len("/bench") :])
        finally:
            self.directory = site_dir

    def handle_one_request(self):
        self._sent = 0
        try:
            super().handle_one_request()
        finally:
            if self._sent:
                with self.server.lock:
                    self.server.sent.append((urlsplit(getattr(self, "path", "?")).path, self._sent))

    def flush_headers(self):
        if hasattr(self, "_headers_buffer"):
            self._count(sum(len(chunk) for chunk in self._headers_buffer))
        super().flush_headers()

    def copyfile(self, source, outputfile):
        try:
            while chunk := source.read(64 * 1024):
                outputfile.write(chunk)
                self._count(len(chunk))
        except (BrokenPipeError, ConnectionResetError):
            pass  # the browser closed the context mid-download (end of a throttled run)

    def _count(self, size: int) -> None:
        self._sent += size


class GzipOnlyHandler(CountingHandler):
    """A host without brotli: serves the ``.gz`` variants only."""

    encodings = (("gzip", ".gz"),)


def serve_in_thread(root: Path, compress: bool = True, gzip_only: bool = False):
    """``serve_site.serve_in_thread`` counting bytes: ``server.sent`` lists (path, bytes)."""
    handler = GzipOnlyHandler if gzip_only else CountingHandler
    server, url = serve_site.serve_in_thread(root, compress, handler_class=handler)
    server.sent = []
    server.lock = threading.Lock()
    return server, url


def serve_in_process(root: Path, compress: bool = True):
    """The same server (``/bench/`` included) in a child process, for every timed section.

    Why not a thread: a server thread in the benchmark's own process shares the GIL with the
    Playwright connection that sends the timed clicks and keystrokes, so a page's own downloads
    delayed the very input being timed ("form usable"). A real site is served by another
    machine. Returns ``(stop, url)``; this server counts nothing (the bytes section uses
    :func:`serve_in_thread`, where the count is readable).
    """
    server = serve_site.make_server(root, compress=compress, handler_class=CountingHandler)
    server.sent, server.lock = [], threading.Lock()
    child = multiprocessing.get_context("fork").Process(target=server.serve_forever, daemon=True)
    child.start()
    server.socket.close()  # the child holds the listening socket now

    def stop() -> None:
        child.terminate()
        child.join(5)

    return stop, f"http://127.0.0.1:{server.server_address[1]}"
