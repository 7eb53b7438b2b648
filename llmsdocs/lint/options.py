"""Lint options and where they come from: llmsdocs' configuration, plus its ``lint`` table.

``[tool.llmsdocs.lint]`` in pyproject.toml, or ``[lint]`` in llmsdocs.toml (``--config`` points
to either); ``site_url`` and ``openapi`` are read from the main table, shared with the build.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from llmsdocs.errors import ConfigError
from llmsdocs.lint.model import SEVERITIES, Severity
from llmsdocs.lint.rules import check_rule_names
from llmsdocs.lint.suppress import check_ignores

if TYPE_CHECKING:
    from llmsdocs.config import BuildOptions

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


def _lint_table(config: Path) -> dict[str, Any] | None:
    """The lint table of a config file: ``[tool.llmsdocs.lint]`` or llmsdocs.toml's ``[lint]``."""
    where = str(config)
    try:
        data = tomllib.loads(config.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(where, f"cannot read ({exc.__class__.__name__})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(where, f"invalid TOML ({exc})") from None
    tool = data.get("tool")
    if isinstance(tool, dict) and isinstance(tool.get("llmsdocs"), dict):
        main = tool["llmsdocs"]
    elif config.name == "pyproject.toml":
        return None
    else:
        main = data
    lint = main.get("lint", {})
    if not isinstance(lint, dict):
        raise ConfigError(where, "the lint options must be a table ([tool.llmsdocs.lint])")
    return lint


def from_build(build: BuildOptions, project_dir: Path | None = None) -> LintOptions:
    """Lint options that agree with a build's options (site URL, OpenAPI spec, budgets).

    The MkDocs plugin passes its own options here, so its lint uses what the build used.
    """
    budgets = build.budgets
    return LintOptions(
        site_url=build.site_url,
        openapi=Path(build.openapi) if build.openapi else None,
        project_dir=project_dir,
        llms_txt_warn_chars=budgets.llms_txt_warn,
        llms_txt_error_chars=budgets.llms_txt_error,
        twin_warn_chars=budgets.twin_warn,
        llms_full_warn_chars=budgets.full_max_chars,
    )


def from_mkdocs(mkdocs_yml: Path) -> LintOptions:
    """Lint options from a MkDocs project: ``site_url`` and the llmsdocs plugin's options.

    So that ``llmsdocs lint site`` in a MkDocs project uses the OpenAPI spec and budgets the
    plugin built with. The lint table itself lives in pyproject.toml/llmsdocs.toml.
    """
    from mkdocs.utils.yaml import yaml_load

    from llmsdocs.config import options_from_mapping

    where = str(mkdocs_yml)
    try:
        with mkdocs_yml.open("rb") as handle:
            data = yaml_load(handle)
    except Exception as exc:  # noqa: BLE001 - yaml and mkdocs tag errors alike: one line
        raise ConfigError(where, f"cannot read ({type(exc).__name__}: {exc})") from None
    plugin: dict[str, Any] = {}
    for item in data.get("plugins") or [] if isinstance(data, dict) else []:
        if isinstance(item, dict) and isinstance(item.get("llmsdocs"), dict):
            plugin = {k: v for k, v in item["llmsdocs"].items() if k != "lint"}
    if isinstance(data, dict) and isinstance(data.get("site_url"), str):
        plugin["site_url"] = data["site_url"]
    build = options_from_mapping(plugin, f"{where} plugins.llmsdocs")
    if build.openapi and not Path(build.openapi).is_absolute():
        build.openapi = str(mkdocs_yml.parent / build.openapi)
    return from_build(build, project_dir=mkdocs_yml.parent)


def load_options(config: Path | None, cwd: Path) -> LintOptions:
    """Lint options from ``config`` or, without it, from the project in ``cwd``: a MkDocs
    project's mkdocs.yml (the plugin's options, :func:`from_mkdocs`) or llmsdocs.toml /
    pyproject.toml; the lint table always comes from llmsdocs.toml/pyproject.toml.

    The main table (read by :func:`llmsdocs.config.load_options`, shared with the build) gives
    the site URL, the OpenAPI spec and the budgets; the ``lint`` table the rest.

    Raises:
        ConfigError: unreadable TOML, an unknown option or rule name, a bad value.
    """
    from llmsdocs.config import load_options as load_build_options

    if config is not None and config.suffix in (".yml", ".yaml"):
        return merge_lint_table(from_mkdocs(config), config.parent)
    if config is None:
        if (cwd / "mkdocs.yml").is_file():  # a MkDocs project: the plugin's options rule
            return merge_lint_table(from_mkdocs(cwd / "mkdocs.yml"), cwd)
        for name in ("llmsdocs.toml", "pyproject.toml"):
            candidate = cwd / name
            if candidate.is_file() and _lint_table(candidate) is not None:
                config = candidate
                break
    if config is None:
        return LintOptions(project_dir=cwd)
    base = config.parent
    build = load_build_options(config)
    if build.openapi and not Path(build.openapi).is_absolute():
        build.openapi = str(base / build.openapi)
    options = from_build(build, project_dir=base)
    return apply_lint_table(options, _lint_table(config) or {}, config)


def apply_lint_table(options: LintOptions, table: dict[str, Any], config: Path) -> LintOptions:
    """Apply a ``lint`` table (from ``config``) onto ``options``; returns them."""
    where = str(config)
    base = config.parent
    known = {"enable", "disable", "severity", "fail_on", "per_path_ignores", "baseline"}
    for key, value in table.items():
        name = key.replace("-", "_")
        if name not in known:
            raise ConfigError(where, f"unknown lint option {key!r} (known: {', '.join(sorted(known))})")
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
        else:
            options.baseline = base / str(value)
    return options


def merge_lint_table(options: LintOptions, project_dir: Path | None) -> LintOptions:
    """Add the lint table of llmsdocs.toml/pyproject.toml in ``project_dir``, if there is one."""
    if project_dir is None:
        return options
    for name in ("llmsdocs.toml", "pyproject.toml"):
        candidate = project_dir / name
        if candidate.is_file():
            table = _lint_table(candidate)
            if table is not None:
                return apply_lint_table(options, table, candidate)
    return options
