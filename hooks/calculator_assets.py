"""Self-hosted Pyodide core, the calculator wheel and the offline service worker.

Why a hook and not a plugin: it is small build logic for one page (style.md). It

* builds the ``calculator`` package into a pure-Python wheel with the standard
  tools (``pip wheel --no-deps --no-build-isolation``). ``pyodide-build`` is not
  used: on PyPI it stops at 0.25.x for Python 3.11 (newer releases need a newer
  Python) and 0.25.1's CLI fails to import with the current ``wheel`` package.
  A pure-Python wheel needs nothing Pyodide-specific: Pyodide 314.0.7 installs
  the standard wheel with no network (checked in Node, see tests/pyodide/);
* makes the trimmed, precompiled standard library, the precompiled wheel and a
  minimal lock file (``scripts/leanstdlib/build.py``, cached by the hash of its
  inputs), and adds them with Pyodide's core (``pyodide.mjs``,
  ``pyodide.asm.mjs``, ``pyodide.asm.wasm`` from ``node_modules/pyodide``) under
  ``kalkylator/pyodide/`` and ``kalkylator/``, as generated files, so nothing is
  copied into ``docs/``. The stock ``python_stdlib.zip`` and lock file are not
  published;
* writes the wheel's file name and the years of the reference amounts into the
  calculator page, so the page never asks the network what to load, and inlines
  docs/kalkylator/boot.js at the top of that page's ``<head>`` (wheel name, build
  id, search deferral; kalkylator.js starts the worker after the first frame);
* after the build writes ``kalkylator/sw.js`` from ``docs/kalkylator/sw.js``
  (a template, not published as is): its cache name carries a hash of every file
  it precaches, so any change in a new build installs a new cache;
* pre-compresses large text and wasm assets to ``.br`` and ``.gz`` next to the
  originals (``scripts/compress.py``), as static hosts serve them
  (``scripts/serve_site.py`` does).
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.calculator_assets")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import compress  # noqa: E402 - scripts/compress.py
from leanstdlib import build as leanstdlib  # noqa: E402 - scripts/leanstdlib/build.py
PAGE_DIR = "kalkylator"
PAGE_SRC = f"{PAGE_DIR}/index.md"
# Pages that run the engine (the same worker and wheel) and work offline under its worker.
DEADLINES_SRC = f"{PAGE_DIR}/frister/index.md"
ENGINE_PAGES = (PAGE_SRC, DEADLINES_SRC)
SW_TEMPLATE = f"{PAGE_DIR}/sw.js"
BOOT_SCRIPT = f"{PAGE_DIR}/boot.js"  # inlined into the page's <head>, not published
PYODIDE_DIR = ROOT / "node_modules" / "pyodide"
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
WHEEL_DIR = ROOT / "build" / "wheel"
REFERENCE_AMOUNTS = ROOT / "calculator" / "data" / "reference_amounts.json"
# Files the page itself ships (besides index.html), relative to kalkylator/.
PAGE_ASSETS = ("kalkylator.js", "kalkylator.css", "worker.mjs", "arendeblad.js", "arendeblad.css",
               "frister/frister.js")
COMPRESS_CACHE = ROOT / "build" / "compress-cache"

_state: dict[str, object] = {}


# -- configuration and checks -------------------------------------------------


def _pinned_pyodide_version() -> str:
    """The exact version pinned in package.json; a range would let the site drift."""
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    pin = package.get("dependencies", {}).get("pyodide", "")
    if not re.fullmatch(r"\d+(\.\d+)*", pin):
        raise PluginError(f"package.json must pin pyodide to an exact version, found {pin!r}.")
    return pin


def check_pyodide() -> str:
    """Fail clearly unless node_modules holds exactly the pinned Pyodide; return its version."""
    pin = _pinned_pyodide_version()
    installed = PYODIDE_DIR / "package.json"
    if not installed.is_file():
        raise PluginError(
            "node_modules/pyodide is missing: run scripts/setup (it runs `npm ci`) before building."
        )
    version = json.loads(installed.read_text(encoding="utf-8")).get("version")
    if version != pin:
        raise PluginError(
            f"node_modules/pyodide is {version} but package.json pins {pin}: run scripts/setup."
        )
    missing = [name for name in PYODIDE_CORE if not (PYODIDE_DIR / name).is_file()]
    if missing:
        raise PluginError(f"node_modules/pyodide lacks {', '.join(missing)}: run scripts/setup.")
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
        raise PluginError("calculator/__init__.py is missing: the calculator page needs the engine.")
    stamp = WHEEL_DIR / ".source-sha256"
    digest = _source_digest()
    wheels = sorted(WHEEL_DIR.glob("*.whl"))
    if len(wheels) == 1 and stamp.is_file() and stamp.read_text() == digest:
        return wheels[0]
    # setuptools builds in-tree (build/lib): a module deleted from calculator/ would
    # otherwise stay there and ship in the wheel.
    for stale in (WHEEL_DIR, ROOT / "build" / "lib", *ROOT.glob("build/bdist.*")):
        shutil.rmtree(stale, ignore_errors=True)
    WHEEL_DIR.mkdir(parents=True)
    command = [
        sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
        "--disable-pip-version-check", "--quiet", "-w", str(WHEEL_DIR), str(ROOT),
    ]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    wheels = sorted(WHEEL_DIR.glob("*.whl"))
    if result.returncode != 0 or len(wheels) != 1:
        raise PluginError(f"Building the calculator wheel failed:\n{result.stdout}{result.stderr}")
    stamp.write_text(digest)
    log.info("calculator wheel built: %s", wheels[0].name)
    return wheels[0]


def statutory_rate_example() -> str:
    """"10" (or "11,5"): the dröjsmålsränta of the newest half-year in the data file, so the
    form's example rate is a real one and moves with the data (reference rate + margin)."""
    try:
        data = json.loads(REFERENCE_AMOUNTS.read_text(encoding="utf-8"))["drojsmalsranta"]
        newest = max(data["reference_rates"], key=lambda entry: entry["valid_from"])
        whole, _, part = newest["percent"].partition(",")
        hundredths = int(whole) * 100 + int(part.ljust(2, "0")) + data["margin_percentage_points"] * 100
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise PluginError(f"Cannot read the reference rates in {REFERENCE_AMOUNTS.relative_to(ROOT)}: {error!r}") from error
    whole, part = divmod(hundredths, 100)
    return str(whole) if not part else f"{whole},{part:02d}".rstrip("0")


