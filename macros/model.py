"""The canonical SOP record (SOP AP, PermenPAN-RB 35/2012) and its registries.

Every model is closed (an unknown key is an error) and every field carries the
description that the generated JSON Schema shows in a maintainer's editor.
Field names are the form's own terms, so the YAML, the code and the page use
one word per concept.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Annotated, Literal, TypeAlias

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
)

from . import labels, urls

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
SOP_ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*$"


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# Each model instance carries the set of fields the YAML wrote (pydantic's fields set); a record
# has some 60 instances, and at 10,000 records these sets alone took 150 MB of `sop check`. The
# models are frozen and nothing here reads the sets but pydantic (exclude_unset, never used), so
# instances that wrote the same fields share one set.
_FIELDS_SETS: dict[frozenset[str], set[str]] = {}
_FIELDS_SETS_MAX = 10_000  # distinct combinations kept; odd files beyond it keep their own sets


def share_fields_sets(root: BaseModel) -> None:
    """Let every instance under ``root`` that wrote the same fields hold the same (never changed) set."""
    stack: list[object] = [root]
    while stack:
        item = stack.pop()
        if isinstance(item, BaseModel):
            written = item.__pydantic_fields_set__
            key = frozenset(written)
            shared = _FIELDS_SETS.get(key)
            if shared is None and len(_FIELDS_SETS) < _FIELDS_SETS_MAX:
                shared = _FIELDS_SETS[key] = written
            if shared is not None and shared is not written:
                object.__setattr__(item, "__pydantic_fields_set__", shared)
            stack.extend(item.__dict__.values())
        elif isinstance(item, (list, tuple)):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.values())


Teks = Annotated[str, StringConstraints(min_length=1)]
Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN),
    Field(description="Pengenal: huruf kecil, angka dan tanda hubung, mis. `kasubbag-perencanaan`."),
]
SopId = Annotated[
    str,
    StringConstraints(pattern=SOP_ID_PATTERN),
    Field(
        description="Pengenal SOP di buku pedoman: `<satker>/<nama-berkas>`, mis. `kpu-kota-palu/penyusunan-laporan-kinerja`."
    ),
]


def _not_reserved(value: str) -> str:
    # Satker and regulations get a page each (satker/<id>, regulasi/<id>); `index` is a folder's own page.
    if value in urls.RESERVED_NAMES:
        raise ValueError(labels.ERR["reserved_id"].format(value=value))
    return value


PageId = Annotated[str, StringConstraints(pattern=ID_PATTERN), AfterValidator(_not_reserved)]

# Dates outside these years are typing mistakes (9999-12-31), and date arithmetic on them overflows.
YEAR_MIN, YEAR_MAX = 1900, 2100


def _iso_date(value: object) -> dt.date:
    # The loader hands every scalar over as typed text; only TTTT-BB-HH is a date,
    # so 2023-02-30 is caught here with its line instead of deep inside PyYAML.
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError(labels.ERR["not_date_text"])
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(labels.ERR["bad_date"].format(value=value)) from None
    if not YEAR_MIN <= day.year <= YEAR_MAX:
        raise ValueError(labels.ERR["date_out_of_range"].format(value=value, min=YEAR_MIN, max=YEAR_MAX))
    return day


Tanggal = Annotated[
    dt.date,
    BeforeValidator(_iso_date),
    Field(json_schema_extra={"type": "string", "format": "date"}),
]


def _web_link(value: object) -> object:
    # The page turns this into a link; only web addresses may become one (never javascript:).
    if isinstance(value, str) and not re.fullmatch(r"https?://[^\s<>\"]+", value):
        raise ValueError(labels.ERR["not_url"].format(value=value))
    return value


Tautan = Annotated[str, BeforeValidator(_web_link), Field(json_schema_extra={"format": "uri", "pattern": "^https?://"})]


class TidakDiketahui(Model):
    """A value the source prints but that cannot be read, or that is unknown.

    Unknown is a value, not a guess: the reason says why.
    """

    tidak_diketahui: Teks = Field(
        description="Mengapa nilai ini tidak diketahui, mis. 'sel tidak terbaca pada pindaian'."
    )


def _text_or_unknown(value: object) -> str:
    # A dict when validating YAML, a TidakDiketahui when serializing the model.
    return "tidak_diketahui" if isinstance(value, (dict, TidakDiketahui)) else "teks"


TeksAtauTidakDiketahui = Annotated[
    Annotated[Teks, Tag("teks")] | Annotated[TidakDiketahui, Tag("tidak_diketahui")],
    Discriminator(_text_or_unknown),
]


class Pejabat(Model):
    """An official by position and name, as printed."""

    jabatan: Teks = Field(description="Jabatan seperti tertulis, mis. 'Plt. Sekretaris'.")
    nama: TeksAtauTidakDiketahui | None = Field(None, description="Nama seperti tertulis, dengan gelarnya.")
    pangkat: Teks | None = Field(None, description="Pangkat/golongan seperti tertulis, mis. 'Pembina Utama Muda'.")
    nip: Teks | None = Field(
        None, description="NIP seperti tertulis, tanpa label 'NIP.', mis. '19680912 199803 1 004'."
    )


# The six boxes of the SOP AP form, as fields of Sop, in the form's order.
BOX_FIELDS = (
    "dasar_hukum",
    "kualifikasi_pelaksana",
    "keterkaitan",
    "peralatan_perlengkapan",
    "peringatan",
    "pencatatan_pendataan",
)

# The date rows of the SOP AP form of PermenPAN-RB 35/2012; a form may print others (pengesahan).
STANDARD_DATE_ROWS = ("pembuatan", "revisi", "efektif")


class TanggalSop(Model):
    """The dates of the identity box; each optional, each a real calendar date."""

    pembuatan: Tanggal | None = Field(None, description="Tanggal pembuatan (TTTT-BB-HH).")
    revisi: Tanggal | None = Field(None, description="Tanggal revisi (TTTT-BB-HH).")
    efektif: Tanggal | None = Field(None, description="Tanggal efektif (TTTT-BB-HH).")
    pengesahan: Tanggal | None = Field(None, description="Tanggal pengesahan (TTTT-BB-HH).")


class DasarHukum(Model):
    """One item of the Dasar Hukum box: wording as printed, traced to the registry."""

    teks: Teks = Field(description="Bunyi butir persis seperti tercetak, termasuk kekeliruannya.")
    regulasi: list[Id] = Field(
        description=(
            "Pengenal entri di sop_data/regulasi.yaml yang dirujuk butir ini. "
            "Dua pengenal bila satu butir tercetak menggabungkan dua peraturan."
        ),
    )


class Keterkaitan(Model):
    """One item of the Keterkaitan box."""

    teks: Teks = Field(description="Bunyi butir seperti tercetak.")
    jenis: Literal["sop", "sop_luar", "dokumen"] = Field(
        description="`sop`: SOP di buku pedoman ini (isi `sop`); `sop_luar`: SOP yang tidak ada di buku pedoman; `dokumen`: dokumen, bukan SOP."
    )
    sop: SopId | None = Field(None, description="Untuk jenis `sop`: pengenal SOP yang ditautkan.")


class Pelaksana(Model):
    """One lane of the flowchart: an actor, in printed order."""

    id: Id
    nama: Teks = Field(description="Nama pelaksana seperti tertulis di kepala kolom.")
    jabatan: Id | None = Field(
        None,
        description="Jabatan lajur ini: kunci di sop_data/jabatan.yaml. Kosongkan bila sumber tidak menyebut jabatan yang jelas.",
    )


class MutuBaku(Model):
    """The quality standard of a step."""

    kelengkapan: TeksAtauTidakDiketahui | None = Field(None, description="Kelengkapan/Persyaratan seperti tertulis.")
    waktu: TeksAtauTidakDiketahui | None = Field(
        None, description="Waktu seperti tertulis, mis. '30 Menit', '2 Hari'. Lama waktunya dihitung otomatis."
    )
    output: TeksAtauTidakDiketahui | None = Field(None, description="Output seperti tertulis.")


class Cabang(Model):
    """A labelled branch of a decision."""

    label: Teks = Field(description="Label cabang seperti tertulis: Ya/Tidak, Setuju/Tidak Setuju ...")
    ke: int = Field(description="Nomor langkah tujuan (boleh kembali ke langkah sebelumnya).")


class Langkah(Model):
    """One row of the step table and one symbol of the flowchart."""

    no: int = Field(ge=1, description="Nomor langkah seperti tercetak.")
    kegiatan: TeksAtauTidakDiketahui = Field(description="Uraian kegiatan seperti tertulis.")
    rincian: list[Teks] = Field(default_factory=list, description="Sub-butir kegiatan (a, b, c ...), bila ada.")
    pelaksana: list[Id] = Field(
        min_length=1,
        description="Pengenal pelaksana (lajur) yang mengerjakan langkah ini; lebih dari satu untuk kegiatan bersama.",
    )
    jenis: Literal["mulai", "proses", "keputusan", "selesai"] = Field(
        "proses",
        description="Simbol: `mulai`/`selesai` (terminator), `proses` (persegi), `keputusan` (belah ketupat).",
    )
    mutu_baku: MutuBaku = Field(default_factory=MutuBaku, description="Mutu Baku langkah ini.")
    keterangan: Teks | None = Field(None, description="Kolom Keterangan seperti tertulis.")
    lanjut: list[int] | None = Field(
        None,
        description="Nomor langkah berikutnya. Bila dikosongkan: langkah sesudahnya (kecuali `selesai` dan `keputusan`).",
    )
    cabang: list[Cabang] = Field(default_factory=list, description="Untuk `keputusan`: cabang berlabel.")


class CatatanTranskripsi(Model):
    """What the transcriber did where the source was garbled or silent."""

    bidang: Teks = Field(
        description="Bagian yang dimaksud, mis. `langkah[3].pelaksana` (butir daftar dihitung dari 1)."
    )
    jenis: Literal["direkonstruksi", "disimpulkan", "tidak_terbaca", "sesuai_sumber"] = Field(
        description="`direkonstruksi` dari teks rusak; `disimpulkan` dari kata-kata SOP; `tidak_terbaca`; `sesuai_sumber`: kekeliruan sumber yang sengaja dipertahankan."
    )
    catatan: Teks


class SubDaftar(Model):
    teks: Teks
    daftar: list[Teks]


class Daftar(Model):
    """A numbered list inside a narrative section."""

    daftar: list[Teks | SubDaftar]
    penomoran: Literal["angka", "huruf"] = Field(
        "angka", description="Penomoran butir seperti tercetak: `angka` (1., 2., ...) atau `huruf` (a., b., ...)."
    )


class BagianNarasi(Model):
    """An optional narrative section (Penjelasan SOP, Ruang Lingkup ...), as printed, with its sub-sections."""

    nomor: Teks | None = Field(None, description="Nomor bagian seperti tercetak, mis. '2.' atau '(1)'.")
    judul: Teks = Field(description="Judul bagian seperti tercetak.")
    isi: list[Teks | Daftar] = Field(
        default_factory=list, description="Paragraf (teks) dan daftar bernomor, berurutan."
    )
    bagian: list[BagianNarasi] = Field(default_factory=list, description="Sub-bagian, sesuai urutan tercetak.")


class LembarPengesahan(Model):
    """The signing sheet (Lembar Pengesahan / Lampiran) where the source has one."""

    judul: Teks | None = Field(None, description="Judul/perihal seperti tertulis pada lembar ini.")
    ketentuan: list[Teks] = Field(default_factory=list, description="Butir ketentuan seperti tertulis.")
    tempat: Teks | None = Field(None, description="Tempat pengesahan.")
    tanggal: Tanggal | None = Field(None, description="Tanggal pengesahan pada lembar ini.")
    penandatangan: Pejabat | None = None


class Peninjauan(Model):
    """One monitoring review of the SOP (SOP AP monitoring runs every six months).

    Not printed on the form: the handbook keeps it so that overdue reviews show.
    """

    tanggal: Tanggal = Field(description="Tanggal peninjauan (TTTT-BB-HH).")
    oleh: Teks | None = Field(None, description="Siapa yang meninjau, mis. 'Subbagian Perencanaan'.")
    catatan: Teks | None = Field(None, description="Hasil peninjauan, mis. 'tidak ada perubahan'.")


# A document the record was transcribed from, kept in the project's sumber/ folder: a path inside
# it, never outside: no segment starts with a dot (so no ".." and no hidden file), no absolute path.
SOURCE_DIR = "sumber"
BerkasSumber = Annotated[
    str,
    StringConstraints(pattern=rf"^{SOURCE_DIR}(/[A-Za-z0-9_-][A-Za-z0-9._-]*)+$"),
    Field(
        description=(
            "Berkas dokumen sumber di folder sumber/ proyek ini, mis. 'sumber/000_16467f76b5c3e419.txt'. "
            "Halaman SOP menautkannya sebagai Dokumen sumber, agar auditor dapat membandingkan."
        )
    ),
]


class Sop(Model):
    """One SOP in the SOP AP format. The file's folder names its satker."""

    sumber: Teks = Field(description="Asal transkripsi: dokumen apa dan bagaimana teksnya diperoleh.")
    dokumen_sumber: BerkasSumber | None = None
    nomor: Teks = Field(description="Nomor SOP persis seperti tercetak.")
    nama: Teks = Field(description="Nama SOP seperti tercetak.")
    unit: Teks | None = Field(None, description="Unit kerja di dalam satker, bila tercetak.")
    kop: list[Teks] = Field(default_factory=list, description="Baris kop/kepala formulir seperti tercetak.")
    judul_dokumen: Teks | None = Field(None, description="Judul pada sampul dokumen, bila ada.")
    tanggal: TanggalSop = Field(default_factory=TanggalSop)
    disahkan_oleh: Pejabat | None = None
    baris_tanggal: list[Literal["pembuatan", "revisi", "efektif", "pengesahan"]] | None = Field(
        None,
        description=(
            "Baris tanggal yang dicetak formulir, berurutan, termasuk yang tercetak tanpa isi. "
            "Kosongkan bila formulir memuat baris baku SOP AP: pembuatan, revisi, efektif."
        ),
    )
    jumlah_pelaksana: Teks | None = Field(None, description="Jumlah pelaksana, bila tercetak.")
    dasar_hukum: list[DasarHukum] = Field(default_factory=list)
    kualifikasi_pelaksana: list[Teks] = Field(default_factory=list)
    keterkaitan: list[Keterkaitan] = Field(default_factory=list)
    peralatan_perlengkapan: list[Teks] = Field(default_factory=list)
    peringatan: list[Teks] = Field(default_factory=list)
    pencatatan_pendataan: list[Teks] = Field(default_factory=list)
    pelaksana: list[Pelaksana] = Field(min_length=1, description="Lajur diagram alir, sesuai urutan tercetak.")
    judul_tabel: Teks | None = Field(None, description="Judul di atas tabel langkah seperti tercetak, bila ada.")
    langkah: list[Langkah] = Field(min_length=1)
    waktu_total_tercetak: Teks | None = Field(None, description="Jumlah waktu bila sumber menuliskannya.")
    keterangan_gambar: list[Teks] = Field(
        default_factory=list, description="Legenda simbol seperti tercetak (Keterangan Gambar), bila ada."
    )
    lembar_pengesahan: LembarPengesahan | None = None
    narasi: list[BagianNarasi] = Field(default_factory=list)
    catatan_transkripsi: list[CatatanTranskripsi] = Field(default_factory=list)
    peninjauan: list[Peninjauan] = Field(
        default_factory=list,
        description="Riwayat peninjauan (monitoring) SOP. Tanpa peninjauan, jatuh tempo dihitung dari tanggal efektif.",
    )

    def date_rows(self) -> list[str]:
        """The identity block's date rows: those the form prints, then any other date the record holds."""
        printed = self.baris_tanggal if self.baris_tanggal is not None else list(STANDARD_DATE_ROWS)
        held = [row for row in TanggalSop.model_fields if getattr(self.tanggal, row) and row not in printed]
        return [*printed, *held]


