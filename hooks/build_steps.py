"""MkDocs adapter for ``mkdocs serve``: the generator-neutral build steps, live.

``scripts/build`` runs ``scripts/prebuild``, the generator and
``scripts/postbuild`` itself (scripts/build_steps/), so for ``mkdocs build``
this hook does nothing. Under ``mkdocs serve`` (writers previewing pages) it
runs the same steps around each rebuild:

* before the build: prints changed workshop PDFs and publishes the wheel and
  Pyodide's core into docs/ (files are rewritten only when their bytes change,
  so this does not make the watcher rebuild in a loop);
* after the build, on MkDocs' temporary output folder: every post-build step
  except compression (MkDocs' dev server does not serve ``.gz`` files).

What serve does not do: serve ``.gz`` files or the MIME types and caching of
``scripts/serve_site.py``; use ``scripts/serve`` to see the site as users get it.
Zensical ignores MkDocs hooks; ``zensical serve`` shows pages without these
steps (no calculator, no PDFs): use ``GENERATOR=zensical scripts/serve``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from build_steps import postbuild, prebuild  # noqa: E402  (scripts/ is not a package)
from build_steps.errors import StepError  # noqa: E402

_serving = {"on": False}


def on_startup(command, dirty, **kwargs):
    """Remember whether this is ``mkdocs serve`` (the only command this hook acts on)."""
    _serving["on"] = command == "serve"


def on_pre_build(config, **kwargs):
    if _serving["on"]:
        try:
            prebuild.run()
        except StepError as error:
            raise PluginError(str(error)) from error


def on_post_build(config, **kwargs):
    if _serving["on"]:
        try:
            postbuild.run(Path(config["site_dir"]), skip=("compression",))
        except StepError as error:
            raise PluginError(str(error)) from error
