"""Internal links, page resources and #anchors all resolve inside the built site."""

from __future__ import annotations

import pytest

from sitecheck import broken_links

pytestmark = pytest.mark.site


def test_internal_links_and_anchors_resolve(site):
    """Every relative ``href``/``src`` names a built file; every ``#fragment`` an id on its page."""
    assert sum(len(page.links) for page in site.pages.values()) > 100, "suspiciously few links parsed"
    problems = broken_links(site)
    assert not problems, f"{len(problems)} broken:\n" + "\n".join(problems[:60])
