"""The MkDocs build: strict, one page per SOP, fails on bad data with the loader's words, offline."""

from __future__ import annotations

import html
import json
import re
from html import unescape

import pytest
from conftest import ENGINE, ENV, REFERENCE_DATE, ROOT, SEEDS, build, make_project, page_html

from macros import core, schema
from macros.loader import DATA_DIR
from macros.site import vendor

SOP_FILES = sorted(p.relative_to(ROOT / DATA_DIR) for p in (ROOT / DATA_DIR).glob("*/*.yaml"))
pytestmark = pytest.mark.build


@pytest.mark.parametrize("rel", SOP_FILES, ids=str)
def test_every_sop_file_has_its_page(built_site, rel):
    page = built_site / "sop" / rel.parent / f"{rel.stem}.html"
    assert page.is_file()
    html = page.read_text(encoding="utf-8")
    assert 'class="mermaid"' in html and "swimlane-beta TB" in html
    assert 'class="sop-steps"' in html and 'class="sop-identity"' in html


def test_the_site_is_built_by_the_engine_under_test(built_site):
    """`make test-properdocs` really builds with ProperDocs (not MkDocs installed beside it as
    Material's dependency): the engine names itself in every page's generator tag."""
    (generator,) = re.findall(r'<meta name="generator" content="([^"]+)"', page_html(built_site, "."))
    expected = {
        "mkdocs": r"^mkdocs-1\.6\.\d+, mkdocs-material-",
        "properdocs": r"^mkdocs-ProperDocs 1\.6\.\d+, mkdocs-material-",
    }
    assert re.match(expected[ENGINE], generator), generator


def test_home_lists_every_sop_and_the_nav_lists_satker_not_sops(built_site):
    html = page_html(built_site, ".")
    for sop_id in SEEDS.sops:
        assert f'href="sop/{sop_id}.html"' in html
    nav_links = re.findall(r'href="([^"]*)"\s+class="md-nav__link', html)
    assert [link for link in nav_links if link.startswith("satker/")]
    assert not [link for link in nav_links if link.startswith("sop/")]


def test_no_page_refers_to_another_host(built_site):
    offenders = []
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for url in re.findall(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="([^"]+)"', html):
            if re.match(r"(https?:)?//", url):
                offenders.append((page.relative_to(built_site).as_posix(), url))
    assert offenders == []


def test_mermaid_is_the_pinned_bundle(built_site):
    bundle = built_site / vendor.MERMAID.target
    assert vendor._sha256(bundle) == vendor.MERMAID.sha256
    meta = json.loads((ROOT / "node_modules" / vendor.MERMAID.name / "package.json").read_text())
    assert meta["version"] == vendor.MERMAID.version
    major, minor, patch = map(int, meta["version"].split("."))
    assert (major, minor, patch) >= (11, 16, 1), "swimlane-beta and its security fixes need 11.16.1+"


@pytest.mark.parametrize("name, cls", schema.SCHEMAS.items())
def test_committed_json_schema_is_current(name, cls):
    assert (ROOT / "schema" / name).read_text(encoding="utf-8") == schema.generate(cls), (
        "schema/ is stale: run `sop schema`"
    )


def test_broken_yaml_fails_the_build_with_file_line_field(project, tmp_path):
    path = project / "sop_data/kpu-kota-palu/penyusunan-laporan-kinerja.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    pelaksana: [pelaksana]\n", "    pelaksna: [pelaksana]\n", 1), encoding="utf-8")
    result = build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    line = text.splitlines().index("    pelaksana: [pelaksana]") + 1
    assert (
        f"sop_data/kpu-kota-palu/penyusunan-laporan-kinerja.yaml:{line}: SKEMA-001 error: "
        f"langkah[2].pelaksna: kunci 'pelaksna' tidak dikenal; mungkin maksudnya 'pelaksana'?"
    ) in output
    assert "Traceback" not in output


def test_adding_a_file_adds_a_page_and_removing_removes_it(project, tmp_path):
    src = project / "sop_data/kpu-kota-palu/penyusunan-laporan-kinerja.yaml"
    copy = project / "sop_data/kpu-kota-palu/salinan-uji.yaml"
    copy.write_text(
        src.read_text(encoding="utf-8").replace('nomor: "44/ORT.06/7271/2022"', 'nomor: "45/UJI"'), encoding="utf-8"
    )
    assert build(project, tmp_path / "a").returncode == 0
    assert (tmp_path / "a/sop/kpu-kota-palu/salinan-uji.html").is_file()
    copy.unlink()
    assert build(project, tmp_path / "b").returncode == 0
    assert not (tmp_path / "b/sop/kpu-kota-palu/salinan-uji").exists()


