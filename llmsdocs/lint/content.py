"""Rules on one twin's markdown: H1, raw HTML, chrome, fences, images, links, UI steps.

One markdown-it-py pass per twin gives block tokens with line maps; each rule reads the
tokens it cares about.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from markdown_it import MarkdownIt
from markdown_it.token import Token

if TYPE_CHECKING:
    from llmsdocs.lint.site import SiteView

# CONTRACTS.md: the only raw HTML a twin may hold.
ALLOWED_TAGS = frozenset({"kbd", "sup", "sub", "details", "summary"})
MARKER_COMMENT_RE = re.compile(r"^<!--\s*/?llmsdocs\b.*-->$", re.DOTALL)
TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)\b|<!--(.*?)-->", re.DOTALL)
VAGUE_LINK_TEXT = frozenset({"click here", "here", "this link", "link", "this page",
                             "read more", "this"})
# Whole paragraphs that are chrome on every generator we know (never page content).
CHROME_TEXT = frozenset({
    "skip to content", "skip to main content", "back to top", "edit this page",
    "edit on github", "view page source", "toggle navigation", "table of contents",
    "on this page", "was this page helpful?", "made with material for mkdocs",
    "copy to clipboard", "initializing search",
})
PERMALINK_SIGNS = ("¶", "\uf0c1", "🔗")

Emit = Callable[[str, int | None, str, str | None], None]


def markdown_parser() -> MarkdownIt:
    """CommonMark (markdown-it-py). Tables are left off on purpose: the rules read fences,
    raw HTML, headings and inline links/images, which parse the same inside table rows, and
    the table rule costs a third of the parse time."""
    return MarkdownIt("commonmark")


def _text_of(children: list[Token], start: int) -> tuple[str, int]:
    """Plain text of a link starting at ``children[start]`` (link_open); index of link_close."""
    depth, index = 0, start
    parts: list[str] = []
    while index < len(children):
        child = children[index]
        if child.type == "link_open":
            depth += 1
        elif child.type == "link_close":
            depth -= 1
            if depth == 0:
                return "".join(parts), index
        elif child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "image":
            parts.append(child.content or "\0image")
        index += 1
    return "".join(parts), index


def _refine(lines: list[str], first: int, last: int, needle: str) -> int:
    """The 1-based line between ``first`` and ``last`` that contains ``needle`` (else first)."""
    for number in range(first, min(last, len(lines)) + 1):
        if needle and needle in lines[number - 1]:
            return number
    return first


def _html_tags(html: str) -> Iterator[str]:
    """Names of the disallowed tags and comments in a piece of raw HTML."""
    for match in TAG_RE.finditer(html):
        if match.group(3) is not None:
            if not MARKER_COMMENT_RE.match(match.group(0)):
                yield "<!-- comment -->"
        elif not match.group(1) and match.group(2).lower() not in ALLOWED_TAGS:
            yield f"<{match.group(2).lower()}>"  # closing tags: the opening one is reported


def check_twin(text: str, twin: str, page: str, site: SiteView | None, enabled: set[str],
               emit: Emit, tokens: list[Token] | None = None) -> None:
    """Run the twin and content rules (except UI steps) on one twin's markdown.

    Args:
        text: the twin's markdown.
        twin: its site-relative path (links resolve against ``page``, the HTML beside it).
        page: the HTML page it was made from.
        site: the site, for link targets and anchors (None: links are not checked).
        enabled: the rule ids to run.
        emit: ``emit(rule, line, message, needle)``.
        tokens: markdown-it tokens of ``text`` when the caller has them already.
    """
    lines = text.splitlines()
    if tokens is None:
        tokens = markdown_parser().parse(text)
    if "twin-h1" in enabled:
        first = next((t for t in tokens if t.type != "html_block"), None)
        if first is None or first.type != "heading_open" or first.tag != "h1":
            has_h1 = any(t.type == "heading_open" and t.tag == "h1" for t in tokens)
            emit("twin-h1", 1, "the twin has an H1, but not as its first block" if has_h1
                 else "the twin has no H1 title", None)
    for index, token in enumerate(tokens):
        start = token.map[0] + 1 if token.map else None
        end = token.map[1] if token.map else None
        if token.type in ("fence", "code_block") and "fence-no-language" in enabled:
            if not token.info.strip():
                body = next((ln.strip() for ln in token.content.splitlines() if ln.strip()), "")
                kind = "code block" if token.type == "code_block" else "code fence"
                emit("fence-no-language", start, f"{kind} without a language", body[:80] or None)
        elif token.type == "html_block" and "twin-raw-html" in enabled:
            bad = sorted(set(_html_tags(token.content)))
            if bad:
                emit("twin-raw-html", start, f"raw HTML in twin: {', '.join(bad)}", bad[0][:-1])
        elif token.type == "heading_open" and "twin-chrome" in enabled:
            inline = tokens[index + 1]
            if inline.content.rstrip().endswith(PERMALINK_SIGNS):
                emit("twin-chrome", start,
                     f"heading keeps its permalink sign: {inline.content.strip()[:60]!r}", None)
        elif token.type == "inline" and token.children is not None:
            in_paragraph = index > 0 and tokens[index - 1].type == "paragraph_open"
            if (in_paragraph and "twin-chrome" in enabled
                    and token.content.strip().lower().rstrip(".") in CHROME_TEXT):
                emit("twin-chrome", start, f"site chrome left in the twin: "
                     f"{token.content.strip()!r}", None)
            _inline(token.children, lines, start or 1, end or start or 1, twin, page, site,
                    enabled, emit)


def _inline(children: list[Token], lines: list[str], first: int, last: int, twin: str,
            page: str, site: SiteView | None, enabled: set[str], emit: Emit) -> None:
    for index, child in enumerate(children):
        if child.type == "image" and "image-no-alt" in enabled and not child.content.strip():
            src = str(child.attrGet("src") or "")
            emit("image-no-alt", _refine(lines, first, last, src), f"image {src!r} has no alt text",
                 src.rsplit("/", 1)[-1] or None)
        elif child.type == "html_inline" and "twin-raw-html" in enabled:
            bad = list(_html_tags(child.content))
            if bad:
                emit("twin-raw-html", _refine(lines, first, last, child.content),
                     f"raw HTML in twin: {bad[0]}", bad[0][:-1])
        elif child.type == "link_open":
            href = str(child.attrGet("href") or "")
            text, _ = _text_of(children, index)
            line = _refine(lines, first, last, f"]({href}")
            label = text.strip()
            if "link-text-vague" in enabled and label.lower().rstrip(".!:") in VAGUE_LINK_TEXT:
                emit("link-text-vague", line,
                     f"link text {label!r} does not say where it goes ({href})", f"[{label}]")
            if site is not None and ({"dead-link", "dead-anchor"} & enabled):
                _check_link(href, label, line, twin, page, site, enabled, emit)


def _check_link(href: str, label: str, line: int, twin: str, page: str, site: SiteView,
                enabled: set[str], emit: Emit) -> None:
    target = site.to_site_path(href, page)
    if target is None:
        return
    rel, fragment = target
    needle = f"[{label}]" if label else href
    file = site.resolve_file(rel)
    if file is None:
        if "dead-link" in enabled:
            emit("dead-link", line, f"link to {href!r}: no such file in the site", needle)
        return
    if not fragment or fragment == "top" or "dead-anchor" not in enabled:
        return
    html = site.page_of(file)
    if html is None or html not in site.files:
        return
    if not site.has_anchor(html, fragment):
        emit("dead-anchor", line, f"link to {href!r}: {html} has no anchor #{fragment}", needle)
