"""Every check has a fixture that triggers it and one that does not.

GOOD is a complete SOP that no check objects to; each case in CASES changes
it in one way that a single rule forbids, and must produce that rule's code.
"""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import pytest
import yaml
from fixture_sop import GOOD, REL, TODAY, _Dumper, long_sop, registries_only, write

from macros import checks, core
from macros.checks import dasar_hukum, flow
from macros.loader import DATA_DIR


def edit_registry(root: Path, change) -> None:
    path = root / DATA_DIR / "regulasi.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data["regulasi"])
    path.write_text(yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False), encoding="utf-8")


def findings(tmp_path, sop=GOOD, rel=REL, today=TODAY, before=None):
    root = registries_only(tmp_path)
    write(root, rel, sop)
    if before:
        before(root)
    book, found = core.load(root, today)
    return found


def step(sop, no):
    return sop["langkah"][no - 1]


def mutate(change):
    def apply():
        sop = copy.deepcopy(GOOD)
        change(sop)
        return sop

    return apply


def _set(path, value):
    """A change that sets one field, e.g. _set(("langkah", 1, "pelaksana"), ["x"])."""

    def change(sop):
        target = sop
        for key in path[:-1]:
            target = target[key]
        if value is _DELETE:
            del target[path[-1]]
        else:
            target[path[-1]] = value

    return change


_DELETE = object()
DH = GOOD["dasar_hukum"][0]["teks"]

