"""`sop impor`: draft a record from an SOP AP document that already exists (extracted text or .docx).

The draft is a starting point for a maintainer, never a finished record: every value the importer
guessed, reconstructed or did not find gets a `catatan_transkripsi` entry, so the review knows
where to look. Nothing is invented: a cell that cannot be read is `tidak_diketahui`.

Both inputs become rows of cells first (a text line split at tabs or `|`, a Word table row), and
one reader turns the rows into a draft. A .docx says more than its text: a drawing or shape in a
lane cell of the step table marks the lane that does the step.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import labels
from .checks.dasar_hukum import number_matches, read_citation
from .model import Jabatan, Regulasi, Satker

SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/sop.schema.json\n"


@dataclass
class Cell:
    text: str
    mark: bool = False  # a drawing, shape or tick in the cell (a flowchart symbol)


@dataclass
class Report:
    """What the importer found, for the maintainer: printed by `sop impor`, tested for its shares."""

    satker: str | None = None
    lanes: list[str] = field(default_factory=list)
    steps: int = 0
    waktu: int = 0
    dasar_hukum: list[tuple[str, str | None]] = field(default_factory=list)  # (printed, matched id)
    suggestions: dict[str, dict] = field(default_factory=dict)  # new registry entries to consider


# --- Reading the inputs into rows -----------------------------------------------------------------

_TAG = re.compile(r"<[^>]+>")


def _clean(text: str) -> str:
    text = html.unescape(_TAG.sub(" ", text)).replace("**", " ").replace("\u00a0", " ")
    return " ".join(text.split())


def text_rows(text: str) -> list[list[Cell]]:
    """Each line of extracted text as cells: Word and PDF extraction separate table cells by tabs."""
    rows = []
    for line in text.splitlines():
        cells = re.split(r"\t| \| |\|", line) if "\t" not in line else line.split("\t")
        rows.append([Cell(_clean(c)) for c in cells])
    return rows


_DRAWING = ("}drawing", "}pict", "}shape", "}AlternateContent", "}rect", "}oval", "}line")
_TICKS = {"x", "√", "✓", "✔", "v", "•", "●"}


def docx_rows(path: Path) -> list[list[Cell]]:
    """The document's paragraphs and table rows in order; merged cells count once."""
    import docx  # python-docx: only `sop impor` of a .docx needs it

    document = docx.Document(str(path))
    rows: list[list[Cell]] = []
    body = document.element.body
    tables = iter(document.tables)
    paragraphs = iter(document.paragraphs)
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            rows.append([Cell(_clean(next(paragraphs).text))])
        elif tag == "tbl":
            for row in next(tables).rows:
                cells, seen = [], set()
                for cell in row.cells:
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    # One line per paragraph: Word's automatic numbering is not in the text, so a
                    # box's items are its paragraphs.
                    text = "\n".join(t for p in cell.paragraphs if (t := _clean(p.text)))
                    drawn = any(el.tag.endswith(_DRAWING) for el in cell._tc.iter())
                    cells.append(Cell(text, drawn or text.casefold() in _TICKS))
                rows.append(cells)
    return rows


# --- From rows to a draft -------------------------------------------------------------------------

IDENTITY_LABELS = [
    ("nomor", r"no(?:mor|\.)?\s*sop"),
    ("pembuatan", r"(?:tgl\.?|tanggal)\s*pembuatan"),
    ("revisi", r"(?:tgl\.?|tanggal)\s*revisi"),
    ("efektif", r"(?:tgl\.?|tanggal)\s*efektif"),
    ("pengesahan", r"(?:tgl\.?|tanggal)\s*pengesahan"),
    ("disahkan_oleh", r"disahkan\s*oleh"),
    ("nama", r"nama\s*sop"),
]
BOX_LABELS = [
    ("dasar_hukum", r"dasar\s*hukum"),
    ("kualifikasi_pelaksana", r"kualifikasi\s*pelaksana(?:an)?"),
    ("jumlah_pelaksana", r"jumlah\s*pelaksana"),
    ("keterkaitan", r"keter(?:kaitan|ikatan|angan)"),
    ("peralatan_perlengkapan", r"peralatan\s*/?\s*perlengkapan"),
    ("peringatan", r"peringatan"),
    ("pencatatan_pendataan", r"pencatatan\s*(?:dan|/)?\s*pendataan|lampiran"),
]
_STEP_HEAD = re.compile(r"^(?:kegiatan|uraian(?:\s+prosedur)?|aktivitas)$", re.IGNORECASE)
_MUTU = {
    "kelengkapan": re.compile(r"^(?:kelengkapan|persyaratan)", re.IGNORECASE),
    "waktu": re.compile(r"^waktu", re.IGNORECASE),
    "output": re.compile(r"^output", re.IGNORECASE),
}
_KET = re.compile(r"^(?:ket|keterangan)\.?$", re.IGNORECASE)
_STEP_NO = re.compile(r"^(\d{1,3})\.?$")
_MONTHS = {m.casefold(): i + 1 for i, m in enumerate(labels.MONTHS)}


