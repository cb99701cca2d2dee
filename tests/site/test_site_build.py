"""The site builds in strict mode from the current sources.

Why build here when scripts/test has just built site/: the other checks read
whatever is in BOKVAR_SITE_DIR, which may come from a non-strict ``mkdocs
serve`` or an older checkout. This one test proves the sources themselves pass
``--strict`` (every warning is an error: broken links to pages and PDFs, missing
snippets). It builds into a temporary folder, so site/ is left as it was; the
workshop PDFs come from the build/handouts cache and the build takes a few
seconds.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.site

ROOT = Path(__file__).resolve().parents[2]


def test_strict_build_passes(tmp_path: Path):
    """``mkdocs build --strict`` exits 0 and logs no warning."""
    mkdocs = Path(sys.executable).with_name("mkdocs")
    command = [str(mkdocs), "build", "--strict", "--site-dir", str(tmp_path / "site")]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    log = result.stdout + result.stderr
    assert result.returncode == 0, f"strict build failed:\n{log[-4000:]}"
    warnings = [line for line in log.splitlines() if line.startswith(("WARNING", "ERROR"))]
    assert not warnings, "\n".join(warnings)
    assert (tmp_path / "site" / "index.html").is_file()
