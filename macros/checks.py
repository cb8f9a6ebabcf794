"""Consistency checks over the whole handbook.

Each check is a small function registered with a stable code and a level: an
``error`` stops the build, a ``warning`` is published with the SOP (in its
Catatan Pemeriksaan box). Defects of a source SOP are warnings, because the
handbook keeps what the source says; errors are for records that cannot be
published as they stand (a reference to nothing, a flow that cannot be drawn).

The docstrings are in Indonesian because the rules page publishes them: the
first line is the rule, the rest explains it to a maintainer or an auditor.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable, Iterator

from pydantic import BaseModel

from . import labels, legal, review, waktu
from .findings import Finding, field_path
from .flow import edges
from .loader import Handbook, SopRecord
from .model import TidakDiketahui


@dataclass(frozen=True)
class Check:
    code: str
    level: str
    scope: str  # "sop": runs once per SOP; "handbook": once over everything
    func: Callable

    @property
    def rule(self) -> str:
        return self._doc[0]

    @property
    def explanation(self) -> str:
        return " ".join(line.strip() for line in self._doc[1:] if line.strip())

    @property
    def _doc(self) -> list[str]:
        return (self.func.__doc__ or "").strip().splitlines()

    @property
    def group(self) -> str:
        return self.code.split("-")[0]


@dataclass(frozen=True)
class Context:
    book: Handbook
    today: dt.date


CHECKS: list[Check] = []


def check(code: str, level: str, scope: str = "sop"):
    def register(func):
        assert code not in {c.code for c in CHECKS}, code
        CHECKS.append(Check(code, level, scope, func))
        return func
    return register


def run(book: Handbook, today: dt.date) -> list[Finding]:
    """All findings of every check; a check never sees a file that failed to load."""
    ctx = Context(book, today)
    out: list[Finding] = []
    for c in CHECKS:
        if c.scope == "sop":
            for record in book.sops.values():
                out.extend(_stamp(c, record.path, c.func(ctx, record)))
        else:
            out.extend(_stamp(c, None, c.func(ctx)))
    return sorted(out)


def _stamp(c: Check, default_file, items) -> Iterator[Finding]:
    for file, line, path, message in items:
        yield Finding(file or default_file, line, field_path(path), c.code, c.level, message)


def _at(record, *path):
    return record.path, record.line_of(*path), path


def _text(value) -> str | None:
    """The printed text of a field, or None if it is empty or unreadable."""
    return value if isinstance(value, str) else None


# --- References --------------------------------------------------------------


@check("REF-001", "error", "sop")
def satker_declared(ctx: Context, record: SopRecord):
    """Folder SOP adalah satuan kerja yang terdaftar di sop_data/satker.yaml.

    Nama folder menentukan satuan kerja pemilik SOP dan halaman tempat SOP itu tercantum.
    """
    if ctx.book.satker is not None and record.satker not in ctx.book.satker_map:
        yield record.path, 1, (), (
            f"folder '{record.satker}' bukan satuan kerja yang terdaftar di sop_data/satker.yaml"
        )


@check("REF-002", "error")
def pelaksana_declared(ctx: Context, record: SopRecord):
    """Setiap pelaksana langkah adalah salah satu lajur yang dideklarasikan di `pelaksana`.

    Diagram alir menggambar satu lajur per pelaksana; langkah dengan pelaksana yang tidak
    dideklarasikan tidak dapat digambar.
    """
    sop = record.data
    lanes = {p.id for p in sop.pelaksana}
    for i, step in enumerate(sop.langkah):
        for j, actor in enumerate(step.pelaksana):
            if actor not in lanes:
                yield (*_at(record, "langkah", i, "pelaksana", j), f"pelaksana '{actor}' tidak dideklarasikan di daftar pelaksana "
                       f"(yang ada: {', '.join(sorted(lanes))})")


@check("REF-003", "error")
def targets_exist(ctx: Context, record: SopRecord):
    """Setiap langkah berikutnya (`lanjut`) dan tujuan cabang (`cabang.ke`) ada di SOP yang sama."""
    sop = record.data
    numbers = {s.no for s in sop.langkah}
    for i, step in enumerate(sop.langkah):
        for j, target in enumerate(step.lanjut or []):
            if target not in numbers:
                yield (*_at(record, "langkah", i, "lanjut", j), f"langkah {target} tidak ada")
        for j, branch in enumerate(step.cabang):
            if branch.ke not in numbers:
                yield (*_at(record, "langkah", i, "cabang", j, "ke"),
                       f"cabang '{branch.label}' menuju langkah {branch.ke} yang tidak ada")


@check("REF-004", "error")
def dasar_hukum_registered(ctx: Context, record: SopRecord):
    """Setiap butir Dasar Hukum merujuk entri di sop_data/regulasi.yaml.

    Dengan begitu setiap dasar hukum dapat ditelusuri ke peraturannya dan status berlakunya.
    """
    if ctx.book.regulasi is None:
        return
    for i, item in enumerate(record.data.dasar_hukum):
        for j, reg in enumerate(item.regulasi):
            if reg not in ctx.book.regulasi_map:
                yield (*_at(record, "dasar_hukum", i, "regulasi", j),
                       f"regulasi '{reg}' tidak terdaftar di sop_data/regulasi.yaml")


@check("REF-005", "error")
def keterkaitan_resolves(ctx: Context, record: SopRecord):
    """Keterkaitan berjenis `sop` menautkan SOP yang ada di buku pedoman ini; jenis lain tidak bertaut."""
    for i, item in enumerate(record.data.keterkaitan):
        if item.jenis == "sop" and item.sop is None:
            yield (*_at(record, "keterkaitan", i), "keterkaitan jenis 'sop' harus mengisi 'sop' (pengenal SOP)")
        elif item.jenis == "sop" and item.sop not in ctx.book.sops:
            yield (*_at(record, "keterkaitan", i, "sop"),
                   f"SOP '{item.sop}' tidak ada di buku pedoman")
        elif item.jenis != "sop" and item.sop is not None:
            yield (*_at(record, "keterkaitan", i, "sop"),
                   f"hanya keterkaitan jenis 'sop' yang boleh menautkan SOP (jenis di sini: '{item.jenis}')")


@check("REF-006", "error")
def ids_unique(ctx: Context, record: SopRecord):
    """Pengenal lajur dan nomor langkah tidak berulang dalam satu SOP."""
    sop = record.data
    seen: dict = {}
    for i, lane in enumerate(sop.pelaksana):
        if lane.id in seen:
            yield (*_at(record, "pelaksana", i, "id"),
                   f"pengenal pelaksana '{lane.id}' sudah dipakai di pelaksana[{seen[lane.id] + 1}]")
        seen.setdefault(lane.id, i)
    seen = {}
    for i, step in enumerate(sop.langkah):
        if step.no in seen:
            yield (*_at(record, "langkah", i, "no"),
                   f"nomor langkah {step.no} sudah dipakai di langkah[{seen[step.no] + 1}]")
        seen.setdefault(step.no, i)


@check("REF-007", "error", "handbook")
def relations_resolve(ctx: Context):
    """Setiap relasi peraturan (mengubah, diubah oleh, mencabut, dicabut oleh) menunjuk entri register."""
    if ctx.book.regulasi is None:
        return
    registry = ctx.book.regulasi_map
    for reg_id, reg in registry.items():
        for kind, targets in reg.relasi:
            for j, target in enumerate(targets):
                if target not in registry:
                    path = ("regulasi", reg_id, "relasi", kind, j)
                    yield (ctx.book.regulasi.path, ctx.book.regulasi.line_of(*path), path,
                           f"regulasi '{target}' tidak terdaftar")


@check("REF-008", "error")
def transcription_notes_point_somewhere(ctx: Context, record: SopRecord):
    """Setiap catatan transkripsi menunjuk bagian yang ada di berkas SOP."""
    for i, note in enumerate(record.data.catatan_transkripsi):
        if not _resolves(record.data, note.bidang):
            yield (*_at(record, "catatan_transkripsi", i, "bidang"),
                   f"bagian '{note.bidang}' tidak ditemukan di berkas ini")


def _resolves(obj, dotted: str) -> bool:
    """Does a field path like ``langkah[3].mutu_baku.waktu`` name a field of the model?

    A field left empty still resolves: a note may explain why it is empty.
    """
    current = obj
    for name, index in re.findall(r"([a-z_]+)|\[(\d+)\]", dotted):
        if name:
            if not isinstance(current, BaseModel) or name not in type(current).model_fields:
                return False
            current = getattr(current, name)
        else:
            k = int(index) - 1
            if not isinstance(current, list) or not 0 <= k < len(current):
                return False
            current = current[k]
    return True


@check("REF-009", "warning")
def lanes_used(ctx: Context, record: SopRecord):
    """Setiap lajur yang dideklarasikan dipakai oleh paling sedikit satu langkah.

    Lajur tanpa langkah biasanya tanda pelaksana langkah yang salah tulis.
    """
    used = {actor for step in record.data.langkah for actor in step.pelaksana}
    for i, lane in enumerate(record.data.pelaksana):
        if lane.id not in used:
            yield (*_at(record, "pelaksana", i), f"lajur '{lane.nama}' tidak dipakai oleh langkah mana pun")


# --- Flow --------------------------------------------------------------------


def _starts(sop):
    return [s for s in sop.langkah if s.jenis == "mulai"]


def _graph(sop) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {s.no: [] for s in sop.langkah}
    for e in edges(sop):
        if e.target in out:
            out[e.source].append(e.target)
    return out


def _reach(graph: dict[int, list[int]], seeds) -> set[int]:
    seen, todo = set(seeds), list(seeds)
    while todo:
        for nxt in graph.get(todo.pop(), []):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def _index(sop, no: int) -> int:
    return next(i for i, s in enumerate(sop.langkah) if s.no == no)


@check("FLOW-001", "error")
def one_start(ctx: Context, record: SopRecord):
    """Diagram alir punya tepat satu langkah `mulai`.

    Terminator awal menandai satu-satunya titik masuk prosedur.
    """
    sop = record.data
    starts = _starts(sop)
    if not starts:
        yield (*_at(record, "langkah"), "tidak ada langkah berjenis 'mulai'")
    for step in starts[1:]:
        yield (*_at(record, "langkah", _index(sop, step.no), "jenis"),
               f"langkah {step.no} adalah 'mulai' kedua (yang pertama langkah {starts[0].no})")


@check("FLOW-002", "error")
def reachable_from_start(ctx: Context, record: SopRecord):
    """Setiap langkah dapat dicapai dari langkah `mulai`.

    Langkah yang tidak dapat dicapai tidak pernah dikerjakan; biasanya `lanjut` atau cabang salah.
    """
    sop = record.data
    starts = _starts(sop)
    if len(starts) != 1:
        return  # FLOW-001 says why
    reached = _reach(_graph(sop), [starts[0].no])
    for i, step in enumerate(sop.langkah):
        if step.no not in reached:
            yield (*_at(record, "langkah", i, "no"), f"langkah {step.no} tidak dapat dicapai dari langkah mulai")


@check("FLOW-003", "error")
def end_reachable(ctx: Context, record: SopRecord):
    """Dari setiap langkah ada jalan menuju langkah `selesai` (tidak ada putaran tanpa jalan keluar)."""
    sop = record.data
    ends = [s.no for s in sop.langkah if s.jenis == "selesai"]
    if not ends:
        yield (*_at(record, "langkah"), "tidak ada langkah berjenis 'selesai'")
        return
    backward: dict[int, list[int]] = {}
    for source, targets in _graph(sop).items():
        for target in targets:
            backward.setdefault(target, []).append(source)
    finishing = _reach(backward, ends)
    for i, step in enumerate(sop.langkah):
        if step.no not in finishing:
            yield (*_at(record, "langkah", i, "no"), f"dari langkah {step.no} tidak ada jalan menuju langkah selesai")


@check("FLOW-004", "error")
def decisions_branch(ctx: Context, record: SopRecord):
    """Keputusan punya paling sedikit dua cabang berlabel berbeda; langkah lain tidak bercabang."""
    for i, step in enumerate(record.data.langkah):
        if step.jenis != "keputusan":
            if step.cabang:
                yield (*_at(record, "langkah", i, "cabang"),
                       f"hanya langkah berjenis 'keputusan' yang boleh bercabang (langkah {step.no} berjenis '{step.jenis}')")
            continue
        if len(step.cabang) < 2:
            yield (*_at(record, "langkah", i, "cabang"),
                   f"keputusan langkah {step.no} harus punya paling sedikit dua cabang (ada {len(step.cabang)})")
        seen: dict[str, int] = {}
        for j, branch in enumerate(step.cabang):
            key = branch.label.casefold().strip()
            if key in seen:
                yield (*_at(record, "langkah", i, "cabang", j, "label"),
                       f"label cabang '{branch.label}' sama dengan cabang ke-{seen[key] + 1}")
            seen.setdefault(key, j)


@check("FLOW-005", "error")
def one_next_step(ctx: Context, record: SopRecord):
    """Langkah `mulai` dan `proses` punya tepat satu langkah berikutnya; langkah `selesai` tidak punya.

    Bila `lanjut` dikosongkan, langkah berikutnya adalah langkah sesudahnya di daftar.
    """
    sop = record.data
    graph = {s.no: 0 for s in sop.langkah}
    for e in edges(sop):
        graph[e.source] += 1
    for i, step in enumerate(sop.langkah):
        n = graph[step.no]
        where = _at(record, "langkah", i, "lanjut") if step.lanjut is not None else _at(record, "langkah", i)
        if step.jenis == "selesai" and n:
            yield (*where, f"langkah {step.no} berjenis 'selesai' tidak boleh punya langkah berikutnya")
        elif step.jenis in ("mulai", "proses") and n != 1:
            yield (*where, f"langkah {step.no} harus punya tepat satu langkah berikutnya (ada {n})"
                   + ("; langkah terakhir seharusnya berjenis 'selesai'" if n == 0 and i == len(sop.langkah) - 1 else ""))


@check("FLOW-006", "error")
def numbered_in_order(ctx: Context, record: SopRecord):
    """Nomor langkah berurutan 1, 2, 3 … n sesuai urutan di berkas, tanpa lompatan."""
    for i, step in enumerate(record.data.langkah):
        if step.no != i + 1:
            yield (*_at(record, "langkah", i, "no"), f"langkah ke-{i + 1} bernomor {step.no}; seharusnya {i + 1}")
            return  # one mis-numbering shifts all that follow; the first says enough


# Someone a step hands the work to: "mengembalikan kepada X", "menyerahkan ke X", "memerintahkan X untuk".
_HANDOVER = re.compile(
    r"\b(?:(?:mengembalikan|menyerahkan|dikembalikan|diserahkan)\b[^,.;]{0,60}?\b(?:kepada|ke)"
    r"|memerintahkan)\s+(?P<who>[^,.;:()]+)",
    re.IGNORECASE,
)
_WHO_END = re.compile(r"\s+\b(?:untuk|guna|agar|supaya|dan|serta|jika|apabila|yang|bila)\b.*$", re.IGNORECASE)
_ABBREVIATIONS = {
    "ka": ["kepala"], "kasubbag": ["kepala", "subbagian"], "kasubag": ["kepala", "subbagian"],
    "kabag": ["kepala", "bagian"], "subbag": ["subbagian"], "subag": ["subbagian"],
    "kasub": ["kepala", "sub"], "bag": ["bagian"], "plt": [], "pit": [], "pt": [],
}


# Words that name another institution: handing work to it is the end of this SOP, not a lane.
_OUTSIDE = {"kpu", "ri", "inspektorat", "biro", "kementerian", "setjen", "bpk", "instansi"}


def person_words(text: str) -> set[str]:
    """Words naming a person or office, with the usual abbreviations spelled out."""
    words = []
    for w in re.findall(r"[a-z]+", text.casefold()):
        words.extend(_ABBREVIATIONS.get(w, [w]))
    joined = " ".join(words).replace("sub bagian", "subbagian")
    return set(joined.split())


@check("FLOW-007", "warning")
def handover_to_a_lane(ctx: Context, record: SopRecord):
    """Orang yang disebut menerima pekerjaan ("mengembalikan kepada X", "menyerahkan ke X", "memerintahkan X") adalah lajur SOP ini.

    Bila teks menyebut pejabat yang tidak punya lajur, diagram alir tidak menggambarkan apa yang dikatakan teks.
    """
    sop = record.data
    lanes = [person_words(lane.nama) for lane in sop.pelaksana]
    for i, step in enumerate(sop.langkah):
        texts = [(("langkah", i, "kegiatan"), _text(step.kegiatan))]
        texts += [(("langkah", i, "rincian", j), t) for j, t in enumerate(step.rincian)]
        for path, text in texts:
            for match in _HANDOVER.finditer(text or ""):
                who = _WHO_END.sub("", match.group("who")).strip()
                words = person_words(who)
                if not words or words & _OUTSIDE or any(words <= lane or lane <= words for lane in lanes if lane):
                    continue
                yield (*_at(record, *path),
                       f"langkah {step.no} menyebut '{who}', yang bukan pelaksana (lajur) SOP ini")


# --- SOP AP conformance (PermenPAN-RB 35/2012) -------------------------------

_RULE_SYMBOLS = "PermenPAN-RB 35/2012 hanya memakai lima simbol: terminator, proses, keputusan, panah alur dan penghubung antarhalaman"
# Legend wording -> symbol; the first match wins, so "Alur Proses" is an arrow, not a process.
_LEGEND = [
    ("dokumen", re.compile(r"dokumen|document|arsip|data ?base|basis data|input|output|manual|berkas", re.I)),
    ("panah", re.compile(r"alur|arah|panah|garis", re.I)),
    ("terminator", re.compile(r"awal|akhir|mulai|selesai|terminator", re.I)),
    ("keputusan", re.compile(r"keputusan|decision|pilihan", re.I)),
    ("penghubung", re.compile(r"penghubung|konektor|connector|halaman", re.I)),
    ("proses", re.compile(r"proses|kegiatan|aktivitas", re.I)),
]
STANDARD_LABELS = [("ya", "tidak"), ("lengkap", "tidak lengkap"), ("benar", "salah"), ("setuju", "tidak setuju")]


@check("AP-001", "warning")
def five_symbols(ctx: Context, record: SopRecord):
    """Legenda simbol (Keterangan Gambar) hanya memuat lima simbol SOP AP.

    PermenPAN-RB 35/2012 membatasi diagram alir SOP AP pada terminator, proses, keputusan, panah alur
    dan penghubung antarhalaman. Simbol dokumen dan simbol lain dari diagram alir teknis tidak dipakai.
    """
    for i, entry in enumerate(record.data.keterangan_gambar):
        kind = next((k for k, pattern in _LEGEND if pattern.search(entry)), None)
        if kind == "dokumen":
            yield (*_at(record, "keterangan_gambar", i), f"simbol '{entry}' bukan simbol SOP AP; {_RULE_SYMBOLS}")
        elif kind is None:
            yield (*_at(record, "keterangan_gambar", i), f"simbol '{entry}' tidak dikenali; {_RULE_SYMBOLS}")


@check("AP-002", "warning")
def standard_decision_labels(ctx: Context, record: SopRecord):
    """Cabang keputusan berlabel pasangan baku: Ya/Tidak, Lengkap/Tidak Lengkap, Benar/Salah, Setuju/Tidak Setuju."""
    for i, step in enumerate(record.data.langkah):
        if step.jenis != "keputusan" or len(step.cabang) < 2:
            continue
        found = {b.label.casefold().strip() for b in step.cabang}
        if not any(found == set(pair) for pair in STANDARD_LABELS):
            shown = " / ".join(b.label for b in step.cabang)
            yield (*_at(record, "langkah", i, "cabang"),
                   f"label cabang langkah {step.no} ({shown}) bukan pasangan baku Ya/Tidak, Lengkap/Tidak Lengkap, "
                   f"Benar/Salah atau Setuju/Tidak Setuju")


@check("AP-003", "warning")
def mutu_baku_present(ctx: Context, record: SopRecord):
    """Setiap langkah mengisi Mutu Baku (Kelengkapan, Waktu, Output)."""
    for i, step in enumerate(record.data.langkah):
        m = step.mutu_baku
        if m.kelengkapan is None and m.waktu is None and m.output is None:
            yield (*_at(record, "langkah", i), f"Mutu Baku langkah {step.no} kosong seluruhnya")


def _schedule_note(step) -> str:
    months = _months(step.keterangan)
    if not months:
        return ""
    return f"; Keterangan '{step.keterangan}' adalah jadwal, bukan lama waktu"


def _months(text) -> list[str]:
    if not isinstance(text, str):
        return []
    return [m for m in labels.MONTHS if re.search(rf"\b{m}\b", text, re.IGNORECASE)]


@check("AP-004", "warning")
def waktu_present(ctx: Context, record: SopRecord):
    """Setiap langkah menuliskan Waktu pada Mutu Baku.

    Tanpa Waktu, jumlah waktu penyelesaian SOP tidak dapat dihitung. Nama bulan pada kolom Keterangan
    adalah jadwal, bukan lama waktu, sehingga tidak menggantikan Waktu.
    """
    for i, step in enumerate(record.data.langkah):
        m = step.mutu_baku
        if m.waktu is None and (m.kelengkapan is not None or m.output is not None):
            yield (*_at(record, "langkah", i, "mutu_baku", "waktu"), f"Waktu langkah {step.no} tidak tertulis{_schedule_note(step)}")


@check("AP-005", "warning")
def output_present(ctx: Context, record: SopRecord):
    """Setiap langkah menuliskan Output pada Mutu Baku."""
    for i, step in enumerate(record.data.langkah):
        m = step.mutu_baku
        if m.output is None and (m.kelengkapan is not None or m.waktu is not None):
            yield (*_at(record, "langkah", i, "mutu_baku", "output"), f"Output langkah {step.no} tidak tertulis")


# --- Time --------------------------------------------------------------------


def _fmt_minutes(minutes: int) -> str:
    parts = waktu.split(minutes)
    return " ".join(f"{n} {labels.TIME['units'][u]}" for n, u in parts) or "0 menit"


@check("TIME-001", "warning")
def waktu_readable(ctx: Context, record: SopRecord):
    """Waktu setiap langkah terbaca sebagai lama waktu: angka dengan menit, jam, hari, minggu atau bulan.

    Contoh yang terbaca: "30 Menit", "2 Hari", "120 menit", "1 Hari 2 Jam". Huruf besar/kecil tidak berpengaruh.
    """
    for i, step in enumerate(record.data.langkah):
        value = step.mutu_baku.waktu
        path = ("langkah", i, "mutu_baku", "waktu")
        if isinstance(value, TidakDiketahui):
            yield (*_at(record, *path),
                   f"Waktu langkah {step.no} tidak diketahui ({value.tidak_diketahui}); tidak ikut dihitung")
        elif value is not None and waktu.parse(value) is None and not _months(value):
            yield (*_at(record, *path),
                   f"Waktu langkah {step.no} '{value}' bukan lama waktu yang terbaca; tidak ikut dihitung")


@check("TIME-002", "warning")
def waktu_not_a_schedule(ctx: Context, record: SopRecord):
    """Kolom Waktu berisi lama waktu, bukan jadwal (nama bulan).

    "Januari" atau "Januari-Februari" menyatakan kapan langkah dikerjakan, bukan berapa lama;
    tempatnya di kolom Keterangan.
    """
    for i, step in enumerate(record.data.langkah):
        value = step.mutu_baku.waktu
        if isinstance(value, str) and _months(value) and waktu.parse(value) is None:
            yield (*_at(record, "langkah", i, "mutu_baku", "waktu"),
                   f"Waktu langkah {step.no} '{value}' adalah jadwal (nama bulan), bukan lama waktu; tidak ikut dihitung")


@check("TIME-003", "warning")
def stated_total_matches(ctx: Context, record: SopRecord):
    """Jumlah waktu yang tercetak sama dengan jumlah Waktu semua langkah.

    Jumlah dihitung dengan aturan yang tertulis di setiap halaman SOP: 1 hari kerja = 8 jam,
    1 minggu = 5 hari kerja, 1 bulan = 20 hari kerja.
    """
    sop = record.data
    if sop.waktu_total_tercetak is None:
        return
    stated = waktu.parse(sop.waktu_total_tercetak)
    path = ("waktu_total_tercetak",)
    if stated is None:
        yield (*_at(record, *path), f"jumlah waktu tercetak '{sop.waktu_total_tercetak}' tidak terbaca sebagai lama waktu")
        return
    computed, missing = 0, []
    for step in sop.langkah:
        value = waktu.parse(step.mutu_baku.waktu)
        if value is None:
            missing.append(str(step.no))
        else:
            computed += value
    if computed != stated:
        note = f" (Waktu langkah {', '.join(missing)} tidak terbaca dan tidak dihitung)" if missing else ""
        yield (*_at(record, *path),
               f"jumlah waktu tercetak {_fmt_minutes(stated)} berbeda dari jumlah Waktu langkah "
               f"{_fmt_minutes(computed)}{note}")


# --- Dates -------------------------------------------------------------------

_DATE_ORDER = ("pembuatan", "pengesahan", "efektif")


@check("DATE-001", "warning")
def dates_in_order(ctx: Context, record: SopRecord):
    """Tanggal pembuatan ≤ tanggal pengesahan ≤ tanggal efektif.

    SOP disusun, lalu disahkan, lalu mulai berlaku.
    """
    t = record.data.tanggal
    present = [(name, getattr(t, name)) for name in _DATE_ORDER if getattr(t, name)]
    for (a, da), (b, db) in zip(present, present[1:]):
        if da > db:
            yield (*_at(record, "tanggal", b),
                   f"tanggal {b} ({labels.tanggal(db)}) lebih awal dari tanggal {a} ({labels.tanggal(da)})")


@check("DATE-002", "warning")
def revision_after_creation(ctx: Context, record: SopRecord):
    """Tanggal revisi tidak lebih awal dari tanggal pembuatan."""
    t = record.data.tanggal
    if t.revisi and t.pembuatan and t.revisi < t.pembuatan:
        yield (*_at(record, "tanggal", "revisi"),
               f"tanggal revisi ({labels.tanggal(t.revisi)}) lebih awal dari tanggal pembuatan ({labels.tanggal(t.pembuatan)})")


@check("DATE-003", "warning")
def dates_not_in_future(ctx: Context, record: SopRecord):
    """Tidak ada tanggal yang jatuh setelah tanggal acuan pemeriksaan (hari ini).

    Tanggal di masa depan biasanya salah ketik tahun. Tanggal acuan dapat diatur dengan SOP_TANGGAL_ACUAN.
    """
    sop = record.data
    dates = [(("tanggal", name), getattr(sop.tanggal, name)) for name in ("pembuatan", "revisi", "efektif", "pengesahan")]
    if sop.lembar_pengesahan:
        dates.append((("lembar_pengesahan", "tanggal"), sop.lembar_pengesahan.tanggal))
    dates += [(("peninjauan", i, "tanggal"), r.tanggal) for i, r in enumerate(sop.peninjauan)]
    for path, day in dates:
        if day and day > ctx.today:
            yield (*_at(record, *path),
                   f"tanggal {labels.tanggal(day)} jatuh setelah tanggal acuan {labels.tanggal(ctx.today)}")


@check("DATE-004", "warning")
def signing_dates_agree(ctx: Context, record: SopRecord):
    """Tanggal pada Lembar Pengesahan sama dengan tanggal pengesahan di kotak identitas."""
    sop = record.data
    lp = sop.lembar_pengesahan
    if lp and lp.tanggal and sop.tanggal.pengesahan and lp.tanggal != sop.tanggal.pengesahan:
        yield (*_at(record, "lembar_pengesahan", "tanggal"),
               f"Lembar Pengesahan bertanggal {labels.tanggal(lp.tanggal)}, kotak identitas "
               f"{labels.tanggal(sop.tanggal.pengesahan)}")


# --- Identity ----------------------------------------------------------------


def _norm(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.casefold()))


@check("IDENT-001", "error", "handbook")
def nomor_unique(ctx: Context):
    """Nomor SOP tidak dipakai oleh dua SOP di buku pedoman.

    Nomor adalah pengenal resmi SOP; dua SOP bernomor sama biasanya berkas yang tersalin.
    """
    first: dict[str, SopRecord] = {}
    for record in ctx.book.sops.values():
        key = _norm(record.data.nomor)
        if key in first:
            yield (*_at(record, "nomor"), f"Nomor SOP '{record.data.nomor}' sudah dipakai oleh {first[key].path}")
        else:
            first[key] = record


_ORT = re.compile(r"ORT\.?\s*\d", re.IGNORECASE)


@check("IDENT-002", "warning")
def nomor_has_number(ctx: Context, record: SopRecord):
    """Nomor SOP berpola ORT (…/ORT.06/…) diawali nomor urutnya.

    Contoh lengkap: 44/ORT.06/7271/2022. Nomor yang diawali garis miring kehilangan nomor urutnya.
    """
    nomor = record.data.nomor.strip()
    if _ORT.search(nomor) and not re.match(r"\d", nomor):
        yield (*_at(record, "nomor"), f"Nomor SOP '{nomor}' tidak diawali nomor urut")


_BOXES = ("dasar_hukum", "kualifikasi_pelaksana", "keterkaitan", "peralatan_perlengkapan", "peringatan",
          "pencatatan_pendataan")


@check("IDENT-003", "warning")
def boxes_filled(ctx: Context, record: SopRecord):
    """Keenam kotak formulir SOP AP terisi: Dasar Hukum, Kualifikasi Pelaksana, Keterkaitan, Peralatan/Perlengkapan, Peringatan, Pencatatan dan Pendataan."""
    for box in _BOXES:
        if not getattr(record.data, box):
            yield (*_at(record, box), f"kotak {labels.BOX[box]} kosong")


_IDENTITY_FIELDS = (("tanggal", "pembuatan"), ("tanggal", "pengesahan"), ("tanggal", "efektif"), ("disahkan_oleh",))


@check("IDENT-004", "warning")
def identity_filled(ctx: Context, record: SopRecord):
    """Kotak identitas memuat tanggal pembuatan, tanggal pengesahan, tanggal efektif dan pejabat yang mengesahkan.

    Tanggal revisi hanya diisi bila SOP pernah direvisi.
    """
    sop = record.data
    for path in _IDENTITY_FIELDS:
        value = sop
        for name in path:
            value = getattr(value, name)
        if value is None:
            yield (*_at(record, *path), f"{labels.IDENTITY[path[-1]]} tidak tercetak")


@check("IDENT-005", "warning")
def signing_sheet_names_this_sop(ctx: Context, record: SopRecord):
    """Judul Lembar Pengesahan/Lampiran menyebut SOP ini (bagian "TENTANG …" sama dengan Nama SOP)."""
    sop = record.data
    lp = sop.lembar_pengesahan
    if not lp or not lp.judul:
        return
    parts = re.split(r"\btentang\b", lp.judul, maxsplit=1, flags=re.IGNORECASE)
    if len(parts) < 2:
        return
    subject, name = _norm(parts[1]), _norm(sop.nama)
    if subject and name and name not in subject and subject not in name:
        yield (*_at(record, "lembar_pengesahan", "judul"),
               f"judul menyebut '{parts[1].strip()}', bukan Nama SOP '{sop.nama}'")



# --- Dasar Hukum -------------------------------------------------------------

# How an item's printed wording names its jenis; the first match wins.
_PRINTED_JENIS = [
    ("keputusan_sekjen_kpu", r"keputusan\s+sekretaris\s+jenderal"),
    ("keputusan_kpu_daerah", r"keputusan\s+(?:komisi\s+pemilihan\s+umum|kpu)\s+(?:provinsi|kabupaten|kota)\b"),
    ("keputusan_kpu", r"keputusan\s+(?:komisi\s+pemilihan\s+umum|kpu)\b"),
    ("peraturan_kpu", r"peraturan\s+(?:komisi\s+pemilihan\s+umum|kpu)\b"),
    ("peraturan_menteri", r"peraturan\s+menteri\b"),
    ("peraturan_presiden", r"peraturan\s+presiden\b"),
    ("peraturan_pemerintah", r"peraturan\s+pemerintah\b"),
    ("undang_undang", r"undang[- ]undang\b"),
]
_CITATION_START = re.compile("|".join(f"(?:{p})" for _, p in _PRINTED_JENIS), re.IGNORECASE)
_NUMBER = re.compile(r"\bnomor\s*:?\s*(?P<n>.+?)\s+tentang\b", re.IGNORECASE)
_NUMBER_NO_WORD = re.compile(r"^\S.*?\s(?P<n>\d+\s+tahun\s+\d{4})\s+tentang\b", re.IGNORECASE)


@dataclass(frozen=True)
class PrintedCitation:
    """What one printed citation says about its regulation, read from its wording."""

    text: str
    jenis: str | None
    nomor: str | None
    tahun: int | None


def read_citation(text: str) -> PrintedCitation:
    jenis = next((j for j, p in _PRINTED_JENIS if re.match(p, text.strip(), re.IGNORECASE)), None)
    match = _NUMBER.search(text) or _NUMBER_NO_WORD.search(text)
    nomor = match.group("n").strip() if match else None
    years = re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", nomor or "")
    return PrintedCitation(text, jenis, nomor, int(years[-1]) if years else None)


def citations(item) -> list[tuple[str, PrintedCitation]]:
    """Pair each regulation id of a Dasar Hukum item with the part of its wording that cites it.

    An item naming two regulations is split where the second citation starts ("… Peraturan
    Komisi Pemilihan Umum Nomor …"); when the parts cannot be paired one to one, none is read.
    """
    if len(item.regulasi) == 1:
        return [(item.regulasi[0], read_citation(item.teks))]
    starts = [m.start() for m in _CITATION_START.finditer(item.teks)
              if re.match(r".{0,80}?\bnomor\b", item.teks[m.start():], re.IGNORECASE | re.DOTALL)]
    if len(starts) != len(item.regulasi):
        return []
    parts = [item.teks[a:b] for a, b in zip(starts, starts[1:] + [len(item.teks)])]
    return [(reg, read_citation(part)) for reg, part in zip(item.regulasi, parts)]


def _number_key(text: str) -> str:
    return re.sub(r"[\s:]+", "", text.casefold())


def number_matches(printed: str, reg) -> bool:
    forms = {_number_key(reg.nomor)}
    if reg.tahun and reg.nomor.isdigit():
        forms.add(_number_key(f"{reg.nomor} tahun {reg.tahun}"))
    return _number_key(printed) in forms


def _printed_vs_registry(ctx: Context, record: SopRecord):
    """(item index, regulation, printed citation) for every readable citation of a registered regulation."""
    registry = ctx.book.regulasi_map
    for i, item in enumerate(record.data.dasar_hukum):
        for reg_id, printed in citations(item):
            reg = registry.get(reg_id)
            if reg is not None and reg.jenis != "dokumen":
                yield i, reg_id, reg, printed


@check("DH-001", "warning")
def cited_once(ctx: Context, record: SopRecord):
    """Satu peraturan dikutip sekali saja dalam Dasar Hukum satu SOP."""
    first: dict[str, int] = {}
    for i, item in enumerate(record.data.dasar_hukum):
        for j, reg_id in enumerate(item.regulasi):
            if reg_id in first and first[reg_id] != i:
                yield (*_at(record, "dasar_hukum", i, "regulasi", j),
                       f"peraturan yang sama ({reg_id}) sudah dikutip di butir {first[reg_id] + 1}")
            first.setdefault(reg_id, i)


@check("DH-002", "warning")
def printed_jenis_matches(ctx: Context, record: SopRecord):
    """Jenis peraturan yang tercetak sama dengan jenis di register.

    Misalnya "Peraturan" KPU yang nomornya (…-Kpt/…) menandai Keputusan KPU.
    """
    for i, reg_id, reg, printed in _printed_vs_registry(ctx, record):
        if printed.jenis and printed.jenis != reg.jenis:
            yield (*_at(record, "dasar_hukum", i, "teks"),
                   f"tercetak sebagai {labels.REGULASI_JENIS[printed.jenis]}, padahal {reg_id} di register adalah "
                   f"{labels.REGULASI_JENIS[reg.jenis]}")


@check("DH-003", "warning")
def printed_year_matches(ctx: Context, record: SopRecord):
    """Tahun peraturan yang tercetak sama dengan tahun di register."""
    for i, reg_id, reg, printed in _printed_vs_registry(ctx, record):
        if printed.tahun and reg.tahun and printed.tahun != reg.tahun:
            yield (*_at(record, "dasar_hukum", i, "teks"),
                   f"tercetak tahun {printed.tahun} (nomor '{printed.nomor}'), padahal {reg_id} di register "
                   f"bertahun {reg.tahun}")


@check("DH-004", "warning")
def one_regulation_per_item(ctx: Context, record: SopRecord):
    """Setiap butir Dasar Hukum menyebut satu peraturan.

    Dua peraturan yang tercetak bersambung dalam satu butir biasanya butir yang tergabung saat pengetikan.
    """
    for i, item in enumerate(record.data.dasar_hukum):
        if len(item.regulasi) > 1:
            yield (*_at(record, "dasar_hukum", i, "regulasi"),
                   f"satu butir menyebut {len(item.regulasi)} peraturan: {', '.join(item.regulasi)}")


@check("DH-005", "warning")
def printed_number_matches(ctx: Context, record: SopRecord):
    """Nomor peraturan yang tercetak sama dengan nomor di register (huruf besar/kecil dan spasi diabaikan)."""
    for i, reg_id, reg, printed in _printed_vs_registry(ctx, record):
        if not (printed.nomor and reg.nomor):
            continue
        if printed.tahun and reg.tahun and printed.tahun != reg.tahun:
            continue  # DH-003 already says the year is wrong
        if not number_matches(printed.nomor, reg):
            yield (*_at(record, "dasar_hukum", i, "teks"),
                   f"tercetak nomor '{printed.nomor}', padahal di register {legal.short_name(reg)}")


@check("DH-006", "warning")
def item_traced(ctx: Context, record: SopRecord):
    """Setiap butir Dasar Hukum ditelusuri ke paling sedikit satu entri register."""
    for i, item in enumerate(record.data.dasar_hukum):
        if not item.regulasi:
            yield (*_at(record, "dasar_hukum", i), "butir ini tidak dikaitkan dengan entri register mana pun")


@check("DH-007", "warning")
def cites_regulations(ctx: Context, record: SopRecord):
    """Dasar Hukum memuat peraturan, bukan dokumen perencanaan atau dokumen kerja.

    Dokumen seperti Perjanjian Kinerja atau Renstra tempatnya di kotak Keterkaitan atau Peralatan/Perlengkapan.
    """
    registry = ctx.book.regulasi_map
    for i, item in enumerate(record.data.dasar_hukum):
        for j, reg_id in enumerate(item.regulasi):
            reg = registry.get(reg_id)
            if reg is not None and reg.jenis == "dokumen":
                yield (*_at(record, "dasar_hukum", i, "regulasi", j),
                       f"butir ini mengutip dokumen ({reg.tentang}), bukan peraturan")


@check("DH-008", "warning")
def printed_with_number(ctx: Context, record: SopRecord):
    """Setiap peraturan dalam Dasar Hukum dikutip dengan nomornya."""
    for i, reg_id, reg, printed in _printed_vs_registry(ctx, record):
        if printed.nomor is None:
            yield (*_at(record, "dasar_hukum", i, "teks"), f"peraturan ({reg_id}) dikutip tanpa nomor")


@check("DH-009", "warning")
def cites_no_revoked_regulation(ctx: Context, record: SopRecord):
    """Dasar Hukum tidak mengutip peraturan yang sudah dicabut.

    Peraturan yang dicabut tidak lagi menjadi dasar hukum; pesan ini menyebut peraturan penggantinya
    menurut register.
    """
    registry = ctx.book.regulasi_map
    for i, item in enumerate(record.data.dasar_hukum):
        for j, reg_id in enumerate(item.regulasi):
            reg = registry.get(reg_id)
            if reg is None or reg.status != "dicabut":
                continue
            new = legal.replacements(registry, reg_id)
            by = ", ".join(legal.short_name(registry[r]) for r in new) or "peraturan yang tidak tercatat"
            yield (*_at(record, "dasar_hukum", i, "regulasi", j),
                   f"{legal.short_name(reg)} telah dicabut oleh {by}")


@check("DH-010", "warning")
def cites_amendments(ctx: Context, record: SopRecord):
    """Peraturan yang telah diubah dikutip bersama perubahannya.

    Dasar Hukum yang mengutip peraturan (atau salah satu perubahannya) tanpa perubahan-perubahan berikutnya
    tidak lagi menggambarkan aturan yang berlaku; tinjau apakah SOP masih sesuai.
    """
    registry = ctx.book.regulasi_map
    cited = {r for item in record.data.dasar_hukum for r in item.regulasi}
    reported: set[str] = set()
    for i, item in enumerate(record.data.dasar_hukum):
        for j, reg_id in enumerate(item.regulasi):
            if reg_id not in registry:
                continue
            base, _ = legal.family(registry, reg_id)
            missing = legal.missing_amendments(registry, cited, reg_id)
            if not missing or base in reported:
                continue
            reported.add(base)
            yield (*_at(record, "dasar_hukum", i, "regulasi", j),
                   f"{legal.short_name(registry[base])} telah diubah oleh "
                   f"{', '.join(legal.short_name(registry[m]) for m in missing)}, yang tidak dikutip")


# --- Registry ----------------------------------------------------------------


def _reg_at(ctx: Context, *path):
    return ctx.book.regulasi.path, ctx.book.regulasi.line_of(*path), path


@check("REG-001", "error", "handbook")
def no_relation_cycle(ctx: Context):
    """Rantai perubahan dan pencabutan di register tidak berputar (A mengubah B, B mengubah A).

    Peraturan yang lebih baru mengubah atau mencabut yang lebih lama, sehingga putaran selalu kekeliruan pencatatan.
    """
    if ctx.book.regulasi is None:
        return
    cycle = legal.relation_cycle(ctx.book.regulasi_map)
    if cycle:
        yield (*_reg_at(ctx, "regulasi", cycle[0], "relasi"),
               f"rantai perubahan/pencabutan berputar: {' → '.join(cycle)}")


@check("REG-002", "error", "handbook")
def relations_mirrored(ctx: Context):
    """Setiap relasi dicatat di kedua entri: `mengubah` dengan `diubah_oleh`, `mencabut` dengan `dicabut_oleh`."""
    if ctx.book.regulasi is None:
        return
    registry = ctx.book.regulasi_map
    for reg_id, reg in registry.items():
        for kind, targets in reg.relasi:
            for j, target in enumerate(targets):
                other = registry.get(target)
                if other is not None and reg_id not in getattr(other.relasi, legal.MIRROR[kind]):
                    yield (*_reg_at(ctx, "regulasi", reg_id, "relasi", kind, j),
                           f"{target} tidak mencatat '{legal.MIRROR[kind]}: [{reg_id}]'")


@check("REG-003", "error", "handbook")
def status_matches_relations(ctx: Context):
    """Status sesuai relasinya: `dicabut` bila dan hanya bila ada `dicabut_oleh`; `diubah` memerlukan `diubah_oleh`."""
    if ctx.book.regulasi is None:
        return
    for reg_id, reg in ctx.book.regulasi_map.items():
        r = reg.relasi
        problem = None
        if r.dicabut_oleh and reg.status != "dicabut":
            problem = f"dicabut oleh {', '.join(r.dicabut_oleh)}, tetapi berstatus '{reg.status}'"
        elif reg.status == "dicabut" and not r.dicabut_oleh:
            problem = "berstatus 'dicabut' tanpa 'dicabut_oleh'"
        elif reg.status == "diubah" and not r.diubah_oleh:
            problem = "berstatus 'diubah' tanpa 'diubah_oleh'"
        elif r.diubah_oleh and reg.status not in ("diubah", "dicabut"):
            problem = f"diubah oleh {', '.join(r.diubah_oleh)}, tetapi berstatus '{reg.status}'"
        if problem:
            yield (*_reg_at(ctx, "regulasi", reg_id, "status"), problem)


@check("REG-004", "error", "handbook")
def status_has_a_source(ctx: Context):
    """Setiap status selain `tidak_diketahui` disertai `catatan_status` yang menyebut sumbernya."""
    if ctx.book.regulasi is None:
        return
    for reg_id, reg in ctx.book.regulasi_map.items():
        if reg.status != "tidak_diketahui" and not reg.catatan_status:
            yield (*_reg_at(ctx, "regulasi", reg_id, "status"),
                   f"status '{reg.status}' tanpa catatan_status yang menyebut sumbernya")


# --- Review ------------------------------------------------------------------


@check("REVIEW-001", "warning")
def reviewed_within_six_months(ctx: Context, record: SopRecord):
    """SOP ditinjau paling lambat enam bulan sejak peninjauan terakhir, atau sejak tanggal efektif bila belum pernah ditinjau.

    Pemantauan SOP AP dilakukan setiap enam bulan. Catat peninjauan di `peninjauan` pada berkas SOP.
    """
    sop = record.data
    st = review.status(sop, ctx.today)
    if not st.overdue:
        return
    if st.basis is None:
        yield (*_at(record, "tanggal"),
               "belum pernah ditinjau dan tanggal efektif tidak tercetak, sehingga jatuh tempo peninjauan tidak "
               "dapat dihitung; tinjau SOP ini dan catat di 'peninjauan'")
    elif st.basis == "peninjauan":
        yield (*_at(record, "peninjauan"),
               f"peninjauan terakhir {labels.tanggal(st.since)}; seharusnya ditinjau lagi paling lambat "
               f"{labels.tanggal(st.due)} (terlambat {st.days} hari)")
    else:
        yield (*_at(record, "tanggal", "efektif"),
               f"belum pernah ditinjau sejak efektif {labels.tanggal(st.since)}; seharusnya ditinjau paling lambat "
               f"{labels.tanggal(st.due)} (terlambat {st.days} hari)")
