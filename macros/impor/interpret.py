"""The SOP AP form read from a grid: identity, the six boxes, the step table, the signer.

One interpreter for every format. It finds things by what they say (a label, a header word), never by
where one office happens to put them: an identity label anywhere with its value beside it, a box label
with its content beside or below it, a step table by its header words in one row or two, lanes by
the "Pelaksana" header above them or by their place between the activity and Mutu Baku columns, the
step number in its own column or at the start of the activity cell, the lane of a step by what is
drawn in its lane cell. What it cannot place it says (``problems``), never drops.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import partial

from .grid import Cell, Document, Mark, Paragraph, Symbol, Table
from .lists import split_items, split_lettered
from .people import Signer, read_signer

# --- Labels as offices print them -----------------------------------------------------------------

_COLON = r"\s*[:.]?\s*"
_ROMAN = r"(?:[IVX]+\.?\s+|\d+\.\s+)?"  # "I DASAR HUKUM", "1. Dasar Hukum"
IDENTITY_LABELS: list[tuple[str, str]] = [
    ("nomor", r"no(?:mor|\.)?\s*(?:sop|pos)(?:\s*ap)?"),
    ("pembuatan", r"(?:tgl\.?|tanggal)\s*pembuatan"),
    ("revisi", r"(?:tgl\.?|tanggal)\s*revisi"),
    ("efektif", r"(?:tgl\.?|tanggal)\s*(?:efekti[fp]|berlaku)"),
    ("pengesahan", r"(?:tgl\.?|tanggal)\s*(?:pengesahan|disahkan|ditetapkan)"),
    ("disahkan_oleh", r"disahkan\s*oleh|ditetapkan\s*oleh"),
    ("nama", r"(?:nama|judul)\s*(?:sop|pos)(?:\s*ap)?"),
]
DATE_KEYS = ("pembuatan", "revisi", "efektif", "pengesahan")
BOX_LABELS: list[tuple[str, str]] = [
    ("dasar_hukum", r"dasar\s*hukum"),
    ("kualifikasi_pelaksana", r"kualifikasi\s*pelaksana(?:an)?"),
    ("jumlah_pelaksana", r"jumlah\s*pelaksana"),
    # "Keterangan" where Keterkaitan belongs is a misprint offices make (seed 001); the step table's
    # Keterangan column is read before any box, so the two are not confused.
    ("keterkaitan", r"keter(?:kaitan|ikatan|angan)(?:\s*(?:dengan\s*)?sop(?:\s*lain)?)?"),
    (
        "peralatan_perlengkapan",
        r"(?:peralatan|perlengkapan)(?:\s*(?:/|dan|&)\s*(?:perlengkapan|kelengkapan|peralatan))?",
    ),
    ("peringatan", r"peringatan"),
    ("pencatatan_pendataan", r"pencatatan\s*(?:dan|/|&)?\s*pendataan|pencatatan|pendataan"),
]
# The labels as plainly written, for a scan whose OCR misread a letter of them.
_SPELLED: dict[int, list[tuple[str, str]]] = {
    id(IDENTITY_LABELS): [
        ("nomor", "nomor sop"), ("nomor", "no sop"), ("pembuatan", "tgl pembuatan"),
        ("pembuatan", "tanggal pembuatan"), ("revisi", "tgl revisi"), ("revisi", "tanggal revisi"),
        ("efektif", "tgl efektif"), ("efektif", "tanggal efektif"), ("pengesahan", "tgl pengesahan"),
        ("pengesahan", "tanggal pengesahan"), ("disahkan_oleh", "disahkan oleh"), ("nama", "nama sop"),
    ],
    id(BOX_LABELS): [
        ("dasar_hukum", "dasar hukum"), ("kualifikasi_pelaksana", "kualifikasi pelaksana"),
        ("keterkaitan", "keterkaitan"), ("peralatan_perlengkapan", "peralatan/perlengkapan"),
        ("peringatan", "peringatan"), ("pencatatan_pendataan", "pencatatan dan pendataan"),
        ("jumlah_pelaksana", "jumlah pelaksana"),
    ],
}  # fmt: skip

_ACTIVITY = re.compile(
    r"^(?:(?:uraian|tahap(?:an)?|langkah|deskripsi|rincian)\s*)?"
    r"(?:kegiatan|prosedur|aktivitas|aktifitas|pekerjaan)?(?:\s*yang\s*dilaksanakan)?$",
    re.IGNORECASE,
)
_NO = re.compile(r"^(?:no|no\.|nomor|#)$", re.IGNORECASE)
_PELAKSANA = re.compile(r"^pelaksana\b", re.IGNORECASE)
_MUTU_HEAD = re.compile(r"^mutu\s*(?:baku|buku)?$", re.IGNORECASE)
MUTU: dict[str, re.Pattern[str]] = {
    "kelengkapan": re.compile(
        r"^(?:persyaratan|kelengkapan|syarat|keleng|perlengkapan|peralatan|bahan|dokumen|input)", re.IGNORECASE
    ),
    "waktu": re.compile(r"^(?:waktu|durasi|jangka\s*waktu)", re.IGNORECASE),
    "output": re.compile(r"^(?:output|out\s*put|autput|hasil|keluaran)", re.IGNORECASE),
}
_KET = re.compile(r"^(?:ket|keterangan)\.?$", re.IGNORECASE)
_STEP_START = re.compile(r"^(\d+)\s*[.)]\s+(?=\S)")
_INT = re.compile(r"^(\d+)\.?$")
_UNIT_IN_HEAD = re.compile(r"\((menit|jam|hari|minggu|bulan)\)", re.IGNORECASE)
_TOTAL_ROW = re.compile(r"^(?:jumlah|total)(?:\s*waktu)?\b", re.IGNORECASE)
# A branch written beside the symbol ("Ya → 5", "Lengkap → 4") or in the Keterangan ("Ya: ke langkah 5").
_ARROW = re.compile(r"([^\n→;]*?)\s*(?:→|->)\s*((?:\d+\s*,\s*)*\d+)")
_KE_LANGKAH = re.compile(r"([^:;\n]+?)\s*:\s*ke\s*langkah\s*(\d+)", re.IGNORECASE)
_LANJUT = re.compile(r"^lanjut\s*ke\s*langkah\s*((?:\d+\s*,\s*)*\d+)\.?$", re.IGNORECASE)
_LEGEND = re.compile(r"^keterangan\s*(?:gambar|simbol)\s*:?$", re.IGNORECASE)
_SIGN_PLACE = re.compile(
    r"^(?:ditetapkan|disahkan|dikeluarkan)\s*(?:di\s*(?P<tempat>[^,]+?))?\s*,?\s*(?:pada\s*)?(?:tanggal\s*)?(?P<tanggal>.*)$",
    re.IGNORECASE,
)


def doubts_of(cell: Cell) -> list[str]:
    """What a reader was not sure of in a cell, in a maintainer's words."""
    out = list(cell.doubts)
    if cell.unsure:
        shown = ", ".join(f"'{w}'" for w in cell.unsure[:8]) + (" ..." if len(cell.unsure) > 8 else "")
        out.append(f"kata yang terbaca kurang pasti pada pindaian: {shown}")
    return out


