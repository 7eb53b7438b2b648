"""Input bytes -> text -> an lxml tree, never losing text and never raising on odd HTML.

Decoding: BOM, then ``<meta charset>``, then UTF-8 with replacement. Only input that is not
text at all (a known binary signature, or mostly control bytes) raises :class:`InputError`.

Parsing: ``lxml.html`` is the fast path. libxml2 silently drops everything at nesting depth
255 and after it (CONTRACTS.md), and reports it only in the parser's error log; on that
report the page is re-parsed through lxml's event interface into a tree whose depth is capped
(deeper start tags are flattened into their ancestor), so all text survives.
"""

from __future__ import annotations

import codecs
import re

from lxml import etree

from llmsdocs.errors import InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_HTML_TAG = re.compile(rb"<(?:!doctype|html|head|body|meta|title|p|div|span|a|h[1-6])[\s>/]", re.IGNORECASE)
_BINARY_MAGIC: tuple[bytes, ...] = (
    b"\x89PNG", b"GIF87a", b"GIF89a", b"\xff\xd8\xff", b"%PDF-", b"PK\x03\x04", b"\x1f\x8b",
    b"\x7fELF", b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf", b"RIFF", b"\x00asm", b"OggS", b"fLaC",
    b"ID3", b"MZ",
)
# C0 controls other than tab/newline/CR/form feed, and DEL: XML cannot hold them, HTML shows
# nothing for them. Removing them up front also lets the converter use private sentinels.
_CONTROL: dict[int, int | None] = dict.fromkeys([*range(9), 11, *range(14, 32), 127, 0xFFFE, 0xFFFF])
_CONTROL[12] = 32  # form feed: HTML whitespace, but no XML tree may hold it
_LONG_TAG = re.compile(r"<([A-Za-z][^\s/<>]*)([^<>]{16384,})>")
_ATTRIBUTE = re.compile(r"""[^\s=/<>"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>]+))?""")
_MAX_ATTRIBUTES = 512
"""libxml2 checks duplicate attributes pairwise: 50,000 on one tag take seconds to parse."""
_HAS_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_DEPTH_CAP = 200
"""Below libxml2's 255 limit, with room for the wrapper elements lxml.html adds."""


def looks_binary(data: bytes) -> bool:
    """True for bytes that are clearly not a text document (images, archives, executables).

    A page with a few NUL bytes or invalid UTF-8 sequences is still a page: only a head that
    is mostly control bytes or undecodable, with no HTML tag in it, counts as binary.
    """
    head = data[:4096]
    if not head:
        return False
    if head.startswith(_BINARY_MAGIC) and not head.lstrip().startswith(b"<"):
        return True
    if _HTML_TAG.search(head):
        return False
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    text = head.decode("utf-8", errors="replace")
    bad = controls + text.count("\ufffd")
    return bad * 100 > len(text) * 10