class Satker(Model):
    """A work unit (satuan kerja) that issues SOPs."""

    nama: Teks = Field(description="Nama singkat, mis. 'KPU Kota Palu'.")
    nama_lengkap: Teks = Field(description="Nama lengkap, mis. 'Komisi Pemilihan Umum Kota Palu'.")
    tingkat: Literal["pusat", "provinsi", "kabupaten_kota"]
    provinsi: Teks | None = None
    alamat: Teks | None = Field(None, description="Alamat seperti tercetak pada SOP.")
    catatan_alamat: Teks | None = Field(
        None, description="Catatan transkripsi alamat, mis. huruf yang salah terbaca pada sumber."
    )


class SatkerRegister(Model):
    """sop_data/satker.yaml: every satker, keyed by the folder name of its SOPs."""

    satker: dict[PageId, Satker]


class Relasi(Model):
    """Amendment and revocation links between regulations."""

    mengubah: list[Id] = Field(default_factory=list)
    diubah_oleh: list[Id] = Field(default_factory=list)
    mencabut: list[Id] = Field(default_factory=list)
    dicabut_oleh: list[Id] = Field(default_factory=list)


# The kinds of regulation, in the order of their labels (labels.REGULASI_JENIS has a word for each;
# a test holds the two together).
RegulasiJenis = Literal[
    "undang_undang",
    "perppu",
    "peraturan_pemerintah",
    "peraturan_presiden",
    "peraturan_menteri",
    "peraturan_kpu",
    "keputusan_kpu",
    "keputusan_sekjen_kpu",
    "keputusan_kpu_daerah",
    "peraturan_bawaslu",
    "keputusan_menteri",
    "peraturan_kepala_bkn",
    "keputusan_kepala_bkn",
    "peraturan_anri",
    "peraturan_lkpp",
    "peraturan_daerah",
    "peraturan_gubernur",
    "peraturan_bupati",
    "peraturan_walikota",
    "peraturan_rektor",
    "dokumen",
]


