"""The calculator page's build: wheel, self-hosted Pyodide, build facts, start-up, offline.

Pre-build (:func:`publish_engine`):

* builds the ``calculator`` package into a pure-Python wheel with the standard
  tools (``pip wheel --no-deps --no-build-isolation``). ``pyodide-build`` is not
  used: on PyPI it stops at 0.25.x for Python 3.11 (newer releases need a newer
  Python) and 0.25.1's CLI fails to import with the current ``wheel`` package.
  A pure-Python wheel needs nothing Pyodide-specific: Pyodide 314.0.7 installs
  the standard wheel with no network (checked in Node, see tests/pyodide/);
* makes the trimmed, precompiled standard library, the precompiled wheel and a
  minimal lock file (``scripts/leanstdlib/build.py``, cached by the hash of its
  inputs);
* copies the wheel to ``docs/kalkylator/<wheel>``, and Pyodide's core
  (``pyodide.mjs``, ``pyodide.asm.mjs``, ``pyodide.asm.wasm`` from
  ``node_modules/pyodide``) with the generated standard library and lock file to
  ``docs/kalkylator/pyodide/`` (all git-ignored), so any generator publishes
  them. The stock ``python_stdlib.zip`` and lock file are not published.

Post-build, on the output folder:

* :func:`fill_page_facts` writes the years of the reference amounts and the
  Pyodide version into the calculator pages (the Swedish one and its English
  twin, en/calculator/), so the page never asks the network what to load;
* :func:`inline_boot_script` puts docs/kalkylator/boot.js at the top of the
  ``<head>`` of each engine page (the calculator and kalkylator/frister/):
  wheel name, build id, the worker's address; it starts the engine's worker
  while the page is parsed and defers site search; the published copy is removed;
* :func:`write_service_worker` renders ``kalkylator/sw.js`` from the template
  docs/kalkylator/sw.js: its cache name carries a hash of every file it
  precaches, so any change in a new build installs a new cache. The English
  calculator lies outside that worker's scope (/kalkylator/), so the same
  template is rendered a second time as ``en/calculator/sw.js``, with its own
  cache prefix and a manifest of the English page and every shared file,
  Pyodide and the wheel included. The English page registers kalkylator/sw.js
  as well: which service worker serves the engine's worker
  (kalkylator/worker.mjs) and its imports, the page's or the one whose scope
  holds the script, has differed between builds of Chromium, and offline use
  needs both to hold the engine (a second copy of it in the browser's cache).
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
import os
import posixpath
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath

from .errors import StepError
from .paths import BUILD, CALCULATOR_DIR, PYODIDE_DIR, ROOT, write_if_changed

sys.path.insert(0, str(ROOT / "scripts"))
from leanstdlib import build as leanstdlib  # noqa: E402 - scripts/leanstdlib/build.py

log = logging.getLogger("bokvar.build.calculator")

PAGE_DIR = "kalkylator"
PAGE_HTML = f"{PAGE_DIR}/index.html"
# Pages that run the engine (the same worker and wheel) and work offline under its worker.
DEADLINES_HTML = f"{PAGE_DIR}/frister/index.html"
# The English calculator: the same form, scripts, worker and wheel, its texts in English.
EN_PAGE_DIR = "en/calculator"
EN_PAGE_HTML = f"{EN_PAGE_DIR}/index.html"
SWEDISH_ENGINE_PAGES = (PAGE_HTML, DEADLINES_HTML)
ENGINE_PAGES = (*SWEDISH_ENGINE_PAGES, EN_PAGE_HTML)
# Calculator pages whose facts (years, example rate, Pyodide version) the build fills in.
FACT_PAGES = {PAGE_HTML: "sv", EN_PAGE_HTML: "en"}
SECONDARY_SOURCE = {"sv": " (enligt en andrahandskälla)", "en": " (from a secondary source)"}
SW_TEMPLATE = CALCULATOR_DIR / "sw.js"
BOOT_SCRIPT = CALCULATOR_DIR / "boot.js"  # inlined into the page's <head>, not published
NODE_PYODIDE = ROOT / "node_modules" / "pyodide"
PYODIDE_CORE = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
# What the site publishes under kalkylator/pyodide/: the stock core's three files
# plus the generated standard library and lock file (scripts/leanstdlib/build.py).
SHIPPED_STOCK = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
SHIPPED_GENERATED = (leanstdlib.STDLIB_NAME, "pyodide-lock.json")
SHIPPED_CORE = SHIPPED_STOCK + SHIPPED_GENERATED
WHEEL_DIR = BUILD / "wheel"
REFERENCE_AMOUNTS = ROOT / "calculator" / "data" / "reference_amounts.json"
# Files the page itself ships (besides index.html), relative to kalkylator/.
PAGE_ASSETS = (
    "kalkylator.js",
    "kalkylator.css",
    "worker.mjs",
    "snapshot.mjs",
    "arendeblad.js",
    "arendeblad.css",
    "frister/frister.js",
)
# Text files of the built site that may quote the page's facts (search indexes).
SEARCH_INDEXES = ("search/search_index.json", "search.json")
BOOT_MARKER = "bokvar:wheel-file"
WORKER_MARKER = "bokvar:worker-url"


# -- pre-build: Pyodide and the wheel ----------------------------------------------


def _pinned_pyodide_version() -> str:
    """The exact version pinned in package.json; a range would let the site drift."""
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    pin = package.get("dependencies", {}).get("pyodide", "")
    if not re.fullmatch(r"\d+(\.\d+)*", pin):
        raise StepError(f"package.json must pin pyodide to an exact version, found {pin!r}.")
    return pin


def check_pyodide() -> str:
    """Fail clearly unless node_modules holds exactly the pinned Pyodide; return its version."""
    pin = _pinned_pyodide_version()
    installed = NODE_PYODIDE / "package.json"
    if not installed.is_file():
        raise StepError(
            "node_modules/pyodide is missing: run scripts/setup (it runs `npm ci`) before building."
        )
    version = json.loads(installed.read_text(encoding="utf-8")).get("version")
    if version != pin:
        raise StepError(f"node_modules/pyodide is {version} but package.json pins {pin}: run scripts/setup.")
    missing = [name for name in PYODIDE_CORE if not (NODE_PYODIDE / name).is_file()]
    if missing:
        raise StepError(f"node_modules/pyodide lacks {', '.join(missing)}: run scripts/setup.")
    return version


def _source_digest() -> str:
    """Hash of everything that goes into the wheel, so an unchanged engine is not rebuilt."""
    digest = hashlib.sha256()
    paths = [ROOT / "pyproject.toml", *sorted((ROOT / "calculator").rglob("*"))]
    for path in paths:
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(ROOT)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def build_wheel() -> Path:
    """Build (or reuse) build/wheel/<name>.whl from the repository root and return its path."""
    if not (ROOT / "calculator" / "__init__.py").is_file():
        raise StepError("calculator/__init__.py is missing: the calculator page needs the engine.")
    stamp = WHEEL_DIR / ".source-sha256"
    digest = _source_digest()
    wheels = sorted(WHEEL_DIR.glob("*.whl"))
    if len(wheels) == 1 and stamp.is_file() and stamp.read_text() == digest:
        return wheels[0]
    # setuptools builds in-tree (build/lib): a module deleted from calculator/ would
    # otherwise stay there and ship in the wheel.
    for stale in (WHEEL_DIR, BUILD / "lib", *BUILD.glob("bdist.*")):
        shutil.rmtree(stale, ignore_errors=True)
    WHEEL_DIR.mkdir(parents=True)
    command = [
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "--no-build-isolation",
        "--disable-pip-version-check",
        "--quiet",
        "-w",
        str(WHEEL_DIR),
        str(ROOT),
    ]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    wheels = sorted(WHEEL_DIR.glob("*.whl"))
    if result.returncode != 0 or len(wheels) != 1:
        raise StepError(f"Building the calculator wheel failed:\n{result.stdout}{result.stderr}")
    stamp.write_text(digest)
    log.info("calculator wheel built: %s", wheels[0].name)
    return wheels[0]


def publish_engine(page_dir: Path = CALCULATOR_DIR, pyodide_dir: Path = PYODIDE_DIR) -> Path:
    """Copy the wheel and Pyodide's core into docs/ (git-ignored); return the published wheel."""
    check_pyodide()
    try:
        stdlib, wheel, lock = leanstdlib.build(build_wheel())
    except leanstdlib.LeanBuildError as error:
        raise StepError(str(error)) from error
    published = page_dir / wheel.name
    write_if_changed(published, wheel.read_bytes())
    for stale in page_dir.glob("*.whl"):
        if stale != published:
            stale.unlink()
    sources = {
        **{name: NODE_PYODIDE / name for name in SHIPPED_STOCK},
        leanstdlib.STDLIB_NAME: stdlib,
        "pyodide-lock.json": lock,
    }
    for name in SHIPPED_CORE:
        source = sources[name]
        target = pyodide_dir / name
        # Same size and mtime: the copy is current (copy2 keeps the mtime); skips reading 10 MB.
        if target.is_file():
            here, there = source.stat(), target.stat()
            if here.st_size == there.st_size and int(here.st_mtime) == int(there.st_mtime):
                continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
    for stale in pyodide_dir.iterdir():
        if stale.name not in SHIPPED_CORE:
            stale.unlink()
    return published


