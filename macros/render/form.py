"""The SOP AP flowchart table ("bentuk resmi"), as offices sign and print it.

One row per step: No, Kegiatan, one column per Pelaksana with the step's symbol in the acting lane
(capsule to start and end, rectangle for a process, diamond for a decision, pentagon for an
off-page connector), Mutu Baku (Kelengkapan, Waktu, Output) and Keterangan; connectors join the
symbols from row to row, with the branch labels of a decision.

Pure geometry: the record in, a ``Form`` out (pages of rows, symbols and connector lines in pixel
coordinates), which ``templates/form.html.j2`` writes as an HTML table with one inline SVG per page
over the lane columns. No JavaScript: it prints from any menu, opens from disk, and converts to PDF.

Every row has a planned height, so the SVG drawn over the lanes meets each row where the text cells
put it. The plan wraps each cell's text with the advance widths of Arial (which Liberation Sans and
Helvetica share; the form's font is one of them), and leaves room to spare. The table is cut into
pages that fit A4 landscape; a flow that leaves a page ends in an off-page connector naming the step
it continues at, and the page it continues on starts from one naming where it came from.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Literal

from .. import labels
from ..flow import edges
from ..model import Langkah, Sop, TidakDiketahui

Kind = Literal["terminator", "proses", "keputusan", "penghubung"]

# --- Sizes (CSS px; 96 px = 1 inch) ------------------------------------------------------------
TABLE_WIDTH = 1040  # A4 landscape less 10 mm margins is 1047 px
FONT = 11.0  # the form's text: 8.25 pt, above the 8 pt a printed form must keep
LINE = 14.0  # line height
PAD_X, PAD_Y = 5.0, 4.0  # cell padding
SAFETY = 1.06  # text is planned 6 % wider than Arial sets it
MIN_ROW = 58.0  # a symbol and its connector stub
CONNECTOR_ROW = 40.0  # a row of off-page connectors at a page's top or bottom
HEADER_FONT = FONT * 1.08  # bold header text, planned wider
LABEL_FONT = 11.0  # a branch label (Ya/Tidak): printed text, so 8 pt too
SYMBOL_Y = 26.0  # a symbol's centre below its row's top, level with the Kegiatan's first lines
SYMBOL_H = {"terminator": 26.0, "proses": 26.0, "keputusan": 38.0, "penghubung": 26.0}
# A4 landscape is 718 px high inside 10 mm margins; less the page title line and a margin for the
# browser's own rounding. The header rows are planned like any other row and taken off this.
PAGE_HEIGHT = 718.0 - 30.0
LANE_MIN = 40.0
LANE_SHARE = 0.34  # of the table's width, for the lanes, at most


@dataclass(frozen=True)
class Columns:
    no: float
    kegiatan: float
    lane: float
    lanes: int
    kelengkapan: float
    waktu: float
    output: float
    keterangan: float

    @property
    def lanes_width(self) -> float:
        return self.lane * self.lanes

    @property
    def total(self) -> float:
        return (
            self.no + self.kegiatan + self.lanes_width + self.kelengkapan + self.waktu + self.output + self.keterangan
        )


def columns(lanes: int, names: list[str] | None = None) -> Columns:
    """Column widths. The lanes take LANE_SHARE of the table, at least LANE_MIN each; where a lane's
    name has a word wider than that, as wide as that word (up to half the table for all lanes), so
    a name wraps between words. The text columns share the rest in the form's usual proportions."""
    lanes = max(lanes, 1)
    lane = max(LANE_MIN, min(110.0, TABLE_WIDTH * LANE_SHARE / lanes))
    words = [w for name in names or [] for w in name.split()]
    if words:
        widest = max(text_width(w, HEADER_FONT) for w in words) + 2 * PAD_X + 2
        lane = max(lane, min(widest, 110.0, TABLE_WIDTH * 0.5 / lanes))
    rest = TABLE_WIDTH - lane * lanes
    no = 30.0
    shares = {"kegiatan": 0.36, "kelengkapan": 0.19, "waktu": 0.11, "output": 0.19, "keterangan": 0.15}
    text = max(rest - no, 300.0)
    w = {k: math.floor(text * v) for k, v in shares.items()}
    return Columns(no=no, lane=lane, lanes=lanes, **w)


