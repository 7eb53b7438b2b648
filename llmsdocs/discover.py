"""Built site directory -> its content pages, its generator and its navigation order.

A *content page* is every built HTML page except the kinds CONTRACTS.md lists (404, search,
generated indexes, Sphinx ``_modules/`` listings, redirect stubs, tag/category archives,
``noindex`` pages and the user's exclude globs). The rules are an ordered table of named
checks, so every excluded page is recorded in the manifest with the rule that excluded it.

Navigation order comes, in this order of preference, from the MkDocs nav (the plugin hands it
over), from the generator's own sidebar found in the built HTML, and from the directory tree.
"""

from __future__ import annotations

import fnmatch
import os
import posixpath
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, unquote, urljoin, urlsplit

import lxml.html
from lxml import etree

HTML_SUFFIXES = (".html", ".htm")
TWIN_SUFFIX = ".md"
HEAD_BYTES = 65_536
"""How much of a page is read to classify it: the head, where the deciding tags live."""


@dataclass(slots=True, frozen=True)
class PageFile:
    """One content page of the built site."""

    path: str
    """Site-relative POSIX path of the HTML file, e.g. ``guide/index.html``."""
    url: str
    """Public URL of the HTML page (``guide/`` for a directory index)."""
    twin: str
    """Site-relative path of its markdown twin: the HTML path plus ``.md``."""
    twin_url: str
    """Absolute URL of the twin, as listed in llms.txt."""


@dataclass(slots=True, frozen=True)
class NavNode:
    """One entry of a site's navigation: a page, a group of entries, or both."""

    title: str | None
    """Label shown in the navigation (None when only the page's own title is known)."""
    page: str | None = None
    """Site-relative HTML path of the page it links to, if it links to a content page."""
    children: tuple[NavNode, ...] = ()


@dataclass(slots=True)
class Site:
    """What discovery found in a built site directory."""

    root: Path
    site_url: str
    generator: str | None
    pages: list[PageFile]
    """Content pages, sorted by path."""
    excluded: dict[str, str] = field(default_factory=dict)
    """Site-relative HTML path -> the rule that excluded it."""
    nav: list[NavNode] = field(default_factory=list)
    """The navigation tree, as far as it was found (may not cover every page)."""
    nav_source: str = "directory tree"
    """Where the navigation order came from: ``mkdocs nav``, ``html navigation`` or ``directory tree``."""
    site_name: str | None = None
    """Site name detected from the pages' titles (``og:site_name`` or a shared title suffix)."""
    summary: str | None = None
    """The home page's meta description, if any."""


# --- page heads -------------------------------------------------------------------------------


@dataclass(slots=True, frozen=True)
class Head:
    """What classification needs from a page's ``<head>``."""

    title: str | None
    generator: str | None
    """Raw ``<meta name=generator>`` content."""
    refresh: bool
    noindex: bool
    site_name: str | None
    description: str | None
    sphinx: bool
    """Sphinx leaves no generator meta in every theme; its static files give it away."""


_HEAD_END = re.compile(rb"</head\s*>", re.IGNORECASE)


def read_head(path: Path) -> Head:
    """Parse only the head of a page (fast: classification never needs the body)."""
    with path.open("rb") as handle:
        data = handle.read(HEAD_BYTES)
    match = _HEAD_END.search(data)
    if match:
        data = data[: match.end()]
    if not data.strip():
        return Head(None, None, False, False, None, None, False)
    try:
        doc = lxml.html.document_fromstring(data)
    except (etree.ParserError, ValueError):
        return Head(None, None, False, False, None, None, False)

    def meta(attr: str, value: str) -> str | None:
        for el in doc.iter("meta"):
            if (el.get(attr) or "").strip().lower() == value:
                content = el.get("content")
                return content.strip() if content is not None else None
        return None

    title_el = doc.find(".//title")
    title = " ".join((_text(title_el) if title_el is not None else "").split()) or None
    robots = (meta("name", "robots") or "").lower()
    sphinx = bool(re.search(rb"documentation_options\.js|_static/sphinx|sphinx_highlight", data))
    return Head(
        title=title,
        # Some sites name several (Astro and Starlight): keep them all.
        generator=", ".join(
            (el.get("content") or "").strip()
            for el in doc.iter("meta")
            if (el.get("name") or "").strip().lower() == "generator"
        )
        or None,
        refresh=meta("http-equiv", "refresh") is not None,
        noindex="noindex" in robots or "none" == robots.strip(),
        site_name=meta("property", "og:site_name"),
        description=meta("name", "description"),
        sphinx=sphinx,
    )


