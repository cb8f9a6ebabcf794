"""Scans (an image-only PDF, or a picture): OCR with Tesseract, tables from the ruling lines in the image.

Each page is rendered at 300 dpi, straightened (the angle whose rows of ink line up best), and its
table rulings found as long runs of ink. The rulings give the cells, a missing stretch of ruling a
merged cell. Tesseract (Indonesian) reads the page once with the rulings wiped out; each word goes to
the cell its middle falls in, and a word read with low confidence is kept as unsure (the draft says
so). What is drawn in a cell and is not a word (a symbol, a tick, shading) is a mark, its symbol told
by its outline.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..grid import Cell, Document, Mark, Paragraph, Table, table_from_rows
from ..symbols import WORDS, classify
from . import ReadError
from .pdf import _paragraphs, _Word  # the same wrap rules as text PDFs
from .pdf import _text as cell_text

DPI = 300
LANGUAGE = "ind"
# A word is unsure below this confidence (Tesseract's, 0-100). Misread words in the corpus's scans
# ("Kepeaawaian" for Kepegawaian) come at 85-93, words read right at 96-97: the line is drawn high,
# and a word Tesseract's own Indonesian dictionary does not know is unsure unless read at 99.
CONFIDENCE = 94
CONFIDENCE_UNKNOWN_WORD = 99


def read_pdf(path: Path) -> Document:
    try:
        import pypdfium2 as pdfium
    except ImportError:
        raise ReadError("pembaca PDF pindaian tidak terpasang (pypdfium2); jalankan `make install`") from None
    try:
        pdf = pdfium.PdfDocument(str(path))
    except Exception as exc:  # pdfium raises its own kinds on a damaged file
        from .pdf import damaged_pdf

        raise ReadError(damaged_pdf(exc)) from None
    images = [pdf[i].render(scale=DPI / 72).to_pil() for i in range(len(pdf))]
    return _read(images)


def read_image(path: Path) -> Document:
    from PIL import Image

    try:
        image: Image.Image = Image.open(path)
        image.load()
    except Exception as exc:  # Pillow raises many kinds on a damaged picture
        raise ReadError(f"gambar rusak atau terpotong, tidak dapat dibuka ({type(exc).__name__})") from None
    dpi = image.info.get("dpi", (DPI, DPI))[0] or DPI
    if dpi < DPI * 0.9:
        image = image.resize((int(image.width * DPI / dpi), int(image.height * DPI / dpi)))
    return _read([image])


def _read(images: list[Any]) -> Document:
    if shutil.which("tesseract") is None:
        raise ReadError(
            "Tesseract (OCR) tidak terpasang; jalankan `make install` (paket Debian tesseract-ocr, tesseract-ocr-ind)"
        )
    blocks: list[Paragraph | Table] = []
    problems: list[str] = []
    for number, image in enumerate(images, start=1):
        blocks.extend(_page(image, number, problems))
    from .pdf import _join_split_tables

    return Document(_join_split_tables(blocks), kind="pindaian", pages=len(images), problems=problems)


# --- A page -------------------------------------------------------------------------------------------


def _page(image: Any, number: int, problems: list[str]) -> list[Paragraph | Table]:
    import numpy as np
    from PIL import Image

    gray = image.convert("L")
    angle = _skew(np.asarray(gray.resize((gray.width // 4, gray.height // 4))))
    if abs(angle) > 0.05:
        gray = gray.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    pixels = np.asarray(gray)
    ink = pixels < 150
    horizontal, vertical = _rulings(ink)
    grids = _tables(horizontal, vertical, ink.shape)
    cells = [_cell_boxes(grid) for grid in grids]
    # Every cell's inside (its rulings left out, drawings wiped) read in one OCR pass; the words
    # outside the tables in a second pass over the page with the tables blanked out.
    boxes = [box for table in cells for *_, box in table]
    in_cells = _ocr_cells(pixels, boxes)
    outside = pixels.copy()
    for grid in grids:
        outside[max(0, grid.ys[0] - 6) : grid.ys[-1] + 6, max(0, grid.xs[0] - 6) : grid.xs[-1] + 6] = 255
    free = _ocr(Image.fromarray(outside), psm=4)
    placed: list[tuple[float, Paragraph | Table]] = []
    k = 0
    for grid, table_cells in zip(grids, cells, strict=True):
        words = in_cells[k : k + len(table_cells)]
        k += len(table_cells)
        placed.append((grid.ys[0], _table(table_cells, words, ink, pixels, number)))
    kept = [w for w in free if _is_word(w.word.text) and not _junk(w)]
    placed.extend(_paragraphs([w.word for w in kept], float(ink.shape[1]), {id(w.word) for w in kept if unsure(w)}))
    placed.sort(key=lambda item: item[0])
    return [block for _, block in placed]


def _skew(small: Any) -> float:
    """The angle (degrees) that lines up the page's rows of ink best: the rulings and text lines."""
    import numpy as np
    from PIL import Image

    image = Image.fromarray(small)
    best, best_score = 0.0, -1.0
    for tenth in range(-25, 26):
        angle = tenth / 10
        rotated = np.asarray(image.rotate(angle, resample=Image.Resampling.NEAREST, fillcolor=255)) < 150
        rows = rotated.sum(axis=1).astype(float)
        score = float((rows**2).sum())
        if score > best_score:
            best, best_score = angle, score
    return best