# code -> (what the fixture gets wrong, changed SOP, optional extra setup, where the SOP is written if not REL)
CASES = {
    "REF-001": (
        "folder is not a registered satker",
        mutate(lambda s: None),
        None,
        f"{DATA_DIR}/kpu-kota-tidak-ada/contoh.yaml",
    ),
    "REF-002": ("step names an undeclared lane", mutate(_set(("langkah", 1, "pelaksana"), ["sekretaris"])), None, None),
    "REF-003": ("next step does not exist", mutate(_set(("langkah", 0, "lanjut"), [9])), None, None),
    "REF-004": ("unregistered regulation", mutate(_set(("dasar_hukum", 0, "regulasi"), ["uu-99-2099"])), None, None),
    "REF-005": (
        "link to a missing SOP",
        mutate(_set(("keterkaitan", 0), {"teks": "x", "jenis": "sop", "sop": "kpu-kota-palu/tidak-ada"})),
        None,
        None,
    ),
    "REF-006": (
        "two lanes share an id",
        mutate(lambda s: s["pelaksana"].append({"id": "staf", "nama": "Staf 2"})),
        None,
        None,
    ),
    "REF-007": (
        "registry relation points nowhere",
        mutate(lambda s: None),
        lambda root: edit_registry(root, lambda r: r["perpres-29-2014"].update(relasi={"diubah_oleh": ["tidak-ada"]})),
        None,
    ),
    "REF-008": (
        "transcription note names a missing step",
        mutate(_set(("catatan_transkripsi", 0, "bidang"), "langkah[9].kegiatan")),
        None,
        None,
    ),
    "REF-009": (
        "a lane no step uses",
        mutate(lambda s: s["pelaksana"].append({"id": "ketua", "nama": "Ketua"})),
        None,
        None,
    ),
    "REF-010": (
        "a source document that is not in sumber/",
        mutate(lambda s: s.update(dokumen_sumber="sumber/tidak-ada.txt")),
        None,
        None,
    ),
    "FLOW-001": ("no start", mutate(_set(("langkah", 0, "jenis"), "proses")), None, None),
    "FLOW-002": ("steps skipped from the start", mutate(_set(("langkah", 0, "lanjut"), [4])), None, None),
    "FLOW-003": (
        "a loop with no way out",
        mutate(_set(("langkah", 2, "cabang"), [{"label": "Ya", "ke": 2}, {"label": "Tidak", "ke": 2}])),
        None,
        None,
    ),
    "FLOW-004": (
        "a decision with one branch",
        mutate(_set(("langkah", 2, "cabang"), [{"label": "Ya", "ke": 4}])),
        None,
        None,
    ),
    "FLOW-005": ("a process with two next steps", mutate(_set(("langkah", 1, "lanjut"), [3, 4])), None, None),
    "FLOW-006": (
        "numbering jumps",
        mutate(lambda s: (step(s, 4).update(no=5), step(s, 3)["cabang"][0].update(ke=5))),
        None,
        None,
    ),
    "FLOW-007": (
        "work handed to someone with no lane",
        mutate(_set(("langkah", 1, "kegiatan"), "Menyusun draf lalu menyerahkan kepada Kepala Bagian untuk diperiksa")),
        None,
        None,
    ),
    "AP-001": ("document symbol in the legend", mutate(lambda s: s["keterangan_gambar"].append("Dokumen")), None, None),
    "AP-002": (
        "non-standard branch labels",
        mutate(_set(("langkah", 2, "cabang"), [{"label": "Oke", "ke": 4}, {"label": "Tidak", "ke": 2}])),
        None,
        None,
    ),
    "AP-003": ("empty Mutu Baku", mutate(_set(("langkah", 1, "mutu_baku"), {})), None, None),
    "AP-004": ("no Waktu", mutate(_set(("langkah", 1, "mutu_baku", "waktu"), _DELETE)), None, None),
    "AP-005": ("no Output", mutate(_set(("langkah", 1, "mutu_baku", "output"), _DELETE)), None, None),
    "TIME-001": ("Waktu is not a duration", mutate(_set(("langkah", 1, "mutu_baku", "waktu"), "sebentar")), None, None),
    "TIME-002": ("Waktu is a month", mutate(_set(("langkah", 1, "mutu_baku", "waktu"), "Januari")), None, None),
    "TIME-003": ("stated total differs", mutate(_set(("waktu_total_tercetak",), "3 Hari")), None, None),
    "DATE-001": ("signed before it was made", mutate(_set(("tanggal", "pengesahan"), "2024-01-01")), None, None),
    "DATE-002": ("revised before it was made", mutate(_set(("tanggal", "revisi"), "2023-12-01")), None, None),
    "DATE-003": (
        "a date in the future",
        mutate(
            lambda s: (
                s["peninjauan"].append({"tanggal": "2024-03-02"})
                if "peninjauan" in s
                else s.update(peninjauan=[{"tanggal": "2024-03-02"}])
            )
        ),
        None,
        None,
    ),
    "DATE-004": (
        "signing sheet dated otherwise",
        mutate(_set(("lembar_pengesahan", "tanggal"), "2024-01-16")),
        None,
        None,
    ),
    "IDENT-001": (
        "two SOPs with one Nomor",
        mutate(lambda s: None),
        lambda root: write(root, f"{DATA_DIR}/kpu-kota-palu/contoh-kedua.yaml", GOOD),
        None,
    ),
    "IDENT-002": ("Nomor without its number", mutate(_set(("nomor",), "/ORT.06/7271/2024")), None, None),
    "IDENT-003": ("empty Peringatan box", mutate(_set(("peringatan",), [])), None, None),
    "IDENT-004": ("no tanggal efektif", mutate(_set(("tanggal", "efektif"), _DELETE)), None, None),
    "IDENT-005": (
        "signing sheet about another SOP",
        mutate(_set(("lembar_pengesahan", "judul"), "LAMPIRAN SOP TENTANG PENGADAAN BARANG")),
        None,
        None,
    ),
    "DH-001": (
        "one regulation cited twice",
        mutate(lambda s: s["dasar_hukum"].append(dict(s["dasar_hukum"][0]))),
        None,
        None,
    ),
    "DH-002": (
        "printed jenis differs",
        mutate(_set(("dasar_hukum", 0, "teks"), DH.replace("Peraturan Presiden", "Peraturan Menteri"))),
        None,
        None,
    ),
    "DH-003": (
        "printed year differs",
        mutate(_set(("dasar_hukum", 0, "teks"), DH.replace("2014", "2015"))),
        None,
        None,
    ),
    "DH-004": (
        "one item, two regulations",
        mutate(_set(("dasar_hukum", 0, "regulasi"), ["perpres-29-2014", "uu-7-2017"])),
        None,
        None,
    ),
    "DH-005": (
        "printed number differs",
        mutate(_set(("dasar_hukum", 0, "teks"), DH.replace("Nomor 29", "Nomor 92"))),
        None,
        None,
    ),
    "DH-006": ("item traced to nothing", mutate(_set(("dasar_hukum", 0, "regulasi"), [])), None, None),
    "DH-007": (
        "a document as legal basis",
        mutate(_set(("dasar_hukum", 0, "regulasi"), ["pk-kpu-luwu-utara"])),
        None,
        None,
    ),
    "DH-008": (
        "cited without a number",
        mutate(_set(("dasar_hukum", 0, "teks"), "Peraturan Presiden tentang SAKIP")),
        None,
        None,
    ),
    "DH-009": (
        "cites a revoked regulation",
        mutate(
            _set(
                ("dasar_hukum", 0),
                {
                    "teks": "Peraturan Menteri Nomor 12 Tahun 2015 tentang Pedoman Evaluasi",
                    "regulasi": ["permenpan-12-2015"],
                },
            )
        ),
        None,
        None,
    ),
    "DH-012": (
        "cites a regulation amended after the SOP was signed",
        mutate(
            lambda sop: (
                _set(
                    ("dasar_hukum", 0),
                    {
                        "teks": "Peraturan Komisi Pemilihan Umum Nomor 14 Tahun 2020 tentang Tugas",
                        "regulasi": ["pkpu-14-2020"],
                    },
                )(sop),
                _set(("tanggal",), {"pembuatan": "2022-01-10", "pengesahan": "2022-01-15", "efektif": "2022-01-20"})(
                    sop
                ),
            )
        ),
        None,
        None,
    ),
    "DH-010": (
        "cites an amended regulation without the amendments enacted before the SOP was signed",
        mutate(
            _set(
                ("dasar_hukum", 0),
                {
                    "teks": "Peraturan Komisi Pemilihan Umum Nomor 14 Tahun 2020 tentang Tugas",
                    "regulasi": ["pkpu-14-2020"],
                },
            )
        ),
        None,
        None,
    ),
    "REG-001": (
        "amendments in a circle",
        mutate(lambda s: None),
        lambda root: edit_registry(
            root,
            lambda r: (
                r["pkpu-8-2019"]["relasi"].update(mengubah=["pkpu-4-2021"]),
                r["pkpu-4-2021"]["relasi"].update(diubah_oleh=["pkpu-8-2019"]),
            ),
        ),
        None,
    ),
    "REG-002": (
        "a relation recorded on one side only",
        mutate(lambda s: None),
        lambda root: edit_registry(root, lambda r: r["uu-25-2004"].update(relasi={"mengubah": ["uu-7-2017"]})),
        None,
    ),
    "REG-003": (
        "revoked by something, yet 'berlaku'",
        mutate(lambda s: None),
        lambda root: edit_registry(root, lambda r: r["permenpan-12-2015"].update(status="berlaku")),
        None,
    ),
    "REG-004": (
        "a status claim without its source",
        mutate(lambda s: None),
        lambda root: edit_registry(root, lambda r: r["pkpu-12-2023"].pop("catatan_status")),
        None,
    ),
    "REVIEW-001": ("effective long ago, never reviewed", mutate(lambda s: None), None, None),
    "IST-001": (
        "a glossary term no SOP writes",
        mutate(lambda s: None),
        lambda root: (root / DATA_DIR / "istilah.yaml").write_text(
            "istilah:\n  zzz:\n    istilah: ZZZ\n    arti: Tidak dipakai\n", encoding="utf-8"
        ),
        None,
    ),
    "IST-002": (
        "one term explained by two entries (an entry's spelling is another's term)",
        mutate(lambda s: None),
        lambda root: (root / DATA_DIR / "istilah.yaml").write_text(
            "istilah:\n  sakip:\n    istilah: SAKIP\n    arti: Sistem Akuntabilitas Kinerja Instansi Pemerintah\n    umum: true\n"
            "  sakip-lain:\n    istilah: SAKIP-KPU\n    ejaan: [SAKIP]\n    arti: Arti lain\n    umum: true\n",
            encoding="utf-8",
        ),
        None,
    ),
    "BATAS-001": (
        "a Kegiatan longer than a diagram box holds",
        mutate(_set(("langkah", 1, "kegiatan"), "Memeriksa berkas " * 40)),
        None,
        None,
    ),
    "BATAS-002": ("more steps than any one procedure has", lambda: long_sop(501), None, None),
    "ISI-001": (
        "a placeholder of the `sop baru` skeleton left in",
        mutate(_set(("langkah", 0, "kegiatan"), "[isi uraian kegiatan langkah 1]")),
        None,
        None,
    ),
    "JAB-001": ("a lane names an unregistered role", mutate(_set(("pelaksana", 0, "jabatan"), "direktur")), None, None),
    "JAB-002": ("a lane with no role", mutate(_set(("pelaksana", 1, "jabatan"), _DELETE)), None, None),
    "JAB-003": (
        "a role no lane uses",
        mutate(lambda s: None),
        lambda root: (root / DATA_DIR / "jabatan.yaml").write_text(
            (root / DATA_DIR / "jabatan.yaml").read_text(encoding="utf-8") + "  ketua:\n    nama: Ketua KPU\n",
            encoding="utf-8",
        ),
        None,
    ),
}
# code -> where each finding must point: (field, how the line it names starts). Reviewed by hand:
# a missing field points at its parent's line, a list item at its '- ' line.
WHERE = {
    'AP-001': [('keterangan_gambar[5]', '- Dokumen')],
    'AP-002': [('langkah[3].cabang', 'cabang:')],
    'AP-003': [('langkah[2]', "- 'no': 2")],
    'AP-004': [('langkah[2].mutu_baku.waktu', 'mutu_baku:')],
    'AP-005': [('langkah[2].mutu_baku.output', 'mutu_baku:')],
    'DATE-001': [('tanggal.pengesahan', "pengesahan: '2024-01-01'")],
    'DATE-002': [('tanggal.revisi', "revisi: '2023-12-01'")],
    'DATE-003': [('peninjauan[1].tanggal', "- tanggal: '2024-03-02'")],
    'DATE-004': [('lembar_pengesahan.tanggal', "tanggal: '2024-01-16'")],
    'DH-001': [('dasar_hukum[2].regulasi[1]', '- perpres-29-2014')],
    'DH-002': [('dasar_hukum[1].teks', '- teks: Peraturan Menter')],
    'DH-003': [('dasar_hukum[1].teks', '- teks: Peraturan Presid')],
    'DH-004': [('dasar_hukum[1].regulasi', 'regulasi:')],
    'DH-005': [('dasar_hukum[1].teks', '- teks: Peraturan Presid')],
    'DH-006': [('dasar_hukum[1]', '- teks: Peraturan Presid')],
    'DH-007': [('dasar_hukum[1].regulasi[1]', '- pk-kpu-luwu-utara')],
    'DH-008': [('dasar_hukum[1].teks', '- teks: Peraturan Presid')],
    'DH-009': [('dasar_hukum[1].regulasi[1]', '- permenpan-12-2015')],
    'DH-010': [('dasar_hukum[1].regulasi[1]', '- pkpu-14-2020')],
    'DH-012': [('dasar_hukum[1].regulasi[1]', '- pkpu-14-2020')],
    'FLOW-001': [('langkah', 'langkah:')],
    'FLOW-002': [('langkah[2].no', "- 'no': 2"), ('langkah[3].no', "- 'no': 3")],
    'FLOW-003': [('langkah[1].no', "- 'no': 1"), ('langkah[2].no', "- 'no': 2"), ('langkah[3].cabang[1].ke', 'ke: 2')],
    'FLOW-004': [('langkah[3].cabang', 'cabang:')],
    'FLOW-005': [('langkah[2].lanjut', 'lanjut:')],
    'FLOW-006': [('langkah[4].no', "- 'no': 5")],
    'FLOW-007': [('langkah[2].kegiatan', 'kegiatan: Menyusun draf ')],
    'IDENT-001': [('nomor', 'nomor: 7/ORT.06/7271/202')],
    'IDENT-002': [('nomor', 'nomor: /ORT.06/7271/2024')],
    'IDENT-003': [('peringatan', 'peringatan: []')],
    'IDENT-004': [('tanggal.efektif', 'tanggal:')],
    'IDENT-005': [('lembar_pengesahan.judul', 'judul: LAMPIRAN SOP TENT')],
    'REF-001': [('', 'sumber: uji')],
    'REF-002': [('langkah[2].pelaksana[1]', '- sekretaris')],
    'REF-003': [('langkah[1].lanjut[1]', '- 9')],
    'REF-004': [('dasar_hukum[1].regulasi[1]', '- uu-99-2099')],
    'REF-005': [('keterkaitan[1].sop', 'sop: kpu-kota-palu/tidak')],
    'REF-006': [('pelaksana[3].id', '- id: staf')],
    'REF-007': [('regulasi.perpres-29-2014.relasi.diubah_oleh[1]', '- tidak-ada')],
    'REF-008': [('catatan_transkripsi[1].bidang', '- bidang: langkah[9].keg')],
    'REF-009': [('pelaksana[3]', '- id: ketua')],
    'REF-010': [('dokumen_sumber', 'dokumen_sumber: sumber/t')],
    'REG-001': [('regulasi.pkpu-8-2019.relasi', 'relasi:')],
    'REG-002': [('regulasi.uu-25-2004.relasi.mengubah[1]', '- uu-7-2017')],
    'REG-003': [('regulasi.permenpan-12-2015.status', 'status: berlaku')],
    'REG-004': [('regulasi.pkpu-12-2023.status', 'status: berlaku')],
    'REVIEW-001': [('tanggal.efektif', "efektif: '2024-01-20'")],
    'JAB-001': [('pelaksana[1].jabatan', 'jabatan: direktur')],
    'IST-001': [('istilah.zzz', 'zzz:')],
    'IST-002': [('istilah.sakip-lain', 'sakip-lain:')],
    'BATAS-001': [('langkah[2].kegiatan', "kegiatan: 'Memeriksa ber")],
    'BATAS-002': [('langkah', 'langkah:')],
    'ISI-001': [('langkah[1].kegiatan', "kegiatan: '[isi uraian k")],
    'JAB-002': [('pelaksana[2]', '- id: kepala')],
    'JAB-003': [('jabatan.ketua', 'ketua:')],
    'TIME-001': [('langkah[2].mutu_baku.waktu', 'waktu: sebentar')],
    'TIME-002': [('langkah[2].mutu_baku.waktu', 'waktu: Januari')],
    'TIME-003': [('waktu_total_tercetak', 'waktu_total_tercetak: 3 ')],
}