class Regulasi(Model):
    """One regulation (or, for jenis `dokumen`, a non-regulation document cited as a legal basis)."""

    jenis: RegulasiJenis
    nomor: Teks | None = Field(None, description="Nomor resmi; kosong bila tidak diketahui.")
    tahun: int | None = Field(None, description="Tahun penetapan; kosong bila tidak diketahui.")
    penerbit: Teks | None = Field(
        None,
        description="Untuk peraturan menteri: kementerian penerbit seperti pada judul resminya, mis. 'PAN-RB' (Peraturan Menteri PAN-RB).",
    )
    tentang: Teks = Field(description="Judul resmi sesudah 'tentang', dengan tanda baca resminya.")
    tanggal_penetapan: Tanggal | None = Field(
        None,
        description="Tanggal penetapan (TTTT-BB-HH); menentukan apakah perubahan sudah ada saat SOP ditandatangani.",
    )
    sumber: Teks | None = Field(None, description="Lembaran Negara/Berita Negara, bila diketahui.")
    status: Literal["berlaku", "diubah", "dicabut", "tidak_diketahui"] = "tidak_diketahui"
    catatan_status: Teks | None = Field(None, description="Sumber klaim status.")
    status_diperiksa: Tanggal | None = Field(
        None, description="Tanggal status terakhir diperiksa pada sumbernya (TTTT-BB-HH)."
    )
    relasi: Relasi = Field(default_factory=Relasi)
    tautan: Tautan | None = Field(
        None, description="Tautan resmi (JDIH/BPK), bila diketahui; diawali https:// atau http://."
    )


