"""Every Indonesian word the handbook shows, in one place.

Code and YAML keys use the SOP AP form's own terms (pelaksana, langkah,
mutu_baku ...); what a reader or maintainer reads is written here.

A table is a ``dict[str, str]`` looked up by key; a table whose fixed keys hold texts and nested
tables alike is a TypedDict, so that a lookup says which it gets.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Final, TypedDict

if TYPE_CHECKING:
    from .model import RegulasiJenis

# Loader messages (file:line: field: message). Written for a maintainer who
# edits YAML, not for a programmer.
ERR: Final[dict[str, str]] = {
    "choice_or_isian": "nilai '{value}' tidak dikenal; pilih salah satu: {expected}",
    "bad_monev_name": ("berkas monitoring dan evaluasi diberi nama tahunnya, mis. sop_data/<satker>/monev/2025.yaml"),
    "too_big": "berkas terlalu besar ({size} bita; batas {limit} bita)",
    "not_utf8": "berkas bukan teks UTF-8; simpan ulang sebagai UTF-8",
    "empty": "berkas kosong; isi SOP belum ditulis",
    "too_many_nodes": "berkas memuat terlalu banyak butir (lebih dari {limit})",
    "too_deep": "susunan bersarang terlalu dalam (lebih dari {limit} tingkat)",
    "multi_doc": "berkas memuat lebih dari satu dokumen YAML (pemisah ---); satu berkas untuk satu SOP",
    "bad_key": "kunci harus berupa teks biasa",
    "duplicate_key": "kunci '{key}' ditulis dua kali (pertama di baris {first}); hapus salah satunya",
    "alias": "anchor/alias YAML (& dan *) tidak diizinkan; tulis nilainya langsung",
    "tag": "tag YAML '{tag}' tidak diizinkan; tulis nilainya sebagai teks biasa",
    "syntax": "sintaks YAML tidak valid: {problem}",
    "not_mapping": "isi berkas harus berupa pemetaan (kunci: nilai) di tingkat teratas",
    "unreadable": "berkas tidak dapat dibaca: {reason}",
    "bad_filename": (
        "nama berkas/folder '{name}' tidak valid: gunakan huruf kecil, angka dan tanda hubung "
        "(contoh: kpu-kota-palu/penyusunan-laporan-kinerja.yaml)"
    ),
    "not_yaml": "berkas di sop_data/ harus berakhiran .yaml",
    "misplaced": (
        "berkas SOP harus berada tepat satu tingkat di bawah sop_data/, "
        "di folder satuan kerjanya (sop_data/<satker>/<nama>.yaml)"
    ),
    "registry_missing": "berkas register wajib tidak ada",
    # pydantic error types -> message
    "extra_forbidden": "kunci '{key}' tidak dikenal{hint}",
    "missing": "wajib diisi",
    "string_type": "harus berupa teks",
    "string_too_short": "tidak boleh kosong",
    "int_parsing": "harus berupa bilangan bulat",
    "int_type": "harus berupa bilangan bulat",
    "list_type": "harus berupa daftar (butir diawali '- ')",
    "dict_type": "harus berupa pemetaan (kunci: nilai)",
    "model_type": "harus berupa pemetaan (kunci: nilai)",
    "model_attributes_type": "harus berupa pemetaan (kunci: nilai)",
    "literal_error": "nilai '{value}' tidak dikenal; pilih salah satu: {expected}",
    "too_short": "harus memuat paling sedikit {min} butir",
    "string_pattern_mismatch": "'{value}' tidak valid: gunakan huruf kecil, angka dan tanda hubung",
    "greater_than_equal": "harus bernilai paling sedikit {ge}",
    "url_parsing": "harus berupa alamat tautan (http:// atau https://)",
    "url_scheme": "harus berupa alamat tautan (http:// atau https://)",
    "bad_date": "'{value}' bukan tanggal yang valid; tulis TTTT-BB-HH, misalnya 2023-01-15",
    "date_out_of_range": "'{value}' di luar rentang tanggal yang masuk akal ({min}–{max}); periksa tahunnya",
    "reserved_name": "nama '{name}' sudah dipakai oleh halaman buku pedoman (halaman folder); pilih nama lain",
    "symlink_outside": "berkas ini tautan simbolik ke luar sop_data/; salin isinya ke sop_data/ atau hapus tautannya",
    "symlink_dir": "folder ini tautan simbolik; buku pedoman hanya membaca folder yang benar-benar ada di sop_data/",
    "hidden_char": "teks memuat karakter tersembunyi {char} ({kind}); {advice}",
    "not_date_text": "tanggal harus ditulis TTTT-BB-HH, misalnya 2023-01-15",
    "maybe": "; mungkin maksudnya '{guess}'?",
    "reserved_id": "pengenal '{value}' sudah dipakai oleh halaman buku pedoman; pilih pengenal lain",
    "not_url": "'{value}' bukan alamat web; tulis alamat lengkap yang diawali https:// atau http://",
    "bad_reference_date": "'{value}' bukan tanggal acuan yang valid; tulis TTTT-BB-HH, misalnya 2024-07-01",
    "bad_repo_url": (
        "'{value}' bukan alamat repositori yang dapat dipakai; tulis alamat web repositori saja, "
        "misalnya https://github.com/organisasi/buku-pedoman (tanpa spasi, tanda kutip, <, >, & , ? atau #)"
    ),
    "bad_branch": (
        "'{value}' bukan nama cabang git yang dapat dipakai di tautan; pakai huruf, angka dan . _ / - "
        "(tanpa spasi, tanda kutip, <, > atau ..)"
    ),
    "bad_platform": "'{value}' bukan platform repositori yang dikenal; pilih github atau gitlab",
    "bad_config": "{file} tidak dapat dibaca: {problem}",
    "bad_flag": "'{value}' bukan nilai hidup/mati; tulis true atau false (atau 1 atau 0)",
    "bad_text_setting": "'{value}' harus berupa teks",
    "other": "nilai tidak valid ({detail})",
}

# How a hidden-character finding (ERR["hidden_char"]) names the character's kind (hygiene.KIND)
# and what it advises at each level (hygiene.LEVEL).
HIDDEN_KIND: Final[dict[str, str]] = {
    "kendali": "karakter kendali",
    "arah": "pengubah arah teks",
    "pemisah": "pemisah baris tersembunyi",
    "tak_terlihat": "karakter tak terlihat",
}
HIDDEN_ADVICE: Final[dict[str, str]] = {
    "error": "hapus karakter itu: ia dapat membuat teks terbaca lain dari isinya atau memutus baris",
    "warning": "karakter itu tidak diterbitkan; hapus dari berkas",
}

# PyYAML problem texts a maintainer is likely to meet, in plain words.
# Every problem libyaml and PyYAML report (their English text, matched as a prefix or part), in the
# maintainer's words. A problem not listed gets YAML_PROBLEM_OTHER: a maintainer never reads English here.
YAML_PROBLEMS: Final[dict[str, str]] = {
    "found character '\\t' that cannot start any token": "karakter Tab tidak boleh dipakai; gunakan spasi",
    "found a tab character that violates indentation": "karakter Tab dipakai untuk indentasi; gunakan spasi",
    "found a tab character where an indentation space is expected": (
        "karakter Tab dipakai untuk indentasi; gunakan spasi"
    ),
    "mapping values are not allowed": (
        "tanda titik dua (:) di tempat yang salah; beri tanda kutip pada teks yang memuat ': '"
    ),
    "found character that cannot start any token": (
        "karakter di awal nilai ini tidak boleh dipakai tanpa tanda kutip (mis. @ atau `); beri tanda kutip"
    ),
    "did not find expected ',' or ']'": "daftar dalam kurung siku [ ] tidak ditutup dengan benar",
    "did not find expected ',' or '}'": "pemetaan dalam kurung kurawal { } tidak ditutup dengan benar",
    "expected ',' or ']'": "daftar dalam kurung siku [ ] tidak ditutup dengan benar",
    "expected ',' or '}'": "pemetaan dalam kurung kurawal { } tidak ditutup dengan benar",
    "could not find expected ':'": "tanda titik dua (:) setelah kunci tidak ditemukan",
    "found unexpected end of stream": "berkas berakhir sebelum tanda kutip/kurung ditutup",
    "found undefined alias": "alias YAML (*) tidak diizinkan",
    "expected <block end>, but found": "indentasi tidak konsisten",
    "did not find expected key": "indentasi tidak konsisten",
    "did not find expected '-' indicator": "indentasi daftar tidak konsisten",
    "did not find expected node content": "nilai tidak ditemukan di tempat yang diharapkan; periksa indentasi dan tanda baca",
    "did not find expected comment or line break": "ada teks setelah nilai yang sudah selesai; beri tanda kutip pada seluruh nilai",
    "did not find expected whitespace": "spasi yang diharapkan tidak ditemukan; periksa tanda baca di baris ini",
    "block sequence entries are not allowed in this context": "butir daftar ('- ') di tempat yang salah; periksa indentasi",
    "block mapping entries are not allowed": "pasangan kunci: nilai di tempat yang salah; periksa indentasi",
    "mapping keys are not allowed in this context": "kunci di tempat yang salah; periksa indentasi",
    "found unknown escape character": "karakter escape (\\) tidak dikenal di dalam tanda kutip ganda",
    "found invalid Unicode character escape code": "kode escape Unicode (\\u...) tidak valid di dalam tanda kutip ganda",
    "while scanning a quoted scalar": "tanda kutip tidak ditutup",
    "found unexpected ':'": "tanda titik dua (:) di tempat yang salah",
    "found unexpected document indicator": "penanda dokumen (--- atau ...) di tengah nilai; beri tanda kutip",
    "found an indentation indicator equal to 0": "penanda indentasi teks blok (| atau >) tidak boleh 0",
    "found undefined tag handle": "tag YAML tidak diizinkan; tulis nilainya sebagai teks biasa",
    "did not find expected tag URI": "tag YAML tidak diizinkan; tulis nilainya sebagai teks biasa",
    "did not find expected '!'": "tag YAML tidak diizinkan; tulis nilainya sebagai teks biasa",
    "did not find URI escaped octet": "tag YAML tidak diizinkan; tulis nilainya sebagai teks biasa",
    "found duplicate anchor": "anchor/alias YAML (& dan *) tidak diizinkan; tulis nilainya langsung",
    "did not find expected alphabetic or numeric character": (
        "nama anchor/alias tidak valid; anchor/alias YAML (& dan *) tidak diizinkan"
    ),
    "found unknown directive name": "direktif YAML (%) tidak diizinkan; beri tanda kutip pada teks yang diawali %",
    "could not find expected directive name": "direktif YAML (%) tidak diizinkan; beri tanda kutip pada teks yang diawali %",
    "found duplicate %YAML directive": "direktif YAML (%) tidak diizinkan",
    "found duplicate %TAG directive": "direktif YAML (%) tidak diizinkan",
    "found incompatible YAML document": "direktif YAML (%) tidak diizinkan",
    "did not find expected <document start>": "isi berkas tidak dapat dibaca sebagai satu dokumen YAML; periksa baris ini",
    "expected '<document start>', but found": "isi berkas tidak dapat dibaca sebagai satu dokumen YAML; periksa baris ini",
    "expected a single document in the stream": "berkas memuat lebih dari satu dokumen YAML (pemisah ---); satu berkas untuk satu SOP",
    "but found another document": "berkas memuat lebih dari satu dokumen YAML (pemisah ---); satu berkas untuk satu SOP",
    "control characters are not allowed": "berkas memuat karakter kendali yang tidak diizinkan",
    "special characters are not allowed": "berkas memuat karakter kendali yang tidak diizinkan",
    "invalid leading UTF-8 octet": "berkas bukan teks UTF-8; simpan ulang sebagai UTF-8",
    "invalid trailing UTF-8 octet": "berkas bukan teks UTF-8; simpan ulang sebagai UTF-8",
    "incomplete UTF-8 octet sequence": "berkas bukan teks UTF-8; simpan ulang sebagai UTF-8",
}
YAML_PROBLEM_OTHER: Final = (
    "bentuk YAML tidak dikenali di sini; periksa tanda kutip, titik dua dan indentasi di baris ini"
)

LEVEL: Final[dict[str, str]] = {"error": "Kesalahan", "warning": "Perhatian"}

SITE: Final[dict[str, str]] = {
    "home_title": "Daftar SOP",
    "satker_section": "Satuan Kerja",
    "satker_title_prefix": "SOP",
    "no_sops": "Belum ada SOP untuk satuan kerja ini.",
    "column_nomor": "Nomor SOP",
    "column_nama": "Nama SOP",
    "column_satker": "Satuan Kerja",
    "column_efektif": "Tanggal Efektif",
    "column_tingkat": "Tingkat",
    "all": "Semua",
    "column_langkah": "Langkah",
    "column_temuan": "Catatan Pemeriksaan",
    "not_printed": "—",
    "row_empty": "tidak tercetak",  # the form has the row and leaves it empty
    "unknown": "tidak diketahui",
    "unknown_title": "Tidak terbaca/tidak diketahui",
    "contents": "Daftar isi",
    "warnings_summary": "{count} perhatian di {files} berkas; jalankan `sop check` untuk rinciannya",
}

TINGKAT: Final[dict[str, str]] = {
    "pusat": "KPU RI",
    "provinsi": "KPU Provinsi",
    "kabupaten_kota": "KPU Kabupaten/Kota",
}

IDENTITY: Final[dict[str, str]] = {
    "heading": "Identitas SOP",
    "pelaksana": "Pelaksana",
    "satker": "Satuan Kerja",
    "unit": "Unit",
    "nomor": "Nomor SOP",
    "pembuatan": "Tanggal Pembuatan",
    "revisi": "Tanggal Revisi",
    "efektif": "Tanggal Efektif",
    "pengesahan": "Tanggal Pengesahan",
    "disahkan_oleh": "Disahkan Oleh",
    "nama": "Nama SOP",
    "jumlah_pelaksana": "Jumlah Pelaksana",
    "nip": "NIP.",
}

BOX: Final[dict[str, str]] = {
    "dasar_hukum": "Dasar Hukum",
    "kualifikasi_pelaksana": "Kualifikasi Pelaksana",
    "keterkaitan": "Keterkaitan",
    "peralatan_perlengkapan": "Peralatan/Perlengkapan",
    "peringatan": "Peringatan",
    "pencatatan_pendataan": "Pencatatan dan Pendataan",
}

KETERKAITAN_JENIS: Final[dict[str, str]] = {
    "sop": "SOP dalam buku pedoman ini",
    "sop_luar": "SOP lain (di luar buku pedoman)",
    "dokumen": "Dokumen",
}

STEP_TABLE: Final[dict[str, str]] = {
    "heading": "Uraian Prosedur",
    "no": "No",
    "kegiatan": "Kegiatan",
    "pelaksana": "Pelaksana",
    "kelengkapan": "Kelengkapan",
    "waktu": "Waktu",
    "output": "Output",
    "keterangan": "Keterangan",
    "mutu_baku": "Mutu Baku",
    "step": "Langkah",
    "next": "Lanjut",
    "branch": "{label}:",
    "to_step": "ke langkah {ke}",
    "previous_step": "← Langkah sebelumnya",
    "next_step": "Langkah berikutnya →",
}

# The procedure at a glance, at the top of each SOP page (GOV.UK's step-by-step pattern).
SEKILAS: Final[dict[str, str]] = {
    "heading": "Sekilas prosedur",
    "steps": "{n} langkah",
    "lanes": "{n} pelaksana",
    "time": "± {waktu}",
    "time_none": "jumlah waktu tidak terhitung",
    "time_title": "Jumlah waktu dari langkah-langkah; rinciannya di Waktu Penyelesaian",
    "pelaksana": "Pelaksana",
    "list": "Langkah-langkah",
}

# Mode kerja: the person doing the procedure ticks each step; kept in this browser only.
KERJA: Final[dict[str, str]] = {
    "button": "Mode kerja",
    "button_title": "Centang setiap langkah yang sudah dikerjakan; tersimpan di peramban ini saja",
    "done": "Selesai",
    "progress": "{done} dari {total} langkah selesai",
    "next": "Berikutnya: langkah {no} ({siapa})",
    "all_done": "Semua langkah selesai.",
    "reset": "Hapus centang",
    "close": "Tutup mode kerja",
}

# What the pages' scripts say (baca.js, sop.js); overrides/main.html hands them over as JSON.
SKRIP: Final[dict[str, str]] = {
    "search_dialog": "Pencarian",
    "scroll_hint": "geser →",
    "scroll_region": "{name} (dapat digeser ke samping)",
    "scroll_region_default": "Tabel",
    "stepbar": "Langkah {n} dari {total}",
    "kerja_next": KERJA["next"],
    "kerja_progress": KERJA["progress"],
    "kerja_all_done": KERJA["all_done"],
}

STEP_KIND: Final[dict[str, str]] = {
    "mulai": "Mulai",
    "proses": "Proses",
    "keputusan": "Keputusan",
    "selesai": "Selesai",
}

FLOW: Final[dict[str, str]] = {
    "heading": "Diagram Alir",
    "to_step": "ke langkah {no}",
    "from_step": "dari langkah {no}",
    "part": "Bagian {number}: langkah {first}–{last}",
    "zoom_in": "Perbesar",
    "zoom_out": "Perkecil",
    "zoom_fit": "Muat selebar layar",
    "zoom_reset": "Ukuran asli",
    "fullscreen": "Layar penuh",
    "fullscreen_close": "Tutup layar penuh",
    "loading": "Diagram dimuat saat bagian ini terlihat di layar. Uraian langkah di atas memuat isi yang sama.",
    "load_now": "Tampilkan diagram",
    "to_diagram": "Lihat di diagram",
    "node_hint": "Klik kotak di diagram untuk membuka langkahnya di Uraian Prosedur.",
    "caption": (
        "Satu lajur untuk setiap pelaksana, sesuai urutan pada formulir. "
        "Simbol: terminator (mulai/selesai), persegi (proses), belah ketupat (keputusan). "
        "Langkah yang dikerjakan beberapa pelaksana digambar di setiap lajurnya, "
        "dihubungkan garis putus-putus."
    ),
}


class TimeLabels(TypedDict):
    heading: str
    computed: str
    stated: str
    rules: str
    unparsed: str
    ranges: str
    per_item: str
    none: str
    units: dict[str, str]  # waktu's unit -> its word


TIME: Final[TimeLabels] = {
    "heading": "Waktu Penyelesaian",
    "computed": "Jumlah waktu dari langkah-langkah",
    "stated": "Jumlah waktu tertulis pada SOP",
    "rules": (
        "Aturan konversi: 1 hari kerja = {hours_per_day} jam; 1 minggu = {days_per_week} hari kerja; "
        "1 bulan = {days_per_month} hari kerja. Rentang (mis. 30-60 menit) dihitung batas atasnya. "
        "\"N x 24 jam\" dihitung N hari kerja. Waktu per dokumen atau per berkas (mis. 60 menit/dokumen) "
        "tidak dijumlahkan. Nama bulan pada kolom Keterangan adalah jadwal, bukan lama waktu."
    ),
    "unparsed": "Waktu langkah {steps} tidak terbaca atau tidak tertulis, sehingga tidak dihitung.",
    "ranges": "Waktu langkah {steps} berupa rentang; yang dihitung batas atasnya.",
    "per_item": "Waktu langkah {steps} berlaku per dokumen atau per berkas, sehingga tidak dijumlahkan.",
    "none": "tidak ada",
    "units": {"bulan": "bulan", "minggu": "minggu", "hari": "hari", "jam": "jam", "menit": "menit"},
}

NARASI: Final[dict[str, str]] = {
    "pengesahan": "Lembar Pengesahan",
    "tempat_tanggal": "Disahkan di {tempat} pada tanggal {tanggal}",
    "judul": "Judul",
    "penandatangan": "Penandatangan",
}


class TranscriptionLabels(TypedDict):
    heading: str
    intro: str
    source: str
    field: str
    kind: str
    note: str
    jenis: dict[str, str]  # CatatanTranskripsi.jenis -> its word


TRANSKRIPSI: Final[TranscriptionLabels] = {
    "heading": "Catatan Transkripsi",
    "intro": (
        "Isi SOP ini disalin dari dokumen sumber apa adanya, termasuk kekeliruannya. "
        "Catatan berikut menjelaskan bagian yang direkonstruksi, disimpulkan, atau tidak terbaca."
    ),
    "source": "Sumber",
    "field": "Bagian",
    "kind": "Jenis",
    "note": "Catatan",
    "jenis": {
        "direkonstruksi": "Direkonstruksi",
        "disimpulkan": "Disimpulkan",
        "tidak_terbaca": "Tidak terbaca",
        "sesuai_sumber": "Sesuai sumber",
    },
}

REGULASI_JENIS: Final[dict[RegulasiJenis, str]] = {
    "undang_undang": "Undang-Undang",
    "perppu": "Peraturan Pemerintah Pengganti Undang-Undang",
    "peraturan_pemerintah": "Peraturan Pemerintah",
    "peraturan_presiden": "Peraturan Presiden",
    "peraturan_menteri": "Peraturan Menteri",
    "peraturan_kpu": "Peraturan KPU",
    "keputusan_kpu": "Keputusan KPU",
    "keputusan_sekjen_kpu": "Keputusan Sekretaris Jenderal KPU",
    "keputusan_kpu_daerah": "Keputusan KPU Provinsi/Kabupaten/Kota",
    "peraturan_bawaslu": "Peraturan Bawaslu",
    "keputusan_menteri": "Keputusan Menteri",
    "peraturan_kepala_bkn": "Peraturan BKN",
    "keputusan_kepala_bkn": "Keputusan Kepala BKN",
    "peraturan_anri": "Peraturan ANRI",
    "peraturan_lkpp": "Peraturan LKPP",
    "peraturan_daerah": "Peraturan Daerah",
    "peraturan_gubernur": "Peraturan Gubernur",
    "peraturan_bupati": "Peraturan Bupati",
    "peraturan_walikota": "Peraturan Wali Kota",
    "peraturan_rektor": "Peraturan Rektor",
    "dokumen": "Dokumen (bukan peraturan)",
}

REGULASI_STATUS: Final[dict[str, str]] = {
    "berlaku": "Berlaku",
    "diubah": "Diubah",
    "dicabut": "Dicabut",
    "tidak_diketahui": "Status tidak diketahui",
}

MONTHS: Final[list[str]] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]


def tanggal(value: dt.date) -> str:
    """A date as the form prints it: 23 Januari 2022."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


