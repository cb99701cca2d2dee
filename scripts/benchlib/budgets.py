"""The budgets of issues 5 and 11, checked against one benchmark result (and the goals, shown).

Why a missing figure fails: a budget that could not be measured (page not
built, engine never ready) is not a passed budget, so ``--check`` says so.
Every limit comes from ``config.BUDGETS``; ``report.py`` prints the limits from
the entries made here, so the check and the table cannot disagree.
"""

from __future__ import annotations

from .config import BUDGETS, GOALS


def _median(results: dict, *path):
    node = results
    for key in path:
        node = (node or {}).get(key)
    return node["median"] if isinstance(node, dict) and "median" in node else node


def _measures(results: dict):
    """(budget key, name, section, measured value, unit, error key) for every budget."""
    pages = (results.get("bytes") or {}).get("pages", {})
    calc, calc_gzip = pages.get("calculator"), pages.get("calculator_gzip")
    yield (
        "ready_ratio",
        "calculator ready cold / site's Pyodide floor",
        "ready",
        _median(results, "ready", "ratio_to_floor"),
        "x",
        "ready",
    )
    yield (
        "stock_ratio",
        "calculator ready cold / stock Pyodide floor",
        "ready",
        _median(results, "ready", "ratio_to_stock"),
        "x",
        "ready",
    )
    yield (
        "form_ratio",
        "form usable / plain guide page",
        "form",
        _median(results, "form", "ratio_to_guide"),
        "x",
        "form",
    )
    yield (
        "answer_ms",
        "answer latency, 120 months (median)",
        "ready",
        _median(results, "answer", "painted_ms"),
        "ms",
        "answer",
    )
    yield (
        "warm_ratio",
        "calculator ready warm / cold",
        "ready",
        _median(results, "warm", "ratio_to_cold"),
        "x",
        "warm",
    )
    yield (
        "warm_stock_ratio",
        "calculator ready warm / stock Pyodide floor",
        "ready",
        _median(results, "warm", "ratio_to_stock"),
        "x",
        "warm",
    )
    for kind in ("guide", "start"):
        page = pages.get(kind)
        yield (
            "guide_pyodide_bytes",
            f"{kind} page: Pyodide bytes",
            "bytes",
            page and page["split"]["pyodide"],
            "B",
            "bytes",
        )
        yield (
            "guide_total_bytes",
            f"{kind} page: total bytes, first view",
            "bytes",
            page and page["total"],
            "B",
            "bytes",
        )
    yield (
        "calculator_extra_bytes",
        "calculator page bytes − (Pyodide core + wheel)",
        "bytes",
        calc and calc["total"] - calc["pyodide_and_wheel_once"],
        "B",
        "bytes",
    )
    yield (
        "calculator_bytes_br",
        "calculator first visit, all bytes, brotli served",
        "bytes",
        calc and calc["total"],
        "B",
        "bytes",
    )
    yield (
        "calculator_bytes_gzip",
        "calculator first visit, all bytes, gzip-only host",
        "bytes",
        calc_gzip and calc_gzip["total"],
        "B",
        "bytes",
    )
    yield (
        "throttled_ready_ms",
        "ready cold at 10 Mbit/s + 40 ms, brotli (median)",
        "throttle",
        _median(results, "throttle", "compressed_ms"),
        "ms",
        "throttle",
    )


def check(results: dict, sections=None) -> list[dict]:
    """One entry per budget: key, name, measured value, limit, ok, and a sentence.

    A budget whose section was not run (``--only``/``--skip``) is marked
    skipped and does not fail ``--check``; one whose section ran but gave no
    figure fails.
    """
    ran = set(sections) if sections is not None else {"ready", "form", "bytes", "throttle"}
    errors = results.get("errors", {})
    out = []
    for key, name, section, value, unit, error_key in _measures(results):
        goal = key in GOALS
        limit = GOALS[key] if goal else BUDGETS[key]
        entry = {"key": key, "budget": name, "value": value, "limit": limit, "unit": unit, "goal": goal}
        if section not in ran:
            out.append(
                {
                    **entry,
                    "ok": True,
                    "skipped": True,
                    "text": f"{name}: skipped (section '{section}' not run)",
                }
            )
            continue
        why = errors.get(error_key) or errors.get("ready", "")
        met = value is not None and value <= limit
        text = _sentence(name, value, limit, unit, why)
        out.append(
            {
                **entry,
                "ok": met or goal,  # a goal is reported, never failed
                "met": met,
                "text": f"{text} (goal, not checked)" if goal else text,
            }
        )
    return out


def _sentence(name: str, value, limit, unit: str, why_missing: str) -> str:
    if value is None:
        return f"{name}: not measured{(' – ' + why_missing) if why_missing else ''}"
    if value <= limit:
        return f"{name}: {fmt(value, unit)} ≤ {fmt(limit, unit)}"
    over = value - limit
    pct = f" ({over / limit:+.0%})" if limit else ""
    return f"{name}: {fmt(value, unit)} > {fmt(limit, unit)}, over by {fmt(over, unit)}{pct}"


def fmt(value: float, unit: str) -> str:
    if unit == "x":
        return f"{value:.2f}×"
    if unit == "ms":
        return f"{value:.0f} ms"
    return f"{value / 1000:,.1f} kB".replace(",", " ")
