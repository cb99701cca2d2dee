"""JSON transport: what the worker posts in is decoded safely, or answered as bad_request."""

from __future__ import annotations

import json

import pytest

from calculator.transport import MAX_JSON_DEPTH, decode, encode, too_deep


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def test_depth_limit_is_exact() -> None:
    """A request nested exactly MAX_JSON_DEPTH deep is read; one level more is refused."""
    assert decode(_nested(MAX_JSON_DEPTH)) is not None
    assert decode(_nested(MAX_JSON_DEPTH + 1)) is None


def test_brackets_inside_strings_do_not_count() -> None:
    """A person may type "[[[" into a field; only JSON structure counts as depth."""
    text = json.dumps({"debt": "[" * 100 + '\\"' + "{" * 100})
    assert not too_deep(text)
    assert decode(text)["debt"].startswith("[[[")


@pytest.mark.parametrize("text", [b"\xff\xfe", "{not json", 42, None, ""])
def test_unreadable_input_is_none(text: object) -> None:
    assert decode(text) is None


def test_bytes_are_read_as_utf8_and_swedish_letters_are_kept() -> None:
    assert decode('{"a": "ö"}'.encode()) == {"a": "ö"}
    assert encode({"summary": "Räntan blir 5 kr"}) == '{"summary": "Räntan blir 5 kr"}'
