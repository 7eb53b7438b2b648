"""A tiny CSS-selector to XPath translator, so generator profiles can stay readable data.

Only what profiles need: type, ``#id``, ``.class``, ``[attr]``, ``[attr=v]``, ``[attr~=v]``,
``[attr*=v]``, ``[attr^=v]``, ``[attr$=v]``, descendant and child combinators, and ``,`` lists.
The XPath runs inside libxml2, so applying a profile costs one C-level query per page instead of
a Python test per element.
"""

from __future__ import annotations

import functools
import re

from lxml import etree

_TOKEN = re.compile(
    r"""(?P<comb>\s*>\s*|\s+)
      | (?P<tag>[a-zA-Z][\w-]*|\*)
      | \#(?P<id>[\w-]+)
      | \.(?P<cls>[\w-]+)
      | \[\s*(?P<attr>[\w:-]+)\s*(?:(?P<op>[~*^$|]?=)\s*["']?(?P<val>[^"'\]]*)["']?\s*)?\]
    """,
    re.X,
)


def _literal(value: str) -> str:
    if "'" not in value:
        return f"'{value}'"
    if '"' not in value:
        return f'"{value}"'
    parts = value.split("'")
    return "concat(" + ", \"'\", ".join(f"'{p}'" for p in parts) + ")"


def _has_token(attr: str, value: str) -> str:
    return f"contains(concat(' ', normalize-space(@{attr}), ' '), {_literal(' ' + value + ' ')})"


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
        pos = 0
        steps: list[str] = []
        axis = "descendant-or-self::" if include_self else "descendant::"
        compound: list[re.Match[str]] = []
        while pos < len(part):
            m = _TOKEN.match(part, pos)
            if m is None or m.end() == pos:
                raise ValueError(f"unsupported selector syntax: {selector!r}")
            pos = m.end()
            if m.group("comb") is not None:
                steps.append(axis + _compound_to_xpath(compound))
                compound = []
                axis = "" if ">" in m.group("comb") else "descendant::"
                continue
            compound.append(m)
        steps.append(axis + _compound_to_xpath(compound))
        paths.append("/".join(steps))
    return " | ".join(paths)


@functools.lru_cache(maxsize=512)
def compile_selector(selector: str, include_self: bool = True) -> etree.XPath:
    """A compiled XPath for ``selector`` (cached: profiles reuse the same selectors per page)."""
    return etree.XPath(css_to_xpath(selector, include_self=include_self))
