"""The careless- and hostile-input trial: each defect it found, as a test that names the file, line and field.

Every case writes one SOP that a maintainer could plausibly commit, loads the
handbook through the core (as `sop check` and the build do) and asserts the
exact finding: code, level, line and field.
"""

from __future__ import annotations

import pytest
from conftest import build, sop
from test_loader_errors import REL, VALID, findings_for, only

from macros import core, hygiene
from macros.yamlsource import parse


def line_of(text: str, needle: str) -> int:
    """The line as an editor numbers it: str.splitlines() would also break at U+2028."""
    return next(i for i, line in enumerate(text.split("\n"), 1) if needle in line)


def hits(project, text, code):
    path = project / REL
    path.write_text(text, encoding="utf-8")
    book, found = core.load(project)
    return book, [f for f in found if f.code == code and f.file == REL]


# --- Reserved names ------------------------------------------------------------------------


def test_sop_file_named_index_is_refused_with_its_name(project):
    (project / "sop_data/kpu-kota-palu/index.yaml").write_text(VALID, encoding="utf-8")
    book, found = core.load(project)
    (f,) = [f for f in found if f.file == "sop_data/kpu-kota-palu/index.yaml"]
    assert (f.code, f.level, f.line) == ("BERKAS-001", "error", 1)
    assert "'index'" in f.message and "kpu-kota-palu/index" not in book.sops


def test_satker_id_index_is_refused_at_its_key(project):
    path = project / "sop_data/satker.yaml"
    text = path.read_text(encoding="utf-8").replace("  kpu-kota-palu:\n", "  index:\n", 1)
    path.write_text(text, encoding="utf-8")
    _, found = core.load(project)
    (f,) = [f for f in found if f.file == "sop_data/satker.yaml"]
    assert (f.code, f.field, f.line) == ("SKEMA-001", "satker.index", line_of(text, "  index:"))
    assert "sudah dipakai oleh halaman" in f.message


# --- Dates -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "field, needle",
    [
        ("tanggal.efektif", "  efektif: 9999-12-31"),
        ("peninjauan[1].tanggal", "  - tanggal: 9999-12-31"),
    ],
)
def test_far_future_date_is_a_field_error_not_a_traceback(project, field, needle):
    text = VALID.replace("  pembuatan: 2024-01-15\n", "  pembuatan: 2024-01-15\n  efektif: 2024-02-01\n")
    if field.startswith("peninjauan"):
        text += "peninjauan:\n  - tanggal: 9999-12-31\n"
    else:
        text = text.replace("  efektif: 2024-02-01", "  efektif: 9999-12-31")
    _, found = findings_for(project, text)
    f = only(found)
    assert (f.code, f.field, f.line) == ("SKEMA-001", field, line_of(text, needle))
    assert "9999-12-31" in f.message and "1900" in f.message
    result = sop("--root", str(project), "check")
    assert result.returncode == 1 and "Traceback" not in result.stderr


# --- No value ------------------------------------------------------------------------------


@pytest.mark.parametrize("written", ["~", "null", "Null", "NULL", ""])
def test_tilde_and_null_mean_no_value_with_libyaml_too(project, written):
    text = VALID.replace('      waktu: "30 Menit"', f'      waktu: "30 Menit"\n      output: {written}')
    book, found = findings_for(project, text)
    assert found == []
    assert book.sops["kpu-kota-palu/contoh"].data.langkah[0].mutu_baku.output is None


def test_quoted_null_stays_text(project):
    text = VALID.replace('      waktu: "30 Menit"', '      waktu: "30 Menit"\n      output: "null"')
    book, _ = findings_for(project, text)
    assert book.sops["kpu-kota-palu/contoh"].data.langkah[0].mutu_baku.output == "null"


# --- Symlinks ------------------------------------------------------------------------------


def test_symlink_to_a_file_outside_sop_data_is_refused(project, tmp_path):
    outside = tmp_path / "luar.yaml"
    outside.write_text(VALID, encoding="utf-8")
    (project / "sop_data/kpu-kota-palu/tautan.yaml").symlink_to(outside)
    book, found = core.load(project)
    (f,) = [f for f in found if f.file == "sop_data/kpu-kota-palu/tautan.yaml"]
    assert (f.code, f.level) == ("BERKAS-001", "error") and "tautan simbolik" in f.message
    assert "kpu-kota-palu/tautan" not in book.sops


