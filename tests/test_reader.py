"""The staff member's handbook: on a phone, at a desk, on paper and opened from disk (issue "Readers first").

Every check runs in Debian's chromium. Sizes: a phone (360 x 800, mobile emulation, where
`innerWidth` grows with the content, so sideways scrolling is measured on the scrolling element)
and a desktop (1366 x 900).
"""

from __future__ import annotations

import io
import math
import re
from pathlib import Path
from urllib.parse import urlsplit

import pypdf
import pytest
from browsing import OPEN_SHADOW, SEARCH_NONE, draw_all, search, serve
from conftest import SEEDS, build, make_project
from fixture_sop import long_sop, write
from playwright.sync_api import expect

from macros.render import form, mermaid

pytestmark = pytest.mark.browser
IDS = sorted(SEEDS.sops)
SIZES = {
    "telepon-360": dict(viewport={"width": 360, "height": 800}, is_mobile=True, has_touch=True, device_scale_factor=2),
    "desktop-1366": dict(viewport={"width": 1366, "height": 900}),
}
SIDEWAYS = "() => [document.scrollingElement.scrollWidth, document.documentElement.clientWidth]"
# How far the content column's content reaches past the column (wide things must scroll in their own box).
# A wide swimlane on a desktop may reach past the column on purpose (sop.js widens its box up to the
# window's edge; SIDEWAYS checks the window): it is measured at the column's width.
PAST_COLUMN = """() => {
  const c = document.querySelector('.md-content');
  const wide = [...document.querySelectorAll('.sop-diagram--lebar')];
  const widths = wide.map(b => b.style.width);
  wide.forEach(b => b.style.setProperty('width', 'auto', 'important'));
  const past = c.scrollWidth - c.clientWidth;
  wide.forEach((b, i) => b.style.setProperty('width', widths[i]));
  return past;
}"""
# The smallest text in the drawn diagrams, in CSS pixels as rendered: font size x the SVG's scale.
SMALLEST_TEXT = """() => {
  const sizes = [];
  for (const host of document.querySelectorAll('.sop-diagram div.mermaid')) {
    const svg = host.shadowRoot.querySelector('svg');
    const box = svg.viewBox.baseVal;
    const scale = box && box.width ? svg.getBoundingClientRect().width / box.width : 1;
    for (const el of host.shadowRoot.querySelectorAll('.nodeLabel, .edgeLabel, .cluster-label, text')) {
      if (el.textContent.trim()) sizes.push(parseFloat(getComputedStyle(el).fontSize) * scale);
    }
  }
  return Math.min(...sizes);
}"""
# Edges (as drawn, in screen coordinates) that pass through a lane's title box.
THROUGH_TITLES = """() => {
  const bad = [];
  for (const host of document.querySelectorAll('.sop-diagram div.mermaid')) {
    const svg = host.shadowRoot.querySelector('svg');
    const titles = [...svg.querySelectorAll('rect.swimlane-title')].map(r => r.getBoundingClientRect());
    for (const path of svg.querySelectorAll('g.edges path')) {
      const style = getComputedStyle(path);
      if (style.stroke === 'none' || style.display === 'none' || style.visibility === 'hidden'
          || parseFloat(style.strokeWidth) === 0 || parseFloat(style.opacity) === 0) continue;  // ~~~ links are invisible
      const length = path.getTotalLength(), matrix = path.getScreenCTM();
      outer: for (let d = 0; d <= length; d += 3) {
        const p = path.getPointAtLength(d), q = new DOMPoint(p.x, p.y).matrixTransform(matrix);
        for (const t of titles) {
          if (q.x > t.left + 1 && q.x < t.right - 1 && q.y > t.top + 1 && q.y < t.bottom - 1) { bad.push(path.id); break outer; }
        }
      }
    }
  }
  return bad;
}"""
LABELS = """() => [...document.querySelectorAll('.sop-diagram div.mermaid')].flatMap(h =>
  [...h.shadowRoot.querySelectorAll('.nodeLabel, .edgeLabel, .cluster-label, text')].map(e => e.textContent.trim()))"""


def site_pages(site) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def words(text: str) -> str:
    return " ".join(text.split())