def _text(el: etree._Element) -> str:
    """All text inside an element (typed wrapper: lxml may yield bytes for byte input)."""
    return "".join(t if isinstance(t, str) else t.decode("utf-8", "replace") for t in el.itertext())


# Generator detection: ordered (pattern on <meta name=generator>, name). First match wins.
GENERATORS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"starlight", re.IGNORECASE), "starlight"),
    (re.compile(r"mkdocs-material", re.IGNORECASE), "material"),
    (re.compile(r"\bmkdocs\b", re.IGNORECASE), "mkdocs"),
    (re.compile(r"sphinx", re.IGNORECASE), "sphinx"),
    (re.compile(r"docusaurus", re.IGNORECASE), "docusaurus"),
    (re.compile(r"vitepress", re.IGNORECASE), "vitepress"),
    (re.compile(r"\bhugo\b", re.IGNORECASE), "hugo"),
    (re.compile(r"jekyll", re.IGNORECASE), "jekyll"),
    (re.compile(r"\bastro\b", re.IGNORECASE), "astro"),
]


# Signs in a page's body, for themes whose head names no generator (MkDocs' own themes).
BODY_SIGNS: list[tuple[re.Pattern[bytes], str]] = [
    (re.compile(rb"mkdocs_page_|[Bb]uilt with <a href=\"https?://(?:www\.)?mkdocs\.org"), "mkdocs"),
    # MkDocs' search plugin (any theme using it, third-party ones included)
    (re.compile(rb"id=\"mkdocs-search-results\"|<script src=\"[^\"]*search/main\.js\""), "mkdocs"),
    (re.compile(rb"[Cc]reated using <a href=\"https?://(?:www\.)?sphinx-doc\.org"), "sphinx"),
    (re.compile(rb"__docusaurus"), "docusaurus"),
    (re.compile(rb"class=\"VPContent|id=\"VPContent"), "vitepress"),
]


def detect_generator_in_body(path: Path) -> str | None:
    """Name of the generator from a whole page, when its head did not tell."""
    data = path.read_bytes()
    return next((name for pattern, name in BODY_SIGNS if pattern.search(data)), None)


def detect_generator(head: Head) -> str | None:
    """Name of the generator that built a page, from its head; None when unknown."""
    for pattern, name in GENERATORS:
        if head.generator and pattern.search(head.generator):
            return name
    if head.sphinx or (head.generator and "docutils" in head.generator.lower()):
        return "sphinx"
    return None


# --- content-page rules -----------------------------------------------------------------------


@dataclass(slots=True, frozen=True)
class Candidate:
    """A built HTML file being classified."""

    path: str
    head: Head
    generator: str | None


@dataclass(slots=True, frozen=True)
class ExcludeRule:
    """A named reason for a page not to be a content page."""

    name: str
    applies: Callable[[Candidate], bool]


def stem_path(path: str) -> str:
    """``a/b/index.html`` -> ``a/b``; ``a/b.html`` -> ``a/b`` (the page's URL path)."""
    stem = path.rsplit(".", 1)[0]
    if stem == "index":
        return ""
    return stem.removesuffix("/index")


def _is_404(c: Candidate) -> bool:
    return posixpath.basename(stem_path(c.path)) == "404"


def _is_search(c: Candidate) -> bool:
    return posixpath.basename(stem_path(c.path)) in ("search", "search-results")


def _is_generated_index(c: Candidate) -> bool:
    name = posixpath.basename(stem_path(c.path))
    return name in ("genindex", "py-modindex") or (
        c.generator == "sphinx" and name.endswith("-modindex")
    )


def _is_sphinx_source(c: Candidate) -> bool:
    return c.path.startswith("_modules/") or "/_modules/" in c.path


