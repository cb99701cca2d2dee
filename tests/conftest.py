"""Shared test set-up: the repository root on sys.path and the Hypothesis profiles.

Profiles (choose with the environment variable HYPOTHESIS_PROFILE):

* ``ci`` (default): meaningful example counts, no deadline (CI machines are shared and slow),
  no example database written into the checkout.
* ``dev``: a fast smoke run while editing.

Both write no example database (``database=None``), and Hypothesis keeps its other files (such
as its cache of constants) in a temporary directory, so no run leaves ``.hypothesis/`` in the
checkout.

``BOKVAR_REFERENCE_AMOUNTS``, when set, names a copy of ``calculator/data/reference_amounts.json``
that the engine reads instead of its own file: ``tests/test_yearly_update.py`` runs the engine
suite against a copy with a made-up next year, to prove a yearly update is data-only.

Property tests scale their own counts from the active profile with ``strategies.examples``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis.configuration import set_hypothesis_home_dir

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "bokvar-hypothesis")
settings.register_profile(
    "ci",
    max_examples=300,
    deadline=None,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=25, deadline=None, database=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

if os.environ.get("BOKVAR_REFERENCE_AMOUNTS"):
    import json

    import calculator.reference

    calculator.reference._data = json.loads(Path(os.environ["BOKVAR_REFERENCE_AMOUNTS"]).read_text("utf-8"))
