"""Two SOP AP documents written with python-docx, as an office would type them in Word.

`plain` has empty lane cells (the importer must guess and say so); `marked` puts a drawing (an
inline picture, as Word stores a flowchart shape) or a tick in the lane cell that does each step.
"""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

LANES = ["Sekretaris", "Kepala Sub Bagian Umum", "Staf Pelaksana"]
# (no, kegiatan, lane index, kelengkapan, waktu, output)
STEPS = [
    (1, "Memberikan disposisi penataan arsip", 0, "Surat masuk", "15 menit", "Disposisi"),
    (2, "Menyiapkan daftar arsip aktif", 1, "Disposisi", "1 hari", "Daftar arsip"),
    (3, "Menata dan memberi label arsip", 2, "Daftar arsip", "2 hari", "Arsip berlabel"),
    (4, "Memeriksa hasil penataan arsip", 1, "Arsip berlabel", "1 jam", "Berita acara"),
    (5, "Mengesahkan berita acara penataan arsip", 0, "Berita acara", "30 menit", "Berita acara sah"),
]
IDENTITY = [
    ("Nomor SOP", "21/ORT.06/7271/2026"),
    ("Tanggal Pembuatan", "5 Januari 2026"),
    ("Tanggal Revisi", ""),
    ("Tanggal Efektif", "12 Januari 2026"),
    ("Disahkan Oleh", "Sekretaris KPU Kota Palu"),
    ("Nama SOP", "Penataan Arsip Aktif"),
]
BOXES = [
    (
        ("Dasar Hukum", "Kualifikasi Pelaksana"),
        (
            [
                "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum",
                "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah",
            ],
            ["Memahami tata kearsipan"],
        ),
    ),
    (("Keterkaitan", "Peralatan/Perlengkapan"), (["SOP Peminjaman Arsip"], ["Komputer", "Label arsip"])),
    (("Peringatan", "Pencatatan dan Pendataan"), (["Arsip yang tidak ditata sulit ditemukan"], ["Daftar arsip"])),
]


def _png() -> bytes:
    """A 1x1 black PNG: the smallest picture Word accepts as a shape in a cell."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\x00")) + chunk(b"IEND", b"")
    )


def write(path: Path, marked: bool) -> Path:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    document.add_paragraph("KOMISI PEMILIHAN UMUM KOTA PALU")
    document.add_paragraph("")
    identity = document.add_table(rows=0, cols=2)
    for label, value in IDENTITY:
        row = identity.add_row().cells
        row[0].text, row[1].text = label, value
    for names, contents in BOXES:
        table = document.add_table(rows=2, cols=2)
        for j, (name, items) in enumerate(zip(names, contents, strict=True)):
            table.rows[0].cells[j].text = name
            cell = table.rows[1].cells[j]
            cell.text = items[0]
            for item in items[1:]:
                cell.add_paragraph(item)  # one paragraph per item, as Word's numbered list stores it
    document.add_paragraph("")
    head = ["No", "Kegiatan", "Pelaksana", "", "", "Mutu Baku", "", "", "Keterangan"]
    sub = ["", "", *LANES, "Kelengkapan", "Waktu", "Output", ""]
    table = document.add_table(rows=2, cols=len(head))
    for j, (a, b) in enumerate(zip(head, sub, strict=True)):
        table.rows[0].cells[j].text = a
        table.rows[1].cells[j].text = b
    for no, kegiatan, lane, kelengkapan, waktu, output in STEPS:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = str(no), kegiatan
        cells[5].text, cells[6].text, cells[7].text = kelengkapan, waktu, output
        if marked:
            target = cells[2 + lane]
            if no == 3:
                target.text = "√"  # some offices tick the lane instead of drawing
            else:
                target.paragraphs[0].add_run().add_picture(io.BytesIO(_png()), width=Pt(6))
    document.save(str(path))
    return path
