"""Where the build reads and writes: one place for the folders every step shares."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
BUILD = ROOT / "build"
CONFIG = ROOT / "mkdocs.yml"

# Generated into docs/ by prebuild (git-ignored; see .gitignore and __init__.py).
HANDOUT_DIR = DOCS / "workshopmaterial" / "pdf"
EDITABLE_DIR = DOCS / "workshopmaterial" / "redigerbart"
CALCULATOR_DIR = DOCS / "kalkylator"
PYODIDE_DIR = CALCULATOR_DIR / "pyodide"


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` unless it already holds exactly that; True if written.

    Unchanged files keep their modification time, so a watching ``mkdocs serve``
    does not rebuild again because prebuild ran.
    """
    if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
    return True
