"""The maintainer's path around the records: CI files, pre-commit hooks, yamllint, CODEOWNERS.

The CI files are linted with maintained linters installed from PyPI: check-jsonschema against
SchemaStore's schemas for GitHub workflows and GitLab CI (bundled, so it works offline), and
zizmor's offline audits of the GitHub workflow. The workflows themselves cannot run here.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ENV, ROOT, SEEDS, make_project

BIN = Path(sys.executable).parent
WORKFLOW = ROOT / ".github/workflows/buku-pedoman.yml"
GITLAB = ROOT / ".gitlab-ci.yml"


def run(*args, cwd=ROOT, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env or ENV, timeout=300, check=False)


@pytest.mark.parametrize(("path", "schema"), [(WORKFLOW, "vendor.github-workflows"), (GITLAB, "vendor.gitlab-ci")])
def test_ci_file_validates_against_its_platform_schema(path, schema):
    result = run(str(BIN / "check-jsonschema"), "--builtin-schema", schema, str(path))
    assert result.returncode == 0, result.stdout + result.stderr


def test_github_workflow_passes_zizmor():
    result = run(str(BIN / "zizmor"), "--offline", "--no-progress", str(WORKFLOW))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout + result.stderr


def test_the_linters_catch_a_broken_ci_file(tmp_path):
    """The lint can fail: a job with no steps, and an action pinned to a tag."""
    broken = tmp_path / "w.yml"
    broken.write_text(
        WORKFLOW.read_text(encoding="utf-8").replace("    steps:\n      - id: deploy", "    stepz:\n      - id: deploy")
    )
    assert (
        run(str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(broken)).returncode != 0
    )
    unpinned = tmp_path / "u.yml"
    unpinned.write_text(
        re.sub(r"actions/checkout@[0-9a-f]{40}", "actions/checkout@v4", WORKFLOW.read_text(encoding="utf-8"))
    )
    assert run(str(BIN / "zizmor"), "--offline", "--no-progress", str(unpinned)).returncode != 0


def test_ci_files_check_build_test_preview_and_publish():
    github = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    steps = github["jobs"]["periksa"]["steps"]
    commands = [s.get("run", "") for s in steps]
    assert ".venv/bin/sop check --format github" in commands and "make build" in commands and "make test" in commands
    assert any("upload-artifact" in s.get("uses", "") for s in steps)  # the preview of a pull request
    assert any("deploy-pages" in s.get("uses", "") for s in github["jobs"]["terbit"]["steps"])
    assert steps[0]["with"]["fetch-depth"] == 0  # the last-change dates need the history
    gitlab = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    script = gitlab["periksa"]["script"]
    assert any("--format gitlab" in line for line in script) and "make build" in script and "make test" in script
    assert gitlab["periksa"]["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert gitlab["pages"]["artifacts"]["paths"] == ["public"]


def _precommit_project(tmp_path) -> Path:
    root = make_project(tmp_path / "project")
    for name in (".pre-commit-config.yaml", ".yamllint.yaml"):
        (root / name).write_text((ROOT / name).read_text(encoding="utf-8"), encoding="utf-8")
    (root / ".venv").symlink_to(ROOT / ".venv")
    run("git", "init", "-q", cwd=root)
    return root


def _precommit(root, tmp_path) -> subprocess.CompletedProcess:
    run("git", "add", "-A", cwd=root)
    env = {**ENV, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    return run(str(BIN / "pre-commit"), "run", "--all-files", cwd=root, env=env)


def test_pre_commit_hooks_pass_on_the_seeds_a_skeleton_and_an_imported_draft(tmp_path):
    root = _precommit_project(tmp_path)
    assert run(str(BIN / "pre-commit"), "validate-config", ".pre-commit-config.yaml", cwd=root).returncode == 0
    new = run(sys.executable, "-m", "macros", "--root", str(root), "baru", "--satker", "kpu-kota-palu", "--nama", "Uji",
              "--nomor", "99/ORT.06/7271/2026", "--pelaksana", "Sekretaris", "--langkah", "2")  # fmt: skip
    assert new.returncode == 0, new.stdout + new.stderr
    seed = ROOT / "sumber/004_fbddccab351de676.txt"
    draft = tmp_path / "draf.yaml"
    imported = run(sys.executable, "-m", "macros", "--root", str(root), "impor", str(seed), "--keluar", str(draft))
    assert imported.returncode == 0, imported.stdout + imported.stderr
    result = run(str(BIN / "yamllint"), "-c", ".yamllint.yaml", "--strict", str(draft), cwd=root)
    assert result.returncode == 0, result.stdout  # the importer writes what the hooks accept
    result = _precommit(root, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("Passed") == 7


def test_pre_commit_stops_a_record_with_an_unknown_field(tmp_path):
    root = _precommit_project(tmp_path)
    palu = root / "sop_data/kpu-kota-palu/penyusunan-laporan-kinerja.yaml"
    palu.write_text(palu.read_text(encoding="utf-8").replace("nama: ", "namaa: ", 1), encoding="utf-8")
    result = _precommit(root, tmp_path)
    assert result.returncode != 0
    assert "skema SOP (check-jsonschema)" in result.stdout and "Failed" in result.stdout
    assert "kpu-kota-palu/penyusunan-laporan-kinerja.yaml" in result.stdout


def test_codeowners_example_names_existing_satker_folders_and_the_registries():
    text = (ROOT / ".github/CODEOWNERS.contoh").read_text(encoding="utf-8")
    folders = set(re.findall(r"^/sop_data/([a-z0-9-]+)/", text, re.M))
    assert folders == set(SEEDS.satker_map)
    for registry in ("regulasi", "satker", "jabatan", "istilah"):
        assert f"/sop_data/{registry}.yaml" in text


def test_ci_builds_one_job_per_province_and_the_national_site_from_their_sites():
    from macros import nasional

    provinces = sorted(nasional.provinces(SEEDS.satker_map))
    listed = run(sys.executable, "-m", "macros", "pecah", "--daftar")
    assert json.loads(listed.stdout) == provinces
    gitlab = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    assert gitlab["provinsi"]["parallel"]["matrix"] == [{"PROVINSI": provinces}]  # kept in step with satker.yaml
    assert gitlab["nasional"]["variables"]["SOP_BANGUN_PROVINSI"] == "false"
    github = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]
    assert (
        github["provinsi"]["strategy"]["matrix"]["provinsi"]
        == "${{ fromJSON(needs.provinsi-daftar.outputs.provinsi) }}"
    )
    assert github["nasional"]["needs"] == "provinsi"


def test_every_plugin_setting_is_in_mkdocs_yml_and_the_maintainers_guide():
    """What the `sop` plugin reads is declared (SopConfig), shown in mkdocs.yml and explained."""
    from macros.site.config import SopConfig

    guide = (ROOT / "docs/pemeliharaan.md").read_text(encoding="utf-8")
    mkdocs_yml = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    names = [name for name, _ in SopConfig._schema]
    assert len(names) >= 8
    undocumented = [n for n in names if not re.search(rf"^\| `{n}` \|", guide, re.M)]
    assert undocumented == []
    # `national` is written by `sop pecah` into the national project's mkdocs.yml only.
    unshown = [n for n in names if n != "national" and not re.search(rf"^      {n}: ", mkdocs_yml, re.M)]
    assert unshown == []


def test_every_authoring_macro_is_in_the_maintainers_guide():
    """The macros hand-written pages may call (the halaman_* macros render generated pages)."""
    source = (ROOT / "macros/site/authoring.py").read_text(encoding="utf-8")
    macros = re.findall(r"@macro\n    def (\w+)\(", source)
    guide = (ROOT / "docs/pemeliharaan.md").read_text(encoding="utf-8")
    authoring = [m for m in macros if not m.startswith("halaman_")]
    assert len(authoring) >= 9
    assert [m for m in authoring if f"{{{{ {m}(" not in guide] == []


def test_ci_runs_the_readme_test_command_in_a_clone_with_nothing_beside_it():
    ci = (ROOT / ".ci/run").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make test    #" in readme
    commands = [line.strip() for line in ci.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    assert any(c.startswith("git clone") and '"$work/' in c for c in commands)
    assert commands.index("make test") > next(i for i, c in enumerate(commands) if c.startswith('cd "$work/'))
    assert "make test-properdocs" in commands


def test_nothing_in_the_repository_reads_the_folder_beside_it():
    """A new user's clone has nothing beside it: no code, test, build or CI file names the folder beside it."""
    tracked = run("git", "ls-files", "-z").stdout.split("\0")
    readers = [
        p
        for p in tracked
        if p and p.endswith((".py", ".yml", ".yaml", ".toml", ".j2", ".js", ".sh", "Makefile", "run"))
    ]
    # The folder beside, by relative path, by parent, or by its seeds; the pattern in parts, or this file finds itself.
    beside = re.compile(r"\.\./" + "shared|parent\\s*/\\s*[\"']" + "shared|" + "shared/" + "seeds")
    hits = [
        p for p in readers if beside.search((ROOT / p).read_text(encoding="utf-8", errors="replace")) and p != ".ci/run"
    ]
    assert hits == []
