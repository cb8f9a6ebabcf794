"""Shared fixtures: the project root, throwaway copies of it, and one built site."""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from macros import core

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOTS = Path(__file__).parent / "snapshots"
# The engine that builds the handbook in the tests: MkDocs, or ProperDocs (its maintained fork, a
# drop-in for MkDocs 1.x plugins) with SOP_MESIN=properdocs (`make test-properdocs`).
ENGINE = os.environ.get("SOP_MESIN", "mkdocs")
MKDOCS = [sys.executable, "-m", ENGINE]
# Reviews are judged from this day in every test, so findings do not change with the calendar.
REFERENCE_DATE = dt.date(2026, 11, 23)
ENV = {
    # No edit links, preview, page dump or PDFs unless a test asks for them.
    **{
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SOP_REPO_", "SOP_PRATINJAU", "SOP_SALIN_MARKDOWN", "SOP_PDF"))
    },
    "NO_MKDOCS_2_WARNING": "1",
    "SOP_TANGGAL_ACUAN": REFERENCE_DATE.isoformat(),
    # Builds import the handbook from this working tree, not from whatever checkout the virtual
    # environment was installed from (a project copy's own macros/ still comes first: it is the cwd).
    "PYTHONPATH": str(ROOT),
}

# The embedded handbook, loaded once for every test module that parametrizes over it.
SEEDS, SEED_FINDINGS = core.load(ROOT, REFERENCE_DATE)

# What a project copy needs to build; node_modules is linked, not copied (5 MB bundle).
PROJECT_FILES = ["mkdocs.yml", "docs", "overrides", "macros", "sop_data", "schema", "sumber"]


def make_project(dest: Path) -> Path:
    dest.mkdir(parents=True)
    for name in PROJECT_FILES:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__", "vendor"))
        else:
            shutil.copy(src, dest / name)
    (dest / "node_modules").symlink_to(ROOT / "node_modules")
    return dest


def generate_handbook(project_dir: Path, count: int) -> list[Path]:
    """Grow the project's handbook to ``count`` SOPs: copies of the seeds, each with its own Nomor."""
    seeds = sorted((project_dir / "sop_data").glob("*/*.yaml"))
    made = []
    for n in range(count - len(seeds)):
        src = seeds[n % len(seeds)]
        text = re.sub(
            r"^nomor: .*$",
            f'nomor: "{n + 1}/SALINAN/{n % 7}/2024"',
            src.read_text(encoding="utf-8"),
            count=1,
            flags=re.M,
        )
        made.append(src.parent / f"salinan-{n + 1}.yaml")
        made[-1].write_text(text, encoding="utf-8")
    return made


@pytest.fixture
def project(tmp_path) -> Path:
    """A fresh, writable copy of the project to break on purpose."""
    return make_project(tmp_path / "project")


def page_file(site_dir: Path, page: str) -> Path:
    """The built file of ``page`` (e.g. ".", "regulasi", "sop/<satker>/<slug>"): the site has no
    directory URLs (it must work from file://), so a page is <page>.html or, for a folder's own
    page, <page>/index.html."""
    folder = site_dir / page / "index.html"
    return folder if folder.is_file() else site_dir / f"{page}.html"


def page_html(site_dir: Path, page: str) -> str:
    return page_file(site_dir, page).read_text(encoding="utf-8")


