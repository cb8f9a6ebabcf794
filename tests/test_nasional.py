"""One site per province and a national site over them (Material's projects plugin), and the
same SOP pages as the single-site build."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ENGINE, ENV, ROOT, build, make_project
from test_links import broken_links

sys.path.insert(0, str(__import__("conftest").ROOT / "benchmarks"))
from sintetis import generate  # noqa: E402

pytestmark = pytest.mark.build


def article(path) -> str:
    html = path.read_text(encoding="utf-8")
    return re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', html, re.S).group(1)


def mkdocs_build(root, site, **env):
    result = build(root, site, **env)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result


@pytest.fixture(scope="module")
def split_handbook(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("nasional")
    source = make_project(tmp / "sumber")
    generate(source, 40, provinces=2)
    single = tmp / "single"
    mkdocs_build(source, single)
    out = tmp / "nasional"
    result = subprocess.run(
        [sys.executable, "-m", "macros", "--root", str(source), "pecah", str(out)],
        env=ENV,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    site = out / "site"
    if ENGINE == "properdocs":
        # Material's projects plugin builds each province in a spawned process, which imports the
        # real MkDocs instead of ProperDocs' alias, and the build stops ("SearchPlugin must be a
        # subclass of properdocs.plugins.BasePlugin"). On ProperDocs the provinces are built as CI
        # builds them, one job each, and the national site reads them (docs/pemeliharaan.md).
        for province in (p.name for p in (out / "provinsi").iterdir()):
            mkdocs_build(out / "provinsi" / province, site / province)
        mkdocs_build(out, site, SOP_BANGUN_PROVINSI="false")
    else:
        mkdocs_build(out, site)
    return source, single, out, site


def test_the_province_builds_use_the_working_tree_under_test(split_handbook, tmp_path):
    """A province project has no macros/ of its own: its `sop` plugin and macros come from the
    PYTHONPATH the tests set to this working tree, before the checkout the virtual environment was
    installed from. Shown with a decoy copy: whatever PYTHONPATH names is what a province imports."""
    _, _, out, _ = split_handbook
    province = next((out / "provinsi").iterdir())
    decoy = tmp_path / "checkout-lain"
    shutil.copytree(ROOT / "macros", decoy / "macros", ignore=shutil.ignore_patterns("__pycache__"))
    probe = "import macros.site.plugin; print(macros.site.plugin.__file__)"
    for path in (decoy, ROOT):
        result = subprocess.run(
            [sys.executable, "-c", probe],
            cwd=province,
            env={**ENV, "PYTHONPATH": str(path)},
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
        assert Path(result.stdout.strip()).resolve().is_relative_to(path.resolve())
    assert ENV["PYTHONPATH"] == str(ROOT)


def test_every_sop_page_of_the_provinces_is_the_single_site_page(split_handbook):
    _, single, _, site = split_handbook
    pages = sorted((single / "sop").rglob("*.html"))
    assert len(pages) == 45
    for page in pages:
        rel = page.relative_to(single).as_posix()
        (national,) = site.glob(f"*/{rel}")  # in exactly one province's site
        assert article(national) == article(page), rel
        # ... with mkdocs-mermaid2's loader and configuration, as in the single site.
        assert "window.mermaidConfig" in national.read_text(encoding="utf-8"), rel


def test_the_national_site_lists_every_sop_and_links_it_in_its_province(split_handbook):
    _, _, _, site = split_handbook
    home = (site / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a href="([a-z0-9-]+/sop/[^"]+\.html)">', home)
    assert len(links) == 45 and all((site / link).is_file() for link in links)
    provinces = {link.split("/")[0] for link in links}
    assert provinces == {"aceh", "sumatera-utara", "banten", "bengkulu", "sulawesi-selatan", "sulawesi-tengah"}
    regulation = (site / "regulasi/perpres-29-2014.html").read_text(encoding="utf-8")
    cited_in = {m for m in re.findall(r'href="\.\./([a-z0-9-]+)/sop/', regulation)}
    assert len(cited_in) >= 2  # one registry, citations from several provinces
    data = json.loads((site / "ekspor/buku-pedoman.json").read_text(encoding="utf-8"))
    assert len(data["sop"]) == 45


def test_every_link_of_the_national_build_resolves(split_handbook):
    _, _, _, site = split_handbook
    # A province's 404 page links from the server root, as MkDocs writes it, for when that
    # province is served on its own; everything else must resolve within the national site.
    problems = [p for p in broken_links(site) if not re.match(r"^[a-z0-9-]+/404\.html:", p)]
    assert problems == []


def test_the_national_job_reads_provinces_built_elsewhere(split_handbook, tmp_path):
    """CI builds each province in its own job; the national job only reads their sites."""
    _, _, out, site = split_handbook
    again = tmp_path / "site"
    for province in (p.name for p in (out / "provinsi").iterdir()):
        mkdocs_build(out / "provinsi" / province, again / province)
    result = mkdocs_build(out, again, SOP_BANGUN_PROVINSI="false")
    assert "Nasional: 45 SOP" in result.stderr
    assert (again / "index.html").read_text(encoding="utf-8") == (site / "index.html").read_text(encoding="utf-8")
