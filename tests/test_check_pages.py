"""Findings reach readers: each SOP page's Catatan Pemeriksaan, the findings, rules and review pages,
and a build that fails with the same words as `sop check`."""

from __future__ import annotations

import html
import re
import subprocess

import pytest
from conftest import ENV, MKDOCS, REFERENCE_DATE, SEED_FINDINGS, SEEDS, build, page_html, sop

from macros import review, urls
from macros.render import reports
from macros.render.templating import code_spans
from macros.render.text import html_text, place

pytestmark = pytest.mark.build


@pytest.mark.parametrize("sop_id", sorted(SEEDS.sops))
def test_sop_page_shows_each_of_its_findings(built_site, sop_id):
    record = SEEDS.sops[sop_id]
    page = page_html(built_site, f"sop/{sop_id}")
    mine = [f for f in SEED_FINDINGS if f.file == record.path]
    assert mine, "every seed has findings"
    assert 'id="catatan-pemeriksaan"' in page
    rows = re.findall(r'<tr class="sop-finding sop-finding--(\w+)">(.*?)</tr>', page)
    assert len(rows) == len(mine)
    for (level, row), f in zip(rows, mine, strict=True):
        assert level == f.level
        assert f"<code>{f.code}</code>" in row and html_text(f.message) in row
        assert f'href="../../pemeriksaan/aturan.html#{f.code.lower()}"' in row
        # The reader reads where in words; the YAML line and field path are folded away for maintainers.
        assert f"<td>{place(f.path)}</td>" in html.unescape(row)
        assert f"<td>{f.line}</td>" not in row and "[" not in re.sub(r"<[^>]+>", "", row).replace(f.message, "")
    maintainers = html.unescape(page.split('<details class="sop-maintainer">')[1].split("</details>")[0])
    for f in mine:
        assert f.format() in maintainers
    assert f"mencatat {len(mine)} perhatian" in page


@pytest.mark.parametrize("sop_id", sorted(SEEDS.sops))
def test_overdue_review_shows_a_banner_that_says_what_is_known(built_site, sop_id):
    html = page_html(built_site, f"sop/{sop_id}")
    assert 'class="admonition warning sop-review-banner"' in html
    title = re.search(r'sop-review-banner"[^>]*>\s*<p class="admonition-title">(.*?)</p>', html).group(1)
    status = review.status(SEEDS.sops[sop_id].data, REFERENCE_DATE)
    if status.due is None:
        assert title == "Jatuh tempo peninjauan tidak dapat dihitung"  # not "terlambat": nobody knows
    else:
        assert title == "Peninjauan SOP terlambat"


def test_findings_page_lists_every_finding_by_sop_and_by_code(built_site):
    html = page_html(built_site, "pemeriksaan")
    assert len(re.findall(r'<tr class="sop-finding ', html)) == len(SEED_FINDINGS)
    codes = sorted({f.code for f in SEED_FINDINGS})
    by_code = html.split('id="menurut-kode"')[1].split('id="menurut-sop"')[0]
    for code in codes:
        count = sum(1 for f in SEED_FINDINGS if f.code == code)
        assert re.search(
            rf"<code>{code}</code></a></td><td>[^<]+</td><td>(?:(?!</tr>).)+?</td><td>{count}</td>", by_code
        ), code
    for record in SEEDS.sops.values():
        assert html_text(record.data.nama) in html


def test_rules_page_lists_every_check_with_its_level_and_rule(built_site):
    html = page_html(built_site, "pemeriksaan/aturan")
    for rule in reports.rules():
        row = re.search(rf'<tr id="{urls.rule_anchor(rule.code)}">(.*?)</tr>', html)
        assert row, rule.code
        assert code_spans(rule.rule) in row.group(1)
        assert {"error": "Kesalahan", "warning": "Perhatian"}[rule.level] in row.group(1)


def test_review_page_lists_overdue_sops_oldest_first(built_site):
    html = page_html(built_site, "pemeriksaan/peninjauan")
    due, law_changed = html.split('id="dasar-hukum-yang-berubah-sesudah-sop-ditandatangani"')
    order = re.findall(r'<td><a href="\.\./sop/([^"]+)\.html">', due)
    # No effective date and no review: due date unknown, listed first (by id); then by due date.
    assert order == [
        "kpu-kabupaten-bengkulu-utara/pengumpulan-data-kinerja",
        "kpu-kota-palu/penyusunan-laporan-kinerja",
        "kpu-kota-serang/pengelolaan-kinerja-dan-penyusunan-laporan-kinerja",
        "kpu-provinsi-banten/penyusunan-laporan-kinerja",  # due 15 Juli 2021
        "kpu-kabupaten-luwu-utara/penyusunan-laporan-kinerja",  # due 3 Januari 2024
    ]
    assert "23 November 2026" in html  # the reference date is stated
    # SOPs whose cited regulations were amended after signing are listed for review too (DH-012).
    changed = set(re.findall(r'<td><a href="\.\./sop/([^"]+)\.html">', law_changed))
    assert "kpu-kota-palu/penyusunan-laporan-kinerja" in changed and "DH-012" in law_changed
    assert "kpu-provinsi-banten/penyusunan-laporan-kinerja" not in changed  # cites no amended regulation


def test_check_error_fails_the_build_with_the_same_line_as_sop_check(project, tmp_path):
    path = project / "sop_data/kpu-kota-palu/penyusunan-laporan-kinerja.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    pelaksana: [pelaksana]\n", "    pelaksana: [bendahara]\n", 1), encoding="utf-8")
    checked = sop("--root", str(project), "check")
    assert checked.returncode == 1
    (line,) = [ln for ln in checked.stdout.splitlines() if " error: " in ln]
    assert "REF-002 error: langkah[2].pelaksana[1]: pelaksana 'bendahara'" in line
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert line in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_a_malformed_reference_date_stops_the_build_with_a_clear_message(project, tmp_path):
    result = subprocess.run(
        MKDOCS + ["build", "--site-dir", str(tmp_path / "site")],
        cwd=project,
        env={**ENV, "SOP_TANGGAL_ACUAN": "23-11-2026"},
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "Plugin 'sop' option 'reference_date': '23-11-2026' bukan tanggal acuan yang valid" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_home_page_counts_each_sops_findings(built_site):
    html = page_html(built_site, ".")
    for sop_id, record in SEEDS.sops.items():
        count = sum(1 for f in SEED_FINDINGS if f.file == record.path)
        assert f'<a href="sop/{sop_id}.html#catatan-pemeriksaan">{count}</a>' in html, sop_id
