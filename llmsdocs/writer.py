"""Safe, atomic writes inside one output folder.

Every file llmsdocs writes goes through here, so that a failure never leaves a half-written
file and no path (``..``, an absolute path, a symlink) can lead outside the output folder.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

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


def atomic_write(path: Path, data: str | bytes, *, root: Path | None = None) -> None:
    """Write ``data`` to ``path`` via a temporary file and ``os.replace``.

    Readers see the old file or the new one, never a partial one. With ``root``, the path is
    first checked to stay inside it (see :func:`safe_path`).
    """
    if root is not None:
        path = safe_path(root, path if not path.is_absolute() else path.relative_to(root))
    payload = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
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
