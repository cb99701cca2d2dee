"""scripts/compress.py: both variants, a cache keyed by content, no stale variant left behind."""

from __future__ import annotations

import gzip
import os
import sys
from pathlib import Path

import brotli

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import compress  # noqa: E402

TEXT = b"const greeting = 'hej';\n" * 200


def test_writes_brotli_and_gzip_next_to_large_text(tmp_path: Path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "a.js").write_bytes(TEXT)
    (site / "tiny.js").write_bytes(b"x")
    (site / "photo.png").write_bytes(TEXT)  # not in COMPRESSIBLE
    compress.compress_site(site, tmp_path / "cache")
    assert brotli.decompress((site / "a.js.br").read_bytes()) == TEXT
    assert gzip.decompress((site / "a.js.gz").read_bytes()) == TEXT
    assert sorted(p.name for p in site.iterdir()) == ["a.js", "a.js.br", "a.js.gz", "photo.png", "tiny.js"]


def test_second_build_reuses_the_cache(tmp_path: Path, monkeypatch):
    site = tmp_path / "site"
    site.mkdir()
    (site / "a.js").write_bytes(TEXT)
    compress.compress_site(site, tmp_path / "cache")

    def refuse(data: bytes) -> bytes:
        raise AssertionError("encoded again although the input did not change")

    monkeypatch.setattr(compress, "ENCODERS", {".br": refuse, ".gz": refuse})
    compress.compress_site(site, tmp_path / "cache")
    assert brotli.decompress((site / "a.js.br").read_bytes()) == TEXT


def test_incompressible_file_loses_its_old_variants(tmp_path: Path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "a.js").write_bytes(TEXT)
    compress.compress_site(site, tmp_path / "cache")
    (site / "a.js").write_bytes(os.urandom(4096))  # rebuilt into something that does not compress
    compress.compress_site(site, tmp_path / "cache")
    assert not (site / "a.js.br").exists() and not (site / "a.js.gz").exists()