# Consistency checks: groups on the rules page, and the two loader codes, which
# are not functions in macros/checks/ but are findings all the same.
CHECK_GROUPS: Final[dict[str, str]] = {
    "BERKAS": "Berkas",
    "SKEMA": "Skema",
    "TEKS": "Kebersihan Teks",
    "REF": "Rujukan",
    "FLOW": "Alur",
    "AP": "Kesesuaian SOP AP (PermenPAN-RB 35/2012)",
    "TIME": "Waktu",
    "DATE": "Tanggal",
    "IDENT": "Identitas",
    "DH": "Dasar Hukum",
    "REG": "Register Regulasi",
    "REVIEW": "Peninjauan",
    "MONEV": "Monitoring dan Evaluasi",
    "JAB": "Jabatan",
    "IST": "Istilah",
    "ISI": "Isian Kerangka",
    "BATAS": "Batas Ukuran",
}

# The loader's own rules: code -> (level, rule, explanation). They are on the rules page with the checks.
LOADER_CHECKS: Final[dict[str, tuple[str, str, str]]] = {
    "BERKAS-001": (
        "error",
        "Setiap berkas di sop_data/ terbaca sebagai satu dokumen YAML berupa pemetaan, di tempat dan dengan nama yang benar.",
        "Berkas kosong, bukan UTF-8, terlalu besar (lebih dari 2 MB), bersarang terlalu dalam, memakai anchor/alias "
        "atau tag YAML, memuat kunci ganda, salah tempat/nama, bernama `index` (nama halaman folder), atau berupa "
        "tautan simbolik ke luar sop_data/ dilaporkan di sini. Berkas itu tidak diterbitkan, SOP lain tetap diperiksa.",
    ),
    "SKEMA-001": (
        "error",
        "Isi berkas sesuai skema: setiap kunci dikenal, setiap nilai berjenis benar, setiap isian wajib terisi.",
        "Skema yang sama tersedia sebagai JSON Schema di schema/, sehingga editor dapat memeriksa saat mengetik. "
        "Tanggal harus tanggal yang ada, antara tahun 1900 dan 2100.",
    ),
    "TEKS-001": (
        "error",
        "Teks tidak memuat karakter kendali, pengubah arah teks, atau pemisah baris tersembunyi.",
        "Karakter seperti U+202E RIGHT-TO-LEFT OVERRIDE membuat nama terbaca lain dari isinya, dan U+2028 LINE "
        "SEPARATOR memutus baris yang tidak tampak di berkas. Karakter itu tidak terlihat di editor; temuan ini "
        "menyebut nama Unicode-nya, barisnya dan bagiannya. Buku pedoman tidak dibangun sampai karakter itu dihapus.",
    ),
    "TEKS-002": (
        "warning",
        "Teks tidak memuat karakter tak terlihat (spasi lebar nol, tanda hubung lunak, BOM di tengah teks).",
        "Karakter ini biasanya terbawa saat menyalin dari Word atau PDF. Ia tidak mengubah tampilan, tetapi memecah "
        "kata sehingga pencarian tidak menemukannya. Karakter itu tidak diterbitkan; hapuslah dari berkas.",
    ),
}

