"""Typed build options, and loading them from ``pyproject.toml`` / ``llmsdocs.toml``.

One set of option names serves every face: ``[tool.llmsdocs]`` in ``pyproject.toml``, the top
level of ``llmsdocs.toml`` (or its ``[tool.llmsdocs]`` table), the CLI flags and the MkDocs
plugin options all use the names of :class:`BuildOptions` fields. Validation happens here, once,
so a typo in any face is the same one-line :class:`~llmsdocs.errors.ConfigError`.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from llmsdocs.errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

POLICIES = ("warn", "fail", "split")
"""What to do when ``llms-full.txt`` is above ``budgets.full_max_chars``."""

CURL_MODES = ("append", "replace")


@dataclass(slots=True)
class Budgets:
    """Size budgets in characters (what agents truncate by); tokens are reported beside them.

    Defaults are CONTRACTS.md's: llms.txt warns above 50,000 and is an error above 100,000; a twin
    warns above 100,000; llms-full.txt has no limit unless one is configured.
    """

    llms_txt_warn: int = 50_000
    """llms.txt above this many characters is a warning."""
    llms_txt_error: int = 100_000
    """llms.txt above this many characters fails the build (exit 1)."""
    twin_warn: int = 100_000
    """A twin above this many characters is a warning (a failure with ``policy = "fail"``)."""
    full_max_chars: int | None = None
    """llms-full.txt limit; what happens above it is ``policy``."""
    policy: str = "warn"
    """``warn`` (report), ``fail`` (exit 1) or ``split`` (per-section llms-full parts)."""


@dataclass(slots=True)
class BuildOptions:
    """Every option of ``llmsdocs build`` and of the MkDocs plugin (same names in both)."""

    site_url: str | None = None
    """Public URL of the built site; links in llms.txt are absolute under it."""
    site_name: str | None = None
    """H1 of llms.txt. Default: MkDocs ``site_name``, else detected from the pages' titles."""
    summary: str | None = None
    """The ``>`` line of llms.txt. Default: the site description / home page description."""
    details: str | None = None
    """Extra paragraph for llms.txt, placed before the sections."""
    sections: dict[str, list[str]] | None = None
    """Section name -> page globs. Default (None): the site's own navigation."""
    optional: list[str] = field(default_factory=list)
    """Globs of pages listed under ``## Optional`` (agents may skip them)."""
    exclude: list[str] = field(default_factory=list)
    """Globs of pages that are not content pages (no twin, not listed)."""
    full: bool = True
    """Write llms-full.txt."""
    aliases: bool = False
    """Also write ``guide.md`` beside ``guide/index.html`` (and ``page.md`` for ``page.html``)."""
    head_link: bool = True
    """Add ``<link rel="alternate" type="text/markdown">`` to each page's head."""
    copy_button: bool = False
    """Add the "Copy page as Markdown" button (a small bundled script)."""
    openapi: str | None = None
    """OpenAPI description: UI steps in twins get their equivalent curl call."""
    curl_mode: str = "append"
    """How curl calls join UI steps: ``append`` after the step, or ``replace`` it."""
    curl_overrides: dict[str, str] = field(default_factory=dict)
    """Step text or UI label -> operationId (or ``none``): author control over curl matching."""
    jobs: int = 0
    """Worker processes for conversion; 0 means one per CPU core (the MkDocs plugin: one per core
    MkDocs leaves free while it renders, cores - 1, at least 1)."""
    force: bool = False
    """Overwrite files that llmsdocs did not write (a hand-made llms.txt)."""
    budgets: Budgets = field(default_factory=Budgets)

    def validate(self, source: str) -> BuildOptions:
        """Check value ranges that types alone do not express; return self."""
        if self.budgets.policy not in POLICIES:
            raise ConfigError(
                source, f"budgets.policy must be one of {', '.join(POLICIES)}, not {self.budgets.policy!r}"
            )
        if self.curl_mode not in CURL_MODES:
            raise ConfigError(
                source, f"curl_mode must be one of {', '.join(CURL_MODES)}, not {self.curl_mode!r}"
            )
        if self.jobs < 0:
            raise ConfigError(source, f"jobs must be 0 (all cores) or more, not {self.jobs}")
        if self.site_url is not None and not self.site_url.startswith(("http://", "https://")):
            raise ConfigError(source, f"site_url must start with http:// or https://, not {self.site_url!r}")
        return self


