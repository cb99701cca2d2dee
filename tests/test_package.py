"""Packaging rules: standard library only, light imports, version and data file in place."""

from __future__ import annotations

import ast
import json
import sys
import tomllib
from importlib.resources import files
from pathlib import Path

import calculator

ROOT = Path(__file__).resolve().parent.parent
# The imported package, so the checks also hold for the installed wheel (as in Pyodide).
PACKAGE = Path(calculator.__file__).resolve().parent
MODULES = sorted(PACKAGE.glob("*.py"))
# Heavy or unneeded at browser start-up: integers and the modules below do the job.
ALLOWED_IMPORTS = {"__future__", "datetime", "functools", "importlib", "json", "re"}


def _imports(path: Path) -> set[str]:
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
    assert calculator.__all__ == ["__version__", "calculate", "calculate_json", "deadlines",
                                  "deadlines_json"]
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert calculator.__version__ == project["version"]


def test_data_file_is_packaged() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    assert "data/*.json" in config["tool"]["setuptools"]["package-data"]["calculator"]
    data = files("calculator").joinpath("data/reference_amounts.json")
    assert json.loads(data.read_text("utf-8"))["normalbelopp"]


def test_modules_stay_readable_in_one_sitting() -> None:
    for path in MODULES:
        assert len(path.read_text("utf-8").splitlines()) <= 220, path.name
