"""The build manifest: the one record of what llmsdocs generated in a site.

Lint, incremental builds and "never overwrite what we did not write" all read this file
(``.llmsdocs-manifest.json`` in the site root). See ``docs/manifest.md`` for the format.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from llmsdocs.errors import InputError
from llmsdocs.writer import atomic_write

MANIFEST_NAME = ".llmsdocs-manifest.json"
FORMAT_VERSION = 1

# Elements llmsdocs injects into built HTML carry ``data-llmsdocs``; they are removed before
# hashing so that our own edit never makes a twin look stale.
_INJECTED_VOID = re.compile(rb"<(?:link|meta)\b[^>]*\bdata-llmsdocs\b[^>]*>\s?", re.IGNORECASE)
_INJECTED_PAIRED = re.compile(
    rb"<(script|style|button|div|details|template)\b[^>]*\bdata-llmsdocs\b[^>]*>.*?</\1\s*>\s?",
    re.IGNORECASE | re.DOTALL,
)


def sha256(data: bytes | str) -> str:
    """Hex sha256 of bytes, or of a string's UTF-8 encoding."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def html_hash(html: bytes) -> str:
    """Hash of a page's HTML without the elements llmsdocs added (stale-twin detection)."""
    stripped = _INJECTED_PAIRED.sub(b"", _INJECTED_VOID.sub(b"", html))
    return sha256(stripped)


@dataclass(slots=True)
class GeneratedFile:
    """A file llmsdocs wrote into the site."""

    sha256: str
    """Hash of the bytes we wrote: if the file on disk differs, someone else changed it."""
    kind: str
    """``twin``, ``llms.txt``, ``llms-full.txt``, ``llms-full-part``, ``alias`` or ``asset``."""
    page: str | None = None
    """For a twin or alias: the site-relative HTML page it was made from."""


@dataclass(slots=True)
class PageRecord:
    """One content page as converted."""

    html_sha256: str
    """:func:`html_hash` of the page when it was converted."""
    twin: str
    """Site-relative path of its markdown twin."""
    title: str
    url: str | None = None
    """Public URL of the HTML page."""
    source_path: str | None = None
    """The page's source file, relative to the project (the MkDocs plugin knows it)."""
    chars: int = 0
    tokens: int = 0
    description: str | None = None


@dataclass(slots=True)
class Manifest:
    """Everything one build generated, excluded and edited."""

    site_url: str | None = None
    generator: str | None = None
    files: dict[str, GeneratedFile] = field(default_factory=dict)
    """Site-relative path -> what we wrote there."""
    pages: dict[str, PageRecord] = field(default_factory=dict)
    """Site-relative HTML path -> its record."""
    excluded: dict[str, str] = field(default_factory=dict)
    """Site-relative HTML path -> why it is not a content page."""
    edited: dict[str, list[str]] = field(default_factory=dict)
    """Site-relative HTML path -> the edits we made to it (``head-link``, ``copy-button``)."""
    failures: dict[str, str] = field(default_factory=dict)
    """Site-relative HTML path -> why it could not be converted."""
    version: int = FORMAT_VERSION
    build_key: str | None = None
    """Fingerprint of what shapes twins besides the HTML (llmsdocs version, site URL, OpenAPI
    spec, curl mode): when it changes, every page is reconverted."""

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=1, sort_keys=True, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text: str, path: str = MANIFEST_NAME) -> Manifest:
        try:
            raw = json.loads(text)
            return cls(
                site_url=raw.get("site_url"),
                generator=raw.get("generator"),
                files={k: GeneratedFile(**v) for k, v in raw.get("files", {}).items()},
                pages={k: PageRecord(**v) for k, v in raw.get("pages", {}).items()},
                excluded=dict(raw.get("excluded", {})),
                edited={k: list(v) for k, v in raw.get("edited", {}).items()},
                failures=dict(raw.get("failures", {})),
                version=int(raw.get("version", FORMAT_VERSION)),
                build_key=raw.get("build_key"),
            )
        except (ValueError, TypeError, AttributeError) as exc:
            raise InputError(path, f"not a valid llmsdocs manifest ({exc})") from None


def load_manifest(site_dir: Path) -> Manifest | None:
    """The manifest of a built site, or None when llmsdocs never built it."""
    path = site_dir / MANIFEST_NAME
    if not path.is_file():
        return None
    return Manifest.from_json(path.read_text(encoding="utf-8"), str(path))


def save_manifest(site_dir: Path, manifest: Manifest) -> None:
    """Write the manifest atomically into the site root."""
    atomic_write(site_dir / MANIFEST_NAME, manifest.to_json(), root=site_dir)