def _label(text: str, table) -> str | None:
    for key, pattern in table:
        if re.fullmatch(pattern + r"\s*:?", text.strip(), re.IGNORECASE):
            return key
    return None


def read_date(text: str) -> dt.date | None:
    """'23 Januari 2022' or '03 Juli 2023' as a date; None when it is not one."""
    m = re.fullmatch(r"(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})", text.strip(" .:"))
    if not m or m.group(2).casefold() not in _MONTHS:
        return None
    try:
        return dt.date(int(m.group(3)), _MONTHS[m.group(2).casefold()], int(m.group(1)))
    except ValueError:
        return None


def split_items(text: str) -> list[str]:
    """A box printed as '1. A 2. B', '1) A 2) B' or '1 A 2 B' as its items, in printed order.

    Item k+1 is looked for after item k, written the way item 1 was, so numbers inside an item
    ('Nomor 29 Tahun 2014') are not taken for item numbers.
    """
    text = text.strip()
    if "\n" in text:
        return [re.sub(r"^\d{1,2}[.)]\s*", "", line.strip()) for line in text.splitlines() if line.strip()]
    first = re.match(r"^1\s*([.)]?)\s*(?=\S)", text)
    if not first:
        return [text] if text else []
    style = re.escape(first.group(1))
    starts, k, pos = [(first.start(), first.end())], 2, first.end()
    # A bare number ('2 Printer') must be followed by a capital; '2.' and '2)' are distinct enough.
    follow = r"(?=\S)" if first.group(1) else r"(?=[A-Z\[])"
    while m := re.compile(rf"(?:(?<=\s)|(?<=[;.]))({k}){style}\s*{follow}").search(text, pos):
        starts.append((m.start(), m.end()))
        k, pos = k + 1, m.end()
    items = [text[b : starts[i + 1][0] if i + 1 < len(starts) else len(text)] for i, (_, b) in enumerate(starts)]
    return [" ".join(item.split()) for item in items if item.strip()]


def split_lettered(text: str) -> tuple[str, list[str]]:
    """'Memeriksa konsep: a. Jika Setuju ... b. Jika Tidak ...' as the activity and its sub-items."""
    first = re.search(r"(?:^|\s)a\.\s+(?=\S)", text)
    if not first:
        return text, []
    starts, pos = [first], first.end()
    for letter in "bcdefghij":
        m = re.compile(rf"\s{letter}\.\s+(?=\S)").search(text, pos)
        if not m:
            break
        starts.append(m)
        pos = m.end()
    if len(starts) < 2:
        return text, []
    items = [text[m.end() : starts[i + 1].start() if i + 1 < len(starts) else len(text)] for i, m in enumerate(starts)]
    return text[: first.start()].strip(), [" ".join(i.split()) for i in items]


@dataclass
class Draft:
    identity: dict = field(default_factory=dict)
    date_rows: list[str] = field(default_factory=list)
    kop: list[str] = field(default_factory=list)
    before: list[str] = field(default_factory=list)  # every line before the identity block (cover, address)
    boxes: dict[str, list[str]] = field(default_factory=dict)
    jumlah_pelaksana: str | None = None
    lanes: list[str] = field(default_factory=list)
    steps: list[dict] = field(default_factory=list)
    notes: list[tuple[str, str, str]] = field(default_factory=list)  # (field, jenis, catatan)