def open_context(browser, size: str):
    """A browser context of one of SIZES, with shadow roots opened so tests can read diagrams."""
    context = browser.new_context(**SIZES[size])
    context.add_init_script(OPEN_SHADOW)
    return context


def open_sop(page, served: str, sop_id: str):
    page.goto(served + f"sop/{sop_id}.html")
    return page


@pytest.fixture
def desktop(browser):
    context = open_context(browser, "desktop-1366")
    yield context.new_page()
    context.close()


# --- Phone-first layout ------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
def test_no_page_of_the_site_scrolls_sideways(browser, served, built_site, size):
    context = open_context(browser, size)
    page = context.new_page()
    wide = []
    try:
        pages = site_pages(built_site)
        for rel in pages:
            page.goto(served + rel)
            draw_all(page)  # a drawn diagram must scroll in its own box, not widen the page
            scroll_width, client_width = page.evaluate(SIDEWAYS)
            past = page.evaluate(PAST_COLUMN)
            if scroll_width > client_width or past > 1:
                wide.append((rel, scroll_width, past))
    finally:
        context.close()
    assert len(pages) > 40
    assert wide == []


@pytest.mark.parametrize("sop_id", IDS, ids=IDS)
def test_phone_reads_steps_as_numbered_cards_with_every_field(browser, served, sop_id):
    context = open_context(browser, "telepon-360")
    page = context.new_page()
    try:
        page.goto(served + f"sop/{sop_id}.html")
        sop = SEEDS.sops[sop_id].data
        for step in sop.langkah[:3]:
            row = page.locator(f"#langkah-{step.no}")
            box = row.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 360, step.no
            labels = row.evaluate(
                "r => [...r.querySelectorAll('td[data-label]')].map(td => getComputedStyle(td, '::before').content)"
            )
            assert labels == ['"Kegiatan"', '"Pelaksana"', '"Kelengkapan"', '"Waktu"', '"Output"', '"Keterangan"']
            for lane in step.pelaksana:
                name = next(p.nama for p in sop.pelaksana if p.id == lane)
                assert words(name) in words(row.locator(".sop-step__who").inner_text())
        # The six boxes stack in one column, and the page has its own contents list.
        lefts = page.eval_on_selector_all(
            ".sop-boxes:not(.sop-monev) > .sop-box", "bs => bs.map(b => Math.round(b.getBoundingClientRect().left))"
        )
        assert len(lefts) == 6 and len(set(lefts)) == 1
        contents = page.locator("nav.sop-contents")
        assert contents.is_visible()
        targets = contents.locator("a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
        for anchor in (
            "#identitas-sop",
            "#kotak-dasar-hukum",
            "#kotak-pencatatan-pendataan",
            "#uraian-prosedur",
            "#diagram-alir",
        ):
            assert anchor in targets
        for href in targets:
            assert page.locator(href).count() == 1, href
    finally:
        context.close()


# --- The swimlane --------------------------------------------------------------------------


@pytest.mark.parametrize("sop_id", IDS, ids=IDS)
def test_swimlane_is_readable_whole_and_linked_to_the_steps(desktop, served, sop_id):
    page = open_sop(desktop, served, sop_id)
    draw_all(page)
    sop = SEEDS.sops[sop_id].data
    labels = [words(t) for t in page.evaluate(LABELS)]
    for lane in sop.pelaksana:
        assert words(lane.nama) in labels, f"lane {lane.nama!r} not drawn"
    # No step text is lost to an ellipsis: each node shows "N. the whole text".
    joined = " | ".join(labels)
    for step in sop.langkah:
        text = step.kegiatan if isinstance(step.kegiatan, str) else "Tidak terbaca/tidak diketahui"
        assert f"{step.no}. {words(text)}" in joined, step.no
    assert "…" not in joined
    assert page.evaluate(SMALLEST_TEXT) >= 12
    assert page.evaluate(THROUGH_TITLES) == []
    # Each branch edge carries its label as printed.
    for step in sop.langkah:
        for branch in step.cabang:
            assert words(branch.label) in labels, (step.no, branch.label)
    # The diagram scrolls inside its box; the page itself does not.
    assert page.evaluate(SIDEWAYS)[0] <= 1366
    # A click on a node opens its step row; the row links back to the diagram.
    node = page.locator(".sop-diagram div.mermaid a").filter(has_text=re.compile(r"^\s*3\. ")).first
    node.click()
    page.wait_for_url(re.compile(r"#langkah-3$"))
    row = page.locator("#langkah-3")
    assert row.is_visible() and 0 <= row.bounding_box()["y"] < 900
    row.locator(".sop-step__to-diagram").click()
    page.wait_for_url(re.compile(r"#diagram-bagian-1$"))


def test_full_screen_view_opens_and_closes_and_zoom_changes_the_size(desktop, served):
    page = desktop
    page.goto(served + "sop/kpu-kabupaten-luwu-utara/penyusunan-laporan-kinerja.html")
    draw_all(page)
    box = page.locator(".sop-diagram").first
    drawing = box.locator("div.mermaid")
    natural = drawing.bounding_box()["width"]
    box.locator("[data-zoom=in]").click()
    assert drawing.bounding_box()["width"] == pytest.approx(natural * 1.25, rel=0.02)
    box.locator("[data-zoom=fit]").click()
    assert drawing.bounding_box()["width"] <= box.bounding_box()["width"]
    box.locator("[data-zoom=reset]").click()
    assert drawing.bounding_box()["width"] == pytest.approx(natural, rel=0.02)
    button = box.locator("[data-fullscreen]")
    button.click()
    page.wait_for_function("() => document.fullscreenElement && document.fullscreenElement.matches('.sop-diagram')")
    expect(button).to_have_text("Tutup layar penuh")
    button.click()
    page.wait_for_function("() => document.fullscreenElement === null")
    expect(button).to_have_text("Layar penuh")


def test_mermaid_is_fetched_only_when_the_diagram_is_wanted(browser, served):
    context = open_context(browser, "telepon-360")
    page = context.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    try:
        page.goto(served + "sop/kpu-kota-serang/pengelolaan-kinerja-dan-penyusunan-laporan-kinerja.html")
        page.wait_for_load_state("networkidle")
        assert page.locator("#langkah-1").is_visible()
        assert not [u for u in requests if "mermaid.tiny.js" in u]
        page.locator(".sop-diagram").first.scroll_into_view_if_needed()
        page.wait_for_function("() => document.querySelector('.sop-diagram div.mermaid')", timeout=30_000)
        assert [u for u in requests if u.endswith("/assets/vendor/mermaid/mermaid.tiny.js")]
    finally:
        context.close()


def test_a_200_step_sop_is_drawn_in_parts_joined_by_off_page_connectors(browser, tmp_path):
    project = make_project(tmp_path / "project")
    write(project, "sop_data/kpu-kota-palu/sop-panjang.yaml", long_sop(200))
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    server, url = serve(tmp_path / "site")
    context = open_context(browser, "desktop-1366")
    page = context.new_page()
    try:
        page.goto(url + "sop/kpu-kota-palu/sop-panjang.html")
        draw_all(page)
        parts = page.evaluate(
            "() => [...document.querySelectorAll('.sop-diagram div.mermaid')].map(h => h.shadowRoot.textContent)"
        )
        assert len(parts) == 200 // mermaid.PART_STEPS
        for n, text in enumerate(parts, 1):
            assert "Syntax error" not in text and "Maximum text size" not in text, n
            first, last = (n - 1) * mermaid.PART_STEPS + 1, n * mermaid.PART_STEPS
            assert f"{first}. Kegiatan nomor {first}" in text and f"{last}. " in text
            if n < len(parts):
                assert f"ke langkah {last + 1}" in text  # the flow goes on in the next part
            if n > 1:
                assert f"dari langkah {first - 1}" in text
        titles = page.locator(".sop-diagram__title").all_inner_texts()
        assert titles[1] == "Diagram Alir · Bagian 2: langkah 26–50"
    finally:
        context.close()
        server.shutdown()


# --- Paper ---------------------------------------------------------------------------------


def print_pdf(page, notes: bool = False, swimlane: bool = False) -> pypdf.PdfReader:
    """What the browser prints, as Ctrl+P does: no script runs first unless the reader ticked a box."""
    if notes:
        page.locator("[data-print-notes]").check()
    if swimlane:
        page.locator("[data-print-swimlane]").check()
        page.evaluate("() => window.sopDrawAll()")
    return pypdf.PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))


