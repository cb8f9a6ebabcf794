"""One handbook per province, and a national site over them: the organisation's own split.

`sop pecah KELUAR` writes one MkDocs project per province (its satker and their SOPs, the shared
registries) under KELUAR/provinsi/<slug>/, and a national project at KELUAR/ that builds them with
Material's `projects` plugin (each province in its own process) and then its own pages from the
provinces' JSON exports, which carry every validated SOP: the regulation registry, the auditor
report, the roles, the glossary and one list of every SOP by name and number. A province is also
a project of its own: CI builds each in its own job (see .github/workflows and .gitlab-ci.yml).

No MkDocs import here: the national glue is in macros.site (the `sop` plugin's ``national`` setting).
"""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel

from . import model
from .findings import Finding
from .loader import DATA_DIR, REGISTRIES, SATKER_FILE, Handbook, Record, SopRecord, load_handbook
from .model import SOURCE_DIR
from .yamlsource import Source

PROJECTS_DIR = "provinsi"
PUSAT = "pusat"  # satker with no province (the central office) form a project of their own
EXPORT = "ekspor/buku-pedoman.json"
# The national site's own pages: (path under docs/, Markdown).
NATIONAL_DOCS = {
    "index.md": "# Buku Pedoman SOP Nasional\n\n"
    "Daftar seluruh SOP dari buku pedoman setiap provinsi. Nama SOP membuka halamannya di buku pedoman "
    "provinsinya.\n\n## Daftar SOP\n\n{{ daftar_sop() }}\n",
    "regulasi/index.md": "# Dasar Hukum\n\n{{ indeks_dasar_hukum() }}\n",
    "laporan-auditor.md": "---\nsearch:\n  exclude: true\n---\n\n# Laporan Auditor\n\n{{ laporan_auditor() }}\n",
    "jabatan/index.md": "# Tugas per Jabatan\n\n{{ indeks_jabatan() }}\n",
    "glosarium.md": "# Glosarium\n\n{{ glosarium() }}\n",
    "pemeriksaan/aturan.md": "# Aturan Pemeriksaan\n\n{{ aturan_pemeriksaan() }}\n",
}
NATIONAL_NAV = [
    {"Beranda": "index.md"},
    {"Tugas per Jabatan": "jabatan/index.md"},
    {"Glosarium": "glosarium.md"},
    {"Dasar Hukum": ["regulasi/index.md", {"Laporan Auditor": "laporan-auditor.md"}]},
    {"Aturan Pemeriksaan": "pemeriksaan/aturan.md"},
]


# Written into every folder `sop pecah` writes: a folder that has it may be written again.
MARK = ".sop-pecah"
# The project's own folders: a split is never written into (or over) one of them.
SOURCE_FOLDERS = (DATA_DIR, "docs", SOURCE_DIR, "schema", "macros", "overrides", "tests", "node_modules")


class SplitError(ValueError):
    """The split cannot be written as asked; the message says why, in Indonesian."""


def slug(text: str) -> str:
    """A province's folder name: its letters and digits (accents dropped), joined by hyphens."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.casefold()).strip("-")


def provinces(satker: dict[str, model.Satker]) -> dict[str, list[str]]:
    """Province slug -> its satker ids (the central office, with no province, under PUSAT).

    Two provinces written differently that give one folder name ("Sulawesi Selatan",
    "SULAWESI--Selatan!"), or a province name with no letter at all, are an error naming them:
    a split never merges provinces, or writes one at the projects' root, without a word."""
    out: dict[str, list[str]] = {}
    written: dict[str, tuple[str, str]] = {}  # slug -> (province as written, first satker)
    for satker_id, s in sorted(satker.items()):
        if not s.provinsi:
            out.setdefault(PUSAT, []).append(satker_id)
            continue
        name = slug(s.provinsi)
        if not name or name == PUSAT:
            raise SplitError(
                f"provinsi '{s.provinsi}' (satker {satker_id}) tidak dapat dijadikan nama folder; tulis nama provinsinya"
            )
        first = written.setdefault(name, (s.provinsi, satker_id))
        if first[0] != s.provinsi:
            raise SplitError(
                f"provinsi '{s.provinsi}' (satker {satker_id}) dan '{first[0]}' (satker {first[1]}) menjadi folder "
                f"yang sama ({name}); samakan penulisannya di sop_data/satker.yaml"
            )
        out.setdefault(name, []).append(satker_id)
    return out


