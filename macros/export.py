"""Exports built with the site: citations as CSV for spreadsheets, the whole handbook as versioned JSON.

The JSON format is described by pydantic models, so its JSON Schema is
generated (schema/ekspor.schema.json) and published beside the export.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Iterable, Mapping
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field

from . import labels, legal, model, monev, urls
from .findings import Finding
from .loader import Handbook, MonevRecord

FORMAT: Final = "buku-pedoman-sop"
# Bump the major version when a field is removed or changes meaning; the minor one when a field is added.
VERSION = "1.4"  # 1.1: findings carry `path`; 1.2: role and glossary registries; 1.3: regulasi.penerbit, status_diperiksa, Sop.baris_tanggal, judul_tabel, nested narasi; 1.4: monev
# An auditor filters on the regulation as a citation (jenis, nomor, tahun) and on what amended or revoked it.
CSV_COLUMNS = [
    "nomor_sop",
    "nama_sop",
    "satker",
    "regulasi",
    "sitasi",
    "jenis",
    "nomor",
    "tahun",
    "butir",
    "bunyi_tercetak",
    "status",
    "status_diperiksa",
    "diubah_oleh",
    "dicabut_oleh",
]
# A cell that starts with one of these is a formula to a spreadsheet; it is written with a leading
# apostrophe so that YAML text stays text (OWASP's advice on CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class _Export(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SopEkspor(_Export):
    """One SOP: where it lives, and its validated record."""

    id: str = Field(description="Pengenal SOP: `<satker>/<nama-berkas>`.")
    satker: str = Field(description="Pengenal satuan kerja (kunci di `satker`).")
    berkas: str = Field(description="Berkas YAML sumber, relatif terhadap akar proyek.")
    halaman: str = Field(description="Alamat halaman SOP, relatif terhadap akar situs.")
    data: model.Sop


class MonevEkspor(_Export):
    """One satker's monitoring and evaluation of one year, as recorded."""

    satker: str = Field(description="Pengenal satuan kerja (kunci di `satker`).")
    tahun: int
    berkas: str = Field(description="Berkas YAML sumber, relatif terhadap akar proyek.")
    data: model.Monev


class BukuPedomanEkspor(_Export):
    """The whole handbook: every SOP as validated data, the registries, and the checks' findings."""

    format: Literal["buku-pedoman-sop"] = FORMAT
    versi: str = Field(VERSION, description="Versi format: MAYOR.MINOR.")
    tanggal_acuan: str = Field(description="Tanggal acuan pemeriksaan (TTTT-BB-HH).")
    sop: list[SopEkspor]
    satker: dict[str, model.Satker]
    regulasi: dict[str, model.Regulasi]
    jabatan: dict[str, model.Jabatan] = Field(description="Register jabatan (sop_data/jabatan.yaml).")
    istilah: dict[str, model.Istilah] = Field(description="Glosarium (sop_data/istilah.yaml).")
    monev: list[MonevEkspor] = Field(
        default_factory=list,
        description="Catatan monitoring dan evaluasi (sop_data/<satker>/monev/<tahun>.yaml), per satker lalu tahun.",
    )
    temuan: list[Finding] = Field(
        description="Temuan pemeriksaan; `path` menunjuk tempat yang sama dengan `field`, dengan indeks daftar dihitung dari 0."
    )


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _names(registry: Mapping[str, model.Regulasi], ids: Iterable[str]) -> str:
    return "; ".join(legal.short_name(registry[r]) for r in ids)


def citation_rows(book: Handbook) -> list[dict[str, str]]:
    """One row per citation: which SOP cites which regulation, in what words, with what status."""
    registry = book.regulasi_map
    rows = []
    for c in legal.citations(book):
        sop = c.record.data
        satker = book.satker_map.get(c.record.satker)
        reg = registry.get(c.reg_id)
        rows.append(
            {
                "nomor_sop": _cell(sop.nomor),
                "nama_sop": _cell(sop.nama),
                "satker": _cell(satker.nama if satker else c.record.satker),
                "regulasi": _cell(c.reg_id),
                "sitasi": _cell(legal.short_name(reg) if reg else ""),
                "jenis": _cell(labels.REGULASI_JENIS[reg.jenis] if reg else ""),
                "nomor": _cell(reg.nomor if reg else ""),
                "tahun": str(reg.tahun) if reg and reg.tahun else "",
                "butir": str(c.item + 1),
                "bunyi_tercetak": _cell(c.teks),
                "status": _cell(labels.REGULASI_STATUS[reg.status] if reg else labels.SITE["unknown"]),
                "status_diperiksa": reg.status_diperiksa.isoformat() if reg and reg.status_diperiksa else "",
                "diubah_oleh": _cell(_names(registry, legal.later_amendments(registry, c.reg_id)) if reg else ""),
                "dicabut_oleh": _cell(_names(registry, legal.replacements(registry, c.reg_id)) if reg else ""),
            }
        )
    return rows


