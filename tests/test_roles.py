"""Roles (jabatan): the registry, the lanes that refer to it, and the Tugas per Jabatan pages."""

from __future__ import annotations

import html
import re

import pytest
from conftest import SEED_FINDINGS, SEEDS, page_html

from macros import core

KASUBBAG = "kasubbag-perencanaan-data-informasi"


def test_every_seed_lane_is_mapped_to_a_registered_role_or_reported():
    reported = {(f.file, f.path) for f in SEED_FINDINGS if f.code == "JAB-002"}
    for record in SEEDS.sops.values():
        for i, lane in enumerate(record.data.pelaksana):
            if lane.jabatan is None:
                assert (record.path, ("pelaksana", i)) in reported, (record.id, lane.nama)
            else:
                assert lane.jabatan in SEEDS.jabatan_map, (record.id, lane.jabatan)


def test_every_registered_role_is_used_and_explained():
    used = {lane.jabatan for r in SEEDS.sops.values() for lane in r.data.pelaksana} - {None}
    assert set(SEEDS.jabatan_map) == used
    assert not [f for f in SEED_FINDINGS if f.code in ("JAB-001", "JAB-003")]
    for role in SEEDS.jabatan_map.values():
        assert role.catatan, role.nama  # the evidence for the mapping is written down


def test_the_kasubbag_lanes_of_four_seeds_are_one_role():
    lanes = {r.id: lane.nama for r in SEEDS.sops.values() for lane in r.data.pelaksana if lane.jabatan == KASUBBAG}
    assert lanes == {
        "kpu-kota-palu/penyusunan-laporan-kinerja": "Ka. Sub Bag Perencanaan",
        "kpu-kabupaten-luwu-utara/penyusunan-laporan-kinerja": "Kasubag dan Staf Sub Bagian Perencanaan, Data dan Informasi",
        "kpu-kota-serang/pengelolaan-kinerja-dan-penyusunan-laporan-kinerja": "KASUB BAG. RENDATIN/ STAF",
        "kpu-kabupaten-bengkulu-utara/pengumpulan-data-kinerja": "Kasubbag Perencanaan",
    }
    spellings = SEEDS.jabatan_map[KASUBBAG].ejaan
    for typed in ("Kasubbag", "Kasubag", "Kasub Bag", "Ka. Sub Bag", "Kepala Sub Bagian"):
        assert typed in spellings


def test_a_broken_role_registry_names_file_line_and_field(project):
    path = project / "sop_data/jabatan.yaml"
    text = path.read_text(encoding="utf-8").replace("    nama: \"Ketua KPU\"\n", "    namma: \"Ketua KPU\"\n", 1)
    path.write_text(text, encoding="utf-8")
    _, found = core.load(project)
    errors = [f for f in found if f.file == "sop_data/jabatan.yaml" and f.level == "error"]
    line = text.split("\n").index('    namma: "Ketua KPU"') + 1
    assert [(f.code, f.line, f.field) for f in errors] == [
        ("SKEMA-001", line - 1, "jabatan.ketua.nama"),  # missing: pointed at its role's key
        ("SKEMA-001", line, "jabatan.ketua.namma"),
    ]
    assert "mungkin maksudnya 'nama'" in errors[1].message


@pytest.mark.build
def test_role_page_lists_every_step_of_the_role_in_every_sop(built_site):
    page = html.unescape(page_html(built_site, f"jabatan/{KASUBBAG}"))
    performed, mentioned = page.split('id="langkah-yang-dikerjakan"')[1].split('id="disebut-dalam-teks"')
    decisions = performed.split('id="keputusan"')[1]
    for record in SEEDS.sops.values():
        lanes = {lane.id for lane in record.data.pelaksana if lane.jabatan == KASUBBAG}
        for step in record.data.langkah:
            decided = step.jenis == "keputusan" and bool(lanes & set(step.pelaksana))
            assert (f'<li><a href="../sop/{record.id}.html#langkah-{step.no}"' in decisions) == decided, (
                record.id,
                step.no,
            )
    for record in SEEDS.sops.values():
        lanes = {lane.id for lane in record.data.pelaksana if lane.jabatan == KASUBBAG}
        for step in record.data.langkah:
            href = (
                f'../sop/{record.id}.html#langkah-{step.no}">Langkah {step.no}<'  # the step's own link, not a branch's
            )
            assert (href in performed) == bool(lanes & set(step.pelaksana)), (record.id, step.no)
    # Banten has no Kasubbag lane mapped, but its step 1 hands work to "Kepala Sub Bagian".
    assert '../sop/kpu-provinsi-banten/penyusunan-laporan-kinerja.html#langkah-1"' in mentioned
    assert "Juga ditulis" in page and "Ka. Sub Bag" in page


@pytest.mark.build
def test_role_index_lists_roles_and_the_lanes_without_one(built_site):
    page = html.unescape(page_html(built_site, "jabatan"))
    for role_id, role in SEEDS.jabatan_map.items():
        assert f'href="{role_id}.html"' in page and role.nama in page
    unmapped = page.split('id="lajur-tanpa-jabatan"')[1]
    for lane in ("Kepala Sub Bagian", "Sekretaris/Ketua", "Kasubag"):
        assert re.search(rf"<li>{re.escape(lane)}: ", unmapped), lane