PEMERIKSAAN: Final[dict[str, str]] = {
    "heading": "Catatan Pemeriksaan",
    "intro": (
        "Pemeriksaan otomatis buku pedoman mencatat hal berikut pada SOP ini. "
        "Isi SOP tetap ditampilkan seperti sumbernya; catatan ini menunjukkan bagian yang perlu diperhatikan."
    ),
    "summary": "Pemeriksaan otomatis mencatat {count} perhatian untuk SOP ini.",
    "summary_link": "Lihat Catatan Pemeriksaan",
    "none": "Pemeriksaan otomatis tidak mencatat perhatian apa pun untuk SOP ini.",
    "code": "Kode",
    "level": "Tingkat",
    "field": "Bagian",
    "line": "Baris",
    "message": "Catatan",
    "file": "Berkas",
    "rule": "Aturan",
    "explanation": "Penjelasan",
    "count": "Jumlah",
    "sops": "SOP",
    "register": "Register",
    "by_sop": "Menurut SOP",
    "by_code": "Menurut Kode",
    "totals": "{sops} SOP diperiksa; {findings} catatan ({errors} kesalahan, {warnings} perhatian).",
    "reference_date": "Tanggal acuan pemeriksaan: {tanggal}.",
    "levels_explained": (
        "Kesalahan menghentikan build: buku pedoman tidak diterbitkan sampai kesalahan itu diperbaiki. "
        "Perhatian diterbitkan bersama SOP dan tampil di kotak Catatan Pemeriksaan halamannya."
    ),
    "no_findings": "Tidak ada catatan.",
    "rules_link": "Daftar aturan pemeriksaan",
    "for_maintainers": "Untuk pemelihara: berkas, baris dan bagian di YAML",
    "where": "Bagian SOP",
}

