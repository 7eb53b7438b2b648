"""Page -> main content: detect the generator, pick its content element, remove the chrome.

The knowledge of each generator lives in :mod:`llmsdocs.profiles` as data; this module only
applies it. On an unknown site, the content candidate holding the most non-link text wins,
and generic chrome (navigation, footers, breadcrumbs...) is removed from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from llmsdocs.convert.css import SelectorIndex, compile_selector, may_match, select, strings
from llmsdocs.convert.source import xml_safe
from llmsdocs.profiles import (
    COMMON_CHROME,
    GENERIC_CHROME,
    GENERIC_CONTENT,
    KEEP,
    PROFILES,
    ROLE_RULES,
    TAB_SETS,
    Profile,
)

ROLE_ATTR = "data-llmsdocs-role"
"""Attribute the extraction sets on elements whose role is not their tag (see ROLE_RULES)."""

_WS = re.compile(r"\s+")
_TITLE_SEPARATORS = re.compile(r"\s+(?:[-|\u2014\u2013\u00b7:\u2022\u00bb]|::)\s+")
_PROFILE_BY_NAME = {p.name: p for p in PROFILES}
_QUOTED = re.compile(r"'([^']+)'")
_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class Extracted:
    """The main content of a page and what the page says about itself."""

    content: etree._Element
    """The content element, chrome removed and roles marked (``data-llmsdocs-role``)."""
    generator: str | None
    """Detected generator profile name, or None for an unknown site."""
    page_title: str
    """``<title>`` without the site name, or "" when the page has none."""
    description: str | None
    """``<meta name=description>`` (or og:description), one line."""
    content_h1: str = ""
    """Text of the content's first H1 (or "")."""
    outside_h1: str = ""
    """Text of the page's H1 when a theme puts it outside the content element (or "")."""


def squash(text: str) -> str:
    """Collapse whitespace to single spaces and strip: a one-line plain text."""
    return _WS.sub(" ", text).strip()


_STRING = etree.XPath("string()", smart_strings=False)


def text_of(el: etree._Element) -> str:
    """All text of an element (C-level; works on any lxml element, deep or not)."""
    return str(_STRING(el))


def detect_generator(root: etree._Element, source: str | None = None) -> Profile | None:
    """The generator profile for a page: ``<meta name=generator>`` first, then layout markers."""
    for value in strings(root, "/html/head/meta[@name='generator' or @name='Generator']/@content"):
        low = str(value).lower()
        if "mkdocs" in low and "material" in low:
            return _PROFILE_BY_NAME["material"]
        for profile in PROFILES:
            if any(low.startswith(m) for m in profile.meta):
                if profile.name == "mkdocs" and select(root, "//*[contains(@class, 'md-content')]"):
                    return _PROFILE_BY_NAME["material"]
                return profile
    for profile in PROFILES:
        for selector in profile.detect:
            if selector.startswith("xpath:"):
                literals = _QUOTED.findall(selector)
                if source is not None and not all(x.lower() in source for x in literals):
                    continue
                if select(root, selector[6:]):
                    return profile
            elif may_match(selector, source) and compile_selector(selector)(root):
                return profile
    return None


def _has_generator_meta(root: etree._Element) -> bool:
    return bool(strings(root, "/html/head/meta[@name='generator' or @name='Generator']/@content"))


def built_by(root: etree._Element, profile: Profile, source: str | None = None) -> str:
    """The generator that built a page whose layout is ``profile``'s: its own name, unless the
    page carries the markers of a tool that ports this markup (see ``Profile.built_by``)."""
    for name, selector in profile.built_by:
        if may_match(selector, source) and compile_selector(selector)(root):
            return name
    return profile.name


def page_title(root: etree._Element) -> str:
    """``<title>`` minus a trailing " - Site name" part (og:title when there is no title)."""
    titles = select(root, "/html/head/title") or select(root, "//title")
    raw = squash(text_of(titles[0])) if titles else ""
    if not raw:
        og = strings(root, "/html/head/meta[@property='og:title']/@content")
        raw = squash(str(og[0])) if og else ""
    site = strings(root, "/html/head/meta[@property='og:site_name']/@content")
    if site:
        name = squash(str(site[0]))
        for sep in (" - ", " | ", " \u2014 ", " \u2013 ", " \u00b7 "):
            if raw.endswith(sep + name):
                return raw[: -len(sep + name)].strip()
    parts = _TITLE_SEPARATORS.split(raw)
    if len(parts) > 1:
        return " - ".join(parts[:-1]).strip()
    return raw