# --- The glossary ---------------------------------------------------------------------------


def test_every_glossary_term_is_written_in_a_seed_or_marked_general():
    from macros import glossary

    for term_id, term in SEEDS.istilah_map.items():
        assert term.umum or glossary.used_in(SEEDS, term_id), term.istilah
    assert not [f for f in SEED_FINDINGS if f.code == "IST-001"]


def test_glossary_marks_whole_terms_only_and_keeps_text_escaped():
    from macros import glossary
    from macros.model import Istilah
    from macros.render.text import html_text

    mark = glossary.Marker({"pk": Istilah(istilah="PK", arti='Perjanjian "Kinerja"')}, html_text)
    out = str(mark("Dokumen PK, PKPU dan <PK>"))
    assert out.count("<abbr") == 2  # "PK" and "<PK>", never inside "PKPU"
    assert 'title="Perjanjian &#34;Kinerja&#34;"' in out and "&#60;" in out and "<PK>" not in out


def test_a_broken_glossary_names_file_line_and_field(project):
    path = project / "sop_data/istilah.yaml"
    text = path.read_text(encoding="utf-8").replace('    arti: "Rencana Strategis"\n', "    arti: [Rencana]\n", 1)
    path.write_text(text, encoding="utf-8")
    _, found = core.load(project)
    (error,) = [f for f in found if f.file == "sop_data/istilah.yaml" and f.level == "error"]
    assert (error.code, error.field, error.line) == (
        "SKEMA-001",
        "istilah.renstra.arti",
        text.split("\n").index("    arti: [Rencana]") + 1,
    )


@pytest.mark.build
def test_glossary_page_gives_each_term_its_meaning_and_sops(built_site):
    page = html.unescape(page_html(built_site, "glosarium"))
    assert re.search(r'<h2 id="istilah-lapkin">LAPKIN — Laporan Kinerja', page)
    entry = page.split('id="istilah-lapkin"')[1].split("<h2")[0]
    assert 'href="sop/kpu-kabupaten-luwu-utara/penyusunan-laporan-kinerja.html"' in entry
    assert "istilah umum" in page.split('id="istilah-lkjip"')[1].split("<h2")[0].lower()


@pytest.mark.build
def test_sop_pages_mark_glossary_terms_with_their_meaning(built_site):
    page = page_html(built_site, "sop/kpu-kabupaten-luwu-utara/penyusunan-laporan-kinerja")
    assert '<abbr title="Laporan Kinerja" tabindex="0">LAPKIN</abbr>' in page


def test_an_unreadable_waktu_shows_as_unknown_on_the_role_page_never_as_a_time(built_site):
    """Bengkulu Utara's step 1 has an unreadable Waktu (the scan prints 'TR'): the Sekretaris's role
    page says it is unknown, as the SOP page does, and does not print the reason as if it were the time."""
    page = page_html(built_site, "jabatan/sekretaris")
    rows = re.findall(r"<tr><td class=\"sop-nowrap\">(.*?)</tr>", page, re.S)
    (row,) = [r for r in rows if "pengumpulan-data-kinerja.html#langkah-1\"" in r]
    waktu = re.findall(r"<td>(.*?)</td>", row, re.S)[-2]
    assert 'class="sop-unknown"' in waktu and "tidak diketahui" in html.unescape(waktu)
    assert html.unescape(re.sub(r"<[^>]+>", "", waktu)).startswith("[tidak diketahui:")


def test_a_glossary_term_is_never_found_inside_markup_the_page_writes():
    """A term "br" marks the word br, never the <br> of a line break (which stays a line break)."""
    from macros import glossary
    from macros.model import Istilah
    from macros.render.text import html_text

    mark = glossary.Marker(
        {"br": Istilah(istilah="br", arti="baris"), "lt": Istilah(istilah="lt", arti="lantai")}, html_text
    )
    out = str(mark("baris satu\nbaris dua br lt"))
    assert out == (
        'baris satu<br>baris dua <abbr title="baris" tabindex="0">br</abbr> <abbr title="lantai" tabindex="0">lt</abbr>'
    )
    # The encoder's own references (&#60; for "<") are not words either.
    assert str(mark("a < b")) == "a &#60; b"


def test_a_term_explained_twice_is_an_error_naming_both_entries(project):
    path = project / "sop_data/istilah.yaml"
    text = path.read_text(encoding="utf-8")
    text += "  sakip-kedua:\n    istilah: SAKIP\n    arti: Arti lain yang bertentangan\n"
    path.write_text(text, encoding="utf-8")
    _, found = core.load(project)
    (error,) = [f for f in found if f.code == "IST-002"]
    assert error.level == "error" and error.field == "istilah.sakip-kedua"
    assert error.line == text.split("\n").index("  sakip-kedua:") + 1
    assert "'SAKIP' sudah dijelaskan di entri 'sakip'" in error.message