def check_target(root: Path, out: Path) -> None:
    """Refuse a target inside the project's own folders, the project itself, or a non-empty
    folder `sop pecah` did not write."""
    root, out = root.resolve(), out.resolve()
    if out == root or root.is_relative_to(out):
        raise SplitError(f"{out} berisi proyek ini; pilih folder baru untuk hasil pecah")
    for name in SOURCE_FOLDERS:
        if out.is_relative_to(root / name):
            raise SplitError(f"{out} berada di dalam {name}/ proyek ini; pilih folder di luarnya")
    if out.exists() and not out.is_dir():
        raise SplitError(f"{out} adalah berkas, bukan folder")
    if out.is_dir() and any(out.iterdir()) and not (out / MARK).is_file():
        raise SplitError(f"{out} tidak kosong dan bukan hasil `sop pecah`; pilih folder baru atau kosong")


def split(root: Path, out: Path) -> dict[str, int]:
    """Write the province projects and the national project; returns SOPs per province.

    The registry of satker is read through the loader, so a bad satker.yaml stops the split with
    the same file:line:field message as `sop check`."""
    root, out = Path(root).resolve(), Path(out).resolve()
    check_target(root, out)
    data = root / DATA_DIR
    book = load_handbook(root, only=set())
    problems = [f for f in book.findings if f.file == f"{DATA_DIR}/{SATKER_FILE}" and f.level == "error"]
    if problems or book.satker is None:
        raise SplitError("sop_data/satker.yaml tidak dapat dibaca:\n" + "\n".join(f.format() for f in problems))
    satker = book.satker_map
    # Each province's satker.yaml: its entries, as validated (what the maintainer wrote, less defaults).
    entries = {k: v.model_dump(mode="json", exclude_defaults=True) for k, v in satker.items()}
    groups = provinces(satker)
    if out.is_dir() and (out / MARK).is_file():
        shutil.rmtree(out)  # an earlier split of this tool: written again whole, nothing stale kept
    out.mkdir(parents=True, exist_ok=True)
    (out / MARK).write_text("Ditulis oleh `sop pecah`; `sop pecah` boleh menulis ulang folder ini.\n", encoding="utf-8")
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    config.pop("hooks", None)
    config["watch"] = [DATA_DIR]
    for plugin in config["plugins"]:  # mkdocs-macros loads the installed package, not a local folder
        if isinstance(plugin, dict) and "macros" in plugin:
            options = dict(plugin["macros"])
            options.pop("module_name", None)
            plugin["macros"] = {**options, "modules": ["macros"]}
    counts: dict[str, int] = {}
    for province, members in groups.items():
        project = out / PROJECTS_DIR / province
        (project / DATA_DIR).mkdir(parents=True, exist_ok=True)
        for name, _, _ in REGISTRIES:
            if name != "satker.yaml":
                shutil.copy(data / name, project / DATA_DIR / name)
        own = {"satker": {s: entries[s] for s in members}}
        (project / DATA_DIR / "satker.yaml").write_text(
            "# yaml-language-server: $schema=../schema/satker.schema.json\n"
            + yaml.safe_dump(own, allow_unicode=True, sort_keys=False),
            encoding="utf-8",
        )
        counts[province] = 0
        for satker_id in members:
            if (data / satker_id).is_dir():
                shutil.copytree(data / satker_id, project / DATA_DIR / satker_id)
                counts[province] += len(list((data / satker_id).glob("*.yaml")))
        for name in ("docs", "overrides", "schema", SOURCE_DIR):
            if (root / name).is_dir():
                shutil.copytree(root / name, project / name, ignore=shutil.ignore_patterns("vendor"))
        if (root / "node_modules").exists():
            (project / "node_modules").symlink_to((root / "node_modules").resolve())
        title = next((satker[s].provinsi for s in members if satker[s].provinsi), "Pusat")
        (project / "mkdocs.yml").write_text(
            _with_tags(dict(config, site_name=f"Buku Pedoman SOP — {title}")), encoding="utf-8"
        )
    national = dict(config, site_name="Buku Pedoman SOP Nasional", nav=NATIONAL_NAV)
    plugins = [_national_setting(p) for p in config["plugins"]]
    # Material's projects plugin first: it builds every province (each in its own process) before
    # the national pages read their exports.
    # Hoisting is off: it assumes every media file has a source file, and the exports are generated.
    # In CI each province is built by its own job and the national job only reads their exports:
    # SOP_BANGUN_PROVINSI=false (the plugin then still keeps the downloaded sites in site/).
    projects = {
        "enabled": EnvTag(["SOP_BANGUN_PROVINSI", True]),
        "projects_dir": PROJECTS_DIR,
        "concurrency": 2,
        "cache": False,
        "hoisting": False,
    }
    national["plugins"] = [{"projects": projects}, *plugins]
    (out / "mkdocs.yml").write_text(_with_tags(national), encoding="utf-8")
    for name in ("overrides", "schema"):
        shutil.copytree(root / name, out / name, dirs_exist_ok=True)
    shutil.copytree(root / "docs" / "assets", out / "docs" / "assets", ignore=shutil.ignore_patterns("vendor"))
    for path, text in NATIONAL_DOCS.items():
        (out / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
        (out / "docs" / path).write_text(text, encoding="utf-8")
    (out / DATA_DIR).mkdir(exist_ok=True)  # the national site has no records of its own
    if (root / "node_modules").exists() and not (out / "node_modules").exists():
        (out / "node_modules").symlink_to((root / "node_modules").resolve())
    return counts


class EnvTag(list[object]):
    """An ``!ENV [VARIABLE, default]`` of mkdocs.yml, kept as written: each project resolves it."""


class _PythonName(str):
    """A ``!!python/name:module.function`` of mkdocs.yml (a superfences formatter), kept as written."""


class _ConfigLoader(yaml.SafeLoader):
    pass


def _env_tag(loader: _ConfigLoader, node: yaml.SequenceNode) -> EnvTag:
    return EnvTag(loader.construct_sequence(node))


def _python_name(loader: _ConfigLoader, suffix: str, node: yaml.Node) -> _PythonName:
    return _PythonName(suffix)


_ConfigLoader.add_constructor("!ENV", _env_tag)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/name:", _python_name)


class _ConfigDumper(yaml.SafeDumper):
    pass


def _represent_env_tag(dumper: _ConfigDumper, value: EnvTag) -> yaml.Node:
    return dumper.represent_sequence("!ENV", list(value), flow_style=True)


def _represent_python_name(dumper: _ConfigDumper, value: _PythonName) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:python/name:" + value, "")


_ConfigDumper.add_representer(EnvTag, _represent_env_tag)
_ConfigDumper.add_representer(_PythonName, _represent_python_name)


def _with_tags(config: dict[str, Any]) -> str:
    return yaml.dump(config, Dumper=_ConfigDumper, allow_unicode=True, sort_keys=False, width=1000)


def _national_setting(plugin: object) -> object:
    """The `sop` plugin of the national site reads the provinces' exports (``national``)."""
    if plugin == "sop":
        return {"sop": {"national": PROJECTS_DIR}}
    if isinstance(plugin, dict) and "sop" in plugin:
        return {"sop": {**(plugin["sop"] or {}), "national": PROJECTS_DIR}}
    return plugin


M = TypeVar("M", bound=BaseModel)


def _registry(province: str, key: str, cls: type[M], data: dict[str, Any]) -> Record[M]:
    return Record(f"{province}/{DATA_DIR}/{key}.yaml", Source(None), cls.model_validate({key: data[key]}))


def load_exports(site_dir: Path, slugs: list[str]) -> tuple[Handbook, list[Finding], dict[str, str]]:
    """The handbook the provinces published: registries, every SOP, their findings.

    Returns the handbook, the findings, and each SOP's and satker's page in its province site
    (source path -> URL from the national site's root).
    """
    book = Handbook(root=site_dir)
    findings: list[Finding] = []
    where: dict[str, str] = {}
    satker: dict[str, Any] = {}
    for province in slugs:
        path = Path(site_dir) / province / EXPORT
        data = json.loads(path.read_text(encoding="utf-8"))
        if book.regulasi is None:  # every province carries the same registries
            book.regulasi = _registry(province, "regulasi", model.RegulasiRegister, data)
            book.jabatan = _registry(province, "jabatan", model.JabatanRegister, data)
            book.istilah = _registry(province, "istilah", model.IstilahRegister, data)
        satker.update(data["satker"])
        for entry in data["sop"]:
            record = SopRecord(
                f"{province}/{entry['berkas']}",
                Source(None),
                model.Sop.model_validate(entry["data"]),
                id=entry["id"],
                satker=entry["satker"],
            )
            book.sops[entry["id"]] = record
            where[f"sop/{entry['id']}.md"] = f"{province}/{entry['halaman']}"
            where[f"satker/{entry['satker']}.md"] = f"{province}/satker/{entry['satker']}.html"
        for f in data["temuan"]:
            findings.append(Finding(**{**f, "file": f"{province}/{f['file']}", "path": tuple(f.get("path") or ())}))
    book.satker = Record(
        f"{DATA_DIR}/satker.yaml", Source(None), model.SatkerRegister.model_validate({"satker": satker})
    )
    return book, sorted(findings), where