def citations_csv(book: Handbook) -> str:
    """UTF-8 with a byte-order mark, so spreadsheet programs read the Indonesian text correctly."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(citation_rows(book))
    return "\ufeff" + out.getvalue()


def handbook(
    book: Handbook, findings: list[Finding], today: dt.date, page_url: Callable[[str], str]
) -> BukuPedomanEkspor:
    """``page_url`` gives a page's URL relative to the site root from its source path (urls.sop_page)."""
    return BukuPedomanEkspor(
        tanggal_acuan=today.isoformat(),
        sop=[
            SopEkspor(id=r.id, satker=r.satker, berkas=r.path, halaman=page_url(urls.sop_page(r.id)), data=r.data)
            for r in sorted(book.sops.values(), key=lambda r: r.id)
        ],
        satker=dict(book.satker_map),
        regulasi=dict(book.regulasi_map),
        jabatan=dict(book.jabatan_map),
        istilah=dict(book.istilah_map),
        monev=[
            MonevEkspor(satker=m.satker, tahun=m.tahun, berkas=m.path, data=m.data)
            for m in sorted(book.monev, key=lambda m: (m.satker, m.tahun))
        ],
        temuan=list(findings),
    )


def handbook_json(book: Handbook, findings: list[Finding], today: dt.date, page_url: Callable[[str], str]) -> str:
    data = handbook(book, findings, today, page_url).model_dump(mode="json")
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


# Evidence for a reform assessment (LKE Reformasi Birokrasi): one row per SOP per monitoring or evaluation.
MONEV_COLUMNS = [
    "satker",
    "tahun",
    "jenis",
    "periode",
    "tanggal",
    "nomor_sop",
    "nama_sop",
    "sop",
    "penilai",
    "jabatan_penilai",
    "penilaian",
    "kriteria_terpenuhi",
    "catatan",
    "tindakan",
    "tindakan_selesai",
    "berkas",
    "baris",
]


def _iso(value: object) -> str:
    return value.isoformat() if isinstance(value, dt.date) else _cell(value)


def monev_rows(book: Handbook, satker_id: str) -> list[dict[str, str]]:
    """The satker's records in the order of its files: each year's monitoring rows, then its evaluations."""
    satker = book.satker_map.get(satker_id)
    name = satker.nama if satker else satker_id

    def cells(record: MonevRecord, slug: str, penilai: model.Penilai) -> dict[str, str]:
        sop = book.sops.get(monev.sop_id(record, slug))
        return {
            "satker": _cell(name),
            "tahun": str(record.tahun),
            "nomor_sop": _cell(sop.data.nomor if sop else ""),
            "nama_sop": _cell(sop.data.nama if sop else ""),
            "sop": _cell(slug),
            "penilai": _cell(penilai.nama),
            "jabatan_penilai": _cell(penilai.jabatan),
            "berkas": record.path,
        }

    rows: list[dict[str, str]] = []
    for record in sorted((m for m in book.monev if m.satker == satker_id), key=lambda m: m.tahun):
        for row in monev.rows([record]):
            hasil = row.hasil
            rows.append(
                {
                    **cells(record, hasil.sop, row.monitoring.penilai),
                    "jenis": "monitoring",
                    "periode": _cell(row.monitoring.periode),
                    "tanggal": _iso(row.monitoring.tanggal),
                    "penilaian": _cell(labels.MONEV_PENILAIAN.get(hasil.penilaian, hasil.penilaian)),
                    "kriteria_terpenuhi": "",
                    "catatan": _cell(hasil.catatan),
                    "tindakan": _cell(hasil.tindakan),
                    "tindakan_selesai": _iso(hasil.tindakan_selesai) if hasil.tindakan_selesai else "",
                    "baris": str(record.line_of(*row.path())),
                }
            )
        for ev in monev.evals([record]):
            evaluasi = ev.evaluasi
            met = sum(getattr(evaluasi.kriteria, key).penilaian == "ya" for key in model.KRITERIA)
            rows.append(
                {
                    **cells(record, evaluasi.sop, evaluasi.penilai),
                    "jenis": "evaluasi",
                    "periode": "",
                    "tanggal": _iso(evaluasi.tanggal),
                    "penilaian": _cell(labels.MONEV_KESIMPULAN.get(evaluasi.kesimpulan, evaluasi.kesimpulan)),
                    "kriteria_terpenuhi": f"{met}/{len(model.KRITERIA)}",
                    "catatan": _cell(evaluasi.catatan),
                    "tindakan": "",
                    "tindakan_selesai": "",
                    "baris": str(record.line_of(*ev.path())),
                }
            )
    return rows


def monev_csv(book: Handbook, satker_id: str) -> str:
    """UTF-8 with a byte-order mark, like the citations: spreadsheet programs read it as Indonesian text."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=MONEV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(monev_rows(book, satker_id))
    return "\ufeff" + out.getvalue()
