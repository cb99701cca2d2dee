"""JSON transport: the string the page posts in, the string it reads back.

The worker hands the engine a JSON string and reads a JSON string back, so this layer decodes
the request, refuses nesting deeper than any request needs (before ``json.loads``: in Pyodide a
very deep array overflows the WebAssembly stack, a fatal error rather than RecursionError) and
encodes the answer. Anything it cannot read becomes ``None``, which the entry point answers
as ``bad_request``.

>>> decode('{"debt": "12 500"}')
{'debt': '12 500'}
>>> decode("[" * 40 + "]" * 40) is None, decode(b"\\xff") is None
(True, True)
"""

from __future__ import annotations

import json
import re

MAX_JSON_DEPTH = 32
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_JSON_BRACKET = re.compile(r"[\[\]{}]")


def decode(text: object) -> object:
    """The decoded request, or None (answered as bad_request) when it is not readable JSON."""
    try:
        if isinstance(text, bytes):
            text = text.decode("utf-8")
        if not isinstance(text, str) or too_deep(text):
            return None
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


def encode(response: dict) -> str:
    """The response as JSON text, Swedish letters kept as they are."""
    return json.dumps(response, ensure_ascii=False)


def too_deep(text: str) -> bool:
    """Nesting deeper than :data:`MAX_JSON_DEPTH` (brackets inside strings do not count)."""
    depth = 0
    for match in _JSON_BRACKET.finditer(_JSON_STRING.sub("", text)):
        depth += 1 if match[0] in "[{" else -1
        if depth > MAX_JSON_DEPTH:
            return True
    return False
