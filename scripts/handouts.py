"""Print the workshop handouts to A4 PDFs from the site's own Markdown (one truth).

The hook ``hooks/handouts.py`` wires this into MkDocs; this module does the work
and can also be run on its own to look at the result while writing a page::

    $ .venv/bin/python scripts/handouts.py        # writes build/handouts/*.pdf

Each handout is rendered by python-markdown with the extensions and settings of
``mkdocs.yml`` (abbreviations, admonitions, task lists look as on the site), wrapped
in a standalone print page and printed by headless Chromium, which gives real,
selectable text with embedded fonts. The PDFs are cached in ``build/handouts/``
under a hash of everything that shapes them (HTML, stylesheet, print options,
local images), so ``mkdocs serve`` re-prints only a handout whose source changed.
"""

from __future__ import annotations

import copy
import hashlib
import html
import json
import os
import re
import sys
import tempfile
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

sys.path.insert(0, str(Path(__file__).resolve().parent))
from chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402  (scripts/ is not a package)

HEADER_TEXT = "Bo kvar – workshopmaterial"
# Bump when the rendering changes in a way the hashed inputs do not show.
RENDER_VERSION = "2"
# Scales tried, in order, for a handout that must fit one page. 0.85 keeps the
# body text at about 8.5 pt, the smallest we accept on a printed handout.
ONE_PAGE_SCALES = (1.0, 0.95, 0.9, 0.85)
KEEP_CACHED = 3
_STASHED = re.compile(re.escape(markdown.util.HTML_PLACEHOLDER).replace("%s", r"(\d+)"))


class HandoutError(Exception):
    """A handout cannot be printed; the message says what to do."""


@dataclass(frozen=True)
class Handout:
    """One PDF: its Markdown source (relative to docs/) and its page budget."""

    source: str
    name: str
    max_pages: int = 6
    one_page: bool = False

    @property
    def url(self) -> str:
        """Where the PDF lives in the built site (relative to the site root)."""
        return f"workshopmaterial/pdf/{self.name}.pdf"


HANDOUTS = (
    Handout("workshopmaterial/metoden-pa-en-sida.md", "metoden-pa-en-sida", max_pages=1, one_page=True),
    Handout("workshopmaterial/checklistor.md", "checklistor"),
    Handout("workshopmaterial/motesagenda.md", "motesagenda"),
    Handout("mallar/samtyckesblankett.md", "samtyckesblankett"),
    Handout("mallar/avbetalningsavtal.md", "avbetalningsavtal"),
    Handout("socialtjansten/nar-meddelandet-kommer.md", "nar-meddelandet-kommer"),
    Handout("mallar/brev-fran-socialtjansten.md", "brev-fran-socialtjansten"),
    Handout("mallar/beslut-om-utredning.md", "beslut-om-utredning"),
    # For tenants, in easy Swedish and plain English: one sheet, printed on both sides.
    Handout("hyresgast/index.md", "har-du-inte-betalat-hyran", max_pages=2),
    Handout("en/unpaid-rent/index.md", "have-you-not-paid-the-rent", max_pages=2),
    Handout("mallar/inkassokrav.md", "inkassokrav"),
    Handout("mallar/varning-sena-betalningar.md", "varning-sena-betalningar"),
    Handout("mallar/uppsagning-forverkande.md", "uppsagning-forverkande"),
    Handout("mallar/underrattelse-och-meddelande.md", "underrattelse-och-meddelande"),
    Handout("mallar/ansokan-kronofogden.md", "ansokan-kronofogden"),
)


@dataclass
class Rendered:
    """A handout as a standalone HTML page, ready to print."""

    handout: Handout
    title: str
    html: str
    key: str


# --------------------------------------------------------------------------- render


