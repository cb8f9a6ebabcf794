"""A maintainer's mistake is reported as file:line: CODE level: field: message, never a traceback."""

from __future__ import annotations

import json
import textwrap

import pytest
from conftest import ROOT, sop

from macros import core
from macros.yamlsource import MAX_DEPTH, SourceError, parse

REL = "sop_data/kpu-kota-palu/contoh.yaml"

VALID = textwrap.dedent("""\
    sumber: "uji"
    nomor: "1/UJI/2024"
    nama: "SOP Contoh"
    tanggal:
      pembuatan: 2024-01-15
    pelaksana:
      - id: staf
        nama: "Staf"
    langkah:
      - no: 1
        jenis: mulai
        kegiatan: "Mulai"
        pelaksana: [staf]
        mutu_baku:
          waktu: "30 Menit"
      - no: 2
        jenis: selesai
        kegiatan: "Selesai"
        pelaksana: [staf]
    """)


def findings_for(project, text: str | bytes):
    """The errors about the file written at REL (a minimal SOP has warnings; they are test_checks' concern)."""
    path = project / REL
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    book, findings = core.load(project)
    return book, [f for f in findings if f.file == REL and f.level == "error"]


def only(findings):
    assert len(findings) == 1, [f.format() for f in findings]
    return findings[0]


def test_valid_fixture_is_valid(project):
    book, found = findings_for(project, VALID)
    assert "kpu-kota-palu/contoh" in book.sops
    assert [f.format() for f in found] == []


def test_unknown_key_names_file_line_field_and_suggests(project):
    f = only(findings_for(project, VALID.replace("      waktu:", "      wakt:"))[1])
    assert (f.file, f.line, f.field, f.code, f.level) == (REL, 15, "langkah[1].mutu_baku.wakt", "SKEMA-001", "error")
    assert "tidak dikenal" in f.message and "'waktu'" in f.message
    assert f.format().startswith(f"{REL}:15: SKEMA-001 error: langkah[1].mutu_baku.wakt: ")


def test_wrong_type_is_reported_at_its_line(project):
    f = only(
        findings_for(project, VALID.replace("pelaksana: [staf]\n    mutu_baku", "pelaksana: staf\n    mutu_baku"))[1]
    )
    assert (f.line, f.field) == (13, "langkah[1].pelaksana")
    assert "daftar" in f.message


def test_missing_field_is_reported(project):
    f = only(findings_for(project, VALID.replace('nama: "SOP Contoh"\n', ""))[1])
    assert f.field == "nama" and f.message == "wajib diisi"


def test_impossible_date_is_reported_with_line(project):
    f = only(findings_for(project, VALID.replace("2024-01-15", "2023-02-30"))[1])
    assert (f.line, f.field) == (5, "tanggal.pembuatan")
    assert "2023-02-30" in f.message and "bukan tanggal" in f.message


def test_date_in_another_format_is_rejected(project):
    f = only(findings_for(project, VALID.replace("2024-01-15", "15 Januari 2024"))[1])
    assert f.field == "tanggal.pembuatan" and "TTTT-BB-HH" in f.message


def test_duplicate_key_is_an_error_not_last_wins(project):
    f = only(findings_for(project, VALID.replace('nama: "SOP Contoh"\n', 'nama: "SOP Contoh"\nnama: "Lain"\n'))[1])
    assert (f.line, f.field, f.code) == (4, "nama", "BERKAS-001")
    assert "dua kali" in f.message and "baris 3" in f.message


def test_yaml_syntax_error_has_line(project):
    f = only(findings_for(project, VALID.replace('nama: "SOP Contoh"', 'nama: "SOP Contoh'))[1])
    assert f.code == "BERKAS-001" and f.line >= 3 and "sintaks YAML" in f.message


@pytest.mark.parametrize(
    "bad, needle",
    [
        ('nama: "SOP Contoh"\nsumber: [uji\n', "kurung siku"),
        ('nama: @SOP\n', "tanda kutip"),
        ('nama: SOP: Contoh\n', "titik dua"),
    ],
)
def test_yaml_syntax_errors_are_explained_in_indonesian(project, bad, needle):
    f = only(findings_for(project, bad)[1])
    assert f.code == "BERKAS-001" and needle in f.message, f.message


def test_tab_indentation_is_explained(project):
    f = only(findings_for(project, VALID.replace("  pembuatan", "\tpembuatan"))[1])
    assert f.line == 5 and "Tab" in f.message


