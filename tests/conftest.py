"""Shared test set-up: the repository root on sys.path and the Hypothesis profiles.

Profiles (choose with the environment variable HYPOTHESIS_PROFILE):

* ``ci`` (default): meaningful example counts, no deadline (CI machines are shared and slow),
  no example database written into the checkout.
* ``dev``: a fast smoke run while editing.

Property tests scale their own counts from the active profile with ``strategies.examples``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

settings.register_profile(
    "ci", max_examples=300, deadline=None, database=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=25, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
