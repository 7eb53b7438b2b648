"""The converter's result and options (light: no parser imported here)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True, frozen=True)
class ConvertedPage:
    """One HTML page as markdown, with what the page says about itself."""

    markdown: str
    """Starts with ``# <title>`` (the content's H1, else the page title)."""
    title: str
    """The page's title: its content H1, else ``<title>`` minus " - Site name"."""
    description: str | None
    """``<meta name=description>``, else the first paragraph; one line, plain text."""
    generator: str | None
    """``mkdocs``, ``material``, ``sphinx``, ``docusaurus``, ``vitepress``, ``hugo``,
    ``jekyll``, or None for an unknown site."""


@dataclass(slots=True, frozen=True)
class ConvertOptions:
    """Keyword options of :func:`llmsdocs.convert.convert` (an unknown name is a TypeError)."""

    selector: str | None = None
    """CSS selector of the main content, overriding detection (e.g. ``"div.doc"``)."""
    generator: str | None = None
    """Force a generator profile (``material``, ``sphinx``...) instead of detecting it."""
    path: str | None = None
    """File name used in error messages."""
