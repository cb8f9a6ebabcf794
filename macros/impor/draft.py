"""From what the interpreter read to a draft record, with a note for everything the importer is not sure of.

The draft is a starting point for a maintainer, never a finished record. A value read as printed
needs no note; a value guessed, reconstructed, read with little confidence or not found has a
`catatan_transkripsi` entry, so the review knows where to look. Nothing is invented: a cell that
cannot be read is `tidak_diketahui`, a missing value `[isi ...]`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from .. import labels
from ..checks.dasar_hukum import CITATION_START, number_matches, read_citation
from ..model import Jabatan, Regulasi, Satker
from .grid import Document
from .interpret import Reading, StepRow

Note = tuple[str, str, str]  # (bidang, jenis, catatan)


@dataclass
class Report:
    """What the importer found, for the maintainer: printed by `sop impor`, one line each in a folder's summary."""

    satker: str | None = None
    nama: str | None = None
    format: str = ""
    source: str = ""  # the document's file name
    lanes: list[str] = field(default_factory=list)
    steps: int = 0
    waktu: int = 0
    lanes_drawn: int = 0  # steps placed in their lane by a drawn symbol, picture, tick or shading
    lanes_guessed: int = 0  # steps whose lane was guessed from words or from the step before
    unsure_words: int = 0
    dasar_hukum: list[tuple[str, str | None]] = field(default_factory=list)  # (printed, matched id)
    suggestions: dict[str, dict[str, Any]] = field(default_factory=dict)  # new registry entries to consider
    satker_entry: dict[str, Any] | None = None  # a satker.yaml entry from what the document prints
    notes: int = 0
    errors: list[str] = field(default_factory=list)


# --- Values as offices print them ------------------------------------------------------------------

_MONTHS = {m.casefold(): i + 1 for i, m in enumerate(labels.MONTHS)}
_MONTHS.update(
    {
        "jan": 1, "feb": 2, "peb": 2, "pebruari": 2, "mar": 3, "apr": 4, "mei": 5, "jun": 6, "jul": 7,
        "agu": 8, "agt": 8, "ags": 8, "agust": 8, "agus": 8, "sep": 9, "sept": 9, "okt": 10, "nov": 11,
        "nop": 11, "nopember": 11, "des": 12,
    }
)  # fmt: skip
_DAY = r"(?:(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad)\s*,?\s*)?"


def read_date(text: str) -> dt.date | None:
    """'23 Januari 2022', 'Selasa, 14 Maret 2023', '14-03-2023' or '14/03/2023' as a date."""
    text = " ".join(text.split()).strip(" .:,")
    m = re.fullmatch(_DAY + r"(\d{1,2})\s*[-\s]?\s*([A-Za-z]+)\.?\s*[-\s]?\s*(\d{4})", text, re.IGNORECASE)
    try:
        if m and m.group(2).casefold() in _MONTHS:
            return dt.date(int(m.group(3)), _MONTHS[m.group(2).casefold()], int(m.group(1)))
        m = re.fullmatch(_DAY + r"(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})", text, re.IGNORECASE)
        if m:
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        return None
    return None


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:60] or "pelaksana"


def _norm(text: str) -> str:
    return " ".join(text.casefold().replace("komisi pemilihan umum", "kpu").split())


# --- Satker, regulations, roles --------------------------------------------------------------------


def find_satker(reading: Reading, satker: dict[str, Satker]) -> str | None:
    """The satker whose name the document prints (kop, cover, nama, pengesah); the longest name wins."""
    printed = _norm(
        " ".join(
            [
                *reading.kop,
                *reading.cover,
                reading.unit or "",
                reading.identity.get("disahkan_oleh", ""),
                reading.identity.get("nama", ""),
            ]
        )
    )
    found = []
    for sid, s in satker.items():
        for name in (s.nama, s.nama_lengkap):
            short = _norm(name)
            if short and short in printed:
                found.append((len(short), sid))
    return max(found)[1] if found else None


