"""The findings for the five embedded SOPs: a reviewed snapshot, and the defects a reader of each seed sees.

Each expectation below names a defect of the printed source that a person
reading it would agree with; the snapshot pins the exact wording and lines.
"""

from __future__ import annotations

import json

import pytest
from conftest import REFERENCE_DATE, ROOT, SEED_FINDINGS, assert_snapshot, sop

PALU = "sop_data/kpu-kota-palu/penyusunan-laporan-kinerja.yaml"
LUWU = "sop_data/kpu-kabupaten-luwu-utara/penyusunan-laporan-kinerja.yaml"
BENGKULU = "sop_data/kpu-kabupaten-bengkulu-utara/pengumpulan-data-kinerja.yaml"
SERANG = "sop_data/kpu-kota-serang/pengelolaan-kinerja-dan-penyusunan-laporan-kinerja.yaml"
BANTEN = "sop_data/kpu-provinsi-banten/penyusunan-laporan-kinerja.yaml"


def test_seed_findings_match_the_reviewed_snapshot():
    assert_snapshot("seed-findings.txt", "".join(f.format() + "\n" for f in SEED_FINDINGS))


def test_seeds_have_no_errors_so_the_handbook_publishes():
    assert [f.format() for f in SEED_FINDINGS if f.level == "error"] == []


def test_sop_check_prints_the_same_findings_as_the_build_uses():
    result = sop("--root", str(ROOT), "check", "--tanggal-acuan", REFERENCE_DATE.isoformat())
    assert result.returncode == 0
    assert result.stdout.splitlines() == [f.format() for f in SEED_FINDINGS]
    assert "0 kesalahan" in result.stderr


def test_strict_turns_the_seeds_warnings_into_a_failure():
    result = sop("--root", str(ROOT), "check", "--strict", "--format", "json")
    assert result.returncode == 1
    assert {f["level"] for f in json.loads(result.stdout)} == {"error"}


def _has(file, code, *words):
    hits = [f for f in SEED_FINDINGS if f.file == file and f.code == code and all(w in f.message for w in words)]
    assert hits, f"{file}: no {code} with {words}"
    return hits


@pytest.mark.parametrize(
    "file, code, words",
    [
        # Palu: a year that is not the regulation's, a Keputusan printed as "Peraturan", a return to an officer with no lane.
        (PALU, "DH-003", ("2017", "2007")),
        (PALU, "DH-002", ("Peraturan KPU", "Keputusan KPU")),
        (PALU, "FLOW-007", ("Kepala Bagian",)),
        (PALU, "IDENT-004", ("Tanggal Efektif",)),
        # Luwu Utara: empty Peringatan, step 1 without Waktu and Output (its Keterangan is a month), a Dokumen symbol,
        # a planning document cited as Dasar Hukum, and a Keputusan cited without its number.
        (LUWU, "IDENT-003", ("Peringatan",)),
        (LUWU, "AP-004", ("langkah 1", "Januari", "jadwal")),
        (LUWU, "AP-005", ("langkah 1",)),
        (LUWU, "AP-001", ("Dokumen", "35/2012")),
        (LUWU, "DH-007", ("Perjanjian Kinerja",)),
        (LUWU, "DH-008", ("tanpa nomor",)),
        # Bengkulu Utara: a Nomor without its number, a stated total the steps do not add up to, unreadable cells,
        # an order given to a kabag who has no lane, no dates at all.
        (BENGKULU, "IDENT-002", ("/ORT.06/1703/3/2023",)),
        (BENGKULU, "TIME-003", ("3 hari 7 jam 15 menit", "3 hari 5 jam 45 menit", "1, 14")),
        (BENGKULU, "TIME-001", ("langkah 1",)),
        (BENGKULU, "FLOW-007", ("kabag",)),
        (BENGKULU, "IDENT-004", ("Tanggal Pembuatan",)),
        # Serang: PermenPAN-RB 35/2012 cited twice, two regulations run together, returns to "Tim"/"Ketua Tim",
        # Keputusan KPU 5/2018 printed as "Nomor 5 Tahun 2018".
        (SERANG, "DH-001", ("permenpanrb-35-2012", "butir 4")),
        (SERANG, "DH-004", ("kpt-kpu-5-2018", "pkpu-14-2020")),
        (SERANG, "FLOW-007", ("'Tim'",)),
        (SERANG, "FLOW-007", ("Ketua Tim",)),
        (SERANG, "DH-005", ("5 Tahun 2018",)),
        # Banten: a Lampiran titled for another SOP, step 7 without Output, never reviewed since 2021.
        (BANTEN, "IDENT-005", ("UNIT KERJA PENGADAAN BARANG DAN JASA",)),
        (BANTEN, "AP-005", ("langkah 7",)),
        (BANTEN, "REVIEW-001", ("15 Juli 2021",)),
    ],
)
def test_seed_defect_is_found(file, code, words):
    _has(file, code, *words)


def test_every_seed_is_overdue_for_review_on_the_reference_date():
    overdue = {f.file for f in SEED_FINDINGS if f.code == "REVIEW-001"}
    assert overdue == {PALU, LUWU, BENGKULU, SERANG, BANTEN}


def test_github_format_prints_one_annotation_per_finding():
    result = sop("--root", str(ROOT), "check", "--format", "github", "--tanggal-acuan", REFERENCE_DATE.isoformat())
    lines = result.stdout.splitlines()
    assert len(lines) == len(SEED_FINDINGS)
    first = SEED_FINDINGS[0]
    assert lines[0].startswith(f"::warning file={first.file},line={first.line},title={first.code} ")


def test_github_annotation_escapes_its_separators():
    from macros.findings import Finding

    f = Finding("a,b:c.yaml", 3, "langkah[1].x", "REF-002", "error", "50% salah\nbaris: dua")
    assert (
        f.format_github() == "::error file=a%2Cb%3Ac.yaml,line=3,title=REF-002 langkah[1].x::50%25 salah%0Abaris: dua"
    )
