"""A strict Content-Security-Policy for every built page, derived from the page itself.

Why derived and not written by hand: the theme and our own build put small inline
scripts into each page (Material's palette and scope lines, the calculator's start-up
script). A policy with a fixed list of hashes breaks the page, or gets loosened with
``'unsafe-inline'``, the first time one of them changes. So the build hashes the inline
scripts each page actually has and writes the policy into that page as the first thing
in ``<head>``: a theme update or a new inline script can neither break the page nor
widen the policy. Inline ``style`` attributes (the law page's hand-drawn SVG) get the
same treatment through ``'unsafe-hashes'``: only those exact declarations may apply.

Relaxations, each needed and each the narrowest that works (README, "Decisions"):

* ``'wasm-unsafe-eval'`` in ``script-src``: Pyodide compiles WebAssembly. It allows
  WebAssembly compilation only, not ``eval`` or ``new Function``.
* ``img-src data:``: the theme draws its icons as ``data:`` SVG images in CSS.
* ``'unsafe-hashes'`` + hashes in ``style-src`` only on pages with ``style=""``
  attributes; never ``'unsafe-inline'``.

A ``<meta>`` policy cannot set ``frame-ancestors``, ``Referrer-Policy`` or
``X-Content-Type-Options``; ``scripts/serve_site.py`` sends those as headers
(:data:`RESPONSE_HEADERS`), and the README gives the same for nginx and Apache.

>>> page = '<html><head><meta charset="utf-8"><script>go()</script></head></html>'
>>> print(add_policy(page)[:97])
<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src
>>> "'sha256-" in page_policy(page) and "'unsafe-inline'" not in page_policy(page)
True
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

# Directive → sources every page gets. Page-specific hashes are added to script-src
# and style-src by page_policy().
BASE_POLICY: dict[str, tuple[str, ...]] = {
    "default-src": ("'self'",),
    "script-src": ("'self'", "'wasm-unsafe-eval'"),
    "style-src": ("'self'",),
    "img-src": ("'self'", "data:"),
    "font-src": ("'self'",),
    "connect-src": ("'self'",),
    "worker-src": ("'self'",),
    "manifest-src": ("'self'",),
    "object-src": ("'none'",),
    "base-uri": ("'self'",),
    "form-action": ("'self'",),
}

# What a <meta> cannot carry. Sent by scripts/serve_site.py with every response.
FRAME_POLICY = "frame-ancestors 'none'"
RESPONSE_HEADERS: dict[str, str] = {
    "Content-Security-Policy": FRAME_POLICY,
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}

# A dedicated or service worker takes its policy from its own response headers, not
# from the page; this one lets Pyodide compile WebAssembly and nothing load from
# elsewhere. serve_site.py sends it with every JavaScript file.
WORKER_POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; "
    f"object-src 'none'; base-uri 'self'; {FRAME_POLICY}"
)

_JS_TYPES = {"", "text/javascript", "application/javascript", "module"}
_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">')
_CHARSET = re.compile(r"<meta charset=[^>]*>", re.IGNORECASE)
_HEAD = re.compile(r"<head[^>]*>", re.IGNORECASE)


class CspError(ValueError):
    """A page the policy cannot be written into (no ``<head>``)."""


def source_hash(text: str) -> str:
    """The CSP source expression for ``text``: ``'sha256-<base64>'`` of its UTF-8 bytes.

    >>> source_hash("")
    "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
    """
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


class _Inline(HTMLParser):
    """Collects the text of inline scripts and the values of ``style`` attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("style") is not None:
            self.styles.append(found["style"] or "")
        if tag == "script" and "src" not in found:
            kind = (found.get("type") or "").strip().lower()
            self._script = [] if kind in _JS_TYPES else None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scripts.append("".join(self._script))
            self._script = None


def inline_sources(page: str) -> tuple[list[str], list[str]]:
    """The texts of the page's executable inline scripts, and its ``style`` attribute values.

    Data blocks such as ``<script type="application/json">`` are not executed, so they
    need no hash and get none.
    """
    parser = _Inline()
    parser.feed(_META.sub("", page))
    parser.close()
    return parser.scripts, parser.styles


def page_policy(page: str, theme_styles: tuple[str, ...] = ()) -> str:
    """The policy for one page: :data:`BASE_POLICY` plus hashes of what the page inlines.

    ``theme_styles`` are the texts of ``<style>`` elements the theme's script adds at
    run time (Zensical's search panel), which the page's HTML cannot show.
    """
    scripts, styles = inline_sources(page)
    policy = {name: list(sources) for name, sources in BASE_POLICY.items()}
    policy["script-src"] += _unique(source_hash(text) for text in scripts)
    policy["style-src"] += _unique(source_hash(text) for text in theme_styles)
    if styles:
        policy["style-src"] += ["'unsafe-hashes'", *_unique(source_hash(text) for text in styles)]
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in policy.items())


def add_policy(page: str, theme_styles: tuple[str, ...] = ()) -> str:
    """``page`` with its policy as the first element of ``<head>`` (after ``<meta charset>``).

    A policy in a ``<meta>`` governs only what the parser meets after it, so it goes
    before every script. Running it again replaces the old policy, never adds a second.
    """
    page = _META.sub("", page)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{page_policy(page, theme_styles)}">'
    anchor = _CHARSET.search(page) or _HEAD.search(page)
    if anchor is None:
        raise CspError("no <head> to put the Content-Security-Policy in")
    return page[: anchor.end()] + meta + page[anchor.end() :]


def meta_policy(page: str) -> str | None:
    """The policy written into ``page`` by :func:`add_policy`, or None."""
    found = _META.search(page)
    return found[0].split('content="', 1)[1][:-2] if found else None


def html_pages(site: Path) -> list[Path]:
    """Every HTML page of the built site."""
    return sorted(path for path in site.rglob("*.html") if path.is_file())


def apply_to_site(site: Path, theme_styles: tuple[str, ...] = ()) -> int:
    """Write the policy into every HTML page under ``site``; return how many pages."""
    pages = html_pages(site)
    for path in pages:
        text = path.read_text(encoding="utf-8")
        path.write_text(add_policy(text, theme_styles), encoding="utf-8")
    return len(pages)


def header_policy(site: Path, theme_styles: tuple[str, ...] = ()) -> str:
    """One policy for a whole-site HTTP header: every page's hashes together, plus
    ``frame-ancestors``. For servers that set one header for all pages (README).
    ``theme_styles`` as for :func:`page_policy`."""
    scripts: list[str] = []
    styles: list[str] = []
    for path in html_pages(site):
        found_scripts, found_styles = inline_sources(path.read_text(encoding="utf-8"))
        scripts += found_scripts
        styles += found_styles
    joined = "".join(f"<script>{text}</script>" for text in scripts)
    joined += "".join(f'<i style="{_attr(text)}"></i>' for text in styles)
    return f"{page_policy(joined, theme_styles)}; {FRAME_POLICY}"


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;")


def _unique(items) -> list[str]:
    return list(dict.fromkeys(items))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default="site", type=Path)
    parser.add_argument(
        "--header",
        action="store_true",
        help="print one policy for a whole-site HTTP header instead of writing pages",
    )
    args = parser.parse_args(argv)
    if args.header:
        from build_steps.theme_styles import theme_styles  # scripts/ is this script's folder

        print(header_policy(args.site, theme_styles(args.site)))
        return 0
    count = apply_to_site(args.site)
    print(f"csp: policy written into {count} pages of {args.site}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