def build(project_dir: Path, site_dir: Path, **env: str) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of ``project_dir`` into ``site_dir``, with ``env`` added to the environment."""
    return subprocess.run(
        MKDOCS
        + [
            "build",
            "--strict",
            "--config-file",
            str(Path(project_dir).resolve() / "mkdocs.yml"),
            "--site-dir",
            str(site_dir),
        ],
        cwd=project_dir,
        env={**ENV, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The handbook on the embedded SOPs, built once with --strict."""
    site = tmp_path_factory.mktemp("site")
    result = build(ROOT, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def sop(*args) -> subprocess.CompletedProcess:
    """Run the `sop` command as a maintainer would (python -m macros)."""
    return subprocess.run([sys.executable, "-m", "macros", *args], env=ENV, capture_output=True, text=True)


# Every snapshot a test compared this session; the files no test compared are orphans (see pytest_sessionfinish).
USED_SNAPSHOTS: set[str] = set()
# With pytest-xdist the tests run in worker processes: each writes the snapshots it compared to this
# file (one name a line), and the controlling process reads them all before looking for orphans.
USED_LOG = "SOP_SNAPSHOTS_USED"


def assert_snapshot(name: str, actual: str) -> None:
    """Compare with tests/snapshots/<name>.

    On a difference the test fails with a diff and writes <name>.new beside the snapshot;
    `make snapshots` shows each .new file and asks whether to accept it. SNAPSHOT_UPDATE=1
    rewrites every snapshot at once (review the git diff afterwards).
    """
    USED_SNAPSHOTS.add(name)
    path = SNAPSHOTS / name
    pending = path.with_name(path.name + ".new")
    if os.environ.get("SNAPSHOT_UPDATE") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    expected = path.read_text(encoding="utf-8") if path.is_file() else None
    if actual == expected:
        pending.unlink(missing_ok=True)
        return
    pending.write_text(actual, encoding="utf-8")
    if expected is None:
        pytest.fail(f"no snapshot {name}; review {pending.relative_to(ROOT)} (`make snapshots`)")
    diff = "".join(
        difflib.unified_diff(
            expected.splitlines(True), actual.splitlines(True), f"{name} (snapshot)", f"{name} (now)", n=1
        )
    )
    lines = diff.splitlines(True)
    pytest.fail(
        f"{name} differs from its snapshot; review with `make snapshots`\n"
        + "".join(lines[:80])
        + (f"... {len(lines) - 80} more lines\n" if len(lines) > 80 else ""),
        pytrace=False,
    )


def orphan_snapshots() -> list[str]:
    used = set(USED_SNAPSHOTS)
    log = Path(os.environ.get(USED_LOG, ""))
    if log.name and log.is_file():
        used.update(log.read_text(encoding="utf-8").split())
    return sorted(p.name for p in SNAPSHOTS.iterdir() if p.suffix != ".new" and p.name not in used)


def pytest_configure(config):
    if not hasattr(config, "workerinput") and USED_LOG not in os.environ:  # the controlling process
        fd, path = tempfile.mkstemp(prefix="sop-snapshots-", suffix=".txt")
        os.close(fd)
        os.environ[USED_LOG] = path  # the workers are started after this, with this environment


def _whole_suite(config) -> bool:
    """Only a run of every test can tell an orphan from a snapshot whose test was not selected."""
    args = [Path(a).resolve() for a in config.args]
    return (
        not config.option.keyword
        and not config.option.markexpr
        and not getattr(config.option, "lf", False)
        and all(a == Path(__file__).parent for a in args)
    )


def pytest_sessionfinish(session, exitstatus):
    if hasattr(session.config, "workerinput"):  # a worker: hand its snapshots to the controller
        with open(os.environ[USED_LOG], "a", encoding="utf-8") as log:
            log.write("".join(f"{name}\n" for name in USED_SNAPSHOTS))
        return
    if exitstatus == 0 and _whole_suite(session.config) and orphan_snapshots():
        session.exitstatus = 1


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    orphans = orphan_snapshots() if exitstatus in (0, 1) and _whole_suite(config) and not config.option.maxfail else []
    if orphans:
        terminalreporter.section("orphaned snapshots")
        terminalreporter.write_line("No test compares these files; delete them or restore their test:")
        for name in orphans:
            terminalreporter.write_line(f"  tests/snapshots/{name}")


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium, driven by Playwright (never a browser download)."""
    from browsing import ARGS, CHROMIUM
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).is_file(), f"{CHROMIUM} missing: `make test` installs Debian's chromium"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def served(built_site):
    """The seed site over HTTP on 127.0.0.1."""
    from browsing import serve

    server, url = serve(built_site)
    yield url
    server.shutdown()
