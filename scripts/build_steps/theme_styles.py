"""Find the ``<style>`` texts a theme's script inserts at run time, for the CSP to hash.

Zensical's bundle draws its search panel in a shadow root and styles it with
``appendChild(C("style",{},X.toString()))``, where ``X`` is a string constant in
the same bundle. Material's bundle inserts no style element. A strict policy
(``scripts/csp.py``) blocks such a style unless its hash is allowed, and the
page's HTML cannot show it, so post-build reads it from the bundle: a call that
creates a ``"style"`` element from a named constant, and that constant's string
literal. A theme that builds styles some other way is not found here; the
browser test ``tests/browser/test_csp.py`` then reports the violation.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

THEME_SCRIPTS = "assets/javascripts/*.js"
_STYLE_FROM_NAME = re.compile(
    r"""\(\s*["']style["']\s*,\s*\{\}\s*,\s*([A-Za-z_$][\w$]*)(?:\.toString\(\))?\s*\)"""
)


def _literal(code: str, name: str) -> str | None:
    """The value of ``name = '…'`` (or "…") in minified ``code``, decoded, if there is exactly one."""
    pattern = re.compile(rf"""(?<![\w$.]){re.escape(name)}\s*=\s*(['"])((?:[^\\\n]|\\.)*?)\1""")
    found = {match.group(0) for match in pattern.finditer(code)}
    if len(found) != 1:
        return None
    match = pattern.search(code)
    quote, body = match.group(1), match.group(2)
    try:
        return ast.literal_eval(f"{quote}{body}{quote}")  # JS and Python share these escapes
    except (ValueError, SyntaxError):
        return None


def inserted_styles(code: str) -> list[str]:
    """Texts of the ``<style>`` elements ``code`` builds from a string constant."""
    texts = []
    for name in dict.fromkeys(match.group(1) for match in _STYLE_FROM_NAME.finditer(code)):
        text = _literal(code, name)
        if text is not None:
            texts.append(text)
    return texts


def theme_styles(site: Path) -> tuple[str, ...]:
    """Every style text the theme's bundles in ``site`` insert at run time."""
    found: list[str] = []
    for path in sorted(site.glob(THEME_SCRIPTS)):
        found += inserted_styles(path.read_text(encoding="utf-8"))
    return tuple(dict.fromkeys(found))
