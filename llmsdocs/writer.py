"""Safe, atomic writes inside one output folder.

Every file llmsdocs writes goes through here, so that a failure never leaves a half-written
file and no path (``..``, an absolute path, a symlink) can lead outside the output folder.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from llmsdocs.errors import WriteError


def safe_path(root: Path, relative: str | os.PathLike[str]) -> Path:
    """Resolve ``relative`` under ``root``, refusing anything that would land outside it.

    Symlinks are resolved first, so a link inside the folder that points elsewhere is refused too.
    """
    root_resolved = root.resolve()
    candidate = (root_resolved / relative).resolve()
    if candidate != root_resolved and root_resolved not in candidate.parents:
        raise WriteError(str(relative), f"refusing to write outside {root}")
    return candidate


@contextlib.contextmanager
def atomic_open(path: Path, *, root: Path | None = None) -> Iterator[BinaryIO]:
    """A binary handle on a temporary file that replaces ``path`` only when the block succeeds.

    Readers see the old file or the new one, never a partial one; on any error the temporary
    file is removed and ``path`` is untouched. With ``root``, the path is first checked to stay
    inside it (see :func:`safe_path`); ``path`` may be absolute or relative to the working
    directory, like ``root``.
    """
    if root is not None:
        path = safe_path(root, os.path.relpath(path, root))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def atomic_write(path: Path, data: str | bytes, *, root: Path | None = None) -> None:
    """Write ``data`` to ``path`` atomically (see :func:`atomic_open`)."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_open(path, root=root) as handle:
        handle.write(payload)
