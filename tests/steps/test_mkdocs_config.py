"""scripts/build_steps/mkdocs_config.py reads mkdocs.yml as MkDocs itself does."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from build_steps import mkdocs_config  # noqa: E402


def test_markdown_settings_match_mkdocs_own_reading():
    """Same extensions in the same order, same settings: the PDFs render as the pages do."""
    from mkdocs.config import load_config

    theirs = load_config(str(ROOT / "mkdocs.yml"))
    ours = mkdocs_config.markdown_config()
    assert ours["markdown_extensions"] == list(theirs["markdown_extensions"])
    assert ours["mdx_configs"] == dict(theirs["mdx_configs"])


def test_language_and_host():
    assert mkdocs_config.site_language() == "sv"
    # site_url is the one public-address setting (README, Publishing); the host is read from it.
    from urllib.parse import urlsplit

    import yaml

    site_url = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8").split("\nnav:")[0])["site_url"]
    assert mkdocs_config.site_host() == urlsplit(site_url).hostname


def test_tags_are_read_as_empty_values(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_url: !ENV [SITE, 'https://x.se/']\nmarkdown_extensions:\n"
        "  - toc:\n      slugify: !!python/name:pymdownx.slugs.slugify\n",
        encoding="utf-8",
    )
    assert mkdocs_config.site_host(config) is None
    assert mkdocs_config.markdown_config(config)["mdx_configs"] == {"toc": {"slugify": None}}
