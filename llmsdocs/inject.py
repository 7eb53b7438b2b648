"""Edits to built HTML pages: the markdown ``<link rel="alternate">`` and the copy button.

Every injected element carries ``data-llmsdocs``, so an edit is idempotent (the previous one
is removed first) and :func:`llmsdocs.manifest.html_hash` ignores it. Only string splicing at
``</head>``: re-serializing a page through a parser would change bytes we do not own.
"""

from __future__ import annotations

import html as html_lib
import posixpath
import re
from importlib import resources

ASSET_PATH = "_llmsdocs/copy-button.js"
"""Where the copy button's script is written in the site (site-relative)."""

_OURS_VOID = re.compile(r"<(?:link|meta)\b[^>]*\bdata-llmsdocs\b[^>]*>[ \t]*\n?", re.IGNORECASE)
_OURS_PAIRED = re.compile(
    r"<(script|style)\b[^>]*\bdata-llmsdocs\b[^>]*>.*?</\1\s*>[ \t]*\n?", re.IGNORECASE | re.DOTALL
)
_HEAD_CLOSE = re.compile(r"</head\s*>", re.IGNORECASE)
_HEAD_OPEN = re.compile(r"<head\b[^>]*>", re.IGNORECASE)


def copy_button_script() -> bytes:
    """The bundled copy-button script (shipped inside the package, no CDN)."""
    return resources.files("llmsdocs").joinpath("assets/copy-button.js").read_bytes()


def relative_href(page_path: str, target: str) -> str:
    """Href from a page (site-relative HTML path) to another site-relative file.

    A directory index is served at its directory, so both ``guide/index.html`` and
    ``guide/`` resolve the href the same way.
    """
    start = posixpath.dirname(page_path) or "."
    return posixpath.relpath(target, start)


def strip_injected(html: str) -> str:
    """The page without anything llmsdocs added (so edits never accumulate)."""
    return _OURS_PAIRED.sub("", _OURS_VOID.sub("", html))


def has_injected(html: str) -> list[str]:
    """The edits present in a page: ``head-link`` and/or ``copy-button``."""
    edits = []
    if re.search(r"<link\b[^>]*\bdata-llmsdocs\b", html, re.IGNORECASE):
        edits.append("head-link")
    if re.search(r"<script\b[^>]*\bdata-llmsdocs\b", html, re.IGNORECASE):
        edits.append("copy-button")
    return edits


def inject(
    html: str,
    *,
    page_path: str,
    twin_url: str,
    twin_path: str,
    head_link: bool = True,
    copy_button: bool = False,
) -> str | None:
    """The page with our head link and/or copy button, or None when it has no ``<head>``.

    Args:
        html: the built page.
        page_path: its site-relative path (for relative hrefs to the twin and the script).
        twin_url: absolute URL of its twin (the head link's href).
        twin_path: site-relative path of its twin (the button fetches it relative to the page).
        head_link: add ``<link rel="alternate" type="text/markdown">``.
        copy_button: add the "Copy page as Markdown" script.
    """
    clean = strip_injected(html)
    tags = []
    if head_link:
        tags.append(
            f'<link rel="alternate" type="text/markdown" href="{html_lib.escape(twin_url)}" data-llmsdocs>'
        )
    if copy_button:
        src = html_lib.escape(relative_href(page_path, ASSET_PATH))
        twin = html_lib.escape(relative_href(page_path, twin_path))
        tags.append(f'<script src="{src}" data-twin="{twin}" defer data-llmsdocs></script>')
    if not tags:
        return clean
    snippet = "".join(tag + "\n" for tag in tags)
    close = _HEAD_CLOSE.search(clean)
    if close:
        return clean[: close.start()] + snippet + clean[close.start():]
    opened = _HEAD_OPEN.search(clean)
    if opened:
        return clean[: opened.end()] + "\n" + snippet + clean[opened.end():]
    return None