def label_of(text: str, table: list[tuple[str, str]], fuzzy: bool = False) -> str | None:
    """The label a cell prints, or None. ``fuzzy`` (a scan): a label OCR misread by a letter or two
    ("Tal Penaesahan") is still its label."""
    for key, pattern in table:
        if re.fullmatch(_ROMAN + "(?:" + pattern + ")" + r"\s*:?", text.strip(), re.IGNORECASE):
            return key
    if fuzzy and 4 <= len(text) <= 40:
        plain = " ".join(re.sub(r"[^a-z/ ]", " ", text.casefold()).split())
        scored = [(SequenceMatcher(None, plain, name).ratio(), key) for key, name in _SPELLED.get(id(table), [])]
        best = max(scored, default=(0.0, None))
        if best[0] >= 0.8:
            return best[1]
    return None


# Labels whose value may follow with no colon at all ("NOMOR SOP /ORT.06/1703", "DISAHKAN OLEH Sekretaris").
_NO_COLON = {"nomor", "disahkan_oleh"}


def inline_label(text: str, table: list[tuple[str, str]]) -> tuple[str, str] | None:
    """'Nomor SOP : 44/ORT.06' -> ("nomor", "44/ORT.06")."""
    for key, pattern in table:
        colon = r"\s*:?\s*" if key in _NO_COLON else r"\s*:\s*"
        m = re.match(_ROMAN + "(?:" + pattern + ")" + colon + r"(\S.*)$", text.strip(), re.IGNORECASE | re.S)
        if m:
            return key, m.group(1).strip()
    return None


# --- What the interpreter makes of a document ------------------------------------------------------


@dataclass
class StepRow:
    no: int | None
    kegiatan: str
    rincian: list[str] = field(default_factory=list)
    lanes: list[int] = field(default_factory=list)  # lanes whose cell holds the step's mark
    symbols: list[Symbol | None] = field(default_factory=list)
    mark_kinds: list[str] = field(default_factory=list)
    lane_texts: dict[int, str] = field(default_factory=dict)  # words in lane cells that are not labels
    branches: list[tuple[str, int]] = field(default_factory=list)
    lanjut: list[int] = field(default_factory=list)
    kelengkapan: str = ""
    waktu: str = ""
    output: str = ""
    keterangan: str = ""
    number_in_activity: bool = False  # "3. Menerima ..." instead of a No column
    doubts: dict[str, list[str]] = field(default_factory=dict)  # field -> what the reader was not sure of


@dataclass
class Reading:
    cover: list[str] = field(default_factory=list)  # lines before the identity block
    kop: list[str] = field(default_factory=list)
    unit: str | None = None
    alamat: str | None = None
    identity: dict[str, str] = field(default_factory=dict)
    date_rows: list[str] = field(default_factory=list)
    signer: Signer | None = None
    signed_at: tuple[str | None, str] | None = None  # (place, date text) of a signature block
    boxes: dict[str, list[str]] = field(default_factory=dict)
    doubts: dict[str, list[str]] = field(default_factory=dict)  # record field -> what the reader was not sure of
    jumlah_pelaksana: str | None = None
    judul_tabel: str | None = None
    lanes: list[str] = field(default_factory=list)
    waktu_unit: str | None = None  # "menit" when the header prints "Waktu (menit)"
    steps: list[StepRow] = field(default_factory=list)
    waktu_total: str | None = None
    keterangan_gambar: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # rows and cells that could not be placed
    lane_marks_seen: bool = False  # the document draws the lanes (any mark in a lane cell)
    fuzzy: bool = False  # a scan: labels are matched allowing for a misread letter