def test_sop_page_states_total_time_rules_and_both_totals(built_site):
    html = unescape(page_html(built_site, "sop/kpu-kabupaten-bengkulu-utara/pengumpulan-data-kinerja"))
    assert "Jumlah waktu dari langkah-langkah: <strong>3 hari 5 jam 45 menit</strong>" in html
    assert "Jumlah waktu tertulis pada SOP: <strong>3 Hari 7 Jam 15 Menit</strong>" in html
    assert "1 hari kerja = 8 jam" in html
    assert "Waktu langkah 1, 14 tidak terbaca" in html
    assert "Catatan Transkripsi" in html


# Jinja that would leave a trace if anything evaluated it: "JINJA-EVAL" and "JINJA-FOR" appear only when
# run (the literal text never holds them), and the comment vanishes when run.
JINJA = '{{ "JINJA" ~ "-EVAL" }} {% for x in ["JINJA", "-FOR"] %}{{ x }}{% endfor %} {# JINJA-COMMENT #}'


def test_jinja_in_every_kind_of_record_is_never_evaluated(project, tmp_path):
    """Satker names (nav, titles), SOP names (h1, title), lane names (table, diagram) and regulation
    titles (jenis dokumen: its name is its title) all carry Jinja; none of it runs anywhere."""

    def plant(rel, old, new):
        path = project / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    quoted = JINJA.replace('"', '\\"')
    plant("sop_data/satker.yaml", 'nama: "KPU Kota Palu"', f'nama: "Palu {quoted}"')
    plant(
        "sop_data/kpu-kota-palu/penyusunan-laporan-kinerja.yaml",
        'nama: "PENYUSUNAN LAPORAN KINERJA"',
        f'nama: "LAPKIN {quoted}"',
    )
    plant(
        "sop_data/kpu-kota-palu/penyusunan-laporan-kinerja.yaml",
        'nama: "Ka. Sub Bag Perencanaan"',
        f'nama: "Kasubbag {quoted}"',
    )
    plant(
        "sop_data/regulasi.yaml",
        'tentang: "Sistem Akuntabilitas Kinerja Instansi Pemerintah"',
        f'tentang: "SAKIP {quoted}"',
    )
    plant("sop_data/regulasi.yaml", 'tentang: "Perjanjian Kinerja', f'tentang: "PK {quoted} Perjanjian Kinerja')
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "site"
    published = [p for p in site.rglob("*") if p.suffix in (".html", ".json", ".csv") and p.is_file()]
    for p in published:
        text = html.unescape(p.read_text(encoding="utf-8"))
        assert "JINJA-EVAL" not in text and "JINJA-FOR" not in text, p.relative_to(site)
    sop_page = html.unescape(page_html(site, "sop/kpu-kota-palu/penyusunan-laporan-kinerja"))
    assert re.search(r"<title>\s*LAPKIN " + re.escape(JINJA), sop_page)
    assert re.search(r"<h1[^>]*>LAPKIN " + re.escape(JINJA) + "</h1>", sop_page)
    assert "Kasubbag " + JINJA in sop_page  # the step table's Pelaksana column
    assert "SAKIP " + JINJA in html.unescape(page_html(site, "regulasi/perpres-29-2014"))
    satker_page = html.unescape(page_html(site, "satker/kpu-kota-palu"))
    assert re.search(r"<title>\s*Palu " + re.escape(JINJA), satker_page)
    nav = satker_page[satker_page.index('<nav class="md-nav md-nav--primary"') :]
    nav = nav[: nav.index("</nav>")]
    assert re.search(r'md-nav__link[^>]*>\s*(<span[^>]*>)?\s*Palu ' + re.escape(JINJA), nav)
    doc_title = html.unescape(page_html(site, "regulasi/pk-kpu-luwu-utara"))
    assert re.search(r"<title>\s*PK " + re.escape(JINJA), doc_title)


def test_the_synthetic_handbook_of_the_benchmarks_validates(tmp_path):
    """`make bench` measures generated handbooks; what it generates must be a valid handbook."""
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from sintetis import generate

    project = make_project(tmp_path / "p")
    made = generate(project, 120, provinces=3)
    book, findings = core.load(project, REFERENCE_DATE)
    assert [f.format() for f in findings if f.level == "error"] == []
    assert set(made) <= set(book.sops) and len(book.sops) == 125
    steps = [len(book.sops[i].data.langkah) for i in made]
    lanes = [len(book.sops[i].data.pelaksana) for i in made]
    items = [len(book.sops[i].data.dasar_hukum) for i in made]
    assert (
        (min(steps), max(steps)) == (5, 15)
        and 3 <= min(lanes)
        and max(lanes) <= 7
        and (min(items), max(items)) == (5, 10)
    )
    assert generate(make_project(tmp_path / "q"), 120, provinces=3) == made  # seeded: runs compare