# --- Text widths --------------------------------------------------------------------------------
# Advance widths of Arial / Helvetica for ASCII 32..126, in thousandths of an em (the published
# metrics of the PostScript core fonts). Other characters are planned at 0.6 em.
_WIDTHS = (
    "278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278 556 556 556 556 556 556 556 556 556 556 "
    "278 278 584 584 584 556 1015 667 667 722 722 667 611 778 722 278 500 667 556 833 722 778 667 778 722 "
    "667 611 722 667 944 667 667 611 278 278 278 469 556 333 556 556 500 556 556 278 556 556 222 222 500 "
    "222 833 556 556 556 556 333 500 278 556 500 722 500 500 500 334 260 334 584"
)
_EM = {chr(32 + i): int(w) / 1000 for i, w in enumerate(_WIDTHS.split())}


def text_width(text: str, size: float = FONT) -> float:
    return sum(_EM.get(ch, 0.6) for ch in text) * size * SAFETY


def wrapped_lines(text: str, width: float, size: float = FONT) -> int:
    """Lines a text takes in a column ``width`` px wide, wrapped between words (a word longer than
    the line breaks where it must, as the form's CSS lets it)."""
    if width <= 0:
        return 1
    space = text_width(" ", size)
    total = 0
    for paragraph in text.split("\n") or [""]:
        lines, used = 1, 0.0
        for word in paragraph.split():
            w = text_width(word, size)
            if w > width:  # a word wider than the column: its own lines
                lines += (1 if used else 0) + math.ceil(w / width) - 1
                used = w % width or width
                continue
            if used and used + space + w > width:
                lines, used = lines + 1, w
            else:
                used = used + space + w if used else w
        total += lines
    return total


def cell_height(texts: list[str], width: float, size: float = FONT, line: float = LINE) -> float:
    inner = width - 2 * PAD_X - 1
    return sum(wrapped_lines(t, inner, size) for t in texts) * line + 2 * PAD_Y + 2


# --- The form -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Shape:
    kind: Kind
    x: float  # centre
    y: float
    w: float
    h: float
    step: int  # the step it stands for (a connector: the step it leads to or comes from)
    lane: int
    text: str = ""  # inside a connector: the step number it names
    title: str = ""  # what a screen reader and a tooltip say

    @property
    def top(self) -> tuple[float, float]:
        return (self.x, self.y - self.h / 2)

    @property
    def bottom(self) -> tuple[float, float]:
        return (self.x, self.y + self.h / 2)

    @property
    def right(self) -> tuple[float, float]:
        return (self.x + self.w / 2, self.y)

    @property
    def left(self) -> tuple[float, float]:
        return (self.x - self.w / 2, self.y)

    @property
    def points(self) -> str:
        """The outline of a diamond or a connector (pentagon pointing down), for an SVG polygon."""
        x, y, w, h = self.x, self.y, self.w, self.h
        if self.kind == "keputusan":
            pts = [(x, y - h / 2), (x + w / 2, y), (x, y + h / 2), (x - w / 2, y)]
        else:
            pts = [
                (x - w / 2, y - h / 2),
                (x + w / 2, y - h / 2),
                (x + w / 2, y + h / 6),
                (x, y + h / 2),
                (x - w / 2, y + h / 6),
            ]
        return " ".join(f"{px:.1f},{py:.1f}" for px, py in pts)


@dataclass(frozen=True)
class Connector:
    """A line from one symbol to another: a polyline ending in an arrowhead."""

    points: tuple[tuple[float, float], ...]
    source: int
    target: int
    label: str | None = None
    label_at: tuple[float, float] | None = None
    dashed: bool = False  # a multi-actor step's lanes, joined (no arrow)
    anchor: Literal["start", "end"] = "start"  # the label's side of label_at

    @property
    def path(self) -> str:
        return " ".join(f"{x:.1f},{y:.1f}" for x, y in self.points)

    @property
    def arrow(self) -> str:
        """The arrowhead at the last point, along the last segment."""
        (x0, y0), (x1, y1) = self.points[-2], self.points[-1]
        length = math.hypot(x1 - x0, y1 - y0) or 1.0
        ux, uy = (x1 - x0) / length, (y1 - y0) / length
        size, half = 7.0, 3.5
        bx, by = x1 - ux * size, y1 - uy * size
        pts = [(x1, y1), (bx - uy * half, by + ux * half), (bx + uy * half, by - ux * half)]
        return " ".join(f"{px:.1f},{py:.1f}" for px, py in pts)


