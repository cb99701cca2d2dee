"""Language links: a page and its translation link to each other with the right ``hreflang``.

The links are visible anchors at the top of each page ("Read this page in English"),
not ``<link rel="alternate">`` in the head: Material treats every such head link as
another language version of the whole site and fetches ``sitemap.xml`` under it.
A one-sided or mislabelled link is worse than none, so the check is a function
returning problems, proven able to fail below.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

pytestmark = pytest.mark.site

# Pages that must have a translation, Swedish → English (site paths of the built pages).
REQUIRED_PAIRS = {
    "hyresgast/index.html": "en/unpaid-rent/index.html",
    "kalkylator/index.html": "en/calculator/index.html",
}


class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.lang: str | None = None
        self.alternates: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        found = {name: value or "" for name, value in attrs}
        if tag == "html":
            self.lang = found.get("lang")
        if tag == "a" and found.get("hreflang") and found.get("href"):
            self.alternates.setdefault(found["hreflang"], found["href"])


def read(pages: dict[str, str]) -> dict[str, _Head]:
    parsed = {}
    for path, text in pages.items():
        head = _Head()
        head.feed(text)
        parsed[path] = head
    return parsed


def built_path(href: str, page: str = "") -> str:
    """The built file a link on ``page`` (a site path) points at."""
    path = urlsplit(urljoin("/" + page, href)).path.lstrip("/")
    return path + "index.html" if path == "" or path.endswith("/") else path


def hreflang_problems(pages: dict[str, str]) -> list[str]:
    """Alternates that point nowhere, at the wrong language, or are not returned."""
    heads = read(pages)
    problems = []
    for path, head in heads.items():
        for lang, href in head.alternates.items():
            target = built_path(href, path)
            other = heads.get(target)
            if other is None:
                problems.append(f"{path}: hreflang={lang} points at {href}, which is not a built page")
                continue
            if other.lang != lang:
                problems.append(f"{path}: hreflang={lang} points at {target}, whose lang is {other.lang!r}")
            back = other.alternates.get(head.lang or "")
            if back is None or built_path(back, target) != path:
                problems.append(f"{path}: {target} does not name it back as hreflang={head.lang}")
    for swedish, english in REQUIRED_PAIRS.items():
        link = heads.get(swedish, _Head()).alternates.get("en")
        if swedish in heads and (link is None or built_path(link, swedish) != english):
            problems.append(f"{swedish}: no hreflang=en link to {english}")
    return problems


def site_pages(site_dir: Path) -> dict[str, str]:
    return {
        path.relative_to(site_dir).as_posix(): path.read_text("utf-8")
        for path in sorted(site_dir.rglob("*.html"))
    }


def test_translations_name_each_other(site_dir: Path):
    pages = site_pages(site_dir)
    for path in REQUIRED_PAIRS:
        assert path in pages, f"{path} is not built"
    assert hreflang_problems(pages) == []


def test_tenant_pages_are_in_their_language(site_dir: Path):
    pages = read(site_pages(site_dir))
    assert pages["hyresgast/index.html"].lang == "sv"
    assert pages["en/unpaid-rent/index.html"].lang == "en"
    assert pages["kalkylator/index.html"].lang == "sv"
    assert pages["en/calculator/index.html"].lang == "en"


def _page(lang: str, alternates: dict[str, str]) -> str:
    links = "".join(f'<a hreflang="{k}" href="/{v}">{k}</a>' for k, v in alternates.items())
    return f'<html lang="{lang}"><body>{links}</body></html>'


GOOD = {
    "hyresgast/index.html": _page("sv", {"sv": "hyresgast/", "en": "en/unpaid-rent/"}),
    "en/unpaid-rent/index.html": _page("en", {"en": "en/unpaid-rent/", "sv": "hyresgast/"}),
}


def test_the_check_passes_a_good_pair():
    assert hreflang_problems(GOOD) == []


@pytest.mark.parametrize(
    ("change", "fault"),
    [
        ({"en/unpaid-rent/index.html": _page("en", {"en": "en/unpaid-rent/"})}, "does not name it back"),
        ({"en/unpaid-rent/index.html": re.sub('lang="en"', 'lang="sv"', GOOD["en/unpaid-rent/index.html"], count=1)},
         "whose lang is 'sv'"),
        ({"hyresgast/index.html": _page("sv", {"sv": "hyresgast/", "en": "en/finns-inte/"})}, "not a built page"),
        ({"hyresgast/index.html": _page("sv", {})}, "no hreflang=en"),
    ],
    ids=["one-sided", "wrong-lang", "dangling", "missing"],
)
def test_the_check_catches(change: dict, fault: str):
    assert any(fault in problem for problem in hreflang_problems({**GOOD, **change}))
