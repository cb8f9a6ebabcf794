"""The load-and-check core works without MkDocs: `sop check`, the exports and the renderers import none of it."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from conftest import ENV, ROOT

# Any import of mkdocs (or a plugin of it) fails, as on a machine where MkDocs is not installed.
BLOCK_MKDOCS = textwrap.dedent("""\
    import sys
    class NoMkDocs:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("mkdocs", "mkdocs_macros", "mermaid2", "material"):
                raise ImportError(f"{name} is blocked in this test")
    sys.meta_path.insert(0, NoMkDocs())
    """)


def run_without_mkdocs(code: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", BLOCK_MKDOCS + textwrap.dedent(code)],
        cwd=ROOT,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_blocker_really_blocks_mkdocs():
    result = run_without_mkdocs("import mkdocs")
    assert result.returncode != 0 and "blocked in this test" in result.stderr


def test_core_loads_checks_exports_and_renders_without_mkdocs():
    result = run_without_mkdocs("""
        import datetime
        from pathlib import Path
        import macros.core
        from macros import export, urls
        from macros.render import page
        book, findings = macros.core.load(Path("."))
        assert len(book.sops) == 5 and findings
        export.handbook_json(book, findings, datetime.date.today(), urls.source_link)
        export.citations_csv(book)
        for record in book.sops.values():
            page.sop_page(record, book, urls.source_link, [], None)
        assert not [m for m in sys.modules if m.split(".")[0] == "mkdocs"]
        print("ok", len(book.sops))
        """)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok 5"


def test_sop_check_runs_without_mkdocs():
    result = run_without_mkdocs("""
        from macros.cli import main
        sys.exit(main(["check"]))
        """)
    assert result.returncode == 0, result.stderr
    assert "0 kesalahan" in result.stderr


def test_checks_split_over_two_processes_find_exactly_what_one_process_finds(monkeypatch, tmp_path):
    """`sop check` on a large handbook runs part of the checks in a forked process."""
    from conftest import REFERENCE_DATE, make_project

    from macros import core
    from macros.checks import base

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from sintetis import generate

    project = make_project(tmp_path / "p")
    generate(project, 60, provinces=2)
    _, alone = core.load(project, REFERENCE_DATE)
    forks = []
    real_fork = base.os.fork
    monkeypatch.setattr(base, "PARALLEL_FROM", 10)
    monkeypatch.setattr(base.os, "fork", lambda: forks.append(1) or real_fork())
    _, split = core.load(project, REFERENCE_DATE, workers=2)
    assert forks == [1] and len(alone) > 100
    assert split == alone


def test_a_failed_second_process_is_redone_here_and_said(caplog):
    """When the forked half of `sop check` dies, its findings are computed in this process and the
    fallback is logged (it is slower, and a maintainer should know why)."""
    import os

    from macros.checks import base

    parent = os.getpid()

    def child_work():
        if os.getpid() != parent:
            raise RuntimeError("the second process breaks")
        return ["dari anak"]

    with caplog.at_level("WARNING", logger="sop.check"):
        out = base._in_child(child_work, lambda: ["dari induk"])
    assert out == ["dari induk", "dari anak"]
    (record,) = caplog.records
    assert "pemeriksaan paralel gagal" in record.getMessage() and "satu proses" in record.getMessage()


def test_a_healthy_second_process_logs_nothing(caplog):
    from macros.checks import base

    with caplog.at_level("WARNING", logger="sop.check"):
        assert base._in_child(lambda: ["a"], lambda: ["b"]) == ["b", "a"]
    assert caplog.records == []