@dataclass(frozen=True)
class Row:
    step: Langkah | None  # None: a row of off-page connectors
    top: float
    height: float
    place: Literal["langkah", "atas", "bawah"] = "langkah"


@dataclass
class Page:
    number: int
    rows: list[Row] = field(default_factory=list)
    shapes: list[Shape] = field(default_factory=list)
    connectors: list[Connector] = field(default_factory=list)

    @property
    def height(self) -> float:
        return sum(r.height for r in self.rows)

    @property
    def steps(self) -> list[int]:
        return [r.step.no for r in self.rows if r.step is not None]

    def band(self, row: Row) -> tuple[list[Shape], list[Connector]]:
        """What is drawn in ``row``: each row of the table holds its own slice of the page's drawing
        (an SVG whose viewBox is the row's band), so no cell spans rows and a page can break
        anywhere between rows in any renderer. A line through several rows is in each slice."""
        lo, hi = row.top, row.top + row.height
        shapes = [s for s in self.shapes if lo <= s.y < hi]
        lines = [c for c in self.connectors if min(y for _, y in c.points) < hi and max(y for _, y in c.points) >= lo]
        return shapes, lines


@dataclass(frozen=True)
class Form:
    columns: Columns
    lanes: tuple[str, ...]  # lane names as printed
    header: float  # the planned height of the lane-name header row
    pages: tuple[Page, ...]


def _texts(value: str | TidakDiketahui | None) -> list[str]:
    if value is None:
        return [labels.SITE["not_printed"]]
    if isinstance(value, TidakDiketahui):  # as _values.j2 writes it
        return [f"[{labels.SITE['unknown']}: {value.tidak_diketahui}]"]
    return [value]


def row_height(step: Langkah, cols: Columns) -> float:
    kegiatan = _texts(step.kegiatan) + [f"{chr(97 + i)}. {r}" for i, r in enumerate(step.rincian)]
    heights = [
        cell_height(kegiatan, cols.kegiatan),
        cell_height(_texts(step.mutu_baku.kelengkapan), cols.kelengkapan),
        cell_height(_texts(step.mutu_baku.waktu), cols.waktu),
        cell_height(_texts(step.mutu_baku.output), cols.output),
        cell_height(_texts(step.keterangan), cols.keterangan),
        cell_height([str(step.no)], cols.no),
    ]
    return math.ceil(max(MIN_ROW, *heights))


def header_height(lanes: list[str], cols: Columns) -> float:
    """The second header row: lane names (bold: planned wider) in their narrow columns."""
    names = [cell_height([n], cols.lane, HEADER_FONT) for n in lanes]
    fixed = [cell_height([labels.STEP_TABLE[k]], getattr(cols, k), HEADER_FONT) for k in ("kelengkapan", "output")]
    return math.ceil(max(24.0, *names, *fixed))


def layout(sop: Sop) -> Form:
    lane_index = {lane.id: i for i, lane in enumerate(sop.pelaksana)}
    names = [lane.nama for lane in sop.pelaksana]
    cols = columns(len(names), names)
    header = header_height(names, cols)
    heights = {step.no: row_height(step, cols) for step in sop.langkah}
    budget = PAGE_HEIGHT - header - LINE * 1.6  # the first header row (Pelaksana, Mutu Baku)
    pages = _paginate(sop.langkah, heights, budget)
    # A page has a row of off-page connectors at its head when a flow comes in from another page,
    # at its foot when one leaves for another page.
    index = {step.no: n for n, steps in enumerate(pages) for step in steps}
    drawn = {step.no for step in sop.langkah if _lanes_of(step, lane_index)}
    crossing = [(index[e.source], index[e.target]) for e in edges(sop) if {e.source, e.target} <= drawn]
    heads = {t for s, t in crossing if s != t}
    feet = {s for s, t in crossing if s != t}
    out: list[Page] = []
    for n, steps in enumerate(pages):
        page = Page(n + 1)
        y = 0.0
        if n in heads:
            page.rows.append(Row(None, y, CONNECTOR_ROW, "atas"))
            y += CONNECTOR_ROW
        for step in steps:
            page.rows.append(Row(step, y, heights[step.no]))
            y += heights[step.no]
        if n in feet:
            page.rows.append(Row(None, y, CONNECTOR_ROW, "bawah"))
        out.append(page)
    _draw(sop, out, cols, lane_index)
    return Form(cols, tuple(names), header, tuple(out))