class RegulasiRegister(Model):
    """sop_data/regulasi.yaml: the registry every Dasar Hukum item refers to."""

    regulasi: dict[PageId, Regulasi]


class Jabatan(Model):
    """A role (jabatan) that lanes of several SOPs name in different words."""

    nama: Teks = Field(description="Nama jabatan lengkap, mis. 'Kepala Sub Bagian Perencanaan, Data dan Informasi'.")
    ejaan: list[Teks] = Field(
        default_factory=list,
        description="Cara jabatan ini ditulis orang (tercetak di SOP atau diketik saat mencari), mis. 'Kasubbag', 'Ka. Sub Bag'.",
    )
    catatan: Teks | None = Field(
        None, description="Dasar pemetaan lajur ke jabatan ini, dan apa yang tidak jelas di sumbernya."
    )


class JabatanRegister(Model):
    """sop_data/jabatan.yaml: the roles that lanes refer to (pelaksana[].jabatan)."""

    jabatan: dict[PageId, Jabatan]


class Istilah(Model):
    """An acronym or term of the SOPs, for the Glosarium and the tooltips on SOP pages."""

    istilah: Teks = Field(description="Istilah atau singkatan seperti tertulis, mis. 'LAPKIN'.")
    arti: Teks = Field(description="Kepanjangan atau arti, mis. 'Laporan Kinerja'.")
    ejaan: list[Teks] = Field(default_factory=list, description="Cara lain istilah ini ditulis, mis. 'Lapkin'.")
    catatan: Teks | None = Field(None, description="Sumber arti ini (SOP atau peraturan yang memakainya).")
    umum: bool = Field(
        False,
        description="Istilah umum yang dicantumkan walau tidak tertulis di SOP mana pun (tidak dilaporkan sebagai tidak dipakai).",
    )


