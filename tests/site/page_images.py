"""Render PDF pages to grey images with poppler's pdftoppm and measure how full they are.

Used by the handout tests: a page whose body is less than 15 % used is an orphan
page. The image is read as binary PGM (P5), so no imaging library is needed.

>>> fill_of_rows([b"\\xff" * 4] * 8 + [b"\\x00" * 4] * 2, top=0, bottom=0)
0.2
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

PDFTOPPM = shutil.which("pdftoppm")
DARK = 200  # a grey level below this counts as ink


def read_pgm(path: Path) -> list[bytes]:
    """The rows of a binary PGM image (max value 255)."""
    data = path.read_bytes()
    fields, index = [], 0
    while len(fields) < 4:
        while data[index : index + 1].isspace():
            index += 1
        if data[index : index + 1] == b"#":
            index = data.index(b"\n", index) + 1
            continue
        end = index
        while not data[end : end + 1].isspace():
            end += 1
        fields.append(data[index:end])
        index = end
    index += 1
    magic, width, height = fields[0], int(fields[1]), int(fields[2])
    assert magic == b"P5", magic
    return [data[index + row * width : index + (row + 1) * width] for row in range(height)]


def fill_of_rows(rows: list[bytes], top: int, bottom: int) -> float:
    """Share of the body (rows minus ``top`` and ``bottom`` bands) from its top to the last inked row."""
    body = rows[top : len(rows) - bottom] if bottom else rows[top:]
    inked = [index for index, row in enumerate(body) if min(row) < DARK]
    if not inked:
        return 0.0
    return round((inked[-1] + 1) / len(body), 3)


def page_fills(pdf: Path, margin_share: float = 0.075, dpi: int = 30) -> list[float]:
    """Each page's used share of its body; header and footer bands (``margin_share`` each) excluded."""
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([PDFTOPPM, "-r", str(dpi), "-gray", str(pdf), f"{folder}/p"], check=True)
        fills = []
        for image in sorted(Path(folder).glob("p-*.pgm"), key=lambda p: int(p.stem.split("-")[-1])):
            rows = read_pgm(image)
            band = round(len(rows) * margin_share)
            fills.append(fill_of_rows(rows, band, band))
        return fills
