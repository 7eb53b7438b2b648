"""The issue's "done when" checks on a built site, as figures (shared by tests and benchmarks).

Given a site folder that llmsdocs built, :func:`measure` returns how many content pages have a
twin that starts with ``# `` and is free of chrome, what the reference parser reads from
llms.txt, how many pages it lists with a description, whether every link is absolute under the
site URL and resolves to a file, and whether llms-full.txt holds every page title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from llms_txt import parse_llms_file

from llmsdocs.manifest import load_manifest

# Raw HTML of page chrome, and phrases that only a theme's chrome prints. A twin holding any
# of them kept navigation, scripts or footers.
CHROME_TAGS = re.compile(r"<(nav|script|style|footer|header|aside|form|button|iframe)\b", re.I)
CHROME_PHRASES = (
    "Skip to content",
    "Initializing search",
    "Made with Material for MkDocs",
    "Back to top",
    "Created using Sphinx",
    "Built with Sphinx",
    "Powered by",
    "Edit this page",
    "Toggle navigation",
)


@dataclass
class Figures:
    """What :func:`measure` found."""

    pages: int = 0
    twins_ok: int = 0
    bad_twins: dict[str, str] = field(default_factory=dict)
    title: str | None = None
    summary: str | None = None
    sections: dict[str, int] = field(default_factory=dict)
    listed: int = 0
    described: int = 0
    links: int = 0
    bad_links: list[str] = field(default_factory=list)
    full_titles_missing: list[str] = field(default_factory=list)

    @property
    def listed_ratio(self) -> float:
        return self.listed / self.pages if self.pages else 0.0

    @property
    def described_ratio(self) -> float:
        return self.described / self.listed if self.listed else 0.0

    def line(self) -> str:
        return (
            f"pages={self.pages} twins_ok={self.twins_ok} listed={self.listed} "
            f"({self.listed_ratio:.0%}) described={self.described} ({self.described_ratio:.0%}) "
            f"links={self.links} bad_links={len(self.bad_links)} sections={len(self.sections)} "
            f"full_titles_missing={len(self.full_titles_missing)} title={self.title!r} "
            f"summary={'yes' if self.summary else 'no'}"
        )

    def meets_bars(self) -> bool:
        """The issue's bars: every twin fine, >= 90% listed, >= 80% described, all links good."""
        return (
            self.pages > 0
            and self.twins_ok == self.pages
            and bool(self.title)
            and bool(self.summary)
            and bool(self.sections)
            and all(self.sections.values())
            and self.listed_ratio >= 0.9
            and self.described_ratio >= 0.8
            and not self.bad_links
            and not self.full_titles_missing
        )


_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.S)


def prose_of(text: str) -> str:
    """The twin without fenced code blocks and code spans (HTML shown as code is content)."""
    kept: list[str] = []
    fence: str | None = None
    for line in text.split("\n"):
        match = _FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)
        elif fence is not None and match and match.group(1).startswith(fence[0] * len(fence)):
            fence = None
        elif fence is None:
            kept.append(line)
    return _CODE_SPAN.sub("", "\n".join(kept))


def twin_problem(text: str) -> str | None:
    """Why a twin is not clean markdown of its page, or None."""
    if not text.startswith("# "):
        return f"does not start with '# ': {text[:40]!r}"
    tag = CHROME_TAGS.search(prose_of(text))
    if tag:
        return f"holds raw <{tag.group(1)}>"
    for phrase in CHROME_PHRASES:
        if phrase.lower() in text.lower():
            return f"holds chrome text {phrase!r}"
    return None


def url_to_file(site: Path, site_url: str, url: str) -> Path | None:
    """The file a link under the site URL points to, or None when it is outside the site."""
    if not url.startswith(site_url):
        return None
    rel = unquote(url[len(site_url):].split("#", 1)[0])
    path = site / rel
    if rel == "" or rel.endswith("/"):
        path = path / "index.html"
    return path


def measure(site: Path) -> Figures:
    """All done-when figures of a site folder llmsdocs built."""
    manifest = load_manifest(site)
    assert manifest is not None, f"{site}: no llmsdocs manifest"
    site_url = manifest.site_url or ""
    figures = Figures(pages=len(manifest.pages))
    for page, record in manifest.pages.items():
        twin = site / record.twin
        problem = twin_problem(twin.read_text(encoding="utf-8")) if twin.is_file() else "missing"
        if problem:
            figures.bad_twins[page] = problem
        else:
            figures.twins_ok += 1

    parsed = parse_llms_file((site / "llms.txt").read_text(encoding="utf-8"))
    figures.title = parsed.title
    figures.summary = parsed.summary
    twin_urls = {site_url + record.twin: record for record in manifest.pages.values()}
    listed: set[str] = set()
    for name, links in parsed.sections.items():
        figures.sections[name] = len(links)
        for link in links:
            figures.links += 1
            target = url_to_file(site, site_url, link["url"])
            if target is None or not target.is_file():
                figures.bad_links.append(link["url"])
            if link["url"] in twin_urls and link["url"] not in listed:
                listed.add(link["url"])
                figures.listed += 1
                if link["desc"]:
                    figures.described += 1

    full = site / "llms-full.txt"
    if full.is_file():
        headings = set()
        with full.open(encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("# "):
                    headings.add(line[2:].strip())
        for record in manifest.pages.values():
            if " ".join(record.title.split()) not in headings:
                figures.full_titles_missing.append(record.title)
    return figures