def _paginate(steps: list[Langkah], heights: dict[int, float], budget: float) -> list[list[Langkah]]:
    if sum(heights.values()) <= budget:
        return [list(steps)]
    room = budget - 2 * CONNECTOR_ROW
    pages: list[list[Langkah]] = [[]]
    used = 0.0
    for step in steps:
        h = heights[step.no]
        if pages[-1] and used + h > room:
            pages.append([])
            used = 0.0
        pages[-1].append(step)
        used += h
    return pages


def _lanes_of(step: Langkah, lane_index: dict[str, int]) -> list[int]:
    return [lane_index[a] for a in step.pelaksana if a in lane_index]


def _symbol(step: Langkah) -> Kind:
    return {"mulai": "terminator", "selesai": "terminator", "keputusan": "keputusan"}.get(step.jenis, "proses")  # type: ignore[return-value]


def _title(step: Langkah) -> str:
    text = labels.SITE["unknown_title"] if isinstance(step.kegiatan, TidakDiketahui) else step.kegiatan
    return f"{labels.STEP_TABLE['step']} {step.no}: {text}"


def _draw(sop: Sop, pages: list[Page], cols: Columns, lane_index: dict[str, int]) -> None:
    w = cols.lane
    sym_w = min(w - 12.0, 64.0)
    page_of: dict[int, Page] = {}
    primary: dict[int, Shape] = {}
    for page in pages:
        for row in page.rows:
            if row.step is None:
                continue
            step = row.step
            page_of[step.no] = page
            actors = _lanes_of(step, lane_index)
            kind = _symbol(step)
            shapes = [
                Shape(kind, (k + 0.5) * w, row.top + SYMBOL_Y, sym_w, SYMBOL_H[kind], step.no, k, title=_title(step))
                for k in actors
            ]
            if shapes:
                primary[step.no] = shapes[0]
            if len(shapes) > 1:  # one step, several lanes: its symbols joined, as the swimlane does
                y = shapes[0].y
                ends = sorted(shapes, key=lambda s: s.x)
                page.connectors.append(
                    Connector(((ends[0].right[0], y), (ends[-1].left[0], y)), step.no, step.no, dashed=True)
                )
            page.shapes.extend(shapes)
    router = _Router(cols)
    for e in edges(sop):
        a, b = primary.get(e.source), primary.get(e.target)
        if a is None or b is None:
            continue
        pa, pb = page_of[e.source], page_of[e.target]
        first_branch = _first_branch(sop, e.source, e.target)
        if pa is pb:
            pa.connectors.append(router.route(pa, a, b, e.label, side=not first_branch))
            continue
        # Off the page: to a connector at this page's foot, and from one at the head of the other.
        out = router.connector(pa, "bawah", a.lane, e.target, labels.FLOW["to_step"].format(no=e.target))
        pa.connectors.append(router.route(pa, a, out, e.label, side=not first_branch))
        into = router.connector(pb, "atas", b.lane, e.source, labels.FLOW["from_step"].format(no=e.source))
        pb.connectors.append(router.route(pb, into, b, None))


def _first_branch(sop: Sop, source: int, target: int) -> bool:
    """Whether this edge leaves its symbol at the bottom: every edge but a decision's second branch."""
    step = next(s for s in sop.langkah if s.no == source)
    if step.jenis != "keputusan" or not step.cabang:
        return True
    return step.cabang[0].ke == target