@dataclass
class _Segment:
    fixed: int  # y of a horizontal ruling, x of a vertical one
    start: int
    end: int


def _runs(line: Any, minimum: int) -> list[tuple[int, int]]:
    import numpy as np

    padded = np.concatenate(([0], line.astype(np.int8), [0]))
    edges = np.flatnonzero(np.diff(padded))
    return [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2], strict=True) if b - a >= minimum]


def _rulings(ink: Any) -> tuple[list[_Segment], list[_Segment]]:
    """Long runs of ink: horizontal and vertical rulings (thickened by a pixel against residual skew)."""

    thick_h = ink[:-2] | ink[1:-1] | ink[2:]
    thick_v = ink[:, :-2] | ink[:, 1:-1] | ink[:, 2:]
    horizontal = [
        _Segment(y + 1, a, b)
        for y in range(thick_h.shape[0])
        for a, b in _runs(thick_h[y], max(60, ink.shape[1] // 25))
    ]
    vertical = [
        _Segment(x + 1, a, b)
        for x in range(thick_v.shape[1])
        for a, b in _runs(thick_v[:, x], max(40, ink.shape[0] // 40))
    ]
    return _merge(horizontal), _merge(vertical)


def _merge(segments: list[_Segment]) -> list[_Segment]:
    """Runs on neighbouring rows (one ruling a few pixels thick) as one ruling."""
    out: list[_Segment] = []
    for s in sorted(segments, key=lambda s: (s.fixed, s.start)):
        for o in reversed(out[-12:]):
            if s.fixed - o.fixed <= 4 and s.start <= o.end and o.start <= s.end:
                o.start, o.end = min(o.start, s.start), max(o.end, s.end)
                o.fixed = (o.fixed + s.fixed) // 2 if s.fixed - o.fixed <= 1 else o.fixed
                break
        else:
            out.append(_Segment(s.fixed, s.start, s.end))
    return out


@dataclass
class _Grid:
    xs: list[int]
    ys: list[int]
    horizontal: list[_Segment]
    vertical: list[_Segment]


def _cluster(values: list[int], gap: int = 8) -> list[int]:
    out: list[list[int]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= gap:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(c) // len(c) for c in out]


def _touches(end: int, fixed_range: tuple[int, int], segment: _Segment, tol: int = 10) -> bool:
    return (
        abs(segment.fixed - end) <= tol
        and segment.start - tol <= fixed_range[0]
        and fixed_range[1] <= segment.end + tol
    )


def _real_rulings(horizontal: list[_Segment], vertical: list[_Segment]) -> tuple[list[_Segment], list[_Segment]]:
    """The table's rulings, without the outlines of symbols drawn in its cells.

    A column ruling runs a long way down the table; a row ruling runs from one ruling to another.
    A rectangle's edges (a process symbol) end in the middle of a cell, touching no ruling, so they
    are left out. Starting from the long verticals, a horizontal is kept when both its ends meet a
    kept vertical, a vertical when both its ends meet a kept horizontal, until nothing changes.
    """
    if not vertical:
        return [], []
    tallest = max(v.end - v.start for v in vertical)
    # Long enough to be a column ruling (a symbol is at most about 120 px tall at 300 dpi), or a good
    # share of the page's tallest ruling.
    kept_v = [v for v in vertical if v.end - v.start >= min(tallest * 0.35, 220)]
    kept_h: list[_Segment] = []
    for _ in range(6):
        new_h = [
            h
            for h in horizontal
            if any(_touches(h.start, (h.fixed, h.fixed), v) for v in kept_v)
            and any(_touches(h.end, (h.fixed, h.fixed), v) for v in kept_v)
        ]
        new_v = kept_v + [
            v
            for v in vertical
            if v not in kept_v
            and any(_touches(v.start, (v.fixed, v.fixed), h) for h in new_h)
            and any(_touches(v.end, (v.fixed, v.fixed), h) for h in new_h)
        ]
        if len(new_h) == len(kept_h) and len(new_v) == len(kept_v):
            break
        kept_h, kept_v = new_h, new_v
    return kept_h, kept_v


def _tables(horizontal: list[_Segment], vertical: list[_Segment], shape: tuple[int, int]) -> list[_Grid]:
    """Tables as groups of rulings that touch each other."""
    horizontal, vertical = _real_rulings(horizontal, vertical)
    groups: list[tuple[list[_Segment], list[_Segment]]] = []
    for v in vertical:
        touching = [
            h for h in horizontal if h.start - 6 <= v.fixed <= h.end + 6 and v.start - 6 <= h.fixed <= v.end + 6
        ]
        if len(touching) < 2:
            continue
        for hs, vs in groups:
            if any(h in hs for h in touching):
                hs.extend(h for h in touching if h not in hs)
                vs.append(v)
                break
        else:
            groups.append((list(touching), [v]))
    merged: list[tuple[list[_Segment], list[_Segment]]] = []
    for hs, vs in groups:  # join groups that share a ruling
        for mh, mv in merged:
            if any(h in mh for h in hs):
                mh.extend(h for h in hs if h not in mh)
                mv.extend(vs)
                break
        else:
            merged.append((hs, vs))
    grids = []
    for hs, vs in merged:
        xs, ys = _cluster([v.fixed for v in vs]), _cluster([h.fixed for h in hs])
        if len(xs) >= 2 and len(ys) >= 2:
            grids.append(_Grid(xs, ys, hs, vs))
    return sorted(grids, key=lambda g: g.ys[0])


def _covered(segments: list[_Segment], fixed: int, start: int, end: int) -> bool:
    """Is the stretch start..end at ``fixed`` ruled (mostly inked by some segment)?"""
    length = max(1, end - start)
    covered = sum(max(0, min(end, s.end) - max(start, s.start)) for s in segments if abs(s.fixed - fixed) <= 6)
    return covered >= length * 0.6


def _line_mask(ink: Any, horizontal: list[_Segment], vertical: list[_Segment]) -> Any:
    import numpy as np

    mask = np.zeros_like(ink)
    for s in horizontal:
        mask[max(0, s.fixed - 4) : s.fixed + 5, s.start : s.end] = True
    for s in vertical:
        mask[s.start : s.end, max(0, s.fixed - 4) : s.fixed + 5] = True
    return mask & ink


# --- OCR ---------------------------------------------------------------------------------------------


@dataclass
class _OcrWord:
    word: _Word
    confidence: float


def _is_word(text: str) -> bool:
    """A token with a letter, a digit or a sign that text uses; what is left of a ruling or a drawing
    ('|', '—', '<>') is not a word."""
    return any(ch.isalnum() or ch in "√✓½%" for ch in text)


def _ocr(image: Any, psm: int = 6) -> list[_OcrWord]:
    with tempfile.TemporaryDirectory() as tmp:
        png = Path(tmp) / "halaman.png"
        image.save(png)
        try:
            result = subprocess.run(
                [
                    shutil.which("tesseract") or "tesseract",
                    str(png),
                    "stdout",
                    "-l",
                    LANGUAGE,
                    "--psm",
                    str(psm),
                    "--dpi",
                    str(DPI),
                    "tsv",
                ],
                # One thread: Tesseract's own threads cost more than they give on pages this size.
                env={"OMP_THREAD_LIMIT": "1", "LC_ALL": "C.UTF-8"},
                capture_output=True,
                text=True,
                timeout=600,
                check=True,
            )
        except (OSError, subprocess.SubprocessError) as exc:
            raise ReadError(f"OCR gagal ({type(exc).__name__})") from None
    words = []
    for row in csv.DictReader(io.StringIO(result.stdout), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if not text or row.get("level") != "5":
            continue
        left, top, width, height = (int(row[k]) for k in ("left", "top", "width", "height"))
        words.append(_OcrWord(_Word(text, left, left + width, top, top + height), float(row.get("conf") or 0)))
    return words


_GAP = 96  # white between two cells on the OCR canvas: wider than a word gap, so no word joins two cells
_SHELF = 2400  # the OCR canvas's width: cells side by side on shelves
PSM_CELLS = 6  # one block of text: the best of Tesseract's page modes on the corpus's cells


def _ocr_cells(pixels: Any, boxes: list[tuple[int, int, int, int]]) -> list[list[_OcrWord]]:
    """The words of each cell, read in one pass: each cell's inside (its rulings cut away, the long
    strokes of drawings wiped) on a canvas of its own band; each word back at its place on the page."""
    import numpy as np
    from PIL import Image

    crops: list[tuple[int, Any]] = []  # (cell index, its inside) for the cells with ink to read
    inners = [inner(box, pixels < 150) for box in boxes]
    for i, (x0, y0, x1, y1) in enumerate(inners):
        crop = pixels[y0:y1, x0:x1].copy()
        crop[_strokes(crop < 150)] = 255
        if np.count_nonzero(crop < 150) >= 40:  # an empty cell (a lane with no step) costs no OCR
            crops.append((i, crop))
    out: list[list[_OcrWord]] = [[] for _ in boxes]
    if not crops:
        return out
    # Shelves: cells side by side up to a width, then a new shelf; each cell keeps its own place.
    width = max(_SHELF, max(c.shape[1] for _, c in crops) + 2 * _GAP)
    places: list[tuple[int, int, int, Any]] = []  # (cell, left, top, crop)
    x, y, shelf = _GAP, _GAP, 0
    for i, crop in sorted(crops, key=lambda item: -item[1].shape[0]):
        if x + crop.shape[1] + _GAP > width:
            x, y, shelf = _GAP, y + shelf + _GAP, 0
        places.append((i, x, y, crop))
        x += crop.shape[1] + _GAP
        shelf = max(shelf, crop.shape[0])
    canvas = np.full((y + shelf + _GAP, width), 255, dtype=np.uint8)
    for _, left, top, crop in places:
        canvas[top : top + crop.shape[0], left : left + crop.shape[1]] = crop
    for w in _ocr(Image.fromarray(canvas), psm=PSM_CELLS):
        if not _is_word(w.word.text) or _junk(w):
            continue
        cx, cy = (w.word.x0 + w.word.x1) / 2, (w.word.top + w.word.bottom) / 2
        for i, left, top, crop in places:
            if left <= cx <= left + crop.shape[1] and top <= cy <= top + crop.shape[0]:
                dx, dy = inners[i][0] - left, inners[i][1] - top
                out[i].append(
                    _OcrWord(
                        _Word(w.word.text, w.word.x0 + dx, w.word.x1 + dx, w.word.top + dy, w.word.bottom + dy),
                        w.confidence,
                    )
                )
                break
    return out


def _drawing_box(box: Box, words: list[_Word], ink: Any) -> Box | None:
    """Where the drawing in a cell is (the ink no word covers), in page coordinates."""
    import numpy as np

    x0, y0, x1, y1 = inner(box, ink)
    mask = ink[y0:y1, x0:x1].copy()
    for w in words:
        mask[max(0, int(w.top) - y0) : max(0, int(w.bottom) - y0), max(0, int(w.x0) - x0) : max(0, int(w.x1) - x0)] = (
            False
        )
    ys, xs = np.nonzero(mask)
    if len(xs) < 200:
        return None
    return x0 + int(xs.min()), y0 + int(ys.min()), x0 + int(xs.max()), y0 + int(ys.max())


def _overlaps(w: _Word, region: Box) -> bool:
    cx, cy = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2
    return region[0] <= cx <= region[2] and region[1] <= cy <= region[3]


def _logo_noise(word: _OcrWord) -> bool:
    """A token OCR read in a logo: no word of four letters or more the dictionary knows, not a number."""
    token = "".join(ch for ch in word.word.text if ch.isalnum())
    known = dictionary()
    return not token.isdigit() and not (len(token) >= 4 and (token.casefold() in known or word.confidence >= 90))


def _junk(word: _OcrWord) -> bool:
    """What OCR makes of a logo or a speck: a short token read with very little confidence."""
    token = "".join(ch for ch in word.word.text if ch.isalnum())
    return word.confidence < 50 and not (len(token) >= 4 and token.isalpha())


_INSET = 7  # pixels inside a cell's rulings: past the ruling and its blur


def inner(box: Box, ink: Any) -> Box:
    """A cell's inside: its box less the rulings around it. (Trimming row by row to the first row
    that is not a ruling read worse on the corpus's scans: it kept the blur of a ruling.)"""
    x0, y0, x1, y1 = box
    if x1 - x0 < 2 * _INSET + 4 or y1 - y0 < 2 * _INSET + 4:
        return box
    return x0 + _INSET, y0 + _INSET, x1 - _INSET, y1 - _INSET


def _strokes(ink: Any) -> Any:
    """The long straight strokes in a cell (a drawing's edges, an underline): not letters."""
    import numpy as np

    mask = np.zeros_like(ink)
    long_h = max(70, ink.shape[1] // 5)
    for y in range(ink.shape[0]):
        for a, b in _runs(ink[y], long_h):
            mask[max(0, y - 2) : y + 3, a:b] = True
    for x in range(ink.shape[1]):
        for a, b in _runs(ink[:, x], 45):
            mask[a:b, max(0, x - 2) : x + 3] = True
    return mask


@lru_cache(maxsize=1)
def dictionary() -> frozenset[str]:
    """The words of Tesseract's own Indonesian model (its word list, taken out of the installed
    ind.traineddata), lower-case; empty when the tools to take it out are not installed."""
    try:
        listing = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=60).stdout
        folder = Path(listing.split('"')[1]) if '"' in listing else None
        if folder is None or not (folder / f"{LANGUAGE}.traineddata").is_file():
            return frozenset()
        with tempfile.TemporaryDirectory() as tmp:
            prefix = str(Path(tmp) / f"{LANGUAGE}.")
            subprocess.run(
                ["combine_tessdata", "-u", str(folder / f"{LANGUAGE}.traineddata"), prefix],
                capture_output=True,
                timeout=120,
                check=True,
            )
            words = Path(tmp) / "words.txt"
            subprocess.run(
                ["dawg2wordlist", prefix + "lstm-unicharset", prefix + "lstm-word-dawg", str(words)],
                capture_output=True,
                timeout=120,
                check=True,
            )
            return frozenset(w.casefold() for w in words.read_text(encoding="utf-8").split())
    except (OSError, subprocess.SubprocessError, IndexError):
        return frozenset()


def unsure(word: _OcrWord) -> bool:
    """A word to check against the document: read with low confidence, or a word the dictionary does
    not know (a misread letter makes one) read with anything less than near certainty."""
    if word.confidence < CONFIDENCE:
        return True
    token = word.word.text.strip(".,;:()[]\"'“”")
    if any(ch.isdigit() for ch in token) and any(ch.isalpha() for ch in token):
        return word.confidence < 97  # "2x24": OCR drops the spaces between digits and letters
    known = dictionary()
    if known and token.isalpha() and len(token) > 2 and token.casefold() not in known:
        return word.confidence < CONFIDENCE_UNKNOWN_WORD
    return False


# --- Cells --------------------------------------------------------------------------------------------

Box = tuple[int, int, int, int]


def _cell_boxes(grid: _Grid) -> list[tuple[int, int, int, int, Box]]:
    """The grid's cells as (first row, rows, first column, columns, box), merged where a ruling is missing."""
    xs, ys = grid.xs, grid.ys
    rows_n, cols_n = len(ys) - 1, len(xs) - 1
    owner = {(r, c): (r, c) for r in range(rows_n) for c in range(cols_n)}

    def find(rc: tuple[int, int]) -> tuple[int, int]:
        while owner[rc] != rc:
            rc = owner[rc]
        return rc

    def join(a: tuple[int, int], b: tuple[int, int]) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            owner[max(ra, rb)] = min(ra, rb)

    for r in range(rows_n):
        for c in range(cols_n):
            # No ruling between two neighbours: one merged cell.
            if c + 1 < cols_n and not _covered(grid.vertical, xs[c + 1], ys[r], ys[r + 1]):
                join((r, c), (r, c + 1))
            if r + 1 < rows_n and not _covered(grid.horizontal, ys[r + 1], xs[c], xs[c + 1]):
                join((r, c), (r + 1, c))
    spans: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for rc in owner:
        spans.setdefault(find(rc), []).append(rc)
    out = []
    for members in spans.values():
        r0, r1 = min(r for r, _ in members), max(r for r, _ in members) + 1
        c0, c1 = min(c for _, c in members), max(c for _, c in members) + 1
        out.append((r0, r1 - r0, c0, c1 - c0, (xs[c0], ys[r0], xs[c1], ys[r1])))
    return sorted(out)


def _table(
    cells: list[tuple[int, int, int, int, Box]], words: list[list[_OcrWord]], ink: Any, pixels: Any, page: int
) -> Table:
    rows: dict[int, list[Cell]] = {}
    for (r0, rowspan, c0, colspan, box), mine in zip(cells, words, strict=True):
        doubts: list[str] = []
        cell_words = [w.word for w in mine]
        text = cell_text(cell_words, box[0], box[2], doubts)
        marks = _marks(box, cell_words, ink, pixels, text)
        if rowspan >= 3 and cell_words and any(m.kind == "bentuk" for m in marks):
            # A tall cell with a drawing beside its words: the logo and the kop, line by line. What
            # OCR made of the logo (short tokens no dictionary knows) is left out, and said.
            doubts = []
            region = _drawing_box(box, cell_words, ink)
            logo = [w for w in mine if _logo_noise(w) or (region is not None and _overlaps(w.word, region))]
            if logo:
                doubts.append("tulisan dari gambar logo diabaikan: " + ", ".join(f"'{w.word.text}'" for w in logo[:6]))
            mine = [w for w in mine if w not in logo]
            cell_words = [w.word for w in mine]
            text, marks = cell_text(cell_words, box[0], box[2], doubts, lines_kept=True), []
        drawn = any(m.kind in ("arsir", "centang") or (m.kind == "bentuk" and m.symbol) for m in marks)
        if _unread_ink(box, cell_words, ink) and not drawn:
            doubts.append("ada tulisan di sel ini yang tidak terbaca oleh OCR")
        cell = Cell(text, col=c0, colspan=colspan, rowspan=rowspan)
        cell.unsure = [w.word.text for w in mine if unsure(w)]
        cell.doubts = doubts
        cell.marks = marks
        if cell.marks and cell.marks[0].kind == "centang":
            cell.text = ""
        rows.setdefault(r0, []).append(cell)
    height = max((r0 + rowspan for r0, rowspan, *_ in cells), default=0)
    ordered = [sorted(rows.get(r, []), key=lambda c: c.col) for r in range(height)]
    return table_from_rows(ordered, aligned=True, page=page)


def _unread_ink(box: Box, words: list[_Word], ink: Any) -> bool:
    """Ink in the cell that no word read covers, as much as a short word: OCR missed some text."""
    import numpy as np

    x0, y0, x1, y1 = inner(box, ink)
    if x1 - x0 < 10 or y1 - y0 < 10:
        return False
    mask = ink[y0:y1, x0:x1].copy()
    mask[_strokes(mask)] = False
    for w in words:
        mask[
            max(0, int(w.top) - y0 - 6) : max(0, int(w.bottom) - y0 + 6),
            max(0, int(w.x0) - x0 - 8) : max(0, int(w.x1) - x0 + 8),
        ] = False
    return int(np.count_nonzero(mask)) > 180


def _marks(box: Box, words: list[_Word], ink: Any, pixels: Any, text: str) -> list[Mark]:
    """What is drawn in the cell and is not a word: shading (the cell's paper is grey), a symbol
    (an outline, classified), or a tick (a small stroke)."""
    import numpy as np

    from .docx import TICKS

    x0, y0, x1, y1 = inner(box, ink)
    if x1 - x0 < 10 or y1 - y0 < 10:
        return []
    area = pixels[y0:y1, x0:x1]
    if float(np.median(area)) < 200:
        return [Mark("arsir")]
    if text.strip() in TICKS:
        return [Mark("centang")]
    mask = ink[y0:y1, x0:x1].copy()
    for w in words:  # words are text, not drawings
        mask[
            max(0, int(w.top) - y0 - 4) : max(0, int(w.bottom) - y0 + 4),
            max(0, int(w.x0) - x0 - 4) : max(0, int(w.x1) - x0 + 4),
        ] = False
    ys, xs = np.nonzero(mask)
    first = text.strip().splitlines()[0].strip().casefold() if text.strip() else ""
    if len(xs) < 60:
        return [Mark("teks", WORDS[first])] if first in WORDS else []
    blob = mask[ys.min() : ys.max() + 1, xs.min() : xs.max() + 1]
    height, width = blob.shape
    if width < 40 or height < 25:
        return [Mark("teks", WORDS[first])] if first in WORDS else []  # specks and stray strokes
    if width < (x1 - x0) * 0.3 and height < (y1 - y0) * 0.6 and width < 90:
        return [Mark("centang")]  # a small stroke: a tick (√) that OCR did not read
    return [Mark("bentuk", classify(blob.tolist()))]