# The line of a kop that names the office itself (not the government above it, nor a unit inside it).
_OFFICE = re.compile(
    r"^(?:uptd?\s+)?(?:dinas|badan|kantor|kecamatan|kelurahan|desa|puskesmas|rumah\s+sakit|rsud|universitas|"
    r"fakultas|institut|sekolah|sma|smp|smk|sd|madrasah|inspektorat|komisi|bawaslu|satuan|sekretariat\s+daerah|"
    r"kementerian|kementrian|lembaga|pengadilan|kejaksaan|upt)\b",
    re.IGNORECASE,
)
_PLACE = re.compile(r"\b(?:provinsi|kabupaten|kota)\s+([A-Za-z .]+)$", re.IGNORECASE)


_SMALL = {"dan", "di", "ke", "dari", "pada", "atas", "untuk"}


def _title(text: str) -> str:
    """A kop line in capitals as a name: 'SMA NEGERI 3 MATARAM' -> 'SMA Negeri 3 Mataram'."""
    if not text.isupper():
        return text
    words = []
    for i, word in enumerate(text.split()):
        if len(word) <= 4 and word.isalpha() and word.casefold() not in _SMALL and not (i and len(word) > 3):
            words.append(word)  # an acronym: SMA, UPT, RSUD, KPU
        elif word.casefold() in _SMALL and i:
            words.append(word.casefold())
        else:
            words.append(word.capitalize())
    return " ".join(words)


def satker_entry(reading: Reading) -> tuple[str, dict[str, Any]] | None:
    """A satker.yaml entry from what the document prints: the kop line naming the office, the
    government line above it for its full name, and the address."""
    lines = [line for line in reading.kop if line.strip()]
    if not lines:
        return None
    offices = [line for line in lines if _OFFICE.match(line)]
    office = offices[-1] if offices else lines[-1]
    place = next((m.group(0) for line in lines if (m := _PLACE.search(line))), "")
    full = office if not place or place.casefold() in office.casefold() else f"{office} {place}"
    whole = " ".join(lines)
    level = "kabupaten_kota"
    if re.search(r"\bprovinsi\b", whole, re.I) and not re.search(r"\b(kabupaten|kota|kab\.)\b", whole, re.I):
        level = "provinsi"
    elif re.search(
        r"\b(kementerian|kementrian|republik indonesia|badan pusat|sekretariat jenderal|universitas)\b", whole, re.I
    ) and not re.search(r"\b(kabupaten|kota)\b", whole, re.I):
        level = "pusat"
    province = re.search(r"\bprovinsi\s+([A-Za-z .]+?)(?:$|\s{2,}|,)", whole, re.I)
    entry: dict[str, Any] = {"nama": _title(office), "nama_lengkap": _title(full), "tingkat": level}
    if province:
        entry["provinsi"] = province.group(1).strip().title()
    if reading.alamat:
        entry["alamat"] = reading.alamat
    return _slug(full), entry


def match_regulation(text: str, registry: dict[str, Regulasi]) -> tuple[str | None, str | None]:
    """The registry entry a printed citation names, and a note when the match is not certain.

    By number and year; where several entries share them (Nomor 1 Tahun 2021 of two institutions)
    the printed kind decides, and where it cannot, nothing is chosen and the note says so.
    """
    printed = read_citation(text if re.search(r"\btentang\b", text, re.I) else text.rstrip(" ;,.") + " tentang")
    if printed.nomor is None:
        return None, None
    exact = [r for r, reg in registry.items() if reg.nomor and number_matches(printed.nomor, reg)]
    if printed.tahun:
        exact = [r for r in exact if registry[r].tahun in (None, printed.tahun)]
    same_kind = [r for r in exact if registry[r].jenis == printed.jenis]
    if len(same_kind) == 1 or (same_kind and len(set(same_kind)) == len(same_kind) == 1):
        return same_kind[0], None
    if len(exact) == 1:
        kind = labels.REGULASI_JENIS[registry[exact[0]].jenis]
        why = (
            f"jenis tercetak berbeda dari register ({kind}); dicocokkan dari nomor dan tahun" if printed.jenis else None
        )
        return exact[0], why
    if len(exact) > 1:
        return None, "nomor dan tahun cocok dengan beberapa entri register (" + ", ".join(exact) + "); pilih yang benar"
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


