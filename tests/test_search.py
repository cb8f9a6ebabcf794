"""Finding an SOP with Material's search, in chromium: by its number or any part of it, and down to a step."""

from __future__ import annotations

import re

import pytest
from browsing import SEARCH_NONE, search
from conftest import SEEDS

pytestmark = pytest.mark.browser
PALU = "sop/kpu-kota-palu/penyusunan-laporan-kinerja.html"
SERANG = "sop/kpu-kota-serang/pengelolaan-kinerja-dan-penyusunan-laporan-kinerja.html"
BANTEN = "sop/kpu-provinsi-banten/penyusunan-laporan-kinerja.html"


def first_result(browser, served, query: str) -> str:
    page = browser.new_page()
    try:
        page.goto(served)
        search(page, query)
        href = page.locator(".md-search-result__item a").first.get_attribute("href")
        return href.removeprefix(served).split("?")[0]
    finally:
        page.close()


@pytest.mark.parametrize(
    "query, expected",
    [
        ("44/ORT.06/7271/2022", PALU),
        ("7271", PALU),
        ("44", PALU),
        ("44/ORT.06", PALU),
        ("ORT.06/3673", SERANG),
        ("Sek-Prov", BANTEN),
    ],
)
def test_a_number_or_any_part_of_it_finds_its_sop_first(browser, served, query, expected):
    assert first_result(browser, served, query) == expected


def test_every_seed_with_a_coded_number_is_found_first_by_it(browser, served):
    """Luwu Utara's number is printed as "1 Tahun 2023", the same words as a regulation's citation
    ("Nomor 10 Tahun 2023"): word search cannot tell them apart, so it is not asked to."""
    coded = {sop_id: r.data.nomor for sop_id, r in SEEDS.sops.items() if "/" in r.data.nomor}
    assert len(coded) == 4
    for sop_id, nomor in coded.items():
        assert first_result(browser, served, nomor) == f"sop/{sop_id}.html", nomor


def test_a_word_from_one_step_opens_the_page_at_that_step(browser, served):
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    try:
        page.goto(served)
        search(page, "menalaah")  # only in Serang's step 1
        result = page.locator(".md-search-result__item a[href*='langkah-1']").first
        preview = result.inner_text()
        assert preview.startswith("Langkah 1: Mengkompilasi")
        assert len(preview) < 400  # a short text, not a table dump
        result.click()
        page.wait_for_url(re.compile(r"#langkah-1$"))
        # The browser scrolls to the row once the page is laid out: wait for that, not a timer.
        page.wait_for_function(
            "() => { const r = document.getElementById('langkah-1').getBoundingClientRect(); return r.top >= 0 && r.top < 300; }"
        )
        assert page.locator("#langkah-1").is_visible()
        assert page.evaluate("() => location.hash") == "#langkah-1"
    finally:
        page.close()


@pytest.mark.parametrize("query", ["Kasubbag", "Ka. Sub Bag", "Kasubag", "Kepala Sub Bagian"])
def test_any_spelling_of_a_role_finds_its_page_first(browser, served, query):
    assert first_result(browser, served, query) == "jabatan/kasubbag-perencanaan-data-informasi.html"


def test_an_acronym_finds_the_glossary_and_the_sop_that_uses_it(browser, served):
    page = browser.new_page()
    try:
        page.goto(served)
        search(page, "LAPKIN")
        hrefs = page.locator(".md-search-result__item > a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
        top = {h.removeprefix(served).split("?")[0].split("#")[0] for h in hrefs[:2]}
        assert top == {"glosarium.html", "sop/kpu-kabupaten-luwu-utara/penyusunan-laporan-kinerja.html"}
    finally:
        page.close()


def test_a_term_shows_its_meaning_on_tap(browser, served):
    context = browser.new_context(viewport={"width": 360, "height": 800}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(served + "sop/kpu-kabupaten-luwu-utara/penyusunan-laporan-kinerja.html")
        term = page.locator("abbr", has_text="LAPKIN").first
        term.scroll_into_view_if_needed()
        term.tap()
        tooltip = page.locator(".md-tooltip2--active")
        tooltip.wait_for()
        assert tooltip.inner_text().strip() == "Laporan Kinerja"
    finally:
        context.close()


def test_the_home_list_filters_by_satker_and_level_and_sorts_by_date(browser, served):
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    try:
        page.goto(served)
        rows = page.locator("table.sop-list tbody tr")
        visible = "els => els.filter(e => !e.hidden).map(e => e.dataset.satker)"
        page.locator("select[data-filter=tingkat]").select_option("KPU Provinsi")
        assert rows.evaluate_all(visible) == ["KPU Provinsi Banten"]
        assert page.locator(".sop-filter__count").inner_text() == "1 / 5 SOP"
        page.locator("select[data-filter=tingkat]").select_option("")
        page.locator("select[data-filter=satker]").select_option("KPU Kota Palu")
        assert rows.evaluate_all(visible) == ["KPU Kota Palu"]
        page.locator("select[data-filter=satker]").select_option("")
        page.locator("table.sop-list th", has_text="Tanggal Efektif").click()
        dates = rows.evaluate_all("els => els.map(e => e.cells[4].dataset.sort)")
        assert [d for d in dates if d] == sorted(d for d in dates if d) and len(dates) == 5
    finally:
        page.close()


def test_a_meaning_finds_its_acronym_in_the_glossary(browser, served):
    assert first_result(browser, served, "Perjanjian Kinerja") == "glosarium.html"


def test_the_search_index_is_fetched_only_when_the_reader_starts_searching(browser, served):
    """A first view does not download the index (most readers never search); focusing search does."""
    page = browser.new_page()
    indexed = []
    page.on("request", lambda r: indexed.append(r.url) if "search_index" in r.url else None)
    try:
        page.goto(served + PALU)
        page.wait_for_load_state("networkidle")
        assert indexed == []
        assert search(page, "7271") != SEARCH_NONE
        assert [u.rsplit("/", 2)[-2:] for u in indexed] == [["search", "search_index.json"]]
        href = page.locator(".md-search-result__item a").first.get_attribute("href")
        assert href.removeprefix(served).split("?")[0] == PALU
    finally:
        page.close()


def test_an_address_with_a_query_loads_the_index_at_once(browser, served):
    page = browser.new_page()
    indexed = []
    page.on("request", lambda r: indexed.append(r.url) if "search_index" in r.url else None)
    try:
        page.goto(served + PALU + "?q=7271")
        page.wait_for_load_state("networkidle")
        assert len(indexed) == 1
    finally:
        page.close()
