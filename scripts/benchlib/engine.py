"""Engine time for the 120-month plan: in CPython and in Pyodide under Node.js.

Why both: CPython shows what the algorithm costs; Pyodide (same wheel the site
serves, same Pyodide version) shows what the browser's worker pays, and the
split (Pyodide start, wheel load, import, first call) is the profile to read
when the calculator is slower than the Pyodide floor.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .stats import summarize

CPYTHON_SNIPPET = r"""
import json, sys, time
t0 = time.perf_counter()
import calculator
t1 = time.perf_counter()
text = sys.argv[1]
calls = int(sys.argv[2])
times = []
for _ in range(calls):
    s = time.perf_counter()
    answer = calculator.calculate_json(text)
    times.append((time.perf_counter() - s) * 1000)
parsed = json.loads(answer)
print(json.dumps({"import_ms": (t1 - t0) * 1000, "first_call_ms": times[0], "calls_ms": times[1:],
                  "ok": parsed["ok"], "rows": len(parsed["plan"]["rows"]) if parsed["plan"] else 0,
                  "errors": parsed["errors"]}))
"""


def _run(cmd: list[str], cwd: Path, timeout: float) -> dict:
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:2])} failed: {done.stderr.strip()[-600:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _finish(raw: dict) -> dict:
    if not raw["ok"] or raw["rows"] != 120:
        raise RuntimeError(f"engine did not answer the 120-month plan: {raw.get('errors')}")
    raw["call_ms"] = summarize(raw.pop("calls_ms"))
    return raw


def cpython(repo: Path, request: dict, calls: int = 20) -> dict:
    """Import time and per-call time of ``calculator.calculate_json`` in the venv's CPython."""
    cmd = [sys.executable, "-c", CPYTHON_SNIPPET, json.dumps(request), str(calls)]
    return _finish(_run(cmd, repo, 120))


def pyodide(repo: Path, site: Path, request: dict, calls: int = 20) -> dict:
    """The same in Pyodide under Node.js, with the core, standard library and wheel the site serves."""
    wheels = sorted((site / "kalkylator").glob("*.whl"))
    if not wheels:
        raise RuntimeError(f"no wheel in {site / 'kalkylator'} (scripts/prebuild builds it)")
    script = Path(__file__).with_name("engine_node.mjs")
    cmd = [
        "node",
        str(script),
        str((site / "kalkylator" / "pyodide").resolve()),
        str(wheels[-1].resolve()),
        json.dumps(request),
        str(calls),
    ]
    raw = _finish(_run(cmd, repo, 300))
    raw["wheel"] = wheels[-1].name
    return raw