# Words that make a regulation named next part of a title: "tentang Pelaksanaan Undang-Undang Nomor 14
# Tahun 2008", "tentang Perubahan atas Peraturan ...", "Penetapan Peraturan Pemerintah Pengganti ...".
_TITLE_MENTION = re.compile(
    r"\b(?:pelaksanaan|perubahan(?:\s+\w+)?\s+atas|atas|penetapan|menjadi|pengganti|tentang)\s*$", re.I
)
# Words that chain an amendment to the regulation before it.
_AMENDED = re.compile(r"(?:diubah|dicabut|perubahan)\b[^.;]{0,40}$", re.I)


def citation_parts(text: str) -> list[str]:
    """An item's citations: one, or several where it names more ("... sebagaimana telah diubah dengan
    Peraturan Pemerintah Nomor 17 Tahun 2020"); each starts where a kind of regulation is named
    and a number follows."""
    starts: list[int] = []
    mention = False  # inside a title's mention of another regulation ("tentang Pelaksanaan Undang-Undang ...")
    for m in CITATION_START.finditer(text):
        if not re.match(r".{0,90}?\b(?:nomor|no\b)", text[m.start() :], re.IGNORECASE | re.DOTALL):
            continue
        before = text[max(0, m.start() - 60) : m.start()]
        if _TITLE_MENTION.search(before):
            mention = True  # named in the title of the citation before it: part of that title
        elif not (mention and _AMENDED.search(before)):
            mention = False
            starts.append(m.start())
    if not starts:
        return [text]
    if starts[0] != 0:
        starts[0] = 0
    return [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]


def match_regulations(text: str, registry: dict[str, Regulasi]) -> tuple[list[str], list[str], list[str]]:
    """Every regulation an item cites: (matched ids, notes, printed parts no entry matched)."""
    ids: list[str] = []
    notes: list[str] = []
    unmatched: list[str] = []
    for part in citation_parts(text):
        reg_id, why = match_regulation(part, registry)
        if reg_id is not None and reg_id not in ids:
            ids.append(reg_id)
        elif reg_id is None:
            unmatched.append(part.strip())
        if why:
            notes.append(why)
    return ids, notes, unmatched


def suggest_entry(text: str) -> tuple[str, dict[str, Any]]:
    printed = read_citation(text)
    jenis = printed.jenis or "dokumen"
    tentang = (
        re.split(r"\s+tentang\s+", text, maxsplit=1, flags=re.I)[1].strip(" ;.")
        if re.search(r"\btentang\b", text, re.I)
        else text
    )
    nomor = re.split(r"\s+tahun\s+", printed.nomor or "", flags=re.I)[0] or None
    key = _slug(f"{jenis}-{nomor or ''}-{printed.tahun or ''}")
    entry = {"jenis": jenis, "nomor": nomor, "tahun": printed.tahun, "tentang": tentang, "status": "tidak_diketahui"}
    return key, {k: v for k, v in entry.items() if v}


def role_of(lane_name: str, roles: dict[str, Jabatan]) -> tuple[str | None, bool]:
    """The role whose name or a recorded spelling is exactly the lane's name, and whether that is
    certain: a name several roles share ("Kepala Sub Bagian" of several Subbagian) is not mapped."""
    key = " ".join(lane_name.casefold().split())
    found = [
        rid for rid, role in roles.items() if key in {" ".join(n.casefold().split()) for n in (role.nama, *role.ejaan)}
    ]
    return (found[0], True) if len(found) == 1 else (None, not found)


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


# --- The record --------------------------------------------------------------------------------------