# REVIEW-001's case is the GOOD SOP judged a year later.
LATER = {"REVIEW-001": dt.date(2025, 3, 1)}
# Findings about the registry are in the registry's file.
FINDING_FILE = {code: f"{DATA_DIR}/regulasi.yaml" for code in ("REF-007", "REG-001", "REG-002", "REG-003", "REG-004")}
FINDING_FILE["JAB-003"] = f"{DATA_DIR}/jabatan.yaml"
FINDING_FILE["IST-001"] = FINDING_FILE["IST-002"] = f"{DATA_DIR}/istilah.yaml"


def test_good_fixture_has_no_findings(tmp_path):
    assert [f.format() for f in findings(tmp_path)] == []


def test_every_check_has_a_triggering_case():
    # The monitoring and evaluation checks read records of their own: their cases are in test_monev.py.
    assert sorted(CASES) == sorted(c.code for c in checks.CHECKS if c.group != "MONEV") == sorted(WHERE)


@pytest.mark.parametrize("code", sorted(CASES))
def test_check_triggers(tmp_path, code):
    _, make, before, rel = CASES[code]
    file = FINDING_FILE.get(code, rel or REL)
    found = findings(tmp_path, make(), rel=rel or REL, before=before, today=LATER.get(code, TODAY))
    hits = [f for f in found if f.code == code]
    assert hits, [f.format() for f in found]
    level = next(c.level for c in checks.CHECKS if c.code == code)
    assert all(f.level == level and f.file == file and f.message for f in hits)
    # Each finding names the exact field, and its line is the line where that field (or its parent) is written.
    lines = (tmp_path / file).read_text(encoding="utf-8").splitlines()
    assert [(f.field, lines[f.line - 1].strip()[:24]) for f in hits] == WHERE[code]


