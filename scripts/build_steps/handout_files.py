"""Pre-build step: print the workshop handouts, make their editable copies, publish both.

The printer is ``scripts/handouts.py`` and the DOCX/ODT converter ``scripts/editable.py``
(each its own module, also runnable alone); this step only calls them with the settings of
``mkdocs.yml`` and copies each PDF to ``docs/workshopmaterial/pdf/<name>.pdf`` and each copy
to ``docs/workshopmaterial/redigerbart/<name>.docx|.odt`` (both git-ignored), where both
generators publish them and MkDocs' strict link check finds them.
"""

from __future__ import annotations

import importlib.util
import logging
import sys
import time
from pathlib import Path

from . import mkdocs_config
from .errors import StepError
from .paths import BUILD, DOCS, EDITABLE_DIR, HANDOUT_DIR, ROOT, write_if_changed

log = logging.getLogger("bokvar.build.handouts")


def _load(name: str, file: str):
    """A script under scripts/ as a module, loaded afresh (``mkdocs serve`` picks up edits)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / file)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while it executes
    spec.loader.exec_module(module)
    return module


def load_printer():
    """scripts/handouts.py, the PDF printer."""
    return _load("bokvar_handouts", "handouts.py")


def _settings(printer):
    extensions, configs = printer.markdown_settings(mkdocs_config.markdown_config())
    site_url = mkdocs_config.load().get("site_url") or ""
    return printer.Settings(extensions, configs, printer.public_url(site_url))


def _publish(files: dict[str, bytes], target: Path, pattern: str) -> None:
    """Write ``files`` (name → bytes) into ``target``; remove files matching ``pattern`` that
    are no longer produced."""
    for name, data in files.items():
        write_if_changed(target / name, data)
    for stale in target.glob(pattern):
        if stale.name not in files:
            stale.unlink()


def publish_handouts(docs_dir: Path = DOCS, target: Path = HANDOUT_DIR) -> list:
    """Print changed handouts (cached in build/handouts/) and copy every PDF to ``target``.

    PDFs in ``target`` that no handout names any more are removed. Returns the
    printer's results.
    """
    printer = load_printer()
    started = time.perf_counter()
    try:
        results = printer.build(docs_dir, BUILD / "handouts", _settings(printer))
    except printer.HandoutError as error:
        raise StepError(f"Workshop PDFs: {error}") from error
    _publish({f"{r.handout.name}.pdf": r.path.read_bytes() for r in results}, target, "*.pdf")
    for problem in printer.budget_problems(results):
        log.warning(problem)
    printed = sum(1 for result in results if result.printed)
    summary = ", ".join(f"{result.handout.name} {result.pages} s." for result in results)
    log.info("Workshop PDFs (%d printed, %.1f s): %s", printed, time.perf_counter() - started, summary)
    return results


def publish_editable_copies(docs_dir: Path = DOCS, target: Path = EDITABLE_DIR) -> list:
    """Convert the templates and forms to DOCX and ODT (cached in build/editable/) and copy
    every file to ``target``. Returns the converter's results."""
    converter = _load("bokvar_editable", "editable.py")
    started = time.perf_counter()
    try:
        copies = converter.build(docs_dir, BUILD / "editable", _settings(converter.handouts))
    except converter.handouts.HandoutError as error:
        raise StepError(f"Editable copies: {error}") from error
    _publish({Path(copy.url).name: copy.path.read_bytes() for copy in copies}, target, "*.*")
    converted = sum(copy.converted for copy in copies)
    log.info(
        "Editable copies (%d files, %d converted by pandoc, %.1f s)",
        len(copies),
        converted,
        time.perf_counter() - started,
    )
    return copies
