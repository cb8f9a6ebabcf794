"""One PDF per SOP (WeasyPrint): `sop pdf`, and the build's ``pdf`` setting with an "Unduh PDF" link."""

from __future__ import annotations

import math
import re
import subprocess
import sys

import pypdf
import pytest
from conftest import ENV, ROOT, SEEDS, build, make_project, page_html

from macros.render import form

IDS = sorted(SEEDS.sops)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    out = tmp_path_factory.mktemp("pdf")
    result = subprocess.run(
        [sys.executable, "-m", "macros", "--root", str(ROOT), "pdf", "--keluar", str(out), "--proses", "2"],
        capture_output=True, text=True, env=ENV, check=False, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(IDS)} PDF di" in result.stdout and "Traceback" not in result.stderr
    assert result.stderr == ""  # WeasyPrint's notes on the site's screen-only CSS are not the maintainer's business
    return out


@pytest.mark.parametrize("sop_id", IDS, ids=IDS)
def test_each_sop_has_a_pdf_of_its_form_with_page_numbers_and_metadata(pdfs, sop_id):
    sop = SEEDS.sops[sop_id].data
    reader = pypdf.PdfReader(pdfs / f"{sop_id}.pdf")
    meta = reader.metadata
    assert meta.title == sop.nama and meta.subject == sop.nomor
    pages = reader.pages
    count = len(pages)
    texts = [squeeze(p.extract_text()) for p in pages]
    for n, text in enumerate(texts, 1):
        assert squeeze(sop.nomor) in text, n  # the Nomor SOP heads every page
        assert f"Halaman{n}dari{count}" in text, n
    # The identity page in portrait, then the form's pages in landscape, as planned.
    assert pages[0].mediabox.width < pages[0].mediabox.height
    assert "DASARHUKUM" in texts[0].upper() and "PENCATATANDANPENDATAAN" in texts[0].upper()
    landscape = [i for i, p in enumerate(pages) if p.mediabox.width > p.mediabox.height]
    planned = form.layout(sop).pages
    assert len(landscape) == len(planned) and landscape == list(range(count - len(planned), count))
    for i, plan in zip(landscape, planned, strict=True):
        for step in sop.langkah:
            if step.no in plan.steps and isinstance(step.kegiatan, str):
                words = squeeze(step.kegiatan)
                assert words[:14] in texts[i] and words[-14:] in texts[i], (i, step.no)
        sizes: list[float] = []

        def visit(text, cm, tm, font, size, sizes=sizes):
            if text.strip():
                sizes.append(size * math.hypot(tm[0], tm[1]) * math.hypot(cm[0], cm[1]))

        pages[i].extract_text(visitor_text=visit)
        assert min(sizes) >= 8.0 - 0.05


def test_sop_pdf_of_one_satker_makes_only_its_pdfs(tmp_path):
    out = tmp_path / "pdf"
    result = subprocess.run(
        [sys.executable, "-m", "macros", "--root", str(ROOT), "pdf", str(ROOT / "sop_data/kpu-kota-palu"), "--keluar", str(out)],
        capture_output=True, text=True, env=ENV, check=False, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.pdf")) == [
        "kpu-kota-palu/penyusunan-laporan-kinerja.pdf"
    ]


@pytest.mark.build
def test_the_build_publishes_the_pdfs_when_asked_and_links_them_from_each_page(tmp_path):
    from test_links import broken_links

    root = make_project(tmp_path / "project")
    site = tmp_path / "site"
    result = build(root, site, SOP_PDF="true")
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    for sop_id in IDS:
        html = page_html(site, f"sop/{sop_id}")
        assert f'href="../../pdf/{sop_id}.pdf"' in html and "Unduh PDF" in html
        assert pypdf.PdfReader(site / "pdf" / f"{sop_id}.pdf").metadata.subject == SEEDS.sops[sop_id].data.nomor
    assert [p for p in broken_links(site) if not p.startswith("404.html")] == []
    # Without the setting (previews, everyday builds) there is neither a PDF nor its link.
    plain = tmp_path / "plain"
    assert build(root, plain).returncode == 0
    assert not (plain / "pdf").exists() and "Unduh PDF" not in page_html(plain, f"sop/{IDS[0]}")
