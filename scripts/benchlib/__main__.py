"""Command line of ``scripts/bench``: build, serve, measure, print one table, write JSON.

$ scripts/bench                      # build into site/, 5 runs, every section
$ scripts/bench --no-build --site /tmp/s --runs 2 --only ready,bytes
$ scripts/bench --check              # exit 1 when a budget (config.BUDGETS) fails
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

from . import budgets, config, engine, lighthouse, report, runs

REPO = Path(__file__).resolve().parents[2]
SECTIONS = ("build", "ready", "form", "bytes", "throttle", "engine", "lighthouse")


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="scripts/bench", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per measure (default 5; issue 5 wants ≥ 5)")
    parser.add_argument("--site", type=Path, default=REPO / "site", help="built site folder (default site/)")
    parser.add_argument("--no-build", action="store_true", help="measure the site as it is, do not build it")
    parser.add_argument("--check", action="store_true", help="exit 1 when a budget fails")
    parser.add_argument("--only", default="", help=f"comma-separated sections: {','.join(SECTIONS)}")
    parser.add_argument("--skip", default="", help="comma-separated sections to leave out")
    parser.add_argument(
        "--warmup", type=int, default=1, help="unrecorded floor+calculator visits first (default 1)"
    )
    parser.add_argument(
        "--lighthouse-runs",
        type=int,
        default=3,
        help="Lighthouse runs per page; the median performance score is kept (default 3)",
    )
    parser.add_argument("--json", type=Path, default=REPO / "bench-results" / "latest.json")
    args = parser.parse_args(argv)
    only = {s for s in args.only.split(",") if s} or set(SECTIONS)
    skip = {s for s in args.skip.split(",") if s}
    unknown = (only | skip) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section(s): {', '.join(sorted(unknown))}")
    if args.no_build:
        skip.add("build")
    args.sections = [s for s in SECTIONS if s in only and s not in skip]
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    return args


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = int(Path("/proc/meminfo").read_text().split()[1]) / 1024 / 1024
        osname = (
            dict(
                line.split("=", 1) for line in Path("/etc/os-release").read_text().splitlines() if "=" in line
            )
            .get("PRETTY_NAME", platform.system())
            .strip('"')
        )
    except OSError:
        mem, osname = 0, platform.system()
    return f"{cpu}, {os.cpu_count()} cores, {mem:.0f} GB RAM, {osname}"


def build(site: Path) -> dict:
    """Section 8: wall time of the whole build (prebuild: PDFs, wheel, Pyodide copy; pages; postbuild)."""
    start = time.perf_counter()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    for command in (
        [str(REPO / "scripts/prebuild")],
        [str(REPO / ".venv/bin/mkdocs"), "build", "--strict", "--clean", "-d", str(site)],
        [str(REPO / "scripts/postbuild"), str(site)],
    ):
        done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, env=env)
        if done.returncode != 0:
            sys.exit(f"bench: the site does not build:\n{done.stderr[-3000:]}")
    return {"seconds": time.perf_counter() - start}


def main(argv=None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    site = args.site.resolve()
    results: dict = {"errors": {}}
    meta = {
        "date": dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "runs": args.runs,
        "machine": machine(),
        "load_before": os.getloadavg()[0],
        "python": platform.python_version(),
        "sections": args.sections,
        "site": str(site),
    }
    try:
        meta["pyodide"] = json.loads((REPO / "node_modules/pyodide/package.json").read_text())["version"]
        meta["node"] = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    except (OSError, ValueError):
        pass
    results["meta"] = meta
    if args.runs < 5:
        print(f"bench: note: --runs {args.runs} is below the 5 runs issue 5 asks for (fine while developing)")

    if "build" in args.sections:
        print(f"[8] building the site into {site} …", flush=True)
        results["build"] = build(site)
    if not (site / "index.html").exists():
        sys.exit(f"bench: no built site at {site} (run without --no-build, or pass --site)")
    if not (site / config.PYODIDE_DIR / "pyodide.mjs").exists():
        print(f"bench: warning: {site / config.PYODIDE_DIR} has no Pyodide core; browser sections will fail")

    from .serve import prepare_bench_pages, serve_in_process, serve_in_thread  # noqa: PLC0415

    prepare_bench_pages()
    request = config.plan_request()
    # Timed visits go to servers in child processes; the byte counts come from servers in
    # threads of this process (serve.serve_in_process says why).
    stop_timed, base = serve_in_process(site)
    stop_plain, plain_base = serve_in_process(site, compress=False)
    server, counted_base = serve_in_thread(site)
    gzip_server, gzip_base = serve_in_thread(site, gzip_only=True)
    meta["base_url"] = base
    try:
        _browser_part(
            args, request, (server, base, counted_base), plain_base, (gzip_server, gzip_base), site, results
        )
        if "engine" in args.sections:
            _engine_section(site, request, results)
        if "lighthouse" in args.sections:
            _lighthouse_section(args, base, results)
    finally:
        stop_timed()
        stop_plain()
        for running in (server, gzip_server):
            running.shutdown()

    meta["load_after"] = os.getloadavg()[0]
    meta["elapsed_s"] = round(time.perf_counter() - started)
    results["budgets"] = budgets.check(results, args.sections)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    args.json.with_suffix(".md").write_text(
        report.header(meta) + "\n\n" + report.markdown_table(results) + "\n", encoding="utf-8"
    )
    failed = _print_summary(args, meta, results)
    return 1 if args.check and failed else 0


def _print_summary(args, meta: dict, results: dict) -> list[dict]:
    """The table, notes and budget verdicts on stdout; returns the failed budgets."""
    print()
    print(report.header(meta))
    print(report.text_table(results))
    for key, text in results["errors"].items():
        print(f"note [{key}]: {text}")
    busy = max(meta["load_before"], meta["load_after"])
    if busy > (os.cpu_count() or 1):
        print(
            f"note: the load average reached {busy:.1f} on {os.cpu_count()} cores: "
            "other processes shared the CPU, "
            "so timings are noisy (paired ratios cancel part of it)"
        )
    failed = [b for b in results["budgets"] if not b["ok"]]
    print(f"\nJSON: {args.json}   Markdown: {args.json.with_suffix('.md')}")
    print("\nBudgets and goals (scripts/benchlib/config.py BUDGETS, GOALS):")
    for b in results["budgets"]:
        status = "skip" if b.get("skipped") else "goal" if b.get("goal") else "ok  " if b["ok"] else "FAIL"
        print(f"  {status} {b['text']}")
    skipped = sum(bool(b.get("skipped")) for b in results["budgets"])
    verdict = (f"{len(failed)} budget(s) failed" if failed else "every budget holds") + (
        f" ({skipped} skipped: section not run)" if skipped else ""
    )
    print(f"bench{' --check' if args.check else ''}: {verdict}")
    return failed


def _browser_part(args, request, served, plain, gzip_only, site, results) -> None:
    browser_sections = [s for s in ("ready", "form", "bytes", "throttle") if s in args.sections]
    if not browser_sections:
        return
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 - only when needed

    from .browser import Browser  # noqa: PLC0415

    with sync_playwright() as pw:
        browser = Browser(pw, served[1])
        results["meta"]["chromium"] = browser.version
        try:
            _browser_sections(browser, args, request, served, plain, gzip_only, site, results)
        finally:
            browser.close()


def _engine_section(site: Path, request: dict, results: dict) -> None:
    print("[8] engine time for the 120-month plan …", flush=True)
    results["engine"] = {}
    for name, fn in (
        ("cpython", lambda: engine.cpython(REPO, request)),
        ("pyodide", lambda: engine.pyodide(REPO, site, request)),
    ):
        try:
            results["engine"][name] = fn()
        except Exception as error:  # noqa: BLE001
            results["errors"][f"engine_{name}"] = str(error)


def _lighthouse_section(args, base: str, results: dict) -> None:
    print("[L] Lighthouse …", flush=True)
    results["lighthouse"] = {}
    for kind, path in (
        ("start", config.START_PAGE),
        ("guide", config.GUIDE_PAGE),
        ("calculator", config.CALCULATOR_PAGE),
    ):
        try:
            results["lighthouse"][kind] = lighthouse.median_run(
                REPO, base + path, max(1, args.lighthouse_runs)
            )
        except Exception as error:  # noqa: BLE001
            results["errors"][f"lighthouse_{kind}"] = str(error)


def _browser_sections(browser, args, request, served, plain_base, gzip_only, site, results) -> None:
    counting_server, counted_base = served[0], served[2]
    if args.warmup and "ready" in args.sections:
        print(f"[-] warm-up ({args.warmup} unrecorded visit of each page) …", flush=True)
        for _ in range(args.warmup):
            for visit in (
                lambda: runs.floor_visit(browser, config.STOCK_PAGE),
                lambda: runs.floor_visit(browser),
                lambda: runs.calculator_visits(browser, request, False),
            ):
                with contextlib.suppress(Exception):  # the recorded runs report failures
                    visit()
    steps = (
        (
            "ready",
            "[1,2,4,5] stock floor, site floor, calculator: cold, answer, warm, offline",
            lambda: runs.ready_section(browser, args.runs, request),
        ),
        ("form", "[3] form usable: calculator vs guide page", lambda: runs.form_section(browser, args.runs)),
        (
            "bytes",
            "[6] bytes per page type (calculator also from a gzip-only host)",
            lambda: runs.bytes_section(browser, counting_server, counted_base, *gzip_only),
        ),
        (
            "throttle",
            "[7] throttled 10 Mbit/s, 40 ms: compressed vs not",
            lambda: runs.throttle_section(browser, args.runs, plain_base, site),
        ),
    )
    for name, title, step in steps:
        if name not in args.sections:
            continue
        print(title + " …", flush=True)
        out = step()
        results["errors"].update(out.pop("errors", {}))
        results.update(out)


if __name__ == "__main__":
    sys.exit(main())
