"""Dasar Hukum: each printed citation against the registry entry it is traced to."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

from .. import labels, legal
from ..loader import SopRecord
from ..model import DasarHukum, Regulasi, RegulasiJenis
from .base import Context, Item, _at, check

# How an item's printed wording names its jenis (in full or by its usual abbreviation: PP, Perpres,
# Permen..., PMK, KMA, PKPU, Perda, Perbup ...); the first match wins.
_PRINTED_JENIS: list[tuple[RegulasiJenis, str]] = [
    ("keputusan_sekjen_kpu", r"keputusan\s+sekretaris\s+jenderal"),
    ("keputusan_kpu_daerah", r"keputusan\s+(?:komisi\s+pemilihan\s+umum|kpu)\s+(?:provinsi|kabupaten|kota)\b"),
    ("keputusan_kpu", r"(?:keputusan\s+(?:komisi\s+pemilihan\s+umum|kpu)|kpt\.?\s+kpu)\b"),
    ("peraturan_kpu", r"(?:peraturan\s+(?:komisi\s+pemilihan\s+umum|kpu)|pkpu)\b"),
    ("peraturan_bawaslu", r"(?:peraturan\s+(?:badan\s+pengawas\s+pemilihan\s+umum|bawaslu)|perbawaslu)\b"),
    ("keputusan_kepala_bkn", r"keputusan\s+kepala\s+(?:badan\s+kepegawaian\s+negara|bkn)\b"),
    ("peraturan_kepala_bkn", r"peraturan\s+(?:kepala\s+)?(?:badan\s+kepegawaian\s+negara|bkn)\b"),
    ("peraturan_anri", r"peraturan\s+(?:kepala\s+)?(?:arsip\s+nasional(?:\s+republik\s+indonesia)?|anri)\b"),
    ("peraturan_lkpp", r"peraturan\s+(?:kepala\s+)?(?:lembaga\s+kebijakan\s+pengadaan|lkpp)\b"),
    ("keputusan_menteri", r"(?:keputusan\s+menteri|kepmen\w*|kma)\b"),
    ("peraturan_daerah", r"(?:peraturan\s+daerah|perda)\b"),
    ("peraturan_gubernur", r"(?:peraturan\s+gubernur|pergub)\b"),
    ("peraturan_bupati", r"(?:peraturan\s+bupati|perbup)\b"),
    ("peraturan_walikota", r"(?:peraturan\s+wali\s*kota|perwal)\b"),
    ("peraturan_rektor", r"peraturan\s+rektor\b"),
    ("peraturan_menteri", r"(?:peraturan\s+menteri|permen\w*|pmk)\b"),
    ("peraturan_presiden", r"(?:peraturan\s+presiden|perpres)\b"),
    ("perppu", r"peraturan\s+pemerintah\s+pengganti\s+undang[- ]undang\b"),
    ("peraturan_pemerintah", r"(?:peraturan\s+pemerintah|pp)\b"),
    ("undang_undang", r"(?:undang\s*[- ]\s*undang|uu)\b"),
]
CITATION_START = re.compile("|".join(f"(?:{p})" for _, p in _PRINTED_JENIS), re.IGNORECASE)
_NUMBER = re.compile(r"\b(?:nomor|no\.?)\s*:?\s*(?P<n>.+?)\s+tentang\b", re.IGNORECASE)
_NUMBER_NO_WORD = re.compile(r"^\S.*?\s(?P<n>\d+\s+tahun\s+\d{4})\s+tentang\b", re.IGNORECASE)


@dataclass(frozen=True)
class PrintedCitation:
    """What one printed citation says about its regulation, read from its wording."""

    text: str
    jenis: RegulasiJenis | None
    nomor: str | None
    tahun: int | None


_JENIS_PATTERNS = [(j, re.compile(p, re.IGNORECASE)) for j, p in _PRINTED_JENIS]
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


@lru_cache(maxsize=1 << 14)  # the same wording recurs across SOPs, and four checks read each item
def read_citation(text: str) -> PrintedCitation:
    jenis = next((j for j, p in _JENIS_PATTERNS if p.match(text.strip())), None)
    match = _NUMBER.search(text) or _NUMBER_NO_WORD.search(text)
    nomor = match.group("n").strip() if match else None
    years = _YEAR.findall(nomor or "")
    return PrintedCitation(text, jenis, nomor, int(years[-1]) if years else None)


def citations(item: DasarHukum) -> list[tuple[str, PrintedCitation]]:
    """Pair each regulation id of a Dasar Hukum item with the part of its wording that cites it.

    An item naming two regulations is split where the second citation starts ("… Peraturan
    Komisi Pemilihan Umum Nomor …"); when the parts cannot be paired one to one, none is read.
    """
    if not item.regulasi:
        return []  # not traced to the registry yet (DH-006 says so)
    if len(item.regulasi) == 1:
        return [(item.regulasi[0], read_citation(item.teks))]
    parts = _parts(item.teks, len(item.regulasi))
    if not parts:
        return []
    return [(reg, read_citation(part)) for reg, part in zip(item.regulasi, parts, strict=True)]


@lru_cache(maxsize=1 << 12)  # like read_citation: the same wording recurs across SOPs
def _parts(teks: str, count: int) -> tuple[str, ...]:
    """``teks`` cut where each of ``count`` citations starts; nothing if it does not cut so."""
    starts = [
        m.start()
        for m in CITATION_START.finditer(teks)
        if re.match(r".{0,80}?\bnomor\b", teks[m.start() :], re.IGNORECASE | re.DOTALL)
    ]
    if len(starts) != count:
        return ()
    return tuple(teks[a:b] for a, b in zip(starts, starts[1:] + [len(teks)], strict=True))


def _number_key(text: str) -> str:
    return re.sub(r"[\s:]+", "", text.casefold())


def number_matches(printed: str, reg: Regulasi) -> bool:
    if reg.nomor is None:  # its callers look at numbered entries only
        return False
    forms = {_number_key(reg.nomor)}
    if reg.tahun and reg.nomor.isdigit():
        forms.add(_number_key(f"{reg.nomor} tahun {reg.tahun}"))
    return _number_key(printed) in forms


def _printed_vs_registry(ctx: Context, record: SopRecord) -> Iterator[tuple[int, str, Regulasi, PrintedCitation]]:
    """(item index, regulation, printed citation) for every readable citation of a registered regulation."""
    registry = ctx.book.regulasi_map
    for i, item in enumerate(record.data.dasar_hukum):
        for reg_id, printed in citations(item):
            reg = registry.get(reg_id)
            if reg is not None and reg.jenis != "dokumen":
                yield i, reg_id, reg, printed


@check("DH-001", "warning")
def cited_once(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """Satu peraturan dikutip sekali saja dalam Dasar Hukum satu SOP."""
    first: dict[str, int] = {}
    for i, item in enumerate(record.data.dasar_hukum):
        for j, reg_id in enumerate(item.regulasi):
            if reg_id in first and first[reg_id] != i:
                yield (
                    *_at(record, "dasar_hukum", i, "regulasi", j),
                    f"peraturan yang sama ({reg_id}) sudah dikutip di butir {first[reg_id] + 1}",
                )
            first.setdefault(reg_id, i)


@check("DH-002", "warning")
def printed_jenis_matches(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """Jenis peraturan yang tercetak sama dengan jenis di register.

    Misalnya "Peraturan" KPU yang nomornya (…-Kpt/…) menandai Keputusan KPU.
    """
    for i, reg_id, reg, printed in _printed_vs_registry(ctx, record):
        if printed.jenis and printed.jenis != reg.jenis:
            yield (
                *_at(record, "dasar_hukum", i, "teks"),
                f"tercetak sebagai {labels.REGULASI_JENIS[printed.jenis]}, padahal {reg_id} di register adalah "
                f"{labels.REGULASI_JENIS[reg.jenis]}",
            )


@check("DH-003", "warning")
def printed_year_matches(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """Tahun peraturan yang tercetak sama dengan tahun di register."""
    for i, reg_id, reg, printed in _printed_vs_registry(ctx, record):
        if printed.tahun and reg.tahun and printed.tahun != reg.tahun:
            yield (
                *_at(record, "dasar_hukum", i, "teks"),
                f"tercetak tahun {printed.tahun} (nomor '{printed.nomor}'), padahal {reg_id} di register "
                f"bertahun {reg.tahun}",
            )


@check("DH-004", "warning")
def one_regulation_per_item(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """Setiap butir Dasar Hukum menyebut satu peraturan.

    Dua peraturan yang tercetak bersambung dalam satu butir biasanya butir yang tergabung saat pengetikan.
    """
    for i, item in enumerate(record.data.dasar_hukum):
        if len(item.regulasi) > 1:
            yield (
                *_at(record, "dasar_hukum", i, "regulasi"),
                f"satu butir menyebut {len(item.regulasi)} peraturan: {', '.join(item.regulasi)}",
            )


@check("DH-005", "warning")
def printed_number_matches(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """Nomor peraturan yang tercetak sama dengan nomor di register (huruf besar/kecil dan spasi diabaikan)."""
    for i, _reg_id, reg, printed in _printed_vs_registry(ctx, record):
        if not (printed.nomor and reg.nomor):
            continue
        if printed.tahun and reg.tahun and printed.tahun != reg.tahun:
            continue  # DH-003 already says the year is wrong
        if not number_matches(printed.nomor, reg):
            yield (
                *_at(record, "dasar_hukum", i, "teks"),
                f"tercetak nomor '{printed.nomor}', padahal di register {legal.short_name(reg)}",
            )


@check("DH-006", "warning")
def item_traced(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """Setiap butir Dasar Hukum ditelusuri ke paling sedikit satu entri register."""
    for i, item in enumerate(record.data.dasar_hukum):
        if not item.regulasi:
            yield (*_at(record, "dasar_hukum", i), "butir ini tidak dikaitkan dengan entri register mana pun")


@check("DH-007", "warning")
def cites_regulations(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """Dasar Hukum memuat peraturan, bukan dokumen perencanaan atau dokumen kerja.

    Dokumen seperti Perjanjian Kinerja atau Renstra tempatnya di kotak Keterkaitan atau Peralatan/Perlengkapan.
    """
    registry = ctx.book.regulasi_map
    for i, item in enumerate(record.data.dasar_hukum):
        for j, reg_id in enumerate(item.regulasi):
            reg = registry.get(reg_id)
            if reg is not None and reg.jenis == "dokumen":
                yield (
                    *_at(record, "dasar_hukum", i, "regulasi", j),
                    f"butir ini mengutip dokumen ({reg.tentang}), bukan peraturan",
                )


@check("DH-008", "warning")
def printed_with_number(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """Setiap peraturan dalam Dasar Hukum dikutip dengan nomornya."""
    for i, reg_id, _reg, printed in _printed_vs_registry(ctx, record):
        if printed.nomor is None:
            yield (*_at(record, "dasar_hukum", i, "teks"), f"peraturan ({reg_id}) dikutip tanpa nomor")


@check("DH-009", "warning")
def cites_no_revoked_regulation(ctx: Context, record: SopRecord) -> Iterator[Item]:
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
            yield (*_at(record, "dasar_hukum", i, "regulasi", j), f"{legal.short_name(reg)} telah dicabut oleh {by}")


def _cited(registry: Mapping[str, Regulasi], gap: legal.AmendmentGap) -> str:
    """What the SOP printed for this regulation, in the registry's names."""
    names = ", ".join(legal.short_name(registry[m]) for m in gap.cited)
    if gap.cited == [gap.base]:
        return f"Dasar Hukum mengutip {names}"
    return f"Dasar Hukum mengutip {names} (perubahan atas {legal.short_name(registry[gap.base])})"


def _enacted(registry: Mapping[str, Regulasi], ids: list[str]) -> str:
    def one(reg_id: str) -> str:
        reg = registry[reg_id]
        when = labels.tanggal(reg.tanggal_penetapan) if reg.tanggal_penetapan else f"tahun {reg.tahun or '?'}"
        return f"{legal.short_name(reg)} (ditetapkan {when})"

    return ", ".join(one(r) for r in ids)


def _signed(gap: legal.AmendmentGap) -> str:
    # Asked only about amendments timed against the signing date, so the SOP prints one.
    assert gap.signed is not None, "an amendment is timed before or after signing only when the SOP is dated"
    date, basis = gap.signed
    return f"{labels.tanggal(date)}, tanggal {labels.IDENTITY[basis].removeprefix('Tanggal ').lower()}"


@check("DH-010", "warning")
def cites_amendments_in_force(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """Dasar Hukum mengutip perubahan yang sudah ditetapkan ketika SOP ditandatangani.

    Bila sebuah peraturan sudah diubah sebelum SOP ditandatangani, Dasar Hukum semestinya mengutip
    perubahan itu juga. Mengutip salah satu perubahan dihitung mengutip peraturan yang diubahnya dan
    perubahan sebelumnya. Tanggal SOP adalah tanggal pengesahan, atau bila tidak tercetak tanggal
    revisi, efektif atau pembuatan; tanggal perubahan adalah tanggal penetapannya di register, atau
    tahunnya bila tahun itu sudah menentukan. Perubahan sesudah SOP ditandatangani dilaporkan DH-012.
    """
    registry = ctx.book.regulasi_map
    for gap in legal.amendment_gaps(registry, record.data):
        if before := gap.later.get("sebelum"):
            yield (
                *_at(record, "dasar_hukum", gap.item, "regulasi", gap.position),
                f"{_cited(registry, gap)}, tetapi tidak mengutip perubahan yang sudah ditetapkan sebelum SOP "
                f"ditandatangani ({_signed(gap)}): {_enacted(registry, before)}",
            )


@check("DH-012", "warning")
def amended_since_signing(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """Dasar Hukum belum diubah sesudah SOP ditandatangani (tinjau SOP).

    Perubahan yang ditetapkan sesudah SOP ditandatangani bukan kelalaian penyusun SOP, tetapi SOP perlu
    ditinjau: apakah prosedurnya masih sesuai dengan peraturan yang berlaku sekarang. Bila tanggal
    penetapan perubahan tidak tercatat di register (dan tahunnya sama dengan tahun SOP), atau SOP tidak
    mencetak tanggal, pesan ini mengatakannya dan tidak menebak.
    """
    registry = ctx.book.regulasi_map
    for gap in legal.amendment_gaps(registry, record.data):
        after, unknown = gap.later.get("sesudah", []), gap.later.get("tidak_diketahui", [])
        if not after and not unknown:
            continue
        parts = []
        if after:
            parts.append(f"diubah sesudah SOP ditandatangani ({_signed(gap)}) oleh {_enacted(registry, after)}")
        if unknown and gap.signed is None:
            parts.append(
                f"diubah oleh {_enacted(registry, unknown)}; SOP tidak mencetak tanggal, sehingga tidak dapat "
                "dipastikan apakah perubahan itu sudah ada ketika SOP ditandatangani"
            )
        elif unknown:
            parts.append(
                f"diubah oleh {_enacted(registry, unknown)}; tanggal penetapannya tidak tercatat di register, "
                f"sehingga tidak dapat dipastikan apakah sebelum atau sesudah SOP ditandatangani ({_signed(gap)})"
            )
        yield (
            *_at(record, "dasar_hukum", gap.item, "regulasi", gap.position),
            f"{_cited(registry, gap)}, yang {'; juga '.join(parts)}. Tinjau apakah SOP masih sesuai",
        )