def amounts_years() -> list[tuple[str, bool]]:
    """(year, from a secondary source?) for each year of normalbelopp the engine has, newest first.

    Read from the engine's own data file, so the page offers exactly the years the
    engine knows and no request has to ask for them.
    """
    try:
        data = json.loads(REFERENCE_AMOUNTS.read_text(encoding="utf-8"))
        years = [(str(int(entry["year"])), bool(entry.get("secondary_source"))) for entry in data["normalbelopp"]]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise PluginError(f"Cannot read the years in {REFERENCE_AMOUNTS.relative_to(ROOT)}: {error!r}") from error
    if not years:
        raise PluginError(f"{REFERENCE_AMOUNTS.relative_to(ROOT)} lists no years.")
    return sorted(years, reverse=True)


# -- mkdocs events -------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Check Pyodide and build the wheel before anything else; watch the engine in `mkdocs serve`."""
    _state["pyodide_version"] = check_pyodide()
    try:
        stdlib, wheel, lock = leanstdlib.build(build_wheel())
    except leanstdlib.LeanBuildError as error:
        raise PluginError(str(error)) from error
    _state["wheel"], _state["generated_core"] = wheel, {leanstdlib.STDLIB_NAME: stdlib, "pyodide-lock.json": lock}
    _state["years"] = amounts_years()
    for watched in (ROOT / "calculator",):
        if str(watched) not in config.watch:
            config.watch.append(str(watched))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Publish the Pyodide core and the wheel as generated files; keep the two templates out."""
    for key, src in (("sw_template", SW_TEMPLATE), ("boot_script", BOOT_SCRIPT)):
        template = files.get_file_from_path(src)
        if template is None:
            raise PluginError(f"docs/{src} is missing.")
        _state[key] = Path(template.abs_src_path).read_text(encoding="utf-8")
        files.remove(template)
    generated: dict[str, Path] = _state["generated_core"]  # type: ignore[assignment]
    sources = {**{name: PYODIDE_DIR / name for name in SHIPPED_STOCK}, **generated}
    for name in SHIPPED_CORE:
        files.append(
            File.generated(config, f"{PAGE_DIR}/pyodide/{name}", abs_src_path=str(sources[name]))
        )
    wheel: Path = _state["wheel"]  # type: ignore[assignment]
    files.append(File.generated(config, f"{PAGE_DIR}/{wheel.name}", abs_src_path=str(wheel)))
    return files


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Fill the calculator page's build-time facts: reference-amount years, Pyodide version."""
    if page.file.src_uri != PAGE_SRC:
        return html_text
    years: list[tuple[str, bool]] = _state["years"]  # type: ignore[assignment]
    options = "".join(
        f'<option value="{year}"{" selected" if i == 0 else ""}>'
        f'{year}{" (enligt en andrahandskälla)" if secondary else ""}</option>'
        for i, (year, secondary) in enumerate(years)
    )
    replacements = {
        "<!-- bokvar:amounts-year-options -->": options,
        "bokvar:statutory-rate-example": html.escape(statutory_rate_example()),
        "bokvar:pyodide-version": html.escape(str(_state["pyodide_version"])),
    }
    for marker, value in replacements.items():
        if marker not in html_text:
            raise PluginError(f"docs/{PAGE_SRC} lacks the marker {marker!r}.")
        html_text = html_text.replace(marker, value)
    return html_text


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Inline boot.js at the top of <head>: search deferral, wheel name and build id.

    Only the engine's pages get it: guide pages never load Pyodide. The build id (hash of
    wheel and standard library + Pyodide version) keys the worker's start-up snapshot, so a new build never
    restores an interpreter holding the old engine.
    """
    if page.file.src_uri not in ENGINE_PAGES:
        return output
    wheel: Path = _state["wheel"]  # type: ignore[assignment]
    boot: str = _state["boot_script"]  # type: ignore[assignment]
    if "bokvar:wheel-file" not in boot or "</script" in boot:
        raise PluginError(f"docs/{BOOT_SCRIPT} must name the wheel as bokvar:wheel-file and hold no </script>.")
    stdlib: Path = _state["generated_core"][leanstdlib.STDLIB_NAME]  # type: ignore[index]
    content = hashlib.sha256(wheel.read_bytes() + stdlib.read_bytes()).hexdigest()[:16]
    build_id = f"{content}-{_state['pyodide_version']}"
    boot = boot.replace("bokvar:wheel-file", wheel.name).replace("bokvar:build-id", build_id)
    script = "<script>" + boot + "</script>"
    anchor = re.search(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", output, re.IGNORECASE)
    if anchor is None:
        raise PluginError("The calculator page has no <meta charset> to put the engine's start after.")
    return output[: anchor.end()] + script + output[anchor.end() :]


def on_post_build(config: MkDocsConfig) -> None:
    """Write the versioned service worker, then pre-compress the site's large assets."""
    site = Path(config.site_dir)
    write_service_worker(site)
    compress.compress_site(site, COMPRESS_CACHE)


