"""The converter on pages built by real documentation generators, checked against source truth.

Each ``tests/generators/<generator>-<theme>/`` folder holds pages built by ``build.sh`` with the
real generator (MkDocs, Material, Sphinx with five themes, Docusaurus, VitePress, Hugo, Jekyll),
chrome included, and per page a ``<page>.expected.json`` derived from the page's SOURCE: headings,
code blocks (byte-exact, with language), tables, links, texts, admonitions, tabs, definition
lists, images, math, kbd, and chrome strings the page shows outside its content.
``corpus-*/`` folders do the same for a few pages of ``../shared/eval/corpus`` (HTML referenced,
not copied). ``<page>.md`` is the reviewed golden output, rewritten only with
``pytest --update-goldens``; a missing golden fails.

Every check is parametrized only over pages that have items of that kind, so no check can pass
for lack of something to check.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

import lxml.html
import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin

HERE = Path(__file__).parent
REPO = HERE.parent.parent

# Same aliases as ../shared/eval/gt.py, so a language counts here exactly when it counts there.
LANG_ALIASES: dict[str, str | None] = {
    "py": "python",
    "python3": "python",
    "py3": "python",
    "js": "javascript",
    "ts": "typescript",
    "yml": "yaml",
    "sh": "shell",
    "bash": "shell",
    "zsh": "shell",
    "shell-session": "console",
    "shellsession": "console",
    "text": None,
    "txt": None,
    "plain": None,
    "plaintext": None,
    "none": None,
    "default": None,
    "nohighlight": None,
    "md": "markdown",
    "htm": "html",
    "jinja2": "jinja",
    "html+jinja": "jinja",
}
# Raw HTML that CONTRACTS.md allows in twins; anything else in the output is a defect.
ALLOWED_HTML = re.compile(r"^</?(kbd|sup|sub|details|summary)(\s[^>]*)?>$|^<!--", re.I)


@dataclass(frozen=True)
class Fixture:
    site: str
    page: str
    html_path: Path
    url: str
    expected: dict[str, Any] = field(hash=False, compare=False)
    generator: str = ""
    """What ``ConvertedPage.generator`` must say for this page (INTERFACES.md names)."""
    complete: bool = False
    """The ground truth lists every code block of the page (our own sites, not corpus pages)."""

    @property
    def id(self) -> str:
        return f"{self.site}/{self.page}"

    @property
    def golden(self) -> Path:
        return HERE / self.site / f"{self.page}.md"


def _fixtures() -> list[Fixture]:
    found = []
    for site_json in sorted(HERE.glob("*/site.json")):
        meta = json.loads(site_json.read_text(encoding="utf-8"))
        for page, info in sorted(meta["pages"].items()):
            html_path = (
                (REPO / info["html"]) if "html" in info else site_json.parent / f"{page}.html"
            )
            expected = json.loads(
                (site_json.parent / f"{page}.expected.json").read_text(encoding="utf-8")
            )
            found.append(
                Fixture(
                    site_json.parent.name,
                    page,
                    html_path,
                    info["url"],
                    expected,
                    generator=meta["generator"],
                    complete="source_flavor" in meta,
                )
            )
    return found


FIXTURES = _fixtures()


def params(key: str | None = None) -> list[Any]:
    """One pytest param per fixture page that has ground-truth items under ``key``."""
    return [pytest.param(f, id=f.id) for f in FIXTURES if key is None or f.expected.get(key)]


def test_fixtures_present() -> None:
    """The generator fixtures exist: every generator named in the brief has built pages."""
    sites = {f.site.split("-")[0] for f in FIXTURES}
    assert {"mkdocs", "sphinx", "docusaurus", "vitepress", "hugo", "jekyll"} <= sites


# ---------------------------------------------------------------------------------------------
# Converting (once per page) and reading the markdown back


@lru_cache(maxsize=None)
def converted(fx: Fixture) -> str:
    import llmsdocs

    html = fx.html_path.read_bytes()
    md = llmsdocs.convert(html, fx.url)
    assert isinstance(md, str)
    return md


def _md() -> MarkdownIt:
    return (
        MarkdownIt("commonmark", {"html": True})
        .enable("table")
        .enable("strikethrough")
        .use(footnote_plugin)
        .use(deflist_plugin)
    )


MD = _md()


@dataclass
class Parsed:
    tokens: list[Token]
    html: str
    text: str  # rendered plain text, whitespace collapsed


@lru_cache(maxsize=None)
def parsed(fx: Fixture) -> Parsed:
    out = converted(fx)
    tokens = MD.parse(out)
    html = MD.render(out)
    return Parsed(tokens, html, _flat(_html_text(html)))


def _flat(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").split())


def _html_text(html: str) -> str:
    if not html.strip():
        return ""
    return str(lxml.html.fromstring(f"<div>{html}</div>").text_content())


def _inline_text(tok: Token) -> str:
    return _flat(_html_text(MD.renderer.renderInline(tok.children or [], MD.options, {})))


def _norm_lang(lang: str | None) -> str | None:
    if not lang:
        return None
    lang = lang.strip().lower().lstrip(".")
    return LANG_ALIASES.get(lang, lang)


def _norm_href(href: str) -> str:
    """``index.html``/``index.md`` suffixes dropped, scheme and host lower-cased (as the eval)."""
    parts = urlsplit(href.strip())
    path = re.sub(r"/index\.(html|htm|md)$", "/", parts.path)
    return urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), path, parts.query, parts.fragment)
    )


def _norm_code(code: str) -> str:
    """Trailing spaces and leading/trailing blank lines are not content (as the eval)."""
    lines = [ln.rstrip() for ln in code.replace("\r\n", "\n").split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def _cell_key(cell: str) -> str:
    """Cells compare on word characters: formatting inside a cell may differ, text may not."""
    return re.sub(r"\W+", "", cell.lower())


def headings(p: Parsed) -> list[tuple[int, str]]:
    found = []
    for i, tok in enumerate(p.tokens):
        if tok.type == "heading_open":
            found.append((int(tok.tag[1]), _inline_text(p.tokens[i + 1])))
    return found


def fences(p: Parsed) -> list[tuple[str, str | None]]:
    return [
        (
            t.content[:-1] if t.content.endswith("\n") else t.content,
            t.info.split()[0] if t.info.strip() else None,
        )
        for t in p.tokens
        if t.type == "fence"
    ]


def _tables_in(p: Parsed) -> list[list[list[str]]]:
    """Table rows, read from table tokens only (cells are inline tokens inside th/td)."""
    result = []
    inside = False
    rows: list[list[str]] = []
    row: list[str] = []
    in_cell = False
    for tok in p.tokens:
        if tok.type == "table_open":
            inside, rows = True, []
        elif tok.type == "table_close":
            inside = False
            result.append(rows)
        elif inside and tok.type == "tr_open":
            row = []
        elif inside and tok.type == "tr_close":
            rows.append(row)
        elif inside and tok.type in ("th_open", "td_open"):
            in_cell = True
        elif inside and tok.type in ("th_close", "td_close"):
            in_cell = False
        elif inside and in_cell and tok.type == "inline":
            row.append(_inline_text(tok))
    return result


def links(p: Parsed, base: str) -> list[tuple[str, str]]:
    found = []
    for tok in p.tokens:
        if tok.type != "inline":
            continue
        stack: list[tuple[str, list[Token]]] = []
        for child in tok.children or []:
            if child.type == "link_open":
                stack.append((str(child.attrGet("href") or ""), []))
            elif child.type == "link_close" and stack:
                href, kids = stack.pop()
                text = _flat(_html_text(MD.renderer.renderInline(kids, MD.options, {})))
                found.append((text, _norm_href(urljoin(base, href))))
            elif stack:
                stack[-1][1].append(child)
    return found


def images(p: Parsed) -> list[tuple[str, str]]:
    found = []
    for tok in p.tokens:
        for child in tok.children or []:
            if child.type == "image":
                found.append((child.content, str(child.attrGet("src") or "")))
    return found


def _iter_blocks(p: Parsed, open_type: str, close_type: str) -> Iterator[list[Token]]:
    depth = 0
    current: list[Token] = []
    for tok in p.tokens:
        if tok.type == open_type:
            depth += 1
            if depth == 1:
                current = []
                continue
        if tok.type == close_type:
            depth -= 1
            if depth == 0:
                yield current
                continue
        if depth:
            current.append(tok)


def _blocks_text(tokens: list[Token]) -> str:
    return _flat(_html_text(MD.renderer.render(tokens, MD.options, {})))


# ---------------------------------------------------------------------------------------------
# Checks on every page


@pytest.mark.parametrize("fx", params())
def test_starts_with_h1_title(fx: Fixture) -> None:
    """The output starts with ``# <title>``: the content's H1."""
    out = converted(fx)
    first = out.lstrip("\ufeff").split("\n", 1)[0]
    assert first.startswith("# "), f"{fx.id}: output starts with {first[:80]!r}, not '# '"
    assert _flat(first[2:]) == fx.expected["title"], (
        f"{fx.id}: H1 {first!r} != {fx.expected['title']!r}"
    )


