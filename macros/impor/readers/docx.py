"""Word (.docx): paragraphs and tables as Word stores them, merged cells and drawings included.

A table is read from its XML, not from python-docx's row.cells, so that spans are known: a cell
merged across columns (gridSpan) or down rows (vMerge) is one cell covering several grid positions.
In a lane cell, what places the step is what is drawn there: a shape (DrawingML or VML, whose preset
names the symbol), a picture (whose outline tells the symbol), a tick, or shading.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..grid import Cell, Document, Mark, Paragraph, Table, table_from_rows
from ..symbols import PRESETS, VML, WORDS, of_image
from . import ReadError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
V = "{urn:schemas-microsoft-com:vml}"
WPS = "{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}"
PIC = "{http://schemas.openxmlformats.org/drawingml/2006/picture}"

# A tick or a dot typed in a lane cell instead of a drawing.
TICKS = {"√", "✓", "✔", "v", "V", "x", "X", "•", "●", "⬤", "☑", "✗"}


def read(path: Path) -> Document:
    import docx  # python-docx: only reading a .docx needs it

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises many kinds on a damaged package
        raise ReadError(f"dokumen Word tidak dapat dibuka ({type(exc).__name__})") from None
    part = document.part
    reader = _Reader(part)
    for child in document.element.body.iterchildren():
        if child.tag == f"{W}p":
            reader.blocks.append(Paragraph(_paragraph_text(child)))
        elif child.tag == f"{W}tbl":
            reader.blocks.append(reader.table(child))
    return Document(reader.blocks, kind="docx", problems=reader.problems)


class _Reader:
    def __init__(self, part: Any) -> None:
        self.part = part
        self.blocks: list[Paragraph | Table] = []
        self.problems: list[str] = []

    def table(self, tbl: Any, depth: int = 0) -> Table:
        rows: list[list[Cell]] = []
        open_down: dict[int, Cell] = {}  # column -> the cell a vMerge continues
        for tr in tbl.iterchildren(f"{W}tr"):
            col = 0
            before = tr.find(f"{W}trPr/{W}gridBefore")
            if before is not None:
                col = int(before.get(f"{W}val", "0"))
            row: list[Cell] = []
            for tc in tr.iterchildren(f"{W}tc"):
                props = tc.find(f"{W}tcPr")
                span = 1
                merge = None
                if props is not None:
                    grid_span = props.find(f"{W}gridSpan")
                    span = int(grid_span.get(f"{W}val", "1")) if grid_span is not None else 1
                    v_merge = props.find(f"{W}vMerge")
                    if v_merge is not None:
                        merge = v_merge.get(f"{W}val", "continue")
                if merge == "continue" and col in open_down:
                    open_down[col].rowspan += 1
                    col += span
                    continue
                cell = self.cell(tc, depth)
                cell.col, cell.colspan = col, span
                if merge == "restart":
                    open_down[col] = cell
                else:
                    open_down.pop(col, None)
                row.append(cell)
                col += span
            rows.append(row)
        return table_from_rows(rows, aligned=True)

    def cell(self, tc: Any, depth: int) -> Cell:
        paragraphs: list[str] = []
        nested: list[Table] = []
        for child in tc.iterchildren():
            if child.tag == f"{W}p":
                paragraphs.append(_paragraph_text(child))
            elif child.tag == f"{W}tbl":
                inner = self.table(child, depth + 1)
                nested.append(inner)
                # A table inside a cell: its text is kept as lines of the cell, and said.
                for r in range(len(inner.grid)):
                    paragraphs.append(" ".join(t for t in inner.texts(r) if t))
        text = "\n".join(paragraphs).strip("\n")
        marks = self.marks(tc)
        stripped = " ".join(text.split())
        if stripped in TICKS:
            marks.append(Mark("centang"))
            text = ""
        elif stripped.casefold() in WORDS and not marks:
            marks.append(Mark("teks", WORDS[stripped.casefold()]))
        shading = tc.find(f"{W}tcPr/{W}shd")
        if shading is not None and shading.get(f"{W}fill", "auto").upper() not in ("AUTO", "FFFFFF", ""):
            marks.append(Mark("arsir"))
        cell = Cell(text, nested=nested)
        cell.marks = marks
        if nested:
            cell.doubts.append("sel ini berisi tabel di dalamnya; isinya dibaca baris demi baris, periksa susunannya")
        return cell

    def marks(self, tc: Any) -> list[Mark]:
        """Shapes and pictures drawn in the cell (not in a table nested in it)."""
        found: list[Mark] = []
        for element in tc.iter(f"{W}drawing", f"{W}pict"):
            if _inside_fallback(element) or _in_nested_table(element, tc):
                continue  # Word writes a shape twice: DrawingML, and VML as the fallback
            found.append(self.mark(element))
        return found

    def mark(self, element: Any) -> Mark:
        if element.tag == f"{W}drawing":
            preset = element.find(f".//{WPS}spPr/{A}prstGeom")
            if preset is not None:
                return Mark("bentuk", PRESETS.get(preset.get("prst", "")))
            blip = element.find(f".//{PIC}pic//{A}blip")
            if blip is not None:
                return Mark("gambar", self.picture_symbol(blip.get(f"{R}embed")))
            return Mark("bentuk")
        # VML: a shape (its element names it) or a picture inside a shape
        for shape in element.iter():
            name = shape.tag.replace(V, "") if shape.tag.startswith(V) else None
            if name in VML:
                return Mark("bentuk", VML[name])
            if name == "imagedata":
                return Mark("gambar", self.picture_symbol(shape.get(f"{R}id")))
            if name in ("shape", "polyline"):
                path = (shape.get("path") or "") + (shape.get("type") or "")
                return Mark("bentuk", "keputusan" if "diamond" in path or _diamond_path(path) else None)
        return Mark("bentuk")

    def picture_symbol(self, rel_id: str | None) -> Any:
        if not rel_id or rel_id not in self.part.related_parts:
            return None
        return of_image(self.part.related_parts[rel_id].blob)


def _paragraph_text(p: Any) -> str:
    """A paragraph's text with its line breaks; text in a shape's own text box is not the cell's."""
    out: list[str] = []
    for element in p.iter(f"{W}t", f"{W}br", f"{W}cr", f"{W}tab", f"{W}txbxContent"):
        if _inside_text_box(element, p):
            continue
        if element.tag == f"{W}t":
            out.append(element.text or "")
        elif element.tag in (f"{W}br", f"{W}cr"):
            out.append("\n")
        elif element.tag == f"{W}tab":
            out.append("\t")
    return "".join(out)


def _ancestors(element: Any, stop: Any) -> Any:
    parent = element.getparent()
    while parent is not None and parent is not stop:
        yield parent
        parent = parent.getparent()


def _inside_text_box(element: Any, stop: Any) -> bool:
    return any(a.tag in (f"{W}txbxContent", f"{V}textbox") for a in _ancestors(element, stop))


def _inside_fallback(element: Any) -> bool:
    return any(a.tag == f"{MC}Fallback" for a in _ancestors(element, None))


def _in_nested_table(element: Any, tc: Any) -> bool:
    return any(a.tag == f"{W}tbl" for a in _ancestors(element, tc))


def _diamond_path(path: str) -> bool:
    """A VML path of four straight segments whose points sit at the middle of each side."""
    import re

    numbers = [int(n) for n in re.findall(r"-?\d+", path)]
    return len(numbers) in (8, 10) and len(set(numbers)) <= 4