def decode(data: bytes, path: str | None = None) -> str:
    """Decode page bytes the way a browser would, never failing on bad sequences.

    Raises:
        InputError: the bytes are binary, not a text document.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="replace")
    if looks_binary(data):
        raise InputError(path or "<input>", "not HTML (binary data)")
    match = _META_CHARSET.search(data, 0, 4096)
    if match:
        name = match.group(1).decode("ascii", "replace")
        try:
            encoding = codecs.lookup(name).name
        except LookupError:
            encoding = "utf-8"
        if encoding not in ("utf-16", "utf-16-le", "utf-16-be", "utf-32"):
            return data.decode(encoding, errors="replace")
    return data.decode("utf-8", errors="replace")


def xml_safe(text: str) -> str:
    """Text lxml accepts in a tree (character references can bring in what XML forbids)."""
    return text.translate(_CONTROL) if _HAS_CONTROL.search(text) else text


def clean_text(text: str) -> str:
    """Remove characters no HTML document can carry (NUL, C0 controls, lone surrogates)."""
    if _HAS_CONTROL.search(text):
        text = text.translate(_CONTROL)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-8", "replace").decode("utf-8")
    return text


_XML_NAME = re.compile(r"[A-Za-z_][\w.-]*\Z")


class _CappedTreeBuilder:
    """lxml parser target that builds a tree no deeper than ``cap``, keeping every text.

    Start tags past the cap (and tags or attributes whose names no tree can hold) are
    flattened into their ancestor; their text stays.
    """

    def __init__(self, cap: int) -> None:
        self._builder = etree.TreeBuilder()
        self._builder.start("html", {})  # one root, whatever comes (or not) at top level
        self._cap = cap
        self._depth = 1
        self._opened: list[bool] = []

    def start(self, tag: str | bytes, attrib: dict[str | bytes, str | bytes]) -> None:
        name = str(tag)
        if self._depth >= self._cap or not _XML_NAME.match(name) or name == "html":
            self._opened.append(False)
            if name in ("p", "div", "li", "br", "tr", "section", "pre", "h1", "h2", "h3"):
                self._builder.data("\n")
            return
        self._opened.append(True)
        self._depth += 1
        self._builder.start(name, {str(k): xml_safe(str(v)) for k, v in attrib.items()
                                   if _XML_NAME.match(str(k))})

    def end(self, tag: str | bytes) -> None:
        if self._opened and self._opened.pop():
            self._depth -= 1
            self._builder.end(str(tag))

    def data(self, data: str | bytes) -> None:
        self._builder.data(xml_safe(str(data)))

    def comment(self, text: str | bytes) -> None:
        if self._depth < self._cap:
            self._builder.comment(xml_safe(str(text)).replace("--", "- -"))

    def close(self) -> etree._Element:
        while self._opened:
            if self._opened.pop():
                self._builder.end("x")
        self._builder.end("html")
        return self._builder.close()


def _trim_attributes(match: re.Match[str]) -> str:
    attrs = _ATTRIBUTE.findall(match.group(2))
    if len(attrs) <= _MAX_ATTRIBUTES:
        return match.group(0)
    return f"<{match.group(1)} {' '.join(attrs[:_MAX_ATTRIBUTES])}>"


def parse(text: str) -> etree._Element:
    """Parse HTML text into an lxml tree rooted at ``<html>``; never loses text to depth."""
    text = clean_text(text)
    if text.count("=") > 20000:  # cheap gate: only pages with very many attributes
        text = _LONG_TAG.sub(_trim_attributes, text)
    if not text.strip():
        return etree.fromstring(b"<html><body></body></html>", etree.HTMLParser())
    # plain etree elements: lxml.html's element-class lookup costs a Python call per node
    parser = etree.HTMLParser(recover=True, encoding="utf-8")
    try:
        root = etree.fromstring(text.encode("utf-8"), parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        root = None
    if root is not None and not _truncated(parser):
        return root
    return _parse_capped(text)


def _truncated(parser: etree.HTMLParser) -> bool:
    for entry in parser.error_log:
        if entry.type_name == "ERR_RESOURCE_LIMIT" or "Excessive depth" in entry.message:
            return True
    return False


_TAG = re.compile(r"<[^>]*>")


def _parse_capped(text: str) -> etree._Element:
    builder = _CappedTreeBuilder(_DEPTH_CAP)
    parser = etree.HTMLParser(target=builder, recover=True, huge_tree=True)
    try:
        parser.feed(text)
        root = parser.close()
    except (ValueError, etree.LxmlError):
        # safety net: if the event parser still fails, keep the page's text, tags removed
        root = etree.Element("html")
        etree.SubElement(etree.SubElement(root, "body"), "div").text = xml_safe(
            _TAG.sub(" ", text))
    if root is None or not isinstance(root.tag, str):
        return etree.fromstring(b"<html><body></body></html>", etree.HTMLParser())
    return root
