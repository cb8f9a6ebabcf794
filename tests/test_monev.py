"""Monitoring and evaluation (issue 21): the records, their checks, `sop pantau`, the pages and the exports.

Every check has a case that triggers it, pinned to its file, line and field; the pages are built from
generated records (the seeds carry none, and none is invented for them).
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import json
import sys

import pypdf
import pytest
from conftest import ROOT, SEEDS, build, make_project, sop
from fixture_sop import GOOD, REL, TODAY, registries_only, write

from macros import checks, core, export, labels, loader, model, monev, pantau, urls
from macros.loader import DATA_DIR
from macros.render import monev as monev_view
from macros.render import page as pages
from macros.render.text import html_text

MONEV_REL = f"{DATA_DIR}/kpu-kota-palu/monev/2024.yaml"
PENILAI = {"nama": "Drs. Budi", "jabatan": "kasubbag-perencanaan-data-informasi"}
GOOD_MONEV = {
    "monitoring": [
        {
            "periode": "Semester I",
            "tanggal": "2024-02-20",
            "penilai": PENILAI,
            "hasil": [{"sop": "contoh", "penilaian": "berjalan_baik", "catatan": "lancar"}],
        }
    ],
    "evaluasi": [
        {
            "sop": "contoh",
            "tanggal": "2024-02-25",
            "penilai": PENILAI,
            "kriteria": {key: {"penilaian": "ya"} for key in model.KRITERIA},
            "kesimpulan": "dipertahankan",
        }
    ],
}


def project_with(tmp_path, records=GOOD_MONEV, rel=MONEV_REL):
    registries_only(tmp_path)
    write(tmp_path, REL, GOOD)
    if records is not None:
        write(tmp_path, rel, records)
    return tmp_path


def findings(tmp_path, records=GOOD_MONEV, today=TODAY, rel=MONEV_REL):
    _, found = core.load(project_with(tmp_path, records, rel), today)
    return found


def changed(change):
    data = copy.deepcopy(GOOD_MONEV)
    change(data)
    return data


def _row(data):
    return data["monitoring"][0]["hasil"][0]


def _second_period(data, done=None):
    _row(data)["tindakan"] = "latih ulang pelaksana"
    if done:
        _row(data)["tindakan_selesai"] = done
    data["monitoring"].append(
        {
            "periode": "Semester II",
            "tanggal": "2024-08-10",
            "penilai": PENILAI,
            "hasil": [{"sop": "contoh", "penilaian": "berjalan_baik"}],
        }
    )


# code -> (records, reference day, [(file, field, the line's text)])
CASES = {
    "MONEV-001": (GOOD_MONEV, dt.date(2025, 6, 1), [(MONEV_REL, "evaluasi[1].tanggal", "tanggal: '2024-02-25'")]),
    "MONEV-002": (
        changed(lambda d: _row(d).update(penilaian="tidak_berjalan_baik")),
        TODAY,
        [(MONEV_REL, "monitoring[1].hasil[1].penilaian", "penilaian: tidak_berjala")],
    ),
    "MONEV-003": (
        changed(_second_period),
        dt.date(2024, 9, 1),
        [(MONEV_REL, "monitoring[1].hasil[1].tindakan", "tindakan: latih ulang pe")],
    ),
    "MONEV-004": (
        changed(lambda d: d["evaluasi"][0].update(kesimpulan="direvisi")),
        TODAY,
        [(MONEV_REL, "evaluasi[1].kesimpulan", "kesimpulan: direvisi")],
    ),
    "MONEV-005": (
        changed(lambda d: _row(d).update(sop="tidak-ada")),
        TODAY,
        [(MONEV_REL, "monitoring[1].hasil[1].sop", "- sop: tidak-ada")],
    ),
    "MONEV-006": (
        changed(lambda d: d["monitoring"][0].update(penilai={"nama": "X", "jabatan": "direktur"})),
        TODAY,
        [(MONEV_REL, "monitoring[1].penilai.jabatan", "jabatan: direktur")],
    ),
    "MONEV-007": (
        changed(lambda d: _row(d).update(penilaian="[isi penilaian]")),
        TODAY,
        [(MONEV_REL, "monitoring[1].hasil[1].penilaian", "penilaian: '[isi penilai")],
    ),
    "MONEV-008": (
        changed(lambda d: d["evaluasi"][0].update(tanggal="2023-12-01")),
        TODAY,
        [(MONEV_REL, "evaluasi[1].tanggal", "tanggal: '2023-12-01'")],
    ),
}


def test_good_records_have_no_findings(tmp_path):
    assert [f.format() for f in findings(tmp_path)] == []


def test_every_monitoring_check_has_a_case():
    assert sorted(CASES) == sorted(c.code for c in checks.CHECKS if c.group == "MONEV")


@pytest.mark.parametrize("code", sorted(CASES))
def test_monitoring_check_names_file_line_and_field(tmp_path, code):
    records, today, where = CASES[code]
    found = findings(tmp_path, records, today)
    hits = [f for f in found if f.code == code]
    assert hits, [f.format() for f in found]
    level = next(c.level for c in checks.CHECKS if c.code == code)
    assert all(f.level == level and f.message for f in hits)
    got = []
    for f in hits:
        lines = (tmp_path / f.file).read_text(encoding="utf-8").splitlines()
        got.append((f.file, f.field, lines[f.line - 1].strip()[:24]))
    assert got == where


def test_a_tindakan_done_before_the_next_monitoring_is_not_flagged(tmp_path):
    records = changed(lambda d: _second_period(d, done="2024-07-01"))
    assert not [f for f in findings(tmp_path, records, dt.date(2024, 9, 1)) if f.code == "MONEV-003"]


def test_a_revision_after_the_evaluation_answers_it(tmp_path):
    records = changed(lambda d: d["evaluasi"][0].update(kesimpulan="direvisi"))
    revised = copy.deepcopy(GOOD)
    revised["tanggal"] = {**GOOD["tanggal"], "revisi": "2024-02-28"}
    registries_only(tmp_path)
    write(tmp_path, REL, revised)
    write(tmp_path, MONEV_REL, records)
    _, found = core.load(tmp_path, TODAY)
    assert not [f for f in found if f.code == "MONEV-004"]


def test_monitoring_counts_as_the_six_monthly_review(tmp_path):
    # GOOD is effective 2024-01-20: without records the review is due 2024-07-20; the monitoring of
    # 2024-02-20 moves it to 2024-08-20, and the finding then points at that monitoring.
    on = dt.date(2024, 8, 1)
    assert not [f for f in findings(tmp_path / "a", today=on) if f.code == "REVIEW-001"]
    late = [f for f in findings(tmp_path / "b", today=dt.date(2024, 9, 1)) if f.code == "REVIEW-001"]
    assert [(f.file, f.field) for f in late] == [(MONEV_REL, "monitoring[1].tanggal")]
    bare = tmp_path / "bare"
    assert [f for f in findings(bare, records=None, today=on) if f.code == "REVIEW-001"]


def test_a_placeholder_judgement_is_not_counted_as_monitored(tmp_path):
    records = changed(lambda d: _row(d).update(penilaian="[isi penilaian]"))
    book, _ = core.load(project_with(tmp_path, records), TODAY)
    facts = monev.of(book, book.sops["kpu-kota-palu/contoh"])
    assert facts.rows and not facts.judged and facts.last_monitored is None


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        (lambda d: _row(d).update(penilaian="bagus"), "monitoring[1].hasil[1].penilaian", "pilih salah satu"),
        (lambda d: d["monitoring"][0].update(periode="Semester 3"), "monitoring[1].periode", "Semester I"),
        (lambda d: d["evaluasi"][0]["kriteria"].pop("sinergi"), "evaluasi[1].kriteria.sinergi", "wajib"),
        (lambda d: d["monitoring"][0].update(tanggal="2024-02-30"), "monitoring[1].tanggal", "2024-02-30"),
        (lambda d: d.update(pemantauan=[]), "pemantauan", "tidak dikenal"),
    ],
)
def test_a_bad_record_is_a_schema_error_at_its_line(tmp_path, change, field, words):
    found = [f for f in findings(tmp_path, changed(change)) if f.code == "SKEMA-001"]
    assert [(f.file, f.field) for f in found] == [(MONEV_REL, field)], [f.format() for f in found]
    assert words.casefold() in found[0].message.casefold()
    assert found[0].line > 1


def test_a_record_file_must_be_named_by_its_year(tmp_path):
    rel = f"{DATA_DIR}/kpu-kota-palu/monev/semester-1.yaml"
    found = [f for f in findings(tmp_path, rel=rel) if f.code == "BERKAS-001"]
    assert [f.file for f in found] == [rel] and "2025.yaml" in found[0].message


def test_checking_one_record_file_reads_its_satkers_sops(tmp_path):
    root = project_with(tmp_path / "a", changed(lambda d: _row(d).update(sop="tidak-ada")))
    _, found = core.load(root, TODAY, only={MONEV_REL})
    assert [f.code for f in found if f.file == MONEV_REL] == ["MONEV-005"]
    root = project_with(tmp_path / "b")
    write(root, f"{DATA_DIR}/kpu-kota-serang/monev/2024.yaml", GOOD_MONEV)  # another satker's: left out
    book, found = core.load(root, TODAY, only={REL})
    assert not [f for f in found if f.code == "REVIEW-001"]  # the monitoring record was read with the SOP
    assert [m.path for m in book.monev] == [MONEV_REL]


def test_the_seeds_carry_no_monitoring_record_and_their_pages_say_so():
    assert SEEDS.monev == []
    assert not list((ROOT / DATA_DIR).glob("*/monev/*"))
    for record in SEEDS.sops.values():
        html = monev_view.sop_section(SEEDS, record, TODAY, urls.source_link)
        assert labels.MONEV["no_monitoring"] in html and labels.MONEV["no_evaluation"] in html


def test_the_sop_page_shows_history_and_evaluation_and_escapes_their_text(tmp_path):
    records = changed(
        lambda d: (
            _row(d).update(penilaian="tidak_berjalan_baik", catatan="<script>x()</script>", tindakan="{{ 7*7 }}"),
            d["evaluasi"][0]["kriteria"]["sinergi"].update(penilaian="tidak", catatan="<b>tebal</b>"),
        )
    )
    book, found = core.load(project_with(tmp_path, records), TODAY)
    record = book.sops["kpu-kota-palu/contoh"]
    html = pages.sop_page(record, book, urls.source_link, [], TODAY)
    assert "Semester I 2024" in html and labels.MONEV_PENILAIAN["tidak_berjalan_baik"] in html
    # Escaped as every value of a page is (render.text.html_text): markup, Jinja and Markdown stay text.
    assert "<script>" not in html.split("Catatan Pemeriksaan")[0] and html_text("<script>x()</script>") in html
    assert html_text("<b>tebal</b>") in html and html_text("{{ 7*7 }}") in html and "{{ 7*7 }}" not in html
    assert labels.MONEV_KRITERIA["sinergi"] in html and labels.MONEV["action_open"] in html


def test_summary_counts_what_the_records_say(tmp_path):
    second = copy.deepcopy(GOOD)
    second["nomor"] = "8/ORT.06/7271/2024"
    records = changed(
        lambda d: (_row(d).update(tindakan="perbaiki formulir"), d["evaluasi"][0].update(kesimpulan="direvisi"))
    )
    root = project_with(tmp_path, records)
    write(root, f"{DATA_DIR}/kpu-kota-palu/kedua.yaml", second)
    book, _ = core.load(root, TODAY)
    got = monev.summary(book, book.sops.values(), TODAY)
    assert got == monev.Summary(sops=2, monitored=1, evaluated=1, open_actions=1, revision_due=1)
    assert got.share(got.monitored) == 50
    # A new period starts with nobody monitored; a new year with nobody evaluated.
    later = monev.summary(book, book.sops.values(), dt.date(2025, 1, 2))
    assert (later.monitored, later.evaluated) == (0, 0)


def test_period_words():
    assert monev.parse_period("Semester II 2026") == monev.Period(2026, "Semester II")
    assert monev.period_of(dt.date(2026, 6, 30)).label == "Semester I 2026"
    assert monev.period_of(dt.date(2026, 7, 1)).next() == monev.Period(2027, "Semester I")
    for bad in ("Semester 2 2026", "Semester II", "2026"):
        with pytest.raises(ValueError, match="Semester I 2026"):
            monev.parse_period(bad)


def test_csv_per_satker_is_evidence_and_keeps_formulas_as_text(tmp_path):
    records = changed(lambda d: _row(d).update(catatan="=HYPERLINK(1)"))
    book, _ = core.load(project_with(tmp_path, records), TODAY)
    text = export.monev_csv(book, "kpu-kota-palu")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    assert [(r["jenis"], r["sop"], r["penilaian"]) for r in rows] == [
        ("monitoring", "contoh", "Berjalan dengan baik"),
        ("evaluasi", "contoh", "Dipertahankan"),
    ]
    assert rows[0]["catatan"] == "'=HYPERLINK(1)" and rows[1]["kriteria_terpenuhi"] == "7/7"
    assert rows[0]["nomor_sop"] == GOOD["nomor"] and rows[0]["berkas"] == MONEV_REL


def test_json_export_carries_the_records(tmp_path):
    book, found = core.load(project_with(tmp_path), TODAY)
    data = json.loads(export.handbook_json(book, found, TODAY, lambda src: src))
    assert data["versi"] == export.VERSION == "1.4"
    assert [(m["satker"], m["tahun"], m["berkas"]) for m in data["monev"]] == [("kpu-kota-palu", 2024, MONEV_REL)]
    assert data["monev"][0]["data"]["evaluasi"][0]["kesimpulan"] == "dipertahankan"


def test_pantau_writes_a_valid_skeleton_then_adds_the_next_period(tmp_path):
    root = project_with(tmp_path, records=None)
    (root / "mkdocs.yml").write_text("site_name: uji\n", encoding="utf-8")
    result = sop("--root", str(root), "pantau", "kpu-kota-palu", "--periode", "Semester I 2025")
    assert result.returncode == 0, result.stdout + result.stderr
    path = root / DATA_DIR / "kpu-kota-palu" / "monev" / "2025.yaml"
    text = path.read_text(encoding="utf-8")
    assert "- sop: \"contoh\"" in text and "[isi berjalan_baik atau tidak_berjalan_baik]" in text
    book, found = core.load(root, TODAY)
    assert [f.code for f in found if f.file.endswith("2025.yaml")] == ["MONEV-007"] * 4
    # A maintainer fills it in; the next period is appended below it, comments kept.
    filled = (
        text.replace('"[isi tanggal monitoring, TTTT-BB-HH]"', "2025-06-10")
        .replace('"[isi nama penilai]"', "Ani")
        .replace('"[isi jabatan penilai: kunci di sop_data/jabatan.yaml]"', PENILAI["jabatan"])
        .replace('"[isi berjalan_baik atau tidak_berjalan_baik]"', "berjalan_baik")
    )
    path.write_text(filled + "evaluasi: []\n", encoding="utf-8")
    result = sop("--root", str(root), "pantau", "kpu-kota-palu", "--periode", "Semester II 2025")
    assert result.returncode == 0, result.stdout + result.stderr
    book, found = core.load(root, TODAY)
    (record,) = book.monev
    assert [m.periode for m in record.data.monitoring] == ["Semester I", "Semester II"]
    assert record.data.monitoring[0].penilai.nama == "Ani" and "# catatan:" in path.read_text(encoding="utf-8")
    assert [f.field for f in found if f.code == "MONEV-007"][0].startswith("monitoring[2]")
    again = sop("--root", str(root), "pantau", "kpu-kota-palu", "--periode", "Semester II 2025")
    assert again.returncode == 2 and "sudah tercatat" in again.stderr
    unknown = sop("--root", str(root), "pantau", "kpu-entah", "--periode", "Semester II 2025")
    assert unknown.returncode == 2 and "satker.yaml" in unknown.stderr


def test_pantau_lists_the_sops_in_the_order_of_tabel_7(tmp_path):
    """The skeleton is filled in from the signed Tabel 7, row by row: the same order, by SOP name."""
    import re

    from conftest import make_project

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from sintetis import generate

    project = make_project(tmp_path / "p")
    generate(project, 40, provinces=1)
    book, _ = core.load(project, TODAY)
    by_satker: dict[str, list] = {}
    for record in book.sops.values():
        by_satker.setdefault(record.satker, []).append(record)
    # A satker whose files sort differently from its SOPs' names, or the test would prove nothing.
    satker, records = next(
        (s, rs) for s, rs in by_satker.items() if sorted(r.id for r in rs) != [r.id for r in loader.in_order(rs)]
    )
    text = pantau.skeleton(book, satker, monev.parse_period("Semester II 2026"), header=True)
    listed = [f"{satker}/{slug}" for slug in re.findall(r'^ {6}- sop: "?([a-z0-9-]+)"?$', text, re.M)]
    assert listed == [r.id for r in loader.in_order(records)]
    # Tabel 7 prints the same SOPs in the same order.
    form = html_text(monev_view.tabel7(book, satker, TODAY, lambda target, *_: "#"))
    assert [form.index(r.data.nama) for r in loader.in_order(records)] == sorted(
        form.index(r.data.nama) for r in records
    )


def test_add_period_keeps_what_follows_the_list():
    text = "# catatan\nmonitoring: []\n\nevaluasi:\n  - x: 1\n"
    assert pantau.add_period(text, "  - baru\n") == "# catatan\nmonitoring:\n  - baru\n\nevaluasi:\n  - x: 1\n"


# --- The built pages, in a real browser -------------------------------------------------------------

SATKER = "kpu-kota-palu"
SOP_ID = "kpu-kota-palu/penyusunan-laporan-kinerja"


@pytest.fixture(scope="module")
def monev_site(tmp_path_factory):
    """The embedded handbook with two years of generated records for one satker (a test project copy:
    the repository's seeds carry none)."""
    project = make_project(tmp_path_factory.mktemp("monev") / "proyek")
    folder = project / DATA_DIR / SATKER / "monev"
    folder.mkdir(parents=True)
    slug = SOP_ID.split("/")[1]
    for year in (2025, 2026):
        record = {
            "monitoring": [
                {
                    "periode": periode,
                    "tanggal": f"{year}-{month}-15",
                    "penilai": {"nama": "Penilai <Uji>", "jabatan": "sekretaris"},
                    "hasil": [
                        {
                            "sop": slug,
                            "penilaian": "tidak_berjalan_baik" if periode == "Semester I" else "berjalan_baik",
                            "catatan": "Formulir terlambat diserahkan",
                            "tindakan": "Pengingat mingguan",
                            "tindakan_selesai": f"{year}-{month}-30",
                        }
                    ],
                }
                for periode, month in (("Semester I", "06"), ("Semester II", "11"))
                if f"{year}-{month}-15" <= "2026-11-23"
            ],
            "evaluasi": [
                {
                    "sop": slug,
                    "tanggal": f"{year}-10-01",
                    "penilai": {"nama": "Evaluator", "jabatan": "sekretaris"},
                    "kriteria": {key: {"penilaian": "ya"} for key in model.KRITERIA},
                    "kesimpulan": "direvisi" if year == 2026 else "dipertahankan",
                }
            ],
        }
        write(project, f"{DATA_DIR}/{SATKER}/monev/{year}.yaml", record)
    site = project / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


MONEV_PAGES = {
    "dasbor": "pemeriksaan/monev.html",
    "dasbor-satker": f"monev/{SATKER}.html",
    "tabel-7": f"monev/{SATKER}/tabel-7.html",
    "evaluasi": f"monev/{SATKER}/evaluasi.html",
    "sop": f"sop/{SOP_ID}.html",
}


@pytest.mark.browser
def test_dashboards_show_the_records_figures(monev_site):
    html = (monev_site / MONEV_PAGES["dasbor"]).read_text(encoding="utf-8")
    # KPU Kota Palu: 1 SOP, monitored in Semester II 2026 and evaluated in 2026, to be revised.
    assert "1 (100%)" in html and "0 (0%)" in html
    assert 'class="sop-monev-bar sop-monev-bar--m" style="width: 100%"' in html
    satker = (monev_site / MONEV_PAGES["dasbor-satker"]).read_text(encoding="utf-8")
    assert labels.MONEV["state_revise"] in satker and "Semester II 2026" in satker
    assert (monev_site / urls.monev_csv(SATKER)).is_file()


@pytest.mark.browser
@pytest.mark.parametrize("kind", MONEV_PAGES)
def test_monitoring_pages_fit_a_phone_and_pass_axe(browser, monev_site, kind):
    from test_readers_second import PHONE, axe_violations

    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        page.goto((monev_site / MONEV_PAGES[kind]).as_uri())
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        if kind == "sop":  # the history starts folded on a phone, and opens with its heading
            toggle = page.locator("#monitoring-evaluasi-riwayat .sop-box__toggle")
            assert toggle.get_attribute("aria-expanded") == "false"
            toggle.click()
            assert page.locator(".sop-monev-table").first.is_visible()
            assert "Penilai <Uji>" in page.content().replace("&lt;", "<").replace("&gt;", ">")
        bad = [(v["id"], v["nodes"][:3]) for v in axe_violations(page) if v["impact"] in ("serious", "critical")]
        assert bad == []
    finally:
        context.close()


@pytest.mark.browser
def test_tabel_7_prints_on_a4_landscape_and_the_evaluation_form_one_sop_a_sheet(browser, monev_site, tmp_path):
    context = browser.new_context()
    try:
        page = context.new_page()
        sizes = {}
        for kind in ("tabel-7", "evaluasi"):
            page.goto((monev_site / MONEV_PAGES[kind]).as_uri())
            page.emulate_media(media="print")
            pdf = tmp_path / f"{kind}.pdf"
            page.pdf(path=str(pdf), prefer_css_page_size=True)
            reader = pypdf.PdfReader(str(pdf))
            sizes[kind] = [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages]
            texts = [p.extract_text() for p in reader.pages]
            assert all(t.strip() for t in texts), f"{kind}: a blank page"
            if kind == "tabel-7":
                joined = " ".join(texts)
                for column in ("Prosedur", "Catatan Hasil", "Paraf", "Tidak berjalan dengan baik"):
                    assert column in joined
                assert "Cetak formulir" not in joined
            else:
                assert all(labels.MONEV_KRITERIA["sinergi"] in t for t in texts)
        assert sizes["tabel-7"] == [(842, 595)]  # A4 landscape, in points
        assert sizes["evaluasi"] == [(595, 842)]  # one SOP: one A4 portrait sheet
    finally:
        context.close()


def test_an_sop_to_be_revised_says_so_at_the_top_of_its_page(tmp_path):
    records = changed(lambda d: d["evaluasi"][0].update(kesimpulan="direvisi"))
    book, _ = core.load(project_with(tmp_path, records), TODAY)
    html = pages.sop_page(book.sops["kpu-kota-palu/contoh"], book, urls.source_link, [], TODAY)
    top = html.split(labels.SEKILAS["heading"])[0]
    assert labels.MONEV["banner_revise_title"] in top and "25 Februari 2024" in top
    kept, _ = core.load(project_with(tmp_path / "kept"), TODAY)
    html = pages.sop_page(kept.sops["kpu-kota-palu/contoh"], kept, urls.source_link, [], TODAY)
    assert labels.MONEV["banner_revise_title"] not in html