_TAXONOMY = frozenset({"tags", "tag", "categories", "category", "archive", "archives"})
_BLOG_GENERATORS = frozenset({"hugo", "jekyll", "docusaurus"})


def _is_archive(c: Candidate) -> bool:
    """Tag/category/archive listings and their pagination.

    A term page (``tags/python/index.html``) is an archive under any generator. The bare
    listing (``tags/index.html``) only for generators that build taxonomies by themselves, so
    that a hand-written MkDocs page about a product's "tags" stays a content page.
    """
    parts = stem_path(c.path).split("/")
    for i, part in enumerate(parts):
        if part in _TAXONOMY:
            if i < len(parts) - 1:
                return True
            if c.generator in _BLOG_GENERATORS:
                return True
        if part == "page" and i + 1 < len(parts) and parts[i + 1].isdigit():
            return True
    return False


EXCLUDE_RULES: list[ExcludeRule] = [
    ExcludeRule("404", _is_404),
    ExcludeRule("search", _is_search),
    ExcludeRule("generated-index", _is_generated_index),
    ExcludeRule("sphinx-source", _is_sphinx_source),
    ExcludeRule("redirect", lambda c: c.head.refresh),
    ExcludeRule("archive", _is_archive),
    ExcludeRule("noindex", lambda c: c.head.noindex),
]


def matches_any(path: str, globs: Iterable[str], *also: str | None) -> str | None:
    """The first glob matching the page path (or any of ``also``, e.g. its source path).

    A source path also matches by its trailing parts (``docs/guide/a.md`` matches
    ``guide/a.md``), so globs written relative to ``docs_dir`` work as users expect.
    """
    names = [path, stem_path(path)]
    for extra in also:
        if extra:
            parts = extra.split("/")
            names.extend("/".join(parts[i:]) for i in range(len(parts)))
    for glob in globs:
        pattern = glob.lstrip("/")
        for name in names:
            if fnmatch.fnmatchcase(name, pattern) or fnmatch.fnmatchcase(name + "/", pattern):
                return glob
    return None


# --- URLs ---------------------------------------------------------------------------------------


def normalize_site_url(site_url: str) -> str:
    """The site URL with exactly one trailing slash."""
    return site_url.rstrip("/") + "/"


def page_url(site_url: str, path: str) -> str:
    """Public URL of an HTML page: a directory index is served at its directory."""
    if path == "index.html":
        rel = ""
    elif path.endswith("/index.html"):
        rel = path[: -len("index.html")]
    else:
        rel = path
    return normalize_site_url(site_url) + quote(rel)


def twin_path(path: str) -> str:
    """``guide/index.html`` -> ``guide/index.html.md`` (the llmstxt.org convention)."""
    return path + TWIN_SUFFIX


def make_page(site_url: str, path: str) -> PageFile:
    twin = twin_path(path)
    return PageFile(
        path=path,
        url=page_url(site_url, path),
        twin=twin,
        twin_url=normalize_site_url(site_url) + quote(twin),
    )


# --- walking the site ---------------------------------------------------------------------------


def iter_html_files(root: Path) -> list[str]:
    """Site-relative paths of every HTML file, sorted; hidden directories and symlinks skipped."""
    found: list[str] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(
            d for d in dirnames if not d.startswith(".") and not os.path.islink(os.path.join(dirpath, d))
        )
        rel_dir = os.path.relpath(dirpath, root)
        for name in filenames:
            if not name.lower().endswith(HTML_SUFFIXES):
                continue
            full = os.path.join(dirpath, name)
            if os.path.islink(full):
                continue
            rel = name if rel_dir == "." else f"{rel_dir}/{name}"
            found.append(rel.replace(os.sep, "/"))
    found.sort()
    return found


_TITLE_SEPARATORS = re.compile(r"\s+[-–—|·:]\s+")


