"""Fixtures for the browser tests: the built site on 127.0.0.1 and Debian's Chromium.

Why these shapes: starting Chromium costs a second, so there is one browser per
session; every test gets a fresh context (no shared cache, storage or service
worker) unless it says otherwise. The site is the built one (BOKVAR_SITE_DIR,
default ``site``) served by ``scripts/serve_site.py``, the same server as
``scripts/serve``, so pre-compressed files and MIME types are what users get.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from browser_helpers import CHROMIUM, CHROMIUM_ARGS, ROOT, new_context  # noqa: E402

sys.path.insert(0, str(ROOT / "scripts"))
from serve_site import serve_in_thread  # noqa: E402

EXAMPLES_DIR = ROOT / "tests" / "examples"


# The browser smoke subset (`-m smoke`): what the second generator's CI pass runs
# (.ci/run, README "Two generators"): every request stays local, guide pages load
# no Pyodide, the calculator answers, works offline, passes axe, no page breaks
# its Content-Security-Policy, and the site search waits while Pyodide starts.
SMOKE = {
    "test_privacy_offline.py::test_every_request_stays_on_127_0_0_1",
    "test_privacy_offline.py::test_guide_pages_never_load_pyodide",
    "test_privacy_offline.py::test_works_offline_after_one_visit",
    "test_calculator.py::test_every_worked_example_matches_the_engine",
    "test_calculator.py::test_axe_finds_no_wcag_violations",
    "test_keyboard_and_loading.py::test_site_search_waits_until_wanted",
    "test_csp.py::test_no_page_reports_a_violation",
}


def pytest_collection_modifyitems(config, items):
    """Everything in tests/browser is a browser test (`-m "not browser"` skips them); SMOKE gets smoke."""
    here = Path(__file__).parent
    seen_files, seen = set(), set()
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)
            name = f"{Path(str(item.fspath)).name}::{item.originalname}"
            seen_files.add(Path(str(item.fspath)).name)
            if name in SMOKE:
                item.add_marker(pytest.mark.smoke)
                seen.add(name)
    # A renamed test must not drop out of the smoke subset unnoticed.
    whole_files = not any("::" in arg for arg in config.args) and not config.option.keyword
    lost = {name for name in SMOKE - seen if name.split("::")[0] in seen_files}
    if lost and whole_files:
        raise pytest.UsageError(f"tests/browser/conftest.py SMOKE names missing tests: {sorted(lost)}")


@pytest.fixture(scope="session")
def site_dir() -> Path:
    site = Path(os.environ.get("BOKVAR_SITE_DIR", "site"))
    site = site if site.is_absolute() else ROOT / site
    if not (site / "kalkylator" / "index.html").is_file():
        pytest.fail(f"No built site in {site}: run scripts/build (or set BOKVAR_SITE_DIR).")
    return site


@pytest.fixture(scope="session")
def generator(site_dir: Path) -> str:
    """Which generator built the site: "mkdocs" or "zensical" (its <meta name="generator">)."""
    index = (site_dir / "index.html").read_text(encoding="utf-8")
    match = re.search(r'<meta name="generator" content="([a-z]+)', index)
    if not match or match.group(1) not in ("mkdocs", "zensical"):
        pytest.fail(f"{site_dir}/index.html names no known generator (mkdocs, zensical).")
    return match.group(1)


@pytest.fixture(scope="session")
def base_url(site_dir: Path):
    server, url = serve_in_thread(site_dir)
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Browser:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context(browser: Browser):
    context = new_context(browser)
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


def _examples(kind: str) -> list[dict]:
    found = []
    for path in sorted(EXAMPLES_DIR.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        data.setdefault("name", path.stem)
        if data.get("kind", "plan") == kind:
            found.append(data)
    if not found:
        pytest.fail(f"No {kind} worked examples in tests/examples/: the browser tests need them.")
    return found


@pytest.fixture(scope="session")
def examples() -> list[dict]:
    """The plan's worked examples (tests/examples/*.json without a "kind"), named by file."""
    return _examples("plan")


@pytest.fixture(scope="session")
def deadline_examples() -> list[dict]:
    """The deadline page's worked examples ("kind": "deadlines")."""
    return _examples("deadlines")
