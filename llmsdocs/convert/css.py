"""A tiny CSS-selector to XPath translator, so generator profiles can stay readable data.

Only what profiles need: type, ``#id``, ``.class``, ``[attr]``, ``[attr=v]``, ``[attr~=v]``,
``[attr*=v]``, ``[attr^=v]``, ``[attr$=v]``, descendant and child combinators, and ``,`` lists.
The XPath runs inside libxml2, so applying a profile costs one C-level query per page instead of
a Python test per element.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Sequence

from lxml import etree

_TOKEN = re.compile(
    r"""(?P<comb>\s*>\s*|\s+)
      | (?P<tag>[a-zA-Z][\w-]*|\*)
      | \#(?P<id>[\w-]+)
      | \.(?P<cls>[\w-]+)
      | \[\s*(?P<attr>[\w:-]+)\s*(?:(?P<op>[~*^$|]?=)\s*["']?(?P<val>[^"'\]]*)["']?\s*)?\]
    """,
    re.VERBOSE,
)


def _tokens(part: str, selector: str) -> Iterator[re.Match[str]]:
    """The tokens of one comma-separated part of a selector; unknown syntax is an error."""
    pos = 0
    while pos < len(part):
        m = _TOKEN.match(part, pos)
        if m is None or m.end() == pos:
            raise ValueError(f"unsupported selector syntax: {selector!r}")
        pos = m.end()
        yield m


def _literal(value: str) -> str:
    if "'" not in value:
        return f"'{value}'"
    if '"' not in value:
        return f'"{value}"'
    parts = value.split("'")
    return "concat(" + ", \"'\", ".join(f"'{p}'" for p in parts) + ")"


def _has_token(attr: str, value: str) -> str:
    # the plain contains() is a cheap prefilter; the exact token test only runs when it passes
    return (f"contains(@{attr}, {_literal(value)}) and "
            f"contains(concat(' ', normalize-space(@{attr}), ' '), {_literal(' ' + value + ' ')})")


def _compound_to_xpath(tokens: list[re.Match[str]]) -> str:
    tag = "*"
    preds: list[str] = []
    for m in tokens:
        if m.group("tag"):
            tag = m.group("tag").lower()
        elif m.group("id"):
            preds.append(f"@id={_literal(m.group('id'))}")
        elif m.group("cls"):
            preds.append(_has_token("class", m.group("cls")))
        elif m.group("attr"):
            attr, op, val = m.group("attr"), m.group("op"), m.group("val") or ""
            if not op:
                preds.append(f"@{attr}")
            elif op == "=":
                preds.append(f"@{attr}={_literal(val)}")
            elif op == "~=":
                preds.append(_has_token(attr, val))
            elif op == "*=":
                preds.append(f"contains(@{attr}, {_literal(val)})")
            elif op == "^=":
                preds.append(f"starts-with(@{attr}, {_literal(val)})")
            elif op == "$=":
                lit = _literal(val)
                preds.append(
                    f"substring(@{attr}, string-length(@{attr}) - string-length({lit}) + 1)={lit}"
                )
            else:  # |=
                preds.append(f"(@{attr}={_literal(val)} or starts-with(@{attr}, {_literal(val + '-')}))")
    return tag + "".join(f"[{p}]" for p in preds)


def css_to_xpath(selector: str, *, include_self: bool = True) -> str:
    """Translate a selector list into an XPath relative to the context node.

    Raises:
        ValueError: the selector uses syntax this translator does not support.
    """
    paths: list[str] = []
    for part in selector.split(","):
        part = part.strip()
        if not part:
            continue
        steps: list[str] = []
        axis = "descendant-or-self::" if include_self else "descendant::"
        compound: list[re.Match[str]] = []
        for m in _tokens(part, selector):
            if m.group("comb") is not None:
                steps.append(axis + _compound_to_xpath(compound))
                compound = []
                axis = "" if ">" in m.group("comb") else "descendant::"
                continue
            compound.append(m)
        steps.append(axis + _compound_to_xpath(compound))
        paths.append("/".join(steps))
    return " | ".join(paths)


def hints(selector: str) -> list[list[str]]:
    """For each alternative of a selector list, lower-cased strings its match must contain.

    A page whose (lower-cased) source lacks one of them cannot match that alternative, so a
    substring test can skip an XPath scan of the whole tree.
    """
    out: list[list[str]] = []
    for compounds, _ in _parse(selector):
        need: list[str] = []
        for c in compounds:
            if c.tag:
                need.append("<" + c.tag)
            need.extend(cls.lower() for cls in c.classes)
            if c.id:
                need.append(c.id.lower())
            for name, op, value in c.attrs:
                need.append(name.lower())
                if value and op in ("=", "~=", "*=", "^=", "|="):
                    need.append(value.lower())
        out.append(need)
    return out


def may_match(selector: str, source: str | None) -> bool:
    """False when ``source`` (the page, lower-cased) cannot hold a match for ``selector``."""
    if source is None:
        return True
    return any(all(h in source for h in need) for need in _hints(selector))


@functools.lru_cache(maxsize=512)
def _hints(selector: str) -> list[list[str]]:
    return hints(selector)


def select(el: etree._Element, xpath: str) -> list[etree._Element]:
    """Elements an XPath finds from ``el`` (typed: lxml's xpath() returns a loose union)."""
    found = el.xpath(xpath)
    return [r for r in found if isinstance(r, etree._Element)] if isinstance(found, list) else []


def strings(el: etree._Element, xpath: str) -> list[str]:
    """Strings (attribute values, text) an XPath finds from ``el``."""
    found = el.xpath(xpath)
    return [str(r) for r in found if isinstance(r, str)] if isinstance(found, list) else []


@functools.lru_cache(maxsize=512)
def _compiled(selector: str, include_self: bool) -> etree.XPath:
    return etree.XPath(css_to_xpath(selector, include_self=include_self))


def compile_selector(selector: str, include_self: bool = True
                     ) -> Callable[[etree._Element], list[etree._Element]]:
    """A matcher for ``selector`` compiled to XPath (cached: profiles reuse selectors)."""
    xpath = _compiled(selector, include_self)

    def run(el: etree._Element) -> list[etree._Element]:
        found = xpath(el)
        if not isinstance(found, list):
            return []
        return [r for r in found if isinstance(r, etree._Element)]

    return run


# ---------------------------------------------------------------------- one-pass matching
# XPath is fine for a handful of queries per page, but testing ~80 profile selectors against
# every element in libxml2 costs more than the whole conversion. A SelectorIndex buckets
# selectors by their most selective part (a class, an id, a tag, an attribute name), so each
# element is tested only against the few rules that could match it, in one Python pass.


class _Compound:
    __slots__ = ("attrs", "classes", "id", "tag")

    def __init__(self, tag: str | None, id_: str | None, classes: tuple[str, ...],
                 attrs: tuple[tuple[str, str, str], ...]) -> None:
        self.tag = tag
        self.id = id_
        self.classes = classes
        self.attrs = attrs

    def matches(self, el: etree._Element) -> bool:
        if self.tag is not None and el.tag != self.tag:
            return False
        if self.id is not None and el.get("id") != self.id:
            return False
        if self.classes:
            tokens = (el.get("class") or "").split()
            if any(c not in tokens for c in self.classes):
                return False
        for name, op, value in self.attrs:
            actual = el.get(name)
            if actual is None:
                return False
            if not op:
                continue
            if op == "=" and actual != value:
                return False
            if op == "~=" and value not in actual.split():
                return False
            if op == "*=" and value not in actual:
                return False
            if op == "^=" and not actual.startswith(value):
                return False
            if op == "$=" and not actual.endswith(value):
                return False
            if op == "|=" and actual != value and not actual.startswith(value + "-"):
                return False
        return True


class _Selector:
    __slots__ = ("combinators", "compounds", "order", "payload")

    def __init__(self, compounds: list[_Compound], combinators: list[str], order: int,
                 payload: tuple[str, str]) -> None:
        self.compounds = compounds
        self.combinators = combinators
        self.order = order
        self.payload = payload

    def matches(self, el: etree._Element) -> bool:
        if not self.compounds[-1].matches(el):
            return False
        node: etree._Element | None = el
        for i in range(len(self.compounds) - 2, -1, -1):
            compound, comb = self.compounds[i], self.combinators[i]
            assert node is not None
            node = node.getparent()
            if comb == ">":
                if node is None or not compound.matches(node):
                    return False
                continue
            while node is not None and not compound.matches(node):
                node = node.getparent()
            if node is None:
                return False
        return True


def _parse(selector: str) -> list[tuple[list[_Compound], list[str]]]:
    out: list[tuple[list[_Compound], list[str]]] = []
    for part in selector.split(","):
        part = part.strip()
        if not part:
            continue
        compounds: list[_Compound] = []
        combinators: list[str] = []
        tag: str | None = None
        id_: str | None = None
        classes: list[str] = []
        attrs: list[tuple[str, str, str]] = []
        for m in _tokens(part, selector):
            if m.group("comb") is not None:
                compounds.append(_Compound(tag, id_, tuple(classes), tuple(attrs)))
                combinators.append(">" if ">" in m.group("comb") else " ")
                tag, id_, classes, attrs = None, None, [], []
            elif m.group("tag"):
                tag = None if m.group("tag") == "*" else m.group("tag").lower()
            elif m.group("id"):
                id_ = m.group("id")
            elif m.group("cls"):
                classes.append(m.group("cls"))
            else:
                attrs.append((m.group("attr").lower(), m.group("op") or "", m.group("val") or ""))
        compounds.append(_Compound(tag, id_, tuple(classes), tuple(attrs)))
        out.append((compounds, combinators))
    return out


class SelectorIndex:
    """Selectors, each with a payload (an action and its argument), matched in one pass."""

    def __init__(self, rules: list[tuple[str, tuple[str, str]]]) -> None:
        self._by_class: dict[str, list[_Selector]] = {}
        self._by_id: dict[str, list[_Selector]] = {}
        self._by_tag: dict[str, list[_Selector]] = {}
        self._by_attr: dict[str, list[_Selector]] = {}
        self._cache: dict[tuple[object, ...], list[_Selector]] = {}
        order = 0
        for text, payload in rules:
            for compounds, combinators in _parse(text):
                sel = _Selector(compounds, combinators, order, payload)
                order += 1
                last = compounds[-1]
                if last.classes:
                    self._by_class.setdefault(last.classes[0], []).append(sel)
                elif last.id is not None:
                    self._by_id.setdefault(last.id, []).append(sel)
                elif last.attrs and last.attrs[0][0] != "class":
                    self._by_attr.setdefault(last.attrs[0][0], []).append(sel)
                elif last.tag is not None:
                    self._by_tag.setdefault(last.tag, []).append(sel)
                elif last.attrs:
                    self._by_attr.setdefault(last.attrs[0][0], []).append(sel)
                else:
                    raise ValueError(f"selector matches every element: {text!r}")

    def match(self, el: etree._Element) -> list[tuple[str, str]]:
        """Payloads of the selectors ``el`` matches, in rule order."""
        tag = el.tag
        keys = el.keys()
        if keys:
            cls = el.get("class") if "class" in keys else None
            ident = el.get("id") if "id" in keys else None
            if ident is not None and ident not in self._by_id:
                ident = None
            others = tuple(k for k in keys if str(k) in self._by_attr)
            key: tuple[object, ...] = (tag, cls, ident, others)
        else:
            key = (tag,)
        cands = self._cache.get(key)
        if cands is None:  # pages repeat a few shapes (highlighter spans): compute once
            cands = self._candidates(el, keys)
            if len(self._cache) < 8192:
                self._cache[key] = cands
        if not cands:
            return []
        hits = [s for s in cands if s.matches(el)]
        if len(hits) > 1:
            hits.sort(key=lambda s: s.order)
        return [s.payload for s in hits]

    def _candidates(self, el: etree._Element, keys: Sequence[str | bytes]) -> list[_Selector]:
        cands: list[_Selector] = []
        tag = el.tag
        if isinstance(tag, str):
            cands.extend(self._by_tag.get(tag, ()))
        for key in keys:
            if key == "class":
                for token in (el.get("class") or "").split():
                    cands.extend(self._by_class.get(token, ()))
            elif key == "id":
                cands.extend(self._by_id.get(str(el.get("id") or ""), ()))
            cands.extend(self._by_attr.get(str(key), ()))
        return cands
