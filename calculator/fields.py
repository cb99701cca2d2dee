"""Reading typed fields: every parser runs, and its error is kept under the field's key.

>>> r = Reader({"a": "x"})
>>> optional(r, "a", "", int, 7), is_empty("  "), is_empty([]), is_empty("0")
(7, True, True, False)
"""

from __future__ import annotations

from .errors import CalculatorError


def is_empty(value: object) -> bool:
    """Nothing typed: None, blank text, or an empty list or object."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, (list, dict)) and not value


class Reader:
    """Runs parsers and keeps their errors by field instead of stopping at the first."""

    def __init__(self, raw: dict) -> None:
        self.raw = raw
        self.errors: list[tuple[str, CalculatorError]] = []

    def read(self, field: str, parse, *args, **kwargs):  # noqa: ANN001, ANN201
        try:
            return parse(*args, **kwargs)
        except CalculatorError as error:
            self.fail(field, error)
            return None

    def fail(self, field: str, error: CalculatorError) -> None:
        self.errors.append((field, error))


def optional(
    r: Reader,
    field: str,
    value: object,
    parse,
    default,  # noqa: ANN001
    **limits,
):  # noqa: ANN202
    """``default`` when nothing is typed, else the parsed value (None and an error if wrong)."""
    return default if is_empty(value) else r.read(field, parse, value, **limits)
