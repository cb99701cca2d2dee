"""Generator-neutral build steps around the static-site generator.

``scripts/build`` runs three stages, so the site does not depend on any one
generator's plugin model (MkDocs hooks, which Zensical ignores):

1. ``scripts/prebuild`` (:mod:`build_steps.prebuild`) writes generated files
   *into* ``docs/``, at the very paths the site publishes them, so every
   generator copies them like any other file:

   * ``docs/workshopmaterial/pdf/*.pdf`` – the workshop handouts
     (``scripts/handouts.py`` prints them, cached in ``build/handouts/``);
   * ``docs/kalkylator/*.whl`` – the calculator engine's (precompiled) wheel;
   * ``docs/kalkylator/pyodide/`` – the self-hosted Pyodide core with the trimmed
     standard library and lock file (``scripts/leanstdlib/``).

   These paths are git-ignored (``.gitignore``); nothing else in ``docs/`` is
   generated. Why not a separate ``docs/_generated/`` folder: the URLs would
   change, and both generators would need a second docs folder merged in.
   A file is rewritten only when its bytes change, so ``mkdocs serve`` does not
   rebuild in a loop.

2. The generator (MkDocs-Material by default, Zensical with
   ``GENERATOR=zensical``) turns ``docs/`` into ``site/``.

3. ``scripts/postbuild`` (:mod:`build_steps.postbuild`) edits the output folder
   with a list of steps, in order: the calculator page's build facts and
   start-up script, site policy (page language, bare links, no third-party
   address in the theme's bundles), the Content-Security-Policy, the service
   worker, compression (``.br`` and ``.gz``, ``scripts/compress.py``).

Each module has one job: :mod:`.mkdocs_config` reads ``mkdocs.yml`` without
MkDocs, :mod:`.handout_files` publishes the PDFs, :mod:`.calculator_assets`
does the wheel, Pyodide, markers, start-up script and service worker,
:mod:`.site_policy` the page-level rules, :mod:`.theme_styles` the styles a
theme inserts (for the CSP) and :mod:`.compression` calls ``scripts/compress.py``.
"""
