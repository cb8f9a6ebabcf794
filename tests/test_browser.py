"""Pages in a real browser: Debian's chromium driven by Playwright (never a downloaded browser).

Material draws each diagram into a closed shadow root; an init script opens
shadow roots so the test can read the SVG a reader sees.
"""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
from browsing import OPEN_SHADOW, Visit, draw_all, search, serve
from conftest import SEED_FINDINGS, build
from conftest import SEEDS as BOOK

IDS = sorted(BOOK.sops)
pytestmark = pytest.mark.browser


@pytest.mark.parametrize("sop_id", IDS, ids=IDS)
def test_sop_page_draws_its_swimlane_offline(browser, served, sop_id):
    visit = Visit(browser, served + f"sop/{sop_id}.html")
    try:
        texts = visit.svg_texts()
        for lane in BOOK.sops[sop_id].data.pelaksana:
            assert lane.nama in texts, f"lane {lane.nama!r} not drawn"
        joined = " ".join(texts)
        assert "Syntax error" not in joined and "Parse error" not in joined
        assert visit.off_host(served) == []
        assert visit.errors == []
    finally:
        visit.close()


def test_home_page_lists_sops_and_search_works(browser, served):
    page = browser.new_page()
    try:
        page.goto(served)
        for sop_id in IDS:
            assert page.locator(f'a[href="sop/{sop_id}.html"]').count() == 1
        search(page, "Bengkulu")
        assert "PENGUMPULAN DATA KINERJA" in page.locator(".md-search-result").inner_text()
    finally:
        page.close()


HOSTILE_NAME = "</title><script>alert('judul')</script> <img src=http://example.invalid/x.png> {{ 7*7 }}"
HOSTILE_LANE = "end\" --> X; %%{init: {\"theme\": \"dark\"}}%%"
HOSTILE_STEP = "<img src=x onerror=alert('langkah')> `kode` **tebal** #1"


