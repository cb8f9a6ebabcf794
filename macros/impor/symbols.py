"""Which flowchart symbol a drawing is, from its outline: for pictures, PDF drawings and scans.

The SOP AP symbols differ where their outline meets the corners of its bounding box: a rectangle
(proses) fills its corners; a capsule (terminator: mulai/selesai) leaves the corners empty but runs
flat along the top and bottom; a diamond (keputusan) touches its box only at the middle of each side;
an off-page connector (pentagon) is a rectangle above and a point below.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from .grid import Symbol

# Pixels darker than this (0-255) are ink.
INK = 140


def classify(ink: Sequence[Sequence[bool]]) -> Symbol | None:
    """The symbol an ink mask (rows of True/False, cropped to the drawing) shows, or None."""
    h = len(ink)
    w = len(ink[0]) if h else 0
    if h < 6 or w < 6:
        return None

    def filled(y0: float, y1: float, x0: float, x1: float) -> float:
        ys = range(int(y0 * h), max(int(y0 * h) + 1, int(y1 * h)))
        xs = range(int(x0 * w), max(int(x0 * w) + 1, int(x1 * w)))
        cells = [ink[y][x] for y in ys for x in xs if 0 <= y < h and 0 <= x < w]
        return sum(cells) / len(cells) if cells else 0.0

    # The very corners (a few pixels, however thick the outline): inked only where the outline turns
    # a sharp corner there, as a rectangle's does; a capsule's rounded ends and a diamond leave them empty.
    cy, cx = max(2, int(h * 0.06)) / h, max(2, int(w * 0.04)) / w
    corners = [filled(0, cy, 0, cx), filled(0, cy, 1 - cx, 1), filled(1 - cy, 1, 0, cx), filled(1 - cy, 1, 1 - cx, 1)]
    top_quarter = filled(0, 0.1, 0.2, 0.35)  # the top edge, a little left of the middle
    bottom_quarter = filled(0.9, 1, 0.2, 0.35)
    bottom_corners = corners[2:]
    if min(corners[:2]) > 0.5 and max(bottom_corners) < 0.2 and filled(0.9, 1, 0.4, 0.6) > 0.1:
        return "penghubung"
    if min(corners) > 0.5:
        return "proses"
    if top_quarter > 0.1 and bottom_quarter > 0.1:
        return "terminator"
    if max(corners) < 0.1 and filled(0, 0.1, 0.4, 0.6) > 0.05 and filled(0.4, 0.6, 0, 0.08) > 0.05:
        return "keputusan"
    return None


def mask_of_image(data: bytes) -> list[list[bool]] | None:
    """An ink mask of a picture, cropped to its ink; None when it cannot be opened or is blank."""
    try:
        from PIL import Image

        image = Image.open(io.BytesIO(data))
        image.load()
    except Exception:  # a picture format Pillow does not know (EMF/WMF from old Word files)
        return None
    gray = image.convert("RGBA")
    background = Image.new("RGBA", gray.size, (255, 255, 255, 255))
    gray = Image.alpha_composite(background, gray).convert("L")
    if max(gray.size) > 200:
        gray.thumbnail((200, 200))
    w, h = gray.size
    pixels = list(gray.tobytes())  # mode L: one byte per pixel
    rows = [[pixels[y * w + x] < INK for x in range(w)] for y in range(h)]
    return crop(rows)


def crop(rows: list[list[bool]]) -> list[list[bool]] | None:
    ys = [y for y, row in enumerate(rows) if any(row)]
    xs = [x for x in range(len(rows[0]) if rows else 0) if any(row[x] for row in rows)]
    if not ys or not xs:
        return None
    return [row[xs[0] : xs[-1] + 1] for row in rows[ys[0] : ys[-1] + 1]]


def of_image(data: bytes) -> Symbol | None:
    mask = mask_of_image(data)
    return classify(mask) if mask else None


# DrawingML preset geometries and VML shapes as SOP AP symbols.
PRESETS: dict[str, Symbol] = {
    "flowChartTerminator": "terminator",
    "roundRect": "terminator",
    "flowChartAlternateProcess": "terminator",
    "ellipse": "terminator",
    "rect": "proses",
    "flowChartProcess": "proses",
    "diamond": "keputusan",
    "flowChartDecision": "keputusan",
    "flowChartOffpageConnector": "penghubung",
    "homePlate": "penghubung",
    "pentagon": "penghubung",
}
VML: dict[str, Symbol] = {"roundrect": "terminator", "oval": "terminator", "rect": "proses"}
# The symbol a lane cell names in words, where an office writes them instead of drawing.
WORDS: dict[str, Symbol] = {
    "mulai": "terminator",
    "selesai": "terminator",
    "terminator": "terminator",
    "proses": "proses",
    "kegiatan": "proses",
    "keputusan": "keputusan",
    "penghubung": "penghubung",
}
