"""Pre-compress the built site: ``file.br`` and ``file.gz`` next to each large asset.

Why both: every current browser sends ``Accept-Encoding: br`` over HTTPS (and
Chromium to 127.0.0.1 too). Brotli at quality 11 makes ``pyodide.asm.wasm``
2.7 MB against 3.5 MB with gzip, and the precompiled standard library 1.1 MB
against 1.4 MB. gzip stays for clients and hosts without brotli. Static hosts
serve the variants as they are (nginx ``brotli_static``/``gzip_static``);
``scripts/serve_site.py`` does the same.

Brotli quality 11 is slow (tens of seconds for the wasm file), so every result
is cached under ``cache_dir`` by the SHA-256 of its input: an unchanged file
costs one hash per build.

    $ .venv/bin/python scripts/compress.py site build/compress-cache
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import sys
from pathlib import Path

import brotli

log = logging.getLogger("mkdocs.compress")

COMPRESSIBLE = {".html", ".js", ".mjs", ".css", ".json", ".wasm", ".svg", ".xml", ".txt", ".whl", ".zip"}
MIN_BYTES = 1024
MIN_SAVING = 0.05  # a zip that is already deflated gains nothing: keep only real savings
ENCODERS = {
    ".br": lambda data: brotli.compress(data, quality=11),
    ".gz": lambda data: gzip.compress(data, 9, mtime=0),  # fixed mtime: reproducible
}


def _packed(data: bytes, suffix: str, cache_dir: Path) -> bytes:
    """The encoded bytes, from the cache when this exact input was encoded before."""
    key = cache_dir / (hashlib.sha256(data).hexdigest() + suffix)
    if key.is_file():
        return key.read_bytes()
    packed = ENCODERS[suffix](data)
    cache_dir.mkdir(parents=True, exist_ok=True)
    key.write_bytes(packed)
    return packed


def compress_site(site_dir: Path, cache_dir: Path) -> dict[str, int]:
    """Write ``.br`` and ``.gz`` next to every compressible file where each saves ≥ 5 %.

    A stale variant (the file changed and no longer compresses well) is removed,
    so a server never sends a variant that does not match its file.
    """
    totals = {"files": 0, "bytes_in": 0, ".br": 0, ".gz": 0}
    for path in sorted(Path(site_dir).rglob("*")):
        if not path.is_file() or path.suffix not in COMPRESSIBLE:
            continue
        data = path.read_bytes()
        if len(data) < MIN_BYTES:
            continue
        totals["files"] += 1
        totals["bytes_in"] += len(data)
        for suffix in ENCODERS:
            packed = _packed(data, suffix, Path(cache_dir))
            target = path.with_name(path.name + suffix)
            if len(packed) > len(data) * (1 - MIN_SAVING):
                target.unlink(missing_ok=True)
                totals[suffix] += len(data)
                continue
            target.write_bytes(packed)
            totals[suffix] += len(packed)
    log.info(
        "pre-compressed %d files: %.2f MB → %.2f MB brotli, %.2f MB gzip",
        totals["files"],
        totals["bytes_in"] / 1e6,
        totals[".br"] / 1e6,
        totals[".gz"] / 1e6,
    )
    return totals


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    print(compress_site(Path(sys.argv[1]), Path(sys.argv[2])))
