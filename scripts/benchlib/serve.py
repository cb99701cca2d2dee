"""The site server of ``scripts/serve_site.py`` plus a count of the bytes it sends.

Why count at the server too: it is the one place that sees every byte of every
client (page, dedicated worker, service worker) exactly once. The browser's own
figures (``netbytes``) give the split by requester; this count is the check
that nothing was fetched twice or missed, e.g. a service worker's precache
served from the HTTP cache, which Chromium still reports with a size.
"""

from __future__ import annotations

import threading
from pathlib import Path
from urllib.parse import urlsplit

import serve_site
from serve_site import SiteHandler


class CountingHandler(SiteHandler):
    """Appends (path, header + body bytes) of every response to ``server.sent``."""

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


def serve_in_thread(root: Path, compress: bool = True):
    """``serve_site.serve_in_thread`` counting bytes: ``server.sent`` lists (path, bytes)."""
    server, url = serve_site.serve_in_thread(root, compress, handler_class=CountingHandler)
    server.sent = []
    server.lock = threading.Lock()
    return server, url
