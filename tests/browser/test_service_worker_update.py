"""A new build reaches people who have the calculator cached: new cache, old one deleted.

The test copies the built site, changes one precached file as a rebuild would,
and lets the build hook write the service worker again; the browser that cached
the old build must then install the new cache and serve the new file.
"""

from __future__ import annotations

import shutil
import sys
import time

from browser_helpers import ROOT, new_context, open_calculator, wait_until_ready

sys.path.insert(0, str(ROOT / "scripts"))

from build_steps import calculator_assets  # noqa: E402  (post-build step, used here as a library)
from serve_site import serve_in_thread  # noqa: E402

CACHES = "caches.keys().then(keys => keys.filter(k => k.startsWith('bokvar-kalkylator-')))"


def poll(page, expression: str, timeout_s: float = 60) -> bool:
    """Evaluate a promise-valued ``expression`` until it resolves truthy.

    Not ``page.wait_for_function``: it takes the returned Promise object itself as a
    truthy answer at once, so a wait on ``caches.keys().then(...)`` never waited.
    """
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if page.evaluate(expression):
            return True
        page.wait_for_timeout(100)
    return False


def test_new_build_replaces_the_offline_cache(browser, site_dir, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(site_dir, site)
    server, base_url = serve_in_thread(site)
    context = new_context(browser)
    try:
        page = context.new_page()
        open_calculator(page, base_url)
        page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=60_000)
        old = page.evaluate(CACHES)
        assert len(old) == 1

        # "Rebuild": one page asset changes, post-build writes sw.js with a new manifest.
        script = site / "kalkylator" / "kalkylator.js"
        script.write_text(script.read_text(encoding="utf-8") + "\n// rebuilt\n", encoding="utf-8")
        for suffix in (".gz", ".br"):  # stale variants of the old file
            (site / "kalkylator" / f"kalkylator.js{suffix}").unlink(missing_ok=True)
        template = (ROOT / "docs" / "kalkylator" / "sw.js").read_text(encoding="utf-8")
        calculator_assets.write_service_worker(site, template)
        for suffix in (".gz", ".br"):
            (site / "kalkylator" / f"sw.js{suffix}").unlink(missing_ok=True)

        # The next visit checks sw.js, installs the new cache and drops the old one.
        page.reload()
        wait_until_ready(page)
        assert poll(page, f"{CACHES}.then(k => k.length === 1 && k[0] !== {old[0]!r})"), (
            "new cache never replaced the old"
        )
        page.reload()
        wait_until_ready(page)
        served = page.evaluate("fetch('kalkylator.js').then(r => r.text())")
        assert served.endswith("// rebuilt\n")
    finally:
        context.close()
        server.shutdown()
        server.server_close()
