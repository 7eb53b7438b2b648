"""A built site as the lint sees it: pages, twins, the manifest, URLs -> files."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from urllib.parse import unquote, urlsplit

from llmsdocs.manifest import Manifest, load_manifest

# Pages that are never content (CONTRACTS.md), for sites llmsdocs did not build or pages added
# after the build; a manifest's own ``excluded`` list wins when there is one.
NON_CONTENT_NAMES = {"404.html", "search.html", "genindex.html", "py-modindex.html"}
NON_CONTENT_PREFIXES = ("_modules/", "search/", "_static/", "assets/", "tags/", "tag/",
                        "categories/", "category/")
REFRESH_RE = re.compile(rb"<meta[^>]+http-equiv\s*=\s*[\"']?refresh", re.IGNORECASE)
NOINDEX_RE = re.compile(rb"<meta[^>]+name\s*=\s*[\"']?robots[\"']?[^>]+noindex", re.IGNORECASE)
CANONICAL_RE = re.compile(rb"<link[^>]+rel\s*=\s*[\"']?canonical[\"']?[^>]*>", re.IGNORECASE)
HREF_RE = re.compile(rb"href\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)
# Anchors: the common quoted form first (fast); the full form (single quotes, unquoted,
# ``name=``) only for a page where a fragment was not found that way.
QUOTED_ID_RE = re.compile(rb' id="([^"]*)"')
ID_RE = re.compile(rb"(?:\bid|\bname)=(?:\"([^\"]*)\"|'([^']*)'|([^\s>\"']+))")
LOC_RE = re.compile(r"<loc>\s*([^<\s]+)\s*</loc>")


def common_base(urls: list[str]) -> str | None:
    """The folder URL all absolute ``urls`` share (``https://x.org/docs/``), or None."""
    absolute = [u for u in urls if u.startswith(("http://", "https://"))]
    if not absolute:
        return None
    prefix = posixpath.commonprefix(absolute)
    if prefix.count("/") < 3:  # not even a common host
        return None
    return prefix.rsplit("/", 1)[0] + "/"


@dataclass(slots=True)
class PageInfo:
    """A content page of the site and what llmsdocs recorded about it."""

    html: str
    """Site-relative path of the HTML page."""
    twin: str
    recorded_hash: str | None = None
    """``html_sha256`` from the manifest (None: the page is not in the manifest)."""
    source_path: str | None = None


@dataclass
class SiteView:
    """Read-only view of a built site directory."""

    root: Path
    manifest: Manifest | None
    site_url: str | None
    pages: dict[str, PageInfo] = field(default_factory=dict)
    html_files: set[str] = field(default_factory=set)
    files: set[str] = field(default_factory=set)
    _ids: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def load(cls, root: Path, site_url: str | None) -> SiteView:
        """Index the files of ``root`` and decide which HTML pages are content pages."""
        manifest = load_manifest(root)
        files: set[str] = set()
        for path in root.rglob("*"):
            if path.is_file():
                files.add(path.relative_to(root).as_posix())
        view = cls(root, manifest, site_url, files=files)
        view.html_files = {f for f in files if f.endswith(".html")}
        excluded = manifest.excluded if manifest else {}
        if manifest:
            for html, record in manifest.pages.items():
                view.pages[html] = PageInfo(html, record.twin, record.html_sha256,
                                            record.source_path)
            for html in manifest.failures:
                view.pages.setdefault(html, PageInfo(html, html + ".md"))
        for html in sorted(view.html_files):
            if html in view.pages or html in excluded:
                continue
            if view._is_content_page(html):
                view.pages[html] = PageInfo(html, html + ".md")
        if view.site_url is None:
            view.site_url = (manifest.site_url if manifest else None) or view._discover_url()
        return view

    def _is_content_page(self, html: str) -> bool:
        name = html.rsplit("/", 1)[-1]
        if name in NON_CONTENT_NAMES or html.startswith(NON_CONTENT_PREFIXES):
            return False
        if "/_modules/" in html or "/tags/" in html:
            return False
        head = self.read_bytes(html)[:20_000]
        return not (REFRESH_RE.search(head) or NOINDEX_RE.search(head))

    def read_bytes(self, rel: str) -> bytes:
        return (self.root / rel).read_bytes()

    def read_text(self, rel: str) -> str:
        return (self.root / rel).read_text(encoding="utf-8", errors="replace")

    def _discover_url(self) -> str | None:
        """The site URL from ``<link rel=canonical>`` of the home page, else sitemap.xml."""
        if "index.html" in self.files:
            tag = CANONICAL_RE.search(self.read_bytes("index.html"))
            href = HREF_RE.search(tag.group(0)) if tag else None
            if href:
                return href.group(1).decode("utf-8", "replace")
        return common_base(self.sitemap_urls)

    @cached_property
    def sitemap_urls(self) -> list[str]:
        if "sitemap.xml" not in self.files:
            return []
        return LOC_RE.findall(self.read_text("sitemap.xml"))

    def set_site_url(self, url: str | None) -> None:
        """Set the site URL once it is known (internal links are judged against it)."""
        self.site_url = url
        self.__dict__.pop("_base", None)  # drop the cached host/path

    @cached_property
    def _base(self) -> tuple[str, str] | None:
        if not self.site_url:
            return None
        parts = urlsplit(self.site_url)
        path = parts.path if parts.path.endswith("/") else parts.path + "/"
        return parts.netloc.lower(), path

    def to_site_path(self, url: str, from_file: str) -> tuple[str, str] | None:
        """Map a link to (site-relative path, fragment), or None when it leaves the site.

        Relative links resolve against ``from_file``; absolute ones count as internal when
        they are under the site URL (same host, path below it).
        """
        parts = urlsplit(url)
        if parts.scheme in ("http", "https") or url.startswith("//"):
            base = self._base
            if base is None or parts.netloc.lower() != base[0]:
                return None
            path = parts.path or "/"
            if not (path + "/").startswith(base[1]) and path + "/" != base[1]:
                return None
            rel = path[len(base[1]):] if path.startswith(base[1]) else ""
        elif parts.scheme:
            return None  # mailto:, tel:, javascript: ...
        elif url.startswith("/"):
            base = self._base
            prefix = base[1] if base else "/"
            rel = parts.path[len(prefix):] if parts.path.startswith(prefix) else parts.path[1:]
        else:
            if not parts.path:
                return from_file, unquote(parts.fragment)
            rel = posixpath.join(posixpath.dirname(from_file), parts.path)
        trailing = rel.endswith("/") or rel == ""
        rel = posixpath.normpath(unquote(rel)) if rel else ""
        if rel == ".":
            rel = ""
        if trailing and rel:
            rel += "/"
        return rel, unquote(parts.fragment)

    def resolve_file(self, rel: str) -> str | None:
        """The file a site path serves (``dir/`` -> ``dir/index.html``), or None if none."""
        if rel.startswith("../") or rel == "..":
            return None
        clean = rel.rstrip("/")
        candidates = [f"{clean}/index.html" if clean else "index.html"]
        if not rel.endswith("/") and clean:
            candidates = [clean, f"{clean}/index.html", f"{clean}.html"]
        for candidate in candidates:
            if candidate in self.files:
                return candidate
        return None

    def has_anchor(self, html: str, fragment: str) -> bool:
        """Whether an HTML page has an element with this id (or ``name``), e.g. a heading."""
        quick = self._ids.get(html)
        if quick is None:
            quick = {m.decode("utf-8", "replace") for m in QUOTED_ID_RE.findall(self.read_bytes(html))}
            self._ids[html] = quick
        if fragment in quick:
            return True
        full = self._ids.get("\0" + html)
        if full is None:
            full = set()
            for match in ID_RE.finditer(self.read_bytes(html)):
                raw = match.group(1) or match.group(2) or match.group(3) or b""
                full.add(raw.decode("utf-8", "replace"))
            self._ids["\0" + html] = full
        return fragment in full

    def page_of(self, file: str) -> str | None:
        """The HTML page a served file stands for (itself, or the page a twin was made from)."""
        if file.endswith(".html"):
            return file
        if file.endswith(".html.md"):
            return file[:-3]
        if file.endswith("/index.md") or file == "index.md":
            candidate = file[:-3] + ".html"
            return candidate if candidate in self.files else None
        return None