def test_a_source_document_in_sumber_is_accepted_and_a_link_out_of_it_is_not(tmp_path):
    sop = mutate(lambda s: s.update(dokumen_sumber="sumber/kpu-kota-palu/asli.txt"))()

    def documents(root):
        (root / "sumber/kpu-kota-palu").mkdir(parents=True)
        (root / "sumber/kpu-kota-palu/asli.txt").write_text("teks asli", encoding="utf-8")

    assert [f.code for f in findings(tmp_path / "a", sop, before=documents) if f.code == "REF-010"] == []

    def escaping(root):
        (root / "sumber/kpu-kota-palu").mkdir(parents=True)
        (root / "rahasia.txt").write_text("di luar sumber/", encoding="utf-8")
        (root / "sumber/kpu-kota-palu/asli.txt").symlink_to(root / "rahasia.txt")

    assert [f.code for f in findings(tmp_path / "b", sop, before=escaping)] == ["REF-010"]


def test_line_and_field_point_at_the_problem(tmp_path):
    sop = mutate(_set(("langkah", 2, "cabang"), [{"label": "Oke", "ke": 4}, {"label": "Tidak", "ke": 2}]))()
    (f,) = [f for f in findings(tmp_path, sop) if f.code == "AP-002"]
    text = (tmp_path / REL).read_text(encoding="utf-8").splitlines()
    assert f.field == "langkah[3].cabang"
    assert text[f.line - 1].strip() == "cabang:"