class IstilahRegister(Model):
    """sop_data/istilah.yaml: the glossary."""

    istilah: dict[PageId, Istilah]


# --- Monitoring and evaluation (monev) ------------------------------------------------------------
# Lampiran PermenPAN-RB 35/2012, chapter "Monitoring dan Evaluasi Penerapan SOP AP": every SOP AP is
# monitored every six months (Tabel 7 Monitoring Pelaksanaan SOP AP) and evaluated against the
# criteria below. One file per satker and year: sop_data/<satker>/monev/<tahun>.yaml.

# A judgement not made yet: `sop pantau` writes "[isi ...]" where the maintainer decides, and the
# file is valid from the start (the check MONEV-007 lists what is left to fill in).
ISIAN_PATTERN = r"^\[isi\b[^\]]*\]$"
_ISIAN = re.compile(ISIAN_PATTERN, re.IGNORECASE)


def is_isian(value: object) -> bool:
    return isinstance(value, str) and bool(_ISIAN.match(value.strip()))


def _choice_or_isian(*values: str) -> object:
    """A field that holds one of ``values`` or, until it is filled in, a placeholder: one message for both."""

    def check(value: object) -> object:
        if value in values or is_isian(value):
            return value
        raise ValueError(labels.ERR["choice_or_isian"].format(value=value, expected=", ".join(values)))

    return Annotated[
        str,
        BeforeValidator(check),
        Field(json_schema_extra={"anyOf": [{"enum": list(values)}, {"pattern": ISIAN_PATTERN}]}),
    ]


