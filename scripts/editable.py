"""Editable copies (DOCX and ODT) of every template and form, made with pandoc.

A municipality adds its logo and its own wording in Word or LibreOffice, so each
template and form is published next to its PDF as ``.docx`` and ``.odt``. They come
from the same Markdown as the web page and the PDF: the page is rendered by the
handout printer's Markdown step (``scripts/handouts.py``: the site's extensions,
links made plain, web-only boxes removed), and Debian's pandoc converts that HTML.
A last paragraph names the source, version date, address and licence (CC BY 4.0).

No MkDocs import; the MkDocs hook and any prebuild step call the same entry points::

    $ .venv/bin/python scripts/editable.py            # writes build/editable/*
    $ .venv/bin/python scripts/editable.py --out DIR  # and copies DIR/<name>.docx|.odt

    >>> results = build(Path("docs"), Path("build/editable"))  # doctest: +SKIP
    >>> results[0].url                                          # doctest: +SKIP
    'workshopmaterial/redigerbart/avbetalningsavtal.docx'

Files are cached under a hash of the HTML, pandoc's version and this file, so a
rebuild converts only a changed page. DOCX tables get thin borders (a reference
document made from pandoc's own default); ODT tables keep pandoc's plain style. The A3
canvas becomes a wide table on a normal page: set the paper to A3 landscape in the word
processor.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import io
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import handouts  # noqa: E402  (scripts/ is not a package)

PANDOC = os.environ.get("BOKVAR_PANDOC", "pandoc")
FORMATS = ("docx", "odt")


@dataclass(frozen=True)
class Editable:
    """One template or form: its Markdown source (relative to docs/) and file name."""

    source: str
    name: str


EDITABLES = (
    Editable("mallar/avbetalningsavtal.md", "avbetalningsavtal"),
    Editable("mallar/samtyckesblankett.md", "samtyckesblankett"),
    Editable("mallar/sms-och-brev.md", "sms-och-brev"),
    Editable("mallar/motesanteckning.md", "motesanteckning"),
    Editable("mallar/avsiktsforklaring.md", "avsiktsforklaring"),
    Editable("mallar/brev-fran-socialtjansten.md", "brev-fran-socialtjansten"),
    Editable("mallar/beslut-om-utredning.md", "beslut-om-utredning"),
    Editable("mallar/inkassokrav.md", "inkassokrav"),
    Editable("mallar/varning-sena-betalningar.md", "varning-sena-betalningar"),
    Editable("mallar/uppsagning-forverkande.md", "uppsagning-forverkande"),
    Editable("mallar/underrattelse-och-meddelande.md", "underrattelse-och-meddelande"),
    Editable("mallar/ansokan-kronofogden.md", "ansokan-kronofogden"),
    Editable("workshopmaterial/natverksmoten.md", "natverksmoten"),
    Editable("workshopmaterial/kanvas-ovning-1.md", "kanvas-ovning-1"),
    Editable("workshopmaterial/sjalvskattning.md", "sjalvskattning"),
    Editable("workshopmaterial/checklistor.md", "checklistor"),
    Editable("workshopmaterial/underlag.md", "underlag"),
    Editable("workshopmaterial/regional-uppfoljning.md", "regional-uppfoljning"),
    Editable("workshopmaterial/utvardering.md", "utvardering"),
    Editable("workshopmaterial/inbjudan.md", "inbjudan"),
)


@dataclass
class Result:
    """A converted (or cached) copy and where it is published in the site."""

    editable: Editable
    fmt: str
    path: Path
    converted: bool

    @property
    def url(self) -> str:
        return f"workshopmaterial/redigerbart/{self.editable.name}.{self.fmt}"


def pandoc_version() -> str:
    """pandoc's first version line; raises HandoutError when pandoc is missing."""
    try:
        out = subprocess.run([PANDOC, "--version"], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError) as error:
        raise handouts.HandoutError(
            f"pandoc was not found ({PANDOC}); the editable DOCX/ODT copies are made with it. "
            "Install it (Debian: sudo apt-get install pandoc) or run scripts/setup."
        ) from error
    return out.splitlines()[0]


def page_html(editable: Editable, docs_dir: Path, settings: handouts.Settings) -> str:
    """The page as plain HTML for pandoc, ending with the source and licence line."""
    spec = handouts.Handout(editable.source, editable.name)
    body = handouts.render_body(spec, docs_dir, settings)
    version = handouts.version_date(docs_dir / editable.source)
    credit = (
        f"Källa: Bo kvar, version {version}, {settings.site_url}. "
        "Texten får användas och ändras enligt CC BY 4.0 om källan anges."
    )
    lang = html.escape(str(body.meta.get("lang", "sv")))
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"></head><body>'
        f"{body.html}<p><em>{html.escape(credit)}</em></p></body></html>"
    )


