"""Join an OpenAPI description split across files into one document.

Many projects keep their spec as a root file whose ``$ref``s point into other local files
(``./paths/tasks.yaml#/getTask``, ``../schemas/_index.yaml#/Task``) and bundle it only at
release time. The index and the body validator work on one document, so the other files are
read once each and kept under ``x-llmsdocs-files`` in the root, and every ``$ref`` is rewritten
to point there (``#/x-llmsdocs-files/2/getTask``). Nothing is inlined: a recursive schema stays
a reference, as in a single-file spec.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from llmsdocs.errors import SpecError

FILES_KEY = "x-llmsdocs-files"
"""Root key that holds the other files' contents, in the order they were first referenced."""

EXTERNAL_REF_RE = re.compile(r"""["']?\$ref["']?\s*:\s*["']?(?!#)[^\s"'#][^\s"']*""")
"""A ``$ref`` whose value does not start with ``#``: the spec is split (YAML or JSON text)."""

_REMOTE_RE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def is_split(text: str) -> bool:
    """Whether the spec's text refers to another document (cheap: no parse, no walk)."""
    return EXTERNAL_REF_RE.search(text) is not None


def bundle(doc: dict[str, Any], path: Path, read: Callable[[Path], Any]) -> dict[str, Any]:
    """``doc`` (read from ``path``) with the local files it refers to joined in.

    ``read`` parses one file (YAML or JSON). Raises SpecError naming the file that refers to a
    remote URL (llmsdocs works offline) or to a file that cannot be read.
    """
    root = path.resolve()
    order: dict[Path, int] = {}
    contents: list[Any] = []
    queue: list[tuple[Any, Path]] = [(doc, root)]

    def target(ref: str, base: Path) -> str:
        location, _, fragment = ref.partition("#")
        if not location:
            file = base
        elif _REMOTE_RE.match(location):
            raise SpecError(str(base), f"$ref {ref!r} points to a remote document; save it locally")
        else:
            file = (base.parent / unquote(location)).resolve()
        if fragment and not fragment.startswith("/"):
            raise SpecError(str(base), f"$ref {ref!r}: only JSON-pointer fragments are supported")
        if file == root:
            return "#" + fragment
        if file not in order:
            if not file.is_file():
                raise SpecError(str(base), f"$ref {ref!r}: no such file {file}")
            order[file] = len(contents)
            contents.append(read(file))
            queue.append((contents[-1], file))
        return f"#/{FILES_KEY}/{order[file]}{fragment}"

    seen: set[int] = set()  # YAML aliases share nodes: rewrite each once
    while queue:
        node, base = queue.pop()
        stack = [node]
        while stack:
            item = stack.pop()
            if id(item) in seen:
                continue
            seen.add(id(item))
            if isinstance(item, dict):
                ref = item.get("$ref")
                if isinstance(ref, str):
                    item["$ref"] = target(ref, base)
                stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
            elif isinstance(item, list):
                stack.extend(v for v in item if isinstance(v, (dict, list)))
    if contents:
        doc[FILES_KEY] = contents
    return doc