# --- Walking the document ----------------------------------------------------------------------------


def interpret(document: Document) -> Reading:
    reading = Reading(problems=list(document.problems), fuzzy=document.kind == "pindaian")
    blocks = document.blocks
    used: set[int] = set()  # ids of cells already read as something
    walk = _Paragraphs(reading)
    i = 0
    after_table = False
    paragraphs_after: list[Paragraph] = []
    while i < len(blocks):
        block = blocks[i]
        if isinstance(block, Paragraph):
            if after_table or reading.steps:
                paragraphs_after.append(block)
            else:
                walk.paragraph(block, i)
            i += 1
            continue
        walk.close()
        if not block.aligned:
            _read_text_table(block, reading, used, paragraphs_after)
            after_table = bool(reading.steps)
            i += 1
            continue
        if _is_step_table(block):
            if reading.judul_tabel is None:
                reading.judul_tabel = _title_before(blocks, i, walk.consumed)
            tables = [block]
            while i + 1 < len(blocks) and _continues(blocks, i + 1, block):
                nxt = _next_table(blocks, i + 1)
                assert nxt is not None
                i = blocks.index(nxt)
                tables.append(nxt)
            _read_steps(tables, reading, used)
            after_table = True
            i += 1
            continue
        if after_table and paragraphs_after and _LEGEND.match(paragraphs_after[-1].flat):
            # "Keterangan Gambar:" and its table (symbol | meaning): the printed legend.
            paragraphs_after.pop()
            for r in range(len(block.grid)):
                texts = [t for t in block.texts(r) if t]
                if texts:
                    reading.keterangan_gambar.append(texts[-1])
            i += 1
            continue
        if not reading.identity and not reading.kop:
            _split_kop(walk.last_block, reading)  # the kop printed above the identity table
        _read_identity_and_boxes(block, reading, used)
        i += 1
    walk.close()
    _read_after(paragraphs_after, reading)
    return reading


class _Paragraphs:
    """Paragraphs before the step table: the cover and kop, and boxes printed as paragraphs (a bold
    label, then one paragraph per item) rather than in a table."""

    def __init__(self, reading: Reading) -> None:
        self.reading = reading
        self.box: str | None = None
        self.content: list[str] = []
        self.last_block: list[str] = []  # the last run of non-empty paragraphs (the kop above a table)
        self.consumed: set[int] = set()  # paragraphs read as box labels or items
        self.gap = False  # an empty paragraph since the last text

    def paragraph(self, block: Paragraph, index: int) -> None:
        lines = [line for line in block.text.splitlines() if line.strip()]
        first = " ".join(lines[0].split()) if lines else ""
        key = label_of(first, BOX_LABELS, self.reading.fuzzy) if first else None
        inline = inline_label(first, BOX_LABELS) if first and key is None else None
        if key or inline:
            self.close()
            self.box = key or (inline[0] if inline else None)
            self.content = [inline[1]] if inline else []
            self.content += lines[1:]
            self.consumed.add(index)
            return
        if self.box is not None:
            if not lines:
                if self.content:
                    self.close()
                return
            self.content.extend(lines)
            self.consumed.add(index)
            return
        if not lines:
            self.gap = True
            return
        if self.gap:
            self.last_block, self.gap = [], False
        self.last_block.extend(" ".join(line.split()) for line in lines)
        if not self.reading.identity:
            self.reading.cover.extend(" ".join(line.split()) for line in lines)

    def close(self) -> None:
        if self.box is None:
            return
        text = "\n".join(self.content)
        if self.box == "jumlah_pelaksana":
            self.reading.jumlah_pelaksana = self.reading.jumlah_pelaksana or (" ".join(text.split()) or None)
        elif self.box not in self.reading.boxes:
            self.reading.boxes[self.box] = split_items(text)
        self.box, self.content = None, []


def _read_text_table(table: Table, reading: Reading, used: set[int], after: list[Paragraph]) -> None:
    """Extracted text is one table of lines: the lines before the step table's header hold the cover,
    identity and boxes; the step rows follow; what comes after them is the signature block."""
    head = _header_row(table)
    end = len(table.grid) if head is None else head
    _read_identity_and_boxes(table.slice(0, end), reading, used)
    if head is None:
        return
    title = next(
        (" ".join(t for t in table.texts(r) if t) for r in range(head - 1, -1, -1) if any(table.texts(r))), None
    )
    if title and not label_of(title, BOX_LABELS) and reading.judul_tabel is None:
        reading.judul_tabel = title if _is_title(title) else None
    rest = table.slice(head, len(table.grid))
    last = _read_steps([rest], reading, used)
    after.extend(Paragraph(" ".join(t for t in rest.texts(r) if t)) for r in range(last, len(rest.grid)))


def _is_title(text: str) -> bool:
    """A line printed above a step table is its title unless it is a value of a box or identity row."""
    return bool(re.search(r"\b(flowchart|diagram|bagan|uraian|prosedur)\b", text, re.IGNORECASE))


def _title_before(blocks: list[Paragraph | Table], i: int, consumed: set[int]) -> str | None:
    """The table's printed title: the last non-empty paragraph right before it, if it is nothing else."""
    j = i - 1
    while j >= 0 and isinstance(block := blocks[j], Paragraph) and not block.text.strip():
        j -= 1
    if j >= 0 and j not in consumed and isinstance(block := blocks[j], Paragraph):
        text = block.flat
        if text and not label_of(text, BOX_LABELS) and not _SIGN_PLACE.match(text):
            return text
    return None


