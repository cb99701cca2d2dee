"""The loopback server behaves like a static host: types, pre-compressed files, revalidation."""

from __future__ import annotations

import gzip
import sys

import brotli
import urllib.error
import urllib.request
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from serve_site import accepted_encodings, choose_encoding, serve_in_thread  # noqa: E402

BODY = b"export const x = 1;\n" * 100


@pytest.fixture
def served(tmp_path: Path):
    (tmp_path / "a.mjs").write_bytes(BODY)
    (tmp_path / "a.mjs.gz").write_bytes(gzip.compress(BODY))
    (tmp_path / "a.mjs.br").write_bytes(brotli.compress(BODY))
    (tmp_path / "only-gz.js").write_bytes(BODY)
    (tmp_path / "only-gz.js.gz").write_bytes(gzip.compress(BODY))
    (tmp_path / "b.wasm").write_bytes(b"\0asm")
    (tmp_path / "page").mkdir()
    (tmp_path / "page" / "index.html").write_bytes(b"<p>hej</p>")
    (tmp_path / "page" / "index.html.gz").write_bytes(gzip.compress(b"<p>hej</p>"))
    server, base = serve_in_thread(tmp_path)
    yield base
    server.shutdown()
    server.server_close()


def get(url: str, **headers: str):
    """Status, headers and body of one request; the connection is closed before returning."""
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.headers, b""


def test_types_for_module_workers_and_wasm(served):
    assert get(served + "/a.mjs")[1]["Content-Type"] == "text/javascript"
    assert get(served + "/b.wasm")[1]["Content-Type"] == "application/wasm"


def test_brotli_first_when_the_client_accepts_it(served):
    status, headers, body = get(served + "/a.mjs", **{"Accept-Encoding": "gzip, deflate, br"})
    assert (status, headers["Content-Encoding"], headers["Vary"]) == (200, "br", "Accept-Encoding")
    assert headers["Content-Type"] == "text/javascript"
    assert headers["Content-Length"] == str(len(body))
    assert brotli.decompress(body) == BODY


def test_gzip_when_brotli_is_not_accepted_or_not_built(served):
    for url, accept in (("/a.mjs", "gzip"), ("/a.mjs", "gzip, br;q=0"), ("/only-gz.js", "br, gzip")):
        status, headers, body = get(served + url, **{"Accept-Encoding": accept})
        assert (headers["Content-Encoding"], headers["Vary"]) == ("gzip", "Accept-Encoding"), (url, accept)
        assert gzip.decompress(body) == BODY


def test_identity_response_still_says_it_varies(served):
    # A shared cache must not give this uncompressed copy to a client that wants brotli, or
    # the compressed copy to one that cannot decode it.
    for accept in (None, "identity", "gzip;q=0, br;q=0"):
        status, headers, body = get(served + "/a.mjs", **({"Accept-Encoding": accept} if accept else {}))
        assert (status, headers.get("Content-Encoding"), body) == (200, None, BODY), accept
        assert headers["Vary"] == "Accept-Encoding"
    assert "Vary" not in get(served + "/b.wasm", **{"Accept-Encoding": "br"})[1]  # nothing to vary


def test_accept_encoding_parsing():
    assert accepted_encodings("GZIP;q=0.5, br;q=0, *;q=0.1") == {"gzip", "*"}
    assert choose_encoding("*", {"br", "gzip"}) == "br"
    assert choose_encoding("*, br;q=0", {"br", "gzip"}) == "gzip"
    assert choose_encoding("deflate", {"br", "gzip"}) is None


def test_unchanged_compressed_file_revalidates_with_304(served):
    status, headers, _ = get(served + "/a.mjs", **{"Accept-Encoding": "gzip"})
    assert (status, headers["Cache-Control"]) == (200, "no-cache")
    stamp = headers["Last-Modified"]
    status, _, body = get(served + "/a.mjs", **{"Accept-Encoding": "gzip", "If-Modified-Since": stamp})
    assert (status, body) == (304, b"")


def test_directory_url_gets_the_compressed_index(served):
    status, headers, body = get(served + "/page/", **{"Accept-Encoding": "gzip"})
    assert (status, headers["Content-Encoding"], headers["Content-Type"]) == (200, "gzip", "text/html")
    assert gzip.decompress(body) == b"<p>hej</p>"
    assert get(served + "/page")[0] == 200  # redirected to /page/ as before


def test_sends_the_headers_a_meta_policy_cannot_set(served):
    """frame-ancestors, Referrer-Policy and nosniff come only from headers (scripts/csp.py)."""
    _, headers, _ = get(served + "/page/")
    assert headers["Content-Security-Policy"] == "frame-ancestors 'none'"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_scripts_carry_the_worker_policy(served):
    """A worker's policy is its own response's: Pyodide may compile wasm, load nothing elsewhere."""
    _, headers, _ = get(served + "/a.mjs", **{"Accept-Encoding": "gzip"})
    policy = headers["Content-Security-Policy"]
    assert "script-src 'self' 'wasm-unsafe-eval'" in policy
    assert "'unsafe-eval'" not in policy.replace("'wasm-unsafe-eval'", "")
    assert "frame-ancestors 'none'" in policy
