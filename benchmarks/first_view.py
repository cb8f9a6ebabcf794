"""First-visit benchmark: bytes and seconds until a staff member can read an SOP, and until its diagram is drawn.

Builds the seed handbook, serves it on 127.0.0.1 (with gzip, as the README's hosting section
configures nginx/Apache, and without), and opens one SOP page in Debian's chromium on a cold
cache with Chromium's network emulation (default 2 Mbit/s down, 100 ms latency). Prints figures;
it asserts nothing (the tests assert behaviour).

With --sintetis N, the handbook is the seeds plus N synthetic SOPs (benchmarks/sintetis.py) and the
page is the first synthetic one. "search" is the total once the reader has opened search and
Material has its index: the index is fetched only then (docs/assets/javascripts/indeks-saat-mencari.js).

Usage: python benchmarks/first_view.py [--kbps 2000] [--latency 100] [--sintetis N] [SOP_ID ...]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))
from browsing import ARGS, CHROMIUM, SEARCH_INITIALIZING, SEARCH_STATE  # noqa: E402
from conftest import build, make_project  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402
from sintetis import generate  # noqa: E402

DEFAULT_SOP = "kpu-kota-serang/pengelolaan-kinerja-dan-penyusunan-laporan-kinerja"
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".csv")


class Handler(http.server.SimpleHTTPRequestHandler):
    """A static server; with ``gzip`` set it compresses text the way `gzip on` does in nginx."""

    gzip = False
    cache: dict = {}

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.gzip and accepts and path.suffix in COMPRESSIBLE and path.is_file()):
            return super().send_head()
        body = self.cache.get(path)
        if body is None:
            body = self.cache[path] = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Bytes(body)


class _Bytes:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *args):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


def serve(site: Path, compress: bool):
    handler = type("H", (Handler,), {"gzip": compress, "cache": {}})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def measure(browser, url: str, kbps: int, latency: int) -> dict:
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    rate = kbps * 1000 / 8  # bytes per second
    cdp.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": latency, "downloadThroughput": rate, "uploadThroughput": rate},
    )
    received = {"bytes": 0, "requests": 0}

    def finished(event):
        received["bytes"] += event.get("encodedDataLength", 0)
        received["requests"] += 1

    cdp.on("Network.loadingFinished", finished)
    start = time.perf_counter()
    page.goto(url, wait_until="commit")
    page.wait_for_selector("#langkah-1", state="visible", timeout=120_000)
    page.wait_for_function("() => document.readyState !== 'loading'", timeout=120_000)
    text = {"s": time.perf_counter() - start, "bytes": received["bytes"], "requests": received["requests"]}
    page.wait_for_load_state("load", timeout=120_000)
    page.locator(".sop-diagram").first.scroll_into_view_if_needed()
    page.wait_for_function(
        "() => [...document.querySelectorAll('.sop-diagram')].every(b => b.querySelector('div.mermaid'))",
        timeout=300_000,
    )
    page.wait_for_load_state("networkidle", timeout=300_000)
    diagram = {"s": time.perf_counter() - start, "bytes": received["bytes"], "requests": received["requests"]}
    page.locator(".md-search__input").click()
    page.wait_for_function(f"() => ({SEARCH_STATE})() !== {SEARCH_INITIALIZING!r}", timeout=300_000)
    page.wait_for_load_state("networkidle", timeout=300_000)
    search = {"s": time.perf_counter() - start, "bytes": received["bytes"], "requests": received["requests"]}
    context.close()
    return {"text": text, "diagram": diagram, "search": search}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kbps", type=int, default=2000)
    parser.add_argument("--latency", type=int, default=100)
    parser.add_argument("--sintetis", type=int, default=0, help="add N synthetic SOPs to the seeds")
    parser.add_argument("sop", nargs="*")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        site = Path(tmp) / "site"
        project = ROOT
        if args.sintetis:
            project = make_project(Path(tmp) / "handbook")
            made = generate(project, args.sintetis)
        args.sop = args.sop or ([made[0]] if args.sintetis else [DEFAULT_SOP])
        result = build(project, site)
        if result.returncode:
            raise SystemExit(result.stdout + result.stderr)
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        print(f"cold cache, {args.kbps} kbit/s, {args.latency} ms latency, 1366x900, Debian chromium")
        index = site / "search" / "search_index.json"
        print(f"handbook: {args.sintetis + 5} SOPs; search index {index.stat().st_size / 1e6:.2f} MB")
        print(f"{'page':62} {'server':8} {'text readable':>22} {'with diagram':>22} {'after opening search':>22}")
        for sop_id in args.sop:
            for compress in (True, False):
                server, url = serve(site, compress)
                try:
                    m = measure(browser, url + f"sop/{sop_id}.html", args.kbps, args.latency)
                finally:
                    server.shutdown()
                t, d, q = m["text"], m["diagram"], m["search"]
                print(
                    f"{sop_id:62} {'gzip' if compress else 'plain':8} "
                    f"{t['s']:6.2f} s {t['bytes'] / 1e3:8.0f} KB {d['s']:6.2f} s {d['bytes'] / 1e3:8.0f} KB"
                    f" {q['s']:6.2f} s {q['bytes'] / 1e3:8.0f} KB"
                    f"  ({t['requests']}/{d['requests']}/{q['requests']} requests)"
                )
        browser.close()


if __name__ == "__main__":
    main()