def detect_site_name(heads: Sequence[Head]) -> str | None:
    """The site's name: ``og:site_name``, else the title suffix most pages share.

    Sphinx's default suffix is "<project> [<release>] documentation"; the word "documentation"
    says nothing about the site, so it is dropped.
    """
    for head in heads:
        if head.site_name:
            return head.site_name
    counts: dict[str, int] = {}
    for head in heads:
        if head.title:
            parts = _TITLE_SEPARATORS.split(head.title)
            if len(parts) > 1:
                counts[parts[-1]] = counts.get(parts[-1], 0) + 1
    if counts:
        name, count = max(counts.items(), key=lambda kv: kv[1])
        if count >= max(2, len(heads) // 3):
            return re.sub(r"\s+documentation$", "", name, flags=re.IGNORECASE) or name
    return None


def discover(
    root: Path,
    site_url: str,
    *,
    exclude: Sequence[str] = (),
    sources: dict[str, str] | None = None,
    nav: list[NavNode] | None = None,
    rendered: set[str] | None = None,
) -> Site:
    """Classify every HTML file under ``root`` and find the navigation order.

    Args:
        root: the built site directory.
        site_url: its public URL.
        exclude: the user's exclude globs (matched on HTML path, URL path and source path).
        sources: HTML path -> source path, when a face knows them (the MkDocs plugin).
        nav: the navigation when a face knows it (the MkDocs plugin); else found in the HTML.
        rendered: the HTML files the generator rendered as pages, when a face knows them; other
            HTML files (static files copied from the docs folder, theme templates) are excluded.
    """
    sources = sources or {}
    heads: dict[str, Head] = {}
    pages: list[PageFile] = []
    excluded: dict[str, str] = {}
    generator: str | None = None
    paths = iter_html_files(root)
    for path in paths:
        heads[path] = read_head(root / path)
    for probe in (["index.html"] if "index.html" in heads else []) + paths[:1]:
        generator = detect_generator(heads[probe]) or detect_generator_in_body(root / probe)
        if generator:
            break
    for path in paths:
        candidate = Candidate(path, heads[path], detect_generator(heads[path]) or generator)
        reason = next((rule.name for rule in EXCLUDE_RULES if rule.applies(candidate)), None)
        if reason is None and rendered is not None and path not in rendered:
            reason = "static file"
        if reason is None:
            glob = matches_any(path, exclude, sources.get(path))
            if glob is not None:
                reason = f"exclude glob {glob}"
        if reason is None:
            pages.append(make_page(site_url, path))
        else:
            excluded[path] = reason
    content = {p.path for p in pages}
    home = heads.get("index.html")
    site = Site(
        root=root,
        site_url=normalize_site_url(site_url),
        generator=generator,
        pages=pages,
        excluded=excluded,
        site_name=detect_site_name([heads[p.path] for p in pages]),
        summary=home.description if home else None,
    )
    if nav is not None:
        site.nav = prune_nav(nav, content)
        site.nav_source = "mkdocs nav"
    else:
        found = sidebar_nav(root, site.site_url, pages, generator)
        if found:
            site.nav = found
            site.nav_source = "html navigation"
    return site


def prune_nav(nav: Sequence[NavNode], content: set[str]) -> list[NavNode]:
    """Drop links to pages that are not content pages, and groups left empty."""
    kept: list[NavNode] = []
    for node in nav:
        children = tuple(prune_nav(node.children, content))
        page = node.page if node.page in content else None
        if page or children:
            kept.append(NavNode(node.title, page, children))
    return kept


# --- the generator's sidebar ------------------------------------------------------------------

# XPath of each generator's main navigation, most specific first. Page TOCs ("on this page")
# are excluded separately by _TOC_MARKERS.
SIDEBARS: list[str] = [
    "//nav[contains(concat(' ', normalize-space(@class), ' '), ' md-nav--primary ')]",
    "//div[contains(@class, 'wy-menu-vertical')]",
    "//div[contains(@class, 'sidebar-tree')]",
    "//nav[contains(@class, 'bd-docs-nav')]",
    "//div[contains(@class, 'sphinxsidebarwrapper')]",
    "//nav[contains(@class, 'menu')][.//a[contains(@class, 'menu__link')]]",
    "//nav[@id='VPSidebarNav'] | //aside[contains(@class, 'VPSidebar')]",
    "//nav[@id='td-sidebar-nav']",
    "//*[contains(@class, 'book-menu')]",
    "//nav[contains(@class, 'site-nav')]",
    # Any generator: the navigation-like element that links the most content pages.
    "//*[self::nav or self::aside or @role='navigation' or contains(@class, 'sidebar')]",
]
_TOC_TOKEN = re.compile(
    r"(^|-)toc(-|$)|^table-?of-?contents$|^tableofcontents$|^md-nav--secondary$|on-this-page|outline",
    re.IGNORECASE,
)
_GROUP_LABEL_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "span", "div", "label", "button"})