def test_hostile_sop_stays_text_in_the_browser(browser, project, tmp_path):
    path = project / "sop_data/kpu-kota-palu/penyusunan-laporan-kinerja.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('nama: "PENYUSUNAN LAPORAN KINERJA"', f"nama: '{HOSTILE_NAME.replace(chr(39), chr(39) * 2)}'")
    text = text.replace('nama: "Ka. Sub Bag Perencanaan"', f"nama: '{HOSTILE_LANE}'")
    text = text.replace(
        'kegiatan: "Menyusun draft Laporan Kinerja"', f"kegiatan: '{HOSTILE_STEP.replace(chr(39), chr(39) * 2)}'"
    )
    path.write_text(text, encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    server, url = serve(tmp_path / "site")
    visit = Visit(browser, url + "sop/kpu-kota-palu/penyusunan-laporan-kinerja.html")
    try:
        assert visit.dialogs == []
        assert visit.off_host(url) == []
        assert visit.page.title().startswith(HOSTILE_NAME)
        assert visit.page.locator("article h1").inner_text() == HOSTILE_NAME
        assert "49" not in visit.page.locator("article h1").inner_text()
        texts = visit.svg_texts()
        assert HOSTILE_LANE in texts
        assert any(t.startswith("3. <img src=x") for t in texts), texts
        assert visit.page.locator("article script").count() == 0
        cell = visit.page.locator("#langkah-3 td").nth(1).inner_text()
        assert HOSTILE_STEP in cell
    finally:
        visit.close()
        server.shutdown()


def test_findings_box_and_banner_show_and_codes_link_to_their_rule(browser, served):
    sop_id = "kpu-kota-palu/penyusunan-laporan-kinerja"
    visit = Visit(browser, served + f"sop/{sop_id}.html")
    try:
        page = visit.page
        assert page.locator(".sop-review-banner").is_visible()
        rows = page.locator("#catatan-pemeriksaan ~ .sop-pemeriksaan tr.sop-finding")
        assert rows.count() == sum(1 for f in SEED_FINDINGS if f.file == BOOK.sops[sop_id].path)
        flow = page.locator("tr.sop-finding", has_text="Kepala Bagian")
        assert "FLOW-007" in flow.inner_text()
        flow.locator("a").click()
        page.wait_for_url("**/pemeriksaan/aturan.html#flow-007")
        rule = page.locator("tr#flow-007")
        assert rule.is_visible() and "lajur SOP ini" in rule.inner_text()
        assert visit.off_host(served) == [] and visit.errors == []
    finally:
        visit.close()


def test_hostile_text_in_a_finding_stays_text(browser, project, tmp_path):
    hostile = "<script>alert`temuan`</script><img src=x onerror=alert`gambar`> {{ 7*7 }}"
    path = project / "sop_data/kpu-kota-palu/penyusunan-laporan-kinerja.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "mengembalikan ke Kepala Bagian untuk", f"mengembalikan ke {hostile} untuk"
    )
    path.write_text(text, encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    server, url = serve(tmp_path / "site")
    visits = [
        Visit(browser, url + "sop/kpu-kota-palu/penyusunan-laporan-kinerja.html"),
        Visit(browser, url + "pemeriksaan/index.html"),
    ]
    try:
        for visit in visits:
            assert visit.dialogs == [] and visit.off_host(url) == []
            row = visit.page.locator("tr.sop-finding", has_text="FLOW-007").filter(has_text="onerror")
            assert hostile in row.inner_text()
            assert visit.page.locator("tr.sop-finding img, tr.sop-finding script").count() == 0
    finally:
        for visit in visits:
            visit.close()
        server.shutdown()


def test_auditor_goes_from_regulation_to_sop_and_downloads_both_views(browser, served):
    page = browser.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    try:
        page.goto(served + "regulasi/permenpan-12-2015.html")
        assert "Dicabut" in page.locator("article").inner_text()
        page.locator("table.sop-regulasi-cites a", has_text="PENYUSUNAN LAPORAN KINERJA").click()
        page.wait_for_url("**/sop/kpu-kota-palu/penyusunan-laporan-kinerja.html")
        note = page.locator(".sop-regulasi-note--dicabut").first
        assert note.is_visible() and "Nomor 88 Tahun 2021" in note.inner_text()
        page.goto(served + "laporan-auditor.html")
        for link, kind in (("kutipan-dasar-hukum.csv", "text/csv"), ("buku-pedoman.json", "application/json")):
            href = page.locator(f'a[href$="{link}"]').first.get_attribute("href")
            response = page.request.get(urljoin(page.url, href))
            assert response.ok and kind in response.headers["content-type"]
        assert [u for u in requests if not u.startswith(served)] == []
    finally:
        page.close()


HOSTILE = "<img src=x onerror=alert('{where}')><script>alert('{where}')</script>"


def test_no_page_of_a_hostile_handbook_runs_its_text(browser, project, tmp_path):
    """Hostile text in every kind of record (satker, registry, SOP) stays text on every page and in search."""

    def plant(rel, start, where):
        """Replace the quoted value of the first line containing ``start`` with hostile text."""
        path = project / rel
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        i = next(i for i, line in enumerate(lines) if start in line)
        key = lines[i].split('"')[0]
        lines[i] = f'{key}"{HOSTILE.format(where=where)}"\n'
        path.write_text("".join(lines), encoding="utf-8")

    plant("sop_data/satker.yaml", 'nama: "KPU Kota Palu"', "satker")
    plant("sop_data/regulasi.yaml", 'tentang: "Sistem Perencanaan Pembangunan Nasional"', "regulasi")
    plant("sop_data/regulasi.yaml", 'sumber: "Lembaran Negara Republik Indonesia Tahun 2014 Nomor 80"', "sumber")
    plant("sop_data/kpu-kota-palu/penyusunan-laporan-kinerja.yaml", 'nama: "PENYUSUNAN LAPORAN KINERJA"', "sop")
    plant("sop_data/kpu-kota-palu/penyusunan-laporan-kinerja.yaml", 'teks: "Peraturan Presiden Nomor 29', "dasar-hukum")
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    server, url = serve(tmp_path / "site")
    dialogs = []
    page = browser.new_page()
    page.add_init_script(OPEN_SHADOW)
    page.on("dialog", lambda d: (dialogs.append((page.url, d.message)), d.dismiss()))
    try:
        pages = sorted(
            p.relative_to(tmp_path / "site").as_posix()
            for p in (tmp_path / "site").rglob("*.html")
            if p.name != "404.html"
        )
        for rel in pages:
            page.goto(url + rel)
            draw_all(page)
        page.goto(url)
        search(page, "onerror")
        assert page.locator(".md-search-result__item").count() > 0
        assert dialogs == []
        assert len(pages) > 40  # every page was visited: SOPs, satker, regulations, checks, reports
        assert page.locator(".md-search-result img[src=x]").count() == 0
    finally:
        page.close()
        server.shutdown()