def _next_table(blocks: list[Paragraph | Table], start: int) -> Table | None:
    for block in blocks[start:]:
        if isinstance(block, Table):
            return block
        if block.text.strip():
            return None
    return None


def _continues(blocks: list[Paragraph | Table], start: int, first: Table) -> bool:
    """A table after only empty paragraphs that repeats the step table's header (the next page)."""
    nxt = _next_table(blocks, start)
    return nxt is not None and _is_step_table(nxt)


def _is_activity(text: str) -> bool:
    return bool(text.strip()) and bool(_ACTIVITY.match(text.strip()))


def _header_row(table: Table) -> int | None:
    for r in range(len(table.grid)):
        texts = [t for t in table.texts(r) if t]
        if any(_is_activity(t) for t in texts) and (
            any(_PELAKSANA.match(t) or _MUTU_HEAD.match(t) for t in texts)
            or sum(bool(p.match(t)) for t in texts for p in MUTU.values()) >= 2
        ):
            return r
    return None


def _is_step_table(block: Paragraph | Table) -> bool:
    return isinstance(block, Table) and _header_row(block) is not None


# --- Identity, boxes -------------------------------------------------------------------------------


def _read_identity_and_boxes(table: Table, reading: Reading, used: set[int]) -> None:
    block: list[str] = []  # text: the lines of the last paragraph before the identity block (the kop)
    for r in range(len(table.grid)):
        cells = table.cells(r) if table.aligned else table.own_cells(r)
        if (
            not table.aligned
            and not reading.identity
            and not reading.boxes
            and not any(_any_label(c, reading.fuzzy) for c in cells)
        ):
            lines = [c.flat for c in cells if c.flat]
            if not lines:
                block = []
            block.extend(lines)
            reading.cover.extend(lines)
            reading.kop = list(block)
            continue
        for j, cell in enumerate(cells):
            if id(cell) in used or not cell.flat:
                continue
            key = label_of(cell.flat, IDENTITY_LABELS, reading.fuzzy)
            value_cell: Cell | None = None
            if key is not None:
                value_cell = next((c for c in cells[j + 1 :] if id(c) not in used), None)
                value = value_cell.text if value_cell is not None else ""
            elif (found := inline_label(cell.text.splitlines()[0] if cell.text else "", IDENTITY_LABELS)) is not None:
                key, first = found
                value = "\n".join([first, *cell.text.splitlines()[1:]])
            if key is not None:
                used.add(id(cell))
                if value_cell is not None:
                    used.add(id(value_cell))
                    if doubts_of(value_cell):
                        field_name = f"tanggal.{key}" if key in DATE_KEYS else key
                        reading.doubts.setdefault(field_name, []).extend(doubts_of(value_cell))
                _identity(reading, key, value, table, cell)
                continue
            box = label_of(cell.lines[0] if cell.lines else "", BOX_LABELS, reading.fuzzy)
            if box is not None:
                used.add(id(cell))
                _box(reading, box, cell, table, r, cells, used)
    if table.aligned:
        _kop_cell(table, reading, used)


def _identity(reading: Reading, key: str, value: str, table: Table, label: Cell) -> None:
    if not reading.identity and not table.aligned:
        # Text: the kop is what stands left of the first label, else the paragraph before the block.
        left = [c.flat for c in table.own_cells(label.row) if c.col < label.col and c.flat]
        reading.kop = left or reading.kop
    if key in DATE_KEYS:
        if key not in reading.date_rows:
            reading.date_rows.append(key)
        reading.identity.setdefault(key, " ".join(value.split()).strip(" :"))
    elif key == "disahkan_oleh":
        reading.identity.setdefault(key, value.strip())
        reading.signer = read_signer(value)
    else:
        reading.identity.setdefault(key, " ".join(value.split()).strip(" :"))


def _box(reading: Reading, key: str, label: Cell, table: Table, r: int, cells: list[Cell], used: set[int]) -> None:
    """A box's content: after its label in the same cell, else the cell below it (a grid), else the
    rows below it in the same column until the next label (text: the next non-empty row)."""
    rest = label.text.split("\n", 1)[1] if "\n" in label.text.strip("\n") else ""
    inline = inline_label(label.lines[0], BOX_LABELS) if label.lines else None
    content: str | None = None
    unsure: list[str] = doubts_of(label)
    if inline is not None:
        content = "\n".join([inline[1], rest]).strip("\n")
    elif rest.strip():
        content = rest
    elif table.aligned:
        below = table.at(label.row + label.rowspan, label.col)
        if below is not None and id(below) not in used and not _any_label(below, reading.fuzzy):
            used.add(id(below))
            content = below.text
            unsure += doubts_of(below)
        else:
            content = ""
    else:
        content = _unaligned_below(table, r, cells.index(label), used)
    if key == "jumlah_pelaksana":
        reading.jumlah_pelaksana = reading.jumlah_pelaksana or (" ".join(content.split()) or None)
        return
    if key in reading.boxes:
        return
    reading.boxes[key] = split_items(content)
    if unsure:
        reading.doubts.setdefault(key, []).extend(unsure)


def _any_label(cell: Cell, fuzzy: bool = False) -> bool:
    first = cell.lines[0] if cell.lines else ""
    return bool(first) and (
        label_of(first, BOX_LABELS, fuzzy) is not None
        or label_of(first, IDENTITY_LABELS, fuzzy) is not None
        or inline_label(first, BOX_LABELS) is not None
    )


