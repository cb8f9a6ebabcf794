"""What every reader makes of a document: paragraphs and tables of cells, the same for every format.

A reader (``readers/``) knows its format; the interpreter (``interpret``) knows the SOP AP form. They
meet here. A table is a grid: ``grid[r][c]`` is the cell covering row r, column c, so a merged cell is
found from every position it covers and read once (``cells``). A cell keeps its text with its line
breaks (a box's items are often lines of one paragraph), and what a reader saw beside the text: a drawn
symbol, a picture, a tick or shading (``Mark``: how a flowchart places a step in a lane), words it read
with little confidence, and tables nested inside it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Literal

# How a document marks the lane that does a step.
MarkKind = Literal["bentuk", "gambar", "centang", "arsir", "teks"]
# The flowchart symbol, where the mark shows it: capsule, rectangle, diamond, off-page connector.
Symbol = Literal["terminator", "proses", "keputusan", "penghubung"]


@dataclass(frozen=True)
class Mark:
    kind: MarkKind
    symbol: Symbol | None = None  # None: a tick, shading or a picture whose shape is not known


@dataclass(eq=False)
class Cell:
    text: str
    row: int = 0
    col: int = 0
    rowspan: int = 1
    colspan: int = 1
    marks: list[Mark] = field(default_factory=list)
    unsure: list[str] = field(default_factory=list)  # words read with little confidence (OCR)
    doubts: list[str] = field(default_factory=list)  # what the reader could not decide, in a maintainer's words
    nested: list[Table] = field(default_factory=list)

    @property
    def flat(self) -> str:
        """The text on one line, white space folded."""
        return " ".join(self.text.split())

    @property
    def lines(self) -> list[str]:
        return [" ".join(line.split()) for line in self.text.splitlines() if line.strip()]


@dataclass(eq=False)
class Table:
    """Rows of cells. ``aligned``: cells stand at their real columns (a Word, PDF or scanned table);
    False for extracted text, whose rows lost their empty cells and merged spans."""

    grid: list[list[Cell | None]]
    aligned: bool = True
    page: int | None = None  # the page it starts on, where the format has pages

    @property
    def width(self) -> int:
        return max((len(row) for row in self.grid), default=0)

    def at(self, r: int, c: int) -> Cell | None:
        row = self.grid[r] if 0 <= r < len(self.grid) else []
        return row[c] if 0 <= c < len(row) else None

    def cells(self, r: int) -> list[Cell]:
        """The distinct cells of row r that start in it or span into it, left to right."""
        out: list[Cell] = []
        for cell in self.grid[r]:
            if cell is not None and (not out or out[-1] is not cell) and cell not in out:
                out.append(cell)
        return out

    def own_cells(self, r: int) -> list[Cell]:
        """The cells that start in row r (a cell merged down from above is not repeated)."""
        return [c for c in self.cells(r) if c.row == r]

    def texts(self, r: int) -> list[str]:
        return [c.flat for c in self.cells(r)]

    def slice(self, start: int, end: int) -> Table:
        """Rows start..end as a table of their own (text: a document's lines cut into parts)."""
        copies: dict[int, Cell] = {}
        grid: list[list[Cell | None]] = []
        for row in self.grid[start:end]:
            out: list[Cell | None] = []
            for cell in row:
                if cell is not None and id(cell) not in copies:
                    copies[id(cell)] = replace(cell, row=max(0, cell.row - start))
                out.append(copies[id(cell)] if cell is not None else None)
            grid.append(out)
        return Table(grid, aligned=self.aligned, page=self.page)

    def all_cells(self) -> Iterator[Cell]:
        for r in range(len(self.grid)):
            yield from self.own_cells(r)


@dataclass(eq=False)
class Paragraph:
    text: str
    unsure: list[str] = field(default_factory=list)  # words read with little confidence (OCR)

    @property
    def flat(self) -> str:
        return " ".join(self.text.split())


Block = Paragraph | Table


@dataclass(eq=False)
class Document:
    """A document as its reader saw it: blocks in reading order, and what it could not place."""

    blocks: list[Block]
    kind: Literal["teks", "docx", "doc", "pdf", "pindaian"]
    pages: int = 1
    problems: list[str] = field(default_factory=list)  # what the reader saw and could not place

    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]


def table_from_rows(rows: list[list[Cell]], aligned: bool, page: int | None = None) -> Table:
    """A grid from rows of cells that each know their column and spans (rowspan reaching down)."""
    height = len(rows)
    width = max((c.col + c.colspan for row in rows for c in row), default=0)
    grid: list[list[Cell | None]] = [[None] * width for _ in range(height)]
    for r, row in enumerate(rows):
        for cell in row:
            cell.row = r
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    if r + dr < height and cell.col + dc < width:
                        grid[r + dr][cell.col + dc] = cell
    return Table(grid, aligned=aligned, page=page)
