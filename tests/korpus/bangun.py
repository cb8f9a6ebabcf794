"""Build the import corpus: each document's .docx, PDF and (for some) scan from its ground truth.

    .venv/bin/python tests/korpus/bangun.py [ID ...]            every document, or the ones named
    .venv/bin/python tests/korpus/bangun.py --akar DIR [ID ...]  documents under DIR instead
    options: --tanpa-pdf (the .docx only), --tanpa-pindaian (no scan), --profil DIR (LibreOffice profile)

For every folder `dokumen/<id>/` holding `kebenaran.yaml` and `tata-letak.yaml` (FORMAT.md) it writes
`dokumen.docx` (python-docx, as an office types an SOP AP form in Word), `dokumen.pdf` (LibreOffice
headless) and, when the layout says `pindaian: true`, `pindaian.pdf` (the PDF's pages as a grey,
noisy, slightly skewed and blurred image-only scan). It then reads the PDF back with pdfplumber and
checks that the step table's rulings are there and that every step's mark (shape, picture, tick,
shading, word) sits in the lane column(s) of the ground truth, and that a table `lanjut_halaman`
breaks onto a second page with its header repeated. A folder whose YAML does not parse or that
lacks a file is skipped with a message; nothing but the three output files is written into a
document folder (work files go to a temporary folder under /tmp).

Rebuilding gives the same .docx bytes (fixed core properties, fixed zip timestamps) and the same
scan; the PDF's creation dates and /ID are fixed too, so it only changes when LibreOffice or the
fonts do.

WHAT IS PRINTED WHERE (FORMAT.md, "What bangun.py prints", says it for every layout option)

Decision branches and jumps. No connectors (arrows) are drawn between symbols. Instead:
  - `label_cabang: lajur` (default): in the first lane cell that holds the step's symbol, under the
    symbol (beside the diamond, where offices type the labels next to the arrows), one paragraph
    (7.5 pt, centred) per branch: "<label> → <ke>", e.g. "Ya → 5" and "Tidak → 2" (the space
    between the arrow and the number is a no-break space U+00A0); a step with `lanjut` (flow not
    simply the next row) gets "→ 7" (several targets: "→ 7, 9").
  - `label_cabang: keterangan`: ONE extra paragraph at the end of the Keterangan cell, after the
    truth's `keterangan` (a paragraph of its own): the branches joined by "; ",
    "Ya: ke langkah 5; Tidak: ke langkah 2", and for `lanjut` "Lanjut ke langkah 7". The
    importer must not take that paragraph into `keterangan`. (No Keterangan column: in the lane.)
  - Nothing is added when the truth's `keterangan` already names every branch label and its
    target number (the office wrote the branches into the Keterangan itself) and there is no
    `lanjut`.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import hashlib
import io
import math
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember"]  # fmt: skip
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
PAPER_MM = {"a4": (210, 297), "f4": (215, 330)}
SYMBOL_NAMES = {"mulai": "Mulai", "proses": "Proses", "keputusan": "Keputusan", "selesai": "Selesai"}
BOXES = [  # the form's order: left, right of each row of the grid
    ("dasar_hukum", "kualifikasi_pelaksana"),
    ("keterkaitan", "peralatan_perlengkapan"),
    ("peringatan", "pencatatan_pendataan"),
]
BOX_LABELS = {
    "dasar_hukum": "Dasar Hukum:",
    "kualifikasi_pelaksana": "Kualifikasi Pelaksana:",
    "keterkaitan": "Keterkaitan:",
    "peralatan_perlengkapan": "Peralatan/Perlengkapan:",
    "peringatan": "Peringatan:",
    "pencatatan_pendataan": "Pencatatan dan Pendataan:",
}
IDENTITY_LABELS = {
    "nomor": "Nomor SOP",
    "pembuatan": "Tanggal Pembuatan",
    "revisi": "Tanggal Revisi",
    "efektif": "Tanggal Efektif",
    "pengesahan": "Tanggal Pengesahan",
    "disahkan_oleh": "Disahkan Oleh",
    "nama": "Nama SOP",
    "jumlah_pelaksana": "Jumlah Pelaksana",
}

# Every layout key with its default (FORMAT.md, tata-letak.yaml). Keys marked "builder" were added
# by bangun.py's author; FORMAT.md lists them too.
DEFAULTS = {
    "identitas": "samping_logo",
    "label_identitas": dict(IDENTITY_LABELS),
    "baris_tanggal_kosong": ["revisi"],
    "tanggal_format": "panjang",
    "kotak": "grid",
    "label_kotak": dict(BOX_LABELS),  # builder
    "daftar": "paragraf",
    "nomor_butir": True,  # builder: false = paragraf and baris_baru items without numbers
    "kotak_kosong": ["peringatan"],
    "isi_kosong": "",  # builder: what an empty box or date row prints ("" or "-")
    "tanda_tangan": "identitas",
    "tempat": None,  # builder: the place in the `blok` signature ("Ditetapkan di <tempat>, ...")
    "kertas": "a4",  # builder: a4 | f4
    "huruf": "Arial",  # builder: the font as typed in Word
    "identitas_tegak": False,  # builder: true = identity and boxes on a portrait page
    "titik_dua_identitas": False,  # builder: true = "Nomor SOP :" (a colon after each identity label)
    "label_nip": "NIP.",  # builder: the label before the NIP ("NIP.", "Nip.", "NIP :")
    "nama_kurung": False,  # builder: true = the signer's name printed "(NAME)"
    "pindaian": False,  # builder: true = also pindaian.pdf
    "tabel_langkah": {
        "judul_no": "No",  # builder
        "judul_kegiatan": "Kegiatan",
        "kolom_no": True,
        "kepala": "dua_baris",
        "label_mutu": {"kelengkapan": "Kelengkapan", "waktu": "Waktu", "output": "Output"},
        "keterangan": "Keterangan",
        "baris_nomor_kolom": False,
        "tanda_lajur": "bentuk",
        "format_bentuk": "drawingml",  # builder: drawingml (Word 2010+, VML fallback) | vml (Word 2003)
        "teks_centang": "√",  # builder
        "label_cabang": "lajur",  # builder: lajur | keterangan
        "label_waktu_total": "Jumlah Waktu",  # builder
        "label_pelaksana": "Pelaksana",  # builder: the cell spanning the lanes (dua_baris)
        "label_mutu_baku": "Mutu Baku",  # builder: the cell spanning Kelengkapan/Waktu/Output
        "langkah_bersama": "terpisah",  # builder: terpisah | membentang
        "lanjut_sesudah": None,  # builder: the step after which the table breaks (lanjut_halaman)
        "lanjut_halaman": False,
        "catatan": "",
    },
}
CHOICES = {
    "identitas": {"samping_logo", "atas", "kanan_satu_tabel"},
    "tanggal_format": {"panjang", "angka", "garis_miring", "panjang_hari"},
    "kotak": {"grid", "baris", "satu_kolom"},
    "daftar": {"paragraf", "baris_baru", "strip", "nomor", "bullet"},
    "tanda_tangan": {"identitas", "blok"},
    "kertas": set(PAPER_MM),
    "kepala": {"dua_baris", "satu_baris"},
    "tanda_lajur": {"bentuk", "gambar", "centang", "arsir", "teks"},
    "format_bentuk": {"drawingml", "vml"},
    "label_cabang": {"lajur", "keterangan"},
    "langkah_bersama": {"terpisah", "membentang"},
}


class _Loader(yaml.SafeLoader):
    """YAML 1.2 booleans: `no: 1` is the key "no", not False (PyYAML's safe_load reads YAML 1.1)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


class Skip(Exception):
    """A document folder that cannot be built (yet): half-written by its author."""


# --- Loading ------------------------------------------------------------------------------------


def _merge(default, given, where, warnings):
    if not isinstance(default, dict):
        return given
    if given is None:
        return copy.deepcopy(default)
    if not isinstance(given, dict):
        raise Skip(f"tata-letak.yaml: {where or 'top level'} is not a mapping")
    out = copy.deepcopy(default)
    for key, value in given.items():
        if key not in default:
            warnings.append(f"tata-letak.yaml: unknown key {where}{key}")
            out[key] = value
        else:
            out[key] = _merge(default[key], value, f"{where}{key}.", warnings)
    return out


def _date(value):
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _validate(truth: dict, warnings: list[str]) -> None:
    """The truth against the project's models, when they load; a mismatch is a warning."""
    sys.path.insert(0, str(ROOT))
    try:
        from macros.model import Satker, Sop
    except Exception as e:  # noqa: BLE001 - the builder must work without the models
        warnings.append(f"models not loaded ({e}); truth not validated")
        return
    record = {k: v for k, v in truth.items() if k not in ("satker", "regulasi_baru")}
    try:
        Sop.model_validate(record)
    except Exception as e:  # noqa: BLE001
        # FORMAT.md: the signer gains pangkat and nip; a model that lacks them is not the truth's fault
        errors = [
            err for err in getattr(e, "errors", lambda: [])()
            if not (err.get("type") == "extra_forbidden" and err["loc"][-1] in ("pangkat", "nip"))
        ]  # fmt: skip
        if errors or not hasattr(e, "errors"):
            first = [f"{'.'.join(map(str, err['loc']))}: {err['msg']}" for err in errors] or [str(e).splitlines()[0]]
            warnings.append(f"kebenaran.yaml does not validate as Sop: {'; '.join(first[:3])}")
    if isinstance(truth.get("satker"), dict):
        try:
            Satker.model_validate({k: v for k, v in truth["satker"].items() if k != "id"})
        except Exception as e:  # noqa: BLE001
            warnings.append(f"kebenaran.yaml satker does not validate: {str(e).splitlines()[0]}")


@dataclass
class Doc:
    id: str
    folder: Path
    truth: dict
    layout: dict
    warnings: list[str] = field(default_factory=list)


def load(folder: Path) -> Doc:
    paths = [folder / "kebenaran.yaml", folder / "tata-letak.yaml"]
    for p in paths:
        if not p.is_file():
            raise Skip(f"{p.name} missing")
    try:
        truth = yaml.load(paths[0].read_text(encoding="utf-8"), Loader=_Loader)
        layout = yaml.load(paths[1].read_text(encoding="utf-8"), Loader=_Loader) or {}
    except yaml.YAMLError as e:
        raise Skip(f"YAML does not parse: {str(e).splitlines()[0]}") from None
    if not isinstance(truth, dict):
        raise Skip("kebenaran.yaml is not a mapping")
    for key in ("nomor", "nama", "pelaksana", "langkah"):
        if not truth.get(key):
            raise Skip(f"kebenaran.yaml lacks {key}")
    warnings: list[str] = []
    given = layout if isinstance(layout, dict) else {}
    layout = _merge(DEFAULTS, layout, "", warnings)
    layout["_given"] = set(given)
    for key, allowed in CHOICES.items():
        value = layout["tabel_langkah"][key] if key in DEFAULTS["tabel_langkah"] else layout[key]
        if value not in allowed:
            raise Skip(f"tata-letak.yaml: {key}: {value!r} is not one of {sorted(allowed)}")
    lanes = {lane["id"] for lane in truth["pelaksana"]}
    for step in truth["langkah"]:
        for key in ("no", "kegiatan", "pelaksana"):
            if key not in step:
                raise Skip(f"kebenaran.yaml: a step lacks {key}")
        if unknown := set(step["pelaksana"]) - lanes:
            raise Skip(f"kebenaran.yaml: step {step['no']} names unknown lanes {sorted(unknown)}")
    _validate(truth, warnings)
    return Doc(folder.name, folder, truth, layout, warnings)


# --- Texts --------------------------------------------------------------------------------------


def tanggal(value, fmt: str) -> str:
    d = _date(value)
    if fmt == "angka":
        return f"{d.day:02d}-{d.month:02d}-{d.year}"
    if fmt == "garis_miring":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    long = f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    return f"{DAYS[d.weekday()]}, {long}" if fmt == "panjang_hari" else long


def teks(value, doc: Doc, where: str) -> str:
    """A printed value; an unknown one (never in a corpus truth) prints nothing."""
    if value is None:
        return ""
    if isinstance(value, dict):
        doc.warnings.append(f"{where}: tidak_diketahui in a ground truth; printed empty")
        return ""
    return str(value)


def items_of(truth: dict, key: str) -> list[str]:
    return [i["teks"] if isinstance(i, dict) else str(i) for i in truth.get(key) or []]


def branch_lines(step: dict, where: str) -> list[str]:
    """The printed branch labels and jumps: in a lane cell "Ya → 5", "→ 7"; in the Keterangan
    cell "Ya: ke langkah 5", "Lanjut ke langkah 7"."""
    targets = ", ".join(str(n) for n in step.get("lanjut") or [])
    if where == "lajur":
        # a no-break space keeps the number with its arrow in a narrow lane
        lines = [f"{c['label']} →\u00a0{c['ke']}" for c in step.get("cabang") or []]
        return lines + ([f"→\u00a0{targets}"] if targets else [])
    lines = [f"{c['label']}: ke langkah {c['ke']}" for c in step.get("cabang") or []]
    return lines + ([f"Lanjut ke langkah {targets}"] if targets else [])


def branches_in_keterangan(step: dict) -> bool:
    """The office wrote the branches into the Keterangan itself (every label and target in it)."""
    ket = (step.get("keterangan") or "").casefold()
    cabang = step.get("cabang") or []
    return (
        bool(cabang)
        and all(
            re.search(rf"(?<!\w){re.escape(c['label'].casefold())}(?!\w)", ket)
            and re.search(rf"(?<!\d){c['ke']}(?!\d)", ket)
            for c in cabang
        )
        and not step.get("lanjut")
    )


# --- Pictures (Pillow) --------------------------------------------------------------------------


def logo_png(seed: str) -> bytes:
    """An office emblem: a shield with a star, a ring and a band; colours chosen by the satker."""
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    palettes = [("#B22222", "#DAA520"), ("#1F4E9A", "#E8B923"), ("#1B7A3A", "#F2C230"), ("#7A1F5C", "#D9A441")]
    main, gold = palettes[rng.randrange(len(palettes))]
    s = 4  # drawn large, then reduced: smooth edges
    w, h = 200 * s, 232 * s
    im = Image.new("RGB", (w, h), "white")
    d = ImageDraw.Draw(im)
    shield = [(10 * s, 10 * s), (190 * s, 10 * s), (190 * s, 120 * s), (100 * s, 222 * s), (10 * s, 120 * s)]
    d.polygon(shield, fill=gold)
    inner = [(22 * s, 22 * s), (178 * s, 22 * s), (178 * s, 116 * s), (100 * s, 204 * s), (22 * s, 116 * s)]
    d.polygon(inner, fill=main)
    cx, cy, r = 100 * s, 92 * s, 52 * s
    d.ellipse([cx - r, cy - r, cx + r, cy + r], outline=gold, width=7 * s)
    points = []
    for k in range(10):
        a = -math.pi / 2 + k * math.pi / 5
        rr = 34 * s if k % 2 == 0 else 14 * s
        points.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    d.polygon(points, fill=gold)
    d.rectangle([40 * s, 156 * s, 160 * s, 166 * s], fill=gold)
    for k in range(rng.randint(3, 6)):  # the rice and cotton leaves, schematically
        x = 54 * s + k * 18 * s
        d.ellipse([x, 172 * s, x + 10 * s, 184 * s], fill="white")
    im = im.resize((200, 232), Image.LANCZOS)
    out = io.BytesIO()
    im.save(out, "PNG", optimize=True)
    return out.getvalue()


def symbol_png(kind: str, span: bool = False) -> bytes:
    """The flowchart symbol as a small picture (black outline on white), as offices paste it."""
    from PIL import Image, ImageDraw

    s = 4
    w, h = (400 if span else 160) * s, (100 if kind == "keputusan" else 70) * s
    im = Image.new("RGB", (w, h), "white")
    d = ImageDraw.Draw(im)
    m, lw = 6 * s, 5 * s
    if kind in ("mulai", "selesai"):
        d.rounded_rectangle([m, m, w - m, h - m], radius=(h - 2 * m) // 2, outline="black", width=lw)
    elif kind == "keputusan":
        d.polygon([(w // 2, m), (w - m, h // 2), (w // 2, h - m), (m, h // 2)], outline="black", width=lw)
    else:
        d.rectangle([m, m, w - m, h - m], outline="black", width=lw)
    im = im.resize((w // s, h // s), Image.LANCZOS)
    out = io.BytesIO()
    im.save(out, "PNG", optimize=True)
    return out.getvalue()


# --- Word shapes (raw OOXML) --------------------------------------------------------------------

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
)
EMU_PER_PT = 12700
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
# Word rejects a file whose properties are out of the schema's order: what must follow w:shd in a
# cell's properties and w:pBdr in a paragraph's
TCPR_AFTER_SHD = ("noWrap", "tcMar", "textDirection", "tcFitText", "vAlign", "hideMark", "headers", "cellIns",
                  "cellDel", "cellMerge", "tcPrChange")  # fmt: skip
PPR_AFTER_PBDR = ("shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct", "topLinePunct",
                  "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
                  "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment",
                  "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")  # fmt: skip
PRESET = {"mulai": "flowChartTerminator", "selesai": "flowChartTerminator", "proses": "flowChartProcess",
          "keputusan": "flowChartDecision"}  # fmt: skip


def symbol_size(kind: str, lane_pt: float, span: bool = False) -> tuple[float, float]:
    """Width and height (pt) of a symbol in a lane `lane_pt` wide; across merged lanes (span) the
    symbol is drawn wide (80 % of the cell) and as tall as a single one."""
    if span:
        return round(0.8 * lane_pt, 1), {"keputusan": 28.0, "proses": 19.0}.get(kind, 19.0)
    w = min(46.0, 0.72 * lane_pt)
    return w, round(w * (0.62 if kind == "keputusan" else 0.42), 1)


def _vml(kind: str, w: float, h: float, style_extra: str) -> str:
    style = f"{style_extra}width:{w}pt;height:{h}pt"
    common = f'style="{style}" fillcolor="white" strokecolor="black" strokeweight="1pt"'
    if kind in ("mulai", "selesai"):
        return f'<v:roundrect {common} arcsize="50%"/>'
    if kind == "keputusan":
        return f'<v:shape {common} coordsize="21600,21600" path="m10800,l,10800,10800,21600,21600,10800xe"/>'
    return f"<v:rect {common}/>"


def shape_run(kind: str, lane_pt: float, shape_id: int, fmt: str, span: bool = False):
    """A run holding the step's symbol as a Word shape.

    drawingml: what Word 2010+ saves for a shape drawn in a table cell: mc:AlternateContent, the
    choice a wps:wsp (preset flowChartTerminator/Process/Decision) floating in the cell
    (wp:anchor, layoutInCell, centred on the column, wrapped top and bottom), the fallback the same
    shape in VML. vml: what Word 2003 saves: an inline VML shape in w:pict (v:roundrect arcsize 50%,
    v:rect, or v:shape with a diamond path).
    """
    from docx.oxml import parse_xml

    w, h = symbol_size(kind, lane_pt, span)
    if fmt == "vml":
        return parse_xml(f"<w:r {NS}><w:pict>{_vml(kind, w, h, '')}</w:pict></w:r>")
    cx, cy = int(w * EMU_PER_PT), int(h * EMU_PER_PT)
    name = {"mulai": "Terminator", "selesai": "Terminator", "proses": "Proses", "keputusan": "Keputusan"}[kind]
    wsp = (
        f'<wps:wsp><wps:cNvSpPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        f'<a:prstGeom prst="{PRESET[kind]}"><a:avLst/></a:prstGeom>'
        '<a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>'
        '<a:ln w="12700"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></wps:spPr>'
        '<wps:bodyPr rot="0" vert="horz" anchor="ctr"/></wps:wsp>'
    )
    anchor = (
        '<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" '
        f'relativeHeight="{251658240 + shape_id}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:align>center</wp:align></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>'
        f'<wp:docPr id="{shape_id}" name="{name} {shape_id}"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f"{wsp}</a:graphicData></a:graphic></wp:anchor>"
    )
    fallback = _vml(
        kind, w, h,
        "position:absolute;margin-left:0;margin-top:0;mso-position-horizontal:center;"
        "mso-position-horizontal-relative:text;mso-position-vertical-relative:line;",
    )  # fmt: skip
    return parse_xml(
        f'<w:r {NS}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>{anchor}</w:drawing></mc:Choice>'
        f"<mc:Fallback><w:pict>{fallback}</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )


# --- The .docx ----------------------------------------------------------------------------------


def mm_to_pt(mm: float) -> float:
    return mm * 72 / 25.4


_FONTS: dict = {}


def text_width(text: str, family: str, size: float, bold=False) -> float:
    """Width in pt of `text` in the font LibreOffice will use for `family` (fontconfig's match)."""
    key = (family, bold)
    if key not in _FONTS:
        _FONTS[key] = None
        try:
            from PIL import ImageFont

            path = subprocess.run(["fc-match", f"{family}:bold" if bold else family, "file"], capture_output=True,
                                  text=True, timeout=10).stdout.strip().removeprefix(":file=")  # fmt: skip
            _FONTS[key] = ImageFont.truetype(path, 100)
        except Exception:  # noqa: BLE001 - no fontconfig or Pillow: estimate
            pass
    font = _FONTS[key]
    return font.getlength(text) * size / 100 if font else len(text) * size * 0.62


class Builder:
    """One document's .docx. `plan` records what the checks of the PDF need to know."""

    def __init__(self, doc: Doc, row_heights: dict[int, float] | None = None, compact: bool = False):
        import docx

        self.d = doc
        self.t = doc.truth
        self.L = doc.layout
        self.T = doc.layout["tabel_langkah"]
        self.row_heights = row_heights or {}  # step index -> minimum row height (pt)
        # compact: the identity block and boxes did not fit one page: 10 pt text, 9 pt box items
        self.compact = compact
        self.box_size = 9 if compact else 10
        self.doc = docx.Document()
        self.shape_id = 1000
        self.plan: dict = {}
        self._styles()

    # basic pieces

    def _styles(self):
        from docx.oxml.ns import qn
        from docx.shared import Pt

        for name in ("Normal", "List Number", "List Bullet"):
            style = self.doc.styles[name]
            style.font.name = self.L["huruf"]
            rfonts = style.element.get_or_add_rPr().get_or_add_rFonts()
            for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
                rfonts.set(qn(attr), self.L["huruf"])
        normal = self.doc.styles["Normal"]
        normal.font.size = Pt(10 if self.compact else 11)
        pf = normal.paragraph_format
        pf.space_after, pf.space_before, pf.line_spacing = Pt(0), Pt(0), 1.0

    def para(self, where, text="", *, bold=False, underline=False, size=None, align=None, style=None):
        """A paragraph at the end of the document or of a cell (a cell's first, empty one reused)."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml.ns import qn

        first = where.paragraphs[0] if hasattr(where, "_tc") and len(where.paragraphs) == 1 else None
        if first is not None and first._p.find(qn("w:r")) is None and first._p.pPr is None:
            p = first  # a new cell's own empty paragraph
        else:
            p = where.add_paragraph()
        if where is self.doc:
            self.fresh_section = False
        if style:
            p.style = self.doc.styles[style]
        if text:
            self.run(p, text, bold=bold, underline=underline, size=size)
        if align:
            p.alignment = {"c": WD_ALIGN_PARAGRAPH.CENTER, "j": WD_ALIGN_PARAGRAPH.JUSTIFY,
                           "r": WD_ALIGN_PARAGRAPH.RIGHT}[align]  # fmt: skip
        return p

    def run(self, p, text, *, bold=False, underline=False, size=None):
        from docx.shared import Pt

        r = p.add_run(text)
        if bold:
            r.bold = True
        if underline:
            r.underline = True
        if size:
            r.font.size = Pt(size)
        return r

    def table(self, rows, widths_mm, grid=True):
        from docx.shared import Mm

        if getattr(self, "fresh_section", False):
            self.gap(4)
        table = self.doc.add_table(rows=rows, cols=len(widths_mm))
        if grid:
            table.style = self.doc.styles["Table Grid"]
        table.autofit = False
        for j, wmm in enumerate(widths_mm):
            table.columns[j].width = Mm(wmm)
            for cell in table.columns[j].cells:
                cell.width = Mm(wmm)
        return table

    def gap(self, size=6):
        from docx.shared import Pt

        self.fresh_section = False
        p = self.doc.add_paragraph()
        p.paragraph_format.space_after = Pt(0)
        self.run(p, "", size=size)
        r = p.runs[0]
        r.font.size = Pt(size)
        return p

    @staticmethod
    def shade(cell, fill):
        from docx.oxml import parse_xml

        tcPr = cell._tc.get_or_add_tcPr()
        shd = parse_xml(f'<w:shd {W_NS} w:val="clear" w:color="auto" w:fill="{fill}"/>')
        # the schema's order: w:shd before noWrap, tcMar, textDirection, tcFitText, vAlign, hideMark
        tcPr.insert_element_before(shd, *(f"w:{t}" for t in TCPR_AFTER_SHD))

    @staticmethod
    def valign(cell, where="center"):
        from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT as V

        cell.vertical_alignment = {"center": V.CENTER, "top": V.TOP}[where]

    def page(self, landscape: bool, first=False):
        from docx.enum.section import WD_ORIENT, WD_SECTION
        from docx.shared import Mm

        section = self.doc.sections[0] if first else self.doc.add_section(WD_SECTION.NEW_PAGE)
        # LibreOffice drops a "next page" section break when the new section opens with a table,
        # so a section never does: table() puts an empty paragraph first (Word documents have one).
        self.fresh_section = not first
        short, long = PAPER_MM[self.L["kertas"]]
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = (Mm(long), Mm(short)) if landscape else (Mm(short), Mm(long))
        section.left_margin = section.right_margin = Mm(20)
        section.top_margin = section.bottom_margin = Mm(18 if landscape else 20)
        section.header_distance = section.footer_distance = Mm(10)
        self.width_mm = (long if landscape else short) - 40
        self.height_mm = (short if landscape else long) - (36 if landscape else 40)
        self.page_bottom_pt = mm_to_pt((short if landscape else long) - (18 if landscape else 20))
        return section

    # lists

    def _new_numbering(self) -> int:
        numbering = self.doc.part.numbering_part.element
        style_num = self.doc.styles["List Number"].element.pPr.numPr.numId.val
        abstract = numbering.num_having_numId(style_num).abstractNumId.val
        num = numbering.add_num(abstract)
        num.add_lvlOverride(ilvl=0).add_startOverride(1)
        return num.numId

    def write_list(self, where, items: list[str], size=None):
        """A box's items in the layout's `daftar` style; numbers only for two or more items (and
        with `nomor_butir: false` none in paragraf and baris_baru)."""
        mode = self.L["daftar"]
        size = size or self.box_size
        if not items:
            if self.L["isi_kosong"]:
                self.para(where, self.L["isi_kosong"], size=size)
            else:
                self.para(where, "", size=size)
            return
        many = len(items) > 1
        numbered = many and (self.L["nomor_butir"] or mode == "nomor")
        if mode == "paragraf":
            num = self._new_numbering() if numbered else None
            for item in items:
                p = self.para(where, item, size=size, style="List Number" if numbered else None)
                if numbered:
                    numPr = p._p.get_or_add_pPr().get_or_add_numPr()
                    numPr.get_or_add_ilvl().val = 0
                    numPr.get_or_add_numId().val = num
        elif mode == "bullet":
            for item in items:
                self.para(where, item, size=size, style="List Bullet")
        elif mode == "nomor":
            self.para(where, " ".join(f"{i}. {t}" for i, t in enumerate(items, 1)) if numbered else items[0], size=size)
        else:  # baris_baru, strip: one paragraph, a line break between items
            p = self.para(where, size=size)
            for i, item in enumerate(items, 1):
                label = f"- {item}" if mode == "strip" else (f"{i}. {item}" if numbered else item)
                r = self.run(p, label, size=size)
                if i < len(items):
                    r.add_break()

    # the parts of the form

    def build(self):
        t, L = self.t, self.L
        landscape_id = not L["identitas_tegak"]
        sheet = t.get("lembar_pengesahan") and not self.sheet_is_block()
        if t.get("judul_dokumen") or sheet:
            self.page(False, first=True)
            if t.get("judul_dokumen"):
                self.cover()
            if sheet:
                if t.get("judul_dokumen"):
                    self.doc.add_page_break()
                self.approval_sheet()
            self.page(landscape_id)
        else:
            self.page(landscape_id, first=True)
        self.identity()
        self.page(True)
        self.steps()
        if t.get("narasi"):
            self.page(False)
            for part in t["narasi"]:
                self.narrative(part, 0)
        self.properties()
        return self.doc

    def kop_lines(self) -> list[str]:
        satker = self.t.get("satker") or {}
        lines = list(self.t.get("kop") or []) or ([satker["nama_lengkap"]] if satker.get("nama_lengkap") else [])
        unit = self.t.get("unit")
        if unit and not any(unit.casefold() in line.casefold() for line in lines):
            lines.append(unit)
        return lines

    def logo(self, p, width_mm=20):
        from docx.shared import Mm

        seed = (self.t.get("satker") or {}).get("id") or self.d.id
        p.add_run().add_picture(io.BytesIO(logo_png(seed)), width=Mm(width_mm))

    def kop_into(self, where, size=None):
        size = size or (11 if self.compact else 12)
        p = self.para(where, align="c")
        self.logo(p, 18 if size >= 12 else 16)
        for line in self.kop_lines():
            self.para(where, line, bold=True, size=size, align="c")
        alamat = (self.t.get("satker") or {}).get("alamat")
        if alamat:
            self.para(where, alamat, size=8, align="c")

    def identity_rows(self) -> list[tuple[str, object]]:
        """(label, value) rows; a value is a str or 'signer'."""
        t, L = self.t, self.L
        labels = L["label_identitas"]
        rows = [(labels.get("nomor", IDENTITY_LABELS["nomor"]), t["nomor"])]
        printed = t.get("baris_tanggal") or ["pembuatan", "revisi", "efektif"]
        dates = t.get("tanggal") or {}
        held = [k for k in ("pembuatan", "revisi", "efektif", "pengesahan") if dates.get(k) and k not in printed]
        for key in [*printed, *held]:
            value = dates.get(key)
            if key in L["baris_tanggal_kosong"] and value and "baris_tanggal_kosong" in L["_given"]:
                self.d.warnings.append(f"baris_tanggal_kosong lists {key} but the truth has a date: printed")
            rows.append(
                (
                    labels.get(key, IDENTITY_LABELS[key]),
                    tanggal(value, L["tanggal_format"]) if value else L["isi_kosong"],
                )
            )
        rows.append((labels.get("disahkan_oleh", IDENTITY_LABELS["disahkan_oleh"]), "signer"))
        rows.append((labels.get("nama", IDENTITY_LABELS["nama"]), t["nama"]))
        if t.get("jumlah_pelaksana"):
            rows.append((labels.get("jumlah_pelaksana", IDENTITY_LABELS["jumlah_pelaksana"]), t["jumlah_pelaksana"]))
        if L["titik_dua_identitas"]:
            rows = [(f"{label} :", value) for label, value in rows]
        return rows

    def signer_into(self, cell):
        signer = self.t.get("disahkan_oleh") or {}
        if not signer:
            self.para(cell, self.L["isi_kosong"])
            return
        self.para(cell, signer["jabatan"])
        if self.L["tanda_tangan"] == "blok":
            return  # the block after the step table carries the name
        if signer.get("nama"):
            self.para(cell)
            self.para(cell)
            self.para(cell, self.signer_name(signer), bold=True, underline=True)
        if signer.get("pangkat"):
            self.para(cell, signer["pangkat"])
        if signer.get("nip"):
            self.para(cell, f"{self.L['label_nip']} {signer['nip']}")

    def signer_name(self, signer) -> str:
        name = teks(signer["nama"], self.d, "disahkan_oleh.nama")
        return f"({name})" if self.L["nama_kurung"] else name

    def sheet_is_block(self) -> bool:
        """A lembar_pengesahan with no title and no provisions is the signature block after the
        step table (tanda_tangan: blok), not a sheet of its own."""
        sheet = self.t.get("lembar_pengesahan") or {}
        return (
            bool(sheet) and self.L["tanda_tangan"] == "blok" and not sheet.get("judul") and not sheet.get("ketentuan")
        )

    def identity_value(self, cell, value, nama=False):
        if value == "signer":
            self.signer_into(cell)
        else:
            self.para(cell, value, bold=nama)
        self.valign(cell)

    def identity(self):
        mode = self.L["identitas"]
        W = self.width_mm
        rows = self.identity_rows()
        nama_label = rows[-2][0] if self.t.get("jumlah_pelaksana") else rows[-1][0]
        if mode == "atas":
            self.kop_into(self.doc)
            self.doc.paragraphs[-1].paragraph_format.space_after = 0
            self.rule_below(self.doc.paragraphs[-1])
            self.gap(8)
            table = self.table(len(rows), [W * 0.3, W * 0.7])
            for i, (label, value) in enumerate(rows):
                self.para(table.cell(i, 0), label)
                self.valign(table.cell(i, 0))
                self.identity_value(table.cell(i, 1), value, nama=label == nama_label)
            self.gap()
            self.boxes()
            return
        left = W * 0.46
        widths = [left, W * 0.18, W - left - W * 0.18]
        n_box_rows = 0
        if mode == "kanan_satu_tabel" and self.L["kotak"] != "satu_kolom":
            n_box_rows = 6 if self.L["kotak"] == "grid" else 12
        table = self.table(len(rows) + n_box_rows, widths)
        kop = table.cell(0, 0).merge(table.cell(len(rows) - 1, 0))
        self.kop_into(kop)
        self.valign(kop)
        for i, (label, value) in enumerate(rows):
            self.para(table.cell(i, 1), label)
            self.valign(table.cell(i, 1))
            self.identity_value(table.cell(i, 2), value, nama=label == nama_label)
        if n_box_rows:
            self.boxes_in(table, len(rows), halves=[(0, 0), (1, 2)], full=(0, 2))
        else:
            self.gap()
            self.boxes()

    def rule_below(self, p):
        from docx.oxml import parse_xml

        border = parse_xml(
            f'<w:pBdr {W_NS}><w:bottom w:val="thickThinSmallGap" w:sz="18" w:space="4" w:color="000000"/></w:pBdr>'
        )
        p._p.get_or_add_pPr().insert_element_before(border, *(f"w:{t}" for t in PPR_AFTER_PBDR))

    def box_items(self, key) -> list[str]:
        items = items_of(self.t, key)
        if key in self.L["kotak_kosong"] and items and "kotak_kosong" in self.L["_given"]:
            self.d.warnings.append(f"kotak_kosong lists {key} but the truth has items: printed")
        return items

    def boxes_in(self, table, first_row, halves, full):
        """The six boxes as rows of `table` from `first_row`: grid (two halves) or baris (full width)."""
        labels = self.L["label_kotak"]

        def span(row, a, b):
            return table.cell(row, a) if a == b else table.cell(row, a).merge(table.cell(row, b))

        r = first_row
        if self.L["kotak"] == "grid":
            for pair in BOXES:
                for key, (a, b) in zip(pair, halves, strict=True):
                    head, body = span(r, a, b), span(r + 1, a, b)
                    self.para(head, labels.get(key, BOX_LABELS[key]), bold=True)
                    self.write_list(body, self.box_items(key))
                r += 2
        else:
            for pair in BOXES:
                for key in pair:
                    head, body = span(r, *full), span(r + 1, *full)
                    self.para(head, labels.get(key, BOX_LABELS[key]), bold=True)
                    self.write_list(body, self.box_items(key))
                    r += 2

    def boxes(self):
        W = self.width_mm
        if self.L["kotak"] == "grid":
            table = self.table(6, [W / 2, W / 2])
            self.boxes_in(table, 0, halves=[(0, 0), (1, 1)], full=(0, 1))
        elif self.L["kotak"] == "baris":
            table = self.table(12, [W])
            self.boxes_in(table, 0, halves=[(0, 0), (0, 0)], full=(0, 0))
        else:
            labels = self.L["label_kotak"]
            for pair in BOXES:
                for key in pair:
                    p = self.para(self.doc, labels.get(key, BOX_LABELS[key]), bold=True)
                    from docx.shared import Pt

                    p.paragraph_format.space_before = Pt(2 if self.compact else 6)
                    self.write_list(self.doc, self.box_items(key), size=self.box_size + 1)

    # the step table

    def columns(self) -> list[tuple[str, float]]:
        """(key, width mm) of the step table's columns. A lane is as wide as its longest word in
        bold 8 pt (so lane names do not break inside a word), at least 18-26 mm by the number of
        lanes, at most 34 mm; Kegiatan takes the rest (at least 50 mm, else everything but No
        narrows)."""
        T, lanes = self.T, self.t["pelaksana"]
        base = 26 if len(lanes) <= 3 else 22 if len(lanes) <= 5 else 18
        cols = []
        if T["kolom_no"]:
            cols.append(("no", 10.0))
        cols.append(("kegiatan", 0.0))
        for lane in lanes:
            longest = max((text_width(w, self.L["huruf"], 8, bold=True) for w in lane["nama"].split()), default=0)
            need = (longest + 12.5) * 25.4 / 72  # + the cell's left and right margins
            cols.append((f"lajur:{lane['id']}", float(min(34.0, max(base, math.ceil(need))))))
        cols += [("kelengkapan", 32.0), ("waktu", 20.0), ("output", 30.0)]
        if T["keterangan"]:
            cols.append(("keterangan", 28.0))
        no = 10.0 if T["kolom_no"] else 0.0
        mutu = ("kelengkapan", "waktu", "output", "keterangan")
        room = self.width_mm - sum(w for _, w in cols)
        if room < 50:  # first the Mutu Baku and Keterangan columns give up to a quarter
            give = sum(w for k, w in cols if k in mutu)
            scale = max(0.75, 1 - (50 - room) / give)
            labels = {**T["label_mutu"], "keterangan": T["keterangan"] or ""}

            def least(k):  # the header's longest word still fits
                words = labels[k].replace("/", "/ ").split() or [""]
                return (max(text_width(w, self.L["huruf"], 9, bold=True) for w in words) + 12.5) * 25.4 / 72

            cols = [(k, max(w * scale, min(w, least(k))) if k in mutu else w) for k, w in cols]
            room = self.width_mm - sum(w for _, w in cols)
        if room < 45:  # then everything but No, Kegiatan keeping 45 mm
            rest = sum(w for _, w in cols) - no
            scale = (self.width_mm - 45 - no) / rest
            cols = [(k, w if k == "no" else w * scale) for k, w in cols]
            room = 45.0
        self.lane_font = 8.0
        for lane in lanes:
            width = dict(cols)[f"lajur:{lane['id']}"]
            longest = max((text_width(w, self.L["huruf"], 8, bold=True) for w in lane["nama"].split()), default=0)
            if (longest + 12.5) * 25.4 / 72 > width:
                self.lane_font = 7.0  # lane names shrunk further, as offices do
        return [(k, room if k == "kegiatan" else round(w, 2)) for k, w in cols]

    def steps(self):
        from docx.oxml import OxmlElement
        from docx.shared import Pt

        t, T = self.t, self.T
        size = 8 if len(t["pelaksana"]) >= 6 else 9  # many lanes: the table in 8 pt
        if t.get("judul_tabel"):
            p = self.para(self.doc, t["judul_tabel"], bold=True)
            p.paragraph_format.space_after = Pt(6)
        cols = self.columns()
        keys = [k for k, _ in cols]
        self.col_mm = [w for _, w in cols]
        lanes = t["pelaksana"]
        lane_cols = [keys.index(f"lajur:{lane['id']}") for lane in lanes]
        mutu_cols = [keys.index(k) for k in ("kelengkapan", "waktu", "output")]
        head_rows = 2 if T["kepala"] == "dua_baris" else 1
        head_rows_all = head_rows + (1 if T["baris_nomor_kolom"] else 0)
        total_row = 1 if t.get("waktu_total_tercetak") else 0
        table = self.table(head_rows_all + len(t["langkah"]) + total_row, [w for _, w in cols])
        label = {"no": T["judul_no"], "kegiatan": T["judul_kegiatan"], "keterangan": T["keterangan"] or "",
                 **T["label_mutu"]}  # fmt: skip
        lane_names = {f"lajur:{lane['id']}": lane["nama"] for lane in lanes}
        narrow = min(cols[j][1] for j in lane_cols) < 26  # lane names in 8 pt, as offices shrink them to fit

        def head(cell, text, small=False):
            self.para(cell, text, bold=True, size=self.lane_font if small else size, align="c")
            self.valign(cell)

        if head_rows == 2:
            for j, key in enumerate(keys):
                if key in ("no", "kegiatan", "keterangan"):
                    head(table.cell(0, j).merge(table.cell(1, j)), label[key])
            head(table.cell(0, lane_cols[0]).merge(table.cell(0, lane_cols[-1])), T["label_pelaksana"])
            head(table.cell(0, mutu_cols[0]).merge(table.cell(0, mutu_cols[-1])), T["label_mutu_baku"])
            for j, key in enumerate(keys):
                if key in lane_names:
                    head(table.cell(1, j), lane_names[key], small=narrow)
                elif key in ("kelengkapan", "waktu", "output"):
                    head(table.cell(1, j), label[key])
        else:
            for j, key in enumerate(keys):
                head(table.cell(0, j), lane_names.get(key) or label[key], small=narrow and key in lane_names)
        if T["baris_nomor_kolom"]:
            numbers = T["baris_nomor_kolom"]
            if not isinstance(numbers, list):
                numbers = list(range(1, len(keys) + 1))
            elif len(numbers) != len(keys):
                self.d.warnings.append(f"baris_nomor_kolom lists {len(numbers)} numbers for {len(keys)} columns")
            for j in range(len(keys)):
                self.para(table.cell(head_rows, j), str(numbers[j]) if j < len(numbers) else "", size=7, align="c")
        for i in range(head_rows_all):
            trPr = table.rows[i]._tr.get_or_add_trPr()
            if T["lanjut_halaman"]:
                trPr.append(OxmlElement("w:tblHeader"))
            trPr.append(OxmlElement("w:cantSplit"))

        lane_pt = mm_to_pt(min(cols[j][1] for j in lane_cols))
        plan_steps = []
        for n, step in enumerate(t["langkah"]):
            row = table.rows[head_rows_all + n]
            span = self.step_row(step, n, row, keys, lane_cols, lane_pt, size)
            plan_steps.append({"no": step["no"], "lanes": [keys.index(f"lajur:{x}") for x in step["pelaksana"]],
                               "jenis": step.get("jenis", "proses"), "span": span})  # fmt: skip
        if total_row:
            row_i = head_rows_all + len(t["langkah"])
            wcol = keys.index("waktu")
            head(table.cell(row_i, 0).merge(table.cell(row_i, wcol - 1)), T["label_waktu_total"])
            self.para(table.cell(row_i, wcol), t["waktu_total_tercetak"], bold=True, size=size, align="c")
            if wcol + 1 < len(keys):
                table.cell(row_i, wcol + 1).merge(table.cell(row_i, len(keys) - 1))
        self.plan = {"widths_pt": [mm_to_pt(w) for _, w in cols], "keys": keys, "steps": plan_steps,
                     "lane_cols": lane_cols, "content_bottom_pt": self.page_bottom_pt}  # fmt: skip
        if t.get("keterangan_gambar"):
            self.legend()
        if self.L["tanda_tangan"] == "blok":
            self.signature_block()

    def step_row(self, step, n, row, keys, lane_cols, lane_pt, size) -> bool:
        """One step's row; True when a joint step's lanes were merged into one cell (membentang)."""
        from docx.enum.table import WD_ROW_HEIGHT_RULE
        from docx.oxml import OxmlElement
        from docx.shared import Pt

        T, d = self.T, self.d
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        row.height = Pt(self.row_heights.get(n, 34.0))  # room for the symbol
        where = f"langkah {step['no']}"
        kind = step.get("jenis", "proses")
        lane_idx = sorted(keys.index(f"lajur:{x}") for x in step["pelaksana"])
        span = (
            T["langkah_bersama"] == "membentang"
            and len(lane_idx) > 1
            and lane_idx == list(range(lane_idx[0], lane_idx[-1] + 1))
        )
        if T["langkah_bersama"] == "membentang" and len(lane_idx) > 1 and not span:
            d.warnings.append(f"{where}: joint lanes not side by side; a symbol in each lane")
        if span:  # one cell across the lanes, one symbol across it (as a shape drawn over both)
            row.cells[lane_idx[0]].merge(row.cells[lane_idx[-1]])
        cells = row.cells
        if T["kolom_no"]:
            self.para(cells[keys.index("no")], str(step["no"]), size=size, align="c")
        act = cells[keys.index("kegiatan")]
        kegiatan = teks(step["kegiatan"], d, where)
        self.para(act, kegiatan if T["kolom_no"] else f"{step['no']}. {kegiatan}", size=size)
        for k, sub in enumerate(step.get("rincian") or []):
            p = self.para(act, f"{'abcdefghijklmnopqrstuvwxyz'[k]}. {sub}", size=size)
            p.paragraph_format.left_indent = Pt(12)
            p.paragraph_format.first_line_indent = Pt(-12)
        mutu = step.get("mutu_baku") or {}
        for key in ("kelengkapan", "waktu", "output"):
            cell = cells[keys.index(key)]
            self.para(cell, teks(mutu.get(key), d, f"{where}.{key}"), size=size, align="c" if key == "waktu" else None)
        in_ket = T["label_cabang"] == "keterangan" and bool(T["keterangan"])
        written = branches_in_keterangan(step)  # the office's own Keterangan names the branches
        if T["label_cabang"] == "keterangan" and not T["keterangan"] and branch_lines(step, "lajur"):
            d.warnings.append(f"{where}: no Keterangan column; branch labels printed in the lane")
        if T["keterangan"]:
            ket = cells[keys.index("keterangan")]
            if step.get("keterangan"):
                self.para(ket, step["keterangan"], size=size)
            if in_ket and not written and (lines := branch_lines(step, "keterangan")):
                self.para(ket, "; ".join(lines), size=size)
        elif step.get("keterangan"):
            d.warnings.append(f"{where}: keterangan in the truth but the layout has no Keterangan column")
        lines = [] if in_ket or written else branch_lines(step, "lajur")
        seen = set()
        for j in lane_cols:
            if id(cells[j]._tc) not in seen:
                seen.add(id(cells[j]._tc))
                self.valign(cells[j])
        targets = [lane_idx[0]] if span else lane_idx
        width = sum(mm_to_pt(self.col_mm[j]) for j in lane_idx) if span else lane_pt
        for m, j in enumerate(targets):
            self.mark(cells[j], kind, width, span)
            if m == 0:
                for line in lines:
                    self.para(cells[j], line, size=7.5, align="c")
        for j in range(len(keys)):
            if j not in lane_cols:
                self.valign(cells[j], "top")
        return span

    def mark(self, cell, kind, lane_pt, span=False):
        from docx.shared import Pt

        mode = self.T["tanda_lajur"]
        if mode == "arsir":
            self.shade(cell, "A6A6A6")
            return
        if mode == "centang":
            self.para(cell, self.T["teks_centang"], size=12, align="c")
            return
        if mode == "teks":
            self.para(cell, SYMBOL_NAMES[kind], size=8, align="c")
            return
        p = self.para(cell, align="c")
        if mode == "gambar":
            w, _ = symbol_size(kind, lane_pt, span)
            p.add_run().add_picture(io.BytesIO(symbol_png(kind, span)), width=Pt(w))
        else:
            self.shape_id += 1
            p._p.append(shape_run(kind, lane_pt, self.shape_id, self.T["format_bentuk"], span))

    def legend(self):
        from docx.oxml import OxmlElement
        from docx.shared import Mm, Pt

        self.gap(8)
        self.para(self.doc, "Keterangan Gambar:", bold=True, size=9).paragraph_format.keep_with_next = True
        items = self.t["keterangan_gambar"]
        table = self.table(len(items), [22, 90], grid=False)
        mode = self.T["tanda_lajur"]
        for i, text in enumerate(items):
            low = text.casefold()
            kind = ("mulai" if re.search(r"mulai|selesai|awal|akhir|terminat", low) else
                    "keputusan" if re.search(r"keputusan|pilihan|decision|pemeriksaan", low) else
                    "proses" if re.search(r"proses|kegiatan|aktivitas|process", low) else None)  # fmt: skip
            cell = table.cell(i, 0)
            if kind and mode in ("bentuk", "gambar"):
                p = self.para(cell, align="c")
                if mode == "gambar":
                    p.add_run().add_picture(io.BytesIO(symbol_png(kind)), width=Mm(12))
                else:
                    self.shape_id += 1
                    p._p.append(shape_run(kind, mm_to_pt(18), self.shape_id, "vml"))
            self.para(table.cell(i, 1), text, size=9)
            self.valign(table.cell(i, 1))
            table.rows[i].height = Pt(20)
            table.rows[i]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
            if i < len(items) - 1:  # the legend stays on one page
                for c in (table.cell(i, 0), table.cell(i, 1)):
                    for q in c.paragraphs:
                        q.paragraph_format.keep_with_next = True

    def signature_block(self):
        from docx.shared import Mm, Pt

        L = self.L
        dates = self.t.get("tanggal") or {}
        sheet = (self.t.get("lembar_pengesahan") or {}) if self.sheet_is_block() else {}
        signer = sheet.get("penandatangan") or self.t.get("disahkan_oleh") or {}
        when = sheet.get("tanggal") or dates.get("pengesahan") or dates.get("efektif") or dates.get("pembuatan")
        where = sheet.get("tempat") or L["tempat"] or (self.t.get("lembar_pengesahan") or {}).get("tempat")
        if not where:
            satker = (self.t.get("satker") or {}).get("nama", "")
            m = re.search(r"(?:Kota|Kabupaten|Kab\.|Provinsi|Kecamatan|Kelurahan|Desa)\s+(.+)$", satker)
            where = m.group(1) if m else None
        date = tanggal(when, L["tanggal_format"]) if when else None
        if where:
            first = f"Ditetapkan di {where}" + (f", {date}" if date else "")
        else:
            first = f"Ditetapkan tanggal {date}" if date else "Ditetapkan oleh"
        lines = [(first, {}), (signer.get("jabatan", ""), {}), ("", {}), ("", {}), ("", {})]
        if signer.get("nama"):
            lines.append((self.signer_name(signer), {"bold": True, "underline": True}))
        if signer.get("pangkat"):
            lines.append((signer["pangkat"], {}))
        if signer.get("nip"):
            lines.append((f"{L['label_nip']} {signer['nip']}", {}))
        self.gap(10)
        for k, (text, fmt) in enumerate(lines):
            p = self.para(self.doc, text, align="c", **fmt)
            p.paragraph_format.left_indent = Mm(self.width_mm * 0.58)
            p.paragraph_format.keep_with_next = k < len(lines) - 1
            if not text:
                p.paragraph_format.space_after = Pt(0)

    # cover, approval sheet, narrative

    def cover(self):
        from docx.shared import Pt

        for _ in range(6):
            self.para(self.doc)
        p = self.para(self.doc, align="c")
        self.logo(p, 40)
        self.para(self.doc)
        self.para(self.doc)
        p = self.para(self.doc, self.t["judul_dokumen"], bold=True, size=18, align="c")
        p.paragraph_format.line_spacing = 1.3
        p.paragraph_format.space_after = Pt(12)

    def numbered(self, text, marker, indent_pt=0.0, size=11):
        from docx.shared import Pt

        p = self.para(self.doc, align="j")
        self.run(p, f"{marker}\t{text}", size=size)
        hang = 20
        p.paragraph_format.left_indent = Pt(indent_pt + hang)
        p.paragraph_format.first_line_indent = Pt(-hang)
        p.paragraph_format.tab_stops.add_tab_stop(Pt(indent_pt + hang))
        p.paragraph_format.space_after = Pt(3)
        return p

    def approval_sheet(self):
        from docx.shared import Mm, Pt

        sheet = self.t["lembar_pengesahan"]
        if sheet.get("judul"):
            p = self.para(self.doc, sheet["judul"], bold=True, size=13, align="c")
            p.paragraph_format.space_after = Pt(12)
        for i, text in enumerate(sheet.get("ketentuan") or [], 1):
            self.numbered(text, f"{i}.")
        self.para(self.doc)
        lines = []
        if sheet.get("tempat"):
            lines.append(f"Ditetapkan di {sheet['tempat']}")
        if sheet.get("tanggal"):
            lines.append(f"pada tanggal {tanggal(sheet['tanggal'], self.L['tanggal_format'])}")
        signer = sheet.get("penandatangan") or {}
        if signer.get("jabatan"):
            lines += [signer["jabatan"], "", "", ""]
        for text in lines:
            p = self.para(self.doc, text, align="c")
            p.paragraph_format.left_indent = Mm(self.width_mm * 0.45)
        if signer.get("nama"):
            p = self.para(self.doc, teks(signer["nama"], self.d, "lembar_pengesahan.penandatangan.nama"),
                          bold=True, underline=True, align="c")  # fmt: skip
            p.paragraph_format.left_indent = Mm(self.width_mm * 0.45)
        for text in [signer.get("pangkat"), signer.get("nip") and f"{self.L['label_nip']} {signer['nip']}"]:
            if text:
                p = self.para(self.doc, text, align="c")
                p.paragraph_format.left_indent = Mm(self.width_mm * 0.45)

    def narrative(self, part, depth):
        from docx.shared import Pt

        title = f"{part['nomor']} {part['judul']}" if part.get("nomor") else part["judul"]
        p = self.para(self.doc, title, bold=True)
        p.paragraph_format.space_before = Pt(8 if depth == 0 else 4)
        p.paragraph_format.space_after = Pt(4)
        p.paragraph_format.left_indent = Pt(14 * depth)
        for block in part.get("isi") or []:
            if isinstance(block, str):
                q = self.para(self.doc, block, align="j")
                q.paragraph_format.left_indent = Pt(14 * depth)
                q.paragraph_format.space_after = Pt(4)
            else:
                self.narrative_list(block.get("daftar") or [], block.get("penomoran", "angka"), 14 * depth)
        for sub in part.get("bagian") or []:
            self.narrative(sub, depth + 1)

    def narrative_list(self, items, numbering, indent):
        letters = "abcdefghijklmnopqrstuvwxyz"
        for i, item in enumerate(items):
            marker = f"{i + 1}." if numbering == "angka" else f"{letters[i]}."
            if isinstance(item, str):
                self.numbered(item, marker, indent)
            else:
                self.numbered(item["teks"], marker, indent)
                inner = "huruf" if numbering == "angka" else "angka"
                for k, sub in enumerate(item.get("daftar") or []):
                    m = f"{letters[k]})" if inner == "huruf" else f"{k + 1})"
                    self.numbered(sub, m, indent + 20)

    def properties(self):
        cp = self.doc.core_properties
        dates = self.t.get("tanggal") or {}
        when = _date(dates.get("pembuatan") or dates.get("efektif") or dates.get("pengesahan")) or dt.date(2024, 1, 2)
        stamp = dt.datetime(when.year, when.month, when.day, 8, 0, 0)
        cp.author = cp.last_modified_by = "korpus"
        cp.created = cp.modified = stamp
        cp.last_printed = stamp
        cp.revision = 1
        cp.title = str(self.t["nama"])[:250]
        cp.subject = cp.keywords = cp.comments = cp.category = ""


FIXED_ZIP_TIME = (2024, 1, 1, 0, 0, 0)


def save_docx(document, path: Path) -> None:
    """python-docx stamps zip members with the current time; rewrite them with a fixed one."""
    buf = io.BytesIO()
    document.save(buf)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    path.write_bytes(out.getvalue())


# --- PDF ----------------------------------------------------------------------------------------


def to_pdf(docx_path: Path, out_dir: Path, profile: Path) -> Path:
    cmd = ["soffice", "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}",
           "--convert-to", "pdf", "--outdir", str(out_dir), str(docx_path)]  # fmt: skip
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    pdf = out_dir / (docx_path.stem + ".pdf")
    if not pdf.is_file():
        raise RuntimeError(f"LibreOffice made no PDF: {res.stdout} {res.stderr}")
    return pdf


def normalize_pdf(data: bytes, seed: str) -> bytes:
    """Fixed creation dates and /ID (same lengths, so the xref offsets stay right)."""

    def date(m):
        return m.group(1) + b"20240101000000" + m.group(3)

    data = re.sub(rb"(/(?:CreationDate|ModDate)\s*\(D:)(\d{14})([^)]*\))", date, data)
    digest = hashlib.md5(seed.encode()).hexdigest().upper().encode()

    def ident(m):
        return b"<" + digest[: len(m.group(1))].ljust(len(m.group(1)), b"0") + b">"

    def ids(m):
        return re.sub(rb"<([0-9A-Fa-f]+)>", ident, m.group(0))

    data = re.sub(rb"/ID\s*\[\s*<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>\s*\]", ids, data)
    # LibreOffice's /DocChecksum covers the dates it wrote: recompute it over the fixed bytes
    blank = re.sub(rb"(/DocChecksum\s*/)([0-9A-Fa-f]{32})", lambda m: m.group(1) + b"0" * 32, data)
    checksum = hashlib.md5(blank).hexdigest().upper().encode()
    return re.sub(rb"(/DocChecksum\s*/)([0-9A-Fa-f]{32})", lambda m: m.group(1) + checksum, data)


# --- Checking the PDF ---------------------------------------------------------------------------


def _cluster(values, tol=1.2):
    out = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= tol:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(c) / len(c) for c in out]


def _rulings(page):
    """Vertical x's and horizontal y's of the page's ruling lines (lines, or hairline rects)."""
    vert, horiz = [], []
    for obj in page.lines + [r for r in page.rects if min(r["width"], r["height"]) < 1.6]:
        if abs(obj["x1"] - obj["x0"]) < 1.6 and obj["bottom"] - obj["top"] > 4:
            vert.append(((obj["x0"] + obj["x1"]) / 2, obj["top"], obj["bottom"]))
        elif obj["bottom"] - obj["top"] < 1.6 and obj["x1"] - obj["x0"] > 4:
            horiz.append(((obj["top"] + obj["bottom"]) / 2, obj["x0"], obj["x1"]))
    return vert, horiz


def find_columns(page, widths):
    """The step table's column boundaries on this page, or None: the x's of the vertical rulings
    whose gaps are the table's column widths."""
    vert, _ = _rulings(page)
    xs = _cluster([v[0] for v in vert])
    expected = [0.0]
    for w in widths:
        expected.append(expected[-1] + w)
    for x0 in xs:
        found = []
        for e in expected:
            near = [x for x in xs if abs(x - (x0 + e)) <= 3.0]
            if not near:
                break
            found.append(min(near, key=lambda x: abs(x - (x0 + e))))
        else:
            return found
    return None


def _curve_kind(obj) -> str:
    """A closed path as the symbol it draws: rect (corners only), diamond (edge midpoints only)
    or capsule (curved ends: many points, some on the corners' diagonals but none at a corner)."""
    pts = obj.get("pts") or []
    x0, x1, top, bottom = obj["x0"], obj["x1"], obj["top"], obj["bottom"]
    tol = 1.5
    corner = [
        p for p in pts if min(abs(p[0] - x0), abs(p[0] - x1)) < tol and min(abs(p[1] - top), abs(p[1] - bottom)) < tol
    ]
    mids = [p for p in pts if (abs(p[0] - (x0 + x1) / 2) < tol and min(abs(p[1] - top), abs(p[1] - bottom)) < tol)
            or (abs(p[1] - (top + bottom) / 2) < tol and min(abs(p[0] - x0), abs(p[0] - x1)) < tol)]  # fmt: skip
    if len(pts) <= 6 and len(corner) >= 3:
        return "rect"
    if len(pts) <= 6 and len(mids) >= 3:
        return "diamond"
    return "capsule"


def marks_on(page, mode, top, bottom, mark_text):
    """(x0, x1, y_centre, what) of the lane marks of this page between top and bottom."""
    out = []
    if mode == "bentuk":
        seen = set()
        for obj, what in [(c, "curve") for c in page.curves] + [(r, "rect") for r in page.rects]:
            w, h = obj["x1"] - obj["x0"], obj["bottom"] - obj["top"]
            if not (10 < w < 260 and 6 < h < 60):
                continue
            key = (round(obj["x0"]), round(obj["top"]), round(w), round(h))
            if key in seen:
                continue
            seen.add(key)
            if what == "curve":
                what = _curve_kind(obj)
            out.append((obj["x0"], obj["x1"], (obj["top"] + obj["bottom"]) / 2, what))
    elif mode == "gambar":
        out = [(i["x0"], i["x1"], (i["top"] + i["bottom"]) / 2, "image") for i in page.images]
    elif mode == "arsir":
        for r in page.rects:
            color = r.get("non_stroking_color")
            if (
                r.get("fill")
                and color not in (None, (1,), (1, 1, 1), [1], [1, 1, 1], 1)
                and min(r["width"], r["height"]) > 5
            ):
                out.append((r["x0"], r["x1"], (r["top"] + r["bottom"]) / 2, "shade"))
    else:
        words = page.extract_words()
        targets = {mark_text} if mode == "centang" else set(SYMBOL_NAMES.values())
        for w in words:
            if w["text"] in targets:
                out.append((w["x0"], w["x1"], (w["top"] + w["bottom"]) / 2, w["text"]))
    return [m for m in out if top <= m[2] <= bottom]


EXPECTED_SHAPE = {"mulai": "capsule", "selesai": "capsule", "proses": "rect", "keputusan": "diamond"}


def check_pdf(pdf_path: Path, doc: Doc, plan: dict) -> tuple[list[str], dict]:
    """Problems found, and facts for the report: pages of the step table, marks per kind."""
    import pdfplumber

    T = doc.layout["tabel_langkah"]
    mode = T["tanda_lajur"]
    problems: list[str] = []
    facts: dict = {"table_pages": [], "marks": {}, "steps_found": 0, "warnings": [], "rulings": [], "rows": []}
    want = {s["no"]: s for s in plan["steps"]}
    found_steps: dict[int, list] = {}
    nomor_label = doc.layout["label_identitas"].get("nomor", IDENTITY_LABELS["nomor"])
    with pdfplumber.open(str(pdf_path)) as pdf:
        facts["pages"] = len(pdf.pages)
        for pno, page in enumerate(pdf.pages, 1):
            if "identity_page" not in facts and nomor_label in (page.extract_text() or ""):
                facts["identity_page"] = pno
            cols = find_columns(page, plan["widths_pt"])
            if cols is None:
                continue
            facts["table_pages"].append(pno)
            _, horiz = _rulings(page)
            left, right = cols[0], cols[-1]
            ys = _cluster([h[0] for h in horiz if h[1] < right - 5 and h[2] > left + 5])
            facts["rulings"].append((pno, len(cols), len(ys)))
            if len(ys) < 2:
                problems.append(f"page {pno}: no horizontal rulings in the step table")
                continue
            words = page.extract_words()
            key_col = 0 if T["kolom_no"] else plan["keys"].index("kegiatan")
            pattern = r"^(\d+)$" if T["kolom_no"] else r"^(\d+)\.$"
            act = plan["keys"].index("kegiatan")
            rows = []
            for w in words:
                xc = (w["x0"] + w["x1"]) / 2
                m = re.match(pattern, w["text"])
                if m and cols[key_col] < xc < cols[key_col + 1]:
                    above = [y for y in ys if y <= w["top"] + 0.5]
                    below = [y for y in ys if y >= w["bottom"] - 0.5]
                    if above and below and w["x0"] - cols[key_col] < 25:
                        top, bottom = max(above), min(below)
                        band = [v["text"] for v in words if top < (v["top"] + v["bottom"]) / 2 < bottom
                                and cols[act] < (v["x0"] + v["x1"]) / 2 < cols[act + 1]]  # fmt: skip
                        if T["kolom_no"] and all(b.isdigit() for b in band):
                            continue  # the column-number row "1 2 3 ..."
                        if not any(r[1] == top for r in rows):  # a wrapped line is not a new row
                            rows.append((int(m.group(1)), top, bottom))
            # the header repeated: the first lane's name above the first step row of the page
            if rows:
                first_top = min(r[1] for r in rows)
                lane0 = plan["lane_cols"][0]
                head_words = [
                    w
                    for w in words
                    if w["bottom"] <= first_top and cols[lane0] < (w["x0"] + w["x1"]) / 2 < cols[lane0 + 1]
                ]
                facts.setdefault("header_on", []).append((pno, bool(head_words)))
            marks = marks_on(page, mode, ys[0], ys[-1], T["teks_centang"])
            if mode in ("centang", "teks"):  # words: only those in lane columns are marks
                lane_x = [(cols[j], cols[j + 1]) for j in plan["lane_cols"]]
                marks = [m for m in marks if any(a < (m[0] + m[1]) / 2 < b for a, b in lane_x)]
            for what in [m[3] for m in marks]:
                facts["marks"][what] = facts["marks"].get(what, 0) + 1
            for no, top, bottom in rows:
                facts["rows"].append((pno, no, round(top, 1), round(bottom, 1)))
                lanes = []
                for x0, x1, y, what in marks:
                    if top < y < bottom:
                        # the columns the mark covers (more than 1.5 pt of it: a shading fills its
                        # cell up to the rulings), or the one holding its centre
                        over = [k for k in range(len(cols) - 1) if min(x1, cols[k + 1]) - max(x0, cols[k]) > 1.5]
                        centre = next((k for k in range(len(cols) - 1) if cols[k] < (x0 + x1) / 2 < cols[k + 1]), None)
                        lanes.append((over if len(over) > 1 else [centre], what))
                found_steps[no] = lanes
    facts["steps_found"] = len(found_steps)
    if not facts["table_pages"]:
        return ["step table not found in the PDF (no page with its column rulings)"], facts
    for no, step in want.items():
        got = found_steps.get(no)
        if got is None:
            problems.append(f"step {no}: row not found in the PDF")
            continue
        cols_got = sorted({j for js, _ in got for j in js})
        if cols_got != sorted(step["lanes"]):
            problems.append(f"step {no}: marks in columns {cols_got}, truth says {sorted(step['lanes'])}")
        if mode == "bentuk":
            kinds = {w for _, w in got}
            if kinds and kinds != {EXPECTED_SHAPE[step["jenis"]]}:
                problems.append(f"step {no}: drawn as {sorted(kinds)}, truth says {step['jenis']}")
    pages = facts["table_pages"]
    if T["lanjut_halaman"]:
        if len(pages) < 2:
            problems.append("lanjut_halaman: the step table fits on one page")
        elif not all(ok for _, ok in facts.get("header_on", [])):
            problems.append(f"lanjut_halaman: header not repeated on every table page {facts.get('header_on')}")
    elif len(pages) > 1:
        facts["warnings"].append(f"the step table runs over pages {pages} (lanjut_halaman false: header not repeated)")
    return problems, facts


# --- The scan -----------------------------------------------------------------------------------


def scan(pdf_path: Path, out_path: Path, seed: str, work: Path, dpi: int = 150) -> int:
    """Each page rasterised, made grey, skewed, blurred, noisy, on off-white: an image-only PDF."""
    from PIL import Image, ImageChops, ImageFilter

    prefix = work / "halaman"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf_path), str(prefix)], check=True)
    pages = sorted(work.glob("halaman*.png"))
    rng = random.Random(hashlib.sha256(seed.encode()).digest())
    base_angle = rng.uniform(0.3, 1.5) * rng.choice([-1, 1])
    images = []
    for k, path in enumerate(pages):
        im = Image.open(path).convert("L")
        angle = max(0.3, min(1.5, abs(base_angle) + rng.uniform(-0.15, 0.15))) * (1 if base_angle > 0 else -1)
        paper = rng.randint(236, 244)
        # ink is never quite black, paper never white
        im = im.point(lambda v, p=paper: int(18 + v * (p - 18) / 255))
        im = im.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=paper)
        w, h = im.size
        noise_up = Image.frombytes("L", (w, h), rng.randbytes(w * h)).point(lambda v: v * 22 // 255)
        noise_down = Image.frombytes("L", (w, h), rng.randbytes(w * h)).point(lambda v: v * 22 // 255)
        im = ImageChops.subtract(ImageChops.add(im, noise_up), noise_down)
        im = im.filter(ImageFilter.GaussianBlur(0.7))
        # a faint shadow along one edge, as the scanner lid leaves
        edge = Image.linear_gradient("L").resize((w, h)).point(lambda v: 255 - max(0, 40 - v) // 3)
        if k % 2:
            edge = edge.transpose(Image.FLIP_TOP_BOTTOM)
        im = ImageChops.multiply(im, edge)
        images.append(im)
    stamp = time.struct_time((2024, 1, 1, 0, 0, 0, 0, 1, 0))
    images[0].save(out_path, "PDF", resolution=dpi, save_all=True, append_images=images[1:], quality=72,
                   creationDate=stamp, modDate=stamp, producer="korpus", title="pindaian")  # fmt: skip
    return len(images)


# --- Driver -------------------------------------------------------------------------------------


def build_one(doc: Doc, profile: Path, want_pdf: bool, want_scan: bool) -> dict:
    start = time.monotonic()
    report = {"id": doc.id, "files": [], "problems": []}
    with tempfile.TemporaryDirectory(prefix=f"korpus-{doc.id}-") as tmp:
        work = Path(tmp)
        T = doc.layout["tabel_langkah"]
        steps = doc.truth["langkah"]
        # lanjut_halaman: the table must overflow (a page break inside a table is ignored by Word
        # and LibreOffice alike), so the rows up to the break step are made taller, as offices leave
        # room for the flowchart, until that step is the last on the first page
        cut = None
        if T["lanjut_halaman"]:
            numbers = [s["no"] for s in steps]
            cut = numbers.index(T["lanjut_sesudah"]) if T["lanjut_sesudah"] in numbers else (len(steps) + 1) // 2 - 1
            if T["lanjut_sesudah"] is not None and T["lanjut_sesudah"] not in numbers:
                doc.warnings.append(
                    f"lanjut_sesudah {T['lanjut_sesudah']} is not a step number; breaking after step {numbers[cut]}"
                )
            cut = min(cut, len(steps) - 2)
        heights: dict[int, float] = {}
        natural: dict[int, float] = {}
        compact = False
        for attempt in range(6):
            report["conversions"] = attempt + 1
            builder = Builder(doc, heights, compact)
            document = builder.build()
            docx_tmp = work / "dokumen.docx"
            save_docx(document, docx_tmp)
            if not want_pdf:
                break
            pdf_tmp = to_pdf(docx_tmp, work, profile)
            problems, facts = check_pdf(pdf_tmp, doc, builder.plan)
            pages = facts["table_pages"]
            rows = facts["rows"]
            index = {s["no"]: i for i, s in enumerate(steps)}
            if not compact and pages and pages[0] - facts.get("identity_page", pages[0] - 1) > 1:
                compact = True  # the identity block and boxes ran onto a second page: smaller text
                if attempt == 0:
                    natural = {index[no]: b - t for _, no, t, b in rows if no in index}
                continue
            if attempt == 0:
                natural = {index[no]: b - t for _, no, t, b in rows if no in index}
            if cut is not None and rows:
                first = [index[no] for p, no, _, _ in rows if p == pages[0] and no in index]
                if len(pages) >= 2 and first and max(first) == cut:
                    break
                if attempt == 5:
                    doc.warnings.append(f"could not break the table after step {steps[cut]['no']}")
                    break
                # the first page from the top of the first step row to the bottom margin, filled by
                # rows 0..cut at least `h` tall (row cut+1 no longer fits)
                top = min(t for p, no, t, _ in rows if p == pages[0])
                room = builder.plan["content_bottom_pt"] - top - 4 - 2 * attempt
                sizes = [natural.get(i, 34.0) for i in range(cut + 1)]
                lo, hi = 0.0, room
                for _ in range(40):
                    mid = (lo + hi) / 2
                    lo, hi = (mid, hi) if sum(max(a, mid) for a in sizes) <= room else (lo, mid)
                if sum(sizes) > room:
                    doc.warnings.append(f"rows 1..{steps[cut]['no']} do not fit on one page; the table breaks earlier")
                    break
                # row heights are whole points in Word (1/20 pt): stay below the room
                heights = {i: math.floor(lo * 20) / 20 - 0.1 for i in range(cut + 1)}
                continue
            if cut is None and len(pages) > 1 and not heights:
                heights = {i: 20.0 for i in range(len(steps))}  # compact rows: try one page
                continue
            break
        shutil.copyfile(docx_tmp, doc.folder / "dokumen.docx")
        report["files"].append("dokumen.docx")
        if want_pdf:
            (doc.folder / "dokumen.pdf").write_bytes(normalize_pdf(pdf_tmp.read_bytes(), doc.id))
            report["files"].append("dokumen.pdf")
            report["problems"] += problems
            report["facts"] = facts
            report["row_heights"] = sorted(set(heights.values()))
            report["compact"] = compact
            by_page: dict[int, list] = {}
            for p, no, _, _ in facts["rows"]:
                by_page.setdefault(p, []).append(no)
            report["steps_by_page"] = by_page
            if doc.layout["pindaian"] and want_scan:
                scan_dir = work / "pindaian"
                scan_dir.mkdir()
                n = scan(pdf_tmp, work / "pindaian.pdf", doc.id, scan_dir)
                shutil.copyfile(work / "pindaian.pdf", doc.folder / "pindaian.pdf")
                report["files"].append(f"pindaian.pdf ({n} pages)")
            elif not doc.layout["pindaian"] and (doc.folder / "pindaian.pdf").exists():
                (doc.folder / "pindaian.pdf").unlink()  # the layout no longer asks for a scan
    report["seconds"] = round(time.monotonic() - start, 1)
    return report


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("ids", nargs="*", help="document ids (folder names); none: every document")
    ap.add_argument("--akar", type=Path, default=HERE / "dokumen", help="folder holding the document folders")
    ap.add_argument("--tanpa-pdf", action="store_true", help="write the .docx only")
    ap.add_argument("--tanpa-pindaian", action="store_true", help="no pindaian.pdf")
    ap.add_argument("--profil", type=Path, help="LibreOffice user profile (default: a private one under /tmp)")
    args = ap.parse_args(argv)
    root = args.akar.resolve()
    folders = [root / i for i in args.ids] if args.ids else sorted(p for p in root.iterdir() if p.is_dir())
    own_profile = args.profil is None
    profile = args.profil or Path(tempfile.mkdtemp(prefix=f"lo-profile-korpus-{os.getpid()}-"))
    failed = skipped = 0
    total = time.monotonic()
    try:
        for folder in folders:
            if not folder.is_dir():
                print(f"{folder.name}: SKIPPED: no such folder")
                skipped += 1
                continue
            try:
                doc = load(folder)
            except Skip as e:
                print(f"{folder.name}: SKIPPED: {e}")
                skipped += 1
                continue
            try:
                rep = build_one(doc, profile, not args.tanpa_pdf, not args.tanpa_pindaian)
            except Exception as e:  # noqa: BLE001 - one broken document must not stop the others
                print(f"{doc.id}: FAILED: {type(e).__name__}: {e}")
                failed += 1
                continue
            facts = rep.get("facts") or {}
            line = f"{doc.id}: {', '.join(rep['files'])} in {rep['seconds']} s"
            if facts:
                compact = ", compact identity" if rep.get("compact") else ""
                line += (f" ({rep['conversions']} conversion(s){compact}); {facts['pages']} pages, steps by page "
                         f"{rep['steps_by_page']}, {facts['steps_found']}/{len(doc.truth['langkah'])} step rows, "
                         f"marks {facts['marks']}")  # fmt: skip
            print(line)
            for w in dict.fromkeys(doc.warnings + facts.get("warnings", [])):
                print(f"  warning: {w}")
            for p in rep["problems"]:
                print(f"  PROBLEM: {p}")
            failed += bool(rep["problems"])
    finally:
        if own_profile:
            shutil.rmtree(profile, ignore_errors=True)
    print(f"{len(folders)} folders: {len(folders) - failed - skipped} built and checked, {failed} with problems, "
          f"{skipped} skipped; {time.monotonic() - total:.1f} s")  # fmt: skip
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
