"""Packaging rules: standard library only, light imports, version and data file in place."""

from __future__ import annotations

import ast
import dis
import json
import marshal
import sys
import tomllib
import types
from importlib.resources import files
from pathlib import Path

import pytest

import calculator

ROOT = Path(__file__).resolve().parent.parent
# The imported package, so the checks also hold for the shipped wheel (as in Pyodide, where
# it is imported from the zip itself: importlib.resources reads a folder and a zip alike).
PACKAGE = files(calculator)
# The wheel the site ships holds only precompiled modules (scripts/leanstdlib/build.py).
SOURCELESS = not any(entry.name.endswith(".py") for entry in PACKAGE.iterdir())
MODULES = sorted(
    (entry for entry in PACKAGE.iterdir() if entry.name.endswith(".pyc" if SOURCELESS else ".py")),
    key=lambda entry: entry.name,
)
# Heavy or unneeded at browser start-up: integers and the modules below do the job.
ALLOWED_IMPORTS = {"__future__", "datetime", "functools", "importlib", "json", "re"}


def _compiled_imports(code: types.CodeType) -> set[str]:
    """Absolute imports in a code object and the functions it holds (``import x``, ``from x``)."""
    found = set()
    instructions = list(dis.get_instructions(code))
    for i, instruction in enumerate(instructions):
        if instruction.opname == "IMPORT_NAME" and instructions[i - 2].argval == 0:  # level 0
            found.add(instruction.argval.split(".")[0])
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            found |= _compiled_imports(const)
    return found


def _imports(path) -> set[str]:
    """Top-level names imported by one module; ``path`` is a file or zip entry (Traversable)."""
    if path.name.endswith(".pyc"):  # 16-byte header, then the marshalled module code
        return _compiled_imports(marshal.loads(path.read_bytes()[16:]))
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def test_only_light_standard_library_imports() -> None:
    assert len(MODULES) >= 10
    for path in MODULES:
        imported = _imports(path)
        assert imported <= ALLOWED_IMPORTS, (path.name, imported - ALLOWED_IMPORTS)
        assert imported <= set(sys.stdlib_module_names)


def test_public_api_and_version() -> None:
    assert calculator.__all__ == [
        "__version__",
        "calculate",
        "calculate_json",
        "deadlines",
        "deadlines_json",
        "internal_error_json",
    ]
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert calculator.__version__ == project["version"]


def test_data_file_is_packaged() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    assert "data/*.json" in config["tool"]["setuptools"]["package-data"]["calculator"]
    data = files("calculator").joinpath("data/reference_amounts.json")
    assert json.loads(data.read_text("utf-8"))["normalbelopp"]


@pytest.mark.skipif(SOURCELESS, reason="needs the source; the CPython run checks it")
def test_modules_stay_readable_in_one_sitting() -> None:
    for path in MODULES:
        assert len(path.read_text("utf-8").splitlines()) <= 220, path.name