def _unaligned_below(table: Table, r: int, position: int, used: set[int]) -> str:
    """Text rows: the next non-empty row holds the contents at the same places (unless it is labels)."""
    for k in range(r + 1, len(table.grid)):
        row = table.own_cells(k)
        if not any(c.flat for c in row):
            continue
        if all(_any_label(c) for c in row if c.flat):
            return ""
        cell = row[position] if position < len(row) else None
        if cell is None:
            return ""
        used.add(id(cell))
        return cell.text
    return ""


# Unit lines and addresses in a kop: the office prints its unit under its name, its address last.
_UNIT = re.compile(
    r"^(?:sub\s*bag(?:ian)?|subbag(?:ian)?|bagian|seksi|bidang|sub\s*bidang|unit|upt\b|uptd\b|sub\s*unit|biro|"
    r"instalasi|sekretariat$|urusan|ruang|poli)",
    re.I,
)
_ADDRESS = re.compile(
    r"(?:\bjl\.|\bjalan\b|\btelp\b|\btelepon\b|\bfax\b|\bfaks\b|\bkode\s*pos\b|\be-?mail\b|\blaman\b|\bwebsite\b)", re.I
)


def _kop_cell(table: Table, reading: Reading, used: set[int]) -> None:
    """The cell left of the identity labels, merged down over them: the logo and the kop lines."""
    if reading.kop or not reading.identity:
        return
    for r in range(len(table.grid)):
        for cell in table.own_cells(r):
            if id(cell) in used or not cell.lines or _any_label(cell, reading.fuzzy):
                continue
            if cell.rowspan >= 2 and cell.col == 0:
                used.add(id(cell))
                _split_kop(cell.lines, reading)
                if doubts_of(cell):
                    reading.doubts.setdefault("kop", []).extend(doubts_of(cell))
                return


def _split_kop(lines: list[str], reading: Reading) -> None:
    kop = list(lines)
    if kop and _ADDRESS.search(kop[-1]):
        reading.alamat = kop.pop()
    if len(kop) > 1 and _UNIT.match(kop[-1]):
        reading.unit = kop.pop()
    reading.kop = kop


# --- The step table --------------------------------------------------------------------------------


@dataclass
class Columns:
    no: int | None = None
    activity: int = 0
    lanes: list[int] = field(default_factory=list)
    lane_names: list[str] = field(default_factory=list)
    mutu: dict[str, int] = field(default_factory=dict)
    keterangan: int | None = None
    first_data_row: int = 0
    width: int = 0
    waktu_unit: str | None = None  # "Waktu (menit)": the unit the header gives every cell
    guessed: dict[str, str] = field(default_factory=dict)  # Mutu Baku columns placed by their order


def _mutu_key(text: str, fuzzy: bool) -> str | None:
    """Which Mutu Baku column a header names; in a scan also a header OCR misread ("Wakt")."""
    key = next((k for k, p in MUTU.items() if p.match(text)), None)
    if key is None and fuzzy and text:
        plain = " ".join(re.sub(r"[^a-z ]", " ", text.casefold()).split())
        scored = max((SequenceMatcher(None, plain, name).ratio(), k) for k, name in _MUTU_SPELLED)
        key = scored[1] if scored[0] >= 0.7 else None
    return key


_MUTU_SPELLED = [
    ("kelengkapan", "kelengkapan"), ("kelengkapan", "persyaratan"), ("kelengkapan", "persyaratan kelengkapan"),
    ("waktu", "waktu"), ("output", "output"), ("output", "hasil"),
]  # fmt: skip


def _columns(table: Table, head: int, fuzzy: bool = False) -> Columns:
    """Column roles from the header rows: the row with the activity header, and the rows under it
    that continue the header (lane names, Kelengkapan/Waktu/Output), up to the first data row."""
    out = Columns(width=table.width)
    rows = [head]
    r = head + 1
    # The header continues on the rows under it that name lanes' columns and Mutu Baku parts
    # (Kelengkapan, Waktu, Output); the first row that does not is a data row (or the column numbers).
    while r < len(table.grid) and r <= head + 2 and _continues_header(table, r):
        rows.append(r)
        r += 1
    out.first_data_row = r
    if not table.aligned:
        return _columns_unaligned(table, rows, out)
    for c in range(table.width):
        heads: list[tuple[str, Cell]] = []
        for row in rows:
            cell = table.at(row, c)
            if cell is not None and cell.flat and (not heads or heads[-1][1] is not cell):
                heads.append((cell.flat, cell))
        words = [h for h, _ in heads]
        if not words:
            continue
        bottom = words[-1]
        if any(_NO.match(w) for w in words) and out.no is None:
            out.no = c
        elif any(_is_activity(w) for w in words):
            out.activity = c
        elif any(_KET.match(w) for w in words):
            out.keterangan = c
        elif (key := _mutu_key(bottom, fuzzy)) is not None:
            out.mutu.setdefault(key, c)
        elif any(_PELAKSANA.match(w) for w in words[:-1]) or (len(words) == 1 and not _MUTU_HEAD.match(bottom)):
            out.lanes.append(c)
            out.lane_names.append(bottom)
    _missing_mutu(table, rows, out)
    if "waktu" in out.mutu:
        cell = table.at(rows[-1], out.mutu["waktu"])
        unit = _UNIT_IN_HEAD.search(cell.flat if cell else "")
        out.waktu_unit = unit.group(1).casefold() if unit else None
    return out


