"""The loopback server behaves like a static host: types, pre-compressed files, revalidation."""

from __future__ import annotations

import gzip
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from serve_site import serve_in_thread  # noqa: E402

BODY = b"export const x = 1;\n" * 100


@pytest.fixture
def served(tmp_path: Path):
    (tmp_path / "a.mjs").write_bytes(BODY)
    (tmp_path / "a.mjs.gz").write_bytes(gzip.compress(BODY))
    (tmp_path / "b.wasm").write_bytes(b"\0asm")
    server, base = serve_in_thread(tmp_path)
    yield base
    server.shutdown()
    server.server_close()


def get(url: str, **headers: str):
    return urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=5)


def test_types_for_module_workers_and_wasm(served):
    assert get(served + "/a.mjs").headers["Content-Type"] == "text/javascript"
    assert get(served + "/b.wasm").headers["Content-Type"] == "application/wasm"


def test_serves_gzip_only_to_clients_that_accept_it(served):
    plain = get(served + "/a.mjs")
    assert plain.headers.get("Content-Encoding") is None and plain.read() == BODY
    packed = get(served + "/a.mjs", **{"Accept-Encoding": "gzip, br"})
    assert packed.headers["Content-Encoding"] == "gzip"
    assert packed.headers["Content-Type"] == "text/javascript"
    assert gzip.decompress(packed.read()) == BODY


def test_unchanged_compressed_file_revalidates_with_304(served):
    first = get(served + "/a.mjs", **{"Accept-Encoding": "gzip"})
    stamp = first.headers["Last-Modified"]
    with pytest.raises(urllib.error.HTTPError) as answer:
        get(served + "/a.mjs", **{"Accept-Encoding": "gzip", "If-Modified-Since": stamp})
    assert answer.value.code == 304
    assert first.headers["Cache-Control"] == "no-cache"
