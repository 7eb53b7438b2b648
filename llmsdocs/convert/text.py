"""Markdown text primitives: escaping, code spans, fences, paragraphs, quoting, URLs.

Page text is escaped where it is read (one text node at a time), and line-start hazards are
escaped when a paragraph's lines are known, so page text can never forge headings, lists,
links, emphasis or raw HTML in the output.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

BR = "\x01"
"""Sentinel for ``<br>`` inside inline text; control characters are removed from input first."""

_WS = re.compile(r"[ \t\n\r\f\v]+")
_SPACES = re.compile(r" {2,}")
_INLINE_ESC = re.compile(
    r"\\(?=[!-/:-@\[-`{-~]|$)|[`*\[\]~]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])"
    r"|<(?=[A-Za-z/!?]|$)|&(?=#?[A-Za-z0-9]+;|$)"
)
"""Inline syntax to escape. A ``<`` or ``&`` ending a text node is escaped too: the next node's
text (``<span>&lt;</span><span>T</span>`` in a highlighted signature) may complete a tag or an
entity once the pieces are joined."""
_NEEDS_ESC = re.compile(r"[\\`*\[\]~_<&]")
_ORDERED = re.compile(r"^(\d{1,9})([.)])(?=[ \t]|$)")
_ATX = re.compile(r"^#{1,6}(?=[ \t]|$)")
_BULLET = re.compile(r"^[-+](?=[ \t]|$)")
_RULE_LINE = re.compile(r"^(?:-[ \t]*){2,}$|^=+[ \t]*$")
_TRAILING_HASHES = re.compile(r"([ \t])(#+)$")
_BACKTICKS = re.compile(r"`+")
_TILDES = re.compile(r"~+")
_DANGEROUS_SCHEME = re.compile(r"^(?:javascript|vbscript|data):", re.IGNORECASE)
_URL_JUNK = re.compile(r"[\x00-\x20\x7f]+")
_LANG_OK = re.compile(r"[^\w+#.-]+")


def collapse(text: str) -> str:
    """HTML whitespace collapsing: any run of whitespace becomes one space."""
    return _WS.sub(" ", text)


def escape(text: str) -> str:
    """Escape inline markdown syntax in page text (whitespace already collapsed)."""
    if _NEEDS_ESC.search(text) is None:
        return text
    return _INLINE_ESC.sub(r"\\\g<0>", text)


def escape_line_start(line: str) -> str:
    """Escape what would start a block construct at the beginning of a line."""
    if not line:
        return line
    first = line[0]
    if first == "#":
        return "\\" + line if _ATX.match(line) else line
    if first == ">":
        return "\\" + line
    if first in "-+=":
        if _BULLET.match(line) or _RULE_LINE.match(line):
            return "\\" + line
        return line
    if first in ":~" and len(line) > 1 and line[1] in " \t":
        return "\\" + line
    if first.isdigit():
        m = _ORDERED.match(line)
        if m:
            return m.group(1) + "\\" + line[m.end(1):]
    return line


def paragraph(inline: str) -> str:
    """Turn joined inline markdown into a paragraph: collapse spaces, hard breaks, escapes."""
    if BR in inline:
        lines = [_SPACES.sub(" ", part).strip() for part in inline.split(BR)]
        lines = [escape_line_start(line) for line in lines if line]
        return "\\\n".join(lines)
    return escape_line_start(_SPACES.sub(" ", inline).strip())


def one_line(inline: str) -> str:
    """Inline markdown on one line (headings, table cells, terms): breaks become spaces."""
    return _SPACES.sub(" ", inline.replace(BR, " ").replace("\n", " ")).strip()


def heading(level: int, inline: str) -> str:
    """An ATX heading; trailing ``#`` of the text is escaped so it is not eaten as a closer."""
    text = _TRAILING_HASHES.sub(r"\1\\\2", one_line(inline))
    return "#" * level + " " + text


def code_span(text: str) -> str:
    """An inline code span whose backtick fence is longer than any run inside."""
    text = collapse(text)
    if not text.strip():
        return ""
    runs = _BACKTICKS.findall(text)
    ticks = "`" * (max((len(r) for r in runs), default=0) + 1)
    if text.startswith("`") or text.endswith("`") or (text[0] == " " and text[-1] == " "):
        text = f" {text} "
    return f"{ticks}{text}{ticks}"


def fence(code: str, lang: str | None = None, info: str = "") -> str:
    """A fenced code block, byte-exact: the fence is longer than any backtick run inside."""
    runs = _BACKTICKS.findall(code)
    size = max(3, max((len(r) for r in runs), default=0) + 1)
    marker = "`" * size
    head = _LANG_OK.sub("", lang or "")
    if info:
        head = f"{head} {info}".strip()
    return f"{marker}{head}\n{code}\n{marker}" if code else f"{marker}{head}\n{marker}"


def quote(text: str) -> str:
    """Prefix every line with ``>`` (a blockquote)."""
    return "\n".join(("> " + line) if line else ">" for line in text.split("\n"))


def indent(text: str, width: int) -> str:
    """Indent every non-empty line after the first by ``width`` spaces (list continuation)."""
    pad = " " * width
    lines = text.split("\n")
    return "\n".join([lines[0]] + [(pad + line) if line else "" for line in lines[1:]])


def safe_url(href: str | None, base: str | None) -> str | None:
    """The link target to write, absolute against ``base``; None for dangerous or empty URLs."""
    if href is None:
        return None
    href = href.strip()
    if not href:
        return None
    if _DANGEROUS_SCHEME.match(_URL_JUNK.sub("", href)):
        return None
    if href.startswith("#") or base is None:
        return href
    try:
        return urljoin(base, href)
    except ValueError:
        return href


def destination(url: str) -> str:
    """A link destination as markdown accepts it (angle brackets when it has spaces/parens)."""
    if any(c in url for c in " ()<>\n\t") or not url:
        return "<" + url.replace("<", "%3C").replace(">", "%3E").replace("\n", "%0A") + ">"
    return url


def html_escape(text: str) -> str:
    """Escape text placed inside one of the allowed raw tags (kbd, sup, sub, summary)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