def _missing_mutu(table: Table, rows: list[int], out: Columns) -> None:
    """A Mutu Baku column whose header did not read (a scan): where the form's order puts it
    (Kelengkapan, Waktu, Output), one column with no role of its own takes it, and says so."""
    order = ["kelengkapan", "waktu", "output"]
    missing = [k for k in order if k not in out.mutu]
    if len(missing) != 1 or len(out.mutu) != 2:
        return
    known = {out.no, out.activity, out.keterangan, *out.lanes, *out.mutu.values()}
    free = [c for c in range(table.width) if c not in known and any(table.at(r, c) is not None for r in rows)]
    key = missing[0]
    before = [out.mutu[k] for k in order[: order.index(key)] if k in out.mutu]
    after = [out.mutu[k] for k in order[order.index(key) + 1 :] if k in out.mutu]
    fits = [c for c in free if all(c > b for b in before) and all(c < a for a in after)]
    if len(fits) == 1:
        out.mutu[key] = fits[0]
        out.guessed[key] = f"kepala kolom {key.capitalize()} tidak terbaca; kolom ini disimpulkan dari letaknya"


def _columns_unaligned(table: Table, rows: list[int], out: Columns) -> Columns:
    """Text: the header lost its spans; the row with the Mutu Baku labels places the lanes between
    the activity column and the first Mutu Baku column (the old reader's rule, kept)."""
    top = [c.flat for c in table.own_cells(rows[0])]
    sub = [c.flat for c in table.own_cells(rows[-1])] if len(rows) > 1 else top
    out.activity = next(j for j, t in enumerate(top) if _is_activity(t))
    out.no = next((j for j, t in enumerate(top) if _NO.match(t)), None)
    found = {key: next((j for j, t in enumerate(sub) if p.match(t)), None) for key, p in MUTU.items()}
    first_mutu = min((j for j in found.values() if j is not None), default=len(sub))
    out.lanes = [j for j in range(out.activity + 1, first_mutu) if j < len(sub) and sub[j]]
    out.lane_names = [sub[j] for j in out.lanes]
    order = sorted((j, key) for key, j in found.items() if j is not None)
    out.mutu = {key: first_mutu + n for n, (_, key) in enumerate(order)}
    if any(_KET.match(t) for t in top):
        out.keterangan = first_mutu + len(order)
    out.width = (out.keterangan if out.keterangan is not None else first_mutu + len(order) - 1) + 1
    unit = next((_UNIT_IN_HEAD.search(t) for t in sub if MUTU["waktu"].match(t) and _UNIT_IN_HEAD.search(t)), None)
    out.waktu_unit = unit.group(1).casefold() if unit else None
    return out


def _continues_header(table: Table, r: int) -> bool:
    texts = [c.flat for c in table.own_cells(r) if c.flat]
    if not texts or _column_numbers(table, r) or _data_row_start(table, r) is not None:
        return False
    if any(_STEP_START.match(t) for t in texts):
        return False
    return any(p.match(t) for t in texts for p in (*MUTU.values(), _PELAKSANA, _MUTU_HEAD, _KET))


def _column_numbers(table: Table, r: int) -> bool:
    """A printed column-number row: 1, 2, 3 ... (in order, maybe skipping one) across the table."""
    texts = [c.flat for c in table.own_cells(r)]
    numbers = [int(m.group(1)) for t in texts if (m := _INT.match(t))]
    if len(numbers) < 3 or numbers[0] not in (1, 0):
        return False
    if len(numbers) < len([t for t in texts if t]):
        # A scan's number row with a digit or two misread ("a" for 8): short cells, mostly numbers.
        short = all(len(t) <= 3 for t in texts)
        return short and len(numbers) >= len(texts) * 0.6 and numbers == sorted(numbers) and len(texts) >= 5
    return all(b > a for a, b in zip(numbers, numbers[1:], strict=False)) and len(numbers) >= len(texts) - 1


def _data_row_start(table: Table, r: int) -> int | None:
    cells = table.own_cells(r)
    if cells and _INT.match(cells[0].flat) and not _column_numbers(table, r):
        return int(_INT.match(cells[0].flat).group(1))  # type: ignore[union-attr]
    return None


def _read_steps(tables: list[Table], reading: Reading, used: set[int]) -> int:
    """The steps of a table and its continuations; returns the row after the last step of the last table."""
    last = 0
    for n, table in enumerate(tables):
        head = _header_row(table)
        assert head is not None
        cols = _columns(table, head, reading.fuzzy)
        if n == 0:
            for i, name in enumerate(cols.lane_names):
                if not name or _PELAKSANA.match(name) and len(cols.lane_names) > 1 or _MUTU_HEAD.match(name):
                    # The lane's own name did not read (a scan): the group's header stands in its place.
                    reading.doubts.setdefault(f"pelaksana[{i + 1}].nama", []).append(
                        f"nama lajur ke-{i + 1} tidak terbaca (terbaca '{name}')"
                    )
            reading.lanes = cols.lane_names
            reading.waktu_unit = cols.waktu_unit
            for i, c in enumerate(cols.lanes):
                cell = table.at(cols.first_data_row - 1, c)
                if cell is not None and doubts_of(cell):
                    reading.doubts.setdefault(f"pelaksana[{i + 1}].nama", []).extend(doubts_of(cell))
        elif cols.lane_names != reading.lanes:
            reading.problems.append(
                f"tabel langkah berlanjut di halaman berikut dengan kepala kolom lain ({'; '.join(cols.lane_names)}); "
                "dibaca dengan kolom halaman pertama"
            )
        # Rows above the header (a title row inside the table) are not steps.
        for r in range(head):
            text = " ".join(t for t in table.texts(r) if t)
            if text and reading.judul_tabel is None:
                reading.judul_tabel = text
        if table.aligned:
            _aligned_rows(table, cols, reading)
            last = len(table.grid)
        else:
            last = _unaligned_rows(table, cols, reading)
    return last


