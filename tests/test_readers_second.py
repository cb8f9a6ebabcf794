"""Readers, second pass (issue 20), measured in Debian's chromium as a reader meets the pages.

- axe-core (pinned in package.json, served from node_modules) over every page type at 360 and
  1366 px, with the WCAG 2.0-2.2 A/AA rules and axe's best practices: no critical or serious
  finding, Material's included (the handbook fixes the two Material leaves: the unnamed search
  dialog and the footer's contrast).
- The procedure at a glance comes within the first two screens on a phone; every "ke langkah n"
  is a link that lands on its step; "Lihat di diagram" leaves the step's box whole in view.
- Mode kerja keeps ticks per SOP and revision in the browser, and clears them with one button.
"""

from __future__ import annotations

import json
from contextlib import contextmanager

import pytest
from browsing import OPEN_SHADOW, draw_all
from conftest import ROOT, SEEDS

from macros.flow import edges

pytestmark = pytest.mark.browser
IDS = sorted(SEEDS.sops)
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PHONE = dict(viewport={"width": 360, "height": 800}, is_mobile=True, has_touch=True, device_scale_factor=2)
DESKTOP = dict(viewport={"width": 1366, "height": 900})
# One page of each type the handbook makes, and the written pages.
PAGE_TYPES = {
    "beranda": "index.html",
    "sop": "sop/kpu-kota-serang/pengelolaan-kinerja-dan-penyusunan-laporan-kinerja.html",
    "sop-7-lajur": "sop/kpu-kabupaten-luwu-utara/penyusunan-laporan-kinerja.html",
    "satker": "satker/kpu-kota-serang.html",
    "jabatan": "jabatan/sekretaris.html",
    "jabatan-indeks": "jabatan/index.html",
    "glosarium": "glosarium.html",
    "regulasi": "regulasi/permenpanrb-35-2012.html",
    "regulasi-indeks": "regulasi/index.html",
    "laporan-auditor": "laporan-auditor.html",
    "pemeriksaan": "pemeriksaan/index.html",
    "aturan": "pemeriksaan/aturan.html",
    "peninjauan": "pemeriksaan/peninjauan.html",
    "sumber": "sumber/000_16467f76b5c3e419.txt.html",
    "pemeliharaan": "pemeliharaan.html",
    # Monitoring and evaluation on the seeds: no record yet, so the pages' empty states.
    "monev": "pemeriksaan/monev.html",
    "monev-satker": "monev/kpu-kota-serang.html",
    "tabel-7": "monev/kpu-kota-serang/tabel-7.html",
    "evaluasi": "monev/kpu-kota-serang/evaluasi.html",
}
RUN_AXE = """async () => {
  const r = await axe.run(document, {resultTypes: ['violations'], runOnly: {type: 'tag',
    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}});
  return r.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))}));
}"""


def axe_violations(page) -> list[dict]:
    # Colours are judged at rest: a button's hover transition or a tooltip fading in has colours
    # between its two states, which no reader sees for long (and which made this test flaky).
    page.mouse.move(1, 1)
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    page.add_script_tag(path=str(AXE))
    return page.evaluate(RUN_AXE)


@contextmanager
def opened(browser, size: dict):
    """A page at ``size`` in a context of its own (shadow roots opened, to read the diagrams)."""
    context = browser.new_context(**size)
    context.add_init_script(OPEN_SHADOW)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture(params=["telepon-360", "desktop-1366"])
def context(request, browser):
    context = browser.new_context(**(PHONE if request.param == "telepon-360" else DESKTOP))
    context.add_init_script(OPEN_SHADOW)
    yield context
    context.close()


def test_axe_core_is_the_pinned_one():
    pinned = json.loads((ROOT / "package.json").read_text())["dependencies"]["axe-core"]
    served = json.loads((ROOT / "node_modules" / "axe-core" / "package.json").read_text())["version"]
    assert pinned == served


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_every_page_type_has_no_serious_or_critical_axe_finding(context, served, kind):
    page = context.new_page()
    page.goto(served + PAGE_TYPES[kind])
    draw_all(page)
    found = axe_violations(page)
    if kind.startswith("sop"):
        # The other view of the flow, and Mode kerja, are part of the page too.
        page.locator("label[for='sop-tampilan-bentuk']").click()
        page.locator("[data-mode-kerja]").click()
        found += axe_violations(page)
    bad = [(v["id"], v["impact"], v["nodes"][:3]) for v in found if v["impact"] in ("serious", "critical")]
    assert bad == []