class Builder:
    """Builds one draft record and its notes from a reading."""

    def __init__(self, reading: Reading, document: Document, report: Report) -> None:
        self.reading = reading
        self.document = document
        self.report = report
        self.notes: list[Note] = []
        self.record: dict[str, Any] = {}

    def note(self, field: str, jenis: str, catatan: str) -> None:
        self.notes.append((field, jenis, catatan))

    def doubt(self, field: str, doubts: list[str]) -> None:
        """What the reader was not sure of in this field: one note, to check against the document."""
        if doubts:
            text = "; ".join(dict.fromkeys(doubts))
            self.note(field, "tidak_terbaca", f"Periksa dengan dokumen: {text[0].upper() + text[1:]}.")
            self.report.unsure_words += len(doubts)


def to_record(
    reading: Reading,
    document: Document,
    source: str,
    registry: dict[str, Regulasi],
    report: Report,
    satker: Satker | None = None,
    roles: dict[str, Jabatan] | None = None,
) -> dict[str, Any]:
    b = Builder(reading, document, report)
    record = b.record
    record["sumber"] = source
    ident = reading.identity
    for key in ("nomor", "nama"):
        value = ident.get(key, "").strip()
        if value and value not in ("-", "–"):
            record[key] = value
        else:
            record[key] = f"[isi {labels.IDENTITY[key]}: tidak ditemukan oleh impor]"
            printed = f" (tercetak '{value}')" if value else ""
            b.note(
                key, "tidak_terbaca", f"Impor tidak menemukan {labels.IDENTITY[key]}{printed}; isi dari dokumen sumber."
            )
    if reading.unit:
        record["unit"] = reading.unit
        b.note("unit", "disimpulkan", "Baris terakhir kop dibaca sebagai unit kerja; pindahkan ke kop bila bukan.")
        b.note(
            "kop",
            "disimpulkan",
            f"Baris terakhir kop ('{reading.unit}') dipindahkan ke unit kerja; kembalikan bila bagian kop.",
        )
    if reading.kop:
        record["kop"] = reading.kop
    _dates(b)
    _signer(b, satker)
    for key, doubts in reading.doubts.items():
        if key.startswith(("pelaksana", "tanggal", "nomor", "nama", "disahkan_oleh", "kop")):
            b.doubt(key, doubts)
    if reading.jumlah_pelaksana:
        record["jumlah_pelaksana"] = reading.jumlah_pelaksana
    _boxes(b, registry)
    record["pelaksana"], record["langkah"] = _lanes_and_steps(b, roles or {})
    if reading.waktu_total:
        record["waktu_total_tercetak"] = reading.waktu_total
    if reading.judul_tabel:
        record["judul_tabel"] = reading.judul_tabel
    if reading.keterangan_gambar:
        record["keterangan_gambar"] = reading.keterangan_gambar
    _signature_sheet(b)
    for problem in reading.problems:
        b.note(
            "langkah",
            "tidak_terbaca",
            f"Tidak dapat ditempatkan oleh impor: {problem}. Salin dari dokumen sumber bila perlu.",
        )
    record["catatan_transkripsi"] = [{"bidang": f, "jenis": j, "catatan": c} for f, j, c in dict.fromkeys(b.notes)]
    report.notes = len(record["catatan_transkripsi"])
    report.nama = record["nama"]
    return record


def _dates(b: Builder) -> None:
    dates: dict[str, dt.date] = {}
    for key in dict.fromkeys(b.reading.date_rows):
        value = b.reading.identity.get(key, "")
        if value and (date := read_date(value)):
            dates[key] = date
        elif value and value not in ("-", "–", "—"):
            b.note(f"tanggal.{key}", "tidak_terbaca", f"Tercetak '{value}', bukan tanggal yang terbaca.")
    if b.reading.signed_at and (signed := read_date(b.reading.signed_at[1])):
        if signed not in dates.values() and "pengesahan" not in dates:
            dates["pengesahan"] = signed
            b.note(
                "tanggal.pengesahan",
                "disimpulkan",
                "Dibaca dari blok tanda tangan sesudah tabel langkah, bukan dari kotak identitas.",
            )
    if dates:
        b.record["tanggal"] = dates
    if b.reading.date_rows:
        b.record["baris_tanggal"] = list(dict.fromkeys(b.reading.date_rows))


