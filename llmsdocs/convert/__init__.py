"""HTML page -> clean markdown. ``llmsdocs.convert`` is both this package and a function.

``llmsdocs.convert(html, url)`` returns the markdown; :func:`convert_page` also returns the
title, description and detected generator. Heavy imports (lxml) happen on first use, so
``import llmsdocs`` stays light.
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING

from llmsdocs.convert.page import ConvertedPage, ConvertOptions

if TYPE_CHECKING:
    from llmsdocs.convert.markdown import MarkdownConverter

__all__ = ["ConvertOptions", "ConvertedPage", "MarkdownConverter", "convert", "convert_page"]


def convert_page(html: str | bytes, url: str | None = None, **options: object) -> ConvertedPage:
    """Convert one built HTML page to markdown, with its title, description and generator.

    Args:
        html: the page, as text or as bytes (decoded by BOM, ``<meta charset>``, then UTF-8).
        url: the page's public URL; links and images are made absolute against it.
        **options: see :class:`ConvertOptions` (``selector``, ``generator``, ``path``).

    Raises:
        llmsdocs.InputError: the input is binary, not HTML.
    """
    from llmsdocs.convert.pipeline import convert_page as run

    return run(html, url, **options)


def convert(html: str | bytes, url: str | None = None, **options: object) -> str:
    """Convert one built HTML page to markdown (main content only, starting with an H1)."""
    return convert_page(html, url, **options).markdown


def __getattr__(name: str) -> object:
    if name == "MarkdownConverter":
        from llmsdocs.convert.markdown import MarkdownConverter

        return MarkdownConverter
    raise AttributeError(name)


class _CallableModule(types.ModuleType):
    """Lets ``llmsdocs.convert(html)`` work while ``llmsdocs.convert.convert_page`` exists."""

    def __call__(self, html: str | bytes, url: str | None = None, **options: object) -> str:
        return convert(html, url, **options)


sys.modules[__name__].__class__ = _CallableModule
