"""Build step: the trimmed, precompiled standard library and the precompiled wheel.

Why: stock Pyodide sends 2.5 MB of standard-library *sources* (already
deflated, so gzip and brotli cannot shrink them) and compiles every module it
imports on each start. The calculator needs a fraction of them. This step

1. traces, in stock Pyodide under Node, what Pyodide's start-up and the engine
   import while the engine's whole test suite runs
   (``node tests/pyodide/run_engine_tests.mjs --trace``; the graph logic is in
   ``trace.py``), so a module a helper adds to the engine is picked up with no
   list to maintain;
2. compiles exactly those modules, and the wheel's modules, to unchecked
   hash-based ``.pyc`` inside the same Pyodide (``compile.mjs``/``compile.py``),
   so the magic number always matches the shipped interpreter.

pyodide-build's ``pyodide py-compile`` would do step 2, but it needs a host
Python equal to Pyodide's (3.14), which this project does not require; Pyodide
itself is the one interpreter that is certain to match.

It also writes a minimal ``pyodide-lock.json``: Pyodide 314.0.7 reads a lock
file at start-up (it checks the ABI version and indexes packages for
``loadPackage``), but the calculator loads no package through it, so the
stock ``info`` with an empty ``packages`` is all it needs (150 bytes instead of
119 kB). ``lockFileContents`` could inline it, but the ABI version would then
live in the worker and drift on an upgrade; a generated file cannot.

Results are cached in ``build/leanstdlib/<hash of every input>/``: the wheel,
the engine tests, the pinned Pyodide and test tools, and this tool's own code.
Nothing generated is committed. The shipped files are tested as shipped: the
Pyodide engine suite and the browser tests load them from ``site/``.

    $ .venv/bin/python scripts/leanstdlib/build.py build/wheel/calculator-….whl
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / "build" / "leanstdlib"
STDLIB_NAME = "bokvar-stdlib.zip"
HERE = Path(__file__).resolve().parent
PYODIDE = ROOT / "node_modules" / "pyodide"


class LeanBuildError(RuntimeError):
    """The trace or the compile step failed; the message holds their output."""


def _inputs(wheel: Path) -> list[Path]:
    tests = ROOT / "tests"
    engine_tests = [
        p
        for p in sorted(tests.rglob("*"))
        if p.is_file()
        and p.relative_to(tests).parts[0] not in {"browser", "site", "__pycache__"}
        and "__pycache__" not in p.parts
        and ".hypothesis" not in p.parts
    ]
    return [
        wheel,
        ROOT / "pyproject.toml",
        ROOT / "requirements.txt",
        PYODIDE / "package.json",
        PYODIDE / "python_stdlib.zip",
        PYODIDE / "pyodide-lock.json",
        *sorted(HERE.glob("*.py")),
        *sorted(HERE.glob("*.mjs")),
        *engine_tests,
    ]


def input_digest(wheel: Path) -> str:
    """SHA-256 over the names and bytes of every input (see module docstring)."""
    digest = hashlib.sha256()
    for path in _inputs(wheel):
        name = path.name if path == wheel else path.relative_to(ROOT).as_posix()
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:20]


def _run(command: list[str], what: str) -> None:
    env = {**os.environ, "HYPOTHESIS_PROFILE": "dev"}  # the trace needs coverage, not many examples
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise LeanBuildError(f"{what} failed:\n{result.stdout[-4000:]}{result.stderr[-4000:]}")


def minimal_lock() -> str:
    """The stock lock file's ``info`` (versions, ABI) with no packages."""
    stock = json.loads((PYODIDE / "pyodide-lock.json").read_text(encoding="utf-8"))
    return json.dumps({"info": stock["info"], "packages": {}}, sort_keys=True)


def build(wheel: Path) -> tuple[Path, Path, Path]:
    """Return (trimmed stdlib zip, precompiled wheel, minimal lock file), built or reused."""
    target = CACHE / input_digest(wheel)
    done = target / "done.json"
    lock = target / "pyodide-lock.json"
    if done.is_file():
        names = json.loads(done.read_text(encoding="utf-8"))
        return target / names["stdlib"], target / names["wheel"], lock
    shutil.rmtree(CACHE, ignore_errors=True)  # one cached result is enough
    work = target / "work"
    work.mkdir(parents=True)
    traced = target / "traced.json"
    _run(
        ["node", "tests/pyodide/run_engine_tests.mjs", "--trace", str(traced), "--wheel", str(wheel)],
        "Tracing the engine's imports in Pyodide",
    )
    _run(
        ["node", str(HERE / "compile.mjs"), str(traced), str(wheel), str(work)],
        "Compiling to .pyc in Pyodide",
    )
    (stdlib,) = work.glob(STDLIB_NAME)
    (compiled,) = (p for p in work.glob("*.whl"))
    for path in (stdlib, compiled):
        path.rename(target / path.name)
    work.rmdir()
    lock.write_text(minimal_lock(), encoding="utf-8")
    done.write_text(json.dumps({"stdlib": stdlib.name, "wheel": compiled.name}), encoding="utf-8")
    return target / stdlib.name, target / compiled.name, lock


if __name__ == "__main__":
    print(*build(Path(sys.argv[1]).resolve()), sep="\n")
