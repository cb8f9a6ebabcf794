"""Finding an SOP with Material's search, in chromium: by its number or any part of it, and down to a step."""

from __future__ import annotations

import re

import pytest
from browsing import search
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
        assert preview.startswith("Langkah 1 — Mengkompilasi") and "Pelaksana:" in preview
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
