"""A complete SOP that no check objects to, and a handbook holding only it and the registries."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import yaml
from conftest import ROOT

from macros.loader import DATA_DIR

TODAY = dt.date(2024, 3, 1)
REL = f"{DATA_DIR}/kpu-kota-palu/contoh.yaml"

GOOD = {
    "sumber": "uji",
    "nomor": "7/ORT.06/7271/2024",
    "nama": "SOP Contoh",
    "tanggal": {"pembuatan": "2024-01-10", "pengesahan": "2024-01-15", "efektif": "2024-01-20"},
    "disahkan_oleh": {"jabatan": "Sekretaris", "nama": "Nama Pejabat"},
    "dasar_hukum": [
        {
            "teks": "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah",
            "regulasi": ["perpres-29-2014"],
        }
    ],
    "kualifikasi_pelaksana": ["Memahami SAKIP"],
    "keterkaitan": [{"teks": "SOP lain", "jenis": "sop_luar"}],
    "peralatan_perlengkapan": ["Komputer"],
    "peringatan": ["Bila tidak dilaksanakan, laporan terlambat"],
    "pencatatan_pendataan": ["Arsip elektronik"],
    "pelaksana": [
        {"id": "staf", "nama": "Staf", "jabatan": "staf-pelaksana"},
        {"id": "kepala", "nama": "Kepala Sub Bagian", "jabatan": "kasubbag-perencanaan-data-informasi"},
    ],
    "langkah": [
        {
            "no": 1,
            "jenis": "mulai",
            "kegiatan": "Menerima disposisi",
            "pelaksana": ["staf"],
            "mutu_baku": {"kelengkapan": "Disposisi", "waktu": "30 Menit", "output": "Disposisi"},
        },
        {
            "no": 2,
            "kegiatan": "Menyusun draf lalu menyerahkan kepada Kepala Sub Bagian untuk diperiksa",
            "pelaksana": ["staf"],
            "mutu_baku": {"kelengkapan": "Data", "waktu": "2 Hari", "output": "Draf"},
        },
        {
            "no": 3,
            "jenis": "keputusan",
            "kegiatan": "Memeriksa draf",
            "pelaksana": ["kepala"],
            "mutu_baku": {"kelengkapan": "Draf", "waktu": "1 Jam", "output": "Draf diperiksa"},
            "cabang": [{"label": "Ya", "ke": 4}, {"label": "Tidak", "ke": 2}],
        },
        {
            "no": 4,
            "jenis": "selesai",
            "kegiatan": "Menandatangani",
            "pelaksana": ["kepala"],
            "mutu_baku": {"kelengkapan": "Draf diperiksa", "waktu": "30 menit", "output": "Laporan"},
        },
    ],
    "waktu_total_tercetak": "2 Hari 2 Jam",
    "keterangan_gambar": ["Awal / Akhir Proses", "Proses", "Pengambil Keputusan", "Alur Proses"],
    "lembar_pengesahan": {
        "judul": "LAMPIRAN SOP NOMOR 7/ORT.06/7271/2024 TENTANG SOP CONTOH",
        "tanggal": "2024-01-15",
    },
    "catatan_transkripsi": [{"bidang": "langkah[2].kegiatan", "jenis": "sesuai_sumber", "catatan": "uji"}],
}


def registries_only(tmp_path: Path) -> Path:
    """A handbook holding only the registries (no seeds), so every finding is the fixture's."""
    data = tmp_path / DATA_DIR
    data.mkdir(parents=True)
    for name in ("satker.yaml", "regulasi.yaml"):
        shutil.copy(ROOT / DATA_DIR / name, data / name)
    # Only the roles GOOD's lanes use, so that no role is reported as unused (JAB-003).
    roles = yaml.safe_load((ROOT / DATA_DIR / "jabatan.yaml").read_text(encoding="utf-8"))["jabatan"]
    used = {lane["jabatan"] for lane in GOOD["pelaksana"]}
    text = yaml.dump({"jabatan": {k: v for k, v in roles.items() if k in used}}, allow_unicode=True, sort_keys=False)
    (data / "jabatan.yaml").write_text(text, encoding="utf-8")
    (data / "istilah.yaml").write_text("istilah: {}\n", encoding="utf-8")
    return tmp_path


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data):  # the loader rejects anchors; write shared values out twice
        return True


def write(root: Path, rel: str, data) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False), encoding="utf-8")


def long_sop(steps: int) -> dict:
    """A valid SOP of ``steps`` steps over three lanes, with a decision every tenth step whose
    "Tidak" branch goes back five steps: flows that cross diagram parts in both directions."""
    lanes = ["staf", "kepala", "sekretaris"]
    langkah = []
    for no in range(1, steps + 1):
        step = {
            "no": no,
            "kegiatan": f"Kegiatan nomor {no} dikerjakan dan diteruskan",
            "pelaksana": [lanes[no % 3]],
            "mutu_baku": {"kelengkapan": "Berkas", "waktu": "10 Menit", "output": f"Hasil {no}"},
        }
        if no == 1:
            step["jenis"] = "mulai"
        elif no == steps:
            step["jenis"] = "selesai"
        elif no % 10 == 0:
            step.update(jenis="keputusan", cabang=[{"label": "Ya", "ke": no + 1}, {"label": "Tidak", "ke": no - 5}])
        langkah.append(step)
    sop = {k: v for k, v in GOOD.items() if k not in ("langkah", "waktu_total_tercetak", "catatan_transkripsi")}
    return {
        **sop,
        "nomor": f"{steps}/PANJANG/2024",
        "nama": f"SOP Panjang {steps} Langkah",
        "pelaksana": [
            {"id": "staf", "nama": "Staf"},
            {"id": "kepala", "nama": "Kepala Sub Bagian"},
            {"id": "sekretaris", "nama": "Sekretaris"},
        ],
        "langkah": langkah,
    }
