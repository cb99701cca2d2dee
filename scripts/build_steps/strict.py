"""Strict mode for the build steps, like ``mkdocs build --strict``: a warning fails the build.

The steps log problems that do not stop them (a handout over its page budget, a
page language that is not a tag) as warnings; :func:`run_strict` turns any such
warning into a failed command, as the hooks' warnings did under ``--strict``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from .errors import StepError

log = logging.getLogger("bokvar.build")


class _Count(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def run_strict(name: str, work: Callable[[], object]) -> int:
    """Run ``work`` with logging to stderr; exit status 1 on a StepError or any warning."""
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    counter = _Count()
    logging.getLogger("bokvar").addHandler(counter)
    try:
        work()
    except StepError as error:
        log.error("%s: %s", name, error)
        return 1
    finally:
        logging.getLogger("bokvar").removeHandler(counter)
    if counter.count:
        log.error(
            "%s: %d warning(s) in strict mode: fix them (as mkdocs build --strict would fail).",
            name,
            counter.count,
        )
        return 1
    return 0