def read_rows(rows: list[list[Cell]]) -> Draft:
    draft = Draft()
    texts = [[" ".join(c.text.split()) for c in row] for row in rows]
    raw = [[c.text for c in row] for row in rows]  # with the paragraph breaks of a .docx cell
    seen_identity = False
    before: list[str] = []  # lines before the identity block
    block: list[str] = []  # the last paragraph of them: the kop
    gap = False
    i = 0
    while i < len(rows):
        cells = texts[i]
        # Identity: a label cell followed by its value, anywhere in the row.
        for j, text in enumerate(cells):
            key = _label(text, IDENTITY_LABELS)
            if key is None:
                inline = re.match(r"^(no(?:mor)?\s*sop|disahkan\s*oleh)\s*:?\s*(.+)$", text, re.IGNORECASE)
                if inline and _label(inline.group(1), IDENTITY_LABELS):
                    key, value = _label(inline.group(1), IDENTITY_LABELS), inline.group(2)
                else:
                    continue
            else:
                value = next((c for c in cells[j + 1 :] if c), "")
            if not seen_identity:
                draft.kop = [c for c in cells[:j] if c] or block
            seen_identity = True
            if key in ("pembuatan", "revisi", "efektif", "pengesahan"):
                draft.date_rows.append(key)
            draft.identity.setdefault(key, value.strip(" :"))
            break
        # Boxes: a row of box names, the next non-empty row holds their contents at the same places.
        names = [(j, _label(t, BOX_LABELS)) for j, t in enumerate(cells) if t]
        if names and all(key for _, key in names) and not draft.steps:
            following = next((k for k in range(i + 1, len(rows)) if any(texts[k])), None)
            is_label_row = following is not None and all(
                _label(t, BOX_LABELS) or _label(t, IDENTITY_LABELS) for t in texts[following] if t
            )
            if following is not None and not is_label_row:
                content = raw[following]
                for j, key in names:
                    value = content[j] if j < len(content) else ""
                    if key == "jumlah_pelaksana":
                        draft.jumlah_pelaksana = draft.jumlah_pelaksana or " ".join(value.split()) or None
                    else:
                        draft.boxes.setdefault(key, split_items(value))
                i = following + 1
                continue
        # The step table: a header row with the activity column, then the row naming the lanes.
        if any(_STEP_HEAD.match(t) for t in cells) and any(re.match(r"^pelaksana", t, re.I) for t in cells):
            i = _read_table(rows, i, draft)
            continue
        if not seen_identity and not draft.boxes:
            if any(cells):
                if gap:
                    block, gap = [], False
                before.extend(c for c in cells if c)
                block.extend(c for c in cells if c)
                draft.before = before
            else:
                gap = True
        i += 1
    return draft


def _read_table(rows: list[list[Cell]], head: int, draft: Draft) -> int:
    top = [" ".join(c.text.split()) for c in rows[head]]
    sub = [" ".join(c.text.split()) for c in rows[head + 1]] if head + 1 < len(rows) else []
    activity = next(j for j, t in enumerate(top) if _STEP_HEAD.match(t))
    found = {key: next((j for j, t in enumerate(sub) if pattern.match(t)), None) for key, pattern in _MUTU.items()}
    first_mutu = min((j for j in found.values() if j is not None), default=len(sub))
    lane_cols = [j for j in range(activity + 1, first_mutu) if j < len(sub) and sub[j]]
    draft.lanes = [sub[j] for j in lane_cols]
    # Rows put Kelengkapan, Waktu, Output and Keterangan side by side from the first Mutu Baku
    # column, even where the header row has a stray empty cell between them.
    order = sorted((j, key) for key, j in found.items() if j is not None)
    mutu = {key: first_mutu + n for n, (_, key) in enumerate(order)}
    has_ket = any(_KET.match(t) for t in top)
    ket = first_mutu + len(order) if has_ket else None
    width = (ket if ket is not None else first_mutu + len(order) - 1) + 1
    i = head + 2
    while i < len(rows):
        cells = rows[i]
        m = _STEP_NO.match(cells[0].text.strip()) if cells else None
        if not m:
            if any(c.text for c in cells) and draft.steps and not _STEP_NO.match(cells[0].text or "x"):
                break  # the table has ended
            i += 1
            continue
        shift = max(0, width - len(cells))  # a row short of cells lost one before its Mutu Baku

        def cell(j, right=False, cells=cells, shift=shift):
            j = None if j is None else j - shift if right else j
            return " ".join(cells[j].text.split()) if j is not None and 0 <= j < len(cells) else ""

        draft.steps.append(
            {
                "no": int(m.group(1)),
                "kegiatan": cell(activity),
                "marks": [
                    lane for lane, j in zip(draft.lanes, lane_cols, strict=True) if j < len(cells) and cells[j].mark
                ],
                "labels": {lane: cell(j) for lane, j in zip(draft.lanes, lane_cols, strict=True) if cell(j)},
                "kelengkapan": cell(mutu.get("kelengkapan"), right=True),
                "waktu": cell(mutu.get("waktu"), right=True),
                "output": cell(mutu.get("output"), right=True),
                "keterangan": cell(ket, right=True),
            }
        )
        i += 1
    return i