def test_the_seed_shaped_handbook_of_the_benchmarks_validates_and_has_the_seeds_shape(tmp_path):
    """`--bentuk benih`: each record a seed's structure with other words of the same length."""
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from sintetis import generate, sizes

    project = make_project(tmp_path / "p")
    made = generate(project, 60, provinces=3, shape="benih")
    book, findings = core.load(project, REFERENCE_DATE)
    assert [f.format() for f in findings if f.level == "error"] == []
    seeds = [SEEDS.sops[i].data for i in sorted(SEEDS.sops)]
    shapes = {(len(s.langkah), len(s.pelaksana), len(s.dasar_hukum), len(s.narasi)) for s in seeds}
    seed_text = {step.kegiatan for s in seeds for step in s.langkah}
    for sop_id in made:
        sop = book.sops[sop_id].data
        assert (len(sop.langkah), len(sop.pelaksana), len(sop.dasar_hukum), len(sop.narasi)) in shapes, sop_id
        assert not {step.kegiatan for step in sop.langkah} & seed_text, sop_id  # its own words
    mine, _ = sizes([project / "sop_data" / f"{m}.yaml" for m in made])
    theirs, _ = sizes(sorted((ROOT / "sop_data").glob("*/*.yaml")))
    assert 0.75 < mine / theirs < 1.25


def test_the_build_benchmark_runs_and_prints_its_table():
    """`make bench` is not part of CI's time budget, but it must not rot: one tiny run."""
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks/bench.py"), "6", "--rounds", "1"],
        capture_output=True,
        text=True,
        timeout=300,
        env=ENV,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert re.search(r"\| 11 \| handbook \| [\d.]+ \|", result.stdout) and "**ratio**" in result.stdout


def test_mermaid2_adds_its_scripts_only_to_pages_with_a_diagram(built_site):
    """sop-mermaid2 (mkdocs-mermaid2 counting diagrams without re-parsing pages) adds the script and
    mermaid2's configuration to each page with a diagram, after the content, and to no other page."""
    for sop_id in SEEDS.sops:
        page = page_html(built_site, f"sop/{sop_id}")
        assert page.count('<script src="../../assets/javascripts/sop.js"></script>') == 1
        assert page.index("window.mermaidConfig = {default:") > re.search(r'<pre\s+class="mermaid">', page).start()
        assert page.rstrip().endswith("</body>\n</html>")
    for other in ("index", "pemeriksaan", "regulasi/perpres-29-2014", "glosarium"):
        page = page_html(built_site, other)
        assert "sop.js" not in page and "mermaidConfig" not in page


def test_mermaid2_adds_its_loader_to_pages_with_a_diagram_and_leaves_them_as_written(built_site):
    """mkdocs-mermaid2 decides the script tags (its loader and its configuration); the page it
    writes them into is the page as rendered, not re-serialized by an HTML parser."""
    page = page_html(built_site, "sop/kpu-kota-palu/penyusunan-laporan-kinerja")
    assert page.count('<script src="../../assets/javascripts/sop.js"></script>') == 1
    assert "window.mermaidConfig = {default: {" in page and "startOnLoad: false" in page
    assert page.index("window.mermaidConfig") < page.index("</body>")
    assert "data-search-exclude>" in page and 'data-search-exclude=""' not in page  # as the templates write it
    home = page_html(built_site, ".")
    assert "window.mermaidConfig" not in home and "sop.js" not in home  # no diagram, no loader


def test_the_mermaid_fence_escapes_its_source_and_mermaid2_recognises_it():
    from macros.site.mermaid import fence_mermaid_custom

    out = fence_mermaid_custom('A --> B["<img src=x onerror=alert(1)>"] & C', "mermaid", "mermaid", {}, None)
    assert out.startswith("<pre") and 'class="mermaid"><code>' in out
    assert "<img" not in out and "&lt;img src=x onerror=alert(1)&gt;" in out and "--&gt;" in out and "&amp; C" in out
    assert fence_mermaid_custom.__name__ == "fence_mermaid_custom"  # how mermaid2 knows its Material mode