@pytest.mark.parametrize("fx", params())
def test_generator_detected_and_title(fx: Fixture) -> None:
    """convert_page names the generator that built the page, and the page's title is its H1."""
    import llmsdocs

    page = llmsdocs.convert_page(fx.html_path.read_bytes(), fx.url)
    assert page.generator == fx.generator, (
        f"{fx.id}: generator {page.generator!r} != {fx.generator!r}"
    )
    assert page.title == fx.expected["title"], (
        f"{fx.id}: title {page.title!r} != {fx.expected['title']!r}"
    )


@pytest.mark.parametrize("fx", params("headings"))
def test_headings_kept_with_level(fx: Fixture) -> None:
    """Every source heading is an ATX heading of the same level and text (no ¶/# permalink)."""
    got = headings(parsed(fx))
    missing = [
        (h["level"], h["text"])
        for h in fx.expected["headings"]
        if (h["level"], h["text"]) not in got
    ]
    assert not missing, f"{fx.id}: headings missing {missing}; output headings: {got}"


@pytest.mark.parametrize("fx", [p for p in params("headings") if p.values[0].complete])
def test_no_extra_headings(fx: Fixture) -> None:
    """No heading beyond the source's: theme headings (sr-only labels, TOC titles) stay out.

    Only on our own generator sites, whose ground truth lists every heading of the source.
    """
    want = Counter((h["level"], h["text"]) for h in fx.expected["headings"])
    extra = Counter(headings(parsed(fx))) - want  # a theme's copy of the title counts as extra
    assert not extra, f"{fx.id}: headings that are not in the source: {sorted(extra.elements())}"


