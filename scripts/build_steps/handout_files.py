"""Pre-build step: print the workshop handouts and publish them under docs/.

The printer is ``scripts/handouts.py`` (its own module, also runnable alone);
this step only calls it with the Markdown settings of ``mkdocs.yml`` and copies
each PDF to ``docs/workshopmaterial/pdf/<name>.pdf`` (git-ignored), where both
generators publish it and MkDocs' strict link check finds it.
"""

from __future__ import annotations

import importlib.util
import logging
import sys
import time
from pathlib import Path

from . import mkdocs_config
from .errors import StepError
from .paths import BUILD, DOCS, HANDOUT_DIR, ROOT, write_if_changed

log = logging.getLogger("bokvar.build.handouts")


def load_printer():
    """scripts/handouts.py as a module, loaded afresh (``mkdocs serve`` picks up edits)."""
    name = "bokvar_handouts"
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / "handouts.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while it executes
    spec.loader.exec_module(module)
    return module


def publish_handouts(docs_dir: Path = DOCS, target: Path = HANDOUT_DIR) -> list:
    """Print changed handouts (cached in build/handouts/) and copy every PDF to ``target``.

    PDFs in ``target`` that no handout names any more are removed. Returns the
    printer's results.
    """
    printer = load_printer()
    extensions, configs = printer.markdown_settings(mkdocs_config.markdown_config())
    started = time.perf_counter()
    try:
        results = printer.build(docs_dir, BUILD / "handouts", extensions, configs)
    except printer.HandoutError as error:
        raise StepError(f"Workshop PDFs: {error}") from error
    wanted = set()
    for result in results:
        destination = target / f"{result.handout.name}.pdf"
        wanted.add(destination.name)
        write_if_changed(destination, result.path.read_bytes())
        if result.pages > result.handout.max_pages:
            limit = (
                "exactly 1 A4 page"
                if result.handout.one_page
                else f"at most {result.handout.max_pages} pages"
            )
            log.warning(
                "Workshop PDF %s has %s pages; docs/%s must give %s: shorten the page.",
                result.handout.url,
                result.pages,
                result.handout.source,
                limit,
            )
    for stale in target.glob("*.pdf"):
        if stale.name not in wanted:
            stale.unlink()
    printed = sum(1 for result in results if result.printed)
    summary = ", ".join(f"{result.handout.name} {result.pages} s." for result in results)
    log.info("Workshop PDFs (%d printed, %.1f s): %s", printed, time.perf_counter() - started, summary)
    return results
