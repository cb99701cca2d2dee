"""Bo kvar performance benchmark (issue 5): ``scripts/bench`` runs ``python -m benchlib``.

Why a package and not one script: each measurement (browser timings, bytes on
the wire, engine timings, Lighthouse) is a concept of its own with its own
pitfalls, and each module stays short enough to read in one sitting.

    $ scripts/bench --runs 5 --check
"""

import sys
from pathlib import Path

# scripts/ is not a package: serve_site.py and chromium.py are imported as top-level modules.
_SCRIPTS = str(Path(__file__).resolve().parent.parent)
if _SCRIPTS not in sys.path:
    sys.path.insert(0, _SCRIPTS)