class _PrintTree(Treeprocessor):
    """Adapt the parsed page for paper.

    Links to other site pages cannot be followed on paper, so they become plain
    text; collapsed ``details`` open; each tab's label is printed above its
    content; the first heading becomes the document title.
    """

    def __init__(self, md, state: dict):
        super().__init__(md)
        self.state = state

    def run(self, root):
        tab_sets = [el for el in root.iter("div") if "tabbed-set" in el.get("class", "").split()]
        for tabbed_set in tab_sets:
            self._label_tabs(tabbed_set)
        for table in root.iter("table"):
            self._widen_blank_columns(table)
        for element in root.iter():
            if element.tag == "h1" and not self.state.get("title"):
                self.state["title"] = "".join(element.itertext()).strip()
            elif element.tag == "a":
                self._adapt_link(element)
            elif element.tag == "details":
                element.set("open", "open")
            elif element.tag == "img" and element.get("src"):
                self.state.setdefault("images", []).append(element.get("src"))
        return None

    def _is_blank(self, cell) -> bool:
        text = "".join(cell.itertext())
        text = _STASHED.sub(lambda m: self.md.htmlStash.rawHtmlBlocks[int(m.group(1))], text)
        return not text.replace("&nbsp;", "").replace("\xa0", "").strip() and not len(cell)

    def _widen_blank_columns(self, table) -> None:
        """Give the columns a reader fills in by hand room to write in.

        A column whose body cells are all blank (a form field) would otherwise
        shrink to its heading's width.
        """
        head = [row for row in table.iter("tr") if row.find("th") is not None][:1]
        body = [row for row in table.iter("tr") if row.find("td") is not None]
        if not head or not body:
            return
        headings = list(head[0])
        blank = [True] * len(headings)
        for row in body:
            for index, cell in enumerate(list(row)[: len(headings)]):
                if self._is_blank(cell):
                    cell.set("class", (cell.get("class", "") + " blank").strip())
                else:
                    blank[index] = False
        count = sum(blank)
        if 0 < count < len(headings):
            for heading, is_blank in zip(headings, blank):
                if is_blank:
                    heading.set("class", (heading.get("class", "") + " fill").strip())
                    heading.set("style", f"width: {55 / count:.0f}%")

    @staticmethod
    def _adapt_link(element) -> None:
        href = element.get("href", "")
        scheme = urlsplit(href).scheme
        if scheme in ("http", "https"):
            if "".join(element.itertext()).strip() == href:
                element.set("class", (element.get("class", "") + " bare-url").strip())
        elif scheme != "mailto" and not href.startswith("#"):
            del element.attrib["href"]
            element.set("class", (element.get("class", "") + " internal").strip())

    @staticmethod
    def _label_tabs(tabbed_set) -> None:
        """Put each tab's label as a bold line above its content (both pymdownx styles)."""
        labels_box = next((c for c in tabbed_set if "tabbed-labels" in c.get("class", "").split()), None)
        labels = list(labels_box if labels_box is not None else tabbed_set.iter("label"))
        content_box = next((c for c in tabbed_set if "tabbed-content" in c.get("class", "").split()), None)
        if labels_box is not None and content_box is not None:
            blocks = [c for c in content_box if "tabbed-block" in c.get("class", "").split()]
        else:  # classic style: label, then its own div.tabbed-content
            blocks = [c for c in tabbed_set if "tabbed-content" in c.get("class", "").split()]
        for label, block in zip(labels, blocks):
            title = etree.Element("p", {"class": "tab-title"})
            etree.SubElement(title, "strong").text = "".join(label.itertext()).strip()
            block.insert(0, title)
        for child in list(tabbed_set):
            if child.tag in ("input", "label") or child is labels_box:
                tabbed_set.remove(child)


class _PrintExtension(Extension):
    def __init__(self, state: dict):
        super().__init__()
        self.state = state

    def extendMarkdown(self, md):  # noqa: N802 - python-markdown's name
        md.treeprocessors.register(_PrintTree(md, self.state), "bokvar_print", 4)


def markdown_settings(config) -> tuple[list, dict]:
    """The extensions of ``mkdocs.yml``, adjusted for paper.

    Snippet paths become absolute (the build may run from another folder) and
    heading permalinks (¶) are switched off.
    """
    root = Path(config["config_file_path"]).parent
    extensions = list(config["markdown_extensions"])
    configs = copy.deepcopy(dict(config["mdx_configs"]))
    snippets = configs.get("pymdownx.snippets")
    if snippets is not None:
        base = snippets.get("base_path", ["."])
        base = [base] if isinstance(base, str) else base
        snippets["base_path"] = [str((root / path).resolve()) for path in base]
    if "toc" in configs or "toc" in extensions:
        configs.setdefault("toc", {})["permalink"] = False
    return extensions, configs