def _signer(b: Builder, satker: Satker | None) -> None:
    signer = b.reading.signer
    if signer is None or not (signer.jabatan or signer.nama):
        return
    jabatan, nama = signer.jabatan or "", signer.nama or ""
    if jabatan and not nama and satker is not None and not b.document.kind == "docx":
        # Extracted text runs the jabatan and the name together: the name follows the satker's name.
        for name in (satker.nama_lengkap, satker.nama, satker.nama.replace("KPU", "Komisi Pemilihan Umum")):
            m = re.search(re.escape(name), jabatan, re.IGNORECASE)
            if m and jabatan[m.end() :].strip():
                jabatan, nama = jabatan[: m.end()], jabatan[m.end() :].strip()
                b.note("disahkan_oleh.nama", "disimpulkan", "Nama dipisahkan dari jabatan sesudah nama satker.")
                break
    entry: dict[str, str] = {"jabatan": jabatan.strip() or "[isi jabatan pengesah]"}
    if nama:
        entry["nama"] = nama
    if signer.pangkat:
        entry["pangkat"] = signer.pangkat
    if signer.nip:
        entry["nip"] = signer.nip
    b.record["disahkan_oleh"] = entry
    if b.document.kind == "pindaian" and (nama or signer.nip):
        # A name and a NIP are read letter by letter and checked by no dictionary: from a scan, always checked.
        b.note(
            "disahkan_oleh",
            "tidak_terbaca",
            "Nama dan NIP pengesah dibaca dari pindaian: periksa ejaan, tanda baca dan angkanya pada dokumen.",
        )
    if "nama" in signer.guessed:
        b.note(
            "disahkan_oleh.nama",
            "disimpulkan",
            "Nama dipisahkan dari jabatan pada gelar di awal nama; periksa batasnya.",
        )
    if not signer.jabatan:
        b.note("disahkan_oleh.jabatan", "tidak_terbaca", "Jabatan pengesah tidak terbaca; isi dari dokumen sumber.")
    elif not nama and not (signer.pangkat or signer.nip) and b.document.kind == "teks":
        b.note(
            "disahkan_oleh",
            "disimpulkan",
            "Jabatan dan nama pengesah dibaca sebagai satu teks; pisahkan nama bila tercetak.",
        )


def _signature_sheet(b: Builder) -> None:
    """A signature block after the table: where and when it was signed, and by whom."""
    if not b.reading.signed_at:
        return
    place, date_text = b.reading.signed_at
    sheet: dict[str, Any] = {}
    if place:
        sheet["tempat"] = place
    if date := read_date(date_text):
        sheet["tanggal"] = date
    elif date_text:
        b.note(
            "lembar_pengesahan.tanggal",
            "tidak_terbaca",
            f"Tanggal pada blok tanda tangan tercetak '{date_text}', tidak terbaca.",
        )
    if "disahkan_oleh" in b.record:
        sheet["penandatangan"] = dict(b.record["disahkan_oleh"])
    if sheet:
        b.record["lembar_pengesahan"] = sheet


_BOX_NOT_FOUND = ("dasar_hukum", "kualifikasi_pelaksana", "keterkaitan", "peralatan_perlengkapan", "peringatan")