def squeeze(text: str) -> str:
    """PDF text without any white space: pypdf joins or splits words at line ends as it likes."""
    return re.sub(r"\s+", "", text)


def text_sizes(pdf_page) -> list[float]:
    """The size in points of every piece of text on a printed page (font size times the text and
    current matrices' scale)."""
    sizes: list[float] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            sizes.append(size * math.hypot(tm[0], tm[1]) * math.hypot(cm[0], cm[1]))

    pdf_page.extract_text(visitor_text=visit)
    return sizes


def landscape(pdf) -> list[int]:
    return [i for i, p in enumerate(pdf.pages) if p.mediabox.width > p.mediabox.height]


@pytest.mark.parametrize("scroll", ["top", "bottom"])
@pytest.mark.parametrize("sop_id", IDS, ids=IDS)
def test_ctrl_p_prints_the_identity_then_the_form_on_a4_landscape(desktop, served, sop_id, scroll):
    """From any scroll position, with no script run first: page 1 the identity and the six boxes,
    then the flowchart table page by page as planned (rows never split, text at least 8 pt)."""
    page = open_sop(desktop, served, sop_id)
    if scroll == "bottom":
        page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
    pdf = print_pdf(page)
    texts = [squeeze(p.extract_text()) for p in pdf.pages]
    assert all(texts), [i for i, t in enumerate(texts) if not t]  # no blank page
    sop = SEEDS.sops[sop_id].data
    first = texts[0].upper()
    assert squeeze(sop.nomor).upper() in first and pdf.pages[0].mediabox.width < pdf.pages[0].mediabox.height
    for box in ("DASARHUKUM", "KUALIFIKASIPELAKSANA", "KETERKAITAN", "PERALATAN/PERLENGKAPAN", "PERINGATAN"):
        assert box in first, box
    planned = form.layout(sop).pages
    sheets = landscape(pdf)
    assert len(sheets) == len(planned)
    for sheet, plan in zip(sheets, planned, strict=True):
        text = texts[sheet]
        assert all(squeeze(lane.nama) in text for lane in sop.pelaksana) and "MutuBaku" in text
        for step in sop.langkah:
            if step.no in plan.steps and isinstance(step.kegiatan, str):
                # Each row on the sheet planned for it, whole: its first and last words both there.
                words = squeeze(step.kegiatan)
                assert words[:14] in text and words[-14:] in text, step.no
        assert min(text_sizes(pdf.pages[sheet])) >= 8.0 - 0.05
    # The swimlane, the step table and the checker's notes stay on screen unless asked for.
    joined = " ".join(texts)
    assert "WaktuPenyelesaian" not in joined and "Lihatdidiagram" not in joined and "Diagramdimuat" not in joined
    assert "CatatanPemeriksaan" not in joined and "Cari" not in joined and "Beranda" not in joined


