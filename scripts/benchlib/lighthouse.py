"""Lighthouse scores (performance and accessibility) for the start, a guide and the calculator page.

Why the npm ``lighthouse`` with Debian's Chromium: it is pinned in
package-lock.json and runs offline. Its defaults are kept (mobile form factor,
simulated slow-4G throttling), the profile its 95-point goal refers to.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path

from .config import CHROMIUM, CHROMIUM_ARGS

METRICS = (
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
)


def median_run(repo: Path, url: str, runs: int = 3) -> dict:
    """The run with the median performance score of ``runs`` (Lighthouse's own advice: scores vary).

    The other runs' scores are kept as ``scores`` so the spread is visible.
    """
    reports = sorted((run(repo, url) for _ in range(runs)), key=lambda r: r["performance"] or 0)
    chosen = dict(reports[len(reports) // 2])
    chosen["scores"] = [(r["performance"], r["accessibility"]) for r in reports]
    return chosen


def run(repo: Path, url: str, timeout: float = 240) -> dict:
    """Scores 0–100, key metrics and the audits that lost points, from one Lighthouse run."""
    binary = repo / "node_modules" / ".bin" / "lighthouse"
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    with tempfile.TemporaryDirectory(prefix="bokvar-lh-") as tmp:
        out = Path(tmp) / "report.json"
        cmd = [
            str(binary),
            url,
            "--only-categories=performance,accessibility",
            "--output=json",
            f"--output-path={out}",
            "--quiet",
            f"--chrome-flags={flags}",
        ]
        env = {**os.environ, "CHROME_PATH": CHROMIUM}
        done = subprocess.run(cmd, cwd=repo, env=env, capture_output=True, text=True, timeout=timeout)
        if done.returncode != 0 or not out.exists():
            raise RuntimeError(f"lighthouse failed for {url}: {done.stderr.strip()[-600:]}")
        report = json.loads(out.read_text(encoding="utf-8"))
    categories = report["categories"]
    audits = report["audits"]
    lost = {}
    for name, category in categories.items():
        refs = [ref for ref in category["auditRefs"] if ref.get("weight")]
        lost[name] = sorted(
            ref["id"]
            for ref in refs
            if audits[ref["id"]].get("score") is not None and audits[ref["id"]]["score"] < 1
        )
    return {
        "performance": _score(categories["performance"]),
        "accessibility": _score(categories["accessibility"]),
        "metrics": {m: audits[m].get("displayValue") for m in METRICS if m in audits},
        "lost_points": lost,
        "warnings": report.get("runWarnings", []),
        "settings": {k: report["configSettings"].get(k) for k in ("formFactor", "throttlingMethod")},
    }


def _score(category: dict):
    return None if category.get("score") is None else round(category["score"] * 100)