_SITE_HEADING = re.compile(r"logo|brand|site-?(?:title|name|header)|navbar|masthead|sidebar", re.IGNORECASE)


def outside_h1(root: etree._Element, content: etree._Element) -> str:
    """The page title heading a theme placed before the content element, if any.

    Site-name headings (in navigation, banners, logos) do not count.
    """
    for h1 in select(root, "//body//h1"):
        if h1 is content or content in h1.iterancestors():
            continue
        chain = [h1, *h1.iterancestors()]
        if any(a.tag in ("nav", "aside", "footer") or a.get("role") in ("banner", "navigation")
               or _SITE_HEADING.search(a.get("class") or "") for a in chain):
            continue
        text = squash(text_of(h1)).strip("¶#§ ")
        if text:
            return text
    return ""


def description(root: etree._Element) -> str | None:
    """The page's own one-line description, if it declares one."""
    for xp in ("/html/head/meta[@name='description']/@content",
               "/html/head/meta[@property='og:description']/@content"):
        values = strings(root, xp)
        if values and squash(str(values[0])):
            return squash(str(values[0]))
    return None


def drop(el: etree._Element) -> None:
    """Remove an element but keep its tail text in place."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = xml_safe((prev.tail or "") + tail)
        else:
            parent.text = xml_safe((parent.text or "") + tail)
    parent.remove(el)


_INVISIBLE = ("script", "style", "svg", "template", "noscript")


def _ink(text: str) -> int:
    """Characters that are not whitespace: template indentation weighs nothing."""
    return len(text) - sum(text.count(c) for c in " \n\t\r")


def _non_link_text(el: etree._Element) -> int:
    """Visible non-space characters outside links: how much an element reads as content.

    Whitespace is not counted: a theme's indented sidebar markup would otherwise outweigh a
    short page's text and keep a wrapper around both as the content.
    """
    total = _ink(text_of(el)) - sum(_ink(text_of(x)) for x in el.iter(*_INVISIBLE))
    links = sum(_ink(text_of(a)) for a in el.iter("a")) if total else 0
    return total - links


def _plausible(chosen: etree._Element, root: etree._Element, source: str | None) -> bool:
    """False when a profile's box lies apart from the page's main text and holds far less.

    A theme variant the profile does not know can make a selector hit a small box (a header's
    ``.content``); the generic search then does better. A box inside (or around) the generic
    best candidate is trusted, however short the page.
    """
    best = _generic_best(root, source)
    if best is None or best is chosen:
        return True
    if chosen in best.iterancestors() or best in chosen.iterancestors():
        return True
    return _non_link_text(best) < 3 * max(1, _non_link_text(chosen))


def _generic_best(root: etree._Element, source: str | None) -> etree._Element | None:
    candidates: list[etree._Element] = []
    for sel in GENERIC_CONTENT:
        if may_match(sel, source):
            candidates.extend(compile_selector(sel)(root))
    if not candidates:
        return None
    return max(candidates, key=_non_link_text)


def _select_content(root: etree._Element, profile: Profile | None, selector: str | None,
                    source: str | None = None) -> tuple[etree._Element, bool]:
    """The content element and whether it came from a profile (or a user selector)."""
    if selector:
        found = compile_selector(selector)(root)
        if found:
            return found[0], True
    body = root.find("body")
    if body is None:
        body = root
    if profile is not None:
        for sel in profile.content:
            if not may_match(sel, source):
                continue
            if sel in GENERIC_CONTENT:
                # a bare ``main``/``article`` says nothing about this generator's layout: the
                # page is from a theme the profile does not know, searched as an unknown site
                break
            found = compile_selector(sel)(root)
            if found:
                chosen = max(found, key=_non_link_text) if len(found) > 1 else found[0]
                if len(text_of(chosen)) >= 3000 or _plausible(chosen, root, source):
                    return _with_peers(chosen, found), True
                break
    candidates: list[etree._Element] = []
    for sel in GENERIC_CONTENT:
        if may_match(sel, source):
            candidates.extend(compile_selector(sel)(root))
    if not candidates:
        return body, False
    scored = sorted({id(c): c for c in candidates}.values(), key=_non_link_text, reverse=True)
    best = scored[0]
    best_len = _non_link_text(best)
    # prefer a tighter candidate inside the best one that still holds nearly all its text
    for cand in scored[1:]:
        if _non_link_text(cand) >= 0.85 * best_len and best in cand.iterancestors():
            best = cand
    body_len = _non_link_text(body)
    if best_len < 0.25 * body_len:
        return body, False
    return _with_peers(best, candidates), False


def _with_peers(chosen: etree._Element, found: list[etree._Element]) -> etree._Element:
    """The chosen content, or, on a list page, it and its peers under one wrapper.

    A blog or section index lays out one ``article`` per entry: the content selector matches
    each, and picking the longest would drop the others. Peers are matches that are siblings
    of the chosen one with its tag and class; they are moved, in order, into a ``div`` put in
    the first one's place, so the rest of the pipeline still sees one element in the page.
    """
    if len(found) < 2:
        return chosen
    parent, cls = chosen.getparent(), chosen.get("class")
    seen: set[int] = set()
    peers = []
    for el in found:
        if el.getparent() is parent and el.tag == chosen.tag and el.get("class") == cls \
                and id(el) not in seen:
            seen.add(id(el))
            peers.append(el)
    if len(peers) < 2 or parent is None:
        return chosen
    peers.sort(key=parent.index)
    wrapper = parent.makeelement("div", {})
    peers[0].addprevious(wrapper)
    wrapper.extend(peers)
    return wrapper


_INDEXES: dict[tuple[str | None, bool], SelectorIndex] = {}


def _index(profile: Profile | None, generic: bool) -> SelectorIndex:
    """The one-pass matcher for a profile: chrome to drop, content to keep, roles, tab sets."""
    key = (profile.name if profile else None, generic)
    index = _INDEXES.get(key)
    if index is None:
        rules: list[tuple[str, tuple[str, str]]] = [(sel, ("drop", "")) for sel in COMMON_CHROME]
        rules.extend((sel, ("drop", "")) for sel in (profile.drop if profile else ()))
        if generic:
            rules.extend((sel, ("drop", "")) for sel in GENERIC_CHROME)
        rules.append(("[hidden]", ("hidden", "")))
        rules.extend((sel, ("keep", "")) for sel in KEEP)
        rules.extend((sel, ("keep", "")) for sel in (profile.keep if profile else ()))
        rules.extend((sel, ("role", role)) for sel, role in ROLE_RULES)
        rules.extend((tabs[0], ("tabs", str(i))) for i, tabs in enumerate(TAB_SETS))
        rules.append(("[role=tablist]", ("tablist", "")))
        index = _INDEXES[key] = SelectorIndex(rules)
    return index


def _clean(content: etree._Element, index: SelectorIndex) -> None:
    """Drop chrome, mark roles and unfold tab sets, in one pass over the content."""
    drops: list[etree._Element] = []
    tab_sets: list[tuple[int, etree._Element]] = []
    tablists: list[etree._Element] = []
    for el in content.iter():
        hits = index.match(el)
        if not hits:
            continue
        keep = ("keep", "") in hits
        role = None
        for kind, arg in hits:
            if kind == "role":
                role = arg
            elif kind == "tabs":
                tab_sets.append((int(arg), el))
            elif kind == "tablist":
                tablists.append(el)
            elif not keep and el is not content and (
                    kind == "drop" or (kind == "hidden" and el.get("role") != "tabpanel")):
                drops.append(el)
                break
        if role is not None:
            el.set(ROLE_ATTR, role)
    for el in drops:
        drop(el)
    for i, container in tab_sets:
        _unfold_tabs(container, TAB_SETS[i])
    # any other ARIA tab widget (web components such as <starlight-tabs>, unknown themes)
    for tablist in tablists:
        owner = _owner(tablist)
        if owner is not None and tablist.getparent() is not None:
            _unfold_tabs(owner, TAB_SETS[-1])


def _tab_label(label: etree._Element) -> etree._Element:
    para = label.makeelement("p", {ROLE_ATTR: "tab-label"})
    para.text = xml_safe(squash(text_of(label)))
    return para


def _unfold_tabs(container: etree._Element, tab_set: tuple[str, str, str]) -> None:
    """Put each tab panel after its label, so every panel is read in order with its name."""
    _, labels_xp, panels_xp = tab_set
    if container.get(ROLE_ATTR) == "tabs-done":
        return
    labels = [lab for lab in select(container, labels_xp) if squash(text_of(lab))]
    panels = select(container, panels_xp)
    if labels_xp.startswith(".//"):
        panels = [p for p in panels if _owner(p) is container]
        labels = [lab for lab in labels if _owner(lab) is container]
    if not labels or not panels:
        return
    container.set(ROLE_ATTR, "tabs-done")
    for label, panel in zip(labels, panels):
        panel.addprevious(_tab_label(label))
    for label in labels:
        drop(label)
    for tablist in select(container, ".//*[@role='tablist']"):
        if not squash(text_of(tablist)):
            drop(tablist)


def _owner(el: etree._Element) -> etree._Element | None:
    """The tab widget an element belongs to: the nearest ancestor holding a tab list (as a
    child or grandchild) and tab panels."""
    for anc in el.iterancestors():
        if select(anc, "./*[@role='tablist'] | ./*/*[@role='tablist']") and \
                select(anc, ".//*[@role='tabpanel']"):
            return anc
    return None


def _drop_theme_title(content: etree._Element) -> None:
    """Drop a theme's title heading that the page's own H1 follows with nothing between.

    Some themes print the page's navigation title as an H1 in a page header, and the page's
    source then opens with its own H1: two titles in a row, the first the theme's (chrome,
    often a shorter nav label). Only a first heading whose words all recur in the second is
    dropped (nothing is lost); headings with text between them are both kept.
    """
    h1s = [h for h in content.iter("h1") if squash(text_of(h))]
    if len(h1s) < 2 or h1s[0] in h1s[1].iterancestors():
        return
    first, second = h1s[0], h1s[1]
    if not set(_WORD.findall(text_of(first).casefold())) <= set(
            _WORD.findall(text_of(second).casefold())):
        return  # the first says something the second does not (a document title): keep both
    after = False
    for event, el in etree.iterwalk(content, events=("start", "end")):
        if el is second:
            drop(first)
            return
        if not isinstance(el.tag, str):
            continue
        if after and (el.text if event == "start" else el.tail or "").strip():
            return
        if event == "end" and el is first:
            after = True
            if (el.tail or "").strip():
                return


_DIGITS = re.compile(r"[\d\s]*")


def _prepare_code(content: etree._Element) -> None:
    """Normalise code blocks: line breaks as text, line numbers out, number tables marked."""
    tables: list[etree._Element] = []
    for pre in list(content.iter("pre")):
        if pre.getparent() is None:
            continue
        # Docusaurus and others write code lines as elements separated by <br>
        for br in list(pre.iter("br")):
            br.tail = xml_safe("\n" + (br.tail or ""))
        # code lines written as block elements (Expressive Code...): each ends a line
        lines = [d for d in pre.iter("div") if d.find("div") is None]
        for line in lines[:-1]:
            if not text_of(line).endswith("\n") and "\n" not in (line.tail or ""):
                line.tail = xml_safe("\n" + (line.tail or ""))
        # line numbers styled unselectable (Chroma and Pygments with inline styles)
        for el in [e for e in pre.iter() if "user-select" in (e.get("style") or "")]:
            style = (el.get("style") or "").replace(" ", "")
            if "user-select:none" in style and _DIGITS.fullmatch(text_of(el)):
                drop(el)
        table = next(pre.iterancestors("table"), None)
        if table is not None and table not in tables:
            tables.append(table)
    # a one-row table of [line numbers | code] is a code block, whatever its classes
    for table in tables:
        if table.get(ROLE_ATTR):
            continue
        rows = select(table, "./tr | ./tbody/tr")
        if len(rows) != 1:
            continue
        cells = select(rows[0], "./td | ./th")
        if len(cells) == 2 and select(cells[1], ".//pre") and _DIGITS.fullmatch(text_of(cells[0])):
            table.set(ROLE_ATTR, "codetable")


def extract(root: etree._Element, *, selector: str | None = None,
            generator: str | None = None, source: str | None = None) -> Extracted:
    """Find and clean the main content of a parsed page.

    Args:
        root: the parsed page (``<html>`` element).
        selector: a user-given content selector that overrides detection.
        generator: a profile name that overrides detection.
        source: the page's HTML text, lower-cased, if at hand: selectors whose class or tag
            names it lacks are skipped without scanning the tree.
    """
    profile = _PROFILE_BY_NAME.get(generator) if generator else detect_generator(root, source)
    name = profile.name if profile else None
    if profile is not None and not generator and not _has_generator_meta(root):
        name = built_by(root, profile, source)
    title = page_title(root)
    desc = description(root)
    content, from_profile = _select_content(root, profile, selector, source)
    _clean(content, _index(profile, generic=not from_profile))
    _prepare_code(content)
    _drop_theme_title(content)
    h1 = next(content.iter("h1"), None)
    inner = squash(text_of(h1)) if h1 is not None else ""
    heading = "" if h1 is not None else outside_h1(root, content)
    return Extracted(content=content, generator=name,
                     page_title=title, description=desc, content_h1=inner, outside_h1=heading)