def statutory_rate_example() -> str:
    """ "10" (or "11,5"): the dröjsmålsränta of the newest half-year in the data file, so the
    form's example rate is a real one and moves with the data (reference rate + margin)."""
    try:
        data = json.loads(REFERENCE_AMOUNTS.read_text(encoding="utf-8"))["drojsmalsranta"]
        newest = max(data["reference_rates"], key=lambda entry: entry["valid_from"])
        whole, _, part = newest["percent"].partition(",")
        hundredths = int(whole) * 100 + int(part.ljust(2, "0")) + data["margin_percentage_points"] * 100
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise StepError(
            f"Cannot read the reference rates in {REFERENCE_AMOUNTS.relative_to(ROOT)}: {error!r}"
        ) from error
    whole, part = divmod(hundredths, 100)
    return str(whole) if not part else f"{whole},{part:02d}".rstrip("0")


def amounts_years() -> list[tuple[str, bool]]:
    """(year, from a secondary source?) for each year of normalbelopp the engine has, newest first.

    Read from the engine's own data file, so the page offers exactly the years the
    engine knows and no request has to ask for them.
    """
    try:
        data = json.loads(REFERENCE_AMOUNTS.read_text(encoding="utf-8"))
        years = [
            (str(int(entry["year"])), bool(entry.get("secondary_source"))) for entry in data["normalbelopp"]
        ]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise StepError(
            f"Cannot read the years in {REFERENCE_AMOUNTS.relative_to(ROOT)}: {error!r}"
        ) from error
    if not years:
        raise StepError(f"{REFERENCE_AMOUNTS.relative_to(ROOT)} lists no years.")
    return sorted(years, reverse=True)


