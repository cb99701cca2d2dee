"""Median and min–max of samples, and paired ratios.

Why the median of paired ratios rather than a ratio of medians: A and B run
back to back (A B A B), so each pair shares whatever else the machine was doing
at that moment; the ratio within a pair cancels that load, and its median
ignores the odd pair that a neighbour's test run disturbed.

>>> summarize([3.0, 1.0, 2.0])
{'median': 2.0, 'min': 1.0, 'max': 3.0, 'n': 3}
>>> summarize(paired_ratios([110, 240], [100, 200]))["median"]
1.15
"""

from __future__ import annotations

import statistics


def summarize(samples: list[float]) -> dict | None:
    """Median, min, max and count, or None when nothing was measured."""
    values = [float(v) for v in samples if v is not None]
    if not values:
        return None
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "n": len(values)}


def paired_ratios(numerators: list, denominators: list) -> list[float]:
    """Ratios of the pairs where both sides were measured."""
    return [a / b for a, b in zip(numerators, denominators, strict=False) if a is not None and b]
