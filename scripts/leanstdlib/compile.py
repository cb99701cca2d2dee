"""Precompile modules to unchecked hash-based ``.pyc`` files; runs INSIDE Pyodide.

Why inside Pyodide: a ``.pyc`` file is only valid for the interpreter version
that wrote it (its magic number). Compiling with the same Pyodide that the site
ships means the numbers always match, whatever Python the build machine has.
Why unchecked hash-based: nothing is ever compared against a source (none is
shipped) and timestamps in the browser's file system mean nothing.

Optimisation levels: the standard library is compiled as ``python -OO`` would
(``optimize=2``: no docstrings, no asserts). Docstrings were a sixth of its
bytes (the shipped zip, brotli: 1 051 → 893 kB), and a start-up in which
nobody reads ``help()`` never uses them; CPython's own test suite runs under
``-OO``, so the standard library is made to work without them. The engine's wheel keeps ``optimize=0``:
its dataclasses would otherwise have no docstring, and ``dataclasses`` then
builds one from ``inspect.signature`` for every class at import, which costs
start-up time instead of saving it; and its asserts stay as tested.

Column ranges: the compiling interpreter runs with ``PYTHONNODEBUGRANGES=1``
(set by ``compile.mjs``), so code objects keep their line numbers but not
the column ranges a traceback uses to underline the failing expression. No
source is shipped, so a traceback in the browser could never show the line
those ranges point into; they were a quarter of the standard library's
brotli bytes (the shipped zip: 893 → 667 kB). :func:`pyc_bytes` refuses to
run without the setting.

Line numbers: the standard library's code objects keep no line numbers
either. Each location table is replaced by the shortest valid one, "no
location" for every instruction (one byte per eight), so a traceback still
works and names each standard-library frame, with "line None". The tables
were 86 kB of the zip's 592 kB with brotli. An empty table would not do:
``traceback`` then fails while formatting any exception (seen in Pyodide
314.0.7). The wheel keeps its line numbers: a frame of the engine is the one a
maintainer needs to find.

Zips are written with ZIP_STORED and a fixed date: the server sends them with
brotli or gzip, which compress stored bytes better than a second deflate layer
would, and equal inputs give byte-equal outputs (cacheable, reproducible).
"""

import base64
import hashlib
import importlib._bootstrap_external as _external
import importlib.util
import types
import zipfile

DATE = (1980, 1, 1, 0, 0, 0)
SITE_PACKAGES = "/lib/python3.14/site-packages/"


STDLIB_OPTIMIZE = 2
WHEEL_OPTIMIZE = 0


def _has_column_ranges() -> bool:
    """Whether compile() here records column ranges (PYTHONNODEBUGRANGES unset)."""
    code = compile("x = 1", "<probe>", "exec", dont_inherit=True)
    return any(start is not None for _, _, start, _ in code.co_positions())


# One location-table entry: bit 7 starts an entry, bits 3-6 hold the kind (15: no
# location), bits 0-2 the number of code units it covers, minus one (CPython's
# Objects/locations.md).
_NO_LOCATION = 0x80 | 15 << 3


def _no_locations(code_units: int) -> bytes:
    """The shortest location table that covers ``code_units`` with "no location"."""
    table = bytearray()
    while code_units > 0:
        covered = min(code_units, 8)
        table.append(_NO_LOCATION | (covered - 1))
        code_units -= covered
    return bytes(table)


def without_line_numbers(code: types.CodeType) -> types.CodeType:
    """``code`` and every code object inside it, with no location for any instruction."""
    consts = tuple(without_line_numbers(c) if isinstance(c, types.CodeType) else c for c in code.co_consts)
    return code.replace(co_linetable=_no_locations(len(code.co_code) // 2), co_consts=consts)


def pyc_bytes(source: bytes, filename: str, optimize: int, line_numbers: bool = True) -> bytes:
    if _has_column_ranges():
        raise RuntimeError("compile inside Pyodide with PYTHONNODEBUGRANGES=1 (see compile.mjs)")
    code = compile(source, filename, "exec", dont_inherit=True, optimize=optimize)
    if not line_numbers:
        code = without_line_numbers(code)
    return bytes(_external._code_to_hash_pyc(code, importlib.util.source_hash(source), checked=False))


def _write(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, DATE)
    info.compress_type = zipfile.ZIP_STORED
    info.external_attr = 0o644 << 16
    archive.writestr(info, data)


def build_stdlib(stock_zip: str, members: list[str], target: str, prefix: str) -> int:
    """Write ``target`` with ``members`` (``json/__init__.py`` …) of ``stock_zip`` as .pyc."""
    with zipfile.ZipFile(stock_zip) as source, zipfile.ZipFile(target, "w") as out:
        for member in sorted(members):
            data = source.read(member)
            if member.endswith(".py"):
                pyc = pyc_bytes(data, prefix + member, STDLIB_OPTIMIZE, line_numbers=False)
                _write(out, member + "c", pyc)
            else:
                _write(out, member, data)
    return len(members)


def build_wheel(wheel: str, target: str) -> int:
    """Copy ``wheel`` to ``target`` with every ``.py`` replaced by its ``.pyc`` and a new RECORD."""
    records, count = [], 0
    with zipfile.ZipFile(wheel) as source, zipfile.ZipFile(target, "w") as out:
        names = [name for name in source.namelist() if not name.endswith("/")]
        record = next(name for name in names if name.endswith(".dist-info/RECORD"))
        for name in sorted(names):
            if name == record:
                continue
            data = source.read(name)
            if name.endswith(".py"):
                name, data = name + "c", pyc_bytes(data, SITE_PACKAGES + name, WHEEL_OPTIMIZE)
                count += 1
            _write(out, name, data)
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            records.append(f"{name},sha256={digest},{len(data)}")
        records.append(f"{record},,")
        _write(out, record, ("\n".join(records) + "\n").encode())
    return count