def test_the_swimlane_and_the_notes_print_when_asked(desktop, served):
    page = desktop
    page.goto(served + "sop/kpu-kabupaten-luwu-utara/penyusunan-laporan-kinerja.html")
    pdf = print_pdf(page, notes=True, swimlane=True)
    texts = [squeeze(p.extract_text()) for p in pdf.pages]
    (diagram,) = [i for i, t in enumerate(texts) if "DiagramAlir" in t and "KetuaDivisi" in t]
    box = pdf.pages[diagram].mediabox
    assert box.width > box.height  # A4 landscape
    assert pdf.pages[0].mediabox.width < pdf.pages[0].mediabox.height
    assert "CatatanPemeriksaan" in " ".join(texts) and "CatatanTranskripsi" in " ".join(texts)


# --- The official form on screen -----------------------------------------------------------------

# For each row of the form: its planned height and the height the browser gave it. For each arrow:
# the tip's point on screen and the box of every symbol of its target step (or connector).
FORM_GEOMETRY = """() => {
  const rows = [...document.querySelectorAll('.sop-form tbody tr')].map(r => [parseFloat(r.style.height), r.getBoundingClientRect().height]);
  const arrows = [...document.querySelectorAll('.sop-form__flow')].filter(g => g.querySelector('.sop-form__arrow')).map(g => {
    const svg = g.ownerSVGElement, arrow = g.querySelector('.sop-form__arrow');
    const tip = arrow.points.getItem(0).matrixTransform(arrow.getScreenCTM());
    const page = g.closest('.sop-form__page');
    const boxes = [...page.querySelectorAll(`.sop-form__symbol[data-step="${g.dataset.to}"]`)].map(s => {
      const r = s.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; });
    return {to: g.dataset.to, tip: [tip.x, tip.y], boxes};
  });
  return {rows, arrows};
}"""


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("sop_id", IDS, ids=IDS)
def test_the_form_on_screen_meets_its_rows_and_every_arrow_ends_on_its_symbol(browser, served, sop_id, size):
    context = open_context(browser, size)
    page = context.new_page()
    try:
        page.goto(served + f"sop/{sop_id}.html")
        page.locator("label[for=sop-tampilan-bentuk]").click()
        expect(page.locator(".sop-form")).to_be_visible()
        expect(page.locator(".sop-diagram").first).to_be_hidden()  # one view at a time
        geometry = page.evaluate(FORM_GEOMETRY)
        assert geometry["rows"] and all(abs(planned - got) <= 0.6 for planned, got in geometry["rows"]), geometry[
            "rows"
        ]
        assert geometry["arrows"]
        for arrow in geometry["arrows"]:
            x, y = arrow["tip"]
            # The tip touches one of the target's symbols: on its box's edge (a diamond's vertex is on it too).
            assert any(
                left - 1.5 <= x <= right + 1.5
                and top - 1.5 <= y <= bottom + 1.5
                and min(abs(x - left), abs(x - right), abs(y - top), abs(y - bottom)) <= 1.5
                for left, top, right, bottom in arrow["boxes"]
            ), arrow
        # The page never scrolls sideways: the form scrolls in its own box.
        width, client = page.evaluate(SIDEWAYS)
        assert width <= client
        # A symbol leads to its step's row.
        page.locator(".sop-form a").first.click()
        assert page.url.endswith("#langkah-1")
    finally:
        context.close()


