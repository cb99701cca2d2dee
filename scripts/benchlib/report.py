"""The one table the benchmark prints (plain text) and writes (Markdown for the README).

Why one row builder for both: the README's performance section must show the
same figures the terminal showed, so both renderings come from the same rows.
"""

from __future__ import annotations

from .budgets import fmt


def _budget(r: dict, key: str, name: str | None = None) -> tuple[str, str]:
    """("≤ limit", "ok"/"FAIL"/"") for one budget, from the entries budgets.check() made."""
    for entry in r.get("budgets", []):
        if entry.get("key") == key and (name is None or entry["budget"].startswith(name)):
            limit = f"≤ {fmt(entry['limit'], entry['unit'])}"
            if entry.get("goal"):
                return "goal " + limit, "" if entry.get("skipped") else ("met" if entry["met"] else "missed")
            status = "" if entry.get("skipped") else ("ok" if entry["ok"] else "FAIL")
            return limit, status
    return "", ""


def _ms(s, key="median"):
    if not s:
        return "–"
    v = s[key]
    return f"{v / 1000:.2f} s" if v >= 10_000 else f"{v:.0f} ms"


def _range(s, unit="ms"):
    if not s:
        return ""
    if unit == "x":
        return f"{s['min']:.2f}–{s['max']:.2f}×"
    return f"{_ms(s, 'min')}–{_ms(s, 'max')}"


def _x(s):
    return "–" if not s else f"{s['median']:.2f}×"


def _kb(v):
    return "–" if v is None else f"{v / 1000:,.1f} kB".replace(",", " ")


def rows(r: dict) -> list[tuple]:
    """(section, measure, median, min–max, budget, status) in the order of issue 5."""
    ready, answer, warm = r.get("ready") or {}, r.get("answer") or {}, r.get("warm") or {}
    form, throttle = r.get("form") or {}, r.get("throttle") or {}
    out = []
    if ready:
        out += _ready_rows(r, ready)
    if form:
        out += _form_rows(r, form)
    if answer:
        out += _answer_rows(r, answer)
    if warm:
        out += _warm_rows(r, warm)
    out += _bytes_rows(r, (r.get("bytes") or {}).get("pages", {}))
    if throttle:
        out += _throttle_rows(r, throttle)
    build, engine = r.get("build"), r.get("engine") or {}
    if build:
        out.append(
            (
                "8",
                "Build, whole site (prebuild, mkdocs build --strict, postbuild; build/ caches kept)",
                f"{build['seconds']:.1f} s",
                "",
                "",
                "",
            )
        )
    if engine.get("cpython"):
        c = engine["cpython"]
        out.append(
            (
                "8" if not build else "",
                f"Engine, CPython: import {c['import_ms']:.0f} ms, "
                f"first call {c['first_call_ms']:.1f} ms; per call",
                f"{c['call_ms']['median']:.1f} ms",
                f"{c['call_ms']['min']:.1f}–{c['call_ms']['max']:.1f} ms",
                "",
                "",
            )
        )
    if engine.get("pyodide"):
        p = engine["pyodide"]
        out.append(
            (
                "",
                f"Engine, Pyodide in Node: start {p['load_pyodide_ms']:.0f} ms, "
                f"wheel {p['load_wheel_ms']:.0f} ms, "
                f"import {p['import_ms']:.0f} ms, first call {p['first_call_ms']:.0f} ms; per call",
                f"{p['call_ms']['median']:.1f} ms",
                f"{p['call_ms']['min']:.1f}–{p['call_ms']['max']:.1f} ms",
                "",
                "",
            )
        )
    lh = r.get("lighthouse") or {}
    for kind, label in (("start", "start page"), ("guide", "guide page"), ("calculator", "calculator")):
        s = lh.get(kind)
        if not s:
            continue
        perf_goal = kind != "calculator"
        ok = (s["accessibility"] == 100) and (not perf_goal or (s["performance"] or 0) >= 95)
        goal = "perf ≥ 95, a11y 100" if perf_goal else "a11y 100"
        spread = s.get("scores") or []
        runs_note = f", median of {len(spread)} runs" if len(spread) > 1 else ""
        out.append(
            (
                "L" if kind == "start" else "",
                f"Lighthouse (mobile{runs_note}), {label}: performance / accessibility",
                f"{s['performance']} / {s['accessibility']}",
                "",
                goal,
                "ok" if ok else "below goal",
            )
        )
        lost = [f"{cat}: {', '.join(ids)}" for cat, ids in s.get("lost_points", {}).items() if ids]
        if len(spread) > 1:
            lost.insert(0, "performance scores " + ", ".join(str(p) for p, _ in spread))
        if lost:
            out.append(("", "  " + "; ".join(lost), "", "", "", ""))
    return out