def render(handout: Handout, docs_dir: Path, extensions: list, configs: dict) -> Rendered:
    """Render one handout's Markdown into a standalone print page."""
    from mkdocs.utils.meta import get_data

    source_path = docs_dir / handout.source
    try:
        text = source_path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as error:
        raise HandoutError(f"handout source {source_path} is missing") from error
    body_md, meta = get_data(text)
    state: dict = {}
    md = markdown.Markdown(
        extensions=[*extensions, _PrintExtension(state)],
        extension_configs=configs,
    )
    body = md.convert(body_md)
    heading = state.get("title") or meta.get("title") or handout.name
    title = f"{heading} – Bo kvar"
    base = source_path.parent.resolve().as_uri() + "/"
    page = PAGE_TEMPLATE.format(
        lang=html.escape(str(meta.get("lang", "sv"))),
        title=html.escape(title),
        base=html.escape(base),
        css=HANDOUT_CSS,
        name=handout.name,
        body=body,
    )
    digest = hashlib.sha256()
    for part in (RENDER_VERSION, page, json.dumps(pdf_options(heading, 1.0), sort_keys=True)):
        digest.update(part.encode("utf-8"))
    for src in state.get("images", []):
        local = _local_file(source_path.parent, src)
        if local is not None:
            digest.update(local.read_bytes())
    if handout.one_page:
        digest.update(repr(ONE_PAGE_SCALES).encode())
    return Rendered(handout, heading, page, digest.hexdigest())


def _local_file(folder: Path, src: str) -> Path | None:
    parts = urlsplit(src)
    if parts.scheme or parts.netloc:
        return None
    path = (folder / unquote(parts.path)).resolve()
    return path if path.is_file() else None


# --------------------------------------------------------------------------- print


def pdf_options(heading: str, scale: float) -> dict:
    """Options for Playwright's ``page.pdf``: A4, running header, page numbers."""
    small = "font-family:'Liberation Sans','DejaVu Sans',Arial,sans-serif;font-size:8pt;color:#444;"
    header = (
        f'<div style="{small}width:100%;margin:0 16mm;display:flex;justify-content:space-between;">'
        f"<span>{html.escape(HEADER_TEXT)}</span><span>{html.escape(heading)}</span></div>"
    )
    footer = (
        f'<div style="{small}width:100%;margin:0 16mm;text-align:right;">'
        'Sida <span class="pageNumber"></span> av <span class="totalPages"></span></div>'
    )
    return {
        "format": "A4",
        "print_background": True,
        "display_header_footer": True,
        "header_template": header,
        "footer_template": footer,
        "margin": {"top": "20mm", "bottom": "18mm", "left": "16mm", "right": "16mm"},
        "scale": scale,
        "tagged": True,
        "outline": True,
    }


