"""The "Copy page as Markdown" button, clicked in headless Chromium (Debian's package).

The small MkDocs project is built with ``copy_button: true`` and a site_url on a local
http.server; Playwright opens a page, clicks the button and reads the system clipboard.
"""

from __future__ import annotations

import functools
import http.server
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import mkdocs_build
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def served_site(mkdocs_project: Path) -> Iterator[tuple[str, Path]]:
    """The project built with the copy button, served on 127.0.0.1 (a secure context)."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    config = mkdocs_project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("site_url: https://docs.lantern.example/", f"site_url: {base}")
    text = text.replace("      optional:", "      copy_button: true\n      optional:")
    # Material's instant navigation swaps pages without a reload: the button must follow.
    text = text.replace("    - navigation.tabs\n", "    - navigation.tabs\n    - navigation.instant\n")
    config.write_text(text, encoding="utf-8")
    mkdocs_build(mkdocs_project)
    site = mkdocs_project / "site"
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base, site
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_copy_button_copies_the_pages_markdown_twin(served_site: tuple[str, Path]) -> None:
    base, site = served_site
    expected = (site / "guide/queues/index.html.md").read_text(encoding="utf-8")
    assert (site / "_llmsdocs/copy-button.js").is_file()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            context = browser.new_context(viewport={"width": 1400, "height": 900})
            context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base.rstrip("/"))
            page = context.new_page()
            page.goto(base + "guide/queues/", wait_until="domcontentloaded")
            button = page.locator("button[data-llmsdocs-copy]")
            assert button.count() == 1
            assert button.inner_text() == "Copy page as Markdown"
            page.evaluate(
                """() => {
                  window.__copied = new Promise(resolve => {
                    document.addEventListener('llmsdocs:copied', e => resolve(e.detail));
                    document.addEventListener('llmsdocs:copy-failed', e => resolve('FAILED: ' + e.detail));
                    setTimeout(() => resolve('TIMEOUT'), 10000);
                  });
                }"""
            )
            button.click()
            event_text = page.evaluate("window.__copied")
            clipboard = page.evaluate("navigator.clipboard.readText()")
            assert button.inner_text() == "Copied"
            # Navigate in-page (instant loading) to another page, then copy again.
            page.locator("a[href$='guide/retries/']:visible").first.click()
            page.wait_for_function("document.querySelector('article h1')?.textContent.includes('Retries')")
            page.wait_for_selector("button[data-llmsdocs-copy]")
            page.locator("button[data-llmsdocs-copy]").click()
            page.wait_for_function("document.querySelector('button[data-llmsdocs-copy]').textContent === 'Copied'")
            second = page.evaluate("navigator.clipboard.readText()")
        finally:
            browser.close()
    assert event_text == expected
    assert clipboard == expected
    assert clipboard.startswith("# Queues\n")
    assert second == (site / "guide/retries/index.html.md").read_text(encoding="utf-8")