def test_a_failing_page_is_seen_by_the_axe_test(context, served):
    """The same check catches grey-on-white text and an unnamed dialog when they are there."""
    page = context.new_page()
    page.goto(served + PAGE_TYPES["beranda"])
    page.evaluate(
        "() => { const p = document.createElement('p'); p.textContent = 'abu-abu'; p.style.color = '#aaa';"
        "document.querySelector('.md-content__inner').append(p);"
        "document.querySelector('.md-search').removeAttribute('aria-label'); }"
    )
    ids = {v["id"] for v in axe_violations(page) if v["impact"] == "serious"}
    assert {"color-contrast", "aria-dialog-name"} <= ids


@pytest.mark.parametrize("sop_id", IDS, ids=IDS)
def test_the_steps_at_a_glance_start_within_two_phone_screens(browser, served, sop_id):
    with opened(browser, PHONE) as page:
        page.goto(served + f"sop/{sop_id}.html")
        sop = SEEDS.sops[sop_id].data
        glance = page.locator(".sop-sekilas")
        facts = glance.locator(".sop-sekilas__fakta").inner_text()
        assert f"{len(sop.langkah)} langkah" in facts and f"{len(sop.pelaksana)} pelaksana" in facts
        first = glance.locator(".sop-sekilas__langkah li").first.bounding_box()
        assert first["y"] + first["height"] <= 2 * 800
        items = glance.locator(".sop-sekilas__langkah a")
        assert items.count() == len(sop.langkah)
        assert [items.nth(i).get_attribute("href") for i in range(items.count())] == [
            f"#langkah-{s.no}" for s in sop.langkah
        ]


@pytest.mark.parametrize("sop_id", IDS, ids=IDS)
def test_every_ke_langkah_is_a_link_that_lands_on_its_step(browser, served, sop_id):
    with opened(browser, PHONE) as page:
        page.goto(served + f"sop/{sop_id}.html")
        sop = SEEDS.sops[sop_id].data
        expected = [f"#langkah-{e.target}" for e in edges(sop)]
        links = page.locator(".sop-next a")
        assert [links.nth(i).get_attribute("href") for i in range(links.count())] == expected
        plain = page.evaluate(
            "() => [...document.querySelectorAll('.sop-next')].map(e => e.cloneNode(true))"
            ".map(c => { c.querySelectorAll('a').forEach(a => a.remove()); return c.textContent; })"
            ".filter(t => /ke langkah/.test(t))"
        )
        assert plain == []  # no "ke langkah n" left as plain text
        for i in range(links.count()):
            link = links.nth(i)
            target = link.get_attribute("href")
            assert link.inner_text().strip() == f"ke langkah {target.removeprefix('#langkah-')}"
            link.click()
            assert page.evaluate("() => location.hash") == target
            box = page.locator(target).bounding_box()
            assert 0 <= box["y"] < 800, target  # the step is on screen
        # Each card leads to the next and back.
        cards = page.locator("tr.sop-step")
        assert cards.nth(0).locator(".sop-step__nav a").count() == 1
        assert cards.nth(1).locator(".sop-step__nav a").count() == 2


LUWU = "kpu-kabupaten-luwu-utara/penyusunan-laporan-kinerja"


def test_lihat_di_diagram_shows_every_step_of_luwu_whole_on_a_phone(browser, served):
    with opened(browser, PHONE) as page:
        page.goto(served + f"sop/{LUWU}.html")
        sop = SEEDS.sops[LUWU].data
        for step in sop.langkah:
            page.locator(f"#langkah-{step.no} a.sop-step__to-diagram").click()
            page.wait_for_function(f"() => document.querySelector('[data-shown-step=\"{step.no}\"]')")
            seen = page.evaluate(
                """no => {
                  const box = document.querySelector(`[data-shown-step="${no}"]`);
                  const svg = box.querySelector('div.mermaid').shadowRoot;
                  const node = [...svg.querySelectorAll('a')].find(a =>
                    (a.getAttribute('href') || a.getAttribute('xlink:href')) === '#langkah-' + no);
                  const n = node.getBoundingClientRect(), b = box.getBoundingClientRect();
                  const bar = box.querySelector('.sop-diagram__bar').getBoundingClientRect();
                  const header = document.querySelector('.md-header').getBoundingClientRect();
                  return {inBox: n.left >= b.left && n.right <= b.left + box.clientWidth && n.top >= bar.bottom
                            && n.bottom <= b.top + box.clientHeight,
                          onScreen: n.top >= header.bottom && n.bottom <= innerHeight && n.left >= 0 && n.right <= innerWidth,
                          width: n.width};
                }""",
                step.no,
            )
            assert seen["width"] > 0 and seen["inBox"] and seen["onScreen"], (step.no, seen)


