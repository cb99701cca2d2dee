"""Post-build step: pre-compress large text and wasm assets to ``.br`` and ``.gz``.

The work is ``scripts/compress.py`` (brotli and gzip, cached by content hash in
``build/compress-cache/``); static hosts serve the variants next to the
originals, as ``scripts/serve_site.py`` does.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .paths import BUILD, ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import compress  # noqa: E402 - scripts/compress.py

COMPRESS_CACHE = BUILD / "compress-cache"


def compress_site(site: Path) -> dict[str, int]:
    """Write the compressed variants next to every compressible file of ``site``."""
    return compress.compress_site(site, COMPRESS_CACHE)