_FIELD_TYPES: dict[str, tuple[type, ...]] = {
    "site_url": (str,),
    "site_name": (str,),
    "summary": (str,),
    "details": (str,),
    "openapi": (str,),
    "curl_mode": (str,),
    "curl_overrides": (dict,),
    "full": (bool,),
    "aliases": (bool,),
    "head_link": (bool,),
    "copy_button": (bool,),
    "force": (bool,),
    "jobs": (int,),
    "optional": (list,),
    "exclude": (list,),
    "sections": (dict,),
    "budgets": (dict,),
}
_BUDGET_TYPES: dict[str, tuple[type, ...]] = {
    "llms_txt_warn": (int,),
    "llms_txt_error": (int,),
    "twin_warn": (int,),
    "full_max_chars": (int,),
    "policy": (str,),
}
# Tables other faces own inside [tool.llmsdocs]; the build ignores them.
_FOREIGN_TABLES = frozenset({"lint"})


def _check_type(source: str, name: str, value: Any, types: tuple[type, ...]) -> None:
    ok = isinstance(value, types) and not (bool not in types and isinstance(value, bool))
    if not ok:
        expected = " or ".join(t.__name__ for t in types)
        raise ConfigError(source, f"option {name!r} must be {expected}, not {type(value).__name__}")


def _string_list(source: str, name: str, value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(source, f"option {name!r} must be a list of glob strings")
    return list(value)


def options_from_mapping(data: Mapping[str, Any], source: str) -> BuildOptions:
    """Build :class:`BuildOptions` from a table; unknown names are an error that names them."""
    values: dict[str, Any] = {}
    for name, value in data.items():
        key = name.replace("-", "_")
        if key in _FOREIGN_TABLES:
            continue
        if key not in _FIELD_TYPES:
            known = ", ".join(sorted(_FIELD_TYPES))
            raise ConfigError(source, f"unknown option {name!r} (known: {known})")
        if value is None:
            continue
        _check_type(source, name, value, _FIELD_TYPES[key])
        if key in ("optional", "exclude"):
            value = _string_list(source, name, value)
        elif key == "sections":
            value = {str(k): _string_list(source, f"sections.{k}", v) for k, v in value.items()}
        elif key == "budgets":
            value = budgets_from_mapping(value, source)
        elif key == "curl_overrides":
            for step, op in value.items():
                _check_type(source, f"curl_overrides.{step}", op, (str,))
            value = {str(k): str(v) for k, v in value.items()}
        values[key] = value
    return BuildOptions(**values).validate(source)


def budgets_from_mapping(data: Mapping[str, Any], source: str) -> Budgets:
    """Build :class:`Budgets` from a ``budgets`` table."""
    values: dict[str, Any] = {}
    for name, value in data.items():
        key = name.replace("-", "_")
        if key not in _BUDGET_TYPES:
            raise ConfigError(source, f"unknown option 'budgets.{name}' (known: {', '.join(_BUDGET_TYPES)})")
        if value is None:
            continue
        _check_type(source, f"budgets.{name}", value, _BUDGET_TYPES[key])
        values[key] = value
    return Budgets(**values)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise ConfigError(str(path), f"cannot read ({exc.strerror or exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(str(path), f"invalid TOML ({exc})") from None


def _table_of(path: Path, data: dict[str, Any]) -> dict[str, Any] | None:
    """The llmsdocs table of a parsed file: ``[tool.llmsdocs]``, or llmsdocs.toml's top level."""
    tool = data.get("tool")
    if isinstance(tool, dict) and isinstance(tool.get("llmsdocs"), dict):
        return dict(tool["llmsdocs"])
    if path.name == "pyproject.toml":
        return None
    return {k: v for k, v in data.items() if k != "tool"}


def load_options(config: Path | None = None, search_dir: Path | None = None) -> BuildOptions:
    """Options from ``config`` if given, else ``llmsdocs.toml`` / ``pyproject.toml`` in ``search_dir``.

    Without any file the defaults apply. A given ``config`` that has no llmsdocs table is an
    error (the user pointed at it on purpose); a ``pyproject.toml`` found by search without
    ``[tool.llmsdocs]`` is simply not ours.
    """
    if config is not None:
        table = _table_of(config, _read_toml(config))
        if table is None:
            raise ConfigError(str(config), "has no [tool.llmsdocs] table")
        return options_from_mapping(table, str(config))
    directory = search_dir or Path.cwd()
    for name in ("llmsdocs.toml", "pyproject.toml"):
        candidate = directory / name
        if candidate.is_file():
            table = _table_of(candidate, _read_toml(candidate))
            if table is not None:
                return options_from_mapping(table, str(candidate))
    return BuildOptions()


def override(options: BuildOptions, **changes: Any) -> BuildOptions:
    """A copy of ``options`` with the given non-None values replaced (CLI flags win over files)."""
    given = {k: v for k, v in changes.items() if v is not None}
    return dataclasses.replace(options, **given).validate("command line")
