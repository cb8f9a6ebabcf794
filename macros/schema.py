"""JSON Schemas generated from the models, for maintainers' editors (yaml-language-server).

The committed files under schema/ are kept current by a test; regenerate with
`sop schema` (or `make schema`).
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from . import export, model

SCHEMAS: dict[str, type[BaseModel]] = {
    "sop.schema.json": model.Sop,
    "satker.schema.json": model.SatkerRegister,
    "regulasi.schema.json": model.RegulasiRegister,
    "jabatan.schema.json": model.JabatanRegister,
    "istilah.schema.json": model.IstilahRegister,
    "monev.schema.json": model.Monev,
    # The handbook export (published as ekspor/buku-pedoman.schema.json).
    "ekspor.schema.json": export.BukuPedomanEkspor,
}


def generate(cls: type[BaseModel]) -> str:
    # The export is written by us and read by others: describe it as serialized.
    schema = cls.model_json_schema(mode="serialization" if cls is export.BukuPedomanEkspor else "validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def write(root: Path) -> list[Path]:
    out = []
    for name, cls in SCHEMAS.items():
        path = Path(root) / "schema" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(generate(cls), encoding="utf-8")
        out.append(path)
    return out
