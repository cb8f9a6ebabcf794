"""One PDF per SOP: the form as it prints (identity and boxes on A4 portrait, the flowchart table on
A4 landscape), with the Nomor SOP at the head of every page and "Halaman n dari m".

Made by WeasyPrint (with Debian's Pango) from the same form HTML and the same stylesheet as the site
(docs/assets/stylesheets/sop-bentuk.css), plus the pages of templates/pdf.css. Used by `sop pdf` and
by the build when the `sop` plugin's ``pdf`` setting is on; the core imports WeasyPrint only here,
and only when a PDF is made. No MkDocs.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from markupsafe import Markup

from . import glossary
from .loader import Handbook, SopRecord
from .model import TidakDiketahui
from .render.page import form_view
from .render.templating import render
from .render.text import html_text

FORM_CSS = Path("docs/assets/stylesheets/sop-bentuk.css")  # in the project, as the site serves it


class PdfError(RuntimeError):
    """A PDF could not be made; the message says why, in Indonesian."""


@dataclass(frozen=True)
class Made:
    sop_id: str
    path: Path
    seconds: float
    size: int
    pages: int


def stylesheet(root: Path) -> str:
    own = resources.files("macros").joinpath("templates/pdf.css").read_text(encoding="utf-8")
    form = (root / FORM_CSS).read_text(encoding="utf-8")
    return form + "\n" + own


def document(record: SopRecord, book: Handbook, css: str) -> str:
    """The HTML a PDF is made from."""
    abbr = glossary.Marker(book.istilah_map, html_text)
    return render(
        "html",
        "pdf.html.j2",
        sop=record.data,
        satker=book.satker_map.get(record.satker),
        unknown=TidakDiketahui,
        abbr=abbr,
        form=Markup(form_view(record.data, abbr, links=False)),
        css=Markup(css),  # the project's own stylesheet and the package's: not data
    )


def target(out_dir: Path, sop_id: str) -> Path:
    return out_dir / f"{sop_id}.pdf"


def write(html: str, path: Path) -> int:
    """The PDF of ``html`` at ``path``; returns its page count."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as exc:  # OSError: Pango is missing
        raise PdfError(
            f"WeasyPrint tidak dapat dimuat ({exc}); jalankan `make install` (paket Debian libpango)"
        ) from None
    # The stylesheet is the site's: WeasyPrint names every screen-only or SVG property it skips.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    path.parent.mkdir(parents=True, exist_ok=True)
    rendered = HTML(string=html).render()
    rendered.write_pdf(str(path))
    return len(rendered.pages)


def _one(job: tuple[str, str, str]) -> tuple[str, float, int, int]:
    sop_id, html, path = job
    start = time.perf_counter()
    pages = write(html, Path(path))
    return sop_id, time.perf_counter() - start, Path(path).stat().st_size, pages


def write_all(
    book: Handbook, root: Path, out_dir: Path, ids: Iterable[str] | None = None, workers: int | None = None
) -> list[Made]:
    """A PDF for each SOP (all, or ``ids``), in parallel over ``workers`` processes (default: the CPUs)."""
    css = stylesheet(root)
    chosen = sorted(ids) if ids is not None else sorted(book.sops)
    jobs = [(sop_id, document(book.sops[sop_id], book, css), str(target(out_dir, sop_id))) for sop_id in chosen]
    workers = min(workers or os.cpu_count() or 1, max(len(jobs), 1))
    if workers <= 1 or len(jobs) <= 1:
        done = [_one(job) for job in jobs]
    else:
        with ProcessPoolExecutor(workers) as pool:
            done = list(pool.map(_one, jobs, chunksize=max(1, len(jobs) // (workers * 4))))
    return [Made(sop_id, target(out_dir, sop_id), seconds, size, pages) for sop_id, seconds, size, pages in done]
