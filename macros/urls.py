"""Where every page of the handbook lives, named by its MkDocs source path.

Renderers never compute a URL. They name the page they link to by its source
path (``sop/<satker>/<slug>.md``) and an anchor, and ask a ``Link`` to turn
that into an href. The site glue builds the ``Link`` from MkDocs' own ``File``
objects (``File.url_relative_to``), so one setting (``use_directory_urls``,
Material's ``offline`` plugin) changes every URL at once and a link to a page
that does not exist fails the build instead of publishing a 404.
"""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup, escape

# A page's href as seen from the page being rendered: link(source_path, anchor=None) -> href.
Link = Callable[..., str]

HOME = "index.md"
FINDINGS = "pemeriksaan/index.md"
RULES = "pemeriksaan/aturan.md"
REVIEWS = "pemeriksaan/peninjauan.md"
MONEV = "pemeriksaan/monev.md"
REGULASI_INDEX = "regulasi/index.md"
AUDITOR_REPORT = "laporan-auditor.md"
JABATAN_INDEX = "jabatan/index.md"

SOP_DIR = "sop"
SATKER_DIR = "satker"
REGULASI_DIR = "regulasi"
JABATAN_DIR = "jabatan"
EXPORT_DIR = "ekspor"
EXPORT_CSV = f"{EXPORT_DIR}/kutipan-dasar-hukum.csv"
EXPORT_JSON = f"{EXPORT_DIR}/buku-pedoman.json"
EXPORT_SCHEMA = f"{EXPORT_DIR}/buku-pedoman.schema.json"
MONEV_DIR = "monev"

# Names that would collide with a page the handbook makes itself: `index` is a folder's own
# page (`sop/<satker>/index.md` would be published as the folder `sop/<satker>/`).
RESERVED_NAMES = frozenset({"index"})

# Anchors are set explicitly ({: #id } on headings, id="" on rows), never derived from a heading's text.
ANCHOR_FINDINGS = "catatan-pemeriksaan"
ANCHOR_TRANSCRIPTION = "catatan-transkripsi"
ANCHOR_IDENTITY = "identitas-sop"
ANCHOR_SPELLINGS = "ejaan"
ANCHOR_ROLE_STEPS = "langkah-yang-dikerjakan"
ANCHOR_ROLE_MENTIONS = "disebut-dalam-teks"
ANCHOR_ROLE_DECISIONS = "keputusan"
ANCHOR_UNMAPPED = "lajur-tanpa-jabatan"
ANCHOR_TIME = "waktu-penyelesaian"
ANCHOR_PENGESAHAN = "lembar-pengesahan"
ANCHOR_STEPS = "uraian-prosedur"
ANCHOR_GLANCE = "sekilas-prosedur"
ANCHOR_FLOWCHART = "diagram-alir"
ANCHOR_FORM = "bentuk-resmi"
ANCHOR_MONEV = "monitoring-evaluasi"


def sop_page(sop_id: str) -> str:
    return f"{SOP_DIR}/{sop_id}.md"


def source_page(document: str) -> str:
    """The page that shows a source document (``sumber/<file>``): beside the file, never in its place."""
    return f"{document}.md"


def satker_page(satker_id: str) -> str:
    return f"{SATKER_DIR}/{satker_id}.md"


def monev_page(satker_id: str) -> str:
    """A satker's monitoring and evaluation dashboard."""
    return f"{MONEV_DIR}/{satker_id}.md"


def tabel7_page(satker_id: str) -> str:
    """A satker's Tabel 7 Monitoring Pelaksanaan SOP AP, to print and fill in."""
    return f"{MONEV_DIR}/{satker_id}/tabel-7.md"


def evaluation_page(satker_id: str) -> str:
    """A satker's evaluation forms, one per SOP."""
    return f"{MONEV_DIR}/{satker_id}/evaluasi.md"


def evaluation_anchor(sop_id: str) -> str:
    """One SOP's evaluation form on its satker's evaluation page."""
    return "evaluasi-" + sop_id.split("/", 1)[1]


def monev_csv(satker_id: str) -> str:
    return f"{EXPORT_DIR}/monev/{satker_id}.csv"


def regulasi_page(reg_id: str) -> str:
    return f"{REGULASI_DIR}/{reg_id}.md"


def jabatan_page(role_id: str) -> str:
    return f"{JABATAN_DIR}/{role_id}.md"


def step_anchor(no: int) -> str:
    return f"langkah-{no}"


def box_anchor(field: str) -> str:
    """One of the six boxes, e.g. dasar_hukum -> "kotak-dasar-hukum"."""
    return "kotak-" + field.replace("_", "-")


def narrative_anchor(number: int) -> str:
    """The n-th section of an SOP's printed explanation (narasi), counted from 1."""
    return f"penjelasan-{number}"


def diagram_anchor(part: int) -> str:
    return f"diagram-bagian-{part}"


def sop_pdf(sop_id: str) -> str:
    """An SOP's PDF in the site (when the build makes them)."""
    return f"pdf/{sop_id}.pdf"


def form_anchor(page: int) -> str:
    """A page of the official form (bentuk resmi) on the SOP page."""
    return f"bentuk-resmi-{page}"


def search_anchor(anchor: str) -> str:
    """The anchor of an element's search-only copy; the page's script sends a reader on to ``anchor``."""
    return f"cari-{anchor}"


def term_anchor(term_id: str) -> str:
    return f"istilah-{term_id}"


def rule_anchor(code: str) -> str:
    return code.lower()


def href(url: str, anchor: str | None = None) -> Markup:
    """An href ready for an HTML attribute. URLs are made here from ids the models restrict
    (lower-case letters, digits, hyphens), so HTML-escaping them is all they need."""
    return escape(url + (f"#{anchor}" if anchor else ""))


def source_link(src: str, anchor: str | None = None) -> Markup:
    """A ``Link`` that returns the source path itself: for renderer tests and snapshots, where
    no MkDocs site exists. The snapshot then shows exactly which page each link points at."""
    return href(src, anchor)
