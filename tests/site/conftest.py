"""Fixtures for the built-site checks: the site folder (env BOKVAR_SITE_DIR, default
``site``), parsed once per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sitecheck import Site, load_site

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def site_dir() -> Path:
    """The built site to check; the tests never build it themselves (scripts/test does)."""
    folder = Path(os.environ.get("BOKVAR_SITE_DIR", "site"))
    if not folder.is_absolute():
        folder = ROOT / folder
    if not (folder / "index.html").is_file():
        pytest.fail(f"no built site in {folder}: run scripts/build first (or set BOKVAR_SITE_DIR)")
    return folder


@pytest.fixture(scope="session")
def site(site_dir: Path) -> Site:
    return load_site(site_dir)