JABATAN: Final[dict[str, str]] = {
    "intro": (
        "Lajur setiap SOP ditulis seperti tercetak, sehingga jabatan yang sama bisa bernama berbeda-beda. "
        "Halaman ini mengelompokkan lajur menurut jabatannya: pilih jabatan untuk melihat semua langkah yang "
        "dikerjakannya di semua SOP."
    ),
    "spellings": "Juga ditulis",
    "basis": "Dasar pemetaan",
    "steps": "Langkah yang dikerjakan",
    "lanes": "Lajur",
    "no_steps": "Lajur ini tidak mengerjakan langkah apa pun.",
    "none": "Belum ada lajur yang dipetakan ke jabatan ini.",
    "mentioned": "Disebut dalam teks SOP lain",
    "decisions": "Keputusan yang diambil",
    "no_decisions": "Jabatan ini tidak mengambil keputusan di SOP mana pun.",
    "not_mentioned": "Tidak ada SOP lain yang menyebut jabatan ini dalam teks langkahnya.",
    "index_link": "Semua jabatan",
    "column_role": "Jabatan",
    "column_sops": "SOP",
    "column_steps": "Langkah",
    "unmapped": "Lajur tanpa jabatan",
    "unmapped_intro": "Sumber lajur berikut tidak menyebut jabatannya dengan jelas (aturan JAB-002):",
    "all_mapped": "Setiap lajur sudah dipetakan ke jabatan.",
}