def _is_toc(el: etree._Element) -> bool:
    """True for a page's own table of contents ("On this page"), which is not site navigation."""
    for node in [el, *el.iterancestors()]:
        tokens = f"{node.get('id', '')} {node.get('class', '')}".split()
        if any(_TOC_TOKEN.search(token) for token in tokens):
            return True
    return False


class _Resolver:
    """Maps hrefs found on one page to site-relative content-page paths."""

    def __init__(self, site_url: str, pages: Sequence[PageFile]) -> None:
        self.base = site_url
        self.paths = {p.path for p in pages}

    def resolve(self, page_path: str, href: str | None) -> str | None:
        if not href or href.startswith(("#", "mailto:", "javascript:", "tel:")):
            return None
        absolute = urljoin(self.base + quote(page_path), href)
        parts = urlsplit(absolute)
        base = urlsplit(self.base)
        if (parts.scheme, parts.netloc) != (base.scheme, base.netloc):
            return None
        path = unquote(parts.path)
        if not path.startswith(base.path):
            return None
        rel = path[len(base.path):]
        for candidate in (rel, rel + "index.html", rel + ".html", rel + "/index.html"):
            if candidate in self.paths:
                return candidate
        return None


def _label(el: etree._Element) -> str:
    """Visible text of a nav element, without heading permalink symbols (Sphinx's ``¶``)."""
    return " ".join(_text(el).split()).strip(" ¶#§🔗").strip()


def _list_items(lst: etree._Element, page_path: str, resolver: _Resolver) -> list[NavNode]:
    nodes: list[NavNode] = []
    for li in lst:
        if not isinstance(li.tag, str) or li.tag != "li":
            continue
        nodes.append(_item(li, page_path, resolver))
    return nodes


def _nested_lists(el: etree._Element) -> list[etree._Element]:
    """Lists inside ``el`` that are not inside another list inside ``el``."""
    found: list[etree._Element] = []
    stack = list(reversed([c for c in el if isinstance(c.tag, str)]))
    while stack:
        node = stack.pop()
        if node.tag in ("ul", "ol"):
            found.append(node)
            continue
        stack.extend(reversed([c for c in node if isinstance(c.tag, str)]))
    return found


def _item(li: etree._Element, page_path: str, resolver: _Resolver) -> NavNode:
    sublists = _nested_lists(li)
    # Sets of live elements, never of id(): lxml proxies die and their ids get reused.
    inside = {x for lst in sublists for x in lst.iter()}
    link = next((a for a in li.iter("a") if a not in inside), None)
    label_el: etree._Element | None = link
    if label_el is None:
        label_el = next(
            (x for x in li.iter() if x not in inside and x is not li and x.tag in _GROUP_LABEL_TAGS
             and _label(x)),
            None,
        )
    title = _label(label_el) if label_el is not None else None
    page = resolver.resolve(page_path, link.get("href")) if link is not None else None
    children: list[NavNode] = []
    for lst in sublists:
        children.extend(_list_items(lst, page_path, resolver))
    return NavNode(title or None, page, tuple(children))


def _container_nav(container: etree._Element, page_path: str, resolver: _Resolver) -> list[NavNode]:
    """The navigation tree of one sidebar element.

    Top-level lists preceded by a caption (Sphinx ``p.caption``, headings) become groups named
    by the caption; otherwise their items are the top level.
    """
    nodes: list[NavNode] = []
    lists = _nested_lists(container)
    if not lists:
        return nodes
    lists_set = set(lists)
    caption: str | None = None
    pending: list[NavNode] = []

    def flush() -> None:
        if caption and pending:
            nodes.append(NavNode(caption, None, tuple(pending)))
        else:
            nodes.extend(pending)
        pending.clear()

    for el in container.iter():
        if not isinstance(el.tag, str):
            continue
        if el in lists_set:
            pending.extend(_list_items(el, page_path, resolver))
            continue
        if any(a in lists_set for a in el.iterancestors()):
            continue
        cls = (el.get("class") or "").lower()
        if el.tag in ("h2", "h3", "h4", "h5", "h6") or (el.tag in ("p", "div", "span") and "caption" in cls):
            text = _label(el)
            if text and not any(d in lists_set for d in el.iter()):
                flush()
                caption = text
    flush()
    return nodes