def test_symlinked_folder_is_reported_not_silently_skipped(project, tmp_path):
    outside = tmp_path / "satker-luar"
    outside.mkdir()
    (outside / "contoh.yaml").write_text(VALID, encoding="utf-8")
    (project / "sop_data/kpu-kota-serang-tautan").symlink_to(outside, target_is_directory=True)
    _, found = core.load(project)
    (f,) = [f for f in found if f.file == "sop_data/kpu-kota-serang-tautan"]
    assert f.code == "BERKAS-001" and "folder ini tautan simbolik" in f.message


# --- Hidden characters ----------------------------------------------------------------------

RLO, LSEP, ZWSP, BEL = "\u202e", "\u2028", "\u200b", "\x07"


@pytest.mark.parametrize(
    "char, code, level, name",
    [
        (RLO, "TEKS-001", "error", "U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("\u2066", "TEKS-001", "error", "U+2066 LEFT-TO-RIGHT ISOLATE"),
        (LSEP, "TEKS-001", "error", "U+2028 LINE SEPARATOR"),
        (BEL, "TEKS-001", "error", "U+0007 BELL"),
        (ZWSP, "TEKS-002", "warning", "U+200B ZERO WIDTH SPACE"),
        ("\u00ad", "TEKS-002", "warning", "U+00AD SOFT HYPHEN"),
    ],
)
def test_hidden_character_is_named_at_its_line_and_field(project, char, code, level, name):
    # Placed in the second step's text, below other fields, so a line off by one or two shows.
    text = VALID.replace('kegiatan: "Selesai"', f'kegiatan: "Sele{char}sai"')
    _, found = hits(project, text, code)
    f = only(found)
    assert (f.level, f.field, f.line) == (level, "langkah[2].kegiatan", line_of(text, "kegiatan: \"Sele"))
    assert name in f.message


def test_line_separator_does_not_shift_later_line_numbers(project):
    text = VALID.replace('nama: "SOP Contoh"', f'nama: "SOP{LSEP}Contoh"').replace(
        "    pelaksana: [staf]\n", "    pelaksna: [staf]\n", 1
    )
    _, found = findings_for(project, text)
    (f,) = [f for f in found if f.field == "langkah[1].pelaksna"]
    assert f.line == line_of(text, "pelaksna:")


def test_hidden_character_written_as_an_escape_is_caught(project):
    text = VALID.replace('nama: "SOP Contoh"', 'nama: "SOP \\u202eContoh"')
    _, found = hits(project, text, "TEKS-001")
    assert [(f.field, f.line) for f in found] == [("nama", 3)]


def test_hidden_character_in_a_key_names_the_key(project):
    text = VALID.replace("sumber:", f"sum{ZWSP}ber:")
    _, found = hits(project, text, "TEKS-002")
    assert [(f.field, f.line) for f in found] == [("sumber", 1)]


def test_invisible_characters_are_left_out_of_the_record(project):
    text = VALID.replace('nama: "SOP Contoh"', f'nama: "SOP Con{ZWSP}toh"')
    book, _ = hits(project, text, "TEKS-002")
    assert book.sops["kpu-kota-palu/contoh"].data.nama == "SOP Contoh"


def test_raw_control_character_names_its_field_not_line_one(project):
    text = VALID.replace('kegiatan: "Mulai"', f'kegiatan: "Mu{BEL}lai"')
    _, found = findings_for(project, text)
    f = only(found)
    assert (f.code, f.field, f.line) == ("TEKS-001", "langkah[1].kegiatan", line_of(text, 'kegiatan: "Mu'))


def test_hidden_character_in_a_comment_is_reported_at_its_line(project):
    text = VALID.replace('nama: "SOP Contoh"', f'nama: "SOP Contoh"  # catatan {RLO}')
    _, found = hits(project, text, "TEKS-001")
    assert [(f.field, f.line) for f in found] == [("", 3)]


def test_every_hidden_kind_has_a_level_and_a_label():
    from macros import labels

    for ch in hygiene.KIND:
        assert hygiene.level(ch) in ("error", "warning")
        assert hygiene.describe(ch).startswith("U+")
        assert hygiene.kind_of(ch) in labels.HIDDEN_KIND
    assert set(labels.HIDDEN_ADVICE) == set(hygiene.LEVEL.values())


def test_every_regulation_kind_has_a_label_in_the_same_order():
    """The model's kinds of regulation are the labels' (the JSON Schema lists them in this order)."""
    from typing import get_args

    from macros import labels, model

    assert list(get_args(model.RegulasiJenis)) == list(labels.REGULASI_JENIS)


# --- YAML's own complaints, in Indonesian, with a field -----------------------------------------


def test_forbidden_tag_names_its_field(project):
    text = VALID.replace('nama: "SOP Contoh"', 'nama: !!python/object "SOP Contoh"')
    _, found = findings_for(project, text)
    f = only(found)
    assert (f.code, f.field, f.line) == ("BERKAS-001", "nama", 3)


def test_alias_names_its_field(project):
    text = VALID.replace('nama: "SOP Contoh"', 'nama: &a "SOP Contoh"')
    f = only(findings_for(project, text)[1])
    assert (f.field, f.line) == ("nama", 3)


@pytest.mark.parametrize(
    "bad",
    [
        "langkah:\n\t- no: 1\n",
        "a:\n  b: 1\n\t c: 2\n",
        "nama: \"a\" b\"\n",
        "nama: [a, b\n",
        "%FOO bar\n---\nnama: x\n",
        "nama: x\n--- \nnama: y\n",
        "nama: |0\n  x\n",
        "? [a]\n: b\n",
        "nama: \"\\q\"\n",
    ],
)
def test_every_yaml_problem_reaches_the_maintainer_in_indonesian(bad):
    from macros import labels
    from macros.yamlsource import SourceError

    with pytest.raises(SourceError) as exc:
        parse(bad.encode("utf-8"))
    message = exc.value.message
    english = ("found", "expected", "while", "could not", "did not", "not allowed", "character", "stream")
    assert not any(word in message for word in english), message
    indonesian = set(labels.YAML_PROBLEMS.values()) | {labels.YAML_PROBLEM_OTHER}
    assert any(message.endswith(known) for known in indonesian) or message in labels.ERR.values(), message


# --- Flow -----------------------------------------------------------------------------------


def test_loop_with_no_way_out_is_reported_at_the_steps_of_the_loop(project):
    text = VALID.replace(
        """  - no: 2
    jenis: selesai
    kegiatan: "Selesai"
    pelaksana: [staf]
""",
        """  - no: 2
    jenis: proses
    kegiatan: "Periksa"
    pelaksana: [staf]
  - no: 3
    jenis: proses
    kegiatan: "Perbaiki"
    pelaksana: [staf]
    lanjut: [2]
""",
    )
    assert "Perbaiki" in text
    _, found = hits(project, text, "FLOW-003")
    lines = text.splitlines()
    assert {f.field for f in found} == {"langkah", "langkah[2].no", "langkah[3].lanjut"}
    for f in found:
        key = f.field.rsplit(".", 1)[-1].split("[")[0]
        assert lines[f.line - 1].strip().lstrip("- ").startswith(key + ":"), (f.field, lines[f.line - 1])
    assert any("putaran" in f.message and "2" in f.message and "3" in f.message for f in found)


# --- Through the build ------------------------------------------------------------------------


def build_with_palu_named(project, tmp_path, name: str):
    """Build the seed handbook with Palu's SOP renamed; return the build and the SOP file's new text."""
    path = project / "sop_data/kpu-kota-palu/penyusunan-laporan-kinerja.yaml"
    text = path.read_text(encoding="utf-8").replace('nama: "PENYUSUNAN LAPORAN KINERJA"', f'nama: "{name}"', 1)
    path.write_text(text, encoding="utf-8")
    return build(project, tmp_path / "site"), text


@pytest.mark.build
def test_direction_override_stops_the_build_naming_file_line_field_and_character(project, tmp_path):
    result, text = build_with_palu_named(project, tmp_path, f"PENYUSUNAN {RLO}LAPORAN KINERJA")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    line = line_of(text, "PENYUSUNAN \u202e")
    assert (
        f"sop_data/kpu-kota-palu/penyusunan-laporan-kinerja.yaml:{line}: TEKS-001 error: nama: "
        "teks memuat karakter tersembunyi U+202E RIGHT-TO-LEFT OVERRIDE"
    ) in output
    assert not (tmp_path / "site/ekspor/buku-pedoman.json").exists()


@pytest.mark.build
def test_invisible_characters_reach_no_page_title_csv_or_json(project, tmp_path):
    result, _ = build_with_palu_named(project, tmp_path, f"PENYUSUNAN{ZWSP} LAPORAN KINERJA")
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "site"
    published = [p for p in site.rglob("*") if p.suffix in (".html", ".csv", ".json") and p.is_file()]
    assert len(published) > 20
    for p in published:
        text = p.read_text(encoding="utf-8")
        assert ZWSP not in text and "&#8203;" not in text and "\\u200b" not in text, p
    page = (site / "sop/kpu-kota-palu/penyusunan-laporan-kinerja.html").read_text(encoding="utf-8")
    assert "<title>PENYUSUNAN LAPORAN KINERJA" in page


@pytest.mark.parametrize(
    "emoji",
    ["👩\u200d💻", "👁\ufe0f\u200d🗨\ufe0f", "👨🏽\u200d🌾", "🏳\ufe0f\u200d🌈"],
    ids=["technologist", "variation-selectors", "skin-tone", "flag"],
)
def test_an_emoji_sequence_stays_whole_and_is_not_hidden_text(project, emoji):
    """A zero-width joiner between two pictographs is part of one emoji (a grapheme), not hidden text."""
    text = VALID.replace('nama: "SOP Contoh"', f'nama: "SOP Contoh {emoji}"')
    book, found = hits(project, text, "TEKS-002")
    assert found == []
    assert book.sops["kpu-kota-palu/contoh"].data.nama == f"SOP Contoh {emoji}"


def test_a_zero_width_joiner_between_letters_is_still_hidden_text(project):
    text = VALID.replace('nama: "SOP Contoh"', 'nama: "SOP Con\u200dtoh 👩\u200d"')
    book, found = hits(project, text, "TEKS-002")
    assert [f.field for f in found] == ["nama", "nama"]
    assert book.sops["kpu-kota-palu/contoh"].data.nama == "SOP Contoh 👩"


def test_a_private_use_character_of_the_stand_in_plane_is_kept_as_written(project):
    """The loader masks hidden characters with stand-ins from Supplementary Private Use Area-A; a
    character of that plane that the text really holds is the text's own (found by tests/test_fuzz.py:
    it came back as a lone surrogate, and the record failed its schema)."""
    own = "\U000fdc83"
    text = VALID.replace('nama: "SOP Contoh"', f'nama: "SOP {own}\u200b Contoh"')  # with a masked ZWSP beside it
    book, found = hits(project, text, "TEKS-002")
    assert [f.field for f in found] == ["nama"]
    assert book.sops["kpu-kota-palu/contoh"].data.nama == f"SOP {own} Contoh"


def test_a_text_of_only_a_hidden_character_is_an_empty_text_not_no_value(project):
    """Found by the fuzz tests: a Kegiatan that was one soft hyphen read as "no value" ("harus berupa
    teks"); it is an empty text ("tidak boleh kosong"), and the hidden character is named."""
    text = VALID.replace('kegiatan: "Mulai"', "kegiatan: \u00ad")
    assert text != VALID
    _, found = findings_for(project, text)
    assert [(f.code, f.field, f.message) for f in found if f.code == "SKEMA-001"] == [
        ("SKEMA-001", "langkah[1].kegiatan", "tidak boleh kosong")
    ]
    _, hidden = hits(project, text, "TEKS-002")
    assert [f.field for f in hidden] == ["langkah[1].kegiatan"]