ISTILAH: Final[dict[str, str]] = {
    "intro": (
        "Singkatan dan istilah yang tertulis di SOP buku pedoman ini. Di halaman SOP, arti setiap singkatan "
        "muncul saat penunjuk diarahkan atau singkatan itu disentuh."
    ),
    "spellings": "Juga ditulis",
    "source": "Sumber",
    "used_in": "Tertulis di",
    "general": "Istilah umum; tidak tertulis di SOP buku pedoman ini.",
}

# An SOP's file in version control: the links and date on its page.
SUMBER: Final[dict[str, str]] = {
    "updated": "Terakhir diperbarui {tanggal}",
    "edit": "Sunting SOP ini",
    "edit_title": "Buka berkas YAML SOP ini di penyunting repositori (untuk pemelihara)",
    "history": "Riwayat perubahan",
    "history_title": "Daftar perubahan berkas YAML SOP ini",
    "document": "Dokumen sumber",
    "document_title_attr": "Dokumen asli yang ditranskripsikan menjadi SOP ini, untuk dibandingkan",
    "document_title": "Dokumen sumber",
    "document_intro": (
        "Dokumen ini adalah sumber transkripsi SOP berikut. Catatan SOP menyalin isinya seperti tercetak, "
        "termasuk kekeliruannya; bagian yang direkonstruksi atau tidak terbaca disebut di Catatan Transkripsi SOP itu."
    ),
    "document_download": "Unduh {name}",
    "document_not_text": "Dokumen ini bukan teks; unduh berkasnya untuk membacanya.",
}

# Why a Waktu is not counted (waktu.Unread.reason), in the words of TIME-001.
WAKTU_ALASAN: Final[dict[str, str]] = {
    "jadwal": "jadwal atau saat, bukan lama waktu",
    "bersyarat": "bergantung pada keadaan, bukan lama waktu",
    "tanpa_satuan": "angka tanpa satuan (menit, jam atau hari?); bila kepala kolom menyebut satuannya, tulis satuan itu di sel",
    "tidak_jelas": "bukan lama waktu yang terbaca",
}

