"""The budgets of issue 5, checked against one benchmark result.

Why a missing figure fails: a budget that could not be measured (page not
built, engine never ready) is not a passed budget, so ``--check`` says so.
"""

from __future__ import annotations

from .config import BUDGETS


def _median(results: dict, *path):
    node = results
    for key in path:
        node = (node or {}).get(key)
    return node["median"] if isinstance(node, dict) and "median" in node else node


def check(results: dict, sections=None) -> list[dict]:
    """One entry per budget: name, measured value, limit, ok, and a sentence.

    A budget whose section was not run (``--only``/``--skip``) is marked
    skipped and does not fail ``--check``; one whose section ran but gave no
    figure fails.
    """
    out = []
    ran = set(sections) if sections is not None else {"ready", "form", "bytes"}
    section_of = {"calculator ready": "ready", "answer": "ready", "form": "form"}

    def add(name, value, limit, unit, why_missing=""):
        section = next((sec for prefix, sec in section_of.items() if name.startswith(prefix)), "bytes")
        if section not in ran:
            out.append({"budget": name, "value": None, "limit": limit, "unit": unit, "ok": True, "skipped": True,
                        "text": f"{name}: skipped (section '{section}' not run)"})
            return
        ok = value is not None and value <= limit
        if value is None:
            text = f"{name}: not measured{(' – ' + why_missing) if why_missing else ''}"
        else:
            over = value - limit
            pct = f" ({over / limit:+.0%})" if limit else ""
            text = f"{name}: {_fmt(value, unit)} ≤ {_fmt(limit, unit)}" if ok else \
                f"{name}: {_fmt(value, unit)} > {_fmt(limit, unit)}, over by {_fmt(over, unit)}{pct}"
        out.append({"budget": name, "value": value, "limit": limit, "unit": unit, "ok": ok, "text": text})

    errors = results.get("errors", {})
    add("calculator ready cold / Pyodide floor", _median(results, "ready", "ratio_to_floor"),
        BUDGETS["ready_ratio"], "x", errors.get("ready", ""))
    add("form usable / plain guide page", _median(results, "form", "ratio_to_guide"),
        BUDGETS["form_ratio"], "x", errors.get("form", ""))
    add("answer latency, 120 months (median)", _median(results, "answer", "painted_ms"),
        BUDGETS["answer_ms"], "ms", errors.get("answer") or errors.get("ready", ""))
    add("calculator ready warm / cold", _median(results, "warm", "ratio_to_cold"),
        BUDGETS["warm_ratio"], "x", errors.get("warm") or errors.get("ready", ""))
    pages = (results.get("bytes") or {}).get("pages", {})
    for kind in ("guide", "start"):
        page = pages.get(kind)
        add(f"{kind} page: Pyodide bytes", page and page["split"]["pyodide"], 0, "B", errors.get("bytes", ""))
        add(f"{kind} page: total bytes, first view", page and page["total"],
            BUDGETS["guide_total_bytes"], "B", errors.get("bytes", ""))
    calc = pages.get("calculator")
    limit = calc and calc["pyodide_and_wheel_once"] + BUDGETS["calculator_extra_bytes"]
    add("calculator page bytes − (Pyodide core + wheel)", calc and calc["total"] - calc["pyodide_and_wheel_once"],
        BUDGETS["calculator_extra_bytes"], "B", errors.get("bytes", ""))
    if limit is not None:
        out[-1]["limit_total"] = limit
    return out


def _fmt(value: float, unit: str) -> str:
    if unit == "x":
        return f"{value:.2f}×"
    if unit == "ms":
        return f"{value:.0f} ms"
    return f"{value / 1000:,.1f} kB".replace(",", " ")
