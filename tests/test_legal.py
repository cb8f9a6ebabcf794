"""The regulation registry and the auditor's views: citations, status, the report, the exports."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

import jsonschema
import pytest
from conftest import REFERENCE_DATE, SEED_FINDINGS, SEEDS, assert_snapshot, page_html
from fixture_sop import GOOD, REL, registries_only, write

from macros import core, export, legal, model, urls
from macros.render import legal as legal_pages
from macros.render import reports
from macros.render.text import html_text

PALU = "kpu-kota-palu/penyusunan-laporan-kinerja"


# --- The registry ---------------------------------------------------------------


def test_registry_loads_with_no_findings():
    assert SEEDS.regulasi is not None
    assert [f.format() for f in SEED_FINDINGS if f.file == "sop_data/regulasi.yaml"] == []


def test_every_relation_resolves_and_is_mirrored():
    registry = SEEDS.regulasi_map
    for reg_id, reg in registry.items():
        for kind, targets in reg.relasi:
            for target in targets:
                assert target in registry, (reg_id, kind, target)
                assert reg_id in getattr(registry[target].relasi, legal.MIRROR[kind]), (reg_id, kind, target)
    assert legal.relation_cycle(registry) is None


def test_every_status_claim_names_its_source():
    for reg_id, reg in SEEDS.regulasi_map.items():
        if reg.status != "tidak_diketahui":
            assert reg.catatan_status, reg_id


def test_every_regulation_the_seeds_cite_is_registered():
    cited = {c.reg_id for c in legal.citations(SEEDS)}
    assert cited <= set(SEEDS.regulasi_map)


@pytest.mark.parametrize(
    "text, line, field, needle",
    [
        (
            "  uu-7-2017:\n    jenis: undang_undang\n    tentang: x\n    tentng: x\n",
            5,
            "regulasi.uu-7-2017.tentng",
            "kunci 'tentng' tidak dikenal",
        ),
        (
            "  uu-7-2017:\n    jenis: undang_undang\n    tentang: x\n    tautan: \"javascript:alert(1)\"\n",
            5,
            "regulasi.uu-7-2017.tautan",
            "bukan alamat web",
        ),
        (
            "  uu-7-2017:\n    jenis: undang-undang\n    tentang: x\n",
            3,
            "regulasi.uu-7-2017.jenis",
            "nilai 'undang-undang' tidak dikenal",
        ),
        ("  index:\n    jenis: undang_undang\n    tentang: x\n", 2, "regulasi.index", "sudah dipakai"),
    ],
)
def test_a_broken_registry_entry_is_reported_with_file_line_and_field(tmp_path, text, line, field, needle):
    root = registries_only(tmp_path)
    (root / "sop_data/regulasi.yaml").write_text("regulasi:\n" + text, encoding="utf-8")
    _, findings = core.load(root, REFERENCE_DATE)
    (f,) = [f for f in findings if f.file == "sop_data/regulasi.yaml"]
    assert (f.code, f.level, f.line, f.field) == ("SKEMA-001", "error", line, field)
    assert needle in f.message


# --- Citations -------------------------------------------------------------------


def test_seed_citations_map_as_expected():
    lines = [
        f"{c.record.id} | butir {c.item + 1} | {c.reg_id} | {SEEDS.regulasi_map[c.reg_id].status}"
        for c in legal.citations(SEEDS)
    ]
    assert_snapshot("seed-citations.txt", "\n".join(lines) + "\n")


def test_family_and_later_amendments():
    registry = SEEDS.regulasi_map
    assert legal.family(registry, "pkpu-4-2021") == ("pkpu-8-2019", ["pkpu-4-2021", "pkpu-5-2022", "pkpu-12-2023"])
    assert legal.later_amendments(registry, "pkpu-4-2021") == ["pkpu-5-2022", "pkpu-12-2023"]
    assert legal.later_amendments(registry, "pkpu-8-2019") == ["pkpu-4-2021", "pkpu-5-2022", "pkpu-12-2023"]
    assert legal.family(registry, "pkpu-14-2020")[1] == ["pkpu-3-2023", "pkpu-21-2023"]  # 3 before 21
    assert legal.replacements(registry, "permenpan-12-2015") == ["permenpanrb-88-2021"]


def test_citing_an_amendment_cites_its_family_and_amendments_are_judged_at_the_sops_date():
    """Palu (signed 28 January 2022) cites PKPU 4/2021, the third amendment of PKPU 8/2019."""
    registry = SEEDS.regulasi_map
    palu = SEEDS.sops[PALU].data
    (gap,) = [g for g in legal.amendment_gaps(registry, palu) if g.base == "pkpu-8-2019"]
    assert gap.cited == ["pkpu-4-2021"] and gap.signed == (dt.date(2022, 1, 28), "pengesahan")
    # 12/2023 was enacted on 8 May 2023, after; 5/2022 has no date in the registry and the same year.
    assert gap.later == {"tidak_diketahui": ["pkpu-5-2022"], "sesudah": ["pkpu-12-2023"]}
    assert "pkpu-8-2019" in legal.cited_families(registry, {"pkpu-4-2021"})
    messages = [f.message for f in SEED_FINDINGS if f.file.endswith(f"{PALU}.yaml") and f.code in ("DH-010", "DH-012")]
    assert not any("Nomor 8 Tahun 2019 telah diubah" in m for m in messages)
    (palu_8,) = [m for m in messages if "Nomor 4 Tahun 2021" in m]
    assert palu_8.startswith(
        "Dasar Hukum mengutip Peraturan KPU Nomor 4 Tahun 2021 (perubahan atas Peraturan KPU Nomor 8 Tahun 2019)"
    )
    assert "8 Mei 2023" in palu_8 and "28 Januari 2022" in palu_8 and "tidak tercatat" in palu_8


@pytest.mark.parametrize(
    ("enacted", "year", "signed", "expected"),
    [
        (dt.date(2022, 12, 12), 2022, dt.date(2023, 1, 2), "sebelum"),
        (dt.date(2023, 5, 8), 2023, dt.date(2022, 1, 28), "sesudah"),
        (dt.date(2022, 1, 28), 2022, dt.date(2022, 1, 28), "sebelum"),  # enacted the day the SOP was signed
        (None, 2021, dt.date(2022, 1, 28), "sebelum"),  # the year decides
        (None, 2023, dt.date(2022, 1, 28), "sesudah"),
        (None, 2022, dt.date(2022, 1, 28), "tidak_diketahui"),  # same year, no date: not guessed
        (None, None, dt.date(2022, 1, 28), "tidak_diketahui"),
        (dt.date(2020, 1, 1), 2020, None, "tidak_diketahui"),  # the SOP prints no date
    ],
)
def test_an_amendment_is_placed_before_or_after_signing_only_when_the_dates_decide(enacted, year, signed, expected):
    reg = model.Regulasi(jenis="peraturan_kpu", nomor="1", tahun=year, tentang="Uji", tanggal_penetapan=enacted)
    assert legal.timing(reg, signed) == expected


def test_serang_is_told_of_the_perppu_enacted_before_it_was_signed():
    (f,) = [f for f in SEED_FINDINGS if f.code == "DH-010" and "Nomor 7 Tahun 2017" in f.message]
    assert "kota-serang" in f.file and "12 Desember 2022" in f.message and "2 Januari 2023" in f.message


def test_palu_is_warned_about_the_revoked_regulation_and_its_replacement():
    (f,) = [f for f in SEED_FINDINGS if f.code == "DH-009"]
    assert f.file.endswith(f"{PALU}.yaml") and f.field == "dasar_hukum[2].regulasi[1]"
    assert "Nomor 12 Tahun 2015" in f.message and "Nomor 88 Tahun 2021" in f.message


# --- Exports -----------------------------------------------------------------------


def test_csv_neutralizes_spreadsheet_formulas(tmp_path):
    root = registries_only(tmp_path)
    hostile = dict(GOOD, nama="=HYPERLINK(\"http://example.invalid\",\"klik\")")
    hostile["dasar_hukum"] = [dict(GOOD["dasar_hukum"][0], teks="@SUM(1+1) Peraturan Presiden")]
    write(root, REL, hostile)
    book, _ = core.load(root, REFERENCE_DATE)
    (row,) = list(csv.DictReader(io.StringIO(export.citations_csv(book).lstrip("\ufeff"))))
    assert row["nama_sop"] == "'" + hostile["nama"]
    assert row["bunyi_tercetak"].startswith("'@SUM")


def test_export_json_roundtrips_through_its_model():
    text = export.handbook_json(SEEDS, SEED_FINDINGS, REFERENCE_DATE, urls.source_link)
    back = export.BukuPedomanEkspor.model_validate(json.loads(text))
    assert {s.id: s.data for s in back.sop} == {i: r.data for i, r in SEEDS.sops.items()}
    assert back.format == "buku-pedoman-sop" and back.versi == export.VERSION
    assert back.temuan == SEED_FINDINGS
    assert [f.path for f in back.temuan] == [f.path for f in SEED_FINDINGS]  # the structured place survives


# --- The built site --------------------------------------------------------------


@pytest.mark.build
def test_exported_csv_parses_back_to_the_same_rows(built_site):
    raw = (built_site / "ekspor/kutipan-dasar-hukum.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: spreadsheets then read the text as UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows == export.citation_rows(SEEDS)
    assert list(rows[0]) == export.CSV_COLUMNS
    assert len(rows) == len(legal.citations(SEEDS))


def test_csv_rows_carry_the_citation_and_what_amended_or_revoked_it():
    rows = export.citation_rows(SEEDS)
    (palu_4,) = [r for r in rows if r["regulasi"] == "pkpu-4-2021"]
    assert (palu_4["sitasi"], palu_4["jenis"], palu_4["nomor"], palu_4["tahun"]) == (
        "Peraturan KPU Nomor 4 Tahun 2021",
        "Peraturan KPU",
        "4",
        "2021",
    )
    assert palu_4["diubah_oleh"] == "Peraturan KPU Nomor 5 Tahun 2022; Peraturan KPU Nomor 12 Tahun 2023"
    (revoked,) = [r for r in rows if r["regulasi"] == "permenpan-12-2015"]
    assert revoked["dicabut_oleh"] == "Peraturan Menteri PAN-RB Nomor 88 Tahun 2021" and revoked["diubah_oleh"] == ""
    assert {r["status_diperiksa"] for r in rows if r["regulasi"] == "uu-7-2017"} == {"2026-11-26"}


@pytest.mark.build
def test_exported_json_validates_against_its_published_schema(built_site):
    data = json.loads((built_site / "ekspor/buku-pedoman.json").read_text(encoding="utf-8"))
    schema = json.loads((built_site / "ekspor/buku-pedoman.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(data)
    assert sorted(s["id"] for s in data["sop"]) == sorted(SEEDS.sops)
    broken = dict(data, sop=[dict(data["sop"][0], data=dict(data["sop"][0]["data"], langkah="x"))])
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(broken)


@pytest.mark.build
def test_report_lists_the_revoked_regulation_under_palu(built_site):
    html = page_html(built_site, "laporan-auditor")
    revoked = html.split('id="sop-yang-mengutip-peraturan-yang-sudah-dicabut"')[1].split("<h2")[0]
    assert f'href="sop/{PALU}.html"' in revoked
    assert "Nomor 12 Tahun 2015" in revoked and "Nomor 88 Tahun 2021" in revoked
    assert 'href="ekspor/kutipan-dasar-hukum.csv"' in html and 'href="ekspor/buku-pedoman.json"' in html
    uncited = html.split('id="peraturan-di-register-yang-tidak-dikutip-sop-mana-pun"')[1]
    assert 'href="regulasi/permenpanrb-88-2021.html"' in uncited


@pytest.mark.build
@pytest.mark.parametrize("reg_id", sorted(SEEDS.regulasi_map))
def test_every_regulation_page_lists_each_citing_sop_with_its_wording(built_site, reg_id):
    html = page_html(built_site, f"regulasi/{reg_id}")
    cites = legal.cited_by(SEEDS)[reg_id]
    for c in cites:
        assert f'href="../sop/{c.record.id}.html"' in html
        assert html_text(c.teks) in html
    rows = re.findall(r"<tr><td><a href=\"\.\./sop/", html)
    assert len(rows) == len(cites)


@pytest.mark.build
def test_index_lists_every_regulation_with_status_and_count(built_site):
    html = page_html(built_site, "regulasi")
    cited = legal.cited_by(SEEDS)
    for reg_id, reg in SEEDS.regulasi_map.items():
        row = re.search(rf'<tr id="{reg_id}">(.*?)</tr>', html, re.S)
        assert row, reg_id
        count = len({c.record.id for c in cited[reg_id]})
        assert f"<td>{count}</td>" in row.group(1)
        assert f"sop-status--{html_text(reg.status)}" in row.group(1)


@pytest.mark.build
def test_sop_page_links_each_citation_and_says_what_replaced_it(built_site):
    html = page_html(built_site, f"sop/{PALU}")
    box = html.split('class="sop-dasar-hukum"')[1].split("</ol>")[0]
    assert box.count('href="../../regulasi/') >= 7
    assert 'Dicabut oleh <a href="../../regulasi/permenpanrb-88-2021.html">' in box
    assert "Perubahan berikutnya:" in box  # PKPU 4/2021 was followed by 5/2022 and 12/2023


# --- Rendered pages (pure renderers, snapshot-tested like the step tables) -------------------


@pytest.mark.parametrize(
    "name, render",
    [
        ("regulasi-index.md", lambda: legal_pages.index_page(SEEDS, urls.source_link)),
        ("regulasi-pkpu-8-2019.md", lambda: legal_pages.regulation_page(SEEDS, "pkpu-8-2019", urls.source_link)),
        (
            "regulasi-permenpan-12-2015.md",
            lambda: legal_pages.regulation_page(SEEDS, "permenpan-12-2015", urls.source_link),
        ),
        ("laporan-auditor.md", lambda: legal_pages.report_page(SEEDS, SEED_FINDINGS, REFERENCE_DATE, urls.source_link)),
        ("aturan-pemeriksaan.md", lambda: reports.rules_page()),
        ("jadwal-peninjauan.md", lambda: reports.review_page(SEEDS, REFERENCE_DATE, urls.source_link, SEED_FINDINGS)),
    ],
)
def test_rendered_page_matches_its_snapshot(name, render):
    assert_snapshot(name, render())
