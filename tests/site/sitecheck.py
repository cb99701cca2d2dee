"""Read a built site and find what breaks its promises: third-party requests,
dead links and anchors, wrong page language, pages without sources, Pyodide
on guide pages.

Every check returns a list of problems (strings naming file and value) instead
of asserting, so the same functions run on the real site and, in
test_site_checks_catch.py, on small broken sites that prove each check can fail.

>>> site = load_site(Path("site"))                     # doctest: +SKIP
>>> external_references(site)                          # doctest: +SKIP
[]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

import yaml

# Hosts that are the site itself when served by scripts/serve.
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}

# <link rel> values that never make the browser fetch anything.
NON_LOADING_RELS = {"canonical", "alternate", "prev", "next", "author", "license", "help", "bookmark", "me"}

# Attributes that make the browser fetch, by element ("*" = any element).
LOADING_ATTRS = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "input": ("src",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
    "feimage": ("href", "xlink:href"),
    "form": ("action",),  # a form posting elsewhere would send what the user typed
    "base": ("href",),
}

# Script loaders in third-party code shipped with the site that stay dormant here.
# Each entry names the file, the host and why it never fires; the condition is
# checked by its own test where the HTML can show it.
DORMANT_JS_HOSTS = {
    # Material's repository facts: fetched only when the header shows a repository
    # (theme repo_url), which this site never sets (test_no_repository_widget).
    (re.compile(r"bundle\.[0-9a-f]+\.min\.js$"), "api.github.com"),
    # Pyodide's default package CDN: used only by loadPackage(<package name>) for a
    # package missing from the self-hosted files; the calculator loads its wheel by
    # URL, and the browser tests record every request the page makes.
    (re.compile(r"pyodide(\.asm)?\.m?js$"), "cdn.jsdelivr.net"),
}

# XML namespace names in theme scripts: identifiers for createElementNS, never fetched.
XML_NAMESPACES = re.compile(
    r"^http://www\.w3\.org/(2000/svg|1999/xhtml|1999/xlink|1998/Math/MathML|XML/1998/namespace|2000/xmlns/)$"
)

# What makes a script load Pyodide: a Pyodide file or package address. A theme
# bundle may mention `loadPyodide` in a feature whose loader address the
# post-build step blanked (Zensical's `.pyodide` blocks); that loads nothing.
PYODIDE_LOADS = re.compile(r"pyodide(\.asm)?\.(m?js|wasm)|python_stdlib\.zip|pyodide@|/pyodide/", re.I)

# Generators whose pages count as content pages (<meta name="generator">).
GENERATORS = ("mkdocs", "zensical")

PYODIDE_PAGE_PREFIXES = ("kalkylator/", "en/calculator/", "bench/")
FIXTURE_PAGE_PREFIXES = ("bench/",)
GENERATED_PAGES = ("404.html",)
GENERATED_PREFIXES = ("search/",)


@dataclass
class Page:
    """What the checks need from one built HTML file."""

    path: str  # relative to the site root, POSIX, e.g. "roller/index.html"
    lang: str | None = None
    generator: str = ""
    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, str]] = field(default_factory=list)  # (tag, href)
    loads: list[tuple[str, str, str]] = field(default_factory=list)  # (tag, attr, url)
    inline_scripts: list[str] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)  # <style> text and style="" values
    headings: list[tuple[int, str]] = field(default_factory=list)
    classes: set[str] = field(default_factory=set)
    components: set[str] = field(default_factory=set)  # data-md-component values
    text: str = ""


class _PageParser(HTMLParser):
    def __init__(self, page: Page):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.heading: list | None = None  # [level, parts]
        self.skip_depth = 0  # inside <a class="headerlink"> (the ¶ mark)
        self.in_script = self.in_style = False
        self.buffer: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        page = self.page
        attrs = {name: (value or "") for name, value in attrs}
        tag = tag.lower()
        if tag == "html" and "lang" in attrs:
            page.lang = attrs["lang"]
        if tag == "meta" and attrs.get("name") == "generator":
            page.generator = attrs.get("content", "")
        if tag == "meta" and attrs.get("http-equiv", "").lower() == "refresh":
            target = attrs.get("content", "").partition("url=")[2] or attrs.get("content", "").partition("URL=")[2]
            if target:
                page.loads.append((tag, "content", target.strip("'\" ")))
        for key in ("id",):
            if attrs.get(key):
                page.ids.add(attrs[key])
        if tag == "a" and attrs.get("name"):
            page.ids.add(attrs["name"])
        page.classes.update(attrs.get("class", "").split())
        if attrs.get("data-md-component"):
            page.components.add(attrs["data-md-component"])
        if attrs.get("style"):
            page.styles.append(attrs["style"])
        if tag in ("a", "area") and "href" in attrs:
            page.links.append((tag, attrs["href"]))
        if tag == "link" and attrs.get("href"):
            rels = set(attrs.get("rel", "").lower().split())
            if not rels or not rels <= NON_LOADING_RELS:
                page.loads.append((tag, "href", attrs["href"]))
        for attr in LOADING_ATTRS.get(tag, ()):
            value = attrs.get(attr)
            if not value:
                continue
            if attr == "srcset":
                for candidate in value.split(","):
                    if candidate.strip():
                        page.loads.append((tag, attr, candidate.split()[0]))
            else:
                page.loads.append((tag, attr, value))
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.heading = [int(tag[1]), []]
        if tag == "a" and "headerlink" in attrs.get("class", "").split():
            self.skip_depth += 1
        if tag == "script" and not attrs.get("src"):
            script_type = attrs.get("type", "text/javascript").lower()
            self.in_script = script_type in ("", "text/javascript", "module", "application/javascript")
            self.buffer = []
        if tag == "style":
            self.in_style, self.buffer = True, []

    def handle_endtag(self, tag):
        tag = tag.lower()
        if tag == "a" and self.skip_depth:
            self.skip_depth -= 1
        if self.heading and tag == f"h{self.heading[0]}":
            text = " ".join("".join(self.heading[1]).split())
            self.page.headings.append((self.heading[0], text))
            self.heading = None
        if tag == "script" and self.in_script:
            self.page.inline_scripts.append("".join(self.buffer))
            self.in_script = False
        if tag == "style" and self.in_style:
            self.page.styles.append("".join(self.buffer))
            self.in_style = False

    def handle_data(self, data):
        if self.in_script or self.in_style:
            self.buffer.append(data)
            return
        self.text.append(data)
        if self.heading is not None and not self.skip_depth:
            self.heading[1].append(data)


@dataclass
class Site:
    """A built site: its root folder and every HTML page in it, parsed once."""

    root: Path
    pages: dict[str, Page]

    def files(self, *suffixes: str) -> list[Path]:
        return sorted(path for path in self.root.rglob("*") if path.is_file() and path.name.endswith(suffixes))


def parse_page(root: Path, path: Path) -> Page:
    page = Page(path.relative_to(root).as_posix())
    parser = _PageParser(page)
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    page.text = " ".join("".join(parser.text).split())
    return page


def load_site(root: Path) -> Site:
    """Parse every .html file under ``root``."""
    pages = {}
    for path in sorted(root.rglob("*.html")):
        page = parse_page(root, path)
        pages[page.path] = page
    return Site(root, pages)


# ------------------------------------------------------------------ helpers


def is_external(url: str) -> bool:
    """True if fetching ``url`` would contact a host other than the site's own."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme and parts.scheme.lower() not in ("http", "https", "ws", "wss", "ftp"):
        return False  # data:, blob:, mailto:, javascript: … fetch nothing remote
    if not parts.netloc:
        return False
    return (parts.hostname or "") not in LOCAL_HOSTS


_CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)""", re.I | re.S)
_CSS_IMPORT = re.compile(r"""@import\s+(['"])(.*?)\1""", re.I)  # @import url(…) is a url()


def css_urls(css: str) -> list[str]:
    """Every address a stylesheet would fetch: ``url()`` values and ``@import`` targets."""
    return [match.group(2) for match in _CSS_URL.finditer(css)] + [m.group(2) for m in _CSS_IMPORT.finditer(css)]


_JS_BLOCK_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_JS_LINE_COMMENT = re.compile(r"(^|[\s;{}(),])//[^\n]*")
_JS_URL = re.compile(
    r"""(?:["'`]|src\s*=\s*\\?["']?|href\s*=\s*\\?["']?|url\(\s*["']?|@import\s+["']?|importScripts\(\s*["'`]?|import\(\s*["'`]?)"""
    r"""((?:https?:|wss?:)?//([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+|\[[0-9a-fA-F:]+\])(?::\d+)?[^\s"'`)]*)""",
)


def js_external_urls(code: str) -> list[tuple[str, str]]:
    """Addresses of other hosts that a script could fetch: (url, host).

    Comments are removed first (licence headers cite project pages), then a URL
    counts when a string starts with it or it follows ``src=``, ``href=``,
    ``url(``, ``@import`` or ``importScripts(``. A URL inside a message text
    ("see https://…") is not a request and is not reported.
    """
    code = _JS_BLOCK_COMMENT.sub("", code)
    code = _JS_LINE_COMMENT.sub(r"\1", code)
    found = []
    for match in _JS_URL.finditer(code):
        host = match.group(2).lower()
        if XML_NAMESPACES.match(match.group(1)):
            continue
        if host.strip("[]") not in LOCAL_HOSTS and host not in LOCAL_HOSTS:
            found.append((match.group(1), host))
    return found


def page_url_to_file(site: Site, page_path: str, url: str) -> tuple[str | None, str]:
    """Resolve a relative or root-relative ``url`` on ``page_path`` to (site file, fragment).

    The file is None when the URL points outside the site or at a missing file.
    """
    resolved = urljoin(f"http://site.invalid/{page_path}", url)
    parts = urlsplit(resolved)
    target = unquote(parts.path).lstrip("/")
    path = site.root / target
    if target == "" or target.endswith("/") or path.is_dir():
        target = (target.rstrip("/") + "/index.html").lstrip("/")
        path = site.root / target
    return (target if path.is_file() else None), unquote(parts.fragment)


def is_fixture(path: str) -> bool:
    return path.startswith(FIXTURE_PAGE_PREFIXES)


def is_content_page(page: Page) -> bool:
    """A page written in Markdown (built by MkDocs or Zensical), not 404/search or a bench fixture."""
    return (
        page.generator.startswith(GENERATORS)
        and page.path not in GENERATED_PAGES
        and not page.path.startswith(GENERATED_PREFIXES)
        and not is_fixture(page.path)
    )


# ------------------------------------------------------------------- checks


def external_references(site: Site) -> list[str]:
    """Every way the built site would make a browser contact another host."""
    problems = []
    for page in site.pages.values():
        for tag, attr, url in page.loads:
            if is_external(url):
                problems.append(f"{page.path}: <{tag} {attr}={url!r}>")
        for css in page.styles:
            problems += [f"{page.path}: inline CSS {url!r}" for url in css_urls(css) if is_external(url)]
        for code in page.inline_scripts:
            problems += [f"{page.path}: inline script {url!r}" for url, _ in js_external_urls(code)]
    for path in site.files(".svg"):
        image = parse_page(site.root, path)
        rel = image.path
        problems += [f"{rel}: <{tag} {attr}={url!r}>" for tag, attr, url in image.loads if is_external(url)]
        for css in image.styles:
            problems += [f"{rel}: CSS {url!r}" for url in css_urls(css) if is_external(url)]
    for path in site.files(".css"):
        css = path.read_text(encoding="utf-8", errors="replace")
        rel = path.relative_to(site.root).as_posix()
        problems += [f"{rel}: {url!r}" for url in css_urls(css) if is_external(url)]
    for path in site.files(".js", ".mjs"):
        code = path.read_text(encoding="utf-8", errors="replace")
        rel = path.relative_to(site.root).as_posix()
        for url, host in js_external_urls(code):
            if any(pattern.search(path.name) and host == allowed for pattern, allowed in DORMANT_JS_HOSTS):
                continue
            problems.append(f"{rel}: {url!r}")
    return problems


def dormant_loader_triggers(site: Site) -> list[str]:
    """Pages that would wake a dormant third-party loader in Material's bundle."""
    problems = []
    for page in site.pages.values():
        if "source" in page.components or "md-source" in page.classes:
            problems.append(f"{page.path}: shows a repository widget (repo_url), Material would call api.github.com")
        if "mermaid" in page.classes:
            problems.append(f"{page.path}: has a mermaid diagram; no mermaid script is self-hosted")
        if "pyodide" in page.classes and not page.path.startswith(PYODIDE_PAGE_PREFIXES):
            problems.append(f"{page.path}: has a .pyodide block; Zensical's bundle would start Pyodide")
    return problems


def broken_links(site: Site) -> list[str]:
    """Internal links, resources and #anchors that lead nowhere."""
    problems = []
    for page in site.pages.values():
        refs = [(tag, f"<{tag} href>", url) for tag, url in page.links]
        refs += [(tag, f"<{tag} {attr}>", url) for tag, attr, url in page.loads if tag != "form"]
        for tag, label, url in refs:
            url = url.strip()
            parts = urlsplit(url)
            if not url or url == "#" or parts.scheme or parts.netloc:
                continue
            target, fragment = page_url_to_file(site, page.path, url)
            if target is None:
                problems.append(f"{page.path}: {label} {url!r} → missing file")
                continue
            if fragment and tag in ("a", "area"):
                other = site.pages.get(target)
                if other is None or fragment not in other.ids:
                    problems.append(f"{page.path}: {label} {url!r} → no id {fragment!r} in {target}")
    return problems


def wrong_languages(site: Site) -> list[str]:
    """Pages whose ``<html lang>`` is not ``sv`` (``en`` for en/)."""
    problems = []
    for page in site.pages.values():
        if is_fixture(page.path):
            continue
        want = "en" if page.path.startswith("en/") else "sv"
        if page.lang != want:
            problems.append(f"{page.path}: lang={page.lang!r}, want {want!r}")
    return problems


def pages_without_sources(site: Site) -> list[str]:
    """Content pages with no heading ``Källor`` (English page: ``Sources``)."""
    problems = []
    for page in site.pages.values():
        if not is_content_page(page):
            continue
        want = "sources" if page.lang == "en" else "källor"
        if not any(text.lower() == want for level, text in page.headings if level <= 3):
            problems.append(f"{page.path}: no heading {want.capitalize()!r}")
    return problems


def pyodide_on_guide_pages(site: Site) -> list[str]:
    """Guide pages (all but the calculator and bench pages) that load Pyodide."""
    problems = []
    scripts: dict[str, str] = {}
    for page in site.pages.values():
        if page.path.startswith(PYODIDE_PAGE_PREFIXES):
            continue
        for tag, attr, url in page.loads:
            if "pyodide" in url.lower():
                problems.append(f"{page.path}: <{tag} {attr}={url!r}>")
            elif tag == "script" and not is_external(url):
                target, _ = page_url_to_file(site, page.path, url)
                if target and target not in scripts:
                    scripts[target] = (site.root / target).read_text(encoding="utf-8", errors="replace")
                if target and PYODIDE_LOADS.search(scripts[target]):
                    problems.append(f"{page.path}: loads {target}, which names a Pyodide file")
        for code in page.inline_scripts:
            if "pyodide" in code.lower():
                problems.append(f"{page.path}: inline script mentions pyodide")
    return problems


def placeholders(site: Site) -> list[str]:
    """Content pages still showing the skeleton's PLACEHOLDER text."""
    return [page.path for page in site.pages.values() if is_content_page(page) and "PLACEHOLDER" in page.text]


# --------------------------------------------------------------------- nav


class _NavLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without executing or failing on ``!!python/…`` tags."""


_NavLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def nav_sources(config_path: Path) -> list[str]:
    """Every Markdown file named in ``nav`` (external nav links left out)."""
    config = yaml.load(config_path.read_text(encoding="utf-8"), Loader=_NavLoader)
    found: list[str] = []

    def walk(item):
        if isinstance(item, str):
            if not urlsplit(item).scheme:
                found.append(item)
        elif isinstance(item, list):
            for child in item:
                walk(child)
        elif isinstance(item, dict):
            for child in item.values():
                walk(child)

    walk(config.get("nav", []))
    return found


def built_path(source: str) -> str:
    """Where MkDocs (use_directory_urls) writes a page: roller/index.md → roller/index.html."""
    path = PurePosixPath(source)
    if path.stem in ("index", "README"):
        return (path.parent / "index.html").as_posix()
    return (path.parent / path.stem / "index.html").as_posix()
