"""Print the workshop handouts to PDFs from the site's own Markdown (one truth).

Runs from a plain script, with no MkDocs import: the MkDocs hook
(``hooks/handouts.py``) and any generator-neutral prebuild step call the same
entry points::

    $ .venv/bin/python scripts/handouts.py            # writes build/handouts/*.pdf
    $ .venv/bin/python scripts/handouts.py --out DIR  # and copies them to DIR/<name>.pdf

    >>> results = build(Path("docs"), Path("build/handouts"))  # doctest: +SKIP
    >>> results[0].handout.url                                  # doctest: +SKIP
    'workshopmaterial/pdf/metoden-pa-en-sida.pdf'

Each handout is rendered by python-markdown with the extensions and settings of
``mkdocs.yml`` (read as plain YAML), wrapped in a standalone print page and printed
by headless Chromium, which gives real, selectable text with embedded fonts.

Print decisions (issue 15, item 9):

* **Footer** on every page: "Bo kvar", the version date, the site's public address,
  the content licence and the page number. The address is ``site_url`` in
  ``mkdocs.yml``, the one setting for it (MkDocs uses it for canonical links too).
  A local address (127.0.0.1, localhost) is never printed: the printer refuses it.
  The version date is the date of the last git commit that changed the handout's
  source, or today's date (UTC) when the source has uncommitted changes or git is
  missing.
* **Header**: workshop handouts say "Bo kvar – workshopmaterial"; documents a tenant
  reads or signs (``audience="tenant"``) carry only their own title.
* **Paper**: A4 portrait by default, ``paper="a3-landscape"`` for the canvas and
  ``paper="slides"`` for a 16:9 deck (each H2 is a slide).
* **Blocks**: tables, admonitions and, in tenant documents, each numbered section
  (the debt block, the signature block) are kept on one page when they fit; an H2
  that starts with "Till er som" (the staff instructions) starts a new page;
  ``new_page="h2"`` starts every H2 on a new page (one role per page).
* **Orphan pages**: when a page would be less than a fifth full, the print is retried
  a little smaller (down to 88 %); the print whose emptiest page is fullest wins.
* ``.no-print`` (also on admonitions: ``!!! tip no-print "…"``) is removed;
  "☐" list items print as a checkbox list without bullets.

The stylesheet is ``scripts/handouts.css``; the site's ``extra.css`` is included
first, so its print rules (headings, links, tables) hold for the handouts too and
are not repeated. PDFs are cached in the cache folder under a hash of everything
that shapes them, so a rebuild re-prints only a handout whose source changed.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import hashlib
import html
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree

import markdown
import pypdf
import yaml
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

sys.path.insert(0, str(Path(__file__).resolve().parent))
from chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402  (scripts/ is not a package)

ROOT = Path(__file__).resolve().parent.parent
STYLESHEET = Path(__file__).with_suffix(".css")
SITE_STYLESHEET = ROOT / "docs" / "assets" / "stylesheets" / "extra.css"
WORKSHOP_HEADER = "Bo kvar – workshopmaterial"
# Footer words per page language (front matter ``lang:``); Swedish otherwise.
FOOTER_WORDS = {
    "sv": {"version": "version", "licence": "Text och mallar: CC BY 4.0", "page": "Sida", "of": "av"},
    "en": {"version": "version", "licence": "Texts and templates: CC BY 4.0", "page": "Page", "of": "of"},
}
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "0.0.0.0"}
# Bump when the rendering changes in a way the hashed inputs (page, options, this
# file's source, local images) do not show, e.g. a new Chromium.
RENDER_VERSION = "3"
# Scales tried, in order, for a handout that must fit one page. 0.85 keeps the
# body text at about 8.5 pt, the smallest we accept on a printed handout.
ONE_PAGE_SCALES = (1.0, 0.95, 0.9, 0.85)
# Scales tried when the last page would be almost empty (an orphan page).
ORPHAN_SCALES = (0.96, 0.92, 0.88, 0.85)
ORPHAN_LIMIT = 0.25
KEEP_CACHED = 3
_STASHED = re.compile(re.escape(markdown.util.HTML_PLACEHOLDER).replace("%s", r"(\d+)"))

# Paper: (width mm, height mm, margins top, bottom, left, right in mm).
PAPER = {
    "a4": (210, 297, (20, 18, 16, 16)),
    "a3-landscape": (420, 297, (16, 14, 14, 14)),
    "slides": (254, 142.875, (10, 11, 14, 14)),
}


class HandoutError(Exception):
    """A handout cannot be printed; the message says what to do."""


@dataclass(frozen=True)
class Handout:
    """One PDF: its Markdown source (relative to docs/), page budget and print layout.

    ``audience`` is "workshop" (header "Bo kvar – workshopmaterial"), "tenant" (a
    document a tenant reads or signs: neutral header, each numbered section kept
    whole, staff part on its own page) or "neutral" (a letter or a routine: neutral
    header, no workshop label).
    ``variant="self-assessment"`` prints each checklist as a table to score.
    """

    source: str
    name: str
    max_pages: int = 6
    one_page: bool = False
    audience: str = "workshop"
    paper: str = "a4"
    new_page: str = ""
    variant: str = ""

    @property
    def url(self) -> str:
        """Where the PDF lives in the built site (relative to the site root)."""
        return f"workshopmaterial/pdf/{self.name}.pdf"


HANDOUTS = (
    Handout("workshopmaterial/metoden-pa-en-sida.md", "metoden-pa-en-sida", max_pages=1, one_page=True),
    Handout("workshopmaterial/checklistor.md", "checklistor", new_page="h2"),
    Handout("workshopmaterial/motesagenda.md", "motesagenda"),
    Handout("mallar/samtyckesblankett.md", "samtyckesblankett", audience="tenant"),
    Handout("mallar/avbetalningsavtal.md", "avbetalningsavtal", audience="tenant"),
    Handout("socialtjansten/nar-meddelandet-kommer.md", "nar-meddelandet-kommer", audience="neutral"),
    Handout("mallar/brev-fran-socialtjansten.md", "brev-fran-socialtjansten", audience="tenant"),
    Handout("mallar/beslut-om-utredning.md", "beslut-om-utredning", audience="tenant"),
    # For tenants, in easy Swedish and plain English: one sheet, printed on both sides.
    Handout("hyresgast/index.md", "har-du-inte-betalat-hyran", max_pages=2, audience="tenant"),
    Handout("en/unpaid-rent/index.md", "have-you-not-paid-the-rent", max_pages=2, audience="tenant"),
    # The housing company's legal templates: sent to the tenant, or to Kronofogden.
    Handout("mallar/inkassokrav.md", "inkassokrav", audience="tenant"),
    Handout("mallar/varning-sena-betalningar.md", "varning-sena-betalningar", audience="tenant"),
    Handout("mallar/uppsagning-forverkande.md", "uppsagning-forverkande", audience="tenant"),
    Handout("mallar/underrattelse-och-meddelande.md", "underrattelse-och-meddelande", audience="tenant"),
    Handout("mallar/ansokan-kronofogden.md", "ansokan-kronofogden", audience="neutral"),
    # The workshop kit.
    Handout("workshopmaterial/handledarmanus.md", "handledarmanus"),
    Handout("workshopmaterial/fallovning.md", "fallovning", max_pages=4),
    Handout(
        "workshopmaterial/kanvas-ovning-1.md",
        "kanvas-ovning-1",
        max_pages=1,
        one_page=True,
        paper="a3-landscape",
    ),
    Handout("workshopmaterial/sjalvskattning.md", "sjalvskattning", max_pages=2),
    Handout(
        "workshopmaterial/checklistor.md",
        "sjalvskattning-checklistor",
        max_pages=8,
        new_page="h2",
        variant="self-assessment",
    ),
    Handout("workshopmaterial/underlag.md", "underlag", max_pages=3),
    Handout("workshopmaterial/regional-uppfoljning.md", "regional-uppfoljning", max_pages=3),
    Handout("workshopmaterial/natverksmoten.md", "natverksmoten", max_pages=4),
    Handout("workshopmaterial/utvardering.md", "utvardering", max_pages=2),
    Handout("workshopmaterial/inbjudan.md", "inbjudan", max_pages=2, audience="neutral"),
    Handout("workshopmaterial/bildspel.md", "bildspel", max_pages=18, paper="slides"),
)


@dataclass
class Rendered:
    """A handout as a standalone HTML page, ready to print."""

    handout: Handout
    title: str
    html: str
    key: str
    options: dict


# --------------------------------------------------------------------------- settings


@dataclass(frozen=True)
class Settings:
    """What the printer takes from ``mkdocs.yml``: Markdown set-up and public address."""

    extensions: list
    configs: dict
    site_url: str


class _TolerantLoader(yaml.SafeLoader):
    """Safe YAML that keeps unknown tags (``!ENV``, ``!!python/name``) as plain values."""


def _unknown_tag(loader, suffix, node):
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


_TolerantLoader.add_multi_constructor("!", _unknown_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _unknown_tag)


def read_settings(config_file: Path = ROOT / "mkdocs.yml") -> Settings:
    """Read the Markdown extensions and ``site_url`` from a MkDocs-style config file."""
    config = yaml.load(Path(config_file).read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    extensions, configs = [], {}
    for entry in config.get("markdown_extensions", []):
        if isinstance(entry, dict):
            for name, options in entry.items():
                extensions.append(name)
                configs[name] = options or {}
        else:
            extensions.append(entry)
    raw = {
        "markdown_extensions": extensions,
        "mdx_configs": configs,
        "config_file_path": str(Path(config_file).resolve()),
    }
    extensions, configs = markdown_settings(raw)
    return Settings(extensions, configs, public_url(str(config.get("site_url") or "")))


def public_url(site_url: str) -> str:
    """The address printed on every handout: ``site_url`` without a trailing slash.

    >>> public_url("https://bokvar.example/")
    'https://bokvar.example'
    """
    host = urlsplit(site_url).hostname
    if not host or host in LOCAL_HOSTS:
        raise HandoutError(
            f"site_url in mkdocs.yml is {site_url!r}: set it to the site's public address "
            "(it is printed on every handout; a local address never is)"
        )
    return site_url.rstrip("/")


def markdown_settings(config) -> tuple[list, dict]:
    """The extensions of ``mkdocs.yml``, adjusted for paper.

    ``config`` is MkDocs' loaded config or any mapping with ``markdown_extensions``,
    ``mdx_configs`` and ``config_file_path``. Snippet paths become absolute (the
    build may run from another folder) and heading permalinks (¶) are switched off.
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