def count_pages(pdf: bytes) -> int:
    """Pages in a PDF written by Chromium (Skia writes page objects uncompressed).

    Used only for the build's own report and the one-page fit; the tests read
    the PDFs with a real PDF library.
    """
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def _launch():
    if not Path(CHROMIUM).is_file() or not os.access(CHROMIUM, os.X_OK):
        raise HandoutError(
            f"Chromium was not found at {CHROMIUM}; the workshop PDFs are printed with it. "
            "Install it (Debian: sudo apt-get install chromium) or run scripts/setup; "
            "set BOKVAR_CHROMIUM to use a Chromium elsewhere."
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        raise HandoutError("Python Playwright is missing: run scripts/setup") from error
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    except Exception as error:
        playwright.stop()
        raise HandoutError(f"Chromium at {CHROMIUM} did not start: {error}") from error
    return playwright, browser


def _print(browser, rendered: Rendered, html_path: Path) -> tuple[bytes, int]:
    context = browser.new_context(offline=True)
    try:
        # Only the page itself and files beside its source may load: nothing from a network.
        context.route(
            re.compile(r"^(https?|wss?|ftp):"), lambda route: route.abort("blockedbyclient")
        )
        page = context.new_page()
        page.goto(html_path.as_uri(), wait_until="load")
        page.evaluate("document.fonts.ready")
        scales = ONE_PAGE_SCALES if rendered.handout.one_page else (1.0,)
        for scale in scales:
            pdf = page.pdf(**pdf_options(rendered.title, scale))
            pages = count_pages(pdf)
            if pages <= rendered.handout.max_pages:
                break
        return pdf, pages
    finally:
        context.close()


def _write_atomic(path: Path, data: bytes) -> None:
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as handle:
        handle.write(data)
    os.chmod(handle.name, 0o644)
    os.replace(handle.name, path)


def _prune(cache_dir: Path, name: str) -> None:
    pattern = re.compile(rf"^{re.escape(name)}-[0-9a-f]{{16}}\.(pdf|html)$")
    old = sorted(
        (path for path in cache_dir.iterdir() if pattern.match(path.name) and path.suffix == ".pdf"),
        key=lambda path: path.stat().st_mtime,
        reverse=True,
    )[KEEP_CACHED:]
    for pdf in old:
        for path in (pdf, pdf.with_suffix(".html")):
            path.unlink(missing_ok=True)


@dataclass
class Result:
    """A printed (or cached) handout."""

    handout: Handout
    path: Path
    pages: int
    printed: bool


def build(docs_dir: Path, cache_dir: Path, extensions: list, configs: dict) -> list[Result]:
    """Render every handout and print those not already in the cache.

    Chromium starts only when at least one handout changed, so a rebuild with
    unchanged sources costs the Markdown rendering alone.
    """
    cache_dir.mkdir(parents=True, exist_ok=True)
    results, pending = [], []
    for handout in HANDOUTS:
        rendered = render(handout, docs_dir, extensions, configs)
        pdf_path = cache_dir / f"{handout.name}-{rendered.key[:16]}.pdf"
        if pdf_path.is_file():
            results.append(Result(handout, pdf_path, count_pages(pdf_path.read_bytes()), False))
        else:
            pending.append((rendered, pdf_path))
    if pending:
        playwright, browser = _launch()
        try:
            for rendered, pdf_path in pending:
                html_path = pdf_path.with_suffix(".html")
                _write_atomic(html_path, rendered.html.encode("utf-8"))
                pdf, pages = _print(browser, rendered, html_path)
                _write_atomic(pdf_path, pdf)
                _prune(cache_dir, rendered.handout.name)
                results.append(Result(rendered.handout, pdf_path, pages, True))
        finally:
            browser.close()
            playwright.stop()
    order = {handout.name: index for index, handout in enumerate(HANDOUTS)}
    return sorted(results, key=lambda result: order[result.handout.name])


# --------------------------------------------------------------------------- page

PAGE_TEMPLATE = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<base href="{base}">
<style>{css}</style>
</head>
<body class="handout handout--{name}">
<main>
{body}
</main>
</body>
</html>
"""

HANDOUT_CSS = """
@page { size: A4; }
html { font-family: "Liberation Sans", Arial, Helvetica, "DejaVu Sans", sans-serif;
  font-size: 10.5pt; line-height: 1.45; color: #000; background: #fff;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; }
.handout--metoden-pa-en-sida { font-size: 10pt; line-height: 1.38; }
h1, h2, h3, h4 { line-height: 1.2; break-after: avoid; page-break-after: avoid; color: #1a237e; }
h1 { font-size: 1.9em; margin: 0 0 .5em; }
h2 { font-size: 1.35em; margin: 1.1em 0 .35em; padding-bottom: .15em; border-bottom: .75pt solid #9fa8da; }
h3 { font-size: 1.12em; margin: .9em 0 .3em; }
h4 { font-size: 1em; margin: .8em 0 .25em; }
p, ul, ol, dl { margin: 0 0 .55em; }
p, li { orphans: 3; widows: 3; }
ul, ol { padding-left: 1.4em; }
li { margin: .12em 0; }
a { color: inherit; text-decoration: underline; text-decoration-thickness: .5pt; }
a.internal { text-decoration: none; }
a[href^="http"]:not(.bare-url)::after { content: " (" attr(href) ")"; font-size: .85em;
  color: #333; word-break: break-all; }
a.bare-url { word-break: break-all; }
abbr { text-decoration: none; border: 0; }
strong { font-weight: 700; }
code { font-family: "Liberation Mono", "DejaVu Sans Mono", monospace; font-size: .92em; }
pre { white-space: pre-wrap; background: #f3f3f3; padding: .5em .7em; border-radius: 2pt; }
blockquote { margin: .6em 0; padding: .1em .9em; border-left: 2.5pt solid #9fa8da; color: #222; }
hr { border: 0; border-top: .75pt solid #999; margin: 1em 0; }
img { max-width: 100%; break-inside: avoid; }
table { border-collapse: collapse; width: 100%; margin: .4em 0 .8em; font-size: .95em; }
thead { display: table-header-group; }
tr, td, th { break-inside: avoid; page-break-inside: avoid; }
th, td { border: .75pt solid #888; padding: .3em .45em; text-align: left; vertical-align: top; }
th { background: #e8eaf6; }
td.blank { height: 1.9em; }
.admonition, details { border: 1pt solid #3f51b5; border-left-width: 3.5pt; border-radius: 2pt;
  padding: .35em .8em .2em; margin: .7em 0; break-inside: avoid; }
.admonition-title, details > summary { font-weight: 700; margin: 0 0 .3em; display: block;
  list-style: none; break-after: avoid; }
details > summary::-webkit-details-marker { display: none; }
.admonition.warning, .admonition.danger, .admonition.caution, .admonition.attention,
details.warning, details.danger { border-color: #b71c1c; }
.admonition.tip, .admonition.success, .admonition.check, details.tip { border-color: #1b5e20; }
/* The two claim markers: colour, border style and their title text tell them apart. */
.admonition.kumla { border-color: #00695c; }
.admonition.rekommendation { border-color: #8a4500; border-style: dashed; }
/* Agreement slots (includes/avbetalningsavtal.md): an empty one is a line to write on. */
.avtal-slot:empty { display: inline-block; min-width: 9em; border-bottom: .6pt solid #000; }
td .avtal-slot:empty { min-width: 0; border-bottom: 0; }
.task-list-item { list-style: none; margin-left: -1.3em; padding-left: 1.3em; text-indent: -1.3em; }
.task-list-item ul, .task-list-item ol, .task-list-item p { text-indent: 0; }
.task-list-item input { display: none; }
.task-list-control, .task-list-item > input + * { display: inline; }
.task-list-indicator { display: inline-block; width: .85em; height: .85em; border: .9pt solid #000;
  border-radius: 1.5pt; margin-right: .45em; vertical-align: -.1em; }
.task-list-item input:checked + .task-list-indicator::after { content: "✓"; display: block;
  font-size: .8em; line-height: 1; text-align: center; }
.tab-title { margin: .6em 0 .2em; }
.tabbed-set { margin: .5em 0; }
.footnote { font-size: .85em; }
.footnote-backref { display: none; }
.no-print, .headerlink { display: none !important; }
dt { font-weight: 700; }
dd { margin: 0 0 .4em 1.2em; }
"""


def main() -> int:
    """Print the handouts with the settings of ./mkdocs.yml (for checking a page by eye)."""
    from mkdocs.config import load_config

    config = load_config("mkdocs.yml")
    extensions, configs = markdown_settings(config)
    root = Path(config["config_file_path"]).parent
    try:
        results = build(Path(config["docs_dir"]), root / "build" / "handouts", extensions, configs)
    except HandoutError as error:
        print(f"handouts: {error}", file=sys.stderr)
        return 1
    for result in results:
        state = "printed" if result.printed else "cached"
        print(f"{result.handout.url}: {result.pages} page(s), {result.path.stat().st_size} bytes, {state} ({result.path})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