# -- post-build: the page ----------------------------------------------------------


def _page(site: Path, rel: str = PAGE_HTML) -> Path:
    page = site / rel
    if not page.is_file():
        raise StepError(f"{page} is missing: the generator did not build the calculator page.")
    return page


def _wheel(site: Path) -> Path:
    wheels = sorted((site / PAGE_DIR).glob("*.whl"))
    if len(wheels) != 1:
        raise StepError(f"{site / PAGE_DIR} holds {len(wheels)} wheels, want 1: run scripts/prebuild.")
    return wheels[0]


def fill_page_facts(site: Path) -> None:
    """Fill the calculator pages' markers: reference-amount years, example rate, Pyodide version.

    Also in the search index, which quotes the page's text. A page already filled
    (no markers left) is left alone, so running post-build twice changes nothing.
    The English page writes the example rate with a decimal point ("11.5").
    """
    years = amounts_years()
    version = html.escape(check_pyodide())
    for rel, lang in FACT_PAGES.items():
        page = _page(site, rel)
        text = page.read_text(encoding="utf-8")
        options = "".join(
            f'<option value="{year}"{" selected" if i == 0 else ""}>'
            f"{year}{SECONDARY_SOURCE[lang] if secondary else ''}</option>"
            for i, (year, secondary) in enumerate(years)
        )
        rate = statutory_rate_example()
        replacements = {
            "<!-- bokvar:amounts-year-options -->": options,
            "bokvar:statutory-rate-example": html.escape(rate if lang == "sv" else rate.replace(",", ".")),
            "bokvar:pyodide-version": version,
        }
        if not any(marker in text for marker in replacements) and f'<option value="{years[0][0]}"' in text:
            continue
        for marker, value in replacements.items():
            if marker not in text:
                raise StepError(
                    f"docs/{rel.removesuffix('.html')}.md lacks the marker {marker!r} "
                    "(or the generator dropped it)."
                )
            text = text.replace(marker, value)
        page.write_text(text, encoding="utf-8")
    for name in SEARCH_INDEXES:
        index = site / name
        if index.is_file():
            data = index.read_text(encoding="utf-8")
            if "bokvar:pyodide-version" in data:
                index.write_text(data.replace("bokvar:pyodide-version", version), encoding="utf-8")


