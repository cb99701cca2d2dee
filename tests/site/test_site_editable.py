"""Every template and form is published as DOCX and ODT that a word processor opens.

The files must exist in the built site for each entry of ``scripts/editable.py``,
be real Office Open XML / OpenDocument packages holding the page's title and the
licence line, and be linked from the Workshopmaterial page. LibreOffice proves they
open: a representative subset (the agreement, the consent form, the A3 canvas and
the meeting note, both formats) is converted back to PDF in one headless run, and
the PDF must hold the page's title. All twenty pairs would cost about a minute of
CI time for the same code path, so the subset covers each format and each kind of
content (forms with blank tables, a wide table, letters).
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pypdf
import pytest
from sitecheck import page_url_to_file

pytestmark = pytest.mark.site

ROOT = Path(__file__).resolve().parents[2]
SOFFICE = shutil.which("soffice")
SUBSET = (
    ("avbetalningsavtal", "docx"),
    ("samtyckesblankett", "odt"),
    ("kanvas-ovning-1", "odt"),
    ("motesanteckning", "docx"),
)


def _module():
    spec = importlib.util.spec_from_file_location("bokvar_editable_test", ROOT / "scripts" / "editable.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


editable = _module()
NAMES = [item.name for item in editable.EDITABLES]


def title_of(name: str) -> str:
    source = next(item.source for item in editable.EDITABLES if item.name == name)
    text = (ROOT / "docs" / source).read_text(encoding="utf-8")
    return re.search(r"^# (.+)$", text, re.M).group(1).strip()


def package_text(path: Path) -> str:
    """The text of a .docx or .odt package's main document, tags removed."""
    part = "word/document.xml" if path.suffix == ".docx" else "content.xml"
    with zipfile.ZipFile(path) as package:
        xml = package.read(part).decode("utf-8")
    return " ".join(re.sub(r"<[^>]+>", " ", xml).split())


@pytest.mark.parametrize("fmt", editable.FORMATS)
@pytest.mark.parametrize("name", NAMES)
def test_copy_exists_with_title_and_licence(site_dir, name, fmt):
    path = site_dir / "workshopmaterial" / "redigerbart" / f"{name}.{fmt}"
    assert path.is_file(), f"{path} missing: the build must convert it (scripts/editable.py)"
    assert zipfile.is_zipfile(path), f"{path.name} is not a DOCX/ODT package"
    with zipfile.ZipFile(path) as package:
        if fmt == "odt":
            assert package.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        else:
            styles = package.read("word/styles.xml").decode("utf-8")
            assert "<w:tblBorders>" in styles, "DOCX tables lack borders: form fields would not show"
    text = package_text(path)
    assert title_of(name) in text, f"{path.name} lacks its title {title_of(name)!r}"
    assert "CC BY 4.0" in text, f"{path.name} lacks the licence line"


def test_workshop_page_links_every_copy(site):
    page = site.pages["workshopmaterial/index.html"]
    linked = set()
    for _, href in page.links:
        target, _ = page_url_to_file(site, page.path, href)
        if target and target.endswith((".docx", ".odt")):
            linked.add(Path(target).name)
    want = {f"{name}.{fmt}" for name in NAMES for fmt in editable.FORMATS}
    assert want <= linked, f"not linked from workshopmaterial/: {sorted(want - linked)}"


@pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (Debian libreoffice-writer-nogui) missing: run scripts/setup"
)
def test_libreoffice_opens_a_subset(site_dir, tmp_path):
    """LibreOffice converts the subset back to PDF; each PDF holds the page's title."""
    files = [site_dir / "workshopmaterial" / "redigerbart" / f"{name}.{fmt}" for name, fmt in SUBSET]
    command = [
        SOFFICE,
        "--headless",
        f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
        "--convert-to",
        "pdf",
        "--outdir",
        str(tmp_path),
        *map(str, files),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    for name, _ in SUBSET:
        pdf = tmp_path / f"{name}.pdf"
        assert pdf.is_file(), f"LibreOffice wrote no PDF for {name}: {result.stdout} {result.stderr}"
        text = " ".join(" ".join((page.extract_text() or "").split()) for page in pypdf.PdfReader(pdf).pages)
        assert title_of(name) in text, f"{name}: LibreOffice's PDF lacks the title; starts {text[:120]!r}"
