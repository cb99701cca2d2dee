"""Packaging rules: standard library only, light imports, version and data file in place."""

from __future__ import annotations

import ast
import dis
import json
import marshal
import sys
import tomllib
import traceback
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


def _code_objects(code: types.CodeType):
    """``code`` and every code object it holds (functions, classes, comprehensions)."""
    yield code
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            yield from _code_objects(const)


def _compiled_imports(code: types.CodeType) -> set[str]:
    """Absolute imports in a code object and the functions it holds (``import x``, ``from x``)."""
    found = set()
    for inner in _code_objects(code):
        instructions = list(dis.get_instructions(inner))
        for i, instruction in enumerate(instructions):
            if instruction.opname == "IMPORT_NAME" and instructions[i - 2].argval == 0:  # level 0
                found.add(instruction.argval.split(".")[0])
    return found


def _module_code(path) -> types.CodeType:
    """The module's code; ``path`` is a file or zip entry (Traversable)."""
    if path.name.endswith(".pyc"):  # 16-byte header, then the marshalled module code
        return marshal.loads(path.read_bytes()[16:])
    return compile(path.read_text("utf-8"), path.name, "exec")


def _imports(path) -> set[str]:
    """Top-level names imported by one module; ``path`` is a file or zip entry (Traversable)."""
    if path.name.endswith(".pyc"):
        return _compiled_imports(_module_code(path))
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def _line_numbers(code: types.CodeType) -> set[int]:
    return {line for inner in _code_objects(code) for _, _, line in inner.co_lines() if line is not None}


def test_the_engine_keeps_its_line_numbers() -> None:
    """The site's standard library has none (scripts/leanstdlib/compile.py); the engine's
    frames are the ones a maintainer reads, so the shipped wheel keeps them."""
    for path in MODULES:
        assert len(_line_numbers(_module_code(path))) > 1, path.name


def test_a_traceback_through_the_standard_library_still_formats() -> None:
    """Run in Pyodide against the site's standard library, whose frames have no line numbers:
    the traceback the worker logs for a failed call must still name them, not fail itself."""
    try:
        json.loads("{not json")
    except ValueError as error:
        text = "".join(traceback.format_exception(error))
    assert "JSONDecodeError" in text
    assert "decoder.py" in text


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