class _Router:
    """Orthogonal connector paths within one page, around the symbols of the rows they pass."""

    def __init__(self, cols: Columns) -> None:
        self.cols = cols
        self.slots: dict[tuple[int, str, int], int] = {}

    def connector(self, page: Page, place: str, lane: int, step: int, title: str) -> Shape:
        row = next(r for r in page.rows if r.place == place)
        for s in page.shapes:  # one connector per lane, row and step it names
            if s.kind == "penghubung" and s.lane == lane and s.step == step and row.top <= s.y <= row.top + row.height:
                return s
        n = self.slots.get((page.number, place, lane), 0)
        self.slots[(page.number, place, lane)] = n + 1
        w = self.cols.lane
        size = min(28.0, w - 10.0)
        # A second connector in the same lane and row stands beside the first, alternately right and left.
        x = (lane + 0.5) * w + math.ceil(n / 2) * (size * 0.7) * (1 if n % 2 else -1)
        shape = Shape(
            "penghubung",
            x,
            row.top + row.height / 2 + (2 if place == "atas" else -2),
            size,
            24.0,
            step,
            lane,
            str(step),
            title,
        )
        page.shapes.append(shape)
        return shape

    def _clear(self, page: Page, lane: int, y0: float, y1: float, skip: tuple[Shape, ...]) -> bool:
        """No symbol of ``lane`` stands between y0 and y1 (the vertical line would cross it)."""
        lo, hi = min(y0, y1), max(y0, y1)
        return not any(
            s.lane == lane and s not in skip and s.y + s.h / 2 > lo and s.y - s.h / 2 < hi for s in page.shapes
        )

    def _channel(self, s: Shape, right: bool = True) -> float:
        """A vertical way beside the symbols of a lane, inside the lane: right of them, or left."""
        if right:
            return min(s.x + s.w / 2 + 8.0, (s.lane + 1) * self.cols.lane - 3.0)
        return max(s.x - s.w / 2 - 8.0, s.lane * self.cols.lane + 3.0)

    def _below(self, page: Page, s: Shape) -> float:
        """Where a line leaving ``s`` downwards turns: just above the bottom of its row."""
        row = next(r for r in page.rows if r.top <= s.y < r.top + r.height)
        return row.top + row.height - 7.0

    def route(self, page: Page, a: Shape, b: Shape, label: str | None, side: bool = False) -> Connector:
        forward = b.y > a.y
        anchor: Literal["start", "end"] = "start"
        if forward and not side:
            start = a.bottom
            if a.lane == b.lane and self._clear(page, b.lane, a.y + a.h / 2, b.y - b.h / 2, (a, b)):
                if abs(a.x - b.x) < 0.5:
                    pts: tuple[tuple[float, float], ...] = (start, b.top)
                else:  # a connector set beside another in the lane: a step across, just above it
                    y = b.top[1] - 6.0
                    pts = (start, (a.x, y), (b.x, y), b.top)
            else:
                turn = self._below(page, a)
                if self._clear(page, b.lane, turn, b.y - b.h / 2, (a, b)):
                    pts = (start, (a.x, turn), (b.x, turn), b.top)
                else:
                    ch = self._channel(b, right=True)
                    pts = (start, (a.x, turn), (ch, turn), (ch, b.y), b.right)
            at = (a.x + 4.0, a.y + a.h / 2 + 11.0)
        else:
            # Out of a side: a decision's second branch, and every way back up. The right side,
            # unless the label would not fit between the symbol and the last lane's edge.
            room = self.cols.lanes_width - a.right[0] - 4.0
            right = label is None or text_width(label, LABEL_FONT) <= room or a.left[0] - 4.0 < room
            start = a.right if right else a.left
            ch = self._channel(a, right)
            ch = max(ch, start[0] + 6.0) if right else min(ch, start[0] - 6.0)
            if a.lane == b.lane:
                pts = (start, (ch, a.y), (ch, b.y), b.right if right else b.left)
            elif forward:
                turn = self._below(page, a)
                pts = (start, (ch, a.y), (ch, turn), (b.x, turn), b.top)
            else:
                end = b.right if ch > b.x else b.left
                pts = (start, (ch, a.y), (ch, b.y), end)
            at = (start[0] + 2.0, a.y - 5.0) if right else (start[0] - 2.0, a.y - 5.0)
            anchor = "start" if right else "end"
        return Connector(_dedupe(pts), a.step, b.step, label, at if label else None, anchor=anchor)


def _dedupe(points: tuple[tuple[float, float], ...]) -> tuple[tuple[float, float], ...]:
    out: list[tuple[float, float]] = []
    for p in points:
        if not out or (abs(out[-1][0] - p[0]) > 0.05 or abs(out[-1][1] - p[1]) > 0.05):
            out.append(p)
    if len(out) == 1:
        out.append((out[0][0], out[0][1] + 1.0))
    return tuple(out)