def _ready_rows(r: dict, ready: dict) -> list[tuple]:
    out = [
        (
            "1",
            "Stock Pyodide floor: ready (unmodified npm core, worker runs one line)",
            _ms(ready.get("stock_ms")),
            _range(ready.get("stock_ms")),
            "",
            "",
        ),
        (
            "",
            "Site's Pyodide floor: ready (site's core and standard library, one line)",
            _ms(ready["floor_ms"]),
            _range(ready["floor_ms"]),
            "",
            "",
        ),
        (
            "2",
            "Calculator ready, cold",
            _ms(ready["calculator_cold_ms"]),
            _range(ready["calculator_cold_ms"]),
            "",
            "",
        ),
        (
            "",
            "  ratio to the stock floor (paired runs)",
            _x(ready.get("ratio_to_stock")),
            _range(ready.get("ratio_to_stock"), "x"),
            *_budget(r, "stock_ratio"),
        ),
        (
            "",
            "  ratio to the site's floor (paired runs)",
            _x(ready["ratio_to_floor"]),
            _range(ready["ratio_to_floor"], "x"),
            *_budget(r, "ready_ratio"),
        ),
    ]
    profile = _profile(ready)
    if profile:
        out.append(("", f"  profile, median ms after navigation start: {profile}", "", "", "", ""))
    return out


def _form_rows(r: dict, form: dict) -> list[tuple]:
    return [
        (
            "3",
            "Form usable: calculator, typing into the debt field",
            _ms(form["calculator_ms"]),
            _range(form["calculator_ms"]),
            "",
            "",
        ),
        (
            "",
            "Form usable: guide page, typing into the search box",
            _ms(form["guide_ms"]),
            _range(form["guide_ms"]),
            "",
            "",
        ),
        (
            "",
            "  ratio calculator / guide page (paired runs)",
            _x(form["ratio_to_guide"]),
            _range(form["ratio_to_guide"], "x"),
            *_budget(r, "form_ratio"),
        ),
    ]


def _answer_rows(r: dict, answer: dict) -> list[tuple]:
    return [
        (
            "4",
            "Answer, 120 months: click Beräkna → table on screen",
            _ms(answer["painted_ms"]),
            _range(answer["painted_ms"]),
            *_budget(r, "answer_ms"),
        ),
        ("", "  click → 120 rows in the DOM", _ms(answer["dom_ms"]), _range(answer["dom_ms"]), "", ""),
        (
            "",
            "  the click waits until the engine is idle (warm-up, snapshot stored), after ready",
            _ms(answer.get("idle_after_ready_ms")),
            _range(answer.get("idle_after_ready_ms")),
            "",
            "",
        ),
        *(
            [
                (
                    "",
                    "  profile, median ms: "
                    + " · ".join(f"{k.replace('_', ' ')} {v:.0f}" for k, v in answer["profile"].items()),
                    "",
                    "",
                    "",
                    "",
                )
            ]
            if answer.get("profile")
            else []
        ),
        (
            "",
            "  second and third answer, table on screen",
            _ms(answer.get("repeat_ms")),
            _range(answer.get("repeat_ms")),
            "",
            "",
        ),
    ]


def _warm_rows(r: dict, warm: dict) -> list[tuple]:
    sw = warm.get("service_worker") or "?"
    return [
        (
            "5",
            f"Calculator ready, warm (second visit; service worker: {sw})",
            _ms(warm["warm_ms"]),
            _range(warm["warm_ms"]),
            "",
            "",
        ),
        (
            "",
            "  ratio warm / cold (paired)",
            _x(warm["ratio_to_cold"]),
            _range(warm["ratio_to_cold"], "x"),
            *_budget(r, "warm_ratio"),
        ),
        (
            "",
            "  ratio warm / stock floor (paired)",
            _x(warm.get("ratio_to_stock")),
            _range(warm.get("ratio_to_stock"), "x"),
            *_budget(r, "warm_stock_ratio"),
        ),
        *(
            [
                (
                    "",
                    "  page's own, warm: "
                    + ", ".join(f"{k} {v:.0f}" for k, v in warm["page_timings"].items()),
                    "",
                    "",
                    "",
                    "",
                )
            ]
            if warm.get("page_timings")
            else []
        ),
        (
            "",
            f"Calculator ready, offline ({warm['offline_ok']} of "
            f"{len(warm['samples']['offline'])} runs worked)",
            _ms(warm["offline_ms"]),
            _range(warm["offline_ms"]),
            "",
            "",
        ),
    ]


