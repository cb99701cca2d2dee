"""Every built page carries a strict Content-Security-Policy that covers exactly what it inlines.

The policy check is a function returning problems (like sitecheck's), so the same code
runs on the real site and on planted faults below that prove it can fail.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import csp  # noqa: E402 - scripts/ is not a package

pytestmark = pytest.mark.site

# script-src may hold only these besides hashes: no 'unsafe-inline', no 'unsafe-eval', no host.
ALLOWED_SCRIPT_SOURCES = {"'self'", "'wasm-unsafe-eval'"}


def parse(policy: str) -> dict[str, list[str]]:
    directives: dict[str, list[str]] = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


def policy_problems(name: str, page: str) -> list[str]:
    """What is wrong with the policy of one page: missing, late, loose, or not covering it."""
    policy = csp.meta_policy(page)
    if policy is None:
        return [f"{name}: no Content-Security-Policy meta"]
    problems = []
    if page.find("<script") < page.find('http-equiv="Content-Security-Policy"'):
        problems.append(f"{name}: a script comes before the policy, so the policy does not govern it")
    directives = parse(policy)
    for directive, expected in (("default-src", ["'self'"]), ("object-src", ["'none'"]),
                                ("base-uri", ["'self'"]), ("form-action", ["'self'"])):
        if directives.get(directive) != expected:
            problems.append(f"{name}: {directive} is {directives.get(directive)}, expected {expected}")
    script_src = directives.get("script-src", [])
    loose = [s for s in script_src if s not in ALLOWED_SCRIPT_SOURCES and not s.startswith("'sha256-")]
    if loose:
        problems.append(f"{name}: script-src allows {loose}")
    if "'unsafe-inline'" in directives.get("style-src", []):
        problems.append(f"{name}: style-src allows 'unsafe-inline'")
    for directive, sources in directives.items():
        hosts = [s for s in sources if "://" in s or s in {"*", "http:", "https:"}]
        if hosts:
            problems.append(f"{name}: {directive} allows other hosts {hosts}")
    scripts, styles = csp.inline_sources(page)
    for text in scripts:
        if csp.source_hash(text) not in script_src:
            problems.append(f"{name}: inline script {text[:40]!r}… is not in script-src")
    for text in styles:
        if csp.source_hash(text) not in directives.get("style-src", []):
            problems.append(f"{name}: style attribute {text[:40]!r} is not in style-src")
    return problems


def test_every_page_has_a_policy_covering_its_inline_code(site_dir: Path):
    pages = csp.html_pages(site_dir)
    assert len(pages) > 20, "expected the whole site"
    problems = [p for path in pages for p in policy_problems(str(path.relative_to(site_dir)), path.read_text("utf-8"))]
    assert problems == []


def test_the_calculator_start_up_script_is_hashed(site_dir: Path):
    """The one page with our own inline script: its hash must be in its own policy."""
    page = (site_dir / "kalkylator" / "index.html").read_text("utf-8")
    scripts, _ = csp.inline_sources(page)
    assert any("bokvarEngine" in text for text in scripts)
    assert policy_problems("kalkylator", page) == []


def test_compressed_pages_carry_the_same_policy(site_dir: Path):
    """The .gz copies are what the server sends: they must hold the policy too."""
    import gzip

    for path in csp.html_pages(site_dir):
        packed = path.with_name(path.name + ".gz")
        if packed.is_file():
            assert gzip.decompress(packed.read_bytes()).decode("utf-8") == path.read_text("utf-8"), packed


PAGE = '<!doctype html><html><head><meta charset="utf-8"><script>a()</script></head><body>{}</body></html>'


@pytest.mark.parametrize(
    ("page", "fault"),
    [
        (PAGE.format(""), "no Content-Security-Policy"),
        (csp.add_policy(PAGE.format("")).replace("</body>", "<script>evil()</script></body>"), "not in script-src"),
        (csp.add_policy(PAGE.format("")).replace("'self' 'wasm", "'self' 'unsafe-inline' 'wasm"), "allows"),
        (csp.add_policy(PAGE.format("")).replace("object-src 'none'", "object-src 'self'"), "object-src"),
        (csp.add_policy(PAGE.format("")).replace("connect-src 'self'", "connect-src https://x.example"),
         "other hosts"),
        (csp.add_policy(PAGE.format("")).replace("</body>", '<b style="color:red">x</b></body>'), "style attribute"),
        ('<html><head><script>a()</script><meta charset="utf-8">'
         + csp.add_policy(PAGE.format("")).split("<head>", 1)[1], "comes before"),
    ],
    ids=["missing", "new-inline-script", "unsafe-inline", "object-src", "host", "style", "late"],
)
def test_the_policy_check_catches(page: str, fault: str):
    assert any(fault in problem for problem in policy_problems("planted", page))


def test_add_policy_hashes_scripts_and_styles_and_is_idempotent():
    page = PAGE.format('<p style="color: red">x</p><script type="application/json">{"a":1}</script>')
    once = csp.add_policy(page)
    assert csp.add_policy(once) == once
    assert policy_problems("page", once) == []
    policy = parse(csp.meta_policy(once))
    assert csp.source_hash("a()") in policy["script-src"]
    assert csp.source_hash('{"a":1}') not in policy["script-src"], "JSON data blocks do not run"
    assert policy["style-src"] == ["'self'", "'unsafe-hashes'", csp.source_hash("color: red")]


def test_a_page_without_inline_styles_gets_no_unsafe_hashes():
    assert "'unsafe-hashes'" not in csp.page_policy(PAGE.format(""))


def test_header_policy_covers_every_page(site_dir: Path):
    """The one whole-site header (README, nginx/Apache) allows every page's scripts."""
    header = parse(csp.header_policy(site_dir))
    assert header["frame-ancestors"] == ["'none'"]
    for path in csp.html_pages(site_dir):
        scripts, _ = csp.inline_sources(path.read_text("utf-8"))
        assert all(csp.source_hash(text) in header["script-src"] for text in scripts), path


def test_header_policy_allows_the_styles_the_theme_inserts(site_dir: Path):
    """Zensical's run-time search style is allowed by the header too (`csp.py --header`)."""
    from build_steps.theme_styles import theme_styles

    styles = theme_styles(site_dir)
    header = parse(csp.header_policy(site_dir, styles))
    assert all(csp.source_hash(text) in header["style-src"] for text in styles)
    for path in csp.html_pages(site_dir):
        page = parse(csp.meta_policy(path.read_text("utf-8")) or "")
        assert set(page.get("style-src", [])) <= set(header["style-src"]), path


def test_module_docstring_examples():
    import doctest

    result = doctest.testmod(csp)
    assert result.failed == 0 and result.attempted > 0
