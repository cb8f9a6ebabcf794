"""Preview benchmark: from saving one SOP's YAML to the updated page being served.

Generates a handbook (seeds plus N synthetic SOPs), starts `mkdocs serve` on it, changes one
step's text, and polls the served page until the new text is there. Twice: the whole handbook,
and `make pratinjau` (SOP_PRATINJAU: the registries and that SOP). Also times `sop check FILE`.

Usage: python benchmarks/preview.py [--sintetis 1000]
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))
from conftest import ENV, make_project  # noqa: E402
from sintetis import generate  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, limit: float) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if text in fetch(url):
            return time.perf_counter() - start
        time.sleep(0.05)
    raise SystemExit(f"{text!r} not served at {url} within {limit} s")


def save_to_served(project: Path, sop_id: str, preview: bool) -> tuple[float, float]:
    port = free_port()
    env = {**ENV, **({"SOP_PRATINJAU": sop_id} if preview else {})}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/sop/{sop_id}.html"
        started = wait_for(url, "langkah-1", 900)
        path = project / "sop_data" / f"{sop_id}.yaml"
        marker = f"Disimpan{int(time.time() * 1000)}"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace('kegiatan: "', f'kegiatan: "{marker} ', 1), encoding="utf-8")
        return started, wait_for(url, marker, 900)
    finally:
        server.terminate()
        server.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sintetis", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = make_project(Path(tmp) / "handbook")
        sop_id = generate(project, args.sintetis)[0]
        start = time.perf_counter()
        check = subprocess.run(
            [sys.executable, "-m", "macros", "check", f"sop_data/{sop_id}.yaml"],
            cwd=project,
            env=ENV,
            capture_output=True,
        )
        checked = time.perf_counter() - start
        assert check.returncode == 0, check.stdout + check.stderr
        print(f"handbook: {args.sintetis + 5} SOPs; the SOP edited: {sop_id}")
        print(f"sop check on that one file: {checked:.2f} s (process start included)")
        for preview in (True, False):
            started, served = save_to_served(project, sop_id, preview)
            mode = "make pratinjau (that SOP)" if preview else "mkdocs serve (whole handbook)"
            print(f"{mode:32} first serve {started:6.1f} s   save -> served {served:6.2f} s")


if __name__ == "__main__":
    main()