@pytest.mark.parametrize("fx", params("code_blocks"))
def test_code_blocks_exact_with_language(fx: Fixture) -> None:
    """Every code block is one fence, byte-exact, with the source's language."""
    got = [(_norm_code(content), lang) for content, lang in fences(parsed(fx))]
    problems = []
    for block in fx.expected["code_blocks"]:
        want = _norm_code(block["content"])
        # where the generator re-indented a block, the source's own text is as right as the HTML's
        alt = _norm_code(block.get("source_content", block["content"]))
        same = [lang for content, lang in got if content in (want, alt)]
        if not same:
            loose = [c for c, _ in got if "".join(c.split()) == "".join(want.split())]
            hint = f" (differs only in whitespace: {loose[0]!r})" if loose else ""
            problems.append(f"missing {block['language']} block {want[:50]!r}{hint}")
        elif _norm_lang(block["language"]) is None:
            continue  # the page carries no language for it: none can be asked
        elif _norm_lang(block["language"]) not in [_norm_lang(lang) for lang in same]:
            problems.append(
                f"{block['content'][:40]!r}: fence language {same} != {block['language']!r}"
            )
    assert not problems, f"{fx.id}: " + "; ".join(problems)


@pytest.mark.parametrize("fx", [p for p in params("code_blocks") if p.values[0].complete])
def test_no_extra_code_blocks(fx: Fixture) -> None:
    """No fence beyond the source's code blocks: line-number gutters and chrome never become code.

    Only on our own generator sites, whose ground truth lists every code block of the source.
    """
    want = [
        _norm_code(b[k])
        for b in fx.expected["code_blocks"]
        for k in ("content", "source_content")
        if k in b
    ]
    extra = [content for content, _ in fences(parsed(fx)) if _norm_code(content) not in want]
    assert not extra, f"{fx.id}: fences that are not source code blocks: {[e[:40] for e in extra]}"


@pytest.mark.parametrize("fx", params("tables"))
def test_tables_as_one_gfm_table(fx: Fixture) -> None:
    """Each source table is one GFM table with the same rows and cell texts (pipes escaped)."""
    got = [[[_cell_key(c) for c in row] for row in table] for table in _tables_in(parsed(fx))]
    for want in fx.expected["tables"]:
        key = [[_cell_key(c) for c in row] for row in want]
        assert key in got, (
            f"{fx.id}: table {want[0]} not found as one GFM table with the same rows; "
            f"tables in output: {_tables_in(parsed(fx))}"
        )