# --- From a draft to a record ---------------------------------------------------------------------


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:60] or "pelaksana"


def find_satker(draft: Draft, satker: dict[str, Satker]) -> str | None:
    """The satker whose name the document prints (kop, nama, pengesah); the longest name wins."""
    printed = " ".join(
        [*draft.kop, *draft.before, draft.identity.get("disahkan_oleh", ""), draft.identity.get("nama", "")]
    )
    printed = " ".join(printed.casefold().replace("komisi pemilihan umum", "kpu").split())
    found = []
    for sid, s in satker.items():
        for name in (s.nama, s.nama_lengkap):
            short = " ".join(name.casefold().replace("komisi pemilihan umum", "kpu").split())
            if short in printed:
                found.append((len(short), sid))
    return max(found)[1] if found else None


def match_regulation(text: str, registry: dict[str, Regulasi]) -> tuple[str | None, str | None]:
    """The registry entry a printed Dasar Hukum item cites, and a note when the match is not exact."""
    printed = read_citation(text)
    if printed.nomor is None:
        return None, None
    exact = [r for r, reg in registry.items() if reg.nomor and number_matches(printed.nomor, reg)]
    if printed.tahun:
        exact = [r for r in exact if registry[r].tahun in (None, printed.tahun)]
    if exact:
        same_kind = [r for r in exact if registry[r].jenis == printed.jenis]
        return (same_kind or exact)[0], None
    lead = re.match(r"\d+", printed.nomor)
    if lead and printed.tahun:
        near = [
            r
            for r, reg in registry.items()
            if reg.tahun == printed.tahun and reg.nomor and re.match(rf"{lead.group()}(?!\d)", reg.nomor)
        ]
        if len(near) == 1:
            return near[
                0
            ], f"nomor tercetak '{printed.nomor}' berbeda dari register; dicocokkan dari nomor urut dan tahun"
    return None, None


def suggest_entry(text: str) -> tuple[str, dict]:
    printed = read_citation(text)
    jenis = printed.jenis or "dokumen"
    tentang = text.split(" tentang ", 1)[1].strip(" ;.") if " tentang " in text else text
    nomor = (printed.nomor or "").split(" Tahun ")[0].split(" tahun ")[0] or None
    key = _slug(f"{jenis}-{nomor or ''}-{printed.tahun or ''}")
    entry = {"jenis": jenis, "nomor": nomor, "tahun": printed.tahun, "tentang": tentang}
    return key, {k: v for k, v in entry.items() if v}