TABLE_BORDERS = (
    "<w:tblBorders>"
    + "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="888888"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    + "</w:tblBorders>"
)


def reference_docx(cache_dir: Path) -> Path:
    """pandoc's own reference.docx with framed tables, so a form's fields show in Word.

    Made from the installed pandoc's default (no binary file in the repository): the
    table style "Table" gets thin grey borders on every cell.
    """
    version = hashlib.sha256((pandoc_version() + TABLE_BORDERS).encode()).hexdigest()[:12]
    target = cache_dir / f"reference-framed-{version}.docx"
    if target.is_file():
        return target
    default = subprocess.run(
        [PANDOC, "--print-default-data-file", "reference.docx"], capture_output=True, check=True
    ).stdout
    with (
        zipfile.ZipFile(io.BytesIO(default)) as source,
        tempfile.NamedTemporaryFile(dir=cache_dir, suffix=".docx", delete=False) as handle,
        zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/styles.xml":
                text = data.decode("utf-8")
                anchor = '<w:style w:type="table" w:default="1" w:styleId="Table">'
                start = text.index(anchor)
                props = text.index("<w:tblPr>", start) + len("<w:tblPr>")
                data = (text[:props] + TABLE_BORDERS + text[props:]).encode("utf-8")
            out.writestr(item, data)
    os.replace(handle.name, target)
    return target


def convert(source_html: str, fmt: str, target: Path) -> None:
    """Write ``target`` in ``fmt`` (docx or odt) from ``source_html`` with pandoc."""
    with tempfile.TemporaryDirectory() as folder:
        html_path = Path(folder) / "page.html"
        html_path.write_text(source_html, encoding="utf-8")
        out = Path(folder) / f"out.{fmt}"
        command = [
            PANDOC,
            "--from=html",
            f"--to={fmt}",
            "--metadata=lang:sv-SE",
            "-o",
            str(out),
            str(html_path),
        ]
        if fmt == "docx":
            command.insert(1, f"--reference-doc={reference_docx(target.parent)}")
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            raise handouts.HandoutError(f"pandoc could not write {target.name}: {result.stderr.strip()}")
        os.chmod(out, 0o644)
        shutil.move(out, target)


def build(
    docs_dir: Path,
    cache_dir: Path,
    settings: handouts.Settings | None = None,
    *,
    config_file: Path = handouts.ROOT / "mkdocs.yml",
    editables: tuple[Editable, ...] = EDITABLES,
) -> list[Result]:
    """Convert every template and form to DOCX and ODT, reusing cached copies.

    ``build(docs_dir, cache_dir, settings=None, *, config_file=ROOT/"mkdocs.yml",
    editables=EDITABLES) -> list[Result]``: each result's ``path`` is the file in
    ``cache_dir``; publish it as ``result.url``. Raises ``HandoutError`` with a message
    that says what to do (pandoc missing, a source missing).
    """
    settings = settings or handouts.read_settings(config_file)
    docs_dir, cache_dir = Path(docs_dir).resolve(), Path(cache_dir).resolve()
    cache_dir.mkdir(parents=True, exist_ok=True)
    version = pandoc_version()
    own = Path(__file__).read_text(encoding="utf-8")
    results = []
    for editable in editables:
        source_html = page_html(editable, docs_dir, settings)
        for fmt in FORMATS:
            key = hashlib.sha256("\0".join((version, own, fmt, source_html)).encode("utf-8")).hexdigest()[:16]
            target = cache_dir / f"{editable.name}-{key}.{fmt}"
            converted = not target.is_file()
            if converted:
                convert(source_html, fmt, target)
                for old in cache_dir.glob(f"{editable.name}-*.{fmt}"):
                    if old != target and len(old.stem) == len(target.stem):
                        old.unlink(missing_ok=True)
            results.append(Result(editable, fmt, target, converted))
    return results


def main(argv: list[str] | None = None) -> int:
    """Convert with the settings of mkdocs.yml; ``--out DIR`` also copies the files."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", type=Path, default=handouts.ROOT / "mkdocs.yml")
    parser.add_argument("--docs", type=Path, default=handouts.ROOT / "docs")
    parser.add_argument("--cache", type=Path, default=handouts.ROOT / "build" / "editable")
    parser.add_argument("--out", type=Path, help="copy each file to OUT/<name>.<docx|odt>")
    args = parser.parse_args(argv)
    try:
        results = build(args.docs, args.cache, config_file=args.config)
    except handouts.HandoutError as error:
        print(f"editable: {error}", file=sys.stderr)
        return 1
    for result in results:
        state = "converted" if result.converted else "cached"
        print(f"{result.url}: {result.path.stat().st_size} bytes, {state}")
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(result.path, args.out / f"{result.editable.name}.{result.fmt}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