def _date_or_isian(value: object) -> object:
    return value if is_isian(value) else _iso_date(value)


TanggalAtauIsian = Annotated[
    dt.date | str,
    BeforeValidator(_date_or_isian),
    Field(json_schema_extra={"anyOf": [{"type": "string", "format": "date"}, {"pattern": ISIAN_PATTERN}]}),
]


def _id_or_isian(value: object) -> object:
    if is_isian(value) or (isinstance(value, str) and re.match(ID_PATTERN, value)):
        return value
    raise ValueError(labels.ERR["string_pattern_mismatch"].format(value=value))


IdAtauIsian = Annotated[
    str,
    BeforeValidator(_id_or_isian),
    Field(json_schema_extra={"anyOf": [{"pattern": ID_PATTERN}, {"pattern": ISIAN_PATTERN}]}),
]

# The two periods of the six-monthly monitoring, in calendar order.
PERIODS = ("Semester I", "Semester II")
Periode = Literal["Semester I", "Semester II"]

PENILAIAN = ("berjalan_baik", "tidak_berjalan_baik")
# The evaluation criteria of the standard, in its order; labels.MONEV_KRITERIA has their wording.
KRITERIA = (
    "mendorong_kinerja",
    "mudah_dipahami",
    "mudah_dilaksanakan",
    "peran_jelas",
    "mengatasi_masalah",
    "menjawab_kebutuhan",
    "sinergi",
)
KESIMPULAN = ("dipertahankan", "direvisi", "dicabut")

if TYPE_CHECKING:  # a type made by a function is a plain string to a type checker
    PilihanPenilaian: TypeAlias = str
    PilihanYaTidak: TypeAlias = str
    PilihanKesimpulan: TypeAlias = str