CETAK: Final[dict[str, str]] = {
    "button": "Cetak",
    "with_notes": "Cetak juga catatan pemeriksaan dan transkripsi",
    "with_swimlane": "Cetak juga diagram alir",
    "pdf": "Unduh PDF",
    "pdf_title": "Formulir SOP ini sebagai PDF (A4), untuk dilampirkan atau diarsipkan",
}

# The official SOP AP flowchart table, as offices sign and print it.
FORM: Final[dict[str, str]] = {
    "heading": "Bagan Alir",
    "tab_swimlane": "Diagram alir",
    "tab_form": "Bentuk resmi",
    "caption": (
        "Tabel bagan alir seperti formulir SOP AP yang ditandatangani: simbol setiap langkah di lajur "
        "pelaksananya (kapsul: mulai/selesai, persegi: proses, belah ketupat: keputusan, segi lima: "
        "penghubung ke halaman lain). Klik simbol untuk membuka langkahnya. Tabel ini yang tercetak."
    ),
    "page": "Halaman {number} dari {count}",
    "svg_label": "Simbol bagan alir setiap langkah di lajur pelaksananya",
    "running": "{nomor} · {nama}",
}

# How a field of the record is named for a reader: langkah[3].mutu_baku.waktu -> "Langkah 3 › Mutu Baku › Waktu".
FIELD_WORDS: Final[dict[str, str]] = {
    "langkah": "Langkah",
    "dasar_hukum": "Dasar Hukum butir",
    "regulasi": "regulasi",
    "teks": "bunyi",
    "kegiatan": "Kegiatan",
    "pelaksana": "Pelaksana",
    "mutu_baku": "Mutu Baku",
    "step": "Langkah",
    "kelengkapan": "Kelengkapan",
    "waktu": "Waktu",
    "output": "Output",
    "keterangan": "Keterangan",
    "cabang": "cabang",
    "label": "label",
    "ke": "tujuan",
    "lanjut": "langkah berikutnya",
    "no": "nomor",
    "jenis": "jenis",
    "rincian": "rincian",
    "nomor": "Nomor SOP",
    "nama": "Nama SOP",
    "tanggal": "Tanggal",
    "pembuatan": "pembuatan",
    "revisi": "revisi",
    "efektif": "efektif",
    "pengesahan": "pengesahan",
    "disahkan_oleh": "Disahkan Oleh",
    "jabatan": "jabatan",
    "kualifikasi_pelaksana": "Kualifikasi Pelaksana",
    "keterkaitan": "Keterkaitan",
    "sop": "SOP",
    "peralatan_perlengkapan": "Peralatan/Perlengkapan",
    "peringatan": "Peringatan",
    "pencatatan_pendataan": "Pencatatan dan Pendataan",
    "keterangan_gambar": "Keterangan Gambar",
    "lembar_pengesahan": "Lembar Pengesahan",
    "judul": "judul",
    "ketentuan": "ketentuan",
    "tempat": "tempat",
    "penandatangan": "penandatangan",
    "narasi": "Penjelasan",
    "isi": "isi",
    "daftar": "butir",
    "waktu_total_tercetak": "Jumlah waktu tercetak",
    "peninjauan": "Peninjauan",
    "oleh": "oleh",
    "catatan": "catatan",
    "kop": "Kop",
    "unit": "Unit",
    "jumlah_pelaksana": "Jumlah Pelaksana",
    "judul_dokumen": "Judul dokumen",
    "sumber": "Sumber",
    "catatan_transkripsi": "Catatan transkripsi",
}


class ReviewLabels(TypedDict):
    evaluation_heading: str
    evaluation_intro: str
    law_changed_heading: str
    law_changed_intro: str
    banner_title: str
    banner_title_unknown: str
    banner_unknown: str
    banner_overdue: str
    basis: dict[str | None, str]  # ReviewStatus.basis -> how the banner names it
    heading: str
    last: str
    never: str
    by: str
    column_sop: str
    column_satker: str
    column_basis: str
    column_due: str
    column_state: str
    state_overdue: str
    state_unknown: str
    state_soon: str
    intro: str
    none: str
    not_due: str


PENINJAUAN: Final[ReviewLabels] = {
    "evaluation_heading": "Evaluasi tahunan",
    "evaluation_intro": (
        "SOP dievaluasi setiap tahun menurut kriteria PermenPAN-RB 35/2012. Daftar ini memuat SOP yang "
        "evaluasinya terlambat, dan SOP yang menurut evaluasi terakhirnya harus direvisi tetapi belum direvisi."
    ),
    "law_changed_heading": "Dasar hukum yang berubah sesudah SOP ditandatangani",
    "law_changed_intro": (
        "Peraturan yang dikutip telah diubah sesudah SOP ditandatangani (DH-012). Ini bukan kelalaian "
        "penyusun, tetapi alasan untuk meninjau SOP lebih awal."
    ),
    "banner_title": "Peninjauan SOP terlambat",
    "banner_title_unknown": "Jatuh tempo peninjauan tidak dapat dihitung",
    "banner_unknown": (
        "SOP ini belum pernah ditinjau dan tanggal efektifnya tidak tercetak, sehingga jatuh tempo "
        "peninjauannya tidak dapat dihitung. Pemantauan SOP AP dilakukan setiap enam bulan."
    ),
    "banner_overdue": (
        "Peninjauan seharusnya dilakukan paling lambat {due} ({days} hari yang lalu), enam bulan sejak {basis} "
        "{since}. Pemantauan SOP AP dilakukan setiap enam bulan."
    ),
    "basis": {
        "peninjauan": "monitoring terakhir",
        "evaluasi": "evaluasi terakhir",
        "efektif": "tanggal efektif",
        None: "—",
    },
    "heading": "Peninjauan",
    "last": "Peninjauan terakhir",
    "never": "belum pernah ditinjau",
    "by": "oleh",
    "column_sop": "SOP",
    "column_satker": "Satuan Kerja",
    "column_basis": "Dihitung dari",
    "column_due": "Jatuh tempo",
    "column_state": "Keadaan",
    "state_overdue": "terlambat {days} hari",
    "state_unknown": "tidak dapat dihitung",
    "state_soon": "{days} hari lagi",
    "intro": (
        "Monitoring SOP AP dilakukan setiap enam bulan. Jatuh tempo dihitung enam bulan sejak monitoring terakhir "
        "(catatan monitoring satker, atau peninjauan yang dicatat di berkas SOP), atau sejak tanggal efektif bila SOP "
        "belum pernah dimonitor. Daftar ini memuat SOP yang terlambat atau "
        "jatuh tempo dalam {soon} hari, yang paling lama lebih dahulu."
    ),
    "none": "Tidak ada SOP yang terlambat atau segera jatuh tempo.",
    "not_due": "{count} SOP lain belum jatuh tempo.",
}