@pytest.mark.parametrize("typed", ["no", "yes", "off", "On", "1:30", "010", "2024-01-15", "~x", "3.10"])
def test_plain_scalars_keep_the_text_that_was_typed(project, typed):
    book, found = findings_for(project, VALID.replace('waktu: "30 Menit"', f"waktu: {typed}"))
    assert found == []
    assert book.sops["kpu-kota-palu/contoh"].data.langkah[0].mutu_baku.waktu == typed


def test_number_where_a_number_is_expected_still_works(project):
    book, found = findings_for(project, VALID.replace("no: 2", "no: 02"))
    assert found == [] and book.sops["kpu-kota-palu/contoh"].data.langkah[1].no == 2


@pytest.mark.parametrize(
    "text, needle",
    [
        (VALID + "extra: &a [1]\nmore: *a\n", "alias"),
        (VALID.replace('"uji"', '!!python/object:os.system "uji"'), "tag"),
        (VALID + "---\nnomor: x\n", "lebih dari satu dokumen"),
        ("", "kosong"),
        ("# only a comment\n", "kosong"),
        ("- a\n- b\n", "pemetaan"),
    ],
)
def test_file_level_problems_are_errors(project, text, needle):
    f = only(findings_for(project, text)[1])
    assert f.code == "BERKAS-001" and needle in f.message


def test_not_utf8_is_named(project):
    f = only(findings_for(project, VALID.encode("utf-8") + b"catatan: \xff\xfe\n")[1])
    assert "UTF-8" in f.message


def test_unknown_lane_step_and_regulation_are_reference_errors(project):
    text = (
        VALID.replace("pelaksana: [staf]\n    mutu_baku", "pelaksana: [kasubbag]\n    mutu_baku")
        + "dasar_hukum:\n  - teks: \"UU\"\n    regulasi: [uu-99-2099]\n"
    )
    text = text.replace("  - no: 2\n", "  - no: 2\n    lanjut: [7]\n")
    found = findings_for(project, text)[1]
    by_code = {f.code: f for f in found}
    # The dangling lanjut also breaks the flow (FLOW-005: an end step with a next step).
    assert set(by_code) == {"REF-002", "REF-003", "REF-004", "FLOW-005"}, [f.format() for f in found]
    assert (by_code["REF-002"].line, by_code["REF-002"].field) == (13, "langkah[1].pelaksana[1]")
    assert by_code["REF-003"].field == "langkah[2].lanjut[1]" and "7" in by_code["REF-003"].message
    assert by_code["REF-004"].field == "dasar_hukum[1].regulasi[1]" and "uu-99-2099" in by_code["REF-004"].message


def test_misplaced_and_misnamed_files_are_reported_not_dropped(project):
    (project / "sop_data/kpu-kota-palu/Salah Nama.yaml").write_text(VALID)
    (project / "sop_data/kpu-kota-palu/catatan.yml").write_text(VALID)
    (project / "sop_data/kpu-kota-palu/sub").mkdir()
    (project / "sop_data/kpu-kota-palu/sub/x.yaml").write_text(VALID)
    _, findings = core.load(project)
    reported = {f.file for f in findings if f.level == "error"}
    assert {
        "sop_data/kpu-kota-palu/Salah Nama.yaml",
        "sop_data/kpu-kota-palu/catatan.yml",
        "sop_data/kpu-kota-palu/sub/x.yaml",
    } <= reported


def test_deep_nesting_is_bounded():
    with pytest.raises(SourceError) as exc:
        parse(b"a: " + b"[" * 100_000 + b"]" * 100_000)
    assert str(MAX_DEPTH) in exc.value.message


def test_sop_check_exits_non_zero_and_prints_the_finding(project):
    (project / REL).write_text(VALID.replace("      waktu:", "      wakt:"))
    result = sop("--root", str(project), "check")
    assert result.returncode == 1
    assert f"{REL}:15: SKEMA-001 error: langkah[1].mutu_baku.wakt:" in result.stdout
    assert "Traceback" not in result.stderr


def test_sop_check_passes_on_the_seeds():
    result = sop("--root", str(ROOT), "check")
    assert result.returncode == 0, result.stdout


def test_sop_check_json_lists_findings_with_every_field(project):
    (project / REL).write_text(VALID.replace("2024-01-15", "2023-02-30"))
    result = sop("--root", str(project), "check", "--format", "json")
    found = [f for f in json.loads(result.stdout) if f["file"] == REL]
    assert result.returncode == 1
    assert found == [
        {
            "file": REL,
            "line": 5,
            "field": "tanggal.pembuatan",
            "code": "SKEMA-001",
            "level": "error",
            "message": found[0]["message"],
            "path": ["tanggal", "pembuatan"],
        }
    ]
    assert "2023-02-30" in found[0]["message"]
