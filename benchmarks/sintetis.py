"""A synthetic handbook the size of a real organisation, for benchmarks: seeded, so runs compare.

Two shapes of record, over realistic satker (provinces and their regencies/cities):

- ``ringan`` (light): 5-15 steps, 3-7 lanes, 5-10 Dasar Hukum items, one-line texts, no notes
  or narrative: the generator the first performance work measured on.
- ``benih`` (seed-shaped): each record takes the shape of one of the five seeds, drawn at random:
  its Dasar Hukum as cited, its lanes, steps, rincian, decisions and branches, Mutu Baku,
  Keterangan, narrative sections, Lembar Pengesahan and transcription notes, with every free
  text replaced by other words of the same length. Files come out the size offices write
  (``--ukuran`` prints mean bytes and lines beside the seeds'). The source document link is
  left out: a thousand copies of five documents would measure the source pages, not the SOPs.

With ``--monev N`` (``monev``), each generated satker also gets N years of monitoring and evaluation
records ending with 2026, sop_data/<satker>/monev/<tahun>.yaml: both six-monthly monitorings (Tabel 7)
of all its SOPs, and about one evaluation per SOP a year. The seeds' own satker get none: the records
of real offices are not invented.

The seed SOPs stay in. Usage: python benchmarks/sintetis.py FOLDER COUNT [--provinsi N] [--seed S]
[--bentuk ringan|benih] [--ukuran] [--monev N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from macros import legal  # noqa: E402
from macros.impor import to_yaml  # noqa: E402

PROVINCES = [
    "Aceh", "Sumatera Utara", "Sumatera Barat", "Riau", "Jambi", "Sumatera Selatan", "Bengkulu", "Lampung",
    "Kepulauan Bangka Belitung", "Kepulauan Riau", "DKI Jakarta", "Jawa Barat", "Jawa Tengah", "DI Yogyakarta",
    "Jawa Timur", "Banten", "Bali", "Nusa Tenggara Barat", "Nusa Tenggara Timur", "Kalimantan Barat",
    "Kalimantan Tengah", "Kalimantan Selatan", "Kalimantan Timur", "Kalimantan Utara", "Sulawesi Utara",
    "Sulawesi Tengah", "Sulawesi Selatan", "Sulawesi Tenggara", "Gorontalo", "Sulawesi Barat", "Maluku",
    "Maluku Utara", "Papua", "Papua Barat", "Papua Selatan", "Papua Tengah", "Papua Pegunungan", "Papua Barat Daya",
]  # fmt: skip
ROLES = [
    ("Sekretaris", "sekretaris"),
    ("Ketua", "ketua"),
    ("Anggota", "anggota"),
    ("Kepala Bagian", "kepala-bagian"),
    ("Kasubbag Perencanaan, Data dan Informasi", "kasubbag-perencanaan-data-informasi"),
    ("Ketua Divisi Perencanaan, Data dan Informasi", "ketua-divisi-perencanaan-data-informasi"),
    ("Staf Pelaksana", "staf-pelaksana"),
    ("Staf Pengelola Data Kinerja", "staf-pengelola-data-kinerja"),
    ("Sub Bagian Terkait", "unit-terkait"),
]
VERBS = ["Menyusun", "Memeriksa", "Menyampaikan", "Mengumpulkan", "Memverifikasi", "Mengarsipkan", "Mendistribusikan",
         "Membahas", "Menandatangani", "Merekapitulasi", "Menganalisis", "Mengoreksi", "Menginventarisasi"]  # fmt: skip
OBJECTS = ["laporan kinerja", "data capaian kinerja", "rencana aksi", "perjanjian kinerja", "dokumen anggaran",
           "berita acara", "surat dinas", "daftar inventaris", "rekapitulasi data pemilih", "bahan rapat pleno",
           "laporan keuangan", "dokumen pengadaan", "arsip kegiatan", "nota dinas"]  # fmt: skip
TOPICS = ["Penyusunan Laporan Kinerja", "Pengelolaan Arsip", "Penyusunan Rencana Kerja", "Pengadaan Barang",
          "Penatausahaan Keuangan", "Pengelolaan Data Pemilih", "Pelayanan Informasi Publik", "Rapat Pleno",
          "Pengelolaan Barang Milik Negara", "Penyusunan Perjanjian Kinerja", "Evaluasi Program", "Kepegawaian"]  # fmt: skip
WAKTU = ["15 menit", "30 menit", "1 jam", "2 jam", "1 hari", "2 hari", "3 hari", "1 minggu", "1 x 24 jam",
         "1,5 jam", "5 hari kerja", "30-60 menit", "1 (satu) hari"]  # fmt: skip


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


def satker_list(provinces: int, per_province: int) -> dict[str, dict]:
    """Province offices and their regency/city offices, as sop_data/satker.yaml holds them."""
    out = {}
    for p in PROVINCES[:provinces]:
        out[f"kpu-provinsi-{slug(p)}"] = {
            "nama": f"KPU Provinsi {p}",
            "nama_lengkap": f"Komisi Pemilihan Umum Provinsi {p}",
            "tingkat": "provinsi",
            "provinsi": p,
        }
        for k in range(1, per_province + 1):
            name = f"{p} {k}"
            out[f"kpu-kabupaten-{slug(name)}"] = {
                "nama": f"KPU Kabupaten {name}",
                "nama_lengkap": f"Komisi Pemilihan Umum Kabupaten {name}",
                "tingkat": "kabupaten_kota",
                "provinsi": p,
            }
    return out


def record(rng: random.Random, n: int, registry: dict) -> dict:
    lanes = rng.sample(ROLES, rng.randint(3, 7))
    steps = rng.randint(5, 15)
    topic = rng.choice(TOPICS)
    regs = rng.sample(sorted(r for r, reg in registry.items() if reg.jenis != "dokumen"), rng.randint(5, 10))
    langkah = []
    decision = rng.randint(2, steps - 1) if steps > 3 and rng.random() < 0.5 else None
    for no in range(1, steps + 1):
        lane = lanes[min(no - 1, len(lanes) - 1) if no <= len(lanes) else rng.randrange(len(lanes))]
        step = {"no": no}
        if no == 1:
            step["jenis"] = "mulai"
        elif no == steps:
            step["jenis"] = "selesai"
        elif no == decision:
            step["jenis"] = "keputusan"
        obj = rng.choice(OBJECTS)
        step["kegiatan"] = (
            f"{rng.choice(VERBS)} {obj} {topic.lower()} sesuai ketentuan yang berlaku dan melaporkannya kepada pimpinan"
        )
        step["pelaksana"] = [slug(lane[0])]
        step["mutu_baku"] = {
            "kelengkapan": f"Dokumen {rng.choice(OBJECTS)}",
            "waktu": rng.choice(WAKTU),
            "output": f"{obj.capitalize()} yang telah diproses",
        }
        if no == decision:
            step["cabang"] = [{"label": "Ya", "ke": no + 1}, {"label": "Tidak", "ke": no - 1}]
        langkah.append(step)
    year = 2020 + n % 5
    return {
        "sumber": "benchmarks/sintetis.py (data sintetis untuk pengukuran)",
        "nomor": f"{n}/ORT.06/{1100 + n % 97}/{year}",
        "nama": f"SOP {topic} Nomor {n}",
        "tanggal": {"pembuatan": f"{year}-01-10", "pengesahan": f"{year}-01-15", "efektif": f"{year}-01-20"},
        "disahkan_oleh": {"jabatan": "Sekretaris"},
        "dasar_hukum": [
            {"teks": f"{legal.short_name(registry[r])} tentang {registry[r].tentang}", "regulasi": [r]} for r in regs
        ],
        "kualifikasi_pelaksana": [f"Memahami ketentuan {topic.lower()}", "Mampu mengoperasikan komputer"],
        "keterkaitan": [{"teks": f"SOP {rng.choice(TOPICS)}", "jenis": "sop_luar"}],
        "peralatan_perlengkapan": ["Komputer", "Printer", "ATK"],
        "peringatan": [f"Apabila SOP ini tidak dilaksanakan, {topic.lower()} terhambat"],
        "pencatatan_pendataan": ["Disimpan sebagai arsip elektronik dan cetak"],
        "pelaksana": [{"id": slug(name), "nama": name, "jabatan": role} for name, role in lanes],
        "langkah": langkah,
        "peninjauan": [{"tanggal": f"{year + 1}-06-01", "oleh": "Sub Bagian Perencanaan"}],
    }


# Free text of a seed record (as the maintainer transcribed it): replaced by words of the same length.
# Citations (Dasar Hukum, Keterkaitan), names of lanes, Waktu and identity fields stay as printed.
FREE_TEXT = {"kegiatan", "rincian", "kelengkapan", "output", "keterangan", "kualifikasi_pelaksana",
             "peralatan_perlengkapan", "peringatan", "pencatatan_pendataan", "isi", "daftar", "ketentuan"}  # fmt: skip
# Values that name a choice, not text (a list's numbering, a step's kind, a reference).
KEPT = {
    "penomoran",
    "nomor",
    "jenis",
    "id",
    "pelaksana",
    "regulasi",
    "waktu",
    "label",
    "ke",
    "lanjut",
    "field",
    "medan",
}
WORDS = ("data dokumen laporan kinerja kegiatan bagian pimpinan sekretariat rapat hasil surat arsip rencana "
         "anggaran pemeriksaan penyusunan bahan tindak lanjut evaluasi pengolahan penerimaan pengiriman "
         "verifikasi koordinasi pelaksanaan pencatatan program sasaran capaian tahunan masing unit kerja "
         "petugas berkas disampaikan diteliti ditandatangani diserahkan kepada untuk dengan dalam atas "
         "yang dan atau sesuai ketentuan berlaku").split()  # fmt: skip


def _words(rng: random.Random, length: int) -> str:
    out: list[str] = []
    while sum(len(w) + 1 for w in out) < length:
        out.append(rng.choice(WORDS))
    text = " ".join(out)[: max(length, 1)].rstrip()
    return text[:1].upper() + text[1:] if text else "Data"


def _scramble(rng: random.Random, value: object, free: bool) -> object:
    if isinstance(value, str):
        return _words(rng, len(value)) if free else value
    if isinstance(value, list):
        return [_scramble(rng, v, free) for v in value]
    if isinstance(value, dict):
        return {k: v if k in KEPT else _scramble(rng, v, free or k in FREE_TEXT) for k, v in value.items()}
    return value


def seed_templates() -> list[dict]:
    """The five seed records as data (through the loader: YAML 1.1 would read the key ``no`` as false)."""
    import datetime as dt

    from macros import core

    book, _ = core.load(ROOT, dt.date(2026, 1, 1))
    return [
        r.data.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
        for r in sorted(book.sops.values(), key=lambda r: r.id)
    ]


def seed_shaped(rng: random.Random, n: int, templates: list[dict]) -> dict:
    """One record in the shape of a seed drawn at random, its free text replaced."""
    rec = _scramble(rng, rng.choice(templates), False)
    assert isinstance(rec, dict)
    rec.pop("dokumen_sumber", None)
    rec["sumber"] = "benchmarks/sintetis.py --bentuk benih (data sintetis seukuran SOP benih)"
    rec["nomor"] = f"{n}/ORT.06/{1100 + n % 97}/{2020 + n % 5}"
    rec["nama"] = f"SOP {rng.choice(TOPICS)} Nomor {n}"
    return rec


def sizes(paths: list[Path]) -> tuple[float, float]:
    """Mean bytes and lines of these files."""
    data = [p.read_bytes() for p in paths]
    return sum(len(d) for d in data) / len(data), sum(d.count(b"\n") for d in data) / len(data)


def generate(project: Path, count: int, provinces: int = 10, seed: int = 2026, shape: str = "ringan") -> list[str]:
    """Add ``count`` synthetic SOPs to ``project``'s sop_data (with their satker). Returns the SOP ids."""
    from macros import model

    rng = random.Random(seed)
    data = project / "sop_data"
    registry = model.RegulasiRegister.model_validate(
        yaml.safe_load((data / "regulasi.yaml").read_text("utf-8"))
    ).regulasi
    per_satker = 75  # a regency/city office holds 50-100 SOPs
    satker_count = max(provinces, -(-count // per_satker))
    per_province = max(1, -(-satker_count // provinces) - 1)
    satker = satker_list(provinces, per_province)
    register = yaml.safe_load((data / "satker.yaml").read_text("utf-8"))
    register["satker"].update(satker)
    (data / "satker.yaml").write_text(to_yaml(register, "").split("\n", 1)[1], encoding="utf-8")
    ids = sorted(satker)
    templates = seed_templates() if shape == "benih" else []
    made = []
    for n in range(1, count + 1):
        sid = ids[(n - 1) % len(ids)]
        rec = seed_shaped(rng, n, templates) if shape == "benih" else record(rng, n, registry)
        path = data / sid / f"sop-{n:05d}.yaml"
        path.parent.mkdir(exist_ok=True)
        path.write_text(to_yaml(rec, ""), encoding="utf-8")
        made.append(f"{sid}/sop-{n:05d}")
    return made


# Monitoring and evaluation records (--monev): people, remarks and actions an office would write.
MONEV_LAST_YEAR = 2026
PENILAI = ["Drs. Budi Santoso", "Siti Rahmawati, S.E.", "Ahmad Fauzi, S.H.", "Dewi Lestari, S.Sos.",
           "Ir. Hendra Gunawan, M.M.", "Nur Aisyah, S.Kom.", "Muhammad Rizal, S.IP.", "Sri Wahyuni, S.AP.",
           "Agus Salim, S.H., M.H.", "Rina Marlina, S.E., M.Si.", "Yusuf Hamzah, S.Pd.", "Fitri Handayani, A.Md."]  # fmt: skip
CATATAN_BAIK = ["Dilaksanakan sesuai tahapan", "Seluruh langkah terdokumentasi", "Waktu penyelesaian sesuai Mutu Baku",
                "Pelaksana memahami perannya", "Arsip kegiatan lengkap"]  # fmt: skip
CATATAN_KURANG = ["Waktu penyelesaian melampaui Mutu Baku", "Kelengkapan dokumen belum terpenuhi",
                  "Pelaksana belum memahami urutan langkah", "Pergantian pejabat pelaksana", "Arsip belum tertata"]  # fmt: skip
TINDAKAN = ["Sosialisasi ulang SOP kepada pelaksana", "Bimbingan teknis bagi staf pelaksana",
            "Penyesuaian jadwal pelaksanaan kegiatan", "Melengkapi dokumen pendukung",
            "Penunjukan pelaksana pengganti", "Pengusulan revisi SOP"]  # fmt: skip
CATATAN_KRITERIA = ["Perlu penyesuaian dengan ketentuan terbaru", "Uraian langkah kurang rinci",
                    "Pembagian peran antarpelaksana belum jelas", "Mutu Baku waktu kurang realistis"]  # fmt: skip


MONITORING_WINDOW = {
    "Semester I": lambda year: (dt.date(year, 5, 15), dt.date(year, 6, 28)),
    "Semester II": lambda year: (dt.date(year, 10, 15), dt.date(year, 11, 20)),
}


def _day(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def _kriteria(rng: random.Random, kesimpulan: str, keys: tuple[str, ...]) -> dict:
    # A conclusion other than 'dipertahankan' comes from one to three criteria not met.
    failing = set(rng.sample(keys, rng.randint(1, 3))) if kesimpulan != "dipertahankan" else set()
    out = {}
    for key in keys:
        if key in failing or rng.random() < 0.02:
            out[key] = {"penilaian": "tidak", "catatan": rng.choice(CATATAN_KRITERIA)}
        else:
            out[key] = {"penilaian": "ya"}
    return out


def monev(project: Path, years: list[int], seed: int = 2026) -> list[Path]:
    """Write monitoring and evaluation records for the generated satker of ``project``: one file per satker
    and year, sop_data/<satker>/monev/<tahun>.yaml (model.Monev). Returns the files written.

    Each year has both six-monthly monitorings (Semester I in May-June, Semester II in October-November) of
    every SOP of the satker, about 15 % of rows not running well with an action, most actions done before the
    next monitoring; and about one evaluation per SOP, in September-November, about 10 % concluding
    'direvisi' and a rare one 'dicabut'. Evaluators' roles are keys of the project's sop_data/jabatan.yaml.
    The satker folders of the repository's own seeds get no records.
    """
    from macros import model

    rng = random.Random(seed)
    data = project / "sop_data"
    roles = sorted(yaml.safe_load((data / "jabatan.yaml").read_text("utf-8"))["jabatan"])
    roles = [r for r in roles if not r.startswith(("staf", "unit"))] or roles  # officials judge, not staff
    seeds = {p.name for p in (ROOT / "sop_data").iterdir() if p.is_dir()}
    years = sorted(years)
    written = []
    for folder in sorted(p for p in data.iterdir() if p.is_dir() and p.name not in seeds):
        sops = sorted(p.stem for p in folder.glob("*.yaml"))
        if not sops:
            continue
        people = [{"nama": name, "jabatan": rng.choice(roles)} for name in rng.sample(PENILAI, 3)]
        # Every monitoring of this satker, oldest first: (year, period, date).
        # Semester I in May-June, Semester II from mid October to 20 November (before the reference day).
        dates = [
            (year, periode, _day(rng, *MONITORING_WINDOW[periode](year))) for year in years for periode in model.PERIODS
        ]
        records: dict[int, dict] = {year: {"monitoring": [], "evaluasi": []} for year in years}
        for i, (year, periode, day) in enumerate(dates):
            following = dates[i + 1][2] if i + 1 < len(dates) else None
            hasil = []
            for sop in sops:
                row: dict = {"sop": sop}
                if rng.random() < 0.15:
                    row["penilaian"] = "tidak_berjalan_baik"
                    if rng.random() < 0.8:
                        row["catatan"] = rng.choice(CATATAN_KURANG)
                    row["tindakan"] = rng.choice(TINDAKAN)
                    if following is not None:  # the last period's actions are still under way
                        chance = rng.random()
                        if chance < 0.85:
                            row["tindakan_selesai"] = _day(
                                rng, day + dt.timedelta(days=7), following - dt.timedelta(days=1)
                            )
                        elif chance < 0.95:  # done, but after the next monitoring (not after the last one)
                            late = following + dt.timedelta(days=rng.randint(1, 30))
                            if late < dates[-1][2]:
                                row["tindakan_selesai"] = late
                else:
                    row["penilaian"] = "berjalan_baik"
                    if rng.random() < 0.2:
                        row["catatan"] = rng.choice(CATATAN_BAIK)
                hasil.append(row)
            records[year]["monitoring"].append(
                {"periode": periode, "tanggal": day, "penilai": dict(rng.choice(people)), "hasil": hasil}
            )
        for year in years:
            start = _day(rng, dt.date(year, 9, 1), dt.date(year, 10, 31))
            for sop in sops:
                if rng.random() < 0.03:  # about one evaluation per SOP a year: a few are missed
                    continue
                chance = rng.random()
                kesimpulan = "dicabut" if chance < 0.01 else "direvisi" if chance < 0.11 else "dipertahankan"
                ev = {
                    "sop": sop,
                    "tanggal": start + dt.timedelta(days=rng.randint(0, 20)),
                    "penilai": dict(rng.choice(people)),
                    "kriteria": _kriteria(rng, kesimpulan, model.KRITERIA),
                    "kesimpulan": kesimpulan,
                }
                if kesimpulan != "dipertahankan" or rng.random() < 0.1:
                    ev["catatan"] = rng.choice(CATATAN_KRITERIA)
                records[year]["evaluasi"].append(ev)
            path = folder / "monev" / f"{year}.yaml"
            path.parent.mkdir(exist_ok=True)
            header = "# Monitoring dan evaluasi sintetis (benchmarks/sintetis.py --monev), untuk pengukuran\n"
            path.write_text(to_yaml(records[year], header, ""), encoding="utf-8")
            written.append(path)
    return written


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="a project folder (with sop_data/)")
    parser.add_argument("count", type=int)
    parser.add_argument("--provinsi", type=int, default=10)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--bentuk", choices=["ringan", "benih"], default="ringan")
    parser.add_argument("--ukuran", action="store_true", help="print mean bytes and lines beside the seeds'")
    parser.add_argument(
        "--monev", type=int, default=0, metavar="N", help=f"N years of monev records ending with {MONEV_LAST_YEAR}"
    )
    args = parser.parse_args()
    made = generate(args.folder, args.count, args.provinsi, args.seed, args.bentuk)
    print(len(made), "SOP")
    if args.monev:
        files = monev(args.folder, list(range(MONEV_LAST_YEAR - args.monev + 1, MONEV_LAST_YEAR + 1)), args.seed)
        print(len(files), "berkas monev")
    if args.ukuran:
        mine = sizes([args.folder / "sop_data" / f"{m}.yaml" for m in made])
        seeds = sizes(sorted((ROOT / "sop_data").glob("*/*.yaml")))
        print(
            f"rata-rata {mine[0] / 1024:.1f} KB, {mine[1]:.0f} baris (benih: {seeds[0] / 1024:.1f} KB, {seeds[1]:.0f} baris)"
        )
