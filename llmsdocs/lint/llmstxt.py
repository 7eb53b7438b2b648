"""llms.txt structure rules, judged by what the reference parser does with the file.

We parse the file ourselves, line by line, to point at each construct with its line number;
then we run the reference parser (``llms_txt.parse_llms_file``, the ``llms-txt`` package) and
compare. Whatever it raises on or loses is an error (CONTRACTS.md), even where the llmstxt.org
text allows it, because the tools agents use run that parser.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from llmsdocs.lint.model import Finding
from llmsdocs.lint.rules import RULES_BY_ID

H1_RE = re.compile(r"^#(?!#)\s*(\S.*?)\s*$")
SECTION_RE = re.compile(r"^##(?!#)\s*(.*?)\s*$")
SUBHEADING_RE = re.compile(r"^###")
LINK_ITEM_RE = re.compile(r"^\s*([-*+])\s*\[(?P<title>[^\]]*)\]\((?P<rest>.*)$")
FENCE_RE = re.compile(r"^\s*(```+|~~~+)")
SCHEME_RE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")

DEFAULT_WARN_CHARS = 50_000
DEFAULT_ERROR_CHARS = 100_000


@dataclass(slots=True, frozen=True)
class LlmsLink:
    """One link item of an llms.txt section."""

    section: str
    title: str
    url: str
    description: str | None
    line: int


@dataclass(slots=True)
class LlmsTxt:
    """What we read from an llms.txt file (our own parse, with line numbers)."""

    title: str | None = None
    title_line: int | None = None
    summary: str | None = None
    sections: list[tuple[str, int]] = field(default_factory=list)
    links: list[LlmsLink] = field(default_factory=list)


Emit = Callable[[str, int | None, str], None]


def _split_url(rest: str) -> tuple[str, str] | None:
    """Split ``url)after`` at the ``)`` closing the link, counting nested parentheses."""
    depth = 0
    for index, char in enumerate(rest):
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                return rest[:index], rest[index + 1:]
            depth -= 1
    return None


def _header(lines: list[str], end: int, doc: LlmsTxt, emit: Emit) -> None:
    """Check the part above the first ``##`` section: H1, summary, details."""
    nonblank = [i for i in range(end) if lines[i].strip()]
    if not nonblank:
        emit("llmstxt-h1", 1, "no H1 title: the reference parser raises on this file")
        return
    first = nonblank[0]
    title_at = next((i for i in nonblank if H1_RE.match(lines[i])), None)
    if title_at is None:
        emit("llmstxt-h1", first + 1, "no H1 title: the reference parser raises on this file")
        return
    match = H1_RE.match(lines[title_at])
    assert match is not None
    doc.title, doc.title_line = match.group(1), title_at + 1
    if title_at != first:
        emit("llmstxt-h1", first + 1,
             "text before the H1 title: the reference parser loses it")
    after = [i for i in nonblank if i > title_at]
    if not after or not lines[after[0]].lstrip().startswith(">"):
        quote = next((i for i in after if lines[i].lstrip().startswith(">")), None)
        if quote is not None:
            emit("llmstxt-summary-lost", quote + 1,
                 "the `>` summary does not directly follow the H1: the reference parser "
                 "reads it as details")
        else:
            emit("llmstxt-summary-missing", title_at + 1, "no `>` summary after the H1")
        return
    summary_at = after[0]
    doc.summary = lines[summary_at].lstrip()[1:].strip()
    block_end = summary_at + 1
    while block_end < end and lines[block_end].lstrip().startswith(">"):
        block_end += 1
    if block_end > summary_at + 1:
        emit("llmstxt-summary-lost", summary_at + 1,
             f"the summary spans {block_end - summary_at} lines: the reference parser keeps "
             "only the first as the summary")
    elif not any(i >= block_end for i in after):
        emit("llmstxt-summary-lost", summary_at + 1,
             "nothing between the summary and the first `##` section: the reference parser "
             "loses the summary (add a details paragraph)")


def _sections(lines: list[str], start: int, doc: LlmsTxt, emit: Emit) -> None:
    """Check the ``##`` link sections: only ``- [title](url): notes`` items belong there."""
    section = ""
    seen_sections: dict[str, int] = {}
    prose_blocks: list[int] = []
    in_prose = False
    seen_urls: dict[str, str] = {}

    def flush_prose() -> None:
        if prose_blocks:
            emit("llmstxt-section-prose", prose_blocks[0] + 1,
                 f"section {section!r} holds {len(prose_blocks)} block(s) of prose, code or "
                 "plain list items: the reference parser raises on them")
            prose_blocks.clear()

    index = start
    while index < len(lines):
        line = lines[index]
        section_match = SECTION_RE.match(line)
        if section_match:
            flush_prose()
            in_prose = False
            section = section_match.group(1)
            if section in seen_sections:
                emit("llmstxt-duplicate-section", index + 1,
                     f"section {section!r} appears twice: the reference parser keeps only "
                     "the last one")
            seen_sections[section] = index + 1
            doc.sections.append((section, index + 1))
            index += 1
            continue
        if SUBHEADING_RE.match(line):
            in_prose = False
            emit("llmstxt-subheading", index + 1,
                 f"`###` heading {line.lstrip('#').strip()!r} in section {section!r}: the "
                 "reference parser starts a new section there")
            index += 1
            continue
        if not line.strip():
            in_prose = False
            index += 1
            continue
        fence = FENCE_RE.match(line)
        if fence:
            if not in_prose:
                prose_blocks.append(index)
            marker = fence.group(1)
            index += 1
            while index < len(lines) and not lines[index].strip().startswith(marker):
                index += 1
            index += 1
            in_prose = False
            continue
        item = LINK_ITEM_RE.match(line)
        split = _split_url(item.group("rest")) if item else None
        if item is None or split is None:
            if not in_prose:
                prose_blocks.append(index)
                in_prose = True
            index += 1
            continue
        in_prose = False
        _link_item(item, split, section, index + 1, doc, emit, seen_urls)
        index += 1
    flush_prose()