def test_full_screen_opens_readable_and_zoom_reaches_readable_from_fitted_in_two_taps(browser, served):
    with opened(browser, PHONE) as page:
        page.goto(served + f"sop/{LUWU}.html")
        draw_all(page)
        box = page.locator(".sop-diagram").first
        zoom = lambda: float(box.get_attribute("data-zoom") or "1")  # noqa: E731
        box.locator("[data-zoom='fit']").click()
        fitted = zoom()
        assert fitted < 0.5
        box.locator("[data-zoom='in']").click()
        box.locator("[data-zoom='in']").click()
        assert zoom() == pytest.approx(1, abs=0.01)
        box.locator("[data-zoom='fit']").click()
        box.locator("[data-fullscreen]").click()
        page.wait_for_function("() => document.fullscreenElement")
        page.wait_for_function("() => parseFloat(document.fullscreenElement.dataset.zoom) >= 1")
        smallest = page.evaluate(
            """() => { const box = document.fullscreenElement, host = box.querySelector('div.mermaid');
              const svg = host.shadowRoot.querySelector('svg'), vb = svg.viewBox.baseVal;
              const scale = svg.getBoundingClientRect().width / vb.width;
              return Math.min(...[...host.shadowRoot.querySelectorAll('.nodeLabel')].map(
                e => parseFloat(getComputedStyle(e).fontSize) * scale)); }"""
        )
        assert smallest >= 12


def test_mode_kerja_keeps_ticks_per_sop_and_clears_them(browser, served):
    url = served + f"sop/{LUWU}.html"
    with opened(browser, PHONE) as page:
        page.goto(url)
        bar = page.locator(".sop-kerja-bar")
        assert not bar.is_visible()
        page.locator("[data-mode-kerja]").click()
        assert bar.is_visible()
        sop = SEEDS.sops[LUWU].data
        total = len(sop.langkah)
        assert bar.locator("[data-kerja-progress]").inner_text() == f"0 dari {total} langkah selesai"
        page.locator(f"[data-kerja-step='{sop.langkah[0].no}']").check()
        second = sop.langkah[1]
        lane = next(p.nama for p in sop.pelaksana if p.id == second.pelaksana[0])
        assert bar.locator("[data-kerja-next]").inner_text().startswith(f"Berikutnya: langkah {second.no} ({lane}")
        page.reload()  # kept in the browser, with the mode on
        assert bar.is_visible()
        assert page.locator(f"[data-kerja-step='{sop.langkah[0].no}']").is_checked()
        assert bar.locator("[data-kerja-progress]").inner_text() == f"1 dari {total} langkah selesai"
        # Another SOP has its own ticks.
        page.goto(served + "sop/kpu-kota-palu/penyusunan-laporan-kinerja.html")
        assert page.locator("[data-kerja-step]:checked").count() == 0
        page.goto(url)
        bar.locator("[data-kerja-reset]").click()
        assert page.locator("[data-kerja-step]:checked").count() == 0
        page.reload()
        assert page.locator("[data-kerja-step]:checked").count() == 0
        bar.locator("[data-mode-kerja-close]").click()
        assert not bar.is_visible()


@pytest.mark.parametrize("kind", ["peninjauan", "jabatan", "regulasi-indeks"])
def test_tables_wider_than_a_phone_say_they_scroll_and_take_focus(browser, served, kind):
    with opened(browser, PHONE) as page:
        page.goto(served + PAGE_TYPES[kind])
        wide = page.evaluate(
            """() => [...document.querySelectorAll('.md-typeset table')].filter(t =>
                 /(auto|scroll)/.test(getComputedStyle(t).overflowX) && t.scrollWidth > t.clientWidth + 1)
               .map(t => ({focusable: t.tabIndex === 0, hint: !!(t.nextElementSibling
                 && t.nextElementSibling.classList.contains('sop-geser__hint')), marked: t.classList.contains('sop-geser')}))"""
        )
        assert wide, "this page has a table wider than a phone"
        assert all(w == {"focusable": True, "hint": True, "marked": True} for w in wide), wide


