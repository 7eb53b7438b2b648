"""The converter's stages in order: decode, parse, extract the content, write markdown."""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

from lxml import etree

from llmsdocs.convert.css import select
from llmsdocs.convert.markdown import MarkdownConverter
from llmsdocs.convert.page import ConvertedPage, ConvertOptions
from llmsdocs.convert.source import decode, parse
from llmsdocs.convert.text import escape, heading
from llmsdocs.extract import extract, squash, text_of

_DESCRIPTION_CHARS = 300


def convert_page(html: str | bytes, url: str | None = None, **options: object) -> ConvertedPage:
    """Convert one built HTML page to markdown (see :mod:`llmsdocs.convert`)."""
    opts = ConvertOptions(**options)  # type: ignore[arg-type]
    text = decode(html, opts.path) if isinstance(html, (bytes, bytearray)) else html
    root = parse(text)
    found = extract(root, selector=opts.selector, generator=opts.generator, source=text.lower())
    content_title = found.content_h1
    blocks = MarkdownConverter(base_url=url).convert(found.content)
    title = content_title or found.outside_h1 or found.page_title or _title_from_url(url) \
        or "Untitled"
    if not blocks or not blocks[0].startswith("# "):
        blocks.insert(0, heading(1, escape(title)))
    desc = found.description or _first_paragraph(found.content)
    return ConvertedPage(markdown="\n\n".join(blocks) + "\n", title=title, description=desc,
                         generator=found.generator)


def _title_from_url(url: str | None) -> str:
    if not url:
        return ""
    path = urlsplit(url).path.rstrip("/")
    name = unquote(path.rsplit("/", 1)[-1])
    for suffix in (".html", ".htm"):
        name = name.removesuffix(suffix)
    return "" if name in ("", "index") else name.replace("-", " ").replace("_", " ")


def _first_paragraph(content: etree._Element) -> str | None:
    for p in select(content, ".//p"):
        text = squash(text_of(p))
        if len(text) >= 20:
            if len(text) > _DESCRIPTION_CHARS:
                text = text[:_DESCRIPTION_CHARS].rsplit(" ", 1)[0] + "\u2026"
            return text
    return None