@pytest.mark.parametrize("fx", params("links"))
def test_links_absolute(fx: Fixture) -> None:
    """Every source link keeps its text, and its href resolves to the page the source meant."""
    got = links(parsed(fx), fx.url)
    missing = [
        (lk["text"], lk["href"])
        for lk in fx.expected["links"]
        if (lk["text"], lk["href"]) not in got
    ]
    assert not missing, f"{fx.id}: links missing {missing}; output links: {got}"


@pytest.mark.parametrize("fx", [p for p in params("links") if p.values[0].complete])
def test_no_extra_links(fx: Fixture) -> None:
    """No link beyond the source's: permalinks, nav, edit and back-links stay out.

    Only on our own generator sites, whose ground truth lists every link of the source.
    """
    want = {(lk["text"], lk["href"]) for lk in fx.expected["links"]}
    extra = [lk for lk in links(parsed(fx), fx.url) if lk not in want]
    assert not extra, f"{fx.id}: links that are not in the source: {extra}"


@pytest.mark.parametrize("fx", [p for p in params() if p.values[0].complete])
def test_no_extra_tables(fx: Fixture) -> None:
    """No table beyond the source's (a theme's keyboard-shortcut or layout table is chrome)."""
    want = [[[_cell_key(c) for c in row] for row in t] for t in fx.expected["tables"]]
    extra = [
        t for t in _tables_in(parsed(fx)) if [[_cell_key(c) for c in r] for r in t] not in want
    ]
    assert not extra, f"{fx.id}: tables that are not in the source: {extra}"


@pytest.mark.parametrize("fx", params("links"))
def test_link_hrefs_are_absolute_or_anchors(fx: Fixture) -> None:
    """Links are made absolute against the page URL; only in-page ``#anchors`` stay relative."""
    relative = []
    for tok in parsed(fx).tokens:
        for child in tok.children or []:
            if child.type in ("link_open", "image"):
                href = str(child.attrGet("href") or child.attrGet("src") or "")
                if (
                    href
                    and not href.startswith("#")
                    and not re.match(r"^[a-z][a-z0-9+.-]*:", href, re.I)
                ):
                    relative.append(href)
    assert not relative, f"{fx.id}: relative link targets left in the output: {relative}"


@pytest.mark.parametrize("fx", params("chrome"))
def test_chrome_absent(fx: Fixture) -> None:
    """Strings the page shows only as chrome (menus, footer, edit link, permalinks) are gone."""
    out = converted(fx)
    leaked = [s for s in fx.expected["chrome"] if s in out]
    assert not leaked, f"{fx.id}: chrome leaked into the output: {leaked}"


@pytest.mark.parametrize("fx", params())
def test_fences_closed(fx: Fixture) -> None:
    """Every fence is closed by a fence of the same character and at least the same length."""
    out = converted(fx)
    lines = out.split("\n")
    unclosed = []
    for tok in parsed(fx).tokens:
        if tok.type == "fence" and tok.map:
            last = lines[tok.map[1] - 1].strip() if 0 < tok.map[1] <= len(lines) else ""
            ch = tok.markup[0]
            if not (
                tok.map[1] - tok.map[0] >= 2
                and last
                and set(last) == {ch}
                and len(last) >= len(tok.markup)
            ):
                unclosed.append(lines[tok.map[0]])
    assert not unclosed, f"{fx.id}: unclosed fences opened by {unclosed}"


@pytest.mark.parametrize("fx", params())
def test_pipe_rows_parse_as_tables(fx: Fixture) -> None:
    """Every run of pipe rows is a table markdown-it parses, each row with the header's cells."""
    out = converted(fx)
    lines = out.split("\n")
    covered: set[int] = set()
    for tok in parsed(fx).tokens:
        if tok.map and tok.type in ("fence", "code_block", "table_open", "html_block"):
            covered.update(range(tok.map[0], tok.map[1]))
    stray = [
        ln for i, ln in enumerate(lines) if i not in covered and re.match(r"^\s*\|.*\|\s*$", ln)
    ]
    assert not stray, f"{fx.id}: pipe rows that are not part of a parsed table: {stray[:3]}"
    for rows in _tables_in(parsed(fx)):
        widths = {len(r) for r in rows}
        assert len(widths) == 1, f"{fx.id}: table rows of different widths: {rows}"