DASAR_HUKUM: Final[dict[str, str]] = {
    "index_intro": (
        "Setiap peraturan yang dikutip sebagai Dasar Hukum oleh SOP di buku pedoman ini, dengan status "
        "berlakunya menurut register (sop_data/regulasi.yaml) dan setiap cara penulisannya pada SOP. "
        "Status hanya dicatat bila ada sumbernya; selain itu tertulis 'Status tidak diketahui'."
    ),
    "column_regulasi": "Peraturan",
    "column_status": "Status",
    "column_count": "Jumlah SOP",
    "column_printed": "Bunyi tercetak",
    "column_sop": "SOP",
    "column_satker": "Satuan Kerja",
    "column_item": "Butir",
    "column_replacement": "Pengganti",
    "column_note": "Catatan",
    "jenis": "Jenis",
    "nomor": "Nomor",
    "tahun": "Tahun",
    "tentang": "Tentang",
    "tanggal_penetapan": "Tanggal penetapan",
    "sumber": "Sumber (LN/BN)",
    "status": "Status",
    "catatan_status": "Sumber status",
    "tautan": "Tautan resmi",
    "relations": "Rantai perubahan dan pencabutan",
    "mengubah": "Mengubah",
    "diubah_oleh": "Diubah oleh",
    "mencabut": "Mencabut",
    "dicabut_oleh": "Dicabut oleh",
    "family": "Peraturan ini dan perubahannya, dari yang terlama",
    "this": "halaman ini",
    "no_relations": "Register tidak mencatat perubahan atau pencabutan untuk peraturan ini.",
    "cited_by": "Dikutip oleh",
    "status_per": "status per {tanggal}",
    "cited_via": "Tidak dikutip langsung; dikutip melalui perubahan atau peraturan pokoknya:",
    "status_unchecked": "tanggal pemeriksaan status tidak tercatat",
    "not_cited": "Tidak dikutip oleh SOP mana pun di buku pedoman ini.",
    "revoked_by": "Dicabut oleh",
    "amended_by": "Diubah oleh",
    "amended_later": "Perubahan berikutnya:",
    "not_in_registry": "tidak terdaftar di register",
    "report_link": "Laporan Auditor",
    "index_link": "Indeks Dasar Hukum",
    "exports": "Unduhan",
    "export_csv": "Kutipan Dasar Hukum per SOP (CSV, UTF-8)",
    "export_json": "Seluruh buku pedoman (JSON, format {format} versi {version})",
    "export_schema": "JSON Schema format ekspor",
    "export_note": (
        "CSV: satu baris untuk setiap kutipan ({columns}), UTF-8 dengan BOM agar terbaca benar di program lembar kerja. Sel yang diawali = + - @ "
        "ditulis dengan tanda petik di depannya agar tidak dijalankan sebagai rumus. JSON: setiap SOP sebagai "
        "data tervalidasi, register satuan kerja dan regulasi, serta temuan pemeriksaan."
    ),
}


class ReportLabels(TypedDict):
    intro: str
    sections: dict[str, str]  # legal.REPORT_SECTIONS key -> its heading
    none: str
    uncited_note: str
    section_notes: dict[str, str]  # the sections that have a note under their heading


LAPORAN: Final[ReportLabels] = {
    "intro": (
        "Ringkasan untuk auditor: kutipan Dasar Hukum yang perlu ditinjau. Setiap baris berasal dari "
        "pemeriksaan otomatis (kode di kolom pertama, lihat Aturan Pemeriksaan). {reference}"
    ),
    "sections": {
        "revoked": "SOP yang mengutip peraturan yang sudah dicabut",
        "amended": "SOP yang tidak mengutip perubahan yang sudah ada ketika SOP ditandatangani",
        "amended_since": "SOP yang dasar hukumnya diubah sesudah SOP ditandatangani: tinjau SOP",
        "mismatch": "Kutipan yang jenis, nomor atau tahunnya berbeda dari register",
        "duplicate": "Kutipan ganda dan butir yang menggabungkan beberapa peraturan",
        "not_regulation": "Butir yang bukan peraturan atau tidak dapat ditelusuri",
        "no_basis": "SOP tanpa Dasar Hukum",
        "uncited": "Peraturan di register yang tidak dikutip SOP mana pun",
    },
    "none": "Tidak ada.",
    "uncited_note": (
        "Sebagian besar dicatat karena mencabut peraturan yang dikutip; keberadaannya di sini bukan kekeliruan. "
        "Peraturan yang dikutip melalui salah satu perubahannya (atau sebaliknya) dihitung dikutip."
    ),
    "section_notes": {
        "amended": (
            "Perubahan yang sudah ditetapkan sebelum tanggal SOP ditandatangani tetapi tidak dikutip (DH-010). "
            "Mengutip salah satu perubahan dihitung mengutip peraturan yang diubahnya."
        ),
        "amended_since": (
            "Perubahan sesudah SOP ditandatangani bukan kelalaian penyusun, tetapi alasan untuk meninjau SOP (DH-012). "
            "Bila tanggal penetapan tidak tercatat, pesan menyebutnya dan tidak menebak."
        ),
    },
}


