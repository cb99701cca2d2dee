"""scripts/postbuild on the built site: its steps are in a safe order and running it again changes nothing.

``mkdocs serve`` and ``scripts/build`` may both run post-build on the same
output; a step that inlined the start-up script twice or blanked twice would
show here as a changed file.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.site

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from build_steps import postbuild  # noqa: E402


def test_service_worker_hashes_final_files_and_compression_runs_last():
    names = [name for name, _ in postbuild.STEPS]
    assert names[-1] == "compression"
    assert names[-2] == "service worker", "the service worker must hash the files after every edit"


def test_a_second_run_changes_nothing(site_dir, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy, ignore=shutil.ignore_patterns("*.gz", "*.br"))
    before = {p.relative_to(copy): p.read_bytes() for p in copy.rglob("*") if p.is_file()}
    postbuild.run(copy, skip=("compression",))
    after = {p.relative_to(copy): p.read_bytes() for p in copy.rglob("*") if p.is_file()}
    changed = sorted(str(path) for path in before if after.get(path) != before[path])
    assert not changed, f"post-build changed already finished files: {changed}"
    assert after.keys() == before.keys()
