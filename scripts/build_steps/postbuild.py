"""Post-build: finish the generator's output folder (``site/``), one step after another.

Run as ``scripts/postbuild [SITE_DIR]``. Steps run in the order of
:data:`STEPS`; the order matters:

1. the calculator page's facts and start-up script, and site policy, change
   HTML and theme files;
2. the Content-Security-Policy (``scripts/csp.py``) hashes each page's final
   inline scripts, so it follows every HTML change and precedes the service
   worker, which hashes the pages with their policy; another response-policy
   step belongs next to it;
3. the service worker hashes the final files it precaches;
4. compression runs last, on final bytes.

Like ``mkdocs build --strict``, a logged warning fails the command. Every step
is safe to run twice on the same folder (``mkdocs serve`` and
``scripts/build`` may both run it).
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path

from . import calculator_assets, compression, site_policy
from .errors import StepError
from .paths import ROOT
from .strict import run_strict
from .theme_styles import theme_styles

sys.path.insert(0, str(ROOT / "scripts"))
import csp  # noqa: E402  (scripts/csp.py; scripts/ is not a package)

log = logging.getLogger("bokvar.build")


def content_security_policy(site: Path) -> int:
    """Write each page's Content-Security-Policy into its <head> (scripts/csp.py).

    Style texts the theme's script inserts at run time (Zensical's search panel)
    are allowed by hash too (:mod:`.theme_styles`).
    """
    try:
        count = csp.apply_to_site(site, theme_styles(site))
    except csp.CspError as error:
        raise StepError(f"Content-Security-Policy: {error}") from error
    log.info("Content-Security-Policy written into %d pages", count)
    return count


STEPS: list[tuple[str, Callable[[Path], object]]] = [
    ("calculator page facts", calculator_assets.fill_page_facts),
    ("calculator start-up script", calculator_assets.inline_boot_script),
    ("page languages", site_policy.set_page_languages),
    ("bare links", site_policy.mark_bare_urls),
    ("third-party addresses", site_policy.blank_third_party_addresses),
    # Response policy: after every HTML change, before anything hashes the pages.
    ("content security policy", content_security_policy),
    ("service worker", calculator_assets.write_service_worker),
    ("compression", compression.compress_site),
]


def run(site: Path, skip: tuple[str, ...] = ()) -> None:
    """Run every post-build step not named in ``skip`` on ``site``, in order."""
    if not (site / "index.html").is_file():
        raise StepError(f"{site} holds no built site (index.html): run the generator first.")
    for name, step in STEPS:
        if name in skip:
            continue
        started = time.perf_counter()
        step(site)
        log.info("postbuild: %s (%.1f s)", name, time.perf_counter() - started)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/postbuild", description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default=str(ROOT / "site"), help="output folder (default: site)")
    parser.add_argument("--skip", action="append", default=[], help="name of a step to leave out")
    args = parser.parse_args(argv)
    return run_strict("postbuild", lambda: run(Path(args.site), tuple(args.skip)))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
