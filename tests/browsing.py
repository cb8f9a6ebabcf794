"""Helpers for the browser tests: Debian's chromium through Playwright, a quiet local server,
and ways to wait on what Material and the handbook's script really do (no timers).

Material draws each diagram into a closed shadow root; OPEN_SHADOW, added as an init script,
opens shadow roots so a test can read the SVG a reader sees.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
OPEN_SHADOW = (
    "const attach = Element.prototype.attachShadow;"
    "Element.prototype.attachShadow = function (init) { return attach.call(this, {...init, mode: 'open'}); };"
)
# True once Material has drawn every diagram of the page into its (opened) shadow root.
DRAWN = "() => [...document.querySelectorAll('.mermaid')].every(e => e.shadowRoot && e.shadowRoot.querySelector('svg'))"


def draw_all(page) -> None:
    """Ask the page for every diagram now (they load lazily, when scrolled to) and wait until drawn."""
    page.evaluate("() => window.sopDrawAll && window.sopDrawAll()")
    page.wait_for_function(DRAWN, timeout=30_000)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


class Visit:
    """Open one page, record every request and dialog, and read the drawn diagrams."""

    def __init__(self, browser, url):
        self.requests, self.dialogs, self.errors = [], [], []
        self.page = browser.new_page()
        self.page.add_init_script(OPEN_SHADOW)
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(url)
        draw_all(self.page)

    def svg_texts(self) -> list[str]:
        return self.page.evaluate(
            "() => [...document.querySelectorAll('.mermaid')].flatMap(e => "
            "[...e.shadowRoot.querySelectorAll('svg text, svg .nodeLabel, svg .edgeLabel, svg span, svg p')]"
            ".map(t => t.textContent.trim()))"
        )

    def off_host(self, base):
        return [u for u in self.requests if not (u.startswith(base) or u.startswith("data:"))]

    def close(self):
        self.page.close()


# Material's search box says "Mempersiapkan pencarian" (its Indonesian "Initializing search") until its
# worker has loaded the index, then the placeholder; after a query, the number of results or "none".
SEARCH_STATE = "() => (document.querySelector('.md-search-result__meta') || {}).textContent.trim()"
SEARCH_INITIALIZING = "Mempersiapkan pencarian"
SEARCH_PLACEHOLDER = "Ketik untuk mulai pencarian"
SEARCH_NONE = "Tidak ada dokumen yang sesuai"


def search(page, query: str) -> str:
    """Type ``query`` into Material's search once its index is ready; return the result count line.

    Waits on Material's own state (the result meta line), never on a timer or by retyping.
    """
    # Focus first: opened from disk, Material loads its index only once search is opened.
    page.locator(".md-search__input").click()
    page.wait_for_function(f"() => ({SEARCH_STATE})() !== {SEARCH_INITIALIZING!r}", timeout=20_000)
    # The whole query at once, then one key: Material searches on keyup, so no result of a half-typed
    # query can be mistaken for the answer.
    page.locator(".md-search__input").fill(query)
    page.locator(".md-search__input").press("End")
    page.wait_for_function(
        f"() => ![{SEARCH_INITIALIZING!r}, {SEARCH_PLACEHOLDER!r}, ''].includes(({SEARCH_STATE})())", timeout=20_000
    )
    state = page.evaluate(f"({SEARCH_STATE})()")
    if state != SEARCH_NONE:
        # Material writes the count line first and the result items after it.
        page.wait_for_selector(".md-search-result__item a", timeout=20_000)
    return state