def _boxes(b: Builder, registry: dict[str, Regulasi]) -> None:
    boxes = b.reading.boxes
    items = []
    for i, text in enumerate(boxes.get("dasar_hukum", [])):
        ids, whys, unmatched = match_regulations(text, registry)
        b.report.dasar_hukum.append((text, ", ".join(ids) or None))
        field = f"dasar_hukum[{i + 1}].regulasi"
        for part in unmatched:
            key, entry = suggest_entry(part)
            b.report.suggestions[key] = entry
            b.note(field, "tidak_terbaca", f"'{part[:80]}' tidak cocok dengan register; usulan entri baru '{key}'.")
        for why in whys:
            b.note(field, "disimpulkan", why[0].upper() + why[1:] + ".")
        items.append({"teks": text, "regulasi": ids})
    if items:
        b.record["dasar_hukum"] = items
    for key in ("kualifikasi_pelaksana", "peralatan_perlengkapan", "peringatan", "pencatatan_pendataan"):
        if boxes.get(key):
            b.record[key] = boxes[key]
    if boxes.get("keterkaitan"):
        b.record["keterkaitan"] = [{"teks": t, "jenis": "sop_luar"} for t in boxes["keterkaitan"]]
        b.note(
            "keterkaitan",
            "disimpulkan",
            "Setiap butir dicatat sebagai SOP di luar buku pedoman; tautkan bila ada di sini.",
        )
    for key in _BOX_NOT_FOUND:
        if key not in boxes:
            b.note(key, "tidak_terbaca", f"Kotak {labels.BOX[key]} tidak ditemukan oleh impor.")
    for key, doubts in b.reading.doubts.items():
        if not key.startswith(("pelaksana", "tanggal", "nomor", "nama", "disahkan_oleh", "kop")):
            b.doubt(key, doubts)


_WAKTU_UNIT_NOTE = (
    "Kepala kolom mencetak 'Waktu ({unit})' dan sel ini hanya angka: satuannya {unit}, menurut kepala kolom."
)


