"""The named worked examples in tests/examples/*.json, checked against calculate().

Each file is ``{"name", "title_sv", "request", "expect"}``, plus ``"kind": "deadlines"`` for the
deadline calculator (:func:`calculator.deadlines`; without ``kind`` an example is a plan). The
request holds what a person would type into the form (plus ``today``, which the browser sends
itself), so browser and Pyodide tests reuse the same files. ``expect`` holds hand-checked key
numbers (its ``notes`` show the arithmetic; ``norms`` and ``alternatives`` compare the keys
given, ``contacts`` the codes); texts are compared with non-breaking spaces read as ordinary spaces.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from calculator import calculate, deadlines

EXAMPLES = sorted((Path(__file__).parent / "examples").glob("*.json"))


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ")


def _load(path: Path) -> dict:
    return json.loads(path.read_text("utf-8"))


def test_there_are_enough_examples_with_unique_names() -> None:
    examples = [_load(path) for path in EXAMPLES]
    assert len(examples) >= 6
    assert len({example["name"] for example in examples}) == len(examples)
    for example in examples:
        assert set(example) - {"kind"} == {"name", "title_sv", "request", "expect"}
        assert example.get("kind", "plan") in ("plan", "deadlines")
        for key, value in example["request"].items():
            typed = value.values() if isinstance(value, dict) else [value]
            if isinstance(value, list):  # alternatives: a list of typed rows
                typed = [item for row in value for item in row.values()]
            assert all(isinstance(item, str) for item in typed), key


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.stem)
def test_example(path: Path) -> None:
    example = _load(path)
    expect = example["expect"]
    engine = deadlines if example.get("kind") == "deadlines" else calculate
    response = engine(example["request"])
    assert response["ok"] is expect["ok"], response["errors"]
    if not expect["ok"]:
        got = [
            {"field": e["field"], "code": e["code"], "message": _plain(e["message"])}
            for e in response["errors"]
        ]
        assert got == expect["errors"]
        return
    assert [warning["code"] for warning in response["warnings"]] == expect["warnings"]
    if "deadlines" in expect:
        got = [
            {key: entry[key] for key in wanted}
            for entry, wanted in zip(response["deadlines"], expect["deadlines"], strict=True)
        ]
        assert got == expect["deadlines"]
        return
    if "summary" in expect:
        assert _plain(response["summary"]) == expect["summary"]
    for key, value in expect["plan"].items():
        assert response["plan"][key] == value, key
    for row in expect.get("rows", []):
        actual = response["plan"]["rows"][row["index"]]
        for key, value in row.items():
            if key != "index":
                assert actual[key] == value, (row["index"], key)
    for key, value in expect.get("affordability", {}).items():
        if key == "norms":
            assert [{k: norm[k] for k in value[0]} for norm in response["affordability"][key]] == (value)
        elif key == "contacts":
            assert [contact["code"] for contact in response["affordability"][key]] == value
        else:
            assert response["affordability"][key] == value, key
    if "alternatives" in expect:
        got = [{k: item[k] for k in expect["alternatives"][0]} for item in response["alternatives"]]
        assert got == expect["alternatives"]