@pytest.mark.parametrize("fx", params())
def test_only_allowed_raw_html(fx: Fixture) -> None:
    """Raw HTML in the output is limited to kbd/sup/sub/details/summary (CONTRACTS.md)."""
    bad = []
    for tok in parsed(fx).tokens:
        if tok.type == "html_block":
            for tag in re.findall(r"<[^>]+>", tok.content):
                if not ALLOWED_HTML.match(tag):
                    bad.append(tag)
        for child in tok.children or []:
            if child.type == "html_inline" and not ALLOWED_HTML.match(child.content):
                bad.append(child.content)
    assert not bad, f"{fx.id}: raw HTML outside the allowed list: {bad[:5]}"


# ---------------------------------------------------------------------------------------------
# Constructs


@pytest.mark.parametrize("fx", params("texts"))
def test_texts_kept_and_escaped(fx: Fixture) -> None:
    """Source paragraphs render back to the same text: nothing lost, markdown-like text escaped."""
    text = parsed(fx).text
    missing = [t for t in fx.expected["texts"] if _flat(t) not in text]
    assert not missing, f"{fx.id}: texts not found in the rendered output: {missing}"


@pytest.mark.parametrize("fx", params("admonitions"))
def test_admonitions_are_blockquotes_with_title(fx: Fixture) -> None:
    """An admonition becomes a blockquote holding its title and its body."""
    quotes = [
        _blocks_text(b) for b in _iter_blocks(parsed(fx), "blockquote_open", "blockquote_close")
    ]
    for adm in fx.expected["admonitions"]:
        hit = [q for q in quotes if _flat(adm["body"]) in q]
        assert hit, (
            f"{fx.id}: admonition body {adm['body'][:50]!r} not in a blockquote; quotes: {quotes}"
        )
        assert any(adm["title"].lower() in q.lower() for q in hit), (
            f"{fx.id}: admonition title {adm['title']!r} not in its blockquote {hit[0]!r}"
        )


@pytest.mark.parametrize("fx", params("tabs"))
def test_tabs_each_panel_after_its_label(fx: Fixture) -> None:
    """Every tab panel is kept and preceded by its label, in order."""
    out = converted(fx)
    for group in fx.expected["tabs"]:
        pos = 0
        for panel in group:
            at_content = out.find(panel["content"], pos)
            assert at_content >= 0, f"{fx.id}: tab panel {panel['label']!r} content missing"
            at_label = out.rfind(panel["label"], pos, at_content)
            assert at_label >= 0, (
                f"{fx.id}: tab label {panel['label']!r} not between the previous "
                f"panel and its content"
            )
            pos = at_content + len(panel["content"])


@pytest.mark.parametrize("fx", params("deflists"))
def test_definition_lists(fx: Fixture) -> None:
    """Definition lists use the deflist form (``Term`` / ``: definition``)."""
    html = parsed(fx).html
    doc = lxml.html.fromstring(f"<div>{html}</div>")
    pairs = [
        (_flat(dt.text_content()), _flat(dd.text_content()))
        for dl in doc.iter("dl")
        for dt, dd in zip(dl.iter("dt"), dl.iter("dd"))
    ]
    for want in fx.expected["deflists"]:
        for term, definition in want:
            assert (term, definition) in pairs, (
                f"{fx.id}: {term!r}: {definition!r} not a dt/dd; got {pairs}"
            )


@pytest.mark.parametrize("fx", params("images"))
def test_images_keep_alt_and_absolute_src(fx: Fixture) -> None:
    """Images keep their alt text and get an absolute src."""
    got = images(parsed(fx))
    for alt in fx.expected["images"]:
        srcs = [src for a, src in got if a == alt]
        assert srcs, f"{fx.id}: image {alt!r} missing; images: {got}"
        assert srcs[0].startswith(("http://", "https://")), (
            f"{fx.id}: image src {srcs[0]!r} not absolute"
        )


@pytest.mark.parametrize("fx", params("math"))
def test_math_tex_source_kept(fx: Fixture) -> None:
    """Math is written from its TeX source, verbatim."""
    out = " ".join(converted(fx).split())
    missing = [m for m in fx.expected["math"] if " ".join(m.split()) not in out]
    assert not missing, f"{fx.id}: TeX not in the output: {missing}"