def _lanes_and_steps(b: Builder, roles: dict[str, Jabatan]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    reading, report = b.reading, b.report
    names = [name or f"[isi nama lajur {i + 1}: tidak terbaca]" for i, name in enumerate(reading.lanes or [])]
    if not names:
        names = ["[isi nama lajur: tidak terbaca oleh impor]"]
        b.note("pelaksana", "tidak_terbaca", "Kepala kolom pelaksana tidak ditemukan; tulis lajur dari dokumen sumber.")
    ids: list[str] = []
    for name in names:
        base = _slug(name)
        ids.append(base if base not in ids else f"{base}-{len(ids) + 1}")
    lanes: list[dict[str, Any]] = [{"id": i, "nama": n} for i, n in zip(ids, names, strict=True)]
    for i, lane in enumerate(lanes):
        role, clear = role_of(lane["nama"], roles)
        if role:
            lane["jabatan"] = role
        elif not clear:
            b.note(
                f"pelaksana[{i + 1}].jabatan",
                "disimpulkan",
                f"'{lane['nama']}' cocok dengan lebih dari satu jabatan di register; pilih jabatannya.",
            )
    report.lanes = list(names)
    rows = reading.steps
    if not rows:
        b.note("langkah", "tidak_terbaca", "Tabel langkah tidak terbaca oleh impor; salin langkah dari dokumen sumber.")
        unread = {"tidak_diketahui": "tabel langkah tidak terbaca oleh impor"}
        steps = [
            {"no": no, "jenis": jenis, "kegiatan": unread, "pelaksana": [ids[0]]}
            for no, jenis in ((1, "mulai"), (2, "selesai"))
        ]
        b.note(
            "langkah",
            "disimpulkan",
            "Dua langkah pengisi (mulai, selesai) agar berkas lolos pemeriksaan; ganti dengan langkah sebenarnya.",
        )
        return lanes, steps
    steps = []
    previous = ids[0]
    symbols_known = all(row.symbols for row in rows if row.lanes)
    numbers = {row.no for row in rows if row.no is not None}
    for n, row in enumerate(rows, start=1):
        place = f"langkah[{n}]"
        actors = [ids[i] for i in row.lanes if i < len(ids)]
        if actors:
            report.lanes_drawn += 1
        else:
            named = named_lanes(row.kegiatan, ids, names)
            actors = named or [previous]
            report.lanes_guessed += 1
            why = (
                "Lajur disimpulkan dari kata-kata kegiatan"
                if named
                else "Kegiatan tidak menyebut lajur; sementara diisi lajur langkah sebelumnya. Periksa"
            )
            drawn = (
                " (dokumen menandai lajur langkah lain, tetapi tidak langkah ini)" if reading.lane_marks_seen else ""
            )
            b.note(f"{place}.pelaksana", "disimpulkan", f"Simbol tidak terbaca di kolom pelaksana{drawn}. {why}.")
        previous = actors[-1]
        step: dict[str, Any] = {"no": row.no}
        jenis = _kind(b, row, n, len(rows), symbols_known, numbers)
        if jenis != "proses":
            step["jenis"] = jenis
        step["kegiatan"] = row.kegiatan or {"tidak_diketahui": "sel Kegiatan kosong pada sumber"}
        if row.rincian:
            step["rincian"] = row.rincian
        step["pelaksana"] = actors
        mutu = {k: getattr(row, k) for k in ("kelengkapan", "waktu", "output") if getattr(row, k)}
        if mutu:
            step["mutu_baku"] = mutu
        if row.waktu and reading.waktu_unit and re.fullmatch(r"[\d.,½]+", row.waktu):
            b.note(f"{place}.mutu_baku.waktu", "sesuai_sumber", _WAKTU_UNIT_NOTE.format(unit=reading.waktu_unit))
        if row.keterangan:
            step["keterangan"] = row.keterangan
        if jenis == "keputusan":
            step["cabang"] = [{"label": label, "ke": ke} for label, ke in row.branches]
        elif row.branches:
            b.note(
                place,
                "sesuai_sumber",
                "Label cabang tercetak: "
                + "; ".join(f"{lbl} → {ke}" for lbl, ke in row.branches)
                + "; periksa jenis langkah.",
            )
        if row.lanjut and jenis != "selesai":
            step["lanjut"] = row.lanjut
        if row.lane_texts:
            b.note(
                place,
                "sesuai_sumber",
                "Tulisan di kolom pelaksana: "
                + "; ".join(f"{names[k]}: '{v}'" for k, v in row.lane_texts.items() if k < len(names))
                + ".",
            )
        for key, doubts in row.doubts.items():
            b.doubt(f"{place}.{key}", doubts)
        report.waktu += bool(row.waktu)
        steps.append(step)
    report.steps = len(steps)
    if not symbols_known:
        b.note(
            "langkah",
            "disimpulkan",
            "Simbol langkah tidak terbaca: alur dianggap berurutan, langkah pertama mulai dan terakhir selesai. Periksa keputusan (Ya/Tidak).",
        )
    return lanes, steps


def _kind(b: Builder, row: StepRow, n: int, count: int, symbols_known: bool, numbers: set[int]) -> str:
    """The step's kind from its symbol; where no symbol is read, from its place and its printed branches."""
    place = f"langkah[{n}]"
    symbol = row.symbols[0] if row.symbols else None
    if symbol == "keputusan":
        if len({ke for _, ke in row.branches}) >= 2 and all(ke in numbers for _, ke in row.branches):
            return "keputusan"
        b.note(
            f"{place}.jenis",
            "disimpulkan",
            "Simbol keputusan (belah ketupat), tetapi cabangnya tidak terbaca; dicatat sebagai proses. Ubah ke keputusan dan isi cabang.",
        )
        return "proses"
    if symbol == "terminator":
        return "mulai" if n == 1 else "selesai"
    if symbol in ("proses", "penghubung"):
        return "proses"
    # No symbol read (text, a tick, shading): the first step starts, the last ends, printed branches decide.
    if len({ke for _, ke in row.branches}) >= 2 and all(ke in numbers for _, ke in row.branches):
        b.note(
            f"{place}.jenis",
            "disimpulkan",
            "Simbol tidak terbaca; dicatat sebagai keputusan karena cabangnya tercetak.",
        )
        return "keputusan"
    if re.search(r"\b(jika|apabila)\b.*\btidak\b", row.kegiatan, re.IGNORECASE):
        b.note(
            place,
            "disimpulkan",
            "Kegiatan menyebut percabangan; bila simbolnya belah ketupat, ubah jenis ke keputusan dan isi cabang.",
        )
    if n == 1:
        return "mulai"
    if n == count:
        return "selesai"
    return "proses"
