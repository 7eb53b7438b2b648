"""Lint options and where they come from: the ``lint`` table of llmsdocs' configuration.

``[tool.llmsdocs.lint]`` in pyproject.toml, or ``[lint]`` in llmsdocs.toml (``--config`` points
to either); ``site_url`` and ``openapi`` are read from the main table, shared with the build.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from llmsdocs.errors import ConfigError
from llmsdocs.lint.model import SEVERITIES, Severity
from llmsdocs.lint.rules import check_rule_names
from llmsdocs.lint.suppress import check_ignores

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


@dataclass(slots=True)
class LintOptions:
    """Everything that changes what the lint reports. Defaults are CONTRACTS.md's."""

    site_url: str | None = None
    """Public URL of the site; absolute links under it count as internal."""
    enable: list[str] = field(default_factory=list)
    disable: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)
    """Rule id -> severity that replaces the rule's default."""
    fail_on: Severity = "error"
    per_path_ignores: dict[str, list[str]] = field(default_factory=dict)
    """Glob (matched on the site path and on the source path) -> rule ids (``*`` = all)."""
    baseline: Path | None = None
    openapi: Path | None = None
    """OpenAPI description for the UI-step rule's matcher (else: steps without curl)."""
    project_dir: Path | None = None
    """Where page source paths from the manifest are relative to (default: the config's dir)."""
    llms_txt_warn_chars: int = 50_000
    llms_txt_error_chars: int = 100_000
    twin_warn_chars: int = 100_000
    llms_full_warn_chars: int | None = None


def _severity(value: Any, where: str) -> Severity:
    if value not in SEVERITIES:
        raise ConfigError(where, f"severity must be 'error' or 'warning', not {value!r}")
    return value  # type: ignore[no-any-return]


def load_options(config: Path | None, cwd: Path) -> LintOptions:
    """Read lint options from ``config`` or, without it, from llmsdocs.toml/pyproject.toml in cwd.

    Raises:
        ConfigError: unreadable TOML, an unknown option or rule name, a bad value.
    """
    if config is None:
        for name in ("llmsdocs.toml", "pyproject.toml"):
            if (cwd / name).is_file():
                config = cwd / name
                break
    options = LintOptions(project_dir=cwd)
    if config is None:
        return options
    where = str(config)
    try:
        data = tomllib.loads(config.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(where, f"cannot read ({exc.__class__.__name__})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(where, f"invalid TOML ({exc})") from None
    main = data.get("tool", {}).get("llmsdocs", {}) if config.name == "pyproject.toml" else data
    if not isinstance(main, dict):
        raise ConfigError(where, "[tool.llmsdocs] must be a table")
    lint = main.get("lint", {})
    if not isinstance(lint, dict):
        raise ConfigError(where, "the lint options must be a table")
    base = config.parent
    options.project_dir = base
    if isinstance(main.get("site_url"), str):
        options.site_url = main["site_url"]
    if isinstance(main.get("openapi"), str):
        options.openapi = base / main["openapi"]
    known = {f.name for f in fields(LintOptions)} - {"project_dir", "site_url", "openapi"}
    for key, value in lint.items():
        name = key.replace("-", "_")
        if name not in known:
            raise ConfigError(where, f"unknown lint option {key!r}")
        if name in {"enable", "disable"}:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(where, f"lint.{key} must be a list of rule ids")
            check_rule_names(value, where)
            setattr(options, name, list(value))
        elif name == "severity":
            if not isinstance(value, dict):
                raise ConfigError(where, "lint.severity must be a table of rule = level")
            check_rule_names(value, where)
            options.severity = {k: _severity(v, where) for k, v in value.items()}
        elif name == "fail_on":
            options.fail_on = _severity(value, where)
        elif name == "per_path_ignores":
            if not isinstance(value, dict):
                raise ConfigError(where, "lint.per_path_ignores must be a table of glob = [rules]")
            check_ignores(value, where)
            options.per_path_ignores = {k: list(v) for k, v in value.items()}
        elif name == "baseline":
            options.baseline = base / str(value)
        else:
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                raise ConfigError(where, f"lint.{key} must be a positive number of characters")
            setattr(options, name, value)
    return options
