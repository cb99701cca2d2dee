"""MkDocs adapter for scripts/csp.py: the Content-Security-Policy goes into every page.

It runs in ``on_post_build`` before the hook that hashes pages for the service worker
and pre-compresses them (priority 50 > 0), and after every hook that changes a page's
inline scripts (those work in ``on_post_page``), so the hashes match what is served.
"""

from __future__ import annotations

import importlib.util
import logging
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.csp")
_ROOT = Path(__file__).resolve().parent.parent


def _load():
    spec = importlib.util.spec_from_file_location("bokvar_csp", _ROOT / "scripts" / "csp.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bokvar_csp"] = module
    spec.loader.exec_module(module)
    return module


csp = _load()


@event_priority(50)
def on_post_build(config, **kwargs):
    """Write each page's policy into its <head>."""
    try:
        count = csp.apply_to_site(Path(config["site_dir"]))
    except csp.CspError as error:
        raise PluginError(f"Content-Security-Policy: {error}") from error
    log.info("Content-Security-Policy written into %d pages", count)