# Monitoring and evaluation (monev): the SOP page's history, the dashboards, Tabel 7 and the
# evaluation form. The column names and the criteria are the standard's own words (Lampiran
# PermenPAN-RB 35/2012, Bab "Monitoring dan Evaluasi Penerapan SOP AP", Tabel 7).
MONEV: Final[dict[str, str]] = {
    "heading": "Monitoring dan Evaluasi",
    "banner_revise_title": "SOP ini harus direvisi",
    "banner_revise": (
        "Evaluasi {tanggal} menyimpulkan bahwa SOP ini harus direvisi, dan revisinya belum tercatat. "
        "Sampai revisi ditetapkan, SOP ini tetap yang berlaku."
    ),
    "history": "Riwayat monitoring",
    "latest_evaluation": "Evaluasi terakhir",
    "no_monitoring": "Belum ada catatan monitoring untuk SOP ini.",
    "no_evaluation": "Belum ada catatan evaluasi untuk SOP ini.",
    "column_period": "Periode",
    "column_date": "Tanggal",
    "column_penilai": "Penilai",
    "column_penilaian": "Penilaian terhadap penerapan",
    "column_catatan": "Catatan hasil penilaian",
    "column_tindakan": "Tindakan yang harus diambil",
    "column_tindakan_state": "Keadaan tindakan",
    "action_done": "selesai {tanggal}",
    "action_open": "belum selesai",
    "not_filled": "belum diisi",
    "criterion": "Kriteria",
    "judgement": "Penilaian",
    "note": "Catatan",
    "conclusion": "Kesimpulan",
    "evaluated_on": "Dievaluasi {tanggal} oleh {penilai}.",
    "next_due": "Jatuh tempo evaluasi berikutnya: {tanggal}.",
    "forms_link": "Formulir monitoring (Tabel 7) dan evaluasi",
    "dashboard_link": "Dasbor monitoring dan evaluasi",
    # Dashboards
    "dashboard_title": "Dasbor Monitoring dan Evaluasi",
    "dashboard_title_satker": "Monitoring dan Evaluasi: {satker}",
    "dashboard_intro": (
        "Keadaan monitoring (setiap enam bulan, Tabel 7) dan evaluasi (setiap tahun) SOP AP menurut catatan "
        "di sop_data/<satker>/monev/, per {tanggal}: periode berjalan {periode}, tahun {tahun}."
    ),
    "dashboard_empty": (
        "Belum ada catatan monitoring dan evaluasi di buku pedoman ini. Catatan dimulai dengan `sop pantau` "
        "(lihat panduan pemeliharaan)."
    ),
    "metric_sops": "SOP",
    "metric_monitored": "Dimonitor periode ini",
    "metric_evaluated": "Dievaluasi tahun ini",
    "metric_actions": "Tindakan belum selesai",
    "metric_revision": "SOP yang harus direvisi",
    "by_satker": "Per satuan kerja",
    "by_level": "Per tingkat",
    "trend": "Per periode",
    "trend_chart_title": "Persentase SOP yang dimonitor pada periode itu dan dievaluasi pada tahunnya, per akhir periode",
    "chart_title": "Persentase SOP yang dimonitor periode ini dan dievaluasi tahun ini",
    "chart_label": "{nama}: dimonitor {monitored}%, dievaluasi {evaluated}%",
    "chart_legend_monitored": "dimonitor periode ini",
    "chart_legend_evaluated": "dievaluasi tahun ini",
    "table_caption": "Angka yang sama dengan grafik",
    "column_satker": "Satuan Kerja",
    "column_level": "Tingkat",
    "column_sop": "SOP",
    "column_state": "Keadaan",
    "sop_list": "SOP satuan kerja ini",
    "last_monitoring": "Monitoring terakhir",
    "last_evaluation": "Evaluasi terakhir",
    "never": "belum pernah",
    "state_revise": "harus direvisi",
    "state_monitoring_due": "monitoring terlambat",
    "state_evaluation_due": "evaluasi terlambat",
    "state_actions": "{n} tindakan belum selesai",
    "downloads": "Unduhan",
    "csv": "Catatan monev (CSV)",
    "csv_title": "Semua catatan monitoring dan evaluasi satker ini, satu baris per SOP per catatan, untuk lembar kerja",
    # Forms to print
    "tabel7_title": "Tabel 7 Monitoring Pelaksanaan SOP AP",
    "tabel7_lead": "{satker} · {periode}",
    "tabel7_intro": (
        "Formulir untuk dicetak (Ctrl+P, A4 mendatar) dan diisi tangan pada monitoring {periode}; sesudahnya "
        "salin hasilnya ke sop_data/{satker}/monev/{tahun}.yaml (`sop pantau {satker} --periode \"{periode}\"` "
        "menuliskan kerangkanya)."
    ),
    "tabel7_no": "No.",
    "tabel7_prosedur": "Prosedur",
    "tabel7_penilaian": "Penilaian Terhadap Penerapan",
    "tabel7_catatan": "Catatan Hasil Penilaian",
    "tabel7_tindakan": "Tindakan yang Harus Diambil",
    "tabel7_paraf": "Paraf Penilai",
    "berjalan_baik": "Berjalan dengan baik",
    "tidak_berjalan_baik": "Tidak berjalan dengan baik",
    "penilai_line": "Penilai",
    "tanggal_line": "Tanggal",
    "jabatan_line": "Jabatan",
    "tanda_tangan": "Tanda tangan",
    "evaluasi_title": "Formulir Evaluasi SOP AP",
    "evaluasi_intro": (
        "Satu formulir per SOP, masing-masing dicetak pada halamannya sendiri (Ctrl+P, A4 tegak). Kriteria "
        "evaluasi adalah kriteria PermenPAN-RB 35/2012."
    ),
    "ya": "Ya",
    "tidak": "Tidak",
    "print": "Cetak formulir",
    "no_sops": "Satuan kerja ini belum mempunyai SOP di buku pedoman.",
}
MONEV_KRITERIA: Final[dict[str, str]] = {
    "mendorong_kinerja": "Mampu mendorong peningkatan kinerja",
    "mudah_dipahami": "Mudah dipahami",
    "mudah_dilaksanakan": "Mudah dilaksanakan",
    "peran_jelas": "Semua orang dapat menjalankan perannya masing-masing",
    "mengatasi_masalah": "Mampu mengatasi permasalahan yang berkaitan dengan proses",
    "menjawab_kebutuhan": "Mampu menjawab kebutuhan peningkatan kinerja organisasi",
    "sinergi": "Sinergi satu dengan lainnya",
}
MONEV_PENILAIAN: Final[dict[str, str]] = {
    "berjalan_baik": "Berjalan dengan baik",
    "tidak_berjalan_baik": "Tidak berjalan dengan baik",
    "ya": "Ya",
    "tidak": "Tidak",
}
MONEV_KESIMPULAN: Final[dict[str, str]] = {
    "dipertahankan": "Dipertahankan",
    "direvisi": "Direvisi",
    "dicabut": "Dicabut",
}