def _aligned_rows(table: Table, cols: Columns, reading: Reading) -> None:
    for r in range(cols.first_data_row, len(table.grid)):
        if _column_numbers(table, r) or _header_row_again(table, r):
            continue
        cells = table.own_cells(r)
        texts = [c.flat for c in cells if c.flat]
        marks = any(table.at(r, c) is not None and table.at(r, c).marks for c in cols.lanes)  # type: ignore[union-attr]
        if not texts and not marks:
            continue
        first = cells[0].flat if cells else ""
        if _TOTAL_ROW.match(first) and "waktu" in cols.mutu:
            total = table.at(r, cols.mutu["waktu"])
            reading.waktu_total = total.flat if total is not None and total is not cells[0] else None
            continue
        step = _step_from(partial(table.at, r), cols, reading)
        if step is None and reading.fuzzy and _has_activity(table, r, cols) and _numbered_next(table, r, cols, reading):
            # A scan's step row whose number did not read, between two that did: the number between.
            step = _step_from(partial(table.at, r), cols, reading, number=_last_number(reading) + 1)
            if step is not None:
                step.doubts["no"] = [
                    "nomor langkah tidak terbaca; diisi nomor di antara langkah sebelum dan sesudahnya"
                ]
        if step is None:
            reading.problems.append(f"baris tabel langkah tanpa nomor langkah: '{' | '.join(texts)[:120]}'")
            continue
        reading.steps.append(step)


def _header_row_again(table: Table, r: int) -> bool:
    texts = [t for t in table.texts(r) if t]
    return bool(texts) and (
        any(_is_activity(t) for t in texts)
        or all(
            _PELAKSANA.match(t) or _MUTU_HEAD.match(t) or any(p.match(t) for p in MUTU.values()) or _KET.match(t)
            for t in texts
        )
    )


def _last_number(reading: Reading) -> int:
    return next((s.no for s in reversed(reading.steps) if s.no is not None), 0)


def _numbered_next(table: Table, r: int, cols: Columns, reading: Reading) -> bool:
    """The next row that has a number has the number two after the last step's: one is missing here."""
    last = _last_number(reading)
    for k in range(r + 1, len(table.grid)):
        cell = table.at(k, cols.no) if cols.no is not None else table.at(k, cols.activity)
        text = cell.flat if cell is not None else ""
        m = _INT.match(text) or _STEP_START.match(text)
        if m:
            return int(m.group(1)) == last + 2
    return False


def _has_activity(table: Table, r: int, cols: Columns) -> bool:
    cell = table.at(r, cols.activity)
    return cell is not None and len(cell.flat) >= 8


def _step_from(at, cols: Columns, reading: Reading, number: int | None = None) -> StepRow | None:  # type: ignore[no-untyped-def]
    def text(c: int | None) -> str:
        cell = at(c) if c is not None else None
        return cell.text if cell is not None else ""

    activity_cell = at(cols.activity)
    activity = activity_cell.text if activity_cell is not None else ""
    no: int | None = None
    in_activity = False
    if cols.no is not None:
        m = _INT.match(" ".join(text(cols.no).split()))
        no = int(m.group(1)) if m else None
    if no is None:
        m = _STEP_START.match(activity.strip())
        if m:
            no, in_activity = int(m.group(1)), True
            activity = activity.strip()[m.end() :]
    if no is None:
        if number is None:
            return None
        no = number
    kegiatan, rincian = _activity(activity)
    step = StepRow(no, kegiatan, rincian, number_in_activity=in_activity)
    for key in ("kelengkapan", "waktu", "output"):
        if key in cols.mutu:
            cell = at(cols.mutu[key])
            setattr(step, key, cell.flat if cell is not None and cell is not activity_cell else "")
            doubts = (doubts_of(cell) if cell is not None else []) + (
                [cols.guessed[key]] if key in cols.guessed else []
            )
            if doubts:
                step.doubts[f"mutu_baku.{key}"] = doubts
    if cols.keterangan is not None:
        cell = at(cols.keterangan)
        if cell is not None:
            step.keterangan = _keterangan(cell.text, step)
            if doubts_of(cell):
                step.doubts["keterangan"] = doubts_of(cell)
    if activity_cell is not None and doubts_of(activity_cell):
        step.doubts["kegiatan"] = doubts_of(activity_cell)
    seen: list[Cell] = []
    for lane, c in enumerate(cols.lanes):
        cell = at(c)
        if cell is None:
            continue
        if cell.marks:
            reading.lane_marks_seen = True
            step.lanes.append(lane)
            if cell not in seen:
                seen.append(cell)
                step.symbols.extend(m.symbol for m in cell.marks if m.symbol)
                step.mark_kinds.extend(m.kind for m in cell.marks)
        if cell.flat and cell not in seen[:-1]:
            rest = _branch_labels(cell.text, step)
            if rest:
                step.lane_texts[lane] = rest
    return step