# -- service worker --------------------------------------------------------------


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


def precache_paths(site: Path) -> list[str]:
    """Site-relative paths the service worker keeps: the page, its assets, Pyodide and the wheel."""
    paths = {f"{PAGE_DIR}/index.html", f"{PAGE_DIR}/frister/index.html"}
    urls: list[tuple[PurePosixPath, str]] = []
    for page in sorted(paths):
        parser = _AssetLinks()
        parser.feed((site / page).read_text(encoding="utf-8"))
        urls += [(PurePosixPath(page).parent, url) for url in parser.urls]
    paths.update(f"{PAGE_DIR}/{name}" for name in PAGE_ASSETS)
    paths.update(f"{PAGE_DIR}/pyodide/{name}" for name in SHIPPED_CORE)
    paths.update(p.relative_to(site).as_posix() for p in (site / PAGE_DIR).glob("*.whl"))
    for base, url in urls:
        if re.match(r"^[a-z][a-z0-9+.-]*:|^//", url, re.IGNORECASE):
            raise PluginError(f"The calculator page loads {url}: the site must not load third-party files.")
        target = url.split("#", 1)[0].split("?", 1)[0]
        resolved = PurePosixPath(os.path.normpath(str(base / target))).as_posix()
        if (site / resolved).is_file():
            paths.add(resolved)
    missing = sorted(p for p in paths if not (site / p).is_file())
    if missing:
        raise PluginError(f"Service worker would precache missing files: {', '.join(missing)}")
    return sorted(paths)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_service_worker(site: Path, template: str | None = None) -> Path:
    """Render kalkylator/sw.js with a manifest of URL → SHA-256 and a content-hashed cache name.

    ``template`` defaults to docs/kalkylator/sw.js as read during the build.
    """
    entries = []
    for rel in precache_paths(site):
        url = os.path.relpath(rel, PAGE_DIR).replace(os.sep, "/")
        if url == "index.html" or url.endswith("/index.html"):
            url = url[: -len("index.html")] or "./"
        entries.append({"url": url, "sha256": _sha256(site / rel)})
    version = hashlib.sha256(json.dumps(entries, sort_keys=True).encode()).hexdigest()[:16]
    manifest = {"version": version, "files": entries}
    if template is None:
        template = _state["sw_template"]  # type: ignore[assignment]
    marker = "/* bokvar:manifest */ null"
    if marker not in template:
        raise PluginError(f"docs/{SW_TEMPLATE} lacks the marker {marker!r}.")
    target = site / PAGE_DIR / "sw.js"
    target.write_text(template.replace(marker, json.dumps(manifest, indent=1)), encoding="utf-8")
    log.info("service worker: %d files, cache version %s", len(entries), version)
    return target