else:
    PilihanPenilaian = _choice_or_isian(*PENILAIAN)
    PilihanYaTidak = _choice_or_isian("ya", "tidak")
    PilihanKesimpulan = _choice_or_isian(*KESIMPULAN)


class Penilai(Model):
    """Who monitored or evaluated: a person and their role."""

    nama: Teks = Field(description="Nama penilai seperti ditandatangani.")
    jabatan: IdAtauIsian = Field(description="Jabatan penilai: kunci di sop_data/jabatan.yaml.")


class HasilMonitoring(Model):
    """One row of Tabel 7: one SOP's monitoring in the period."""

    sop: Id = Field(description="Nama berkas SOP di folder satker ini, tanpa .yaml, mis. `penyusunan-laporan-kinerja`.")
    penilaian: PilihanPenilaian = Field(
        description="Penilaian terhadap penerapan: `berjalan_baik` (berjalan dengan baik) atau `tidak_berjalan_baik`."
    )
    catatan: Teks | None = Field(None, description="Catatan hasil penilaian.")
    tindakan: Teks | None = Field(
        None, description="Tindakan yang harus diambil; wajib bila penerapan tidak berjalan dengan baik."
    )
    tindakan_selesai: Tanggal | None = Field(
        None, description="Tanggal tindakan selesai dilaksanakan (TTTT-BB-HH); kosong selama belum selesai."
    )


class Monitoring(Model):
    """One period's monitoring of the satker's SOPs (Tabel 7 Monitoring Pelaksanaan SOP AP)."""

    periode: Periode = Field(description="Periode monitoring di tahun berkas ini: `Semester I` atau `Semester II`.")
    tanggal: TanggalAtauIsian = Field(description="Tanggal monitoring (TTTT-BB-HH).")
    penilai: Penilai
    hasil: list[HasilMonitoring] = Field(min_length=1, description="Satu baris Tabel 7 per SOP yang dimonitor.")


class NilaiKriteria(Model):
    """The judgement of one evaluation criterion."""

    penilaian: PilihanYaTidak = Field(description="`ya` bila SOP memenuhi kriteria ini, `tidak` bila tidak.")
    catatan: Teks | None = None


class KriteriaEvaluasi(Model):
    """The seven evaluation criteria of PermenPAN-RB 35/2012, each judged."""

    mendorong_kinerja: NilaiKriteria = Field(description="Mampu mendorong peningkatan kinerja.")
    mudah_dipahami: NilaiKriteria = Field(description="Mudah dipahami.")
    mudah_dilaksanakan: NilaiKriteria = Field(description="Mudah dilaksanakan.")
    peran_jelas: NilaiKriteria = Field(description="Semua orang dapat menjalankan perannya masing-masing.")
    mengatasi_masalah: NilaiKriteria = Field(description="Mampu mengatasi permasalahan yang berkaitan dengan proses.")
    menjawab_kebutuhan: NilaiKriteria = Field(description="Mampu menjawab kebutuhan peningkatan kinerja organisasi.")
    sinergi: NilaiKriteria = Field(description="Sinergi satu dengan lainnya.")


class Evaluasi(Model):
    """One evaluation of one SOP against the standard's criteria, and its conclusion."""

    sop: Id = Field(description="Nama berkas SOP di folder satker ini, tanpa .yaml.")
    tanggal: Tanggal = Field(description="Tanggal evaluasi (TTTT-BB-HH).")
    penilai: Penilai
    kriteria: KriteriaEvaluasi
    kesimpulan: PilihanKesimpulan = Field(
        description="`dipertahankan`, `direvisi` (SOP perlu direvisi) atau `dicabut` (SOP tidak dipakai lagi)."
    )
    catatan: Teks | None = None


class Monev(Model):
    """sop_data/<satker>/monev/<tahun>.yaml: one satker's monitoring and evaluation in one year."""

    monitoring: list[Monitoring] = Field(default_factory=list, description="Monitoring per periode (Tabel 7).")
    evaluasi: list[Evaluasi] = Field(default_factory=list, description="Evaluasi SOP tahun ini.")
