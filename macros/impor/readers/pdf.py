"""PDF with text (exported from Word or a form tool): tables from their ruling lines, drawings in cells.

pdfplumber finds each table from the lines that rule it and gives each cell's box; the cell's text is
the words inside that box, its lines rejoined where a line only wrapped and kept apart where the
printed text broke (the next line's first word would have fitted). What places a step in a lane is
drawn inside the lane's cell: a rectangle, a capsule or a diamond (told apart by where its outline
meets its box), a picture, shading, or a tick. A PDF with no text at all is a scan: the OCR reader
takes it. A table cut by a page break is joined again when its columns match.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..grid import Cell, Document, Mark, Paragraph, Symbol, Table, table_from_rows
from ..symbols import WORDS, classify, crop
from . import ReadError
from .docx import TICKS

_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines", "snap_tolerance": 3, "join_tolerance": 3}
_TOL = 2.0  # points: two rulings this close are one
_PADDING = 12.0  # points: a cell's left and right margins together (Word and LibreOffice: about 0.19 cm each)
# The first words of a kop's lines: the government, the office, its unit, its address.
_KOP_LINE = re.compile(
    r"^(?:pemerintah|kementerian|kementrian|dinas|badan|kantor|sekretariat|inspektorat|kecamatan|kelurahan|desa|"
    r"komisi|universitas|fakultas|institut|sekolah|sma|smp|sd|smk|madrasah|upt|uptd|rumah\s+sakit|rsud|puskesmas|"
    r"biro|bagian|sub\s*bag|subbag|bidang|seksi|satuan|instalasi|unit|standard?|prosedur|jl\.|jalan|telp|telepon|"
    r"fax|faks|laman|email|e-mail|website|kode\s*pos)\b",
    re.IGNORECASE,
)


@dataclass
class _Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float


def damaged_pdf(exc: Exception) -> str:
    if "password" in type(exc).__name__.casefold() or "password" in str(exc).casefold():
        return "PDF ini dikunci dengan kata sandi; buka kuncinya (atau cetak ulang ke PDF) lalu impor lagi"
    return f"PDF rusak atau terpotong, tidak dapat dibuka ({type(exc).__name__}); simpan ulang dari aplikasinya lalu impor lagi"


def read(path: Path) -> Document:
    import pdfplumber

    try:
        pdf = pdfplumber.open(str(path))
    except Exception as exc:  # pdfminer raises many kinds on a damaged file
        raise ReadError(damaged_pdf(exc)) from None
    with pdf:
        if not any(page.chars for page in pdf.pages):
            from . import scan

            return scan.read_pdf(path)
        blocks: list[Paragraph | Table] = []
        problems: list[str] = []
        for page in pdf.pages:
            blocks.extend(_page(page, problems))
        return Document(_join_split_tables(blocks), kind="pdf", pages=len(pdf.pages), problems=problems)


def _page(page: Any, problems: list[str]) -> list[Paragraph | Table]:
    words = [
        _Word(w["text"], w["x0"], w["x1"], w["top"], w["bottom"])
        for w in page.extract_words(keep_blank_chars=False, use_text_flow=False, x_tolerance=1.5)
    ]
    found = page.find_tables(_SETTINGS)
    placed: list[tuple[float, Paragraph | Table]] = []
    inside: set[int] = set()
    for t in found:
        table = _table(page, t, words, inside, problems)
        if table is not None:
            placed.append((t.bbox[1], table))
    rest = [w for i, w in enumerate(words) if i not in inside]
    for top, paragraph in _paragraphs(rest, page.width):
        placed.append((top, paragraph))
    placed.sort(key=lambda item: item[0])
    return [block for _, block in placed]


def _bounds(values: Sequence[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > _TOL:
            out.append(v)
    return out


def _index(bounds: list[float], value: float) -> int:
    return min(range(len(bounds)), key=lambda i: abs(bounds[i] - value))


def _table(page: Any, found: Any, words: list[_Word], inside: set[int], problems: list[str]) -> Table | None:
    boxes = [c for c in found.cells if c is not None]
    if not boxes:
        return None
    xs = _bounds([v for c in boxes for v in (c[0], c[2])])
    ys = _bounds([v for c in boxes for v in (c[1], c[3])])
    rows: dict[int, list[Cell]] = {}
    drawings = _drawings(page, found.bbox)
    for box in boxes:
        c0, c1 = _index(xs, box[0]), _index(xs, box[2])
        r0, r1 = _index(ys, box[1]), _index(ys, box[3])
        if c1 <= c0 or r1 <= r0:
            continue
        mine = [i for i, w in enumerate(words) if _center_in(w, box)]
        inside.update(mine)
        doubts: list[str] = []
        # A tall cell with a picture (the logo) holds the kop: each of its lines is a line of its own.
        logo = r1 - r0 >= 2 and any(d.kind == "image" and _inside(d.box, box) for d in drawings)
        text = _text([words[i] for i in mine], box[0], box[2], doubts, lines_kept=logo)
        cell = Cell(text, col=c0, colspan=c1 - c0, rowspan=r1 - r0)
        cell.doubts = doubts
        cell.marks = _marks(page, box, drawings, text)
        if cell.marks and text.strip() in TICKS:
            cell.text = ""
        rows.setdefault(r0, []).append(cell)
    ordered = [sorted(rows.get(r, []), key=lambda c: c.col) for r in range(len(ys) - 1)]
    return table_from_rows(ordered, aligned=True, page=page.page_number)


def _inside(inner: Sequence[float], box: Sequence[float]) -> bool:
    cx, cy = (inner[0] + inner[2]) / 2, (inner[1] + inner[3]) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


def _center_in(w: _Word, box: Sequence[float]) -> bool:
    cx, cy = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


def _lines(words: list[_Word]) -> list[list[_Word]]:
    """Words grouped into lines by their vertical middle (within half a word's height: OCR boxes of
    one line differ where letters rise or descend), each line left to right."""
    if not words:
        return []
    lines: list[list[_Word]] = []
    for w in sorted(words, key=lambda w: ((w.top + w.bottom) / 2, w.x0)):
        middle = (w.top + w.bottom) / 2
        if lines:
            last = lines[-1]
            # Half the smaller height: a box made tall by a speck of ink does not swallow the next line.
            tolerance = max(2.5, min(w.bottom - w.top, min(v.bottom - v.top for v in last)) * 0.5)
            if abs(sum((v.top + v.bottom) / 2 for v in last) / len(last) - middle) <= tolerance:
                last.append(w)
                continue
        lines.append([w])
    return [sorted(line, key=lambda w: w.x0) for line in lines]


def _text(
    words: list[_Word], left: float, right: float, doubts: list[str] | None = None, lines_kept: bool = False
) -> str:
    """The cell's words as lines: a line that only wrapped joins the next with a space; a line that
    ended where the text broke (the next line's first word would have fitted) keeps its break.

    A line holding one word that fills it, so that not even the next word's first letter would have
    fitted, held a word wider than the cell, cut in two: the parts are joined, and the doubt is
    written down. ``lines_kept``: every line is its own (a kop beside a logo).
    """
    lines = _lines(words)
    if not lines:
        return ""
    out = " ".join(w.text for w in lines[0])
    for prev, line in zip(lines, lines[1:], strict=False):
        height = max(1.0, prev[0].bottom - prev[0].top)
        # Room the line left, however it is aligned (left, centred): the cell's width less its own.
        room = (right - left - _PADDING) - (prev[-1].x1 - prev[0].x0)
        first = line[0].x1 - line[0].x0 + height * 0.3
        gap = line[0].top - prev[0].bottom
        if lines_kept:
            # A kop: a line that starts with an office word, or that the line before left room for,
            # is a line of its own; anything else continues a long name (and is said to be a guess).
            if first < room or _KOP_LINE.match(line_text(line)):
                out += "\n" + line_text(line)
            else:
                out += " " + line_text(line)
                if doubts is not None:
                    doubts.append(f"baris kop '{line_text(line)}' dibaca sebagai lanjutan baris sebelumnya")
            continue
        # The next word's first letter would not have fitted either: the word was cut, not wrapped.
        letter = (line[0].x1 - line[0].x0) / max(1, len(line[0].text)) * 1.1
        if len(prev) == 1 and room < letter and line[0].text[:1].islower() and not _starts_item(line[0].text):
            cut = True
            if doubts is not None:
                joined, apart = prev[0].text + line[0].text, f"{prev[0].text} {line[0].text}"
                doubts.append(
                    f"'{joined if cut else apart}' mungkin terbaca '{apart if cut else joined}' (kata terpotong di ujung baris?)"
                )
            out += ("" if cut else " ") + line_text(line)
            continue
        broke = first < room or gap > height * 0.9 or _starts_item(line[0].text)
        out += ("\n" if broke else " ") + line_text(line)
    return out


def line_text(line: list[_Word]) -> str:
    return " ".join(w.text for w in line)


def _starts_item(word: str) -> bool:
    """A line that starts like a list item (1. a. - •) began a new item, not a wrapped one."""
    return bool(re.match(r"^(?:\d{1,3}[.)]|[a-z][.)]|[-–•●]|\(\d+\))$", word))


def _paragraphs(words: list[_Word], width: float, unsure: set[int] | None = None) -> list[tuple[float, Paragraph]]:
    """Text outside tables as paragraphs, one a line; a blank line where the gap between two lines
    is wider than a line. ``unsure``: ids of words read with little confidence (a scan)."""
    out: list[tuple[float, Paragraph]] = []
    lines = _lines(words)
    for i, line in enumerate(lines):
        text = " ".join(w.text for w in line)
        if i and line[0].top - lines[i - 1][0].bottom > (lines[i - 1][0].bottom - lines[i - 1][0].top) * 1.2:
            out.append((line[0].top - 0.1, Paragraph("")))
        out.append((line[0].top, Paragraph(text, [w.text for w in line if unsure and id(w) in unsure])))
    return out


# --- Drawings in cells ------------------------------------------------------------------------------


@dataclass
class _Drawing:
    kind: str  # "shape", "image", "shade"
    box: tuple[float, float, float, float]
    points: list[tuple[float, float]]


def _drawings(page: Any, bbox: Sequence[float]) -> list[_Drawing]:
    out: list[_Drawing] = []
    for rect in page.rects:
        box = (rect["x0"], rect["top"], rect["x1"], rect["bottom"])
        color = rect.get("non_stroking_color")
        grey = (
            isinstance(color, (tuple, list)) and color and all(isinstance(v, (int, float)) and v < 0.9 for v in color)
        )
        if rect.get("fill") and grey:
            out.append(_Drawing("shade", box, []))
        elif rect.get("stroke"):
            out.append(_Drawing("shape", box, [(box[0], box[1]), (box[2], box[1]), (box[2], box[3]), (box[0], box[3])]))
    for curve in page.curves:
        if curve.get("stroke", True) is False and curve.get("fill"):
            continue  # the fill of a shape whose outline is drawn separately
        box = (curve["x0"], curve["top"], curve["x1"], curve["bottom"])
        out.append(_Drawing("shape", box, [(x, y) for x, y in curve.get("pts", [])]))
    for image in page.images:
        out.append(_Drawing("image", (image["x0"], image["top"], image["x1"], image["bottom"]), []))
    return out


def _marks(page: Any, box: Sequence[float], drawings: list[_Drawing], text: str) -> list[Mark]:
    marks: list[Mark] = []
    width, height = box[2] - box[0], box[3] - box[1]
    for d in drawings:
        cx, cy = (d.box[0] + d.box[2]) / 2, (d.box[1] + d.box[3]) / 2
        if not (box[0] <= cx <= box[2] and box[1] <= cy <= box[3]):
            continue
        w, h = d.box[2] - d.box[0], d.box[3] - d.box[1]
        if d.kind == "shade":
            if w > width * 0.7 and h > height * 0.7:
                marks.append(Mark("arsir"))
        elif d.kind == "image":
            marks.append(Mark("gambar", _image_symbol(page, d.box)))
        elif w < width * 0.98 and h < height * 0.98 and w > 6 and h > 4:
            marks.append(Mark("bentuk", _shape(d)))
    if not marks:
        first = text.strip().splitlines()[0].strip().casefold() if text.strip() else ""
        if text.strip() in TICKS:
            marks.append(Mark("centang"))
        elif first in WORDS:
            marks.append(Mark("teks", WORDS[first]))
    return marks[:1] if len({m.symbol for m in marks}) == 1 else marks


def _shape(d: _Drawing) -> Symbol | None:
    """A drawn outline's symbol: curved (a capsule), a polygon through its box's corners (a
    rectangle), or through the middle of each side only (a diamond)."""
    x0, y0, x1, y1 = d.box
    w, h = max(x1 - x0, 1e-6), max(y1 - y0, 1e-6)

    def near(px: float, py: float, qx: float, qy: float) -> bool:
        return abs(px - qx) <= w * 0.12 and abs(py - qy) <= h * 0.15

    corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    middles = [((x0 + x1) / 2, y0), (x1, (y0 + y1) / 2), ((x0 + x1) / 2, y1), (x0, (y0 + y1) / 2)]
    at_corners = sum(any(near(px, py, cx, cy) for px, py in d.points) for cx, cy in corners)
    at_middles = sum(any(near(px, py, mx, my) for px, py in d.points) for mx, my in middles)
    if len(d.points) > 6:
        return "terminator"  # curved: a capsule's ends are Bézier curves (their control points lie near the corners)
    if at_corners >= 4:
        return "proses"
    if at_middles >= 4 and at_corners == 0:
        return "keputusan"
    return None


def _image_symbol(page: Any, box: Sequence[float]) -> Symbol | None:
    """A picture's symbol from its outline, rendered from the page."""
    try:
        image = page.crop(box).to_image(resolution=96).original.convert("L")
    except Exception:  # a picture pdfplumber cannot render: its lane still counts, its symbol is unknown
        return None
    w, h = image.size
    pixels = list(image.tobytes())  # mode L: one byte per pixel
    mask = crop([[pixels[y * w + x] < 140 for x in range(w)] for y in range(h)])
    return classify(mask) if mask else None


# --- Tables cut by a page break ---------------------------------------------------------------------


def _join_split_tables(blocks: list[Paragraph | Table]) -> list[Paragraph | Table]:
    """A table that ends one page and a table that starts the next, with the same columns and no
    text between them, are one table (Word and LibreOffice cut a long table at the page end)."""
    out: list[Paragraph | Table] = []
    for block in blocks:
        previous = next((b for b in reversed(out) if not (isinstance(b, Paragraph) and not b.text.strip())), None)
        if (
            isinstance(block, Table)
            and isinstance(previous, Table)
            and previous.page is not None
            and block.page == previous.page + 1
            and previous.width == block.width
            and out[-1] is previous
            and not _starts_with_header_of(block, previous)
        ):
            out[-1] = _append(previous, block)
            continue
        out.append(block)
    return out


def _starts_with_header_of(block: Table, previous: Table) -> bool:
    """The continuation repeats the header: it is read as a table of its own and joined by the
    interpreter, which knows a header when it sees one."""
    return bool(block.grid) and bool(previous.grid) and block.texts(0) == previous.texts(0)


def _append(first: Table, second: Table) -> Table:
    rows: list[list[Cell]] = []
    for table in (first, second):
        for r in range(len(table.grid)):
            rows.append(table.own_cells(r))
    return table_from_rows(rows, aligned=True, page=first.page)
