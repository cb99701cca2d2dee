"""Where Debian's Chromium is and how every headless run here starts it.

One place for the PDF printer, the browser tests and the benchmark. The flags
matter on this network: without the background-networking ones Chromium keeps
trying to reach Google's hosts, and the closed network refuses each attempt;
``--no-sandbox`` because CI runs as root. ``BOKVAR_CHROMIUM`` points at another
binary.

>>> CHROMIUM_ARGS[0]
'--no-sandbox'
"""

import os

CHROMIUM = os.environ.get("BOKVAR_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
