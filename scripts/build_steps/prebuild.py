"""Pre-build: generate into docs/ (git-ignored paths) what the generator then publishes.

Run as ``scripts/prebuild``. Each step is ``(name, function)``; a step raises
:class:`~build_steps.errors.StepError` with a message that says what to do. Like
``mkdocs build --strict``, a logged warning also fails the command.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable

from .calculator_assets import publish_engine
from .handout_files import publish_editable_copies, publish_handouts
from .strict import run_strict

log = logging.getLogger("bokvar.build")

STEPS: list[tuple[str, Callable[[], object]]] = [
    ("workshop PDFs", publish_handouts),
    ("editable copies", publish_editable_copies),
    ("calculator wheel and Pyodide", publish_engine),
]


def run(skip: tuple[str, ...] = ()) -> None:
    """Run every pre-build step not named in ``skip``, in order."""
    for name, step in STEPS:
        if name in skip:
            continue
        started = time.perf_counter()
        step()
        log.info("prebuild: %s (%.1f s)", name, time.perf_counter() - started)


def main(argv: list[str] | None = None) -> int:
    return run_strict("prebuild", run)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