@pytest.mark.parametrize("fx", params("footnotes"))
def test_footnotes(fx: Fixture) -> None:
    """Footnotes are markdown footnotes: a ``[^n]`` reference and a definition holding exactly the
    source's text (no label, brackets or back-link arrows)."""
    tokens = parsed(fx).tokens
    refs = sum(1 for t in tokens for c in t.children or [] if c.type == "footnote_ref")
    bodies = [
        _blocks_text([t for t in b if t.type != "footnote_anchor"])  # not the ↩ back-link
        for b in _iter_blocks(parsed(fx), "footnote_open", "footnote_close")
    ]
    for text in fx.expected["footnotes"]:
        assert _flat(text) in bodies, f"{fx.id}: no footnote reading {text!r}; footnotes: {bodies}"
    assert refs >= len(fx.expected["footnotes"]), (
        f"{fx.id}: {refs} footnote references for {len(fx.expected['footnotes'])} footnotes"
    )


@pytest.mark.parametrize("fx", params("strike"))
def test_strikethrough(fx: Fixture) -> None:
    """Struck-through text stays struck through (GFM ``~~``)."""
    html = parsed(fx).html
    struck = [_flat(_html_text(m)) for m in re.findall(r"<s>(.*?)</s>", html, re.S)]
    missing = [t for t in fx.expected["strike"] if t not in struck]
    assert not missing, f"{fx.id}: not struck through: {missing}; struck: {struck}"


def _list_items(tokens: list[Token], start: int) -> list[list[Token]]:
    """The tokens of each item of the list opening at ``tokens[start]``."""
    items: list[list[Token]] = []
    depth = 0
    for tok in tokens[start + 1 :]:
        if tok.type.endswith("_list_open"):
            depth += 1
        elif tok.type.endswith("_list_close"):
            if depth == 0:
                break
            depth -= 1
        if tok.type == "list_item_open" and depth == 0:
            items.append([])
        elif tok.type == "list_item_close" and depth == 0:
            continue
        elif items:
            items[-1].append(tok)
    return items


@pytest.mark.parametrize("fx", params("ordered_lists"))
def test_ordered_lists_keep_nesting(fx: Fixture) -> None:
    """An ordered list keeps its items, and a code block or a nested list stays INSIDE its item."""
    tokens = parsed(fx).tokens
    lists = [i for i, t in enumerate(tokens) if t.type == "ordered_list_open"]
    for want in fx.expected["ordered_lists"]:
        found = None
        for start in lists:
            items = _list_items(tokens, start)
            firsts = [
                _inline_text(next(t for t in it if t.type == "inline"))
                if any(t.type == "inline" for t in it)
                else ""
                for it in items
            ]
            if firsts == want["items"]:
                found = items
                break
        assert found is not None, f"{fx.id}: no ordered list with items {want['items']}"
        if "code_in_item" in want:
            item = found[want["code_in_item"]["item"]]
            codes = [_norm_code(t.content) for t in item if t.type == "fence"]
            assert _norm_code(want["code_in_item"]["content"]) in codes, (
                f"{fx.id}: the code block of item {want['code_in_item']['item'] + 1} is not inside it"
            )
        if "nested_in_item" in want:
            item = found[want["nested_in_item"]["item"]]
            nested = [_inline_text(t) for t in item if t.type == "inline"][1:]
            assert nested == want["nested_in_item"]["items"], (
                f"{fx.id}: nested list of item {want['nested_in_item']['item'] + 1} is {nested}"
            )


@pytest.mark.parametrize("fx", params("kbd"))
def test_kbd_kept(fx: Fixture) -> None:
    """Keys stay ``<kbd>`` elements."""
    out = converted(fx)
    missing = [k for k in fx.expected["kbd"] if f"<kbd>{k}</kbd>" not in out]
    assert not missing, f"{fx.id}: keys not written as <kbd>: {missing}"


# ---------------------------------------------------------------------------------------------
# Golden files


@pytest.mark.parametrize("fx", params())
def test_golden_markdown(fx: Fixture, update_goldens: bool) -> None:
    """The output equals the reviewed golden ``<page>.md`` (rewritten only by --update-goldens)."""
    out = converted(fx)
    if update_goldens:
        fx.golden.write_text(out, encoding="utf-8")
        return
    assert fx.golden.exists(), (
        f"{fx.id}: golden {fx.golden.relative_to(REPO)} is missing; run "
        "`python -m pytest tests/generators --update-goldens` and review it"
    )
    want = fx.golden.read_text(encoding="utf-8")
    assert out == want, f"{fx.id}: output differs from {fx.golden.relative_to(REPO)}"