def test_stated_total_message_shows_both_totals(tmp_path):
    (f,) = [f for f in findings(tmp_path, mutate(_set(("waktu_total_tercetak",), "3 Hari"))()) if f.code == "TIME-003"]
    assert "3 hari" in f.message and "2 hari 2 jam" in f.message


def test_schedule_in_keterangan_is_not_a_duration(tmp_path):
    sop = mutate(lambda s: (step(s, 2)["mutu_baku"].pop("waktu"), step(s, 2).update(keterangan="Januari")))()
    (f,) = [f for f in findings(tmp_path, sop) if f.code == "AP-004"]
    assert "jadwal" in f.message and "Januari" in f.message


def test_review_is_judged_from_the_last_review_not_the_effective_date(tmp_path):
    later = dt.date(2025, 3, 1)
    reviewed = mutate(lambda s: s.update(peninjauan=[{"tanggal": "2024-11-01", "oleh": "Subbagian"}]))()
    assert not [f for f in findings(tmp_path / "a", reviewed, today=later) if f.code == "REVIEW-001"]
    (f,) = [f for f in findings(tmp_path / "b", reviewed, today=dt.date(2025, 5, 2)) if f.code == "REVIEW-001"]
    assert "1 Mei 2025" in f.message  # six months after 1 November 2024


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Peraturan Komisi Pemilihan Umum Nomor 5/PR.03-1-Kpt/03/KPU/1/2018 tentang X",
            ("peraturan_kpu", "5/PR.03-1-Kpt/03/KPU/1/2018", 2018),
        ),
        ("Keputusan KPU Nomor 5 Tahun 2018 tentang X", ("keputusan_kpu", "5 Tahun 2018", 2018)),
        ("Undang-Undang 7 Tahun 2017 tentang Pemilihan Umum;", ("undang_undang", "7 Tahun 2017", 2017)),
        (
            "Keputusan Komisi Pemilihan Umum Kota SERANG Nomor 10 Tahun 2023 tentang X",
            ("keputusan_kpu_daerah", "10 Tahun 2023", 2023),
        ),
        (
            "Keputusan Komisi Pemilihan Umum Kabupaten Luwu Utara Tentang Renstra 2020-2024",
            ("keputusan_kpu_daerah", None, None),
        ),
        (
            "Peraturan Menteri Negara PAN dan RB Nomor: 35 Tahun 2012 tentang X",
            ("peraturan_menteri", "35 Tahun 2012", 2012),
        ),
    ],
)
def test_printed_citation_is_read(text, expected):
    c = dasar_hukum.read_citation(text)
    assert (c.jenis, c.nomor, c.tahun) == expected


