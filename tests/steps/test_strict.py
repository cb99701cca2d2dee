"""scripts/build_steps/strict.py: a warning or a StepError fails prebuild/postbuild."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from build_steps.errors import StepError  # noqa: E402
from build_steps.strict import run_strict  # noqa: E402


def test_clean_run_passes():
    assert run_strict("step", lambda: logging.getLogger("bokvar.build.x").info("fine")) == 0


def test_a_warning_fails_like_mkdocs_strict():
    assert run_strict("step", lambda: logging.getLogger("bokvar.build.x").warning("PDF too long")) == 1


def test_a_step_error_fails():
    def broken():
        raise StepError("node_modules/pyodide is missing")

    assert run_strict("step", broken) == 1
