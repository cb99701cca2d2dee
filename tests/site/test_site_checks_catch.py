"""The site checks can fail: each one finds the fault planted in a small broken site.

Without these, a check that silently matched nothing (a wrong regex, a parser
that skips a tag) would pass on the real site and prove nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import sitecheck
from sitecheck import (
    broken_links,
    built_path,
    dormant_loader_triggers,
    external_references,
    js_external_urls,
    load_site,
    nav_sources,
    pages_without_sources,
    placeholders,
    pyodide_on_guide_pages,
    wrong_languages,
)

pytestmark = pytest.mark.site

MKDOCS = '<meta name="generator" content="mkdocs-1.6.1, mkdocs-material-9.8.2">'


def page(body: str, lang: str = "sv", head: str = "") -> str:
    return f'<!doctype html><html lang="{lang}"><head>{MKDOCS}{head}</head><body>{body}</body></html>'


SOURCES = '<h2 id="kallor">Källor<a class="headerlink" href="#kallor">¶</a></h2>'


def write(root: Path, files: dict[str, str]) -> sitecheck.Site:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return load_site(root)


@pytest.fixture
def clean(tmp_path):
    """A tiny site that passes every check."""
    files = {
        "index.html": page(
            '<h1 id="start">Start</h1><a href="roller/#ansvar">Roller</a> <a href="roller/">R</a>'
            '<a href="https://www.riksdagen.se/">lagen</a> <a href="#start">upp</a> <a href="#">topp</a>'
            '<a href="mallar/avtal.pdf">PDF</a>' + SOURCES,
            head='<link rel="canonical" href="https://bokvar.example.se/">'
            '<link rel="stylesheet" href="assets/site.css"><script src="assets/site.js"></script>',
        ),
        "roller/index.html": page('<h1 id="ansvar">Ansvar</h1><a href="../index.html#start">hem</a>' + SOURCES),
        "en/index.html": page('<h1 id="in-english">In English</h1><h2 id="sources">Sources</h2>', lang="en"),
        "kalkylator/index.html": page('<script type="module" src="pyodide/pyodide.mjs"></script>' + SOURCES),
        "kalkylator/pyodide/pyodide.mjs": 'e.cdnUrl=e.packageBaseUrl??`https://cdn.jsdelivr.net/pyodide/v1/full/`;',
        "404.html": page("<h1>404</h1>"),
        "mallar/avtal.pdf": "%PDF-1.4",
        "assets/site.css": 'body{background:url("data:image/svg+xml,<svg/>")} .a{background:url(../img/x.png)}',
        "assets/site.js": '/* see https://example.com/licence.js */ console.warn(`bad – see https://bit.ly/x`);',
        "assets/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0h1"/></svg>',
    }
    return tmp_path, files


def test_clean_site_passes_every_check(clean):
    root, files = clean
    site = write(root, files)
    assert external_references(site) == []
    assert broken_links(site) == []
    assert wrong_languages(site) == []
    assert pages_without_sources(site) == []
    assert pyodide_on_guide_pages(site) == []
    assert dormant_loader_triggers(site) == []
    assert placeholders(site) == []


@pytest.mark.parametrize(
    ("name", "text", "needle"),
    [
        ("index.html", page('<script src="https://cdn.example.com/lib.js"></script>'), "cdn.example.com"),
        ("index.html", page("", head='<link rel="stylesheet" href="//cdn.example.com/a.css">'), "cdn.example.com"),
        ("index.html", page("", head='<link rel="preconnect" href="https://fonts.gstatic.com">'), "fonts.gstatic.com"),
        ("index.html", page('<img src="https://img.example.com/a.png" alt="">'), "img.example.com"),
        ("index.html", page('<img srcset="a.png 1x, https://img.example.com/b.png 2x" alt="">'), "img.example.com"),
        ("index.html", page('<iframe src="https://www.youtube.com/embed/x"></iframe>'), "youtube.com"),
        ("index.html", page('<form action="https://forms.example.com/s"></form>'), "forms.example.com"),
        ("index.html", page('<div style="background:url(https://img.example.com/bg.png)"></div>'), "img.example.com"),
        ("index.html", page("<style>@import url('https://fonts.googleapis.com/css?family=Roboto');</style>"), "googleapis"),
        ("index.html", page('<script>var s=document.createElement("script");s.src="https://t.example.com/a.js"</script>'), "t.example.com"),
        ("assets/site.css", '@import "https://fonts.googleapis.com/css2?family=Inter";', "googleapis"),
        ("assets/site.css", "@font-face{src:url(https://fonts.gstatic.com/s/a.woff2)}", "fonts.gstatic.com"),
        ("assets/site.js", 'function m(){return load("https://unpkg.com/mermaid@11/dist/mermaid.min.js")}', "unpkg.com"),
        ("assets/site.js", "fetch(`https://api.github.com/repos/${a}`)", "api.github.com"),
        ("assets/site.js", "el.innerHTML='<img src=\"https://px.example.com/p.gif\">'", "px.example.com"),
        ("assets/logo.svg", '<svg><image href="https://img.example.com/a.png"/></svg>', "img.example.com"),
    ],
)
def test_external_reference_is_caught(clean, name, text, needle):
    root, files = clean
    site = write(root, {**files, name: text})
    problems = external_references(site)
    assert any(needle in problem for problem in problems), problems


def test_js_urls_in_comments_and_messages_are_not_requests():
    code = "/*! https://cdn.example.com/x.js */\n// https://a.example.com/b.js\nwarn(`see https://bit.ly/x`)"
    assert js_external_urls(code) == []


@pytest.mark.parametrize(
    ("href", "expect"),
    [("saknas/", "missing file"), ("roller/#finns-inte", "no id"), ("#inget-id", "no id"), ("mallar/x.pdf", "missing file")],
)
def test_broken_link_is_caught(clean, href, expect):
    root, files = clean
    site = write(root, {**files, "index.html": page(f'<h1 id="start">S</h1><a href="{href}">x</a>' + SOURCES)})
    problems = broken_links(site)
    assert any(expect in problem and href in problem for problem in problems), problems


def test_missing_stylesheet_is_caught(clean):
    root, files = clean
    del files["assets/site.css"]
    assert any("site.css" in problem for problem in broken_links(write(root, files)))


def test_wrong_language_is_caught(clean):
    root, files = clean
    files["en/index.html"] = files["en/index.html"].replace('lang="en"', 'lang="sv"')
    files["roller/index.html"] = files["roller/index.html"].replace('lang="sv"', 'lang="en"')
    problems = wrong_languages(write(root, files))
    assert len(problems) == 2, problems


def test_page_without_sources_is_caught(clean):
    root, files = clean
    files["roller/index.html"] = page('<h1 id="ansvar">Ansvar</h1><p>Källor saknas.</p>')
    files["en/index.html"] = page("<h1>In English</h1><h2>Källor</h2>", lang="en")
    problems = pages_without_sources(write(root, files))
    assert sorted(problem.split(":")[0] for problem in problems) == ["en/index.html", "roller/index.html"]


@pytest.mark.parametrize(
    "body",
    [
        '<script src="kalkylator/pyodide/pyodide.mjs"></script>',
        '<link rel="modulepreload" href="kalkylator/pyodide/pyodide.mjs">',
        "<script>new Worker('kalkylator/worker.mjs'); // loadPyodide</script>",
        '<script src="../assets/boot.js"></script>',
        '<script src="../assets/bundle.js"></script>',
    ],
)
def test_pyodide_on_a_guide_page_is_caught(clean, body):
    root, files = clean
    files["assets/boot.js"] = "import('../kalkylator/pyodide/pyodide.mjs')"
    files["assets/bundle.js"] = 'load("https://unpkg.com/pyodide@314.0.2/pyodide.js")'
    files["roller/index.html"] = page(body + SOURCES)
    problems = pyodide_on_guide_pages(write(root, files))
    assert any(problem.startswith("roller/index.html") for problem in problems), problems


def test_blanked_pyodide_feature_in_a_bundle_is_not_a_load(clean):
    """A theme feature that names loadPyodide but whose loader address was blanked loads nothing."""
    root, files = clean
    files["assets/bundle.js"] = 'load("data:text/javascript,",()=>typeof loadPyodide=="undefined")'
    files["roller/index.html"] = page('<script src="../assets/bundle.js"></script>' + SOURCES)
    assert pyodide_on_guide_pages(write(root, files)) == []


def test_dormant_loader_trigger_is_caught(clean):
    root, files = clean
    files["lagen/index.html"] = page('<pre class="mermaid">graph LR</pre>' + SOURCES)
    files["motet/index.html"] = page('<div class="pyodide">print(1)</div>' + SOURCES)
    files["index.html"] = files["index.html"].replace("<body>", '<body><a class="md-source" data-md-component="source" href="#">r</a>')
    problems = dormant_loader_triggers(write(root, files))
    assert len(problems) == 3, problems


def test_xml_namespace_names_are_not_requests():
    """createElementNS("http://www.w3.org/2000/svg") fetches nothing; another w3.org file would."""
    code = 'a.createElementNS("http://www.w3.org/2000/svg","g");b("http://www.w3.org/2000/svg/x.js")'
    assert js_external_urls(code) == [("http://www.w3.org/2000/svg/x.js", "www.w3.org")]


def test_placeholder_is_caught(clean):
    root, files = clean
    files["roller/index.html"] = page("<h1>Roller</h1><p>PLACEHOLDER – sidan skrivs.</p>" + SOURCES)
    assert placeholders(write(root, files)) == ["roller/index.html"]


def test_nav_is_read_and_mapped_to_built_pages(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "nav:\n  - Start: index.md\n  - Roller:\n      - roller/index.md\n      - Bolaget: roller/bolaget.md\n"
        "  - Ordlista: ordlista.md\n  - Extern: https://example.com/\n"
        "markdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
        encoding="utf-8",
    )
    sources = nav_sources(config)
    assert sources == ["index.md", "roller/index.md", "roller/bolaget.md", "ordlista.md"]
    assert [built_path(source) for source in sources] == [
        "index.html", "roller/index.html", "roller/bolaget/index.html", "ordlista/index.html",
    ]
