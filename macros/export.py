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

from . import labels, legal, model, urls
from .findings import Finding
from .loader import Handbook

FORMAT: Final = "buku-pedoman-sop"
# Bump the major version when a field is removed or changes meaning; the minor one when a field is added.
VERSION = "1.3"  # 1.1: findings carry `path`; 1.2: role and glossary registries; 1.3: regulasi.penerbit, status_diperiksa, Sop.baris_tanggal, judul_tabel, nested narasi
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
        temuan=list(findings),
    )


def handbook_json(book: Handbook, findings: list[Finding], today: dt.date, page_url: Callable[[str], str]) -> str:
    data = handbook(book, findings, today, page_url).model_dump(mode="json")
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
