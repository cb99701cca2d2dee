"""Site infrastructure hook: workshop PDFs, page language, no third-party loaders.

- ``on_pre_build`` prints the workshop handouts to PDFs from the same Markdown
  pages (scripts/handouts.py does the work without MkDocs, cached in
  build/handouts/; this hook only passes MkDocs' settings and reports), and
  scripts/editable.py converts the templates and forms to DOCX and ODT with pandoc;
- ``on_files`` adds them as ``workshopmaterial/pdf/<name>.pdf`` and
  ``workshopmaterial/redigerbart/<name>.docx|.odt``, so links to them
  validate in ``mkdocs build --strict``;
- ``on_page_content`` marks links whose text is their own address (print CSS
  shows other external links' addresses after the text);
- ``on_post_page`` sets ``<html lang>`` from a page's front matter ``lang:`` (the
  English page), keeping the Swedish navigation marked as Swedish;
- ``on_post_build`` removes the two script loaders in Material's bundle that would
  fetch from unpkg.com (mermaid, ResizeObserver polyfill): the site loads nothing
  from a third party, even in a browser or page that would trigger them.
"""

from __future__ import annotations

import importlib.util
import logging
import re
import sys
import time
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

log = logging.getLogger("mkdocs.hooks.handouts")

_ROOT = Path(__file__).resolve().parent.parent


def _load_engine(name: str, file: str):
    # Loaded afresh with each config load, so `mkdocs serve` picks up edits to it.
    spec = importlib.util.spec_from_file_location(name, _ROOT / "scripts" / file)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while it executes
    spec.loader.exec_module(module)
    return module


handouts = _load_engine("bokvar_handouts", "handouts.py")
editable = _load_engine("bokvar_editable", "editable.py")
_results: list = []
_editables: list = []

# Material's bundle loads these from unpkg.com when a page has a mermaid diagram or
# the browser lacks ResizeObserver. An empty data: script keeps the request local;
# a mermaid diagram then stays as text (a self-hosted mermaid would define the
# global first and never reach this loader).
THIRD_PARTY_LOADERS = (
    "https://unpkg.com/mermaid@11/dist/mermaid.min.js",
    "https://unpkg.com/resize-observer-polyfill",
)
EMPTY_SCRIPT = "data:text/javascript,"


def on_pre_build(config, **kwargs):
    """Print changed handouts (cached ones cost only the Markdown rendering)."""
    started = time.perf_counter()
    try:
        extensions, configs = handouts.markdown_settings(config)
        settings = handouts.Settings(extensions, configs, handouts.public_url(config["site_url"] or ""))
        results = handouts.build(Path(config["docs_dir"]), _ROOT / "build" / "handouts", settings)
        copies = editable.build(Path(config["docs_dir"]), _ROOT / "build" / "editable", settings)
    except (handouts.HandoutError, editable.handouts.HandoutError) as error:
        raise PluginError(f"Workshop PDFs: {error}") from error
    _results[:] = results
    _editables[:] = copies
    printed = [result.handout.name for result in results if result.printed]
    summary = ", ".join(f"{result.handout.name} {result.pages} s." for result in results)
    log.info(
        "Workshop PDFs (%s printed, %.1f s): %s",
        len(printed), time.perf_counter() - started, summary,
    )
    for problem in handouts.budget_problems(results):
        log.warning(problem)
    converted = sum(copy.converted for copy in copies)
    log.info("Editable copies (DOCX, ODT): %s files, %s converted by pandoc", len(copies), converted)


def on_files(files, config, **kwargs):
    """Add the printed PDFs and the editable copies to the site as generated files."""
    for result in _results:
        files.append(File.generated(config, result.handout.url, abs_src_path=str(result.path)))
    for copy in _editables:
        files.append(File.generated(config, copy.url, abs_src_path=str(copy.path)))
    return files


_LANG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
_SWEDISH_CHROME = (
    '<div data-md-component="skip"',
    '<header class="md-header',
    '<div class="md-sidebar md-sidebar--primary"',
    '<footer class="md-footer"',
)


def on_post_page(output, page, config, **kwargs):
    """Give a page in another language (front matter ``lang: en``) its own ``<html lang>``."""
    lang = page.meta.get("lang")
    site_lang = config["theme"]["language"]
    if not lang or lang == site_lang:
        return output
    if not _LANG.match(str(lang)):
        log.warning("Page %s: front matter lang %r is not a language tag (e.g. en).", page.file.src_uri, lang)
        return output
    output, count = re.subn(r'<html lang="[^"]*"', f'<html lang="{lang}"', output, count=1)
    if not count:
        log.warning("Page %s: no <html lang> found to set to %r.", page.file.src_uri, lang)
    for opening in _SWEDISH_CHROME:
        tag, rest = opening.split(" ", 1)
        output = output.replace(opening, f'{tag} lang="{site_lang}" {rest}', 1)
    return output


_BARE_URL = re.compile(r'<a href="(https?://[^"]+)">\1</a>')


def on_page_content(html, page, **kwargs):
    """Mark links whose text is their address, so print does not repeat it in brackets."""
    return _BARE_URL.sub(r'<a class="bare-url" href="\1">\1</a>', html)


@event_priority(100)  # before other hooks read or hash the built files
def on_post_build(config, **kwargs):
    """Point Material's third-party script loaders at an empty local script."""
    site_dir = Path(config["site_dir"])
    bundles = list((site_dir / "assets" / "javascripts").glob("bundle.*.min.js"))
    for bundle in bundles:
        text = bundle.read_text(encoding="utf-8")
        patched = text
        for url in THIRD_PARTY_LOADERS:
            patched = patched.replace(f'"{url}"', f'"{EMPTY_SCRIPT}"')
        if patched != text:
            bundle.write_text(patched, encoding="utf-8")
        if "unpkg.com" in patched:
            log.warning("%s still names unpkg.com: Material changed its loaders; update hooks/handouts.py.", bundle)
    if not bundles:
        log.warning("Material's bundle.*.min.js not found in %s; third-party loaders not checked.", site_dir)