def _count_pages(nodes: Iterable[NavNode]) -> set[str]:
    found: set[str] = set()
    for node in nodes:
        if node.page:
            found.add(node.page)
        found |= _count_pages(node.children)
    return found


def page_nav(html: bytes, page_path: str, resolver: _Resolver) -> list[NavNode]:
    """The navigation tree a page's sidebar shows (the best-covering candidate element)."""
    try:
        doc = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return []
    best: list[NavNode] = []
    best_count = 1  # a sidebar with a single page link is not a navigation
    for xpath in SIDEBARS:
        for el in _xpath(doc, xpath):
            if _is_toc(el):
                continue
            tree = _container_nav(el, page_path, resolver)
            count = len(_count_pages(tree))
            if count > best_count:
                best, best_count = tree, count
        if best:  # the most specific selector that found a navigation wins
            break
    # Sphinx's real navigation is the root document's toctree, in the page body; a theme's
    # sidebar may show only custom links. The one covering more pages wins.
    toctree = _toctree_root(doc)
    if toctree is not None:
        tree = _container_nav(toctree, page_path, resolver)
        if len(_count_pages(tree)) > best_count:
            best = tree
    return best


def _xpath(doc: etree._Element, expression: str) -> list[etree._Element]:
    """The elements an XPath selects (typed: lxml's xpath() may return strings or numbers)."""
    result = doc.xpath(expression)
    return [el for el in result if isinstance(el, etree._Element)] if isinstance(result, list) else []


def _toctree_root(doc: etree._Element) -> etree._Element | None:
    """The nearest element holding every Sphinx ``toctree-wrapper`` of a page (with the section
    headings between them, which name the groups)."""
    wrappers = _xpath(doc, "//div[contains(concat(' ', normalize-space(@class), ' '), ' toctree-wrapper ')]")
    if not wrappers:
        return None
    ancestor = wrappers[0].getparent()
    while ancestor is not None:
        if all(ancestor in set(w.iterancestors()) for w in wrappers[1:]):
            return ancestor
        ancestor = ancestor.getparent()
    return None


def _merge(into: list[NavNode], extra: list[NavNode], known: set[str]) -> list[NavNode]:
    """Add the pages of ``extra`` that ``into`` lacks, keeping ``extra``'s grouping."""
    merged = list(into)
    for node in extra:
        new_children = _merge([], list(node.children), known)
        page = node.page if node.page and node.page not in known else None
        if page:
            known.add(page)
        if page or new_children:
            merged.append(NavNode(node.title, page, tuple(new_children)))
    return merged


MAX_NAV_PROBES = 12
"""Pages whose sidebar is read at most: collapsed sidebars show only the current branch."""


def sidebar_nav(
    root: Path, site_url: str, pages: Sequence[PageFile], generator: str | None
) -> list[NavNode]:
    """Navigation from the generator's sidebar in the built HTML.

    The home page's sidebar first; while pages are still missing from it, the sidebar of the
    first missing page is merged in (collapsed sidebars only render the current branch).
    """
    if not pages:
        return []
    resolver = _Resolver(site_url, pages)
    order = [p.path for p in pages]
    probe = "index.html" if "index.html" in resolver.paths else order[0]
    nav: list[NavNode] = []
    known: set[str] = set()
    tried: set[str] = set()
    for _ in range(MAX_NAV_PROBES):
        tried.add(probe)
        tree = page_nav((root / probe).read_bytes(), probe, resolver)
        nav = _merge(nav, tree, known)
        missing = [p for p in order if p not in known and p not in tried]
        if not missing or not nav:
            break
        probe = missing[0]
    return nav