def split_front_matter(text: str) -> tuple[str, dict]:
    """Split YAML front matter (``---`` … ``---``) from a page, as MkDocs does.

    >>> split_front_matter("---\\nlang: en\\n---\\n# Hi\\n")
    ('# Hi\\n', {'lang': 'en'})
    """
    match = re.match(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", text, re.S)
    if not match:
        return text, {}
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return text, {}
    return (text[match.end() :], meta) if isinstance(meta, dict) else (text, {})


def version_date(path: Path) -> str:
    """The date of the last commit that changed ``path``; today if it has changes."""
    today = dt.datetime.now(dt.UTC).date().isoformat()
    try:
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", str(path)],
            cwd=path.parent,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        date = subprocess.run(
            ["git", "log", "-1", "--format=%cs", "--", str(path)],
            cwd=path.parent,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return today
    return today if dirty or not date else date


# --------------------------------------------------------------------------- render


class _PrintTree(Treeprocessor):
    """Adapt the parsed page for paper.

    Links to other site pages cannot be followed on paper, so they become plain
    text; collapsed ``details`` open; each tab's label is printed above its
    content; "☐" items become a checkbox list; each H2 and what follows it
    becomes a ``section`` (so print can keep or break it as a unit); the first
    heading becomes the document title.
    """

    def __init__(self, md, state: dict, handout: Handout):
        super().__init__(md)
        self.state = state
        self.handout = handout

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
            elif element.tag == "ul":
                self._mark_checkboxes(element)
        self._drop_web_only(root)
        if self.handout.variant == "self-assessment":
            self._self_assessment_intro(root)
            for parent in list(root.iter()):
                for index, child in enumerate(list(parent)):
                    if child.tag == "ul" and "checklist" in child.get("class", "").split():
                        parent.remove(child)
                        parent.insert(index, self._score_table(child))
        self._sections(root)
        return None

    @staticmethod
    def _add_class(element, name: str) -> None:
        element.set("class", (element.get("class", "") + " " + name).strip())

    def _mark_checkboxes(self, ul) -> None:
        """A list whose items all start with "☐" prints as boxes, without bullets."""
        items = [li for li in ul if li.tag == "li"]
        texts = ["".join(li.itertext()).lstrip() for li in items]
        if items and all(text.startswith("☐") for text in texts):
            self._add_class(ul, "checklist")

    @staticmethod
    def _drop_web_only(root) -> None:
        """Remove ``.no-print`` elements: not hidden but gone, also for pandoc's copies."""
        for parent in list(root.iter()):
            for child in list(parent):
                if "no-print" in child.get("class", "").split():
                    parent.remove(child)

    def _self_assessment_intro(self, root) -> None:
        """Retitle the page and replace its intro with how to score."""
        children = list(root)
        h1 = next((child for child in children if child.tag == "h1"), None)
        if h1 is None:
            return
        text = "".join(h1.itertext()).strip()
        for child in list(h1):
            h1.remove(child)
        h1.text = f"Självskattning: {text.lower()}"
        self.state["title"] = h1.text
        index = children.index(h1)
        while index + 1 < len(root) and root[index + 1].tag == "p":
            root.remove(root[index + 1])
        intro = ElementTree.Element("p")
        intro.text = (
            "Kryssa i för varje punkt: gör vi redan, gör vi delvis eller gör vi inte. "
            "Sätt prioritet 1–3 på det som inte är klart (1 = gör först), en ansvarig och ett datum."
        )
        root.insert(index + 1, intro)

    def _score_table(self, ul):
        """One row per checklist item: redan / delvis / inte, priority, owner, date."""
        table = ElementTree.Element("table", {"class": "score"})
        head = ElementTree.SubElement(ElementTree.SubElement(table, "thead"), "tr")
        for label in ("Punkt", "Redan", "Delvis", "Inte", "Prioritet 1–3", "Ansvarig", "Klart senast"):
            ElementTree.SubElement(head, "th").text = label
        body = ElementTree.SubElement(table, "tbody")
        for li in ul:
            row = ElementTree.SubElement(body, "tr")
            cell = ElementTree.SubElement(row, "td", {"class": "item"})
            for child in list(li):
                cell.append(child)
            cell.text = (li.text or "").lstrip().removeprefix("☐").lstrip()
            first = cell[0] if len(cell) and cell[0].tag == "p" else None
            if first is not None and not cell.text:
                first.text = (first.text or "").lstrip().removeprefix("☐").lstrip()
            for _ in range(6):
                ElementTree.SubElement(row, "td", {"class": "blank"}).text = "\xa0"
        return table

    def _sections(self, root) -> None:
        children = list(root)
        section = None
        for child in children:
            if child.tag == "h2":
                text = "".join(child.itertext()).strip()
                section = ElementTree.Element("section")
                classes = [c for c in child.get("class", "").split() if c.startswith("print-")]
                if text.startswith("Till er som") or text.startswith("Till dig som leder"):
                    classes.append("staff")
                if text == "Källor":
                    classes.append("sources")
                if classes:
                    section.set("class", " ".join(classes))
                root.insert(list(root).index(child), section)
            if section is not None:
                root.remove(child)
                section.append(child)

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
                    self._add_class(cell, "blank")
                else:
                    blank[index] = False
        count = sum(blank)
        if 0 < count < len(headings):
            # One or two fields share 55 % of the width; more fields get 13 % each, so
            # the text column of a scoring table keeps room.
            width = 55 / count if count <= 2 else 13
            for heading, is_blank in zip(headings, blank, strict=False):
                if is_blank:
                    self._add_class(heading, "fill")
                    heading.set("style", f"width: {width:.0f}%")

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
        for label, block in zip(labels, blocks, strict=False):
            title = ElementTree.Element("p", {"class": "tab-title"})
            ElementTree.SubElement(title, "strong").text = "".join(label.itertext()).strip()
            block.insert(0, title)
        for child in list(tabbed_set):
            if child.tag in ("input", "label") or child is labels_box:
                tabbed_set.remove(child)


class _PrintExtension(Extension):
    def __init__(self, state: dict, handout: Handout):
        super().__init__()
        self.state = state
        self.handout = handout

    def extendMarkdown(self, md):  # noqa: N802 - python-markdown's name
        md.treeprocessors.register(_PrintTree(md, self.state, self.handout), "bokvar_print", 4)


def stylesheet() -> str:
    """The handout page's CSS: the site's extra.css, then the printer's own rules."""
    parts = []
    for path in (SITE_STYLESHEET, STYLESHEET):
        try:
            parts.append(path.read_text(encoding="utf-8"))
        except FileNotFoundError as error:
            raise HandoutError(f"stylesheet {path} is missing") from error
    return "\n".join(parts)


@dataclass
class Body:
    """A handout's Markdown rendered for paper: title, HTML body, front matter, images."""

    heading: str
    html: str
    meta: dict
    images: list


def render_body(handout: Handout, docs_dir: Path, settings: Settings) -> Body:
    """Render one handout's Markdown with the site's extensions, adapted for paper."""
    source_path = docs_dir / handout.source
    try:
        text = source_path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as error:
        raise HandoutError(f"handout source {source_path} is missing") from error
    body_md, meta = split_front_matter(text)
    state: dict = {}
    md = markdown.Markdown(
        extensions=[*settings.extensions, _PrintExtension(state, handout)],
        extension_configs=settings.configs,
    )
    body = md.convert(body_md)
    heading = state.get("title") or meta.get("title") or handout.name
    return Body(heading, body, meta, state.get("images", []))


def render(handout: Handout, docs_dir: Path, settings: Settings, css: str | None = None) -> Rendered:
    """Render one handout's Markdown into a standalone print page."""
    if handout.paper not in PAPER:
        raise HandoutError(f"handout {handout.name}: paper {handout.paper!r} is not one of {sorted(PAPER)}")
    source_path = docs_dir / handout.source
    rendered = render_body(handout, docs_dir, settings)
    heading = rendered.heading
    title = f"{heading} – Bo kvar"
    base = source_path.parent.resolve().as_uri() + "/"
    width, height, _ = PAPER[handout.paper]
    classes = f"handout handout--{handout.name} handout--{handout.audience} paper--{handout.paper}"
    if handout.new_page:
        classes += f" new-page--{handout.new_page}"
    page = PAGE_TEMPLATE.format(
        lang=html.escape(str(rendered.meta.get("lang", "sv"))),
        title=html.escape(title),
        base=html.escape(base),
        css=css if css is not None else stylesheet(),
        page_size=f"{width}mm {height}mm",
        classes=html.escape(classes),
        body=rendered.html,
    )
    lang = str(rendered.meta.get("lang", "sv"))
    options = pdf_options(handout, heading, version_date(source_path), settings.site_url, lang=lang)
    digest = hashlib.sha256()
    printer = Path(__file__).read_text(encoding="utf-8")  # print logic lives here, not in the page
    for part in (RENDER_VERSION, printer, page, json.dumps(options, sort_keys=True)):
        digest.update(part.encode("utf-8"))
    for src in rendered.images:
        local = _local_file(source_path.parent, src)
        if local is not None:
            digest.update(local.read_bytes())
    digest.update(repr((ONE_PAGE_SCALES, ORPHAN_SCALES, ORPHAN_LIMIT)).encode())
    return Rendered(handout, heading, page, digest.hexdigest(), options)


def _local_file(folder: Path, src: str) -> Path | None:
    parts = urlsplit(src)
    if parts.scheme or parts.netloc:
        return None
    path = (folder / unquote(parts.path)).resolve()
    return path if path.is_file() else None


# --------------------------------------------------------------------------- print


def pdf_options(
    handout: Handout, heading: str, version: str, address: str, scale: float = 1.0, lang: str = "sv"
) -> dict:
    """Options for Playwright's ``page.pdf``: paper, running header, footer with version and address."""
    words = FOOTER_WORDS.get(lang.split("-")[0], FOOTER_WORDS["sv"])
    width, height, (top, bottom, left, right) = PAPER[handout.paper]
    small = "font-family:'Liberation Sans','DejaVu Sans',Arial,sans-serif;font-size:7.5pt;color:#333;"
    box = (
        f"{small}width:100%;margin:0 {left}mm 0 {left}mm;display:flex;justify-content:space-between;gap:6mm;"
    )
    label = WORKSHOP_HEADER if handout.audience == "workshop" else ""
    header = f'<div style="{box}"><span>{html.escape(label)}</span><span>{html.escape(heading)}</span></div>'
    footer = (
        f'<div style="{box}"><span>Bo kvar · {words["version"]} {html.escape(version)} · '
        f"{html.escape(address)}</span>"
        f"<span>{html.escape(words['licence'])} · {words['page']} "
        f'<span class="pageNumber"></span> {words["of"]} <span class="totalPages"></span></span></div>'
    )
    return {
        "width": f"{width}mm",
        "height": f"{height}mm",
        "print_background": True,
        "display_header_footer": True,
        "header_template": header,
        "footer_template": footer,
        "margin": {"top": f"{top}mm", "bottom": f"{bottom}mm", "left": f"{left}mm", "right": f"{right}mm"},
        "scale": scale,
        "tagged": True,
        "outline": True,
    }


def count_pages(pdf: bytes) -> int:
    """Pages in a PDF, read with pypdf."""
    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def page_fills(pdf: bytes, handout: Handout) -> list[float]:
    """How much of each page's body area holds text (0–1), from text positions.

    Text above the top margin or below the bottom margin (header, footer) is not
    counted. Pictures without text are not seen, so this is a floor.
    """
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    _, page_height_mm, (top, bottom, _, _) = PAPER[handout.paper]
    fills = []
    for page in reader.pages:
        height = float(page.mediabox.height)
        points_per_mm = height / page_height_mm
        body_top, body_bottom = height - top * points_per_mm, bottom * points_per_mm
        ys: list[float] = []

        def visit(text, cm, tm, font, size, ys=ys, low=body_bottom, high=body_top):
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            if text.strip() and low <= y <= high:
                ys.append(y)

        page.extract_text(visitor_text=visit)
        fills.append(min(1.0, (body_top - min(ys) + 12) / (body_top - body_bottom)) if ys else 0.0)
    return fills


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
    handout = rendered.handout
    try:
        # Only the page itself and files beside its source may load: nothing from a network.
        context.route(re.compile(r"^(https?|wss?|ftp):"), lambda route: route.abort("blockedbyclient"))
        page = context.new_page()
        page.goto(html_path.as_uri(), wait_until="load")
        page.evaluate("document.fonts.ready")

        def at(scale: float) -> tuple[bytes, int]:
            pdf = page.pdf(**{**rendered.options, "scale": scale})
            return pdf, count_pages(pdf)

        if handout.one_page:
            for scale in ONE_PAGE_SCALES:
                pdf, pages = at(scale)
                if pages <= handout.max_pages:
                    break
            return pdf, pages
        pdf, pages = at(1.0)
        best, best_fill = (pdf, pages), min(page_fills(pdf, handout))
        for scale in ORPHAN_SCALES:
            if pages == 1 or best_fill >= ORPHAN_LIMIT:
                break
            candidate = at(scale)
            fill = min(page_fills(candidate[0], handout))
            if fill > best_fill:
                best, best_fill = candidate, fill
        return best
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


def build(
    docs_dir: Path,
    cache_dir: Path,
    settings: Settings | list | None = None,
    configs: dict | None = None,
    *,
    config_file: Path = ROOT / "mkdocs.yml",
    handouts: tuple[Handout, ...] = HANDOUTS,
) -> list[Result]:
    """Render every handout and print those not already in the cache.

    ``build(docs_dir, cache_dir, settings=None, configs=None, *,
    config_file=ROOT/"mkdocs.yml", handouts=HANDOUTS) -> list[Result]``: ``docs_dir``
    holds the Markdown sources,
    ``cache_dir`` receives ``<name>-<hash>.pdf`` (a result's ``path``; publish it as
    ``handout.url``). ``settings`` defaults to :func:`read_settings` of
    ``config_file``. The older call ``build(docs_dir, cache_dir, extensions, configs)``
    still works (the address then comes from ``config_file``). Raises
    :class:`HandoutError` with a message that says what to do.

    Chromium starts only when at least one handout changed, so a rebuild with
    unchanged sources costs the Markdown rendering alone.
    """
    if isinstance(settings, list):
        settings = Settings(settings, configs or {}, read_settings(config_file).site_url)
    settings = settings or read_settings(config_file)
    docs_dir, cache_dir = Path(docs_dir).resolve(), Path(cache_dir).resolve()
    cache_dir.mkdir(parents=True, exist_ok=True)
    css = stylesheet()
    results, pending = [], []
    for handout in handouts:
        rendered = render(handout, docs_dir, settings, css)
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
    order = {handout.name: index for index, handout in enumerate(handouts)}
    return sorted(results, key=lambda result: order[result.handout.name])


def budget_problems(results: list[Result]) -> list[str]:
    """One sentence per handout over its page budget (the build warns with these)."""
    problems = []
    for result in results:
        if result.pages > result.handout.max_pages:
            limit = (
                "exactly 1 page" if result.handout.one_page else f"at most {result.handout.max_pages} pages"
            )
            problems.append(
                f"Workshop PDF {result.handout.url} has {result.pages} pages; "
                f"docs/{result.handout.source} must give {limit}: shorten the page."
            )
    return problems


# --------------------------------------------------------------------------- page

PAGE_TEMPLATE = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<base href="{base}">
<style>{css}
@page {{ size: {page_size}; }}</style>
</head>
<body class="{classes}">
<main class="md-typeset">
{body}
</main>
</body>
</html>
"""


def main(argv: list[str] | None = None) -> int:
    """Print the handouts with the settings of mkdocs.yml; ``--out DIR`` also copies them."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="MkDocs-style config")
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help="Markdown sources")
    parser.add_argument("--cache", type=Path, default=ROOT / "build" / "handouts", help="PDF cache")
    parser.add_argument("--out", type=Path, help="copy each PDF to OUT/<name>.pdf")
    args = parser.parse_args(argv)
    try:
        results = build(args.docs, args.cache, config_file=args.config)
    except HandoutError as error:
        print(f"handouts: {error}", file=sys.stderr)
        return 1
    for result in results:
        state = "printed" if result.printed else "cached"
        print(
            f"{result.handout.url}: {result.pages} page(s), "
            f"{result.path.stat().st_size} bytes, {state} ({result.path})"
        )
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(result.path, args.out / f"{result.handout.name}.pdf")
    for problem in budget_problems(results):
        print(f"handouts: {problem}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