def test_phone_text_is_16px_and_focus_ring_is_visible(browser, served):
    with opened(browser, PHONE) as page:
        page.goto(served + PAGE_TYPES["sop"])
        sizes = page.evaluate(
            "() => ['.sop-step__what', '.sop-box__body', '.md-typeset p'].map(s =>"
            " parseFloat(getComputedStyle(document.querySelector(s)).fontSize))"
        )
        assert min(sizes) >= 16, sizes
        page.keyboard.press("Tab")
        ring = page.evaluate(
            "() => { const s = getComputedStyle(document.activeElement);"
            " return [parseFloat(s.outlineWidth), s.outlineStyle, s.boxShadow]; }"
        )
        assert ring[0] >= 2 and ring[1] == "solid" and ring[2] != "none", ring


def test_lane_titles_stay_in_view_while_panning_a_tall_swimlane(browser, served):
    with opened(browser, PHONE) as page:
        page.goto(served + f"sop/{LUWU}.html")
        draw_all(page)
        lanes = {" ".join(p.nama.split()) for p in SEEDS.sops[LUWU].data.pelaksana}
        strip = page.locator(".sop-diagram .sop-lanes").first
        assert not strip.is_visible()  # at the top the drawing's own titles show; never twice
        page.evaluate(
            "() => { const box = document.querySelector('.sop-diagram');"
            " box.scrollIntoView(); box.scrollTop = 900; box.scrollLeft = 200; }"
        )
        page.wait_for_function("() => document.querySelector('.sop-lanes.is-shown')")
        seen = page.evaluate(
            """() => { const box = document.querySelector('.sop-diagram');
              const b = box.getBoundingClientRect(), bar = box.querySelector('.sop-diagram__bar').getBoundingClientRect();
              const spans = [...box.querySelectorAll('.sop-lanes span')];
              const onView = spans.filter(s => { const r = s.getBoundingClientRect();
                return r.right > b.left && r.left < b.right; });
              return {names: spans.map(s => s.textContent),
                      tops: onView.map(s => s.getBoundingClientRect().top - bar.bottom), shown: onView.length}; }"""
        )
        assert set(seen["names"]) == lanes
        assert seen["shown"] >= 1 and all(abs(t) <= 2 for t in seen["tops"]), seen


def test_a_wide_swimlane_uses_the_desktop_width_but_never_the_page_sideways(browser, served):
    with opened(browser, DESKTOP) as page:
        page.goto(served + f"sop/{LUWU}.html")
        draw_all(page)
        page.wait_for_function("() => document.querySelector('.sop-diagram--lebar')")
        box = page.evaluate(
            """() => { const b = document.querySelector('.sop-diagram--lebar').getBoundingClientRect();
              const col = document.querySelector('.md-content__inner').getBoundingClientRect();
              return {right: b.right, colRight: col.right, width: b.width, colWidth: col.width,
                      page: document.scrollingElement.scrollWidth, client: document.documentElement.clientWidth}; }"""
        )
        assert box["width"] > box["colWidth"] + 200, box
        assert box["right"] <= box["client"] and box["page"] <= box["client"], box


def test_the_six_boxes_and_the_monitoring_history_fold_on_a_phone_and_print_whole(browser, served):
    with opened(browser, PHONE) as page:
        page.goto(served + PAGE_TYPES["sop"])
        buttons = page.locator(".sop-boxes:not(.sop-monev) .sop-box h3 > button.sop-box__toggle")
        assert buttons.count() == 6
        # The monitoring history and the latest evaluation fold the same way, folded to begin with.
        history = page.locator(".sop-monev .sop-box h3 > button.sop-box__toggle")
        assert history.evaluate_all("bs => bs.map(b => b.getAttribute('aria-expanded'))") == ["false", "false"]
        first = buttons.first
        body = page.locator(".sop-box .sop-box__body").first
        assert first.get_attribute("aria-expanded") == "true" and body.is_visible()
        assert page.locator(".sop-box h3").first.get_attribute("id") == "kotak-dasar-hukum"
        first.click()
        assert first.get_attribute("aria-expanded") == "false" and not body.is_visible()
        page.emulate_media(media="print")
        assert body.is_visible()  # paper carries the boxes whole
        page.emulate_media(media="screen")
        first.click()
        assert body.is_visible()
    with opened(browser, DESKTOP) as page:
        page.goto(served + PAGE_TYPES["sop"])
        assert page.locator(".sop-box__toggle").count() == 0  # on a desktop the boxes stand open, as on the form