def to_record(
    draft: Draft, source: str, registry: dict[str, Regulasi], report: Report, satker: Satker | None = None
) -> dict:
    notes = draft.notes
    record: dict = {"sumber": source}
    ident = draft.identity
    for key in ("nomor", "nama"):
        if ident.get(key):
            record[key] = ident[key]
        else:
            record[key] = f"[isi {labels.IDENTITY[key]}: tidak ditemukan oleh impor]"
            notes.append(
                (key, "tidak_terbaca", f"Impor tidak menemukan {labels.IDENTITY[key]}; isi dari dokumen sumber.")
            )
    if draft.kop:
        record["kop"] = draft.kop
    dates = {}
    for key in dict.fromkeys(draft.date_rows):
        value = ident.get(key, "")
        if value and (date := read_date(value)):
            dates[key] = date
        elif value and value not in "-–—":
            notes.append((f"tanggal.{key}", "tidak_terbaca", f"Tercetak '{value}', bukan tanggal yang terbaca."))
    if dates:
        record["tanggal"] = dates
    if draft.date_rows:
        record["baris_tanggal"] = list(dict.fromkeys(draft.date_rows))
    if ident.get("disahkan_oleh"):
        jabatan, _, nama = ident["disahkan_oleh"].partition(",")
        if not nama and satker is not None:
            for name in (satker.nama_lengkap, satker.nama, satker.nama.replace("KPU", "Komisi Pemilihan Umum")):
                m = re.search(re.escape(name), jabatan, re.IGNORECASE)
                if m and jabatan[m.end() :].strip():
                    jabatan, nama = jabatan[: m.end()], jabatan[m.end() :]
                    notes.append(
                        ("disahkan_oleh.nama", "disimpulkan", "Nama dipisahkan dari jabatan sesudah nama satker.")
                    )
                    break
        record["disahkan_oleh"] = {"jabatan": jabatan.strip()} | ({"nama": nama.strip()} if nama.strip() else {})
        if not nama.strip():
            notes.append(
                (
                    "disahkan_oleh",
                    "disimpulkan",
                    "Jabatan dan nama pengesah dibaca sebagai satu teks; pisahkan nama bila tercetak.",
                )
            )
    if draft.jumlah_pelaksana:
        record["jumlah_pelaksana"] = draft.jumlah_pelaksana
    items = []
    for i, text in enumerate(draft.boxes.get("dasar_hukum", [])):
        reg_id, why = match_regulation(text, registry)
        report.dasar_hukum.append((text, reg_id))
        if reg_id is None:
            key, entry = suggest_entry(text)
            report.suggestions[key] = entry
            notes.append(
                (
                    f"dasar_hukum[{i + 1}].regulasi",
                    "tidak_terbaca",
                    f"Tidak cocok dengan register; usulan entri baru '{key}'.",
                )
            )
        elif why:
            notes.append((f"dasar_hukum[{i + 1}].regulasi", "disimpulkan", why))
        items.append({"teks": text, "regulasi": [reg_id] if reg_id else []})
    if items:
        record["dasar_hukum"] = items
    for key in ("kualifikasi_pelaksana", "peralatan_perlengkapan", "peringatan", "pencatatan_pendataan"):
        if draft.boxes.get(key):
            record[key] = draft.boxes[key]
    if draft.boxes.get("keterkaitan"):
        record["keterkaitan"] = [{"teks": t, "jenis": "sop_luar"} for t in draft.boxes["keterkaitan"]]
        notes.append(
            (
                "keterkaitan",
                "disimpulkan",
                "Setiap butir dicatat sebagai SOP di luar buku pedoman; tautkan bila ada di sini.",
            )
        )
    for key in ("dasar_hukum", "kualifikasi_pelaksana", "keterkaitan", "peralatan_perlengkapan", "peringatan"):
        if key not in draft.boxes:
            notes.append((key, "tidak_terbaca", f"Kotak {labels.BOX[key]} tidak ditemukan oleh impor."))
    record["pelaksana"], record["langkah"] = _lanes_and_steps(draft, notes, report)
    record["catatan_transkripsi"] = [{"bidang": f, "jenis": j, "catatan": c} for f, j, c in dict.fromkeys(notes)]
    return record


def named_lanes(text: str, ids: list[str], names: list[str]) -> list[str]:
    """Lanes whose whole name the text writes; a longer name wins over one inside it ('Ketua Divisi' over 'Ketua')."""
    taken: list[tuple[int, int]] = []
    found = []
    for lane_id, name in sorted(zip(ids, names, strict=True), key=lambda x: -len(x[1])):
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE):
            if not any(a < m.end() and m.start() < b for a, b in taken):
                taken.append((m.start(), m.end()))
                found.append((m.start(), lane_id))
                break
    return list(dict.fromkeys(lane_id for _, lane_id in sorted(found)))


