"""What the build ships for the calculator's Python, and the compressed variants of every file.

Why check the variants byte for byte: a server sends ``file.br`` in place of
``file`` without looking inside, so a stale variant would hand browsers an old
file that no other test would notice.
"""

from __future__ import annotations

import gzip
import json
import zipfile
from pathlib import Path

import brotli
import pytest

pytestmark = pytest.mark.site

DECODERS = {".br": brotli.decompress, ".gz": gzip.decompress}


def test_every_variant_decodes_to_its_file(site_dir: Path):
    variants = [p for p in site_dir.rglob("*") if p.suffix in DECODERS and p.with_suffix("").is_file()]
    assert any(p.suffix == ".br" for p in variants) and any(p.suffix == ".gz" for p in variants)
    for variant in variants:
        original = variant.with_suffix("")
        assert DECODERS[variant.suffix](variant.read_bytes()) == original.read_bytes(), variant


def test_large_assets_have_both_variants(site_dir: Path):
    for name in ("pyodide.asm.wasm", "pyodide.asm.mjs", "bokvar-stdlib.zip"):
        path = site_dir / "kalkylator" / "pyodide" / name
        assert path.with_name(name + ".br").is_file() and path.with_name(name + ".gz").is_file(), name


def test_calculator_ships_the_trimmed_precompiled_python(site_dir: Path):
    core = site_dir / "kalkylator" / "pyodide"
    assert not (core / "python_stdlib.zip").exists(), "the stock standard library is not published"
    with zipfile.ZipFile(core / "bokvar-stdlib.zip") as stdlib:
        names = stdlib.namelist()
    assert "json/__init__.pyc" in names and "encodings/__init__.pyc" in names
    assert not [n for n in names if n.endswith(".py")], "sources would be compiled on every start"
    (wheel,) = (site_dir / "kalkylator").glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        modules = [n for n in archive.namelist() if n.startswith("calculator/")]
    assert "calculator/__init__.pyc" in modules and not [n for n in modules if n.endswith(".py")]
    assert any(n.endswith(".json") for n in modules), "the engine's data file must ship"
    lock = json.loads((core / "pyodide-lock.json").read_text(encoding="utf-8"))
    assert lock["packages"] == {} and lock["info"]["abi_version"]


def test_benchmark_pages_are_not_published(site_dir: Path):
    assert not (site_dir / "bench").exists()