# --- From disk -----------------------------------------------------------------------------


def test_the_site_opened_from_disk_follows_links_draws_and_searches(browser, built_site):
    context = open_context(browser, "desktop-1366")
    page = context.new_page()
    try:
        page.goto((built_site / "index.html").as_uri())
        page.locator('a[href="sop/kpu-kota-palu/penyusunan-laporan-kinerja.html"]').first.click()
        page.wait_for_url("**/sop/kpu-kota-palu/penyusunan-laporan-kinerja.html")
        assert page.locator("article h1").inner_text() == "PENYUSUNAN LAPORAN KINERJA"
        draw_all(page)
        assert "Ka. Sub Bag Perencanaan" in " ".join(page.evaluate(LABELS))
        assert search(page, "Bengkulu") != SEARCH_NONE
        results = page.locator(".md-search-result__item")
        assert "PENGUMPULAN DATA KINERJA" in page.locator(".md-search-result").inner_text()
        results.first.locator("a").first.click()
        page.wait_for_load_state()
        opened = urlsplit(page.url)
        assert opened.scheme == "file" and opened.path.endswith(".html") and Path(opened.path).is_file()
    finally:
        context.close()


# --- Reader words ---------------------------------------------------------------------------


@pytest.mark.parametrize("sop_id", IDS, ids=IDS)
def test_reader_text_has_no_line_numbers_field_paths_or_repository_paths(desktop, served, sop_id):
    page = open_sop(desktop, served, sop_id)
    visible = page.locator("article").inner_text()  # folded <details> content is not rendered text
    assert "sop_data/" not in visible and "/".join(("shared", "seeds")) not in visible
    assert not re.search(r"\b[a-z_]+\[\d+\]", visible), re.search(r"\b[a-z_]+\[\d+\]", visible)
    details = page.locator("details.sop-maintainer").first
    details.locator("summary").click()
    assert "sop_data/" in details.inner_text()