def _bytes_rows(r: dict, pages: dict) -> list[tuple]:
    out = []
    labels = (
        ("calculator", "calculator, brotli served"),
        ("calculator_gzip", "calculator, gzip-only host"),
        ("guide", "guide page"),
        ("start", "start page"),
    )
    for kind, label in labels:
        page = pages.get(kind)
        if not page:
            continue
        detail = " · ".join(f"{k} {_kb(v)}" for k, v in page["split"].items() if v)
        if kind == "calculator":
            budget, st = _budget(r, "calculator_bytes_br")
            extra, extra_st = _budget(r, "calculator_extra_bytes")
            budget, st = f"{budget}; core+wheel+{extra[2:]}", "FAIL" if "FAIL" in (st, extra_st) else st
        elif kind == "calculator_gzip":
            budget, st = _budget(r, "calculator_bytes_gzip")
        else:
            budget, st = _budget(r, "guide_total_bytes", kind)
            pyodide_st = _budget(r, "guide_pyodide_bytes", kind)[1]
            budget, st = f"{budget}, 0 Pyodide", "FAIL" if "FAIL" in (st, pyodide_st) else st
        out.append(
            (
                "6" if kind == "calculator" else "",
                f"Bytes, first view, {label}",
                _kb(page["total"]),
                "",
                budget,
                st,
            )
        )
        out.append(("", f"  {detail}", "", "", "", ""))
    return out


def _throttle_rows(r: dict, throttle: dict) -> list[tuple]:
    enc = throttle.get("served_encoding") or {}
    compressed = sorted(f"{n} ({e})" for n, e in enc.items() if e != "identity")
    plain = sorted(n for n, e in enc.items() if e == "identity")
    return [
        (
            "7",
            "Throttled 10 Mbit/s, 40 ms: ready cold, pre-compressed files served",
            _ms(throttle["compressed_ms"]),
            _range(throttle["compressed_ms"]),
            *_budget(r, "throttled_ready_ms"),
        ),
        (
            "",
            "Throttled: ready cold, compression off",
            _ms(throttle["uncompressed_ms"]),
            _range(throttle["uncompressed_ms"]),
            "",
            "",
        ),
        (
            "",
            f"  served compressed: {', '.join(compressed) or 'none'}; not: {', '.join(plain) or 'none'}",
            "",
            "",
            "",
            "",
        ),
    ]


def _worker_file(urls: list[str]) -> str | None:
    """The page's own worker script (not Material's search worker)."""
    for url in urls or []:
        if "/assets/javascripts/workers/" not in url:
            return url.rsplit("/", 1)[-1]
    return None


def _profile(ready: dict) -> str:
    """Where the calculator's start-up time goes, next to the floor's: the first thing to read on a FAIL."""
    fall = ready.get("waterfall") or {}
    floor, calc = fall.get("floor", {}), fall.get("calculator", {})
    workers = ready.get("workers") or {}
    parts = []

    def at(table, name, key):
        value = (table.get(name) or {}).get(key) if name else None
        return "–" if value is None else f"{value:.0f}"

    fw, cw = _worker_file(workers.get("floor")), _worker_file(workers.get("calculator"))
    if cw:
        parts.append(f"worker script requested {at(calc, cw, 'start')} (floor {at(floor, fw, 'start')})")
    parts.append(
        f"wasm received {at(calc, 'pyodide.asm.wasm', 'end')} (floor {at(floor, 'pyodide.asm.wasm', 'end')})"
    )
    wheel = next((name for name in calc if name.endswith(".whl")), None)
    if wheel:
        parts.append(f"wheel received {at(calc, wheel, 'end')}")
    own = ready.get("page_timings") or {}
    if own:
        parts.append("page's own: " + ", ".join(f"{k} {v:.0f}" for k, v in own.items()))
    return " · ".join(parts)


def text_table(r: dict) -> str:
    """Aligned columns; a detail row (a label and nothing else) runs on past them."""
    header = ("#", "measure", "median", "min–max", "budget", "")
    table = [header, *rows(r)]
    measured = [row for row in table if any(row[2:])]
    widths = [max(len(row[i]) for row in measured) for i in range(len(header))]
    lines = []
    for n, row in enumerate(table):
        if not any(row[2:]):
            lines.append(f"{row[0].ljust(widths[0])}  {row[1]}".rstrip())
        else:
            cells = [
                row[0].ljust(widths[0]),
                row[1].ljust(widths[1]),
                row[2].rjust(widths[2]),
                row[3].rjust(widths[3]),
                row[4].ljust(widths[4]),
                row[5],
            ]
            lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("-" * len(lines[0]))
    return "\n".join(lines)


def markdown_table(r: dict) -> str:
    lines = ["| # | measure | median | min–max | budget | |", "|---|---|---:|---:|---|---|"]
    for row in rows(r):
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |")
    return "\n".join(lines)


def header(meta: dict) -> str:
    return (
        f"Bo kvar benchmark {meta['date']}, {meta['runs']} runs per measure, {meta['machine']}; "
        f"Chromium {meta.get('chromium', '?')}, Pyodide {meta.get('pyodide', '?')}; "
        f"load average {meta['load_before']:.1f} before, {meta.get('load_after', 0):.1f} after; "
        f"{meta.get('elapsed_s', 0)} s"
    )
