"""The handout printer's rules that need no browser: settings, address, page structure.

It lives under tests/site/, not tests/test_*.py (those also run inside Pyodide), because
it needs the printer's dependencies. ``scripts/handouts.py`` turns Markdown into a print
page; these tests render small pages with the site's own Markdown settings and check
the decisions of issue 15
(no local address, checkbox lists without bullets, staff part and numbered sections
as units, self-assessment tables, web-only boxes removed). Printing itself is
covered by ``tests/site/test_site_handouts.py`` against the built PDFs.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _printer():
    spec = importlib.util.spec_from_file_location("bokvar_handouts_unit", ROOT / "scripts" / "handouts.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


handouts = _printer()
SETTINGS = handouts.read_settings(ROOT / "mkdocs.yml")


def body(tmp_path: Path, markdown_text: str, **options) -> str:
    (tmp_path / "page.md").write_text(markdown_text, encoding="utf-8")
    spec = handouts.Handout("page.md", "page", **options)
    return handouts.render_body(spec, tmp_path, SETTINGS).html


@pytest.mark.parametrize("address", ["http://127.0.0.1:8000/", "http://localhost/", "", "/"])
def test_a_local_or_missing_address_is_refused(address):
    with pytest.raises(handouts.HandoutError, match="public address"):
        handouts.public_url(address)


def test_the_address_comes_from_site_url():
    """mkdocs.yml's site_url is the one address setting, read without MkDocs."""
    assert SETTINGS.site_url.startswith("https://")
    assert "127.0.0.1" not in SETTINGS.site_url
    assert "pymdownx.snippets" in SETTINGS.extensions


def test_front_matter_is_split_off():
    text, meta = handouts.split_front_matter("---\nlang: en\n---\n# Title\n")
    assert (text, meta) == ("# Title\n", {"lang": "en"})
    assert handouts.split_front_matter("# No front matter\n") == ("# No front matter\n", {})


def test_checkbox_items_form_a_checklist_without_bullets(tmp_path):
    html = body(tmp_path, "# T\n\n- ☐ Ett\n- ☐ Två\n\nText.\n\n- Vanlig punkt\n")
    assert html.count('class="checklist"') == 1, html


def test_staff_part_and_sources_are_marked_sections(tmp_path):
    html = body(
        tmp_path,
        "# T\n\n## 1. Parter\n\nText\n\n## Till er som använder avtalet\n\n- Råd\n\n## Källor\n\n- K\n",
    )
    assert html.count("<section") == 3
    assert '<section class="staff">' in html and '<section class="sources">' in html


def test_web_only_boxes_are_removed(tmp_path):
    html = body(tmp_path, '# T\n\n!!! tip no-print "Bara på webben"\n    Text.\n\nKvar.\n')
    assert "Bara på webben" not in html and "Kvar." in html


def test_self_assessment_scores_every_item(tmp_path):
    html = body(
        tmp_path, "# Checklistor\n\nIntro.\n\n## Roll\n\n- ☐ Första\n- ☐ Andra\n", variant="self-assessment"
    )
    assert "Självskattning: checklistor" in html
    assert html.count('<td class="item">') == 2
    for label in ("Redan", "Delvis", "Inte", "Prioritet 1–3", "Ansvarig", "Klart senast"):
        assert f"<th>{label}</th>" in html
    assert "☐" not in html, "the box character belongs to the list, not the table"


def test_links_to_site_pages_become_text(tmp_path):
    html = body(
        tmp_path,
        "# T\n\nSe [Uppföljning](../uppfoljning/index.md) och [Kronofogden](https://kronofogden.se/).\n",
    )
    assert 'class="internal"' in html and 'href="https://kronofogden.se/"' in html


def test_every_handout_source_exists_and_every_name_is_unique():
    names = [handout.name for handout in handouts.HANDOUTS]
    assert len(names) == len(set(names))
    for handout in handouts.HANDOUTS:
        assert (ROOT / "docs" / handout.source).is_file(), handout.source
        assert handout.paper in handouts.PAPER and handout.audience in ("workshop", "tenant", "neutral")
