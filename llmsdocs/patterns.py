"""A short string that matches a JSON Schema ``pattern``, for example request bodies.

Specs constrain identifiers with patterns (``^[a-z0-9-]{3,40}$``, ``^org_[A-Za-z0-9]+$``); a
body whose value does not match is rejected by the validator, and the curl is not written. The
string is built from the pattern's own parse tree (Python's ``re`` parser, the same one that
checks the result), taking the first branch of each alternation, the minimum count of each
repeat and a letter or digit from each class, then checked with :func:`re.search`.
"""

from __future__ import annotations

import re
import string
import sys
from typing import Any

if sys.version_info >= (3, 11):
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
else:  # pragma: no cover - Python 3.10
    import sre_constants as _c
    import sre_parse as _p

_PREFERRED = string.ascii_lowercase + string.digits + string.ascii_uppercase + "-_."
"""Characters tried first for a class: readable ones, in the order an example would use them."""


def sample(pattern: str, hint: str = "") -> str | None:
    """A string that ``re.search(pattern, …)`` accepts, or None when none could be built.

    ``hint`` (an example word such as the property name) is tried first where the pattern
    allows free text, so ``^[a-z-]+$`` gives ``workflow-id`` rather than ``a``.
    """
    try:
        tree = _p.parse(pattern)
    except (re.error, RecursionError, OverflowError):
        return None
    for use_hint in ((True, False) if hint else (False,)):
        try:
            text = _emit(tree, hint if use_hint else "", 0)
        except (_Unsupported, RecursionError):
            continue
        try:
            if re.search(pattern, text):
                return text
        except re.error:  # pragma: no cover - parsed above
            return None
    return None


class _Unsupported(Exception):
    """A construct the sampler does not build (backreferences, lookarounds with content)."""


def _emit(items: Any, hint: str, depth: int) -> str:
    if depth > 40:
        raise _Unsupported
    out: list[str] = []
    for op, av in items:
        out.append(_one(op, av, hint, depth))
    return "".join(out)


def _one(op: Any, av: Any, hint: str, depth: int) -> str:
    if op is _c.LITERAL:
        return chr(av)
    if op is _c.NOT_LITERAL:
        return next(ch for ch in _PREFERRED if ord(ch) != av)
    if op is _c.ANY:
        return "a"
    if op is _c.IN:
        return _from_class(av)
    if op is _c.SUBPATTERN:
        return _emit(av[-1], hint, depth + 1)
    if op is _c.BRANCH:
        return _emit(av[1][0], hint, depth + 1)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        low, high, body = av
        free = hint and _accepts_all(body, hint)
        if free and (high is _c.MAXREPEAT or high >= len(hint)) and len(hint) >= low:
            return hint  # a free-text run: the readable example word
        return "".join(_emit(body, "", depth + 1) for _ in range(max(low, 0)))
    if op in (_c.AT, _c.ASSERT_NOT):
        return ""
    if op is _c.ASSERT:
        return ""  # a lookahead's text is produced by what follows, if at all
    raise _Unsupported


def _from_class(items: Any) -> str:
    negate = any(op is _c.NEGATE for op, _ in items)
    chars = [ch for ch in _PREFERRED if _class_has(items, ch) != negate]
    if not chars:
        raise _Unsupported
    return chars[0]


def _class_has(items: Any, ch: str) -> bool:
    code = ord(ch)
    for op, av in items:
        if op is _c.LITERAL and av == code:
            return True
        if op is _c.RANGE and av[0] <= code <= av[1]:
            return True
        if op is _c.CATEGORY:
            name = str(av)
            if "DIGIT" in name and ("NOT" in name) != ch.isdigit():
                return True
            if "WORD" in name and ("NOT" in name) != (ch.isalnum() or ch == "_"):
                return True
            if "SPACE" in name and ("NOT" in name) != ch.isspace():
                return True
    return False


def _accepts_all(body: Any, word: str) -> bool:
    """True when a repeated single-character ``body`` accepts every character of ``word``."""
    if len(body) != 1:
        return False
    op, av = body[0]
    if op is _c.IN:
        negate = any(o is _c.NEGATE for o, _ in av)
        return all(_class_has(av, ch) != negate for ch in word)
    return op is _c.ANY