def _link_item(item: re.Match[str], split: tuple[str, str], section: str, line: int,
               doc: LlmsTxt, emit: Emit, seen_urls: dict[str, str]) -> None:
    bullet, title = item.group(1), item.group("title")
    url, after = split
    url = url.strip()
    after = after.strip()
    if bullet != "-":
        emit("llmstxt-bullet", line,
             f"link item with a `{bullet}` bullet: the reference parser raises on it")
    if "(" in url or ")" in url:
        emit("llmstxt-url-parens", line,
             f"URL {url!r} has parentheses: the reference parser cuts it at the first `)`")
    description: str | None = None
    if after.startswith(":"):
        description = after[1:].strip() or None
    elif after:
        emit("llmstxt-link-description", line,
             f"text after the link is not introduced by `:` and the reference parser drops "
             f"it: {after[:60]!r}")
    if not SCHEME_RE.match(url):
        emit("llmstxt-relative-url", line, f"relative URL {url!r}")
    if url in seen_urls:
        emit("llmstxt-duplicate-link", line,
             f"{url!r} is listed more than once (also in section {seen_urls[url]!r})")
    else:
        seen_urls[url] = section
    doc.links.append(LlmsLink(section, title, url, description, line))


def parse_and_check(text: str, path: str, *, warn_chars: int = DEFAULT_WARN_CHARS,
                    error_chars: int = DEFAULT_ERROR_CHARS) -> tuple[LlmsTxt, list[Finding]]:
    """Read an llms.txt file and return what it holds and every structure finding on it.

    Args:
        text: the file's contents.
        path: the site-relative path findings are reported on.
        warn_chars: size over which ``llmstxt-budget`` warns.
        error_chars: size over which ``llmstxt-too-large`` is an error.
    """
    findings: list[Finding] = []

    def emit(rule: str, line: int | None, message: str) -> None:
        findings.append(Finding(rule, RULES_BY_ID[rule].severity, path, line, message))

    text = text.removeprefix("\ufeff")
    lines = text.splitlines()
    doc = LlmsTxt()
    first_section = next((i for i, line in enumerate(lines)
                          if SECTION_RE.match(line) or SUBHEADING_RE.match(line)), len(lines))
    _header(lines, first_section, doc, emit)
    _sections(lines, first_section, doc, emit)
    if len(text) > error_chars:
        emit("llmstxt-too-large", None,
             f"{len(text):,} characters, over the {error_chars:,} error budget")
    elif len(text) > warn_chars:
        emit("llmstxt-budget", None,
             f"{len(text):,} characters, over the {warn_chars:,} warning budget")
    if not any(f.severity == "error" for f in findings):
        loss = reference_parser_loss(text, doc)
        if loss:
            emit("llmstxt-parser", None, loss)
    return doc, findings


def reference_parser_loss(text: str, doc: LlmsTxt) -> str | None:
    """What ``llms_txt.parse_llms_file`` raises on or loses compared with our parse, if anything."""
    from llms_txt import parse_llms_file  # type: ignore[import-untyped]  # 0.25 s to import (fastcore, httpx): only when used

    crlf = " (the file has CRLF line endings)" if "\r\n" in text else ""
    try:
        parsed = parse_llms_file(text)
    except Exception as exc:  # noqa: BLE001 - any exception of the parser is the finding
        return f"the reference parser raises {type(exc).__name__}: {exc}{crlf}"
    title = (parsed.get("title") or "").strip()
    if doc.title is not None and title != doc.title:
        return f"the reference parser reads the title as {title[:60]!r}{crlf}"
    summary = (parsed.get("summary") or "").strip() or None
    if doc.summary is not None and summary != doc.summary:
        return f"the reference parser loses the summary{crlf}"
    theirs: dict[tuple[str, str | None], int] = {}
    for items in (parsed.get("sections") or {}).values():
        for item in items:
            desc = (item.get("desc") or "").strip() or None
            key = (item.get("url", "").strip(), desc)
            theirs[key] = theirs.get(key, 0) + 1
    for link in doc.links:
        key = (link.url, link.description)
        if theirs.get(key, 0) <= 0:
            return (f"the reference parser loses or changes the link {link.url!r} "
                    f"(line {link.line}){crlf}")
        theirs[key] -= 1
    return None
