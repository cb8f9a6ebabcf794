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
    for record in SEEDS.sops.values():
        lanes = {lane.id for lane in record.data.pelaksana if lane.jabatan == KASUBBAG}
        for step in record.data.langkah:
            href = f'../sop/{record.id}.html#langkah-{step.no}"'
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