def _activity(text: str) -> tuple[str, list[str]]:
    """The activity and its lettered sub-items: "a." lines after it, or "a. ... b. ..." inline."""
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    if len(lines) > 1 and any(re.match(r"^[a-z][.)]\s", line) for line in lines[1:]):
        main: list[str] = []
        items: list[str] = []
        for line in lines:
            m = re.match(r"^[a-z][.)]\s+(.*)$", line)
            if m and (items or main):
                items.append(m.group(1))
            elif items:
                items[-1] += " " + line
            else:
                main.append(line)
        return " ".join(main), items
    return split_lettered(" ".join(lines))


def _branch_labels(text: str, step: StepRow) -> str:
    """Branches written in a lane cell ("Ya → 5", "→ 7"); returns what else the cell says."""
    rest: list[str] = []
    for line in text.splitlines():
        found = False
        for m in _ARROW.finditer(line):
            label = m.group(1).strip()
            targets = [int(t) for t in re.findall(r"\d+", m.group(2))]
            if label:
                step.branches.append((label, targets[0]))
            else:
                step.lanjut.extend(targets)
            found = True
        leftover = _ARROW.sub("", line).strip(" ;,")
        if leftover and not found:
            rest.append(" ".join(line.split()))
        elif leftover:
            rest.append(leftover)
    return " ".join(rest)


def _keterangan(text: str, step: StepRow) -> str:
    """The Keterangan as printed; a line that states the branches or the next step ("Ya: ke langkah 5;
    Tidak: ke langkah 2", "Lanjut ke langkah 7") also gives the flow."""
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    for flat in lines:
        parts = [p.strip() for p in flat.split(";") if p.strip()]
        branches = [_KE_LANGKAH.fullmatch(p) for p in parts]
        lanjut = _LANJUT.match(flat)
        if parts and all(branches):
            step.branches.extend((m.group(1).strip(), int(m.group(2))) for m in branches if m)
        elif lanjut:
            step.lanjut.extend(int(t) for t in re.findall(r"\d+", lanjut.group(1)))
    return " ".join(lines)


def _unaligned_rows(table: Table, cols: Columns, reading: Reading) -> int:
    """Text rows: a row short of cells lost empty ones before its Mutu Baku, so those are counted
    from the right end; the table ends at the first row after the steps that is not a step.
    Returns that row."""
    for r in range(cols.first_data_row, len(table.grid)):
        cells = table.own_cells(r)
        texts = [c.flat for c in cells if c.flat]
        m = _INT.match(cells[0].flat) if cells else None
        if not m:
            if texts and reading.steps:
                return r
            continue
        shift = max(0, cols.width - len(cells))

        def at(c: int | None, cells: list[Cell] = cells, shift: int = shift) -> Cell | None:
            if c is None:
                return None
            j = c - shift if (c in cols.mutu.values() or c == cols.keterangan) else c
            return cells[j] if 0 <= j < len(cells) else None

        step = _step_from(at, cols, reading)
        if step is not None:
            # Text keeps no drawings; what a lane cell says is a label (or a stray word), never a mark.
            reading.steps.append(step)
    return len(table.grid)


# --- After the table: legend, signature block ------------------------------------------------------


def _read_after(paragraphs: list[Paragraph], reading: Reading) -> None:
    lines = [p.flat for p in paragraphs]
    i = 0
    while i < len(lines):
        line = lines[i]
        if _LEGEND.match(line) and not reading.keterangan_gambar:
            # The legend printed as lines (a PDF loses its borderless table): one meaning a line.
            i += 1
            while i < len(lines) and not _SIGN_PLACE.match(lines[i]):
                if lines[i]:
                    reading.keterangan_gambar.append(lines[i])
                i += 1
            continue
        m = _SIGN_PLACE.match(line) if line else None
        if m and (m.group("tempat") or m.group("tanggal")):
            rest = [t for t in lines[i + 1 :] if t]
            date_text = m.group("tanggal").strip(" ,")
            if not date_text and rest and re.match(r"^pada\s*tanggal", rest[0], re.I):
                date_text = re.sub(r"^pada\s*tanggal\s*", "", rest.pop(0), flags=re.I)
            reading.signed_at = (m.group("tempat").strip() if m.group("tempat") else None, date_text)
            words = [w for p in paragraphs[i:] for w in p.unsure]
            if words:
                shown = ", ".join(f"'{w}'" for w in words[:8])
                reading.doubts.setdefault("disahkan_oleh", []).append(
                    f"kata yang terbaca kurang pasti pada pindaian: {shown}"
                )
            block = read_signer("\n".join(rest))
            reading.signer = _merge_signer(reading.signer, block)
            return
        i += 1


def _merge_signer(identity: Signer | None, block: Signer) -> Signer:
    """The identity's Disahkan Oleh (often the jabatan only) completed by the signature block."""
    if identity is None:
        return block
    return Signer(
        jabatan=identity.jabatan or block.jabatan,
        nama=identity.nama or block.nama,
        pangkat=identity.pangkat or block.pangkat,
        nip=identity.nip or block.nip,
        guessed=identity.guessed + block.guessed,
    )


def marks_symbol(marks: list[Mark]) -> Symbol | None:
    return next((m.symbol for m in marks if m.symbol), None)
