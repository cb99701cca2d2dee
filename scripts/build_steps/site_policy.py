"""Post-build steps that hold site-wide promises, whatever generator built the pages.

* :func:`set_page_languages` – a page whose front matter says ``lang: en`` gets
  ``<html lang="en">``, while the theme's Swedish navigation around it stays
  marked as Swedish (generators set one language for the whole site);
* :func:`mark_bare_urls` – a link whose text is its own address gets class
  ``bare-url``, so print CSS does not repeat the address in brackets;
* :func:`blank_third_party_addresses` – every address of another host in the
  theme's JavaScript and CSS (loaders for mermaid, a ResizeObserver polyfill,
  glightbox, Pyodide, ace, repository facts … from unpkg, jsdelivr, GitHub,
  any host) becomes an empty ``data:`` URL. Found by a pattern, not a list of
  known strings, so a theme update that adds a loader is covered too. The site
  loads nothing from a third party, even where a page or browser would wake
  such a loader.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path, PurePosixPath

from . import mkdocs_config
from .paths import DOCS

log = logging.getLogger("bokvar.build.site_policy")

# ------------------------------------------------------------------ languages

_LANG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n(?:---|\.\.\.)\s*\n", re.S)
_SWEDISH_CHROME = (
    '<div data-md-component="skip"',
    '<header class="md-header',
    '<div class="md-sidebar md-sidebar--primary"',
    '<footer class="md-footer"',
)


def built_path(source: str) -> str:
    """Where a generator with directory URLs writes a page: roller/index.md → roller/index.html."""
    path = PurePosixPath(source)
    if path.stem in ("index", "README"):
        return (path.parent / "index.html").as_posix()
    return (path.parent / path.stem / "index.html").as_posix()


def page_languages(docs: Path = DOCS) -> dict[str, str]:
    """Built page → language, for every Markdown page whose front matter sets ``lang:``."""
    import yaml

    found = {}
    for source in sorted(docs.rglob("*.md")):
        match = _FRONT_MATTER.match(source.read_text(encoding="utf-8-sig"))
        if not match:
            continue
        meta = yaml.safe_load(match.group(1)) or {}
        if isinstance(meta, dict) and meta.get("lang"):
            found[built_path(source.relative_to(docs).as_posix())] = str(meta["lang"])
    return found


def set_language(output: str, lang: str, site_lang: str) -> str:
    """``output`` with ``<html lang>`` set to ``lang`` and the theme's chrome kept in ``site_lang``."""
    output, count = re.subn(r'<html lang="[^"]*"', f'<html lang="{lang}"', output, count=1)
    if not count:
        raise ValueError(f"no <html lang> to set to {lang!r}")
    for opening in _SWEDISH_CHROME:
        tag, rest = opening.split(" ", 1)
        output = output.replace(opening, f'{tag} lang="{site_lang}" {rest}', 1)
    return output


def set_page_languages(site: Path, docs: Path = DOCS) -> None:
    """Give each page in another language (front matter ``lang: en``) its own ``<html lang>``."""
    site_lang = mkdocs_config.site_language()
    for rel, lang in page_languages(docs).items():
        page = site / rel
        if lang == site_lang or not page.is_file():
            continue
        if not _LANG.match(lang):
            log.warning("Page %s: front matter lang %r is not a language tag (e.g. en).", rel, lang)
            continue
        text = page.read_text(encoding="utf-8")
        if f'<html lang="{lang}"' in text:
            continue  # already done by an earlier post-build run
        page.write_text(set_language(text, lang, site_lang), encoding="utf-8")


# ------------------------------------------------------------------ bare links

_BARE_URL = re.compile(r'<a href="(https?://[^"]+)">\1</a>')


def mark_bare_urls(site: Path) -> None:
    """Mark links whose text is their address, so print does not repeat it in brackets."""
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        marked = _BARE_URL.sub(r'<a class="bare-url" href="\1">\1</a>', text)
        if marked != text:
            page.write_text(marked, encoding="utf-8")


# ------------------------------------------------------- third-party addresses

# Hosts that are the site itself when served locally (scripts/serve, tests).
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]"}
# XML namespace names: identifiers the browser never fetches (SVG, MathML, XHTML).
NAMESPACES = re.compile(
    r"^http://www\.w3\.org/(2000/svg|1999/xhtml|1999/xlink|1998/Math/MathML|XML/1998/namespace|2000/xmlns/)$"
)
# Theme files the pattern applies to: the generator's own assets (never kalkylator/,
# whose Pyodide is self-hosted and checked by the site tests).
THEME_GLOBS = ("assets/javascripts/**/*.js", "assets/stylesheets/**/*.css")
EMPTY_JS = "data:text/javascript,"
EMPTY_CSS = "data:,"

# A whole string literal ("…", '…' or `…`) that starts with an http(s) address.
_JS_ADDRESS = re.compile(r"""(["'`])(https?://([^/"'`\s:?#]+)[^"'`\s]*)\1""")
# url(…) and @import "…" in CSS.
_CSS_ADDRESS = re.compile(r"""(url\(\s*|@import\s+)(["']?)(https?://([^/"'\s:?#)]+)[^"'\s)]*)\2""", re.I)


def _third_party(url: str, host: str, own: set[str]) -> bool:
    return host.lower() not in own and not NAMESPACES.match(url)


def blank_addresses(code: str, kind: str, own: set[str]) -> tuple[str, list[str]]:
    """``code`` with every third-party address blanked, and the addresses found.

    ``kind`` is ``"js"`` or ``"css"``; ``own`` the hosts that are the site itself.
    """
    found: list[str] = []
    if kind == "js":

        def js(match: re.Match) -> str:
            quote, url, host = match.groups()
            if not _third_party(url, host, own):
                return match.group(0)
            found.append(url)
            return f"{quote}{EMPTY_JS}{quote}"

        return _JS_ADDRESS.sub(js, code), found

    def css(match: re.Match) -> str:
        opening, quote, url, host = match.groups()
        if not _third_party(url, host, own):
            return match.group(0)
        found.append(url)
        return f'{opening}"{EMPTY_CSS}"'

    return _CSS_ADDRESS.sub(css, code), found


def own_hosts() -> set[str]:
    """The site's own hosts: loopback names and the host of ``site_url``."""
    hosts = set(LOCAL_HOSTS)
    configured = mkdocs_config.site_host()
    if configured:
        hosts.add(configured.lower())
    return hosts


def blank_third_party_addresses(site: Path) -> list[str]:
    """Blank every third-party address in the theme's JS and CSS; return ``file: url`` lines."""
    own = own_hosts()
    report: list[str] = []
    files = sorted({path for pattern in THEME_GLOBS for path in site.glob(pattern) if path.is_file()})
    if not any(path.suffix == ".js" for path in files):
        log.warning("No theme JavaScript under %s/assets/javascripts: third-party loaders not checked.", site)
    for path in files:
        text = path.read_text(encoding="utf-8")
        blanked, found = blank_addresses(text, "js" if path.suffix == ".js" else "css", own)
        if found:
            path.write_text(blanked, encoding="utf-8")
            report += [f"{path.relative_to(site).as_posix()}: {url}" for url in found]
    if report:
        log.info("blanked %d third-party addresses in the theme: %s", len(report), "; ".join(report))
    return report
