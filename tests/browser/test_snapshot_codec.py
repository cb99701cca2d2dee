"""docs/kalkylator/snapshot.mjs packs the start-up snapshot without its all-zero pages.

Run in Node.js (the same module the worker imports): a packed and unpacked snapshot must
come back byte for byte, whatever its length and wherever its data lies, and anything
that is not a packed snapshot must read as "no snapshot" (a normal start), never as a
wrong interpreter memory.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from browser_helpers import ROOT

MODULE = (ROOT / "docs" / "kalkylator" / "snapshot.mjs").as_uri()

ROUND_TRIPS = """
import { pack, unpack } from "%s";
const cases = JSON.parse(process.argv[1]);
const out = [];
for (const [length, filled] of cases) {
  const bytes = new Uint8Array(length);
  for (const [at, value] of filled) bytes[at] = value;
  const packed = await new Blob(pack(bytes)).arrayBuffer();
  const back = unpack(packed);
  const cut = packed.byteLength > 12 ? unpack(packed.slice(0, -1)) : undefined;
  out.push({
    same: back !== undefined && back.length === length && back.every((v, i) => v === bytes[i]),
    packed: packed.byteLength,
    cut: cut === undefined,
  });
}
const junk = [new ArrayBuffer(0), new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]).buffer];
out.push({ junk: junk.map((b) => unpack(b) === undefined) });
console.log(JSON.stringify(out));
"""

PAGE = 65536
CASES = [
    (0, []),
    (PAGE * 3, []),  # all zeros: nothing but the header
    (PAGE * 3, [(PAGE + 5, 7)]),  # one page holds data
    (PAGE * 2 + 10, [(PAGE * 2 + 9, 255)]),  # data in a short last page
    (PAGE * 4 + 3, [(0, 1), (PAGE * 4 + 1, 2), (PAGE * 2 + 4, 9)]),
    (1001, [(1000, 3)]),  # shorter than one page and not a multiple of 4
]


@pytest.fixture(scope="module")
def results() -> list[dict]:
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is needed (scripts/setup installs it with the npm dependencies)")
    done = subprocess.run(
        [node, "--input-type=module", "-e", ROUND_TRIPS % MODULE, json.dumps(CASES)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return json.loads(done.stdout)


def test_every_snapshot_comes_back_byte_for_byte(results):
    assert [r["same"] for r in results[: len(CASES)]] == [True] * len(CASES)


def test_zero_pages_are_not_stored(results):
    header = 12
    assert results[1]["packed"] == header
    assert results[2]["packed"] == header + 4 + PAGE
    assert results[3]["packed"] == header + 4 + 10


def test_a_file_cut_short_reads_as_no_snapshot(results):
    """A tab closed while the snapshot was being stored leaves a short file."""
    assert [r["cut"] for r in results[: len(CASES)]] == [True] * len(CASES)


def test_anything_else_reads_as_no_snapshot(results):
    assert results[-1]["junk"] == [True, True]
