"""llms.txt and llms-full.txt from the converted pages, in the site's navigation order.

Sections follow the site's own navigation (MkDocs nav, the generator's sidebar, else the
directory tree); configured ``sections`` replace them; pages matching ``optional`` globs go to
``## Optional``. Text is rendered by the jinja2 templates in the top-level ``templates/``
folder (shipped as ``llmsdocs/templates`` in the wheel). The filters below keep every value in
the shape the reference parser (``llms_txt.parse_llms_file``) reads without loss.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import jinja2

from llmsdocs.discover import NavNode, matches_any, stem_path
from llmsdocs.tokens import count_tokens
from llmsdocs.writer import atomic_open

LOOSE_SECTION = "Docs"
"""Section of pages that sit at the top level of the navigation, outside any group."""
OPTIONAL_SECTION = "Optional"


@dataclass(slots=True, frozen=True)
class Entry:
    """One page as listed in llms.txt and llms-full.txt."""

    page: str
    """Site-relative HTML path."""
    title: str
    url: str
    """Absolute URL of the markdown twin (what llms.txt links)."""
    page_url: str
    """Absolute URL of the HTML page (the source URL in llms-full.txt)."""
    twin: str
    """Site-relative path of the twin (llms-full.txt reads it from disk)."""
    description: str | None = None
    source_path: str | None = None
    tokens: int = 0
    """Estimated tokens of the twin (llms-full.txt's count is the sum, not a second pass)."""


@dataclass(slots=True)
class Section:
    """A ``##`` section of llms.txt."""

    name: str
    entries: list[Entry] = field(default_factory=list)


@dataclass(slots=True, frozen=True)
class Written:
    """A file written by this module, for the manifest and the summary."""

    path: str
    sha256: str
    chars: int
    tokens: int


# --- sections -----------------------------------------------------------------------------------


def _flatten(node: NavNode) -> Iterator[str]:
    if node.page:
        yield node.page
    for child in node.children:
        yield from _flatten(child)


def _humanize(segment: str) -> str:
    words = re.sub(r"[-_]+", " ", segment).strip()
    return words[:1].upper() + words[1:] if words else segment


def _nav_groups(nav: Sequence[NavNode], entries: Mapping[str, Entry]) -> list[tuple[str, list[str]]]:
    groups: list[tuple[str, list[str]]] = []
    for node in nav:
        if node.children:
            name = node.title or (entries[node.page].title if node.page and node.page in entries else None)
            groups.append((name or LOOSE_SECTION, list(_flatten(node))))
        elif node.page:
            groups.append((LOOSE_SECTION, [node.page]))
    return groups


def _tree_groups(paths: Iterable[str], entries: Mapping[str, Entry]) -> list[tuple[str, list[str]]]:
    """The directory-tree fallback: root pages in ``Docs``, each top directory its own section.

    Directories are those of the pages' URLs: ``guide/index.html`` (served at ``guide/``) is a
    root page, unless ``guide/`` holds other pages too, then it heads that section.
    """
    paths = list(paths)
    stems = {p: stem_path(p) for p in paths}
    parents = {stem.split("/", 1)[0] for stem in stems.values() if "/" in stem}
    by_dir: dict[str, list[str]] = {}
    for path in paths:
        stem = stems[path]
        top = stem.split("/", 1)[0] if "/" in stem or stem in parents else ""
        by_dir.setdefault(top, []).append(path)
    groups: list[tuple[str, list[str]]] = []
    for top in sorted(by_dir, key=lambda t: (t != "", t)):
        members = sorted(by_dir[top], key=lambda p: (stems[p] != top, stems[p].count("/"), stems[p]))
        index = f"{top}/index.html"
        name = LOOSE_SECTION if not top else (entries[index].title if index in entries else _humanize(top))
        groups.append((name, members))
    return groups


def plan_sections(
    nav: Sequence[NavNode],
    entries: Mapping[str, Entry],
    *,
    sections: Mapping[str, Sequence[str]] | None = None,
    optional: Sequence[str] = (),
) -> tuple[list[Section], list[Entry]]:
    """The llms.txt sections, and every page in reading order (for llms-full.txt).

    Pages missing from the navigation are not dropped: they follow it, grouped by directory.
    With configured ``sections``, only pages matching their globs are listed in llms.txt (the
    user chose), yet every page still goes to llms-full.txt.
    """
    groups = _nav_groups(nav, entries)
    listed = {p for _, members in groups for p in members}
    if "index.html" in entries and "index.html" not in listed:
        groups.insert(0, (LOOSE_SECTION, ["index.html"]))
        listed.add("index.html")
    rest = [p for p in entries if p not in listed]
    groups += _tree_groups(rest, entries)

    seen: set[str] = set()
    ordered: list[Entry] = []
    merged: dict[str, Section] = {}
    for name, members in groups:
        section = merged.setdefault(name, Section(name))
        for path in members:
            if path in entries and path not in seen:
                seen.add(path)
                section.entries.append(entries[path])
    for section in merged.values():
        ordered.extend(section.entries)

    if sections:
        chosen: list[Section] = []
        for name, globs in sections.items():
            picked = [e for e in ordered if matches_any(e.page, globs, e.source_path)]
            chosen.append(Section(name, picked))
        result = chosen
    else:
        result = list(merged.values())

    if optional:
        extra = Section(OPTIONAL_SECTION)
        for section in result:
            keep: list[Entry] = []
            for entry in section.entries:
                target = extra.entries if matches_any(entry.page, optional, entry.source_path) else keep
                if entry not in target:
                    target.append(entry)
            section.entries = keep
        result.append(extra)
        tail = {e.page for e in extra.entries}
        ordered = [e for e in ordered if e.page not in tail] + extra.entries
    return [s for s in result if s.entries], ordered


# --- rendering ------------------------------------------------------------------------------------


def one_line(value: object) -> str:
    """Collapse whitespace: the parser reads titles, summaries and descriptions line by line."""
    return " ".join(str(value or "").split())


def paragraph(value: object) -> str:
    """A details paragraph that cannot start a heading or a section."""
    lines = [one_line(line) for line in str(value or "").splitlines()]
    text = "\n".join(line.lstrip("#>").strip() if line.startswith(("#", ">")) else line for line in lines)
    return text.strip()


def link_text(value: object) -> str:
    """Link text without brackets: the parser's title pattern is ``[^\\]]+``."""
    text = one_line(value).replace("[", "(").replace("]", ")")
    return text or "Untitled"


def link_url(value: object) -> str:
    """A URL without characters that end a markdown link early (the parser's ``[^)]+``)."""
    return one_line(value).replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def _template_dir() -> Path:
    """``llmsdocs/templates`` inside an installed wheel, else the repository's ``templates/``."""
    try:
        packaged = resources.files("llmsdocs").joinpath("templates")
        if packaged.is_dir():
            return Path(str(packaged))
    except (ModuleNotFoundError, FileNotFoundError):  # pragma: no cover - broken install
        pass
    return Path(__file__).resolve().parent.parent / "templates"


def environment() -> jinja2.Environment:
    """The jinja2 environment for our templates, with the llms.txt-safe filters."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(_template_dir())),
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(one_line=one_line, paragraph=paragraph, link_text=link_text, link_url=link_url)
    return env


def render_llms_txt(
    *, site_name: str, summary: str, details: str, sections: Sequence[Section]
) -> str:
    """The text of llms.txt."""
    text = environment().get_template("llms.txt.j2").render(
        site_name=site_name, summary=summary, details=details, sections=sections
    )
    return re.sub(r"\n{3,}", "\n\n", text).rstrip("\n") + "\n"


# --- llms-full.txt (streamed) ---------------------------------------------------------------------


class _LazyPage:
    """A page for the llms-full template; its markdown is read only when rendered."""

    __slots__ = ("_root", "entry")

    def __init__(self, root: Path, entry: Entry) -> None:
        self._root = root
        self.entry = entry

    @property
    def title(self) -> str:
        return self.entry.title

    @property
    def page_url(self) -> str:
        return self.entry.page_url

    @property
    def body(self) -> str:
        """The twin without its first ``# `` line (the template heads each page with the title)."""
        text = (self._root / self.entry.twin).read_text(encoding="utf-8")
        first, _, rest = text.partition("\n")
        return (rest if first.startswith("# ") else text).strip("\n")


@dataclass(slots=True, frozen=True)
class Part:
    """A per-section llms-full file (``split`` budget policy)."""

    name: str
    url: str
    pages: int
    chars: int


def stream_to(root: Path, relative: str, chunks: Iterable[str], tokens: int | None = None) -> Written:
    """Write text chunks atomically to ``root/relative``, hashing and counting as they pass.

    ``tokens``: the caller's estimate when it already knows it (the twins were counted once);
    else the chunks are counted.
    """
    digest = hashlib.sha256()
    chars = counted = 0
    with atomic_open(root / relative, root=root) as handle:
        for chunk in chunks:
            data = chunk.encode("utf-8")
            handle.write(data)
            digest.update(data)
            chars += len(chunk)
            if tokens is None:
                counted += count_tokens(chunk)
    return Written(relative, digest.hexdigest(), chars, counted if tokens is None else tokens)


def write_full(
    root: Path,
    relative: str,
    *,
    site_name: str,
    summary: str,
    entries: Sequence[Entry],
    parts: Sequence[Part] = (),
) -> Written:
    """Stream llms-full.txt (or one of its parts, or with ``parts`` its index) to disk."""
    template = environment().get_template("llms-full.txt.j2")
    pages = (_LazyPage(root, e) for e in entries)
    chunks = template.generate(site_name=site_name, summary=summary, pages=pages, parts=parts)
    heading_tokens = count_tokens(f"# {site_name}\n\n> {summary}\n") + 8 * (len(parts) + len(entries))
    return stream_to(root, relative, chunks, tokens=heading_tokens + sum(e.tokens for e in entries))


def part_name(section: str) -> str:
    """File name of a section's llms-full part: ``llms-full-<slug>.txt``."""
    slug = re.sub(r"[^a-z0-9]+", "-", section.lower()).strip("-") or "section"
    return f"llms-full-{slug}.txt"