def inline_boot_script(site: Path, boot_source: Path = BOOT_SCRIPT) -> None:
    """Inline boot.js at the top of each engine page's <head>; drop its published copy.

    Only the engine's pages (:data:`ENGINE_PAGES`) get it: guide pages never load
    Pyodide. The build id (hash of the wheel, the standard library and the worker
    script + Pyodide version) keys the worker's start-up snapshot, so a new build
    never restores an interpreter holding the old engine, or one that an older
    worker set up differently (where the wheel lies, what was imported).
    """
    (site / PAGE_DIR / boot_source.name).unlink(missing_ok=True)
    boot = boot_source.read_text(encoding="utf-8")
    if BOOT_MARKER not in boot or WORKER_MARKER not in boot or "</script" in boot:
        raise StepError(
            f"{boot_source} must name the wheel as {BOOT_MARKER} and the worker as {WORKER_MARKER}"
            " and hold no </script>."
        )
    wheel = _wheel(site)
    stdlib = site / PAGE_DIR / "pyodide" / leanstdlib.STDLIB_NAME
    if not stdlib.is_file():
        raise StepError(f"{stdlib} is missing: run scripts/prebuild.")
    worker_script = site / PAGE_DIR / "worker.mjs"
    content = hashlib.sha256(
        wheel.read_bytes() + stdlib.read_bytes() + worker_script.read_bytes()
    ).hexdigest()[:16]
    build_id = f"{content}-{check_pyodide()}"
    boot = boot.replace(BOOT_MARKER, wheel.name).replace("bokvar:build-id", build_id)
    for rel in ENGINE_PAGES:
        page = _page(site, rel)
        output = page.read_text(encoding="utf-8")
        if "var bokvarEngine" in output:
            continue  # already inlined by an earlier post-build run
        # The worker's address from this page, relative, so the site works under any path.
        worker = posixpath.relpath(f"{PAGE_DIR}/worker.mjs", posixpath.dirname(rel))
        page_boot = boot.replace(WORKER_MARKER, worker)
        anchor = re.search(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", output, re.IGNORECASE)
        if anchor is None:
            raise StepError(f"{rel} has no <meta charset> to put the engine's start after.")
        page.write_text(
            output[: anchor.end()] + "<script>" + page_boot + "</script>" + output[anchor.end() :],
            encoding="utf-8",
        )


# -- post-build: service worker ----------------------------------------------------


class _AssetLinks(HTMLParser):
    """Collect the local stylesheets, scripts and icons a built page loads."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script" and values.get("src"):
            self.urls.append(values["src"])
        elif tag == "link" and values.get("href"):
            rel = set((values.get("rel") or "").lower().split())
            if rel & {"stylesheet", "icon", "modulepreload", "preload", "manifest"}:
                self.urls.append(values["href"])
        elif tag == "img" and values.get("src"):
            self.urls.append(values["src"])


def precache_paths(
    site: Path, pages: tuple[str, ...] = SWEDISH_ENGINE_PAGES, *, engine: bool = True
) -> list[str]:
    """Site-relative paths a service worker keeps: ``pages``, their assets and (with
    ``engine``) Pyodide and the wheel."""
    paths = set(pages)
    urls: list[tuple[PurePosixPath, str]] = []
    for rel in sorted(paths):
        parser = _AssetLinks()
        parser.feed(_page(site, rel).read_text(encoding="utf-8"))
        urls += [(PurePosixPath(rel).parent, url) for url in parser.urls]
    paths.update(f"{PAGE_DIR}/{name}" for name in PAGE_ASSETS)
    if engine:
        paths.update(f"{PAGE_DIR}/pyodide/{name}" for name in SHIPPED_CORE)
        paths.update(p.relative_to(site).as_posix() for p in (site / PAGE_DIR).glob("*.whl"))
    for base, url in urls:
        if re.match(r"^[a-z][a-z0-9+.-]*:|^//", url, re.IGNORECASE):
            raise StepError(f"The calculator page loads {url}: the site must not load third-party files.")
        target = url.split("#", 1)[0].split("?", 1)[0]
        resolved = PurePosixPath(os.path.normpath(str(base / target))).as_posix()
        if (site / resolved).is_file():
            paths.add(resolved)
    missing = sorted(p for p in paths if not (site / p).is_file())
    if missing:
        raise StepError(f"Service worker would precache missing files: {', '.join(missing)}")
    return sorted(paths)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_service_worker(site: Path, template: str | None = None) -> Path:
    """Render kalkylator/sw.js with a manifest of URL → SHA-256 and a content-hashed cache name,
    then en/calculator/sw.js for the English page (:func:`_render_worker`).

    ``template`` defaults to docs/kalkylator/sw.js.
    """
    if template is None:
        template = SW_TEMPLATE.read_text(encoding="utf-8")
    target = _render_worker(site, template, PAGE_DIR, SWEDISH_ENGINE_PAGES, prefix=None)
    if (site / EN_PAGE_HTML).is_file():
        _render_worker(site, template, EN_PAGE_DIR, (EN_PAGE_HTML,), prefix="bokvar-calculator-en-")
    return target


def _render_worker(
    site: Path, template: str, folder: str, pages: tuple[str, ...], prefix: str | None
) -> Path:
    """``folder``/sw.js from ``template``: every file ``pages`` need, by URL relative to the
    worker, and (for a worker other than the Swedish one) its own cache-name ``prefix``, so
    the two workers never delete each other's cache."""
    entries = []
    for rel in precache_paths(site, pages):
        url = os.path.relpath(rel, folder).replace(os.sep, "/")
        if url == "index.html" or url.endswith("/index.html"):
            url = url[: -len("index.html")] or "./"
        entries.append({"url": url, "sha256": _sha256(site / rel)})
    version = hashlib.sha256(json.dumps(entries, sort_keys=True).encode()).hexdigest()[:16]
    manifest = {"version": version, "files": entries}
    if prefix:
        manifest["prefix"] = prefix
    marker = "/* bokvar:manifest */ null"
    if marker not in template:
        raise StepError(f"{SW_TEMPLATE.relative_to(ROOT)} lacks the marker {marker!r}.")
    target = site / folder / "sw.js"
    target.write_text(template.replace(marker, json.dumps(manifest, indent=1)), encoding="utf-8")
    log.info("service worker %s: %d files, cache version %s", folder, len(entries), version)
    return target
