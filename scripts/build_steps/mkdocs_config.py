"""Read what the build steps need from ``mkdocs.yml`` without importing MkDocs.

``mkdocs.yml`` stays the single site configuration for both generators. The
steps need only plain values from it (theme language, site URL, Markdown
extensions), so a YAML read is enough; tags such as ``!ENV`` or
``!!python/name:`` are read as empty values instead of executing anything.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .paths import CONFIG

# MkDocs always enables these first (mkdocs.config.defaults.MarkdownExtensions).
BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")


class _Loader(yaml.SafeLoader):
    """SafeLoader that reads any tag as an empty value."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)


def load(path: Path = CONFIG) -> dict[str, Any]:
    """The YAML of ``mkdocs.yml`` (``INHERIT`` is not followed: the file has none)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}


def markdown_config(path: Path = CONFIG) -> dict[str, Any]:
    """The keys of a loaded MkDocs config that Markdown rendering reads.

    Returns ``config_file_path``, ``markdown_extensions`` (names, MkDocs' built-in
    ones first, as MkDocs orders them) and ``mdx_configs`` (name → settings), the
    shape ``scripts/handouts.py``'s ``markdown_settings`` takes.
    """
    config = load(path)
    names = list(BUILTIN_EXTENSIONS)
    configs: dict[str, dict] = {}
    for item in config.get("markdown_extensions") or []:
        if isinstance(item, dict):
            ((name, settings),) = item.items()
        else:
            name, settings = item, None
        if name not in names:
            names.append(name)
        if settings:
            configs[name] = settings
    return {"config_file_path": str(path), "markdown_extensions": names, "mdx_configs": configs}


def site_language(path: Path = CONFIG) -> str:
    """The theme language (``theme.language``), the site's ``<html lang>``."""
    theme = load(path).get("theme") or {}
    return str(theme.get("language") or "en") if isinstance(theme, dict) else "en"


def site_host(path: Path = CONFIG) -> str | None:
    """The host of ``site_url`` (the site itself, never a third party), if set."""
    from urllib.parse import urlsplit

    url = load(path).get("site_url") or ""
    return urlsplit(str(url)).hostname