def test_item_naming_two_regulations_is_split_in_order():
    from macros.model import DasarHukum

    item = DasarHukum(
        teks="Keputusan KPU Nomor 5 Tahun 2018 tentang A di Lingkungan Komisi Pemilihan Umum "
        "Peraturan Komisi Pemilihan Umum Nomor 14 Tahun 2020 tentang B",
        regulasi=["kpt-kpu-5-2018", "pkpu-14-2020"],
    )
    pairs = dasar_hukum.citations(item)
    assert [(reg, c.jenis, c.nomor) for reg, c in pairs] == [
        ("kpt-kpu-5-2018", "keputusan_kpu", "5 Tahun 2018"),
        ("pkpu-14-2020", "peraturan_kpu", "14 Tahun 2020"),
    ]


@pytest.mark.parametrize(
    "words, lane, same",
    [
        ("Kepala Sub Bagian", "Ka. Sub Bag Perencanaan", True),
        ("kasubbag Perencanaan", "Kasubbag Perencanaan", True),
        ("kabag", "Bidang/Bagian", False),
        ("Ketua Tim", "KASUB BAG. RENDATIN/ STAF", False),
        ("Sekretaris", "Plt. Sekretaris", True),
    ],
)
def test_person_words_spell_out_abbreviations(words, lane, same):
    a, b = flow.person_words(words), flow.person_words(lane)
    assert (a <= b or b <= a) is same


def test_every_check_is_documented_for_the_rules_page():
    for c in checks.CHECKS:
        assert c.rule and c.rule.endswith("."), c.code
        assert c.group in __import__("macros.labels", fromlist=["CHECK_GROUPS"]).CHECK_GROUPS, c.code


@pytest.mark.parametrize(
    "written, flagged", [("60 menit/dokumen", False), ("1 x 24 jam", False), ("30-60 menit", False), ("Tentatif", True)]
)
def test_durations_as_offices_write_them_are_read_and_the_rest_reported(tmp_path, written, flagged):
    sop = mutate(_set(("langkah", 1, "mutu_baku", "waktu"), written))()
    hits = [f for f in findings(tmp_path, sop) if f.code == "TIME-001"]
    assert bool(hits) == flagged
    if flagged:
        assert hits[0].field == "langkah[2].mutu_baku.waktu" and written in hits[0].message
