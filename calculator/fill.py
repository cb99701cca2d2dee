"""Filling a message template with values written the Swedish way.

A template names its values (``{payment}``, ``{due}``); this writes each one as a person reads
it: money as "1\\u00a0250 kr", a date as "30 december 2026", a list as "a, b eller c", so the
catalogue (:mod:`calculator.messages`) never formats anything itself.

>>> from calculator.money import Money
>>> fill("Betala {amount} senast {day}", {"amount": Money(125000), "day": date(2026, 12, 30)})
'Betala 1\\xa0250\\xa0kr senast 30 december 2026'
"""

from __future__ import annotations

from datetime import date

from .calendar import date_text
from .language import english
from .money import Money
from .numbers import integer_text, money_text


def display(value: object) -> str:
    """One value as a person reads it; large whole numbers get thousands separators."""
    if isinstance(value, Money):
        return money_text(value)
    if isinstance(value, date):
        return date_text(value)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return integer_text(value) if abs(value) >= 10_000 else str(value)
    if isinstance(value, (list, tuple)):
        items = [display(item) for item in value]
        word = " or " if english() else " eller "
        return items[0] if len(items) == 1 else ", ".join(items[:-1]) + word + items[-1]
    return str(value)


def fill(template: str, params: dict[str, object]) -> str:
    """``template`` with every named value written for a person."""
    values = {key: display(value) for key, value in params.items()}
    return template.format_map(values)