def _lanes_and_steps(draft: Draft, notes: list, report: Report) -> tuple[list, list]:
    names = draft.lanes or []
    if not names:
        names = ["[isi nama lajur: tidak terbaca oleh impor]"]
        notes.append(
            ("pelaksana", "tidak_terbaca", "Kepala kolom pelaksana tidak ditemukan; tulis lajur dari dokumen sumber.")
        )
    ids: list[str] = []
    for name in names:
        base = _slug(name)
        ids.append(base if base not in ids else f"{base}-{len(ids) + 1}")
    lanes = [{"id": i, "nama": n} for i, n in zip(ids, names, strict=True)]
    report.lanes = list(names)
    steps = []
    if not draft.steps:
        notes.append(
            ("langkah", "tidak_terbaca", "Tabel langkah tidak terbaca oleh impor; salin langkah dari dokumen sumber.")
        )
        for no, jenis in ((1, "mulai"), (2, "selesai")):  # the least a flow needs: a start and an end
            unread = {"tidak_diketahui": "tabel langkah tidak terbaca oleh impor"}
            steps.append({"no": no, "jenis": jenis, "kegiatan": unread, "pelaksana": [ids[0]]})
        notes.append(
            (
                "langkah",
                "disimpulkan",
                "Dua langkah pengisi (mulai, selesai) agar berkas lolos pemeriksaan; ganti dengan langkah sebenarnya.",
            )
        )
        return lanes, steps
    previous = ids[0]
    for n, row in enumerate(draft.steps, start=1):
        place = f"langkah[{n}]"
        marked = [ids[names.index(lane)] for lane in row["marks"]]
        named = named_lanes(row["kegiatan"], ids, names)
        if marked:
            actors = marked
        elif named:
            actors = named
            notes.append(
                (
                    f"{place}.pelaksana",
                    "disimpulkan",
                    "Simbol tidak terbaca dari teks; lajur disimpulkan dari kata-kata kegiatan.",
                )
            )
        else:
            actors = [previous]
            notes.append(
                (
                    f"{place}.pelaksana",
                    "disimpulkan",
                    "Simbol tidak terbaca dan kegiatan tidak menyebut lajur; sementara diisi lajur langkah sebelumnya. Periksa.",
                )
            )
        previous = actors[-1]
        step: dict = {"no": row["no"]}
        if n == 1:
            step["jenis"] = "mulai"
        elif n == len(draft.steps):
            step["jenis"] = "selesai"
        kegiatan, rincian = split_lettered(row["kegiatan"])
        step["kegiatan"] = kegiatan or {"tidak_diketahui": "sel Kegiatan kosong pada sumber"}
        if rincian:
            step["rincian"] = rincian
        step["pelaksana"] = actors
        mutu = {k: row[k] for k in ("kelengkapan", "waktu", "output") if row[k]}
        if mutu:
            step["mutu_baku"] = mutu
        if row["keterangan"]:
            step["keterangan"] = row["keterangan"]
        if row["labels"] and not row["marks"]:
            notes.append(
                (
                    place,
                    "sesuai_sumber",
                    "Tulisan di kolom pelaksana: "
                    + "; ".join(f"{k}: '{v}'" for k, v in row["labels"].items())
                    + " (label panah?).",
                )
            )
        if re.search(r"\b(jika|apabila)\b.*\btidak\b", row["kegiatan"], re.IGNORECASE):
            notes.append(
                (
                    place,
                    "disimpulkan",
                    "Kegiatan menyebut percabangan; bila simbolnya belah ketupat, ubah jenis ke keputusan dan isi cabang.",
                )
            )
        report.waktu += bool(row["waktu"])
        steps.append(step)
    report.steps = len(steps)
    notes.append(
        (
            "langkah",
            "disimpulkan",
            "Alur dianggap berurutan; jenis mulai/selesai untuk langkah pertama dan terakhir. Periksa keputusan (Ya/Tidak).",
        )
    )
    return lanes, steps


# --- Writing --------------------------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)  # "  - item" under its key, as the records are written


_PLAIN = re.compile(r"^[a-z_][a-z0-9_-]*$")
_YAML11_WORDS = {"y", "yes", "n", "no", "on", "off", "true", "false", "null"}


def _str(dumper, value: str):
    """Keys and ids plain, every other text double-quoted: a maintainer sees where each value starts and ends."""
    plain = _PLAIN.match(value) and value not in _YAML11_WORDS
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=None if plain else '"')


_Dumper.add_representer(str, _str)


def to_yaml(record: dict, header: str) -> str:
    body = yaml.dump(record, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100_000)
    return SCHEMA_LINE + header + body


def import_document(
    path: Path,
    registry: dict[str, Regulasi],
    satker: dict[str, Satker],
    satker_id: str | None = None,
    roles: dict[str, Jabatan] | None = None,
) -> tuple[str | None, dict, Report]:
    """Read ``path`` (.docx, or extracted text) into (satker id, record, report)."""
    rows = docx_rows(path) if path.suffix.casefold() == ".docx" else text_rows(path.read_text(encoding="utf-8"))
    draft = read_rows(rows)
    report = Report()
    report.satker = satker_id or find_satker(draft, satker)
    record = to_record(
        draft, f"{path.name} (diimpor dengan `sop impor`)", registry, report, satker.get(report.satker or "")
    )
    for lane in record["pelaksana"]:
        if role := role_of(lane["nama"], roles or {}):
            lane["jabatan"] = role
    return report.satker, record, report


def role_of(lane_name: str, roles: dict[str, Jabatan]) -> str | None:
    """The role whose name or a recorded spelling is exactly the lane's name (sop_data/jabatan.yaml)."""
    key = " ".join(lane_name.casefold().split())
    for role_id, role in roles.items():
        if key in {" ".join(n.casefold().split()) for n in (role.nama, *role.ejaan)}:
            return role_id
    return None
