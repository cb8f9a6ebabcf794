"""Front-end files the site serves itself (no CDN), from npm packages pinned in package-lock.json."""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError


@dataclass(frozen=True)
class Vendored:
    name: str
    version: str
    source: str  # under the project root (node_modules/...)
    target: str  # under docs/
    sha256: str


# Mermaid draws the diagrams; iframe-worker lets Material's search worker run from file:// (the
# offline plugin would otherwise point every page at a CDN copy of it).
# Mermaid's "tiny" build: the same library without the diagram types and extras an SOP never uses
# (mindmaps, architecture, KaTeX ...), half the bytes of the full build (0.78 MB against 1.59 MB
# gzipped), which is most of what a reader downloads to see a diagram.
MERMAID = Vendored(
    "@mermaid-js/tiny",
    "12.0.0",
    "node_modules/@mermaid-js/tiny/dist/mermaid.tiny.js",
    "assets/vendor/mermaid/mermaid.tiny.js",
    "9f2807e402479d2864bfd9a95052076fc69d0ff45a0b25148b84b70fc33425b9",
)
IFRAME_WORKER = Vendored(
    "iframe-worker",
    "1.0.4",
    "node_modules/iframe-worker/shim/index.js",
    "assets/vendor/iframe-worker/shim.js",
    "e8e412dbcfea9b7e31b5ffa288d7b6035915e714c542f4176a0cdbe262fc9609",
)
# tablesort lets a reader sort the SOP list by any column (Material's documentation shows the same).
TABLESORT = Vendored(
    "tablesort",
    "5.7.1",
    "node_modules/tablesort/dist/tablesort.min.js",
    "assets/vendor/tablesort/tablesort.min.js",
    "ee99f17ebc985170899a004e9f6bf09e7f60eb4b459b6bfe6683cf0140352c63",
)
TABLESORT_NUMBER = Vendored(
    "tablesort",
    "5.7.1",
    "node_modules/tablesort/dist/sorts/tablesort.number.min.js",
    "assets/vendor/tablesort/tablesort.number.min.js",
    "e25dad08c53361182db670d0f670e85eea0f57e5d3bad0439831c75e1842096c",
)
VENDORED = (MERMAID, IFRAME_WORKER, TABLESORT, TABLESORT_NUMBER)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def vendor(root: Path, docs_dir: Path) -> None:
    """Put each pinned front-end file under docs/ (MkDocs serves only what is there), checksum-verified."""
    for asset in VENDORED:
        target = docs_dir / asset.target
        if target.is_file() and _sha256(target) == asset.sha256:
            continue
        source = root / asset.source
        label = f"{asset.name} {asset.version}"
        if not source.is_file():
            raise PluginError(f"{label} tidak ditemukan di {asset.source}; jalankan `make install` (npm ci).")
        if _sha256(source) != asset.sha256:
            raise PluginError(f"{asset.source} bukan {label} yang dipatok (checksum berbeda); jalankan `npm ci`.")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
