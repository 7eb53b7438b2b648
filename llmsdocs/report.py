"""Lint findings as text, JSON, GitHub workflow commands or SARIF 2.1.0.

``github`` and ``sarif`` point at the page's source file when the manifest knows it, so that
annotations land on the files of the pull request; otherwise at the built file, prefixed with
the site directory as seen from the working directory.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from itertools import groupby

from llmsdocs import __version__
from llmsdocs.lint.model import Finding
from llmsdocs.lint.rules import RULES

FORMATS = ("text", "json", "github", "sarif")
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_COLOURS = {"error": "\x1b[31m", "warning": "\x1b[33m"}
_BOLD, _RESET = "\x1b[1m", "\x1b[0m"


def _repo_location(finding: Finding, site_prefix: str) -> tuple[str, int | None]:
    if finding.source_path is not None:
        return finding.source_path, finding.source_line
    path = finding.path if finding.path != "." else ""
    joined = f"{site_prefix.rstrip('/')}/{path}" if site_prefix else path
    return joined.rstrip("/") or ".", finding.line


def format_text(findings: Sequence[Finding], *, colour: bool = False, site_prefix: str = "",
                summary: str = "") -> str:
    """``path:line: severity rule message``, grouped by the file where the fix goes."""
    out: list[str] = []
    located = [(_repo_location(f, site_prefix), f) for f in findings]
    for file, group in groupby(located, key=lambda item: item[0][0]):
        out.append(f"{_BOLD}{file}{_RESET}" if colour else file)
        for (path, line), finding in group:
            severity: str = finding.severity
            if colour:
                severity = f"{_COLOURS[finding.severity]}{severity}{_RESET}"
            where = f"{path}:{line}" if line is not None else path
            site = ""
            if finding.source_path is not None:
                site = f" [{finding.path}{':' + str(finding.line) if finding.line else ''}]"
            out.append(f"  {where}: {severity} {finding.rule} {finding.message}{site}")
    errors = sum(f.severity == "error" for f in findings)
    warnings = len(findings) - errors
    tail = f"{errors} error(s), {warnings} warning(s)"
    out.append(f"{tail}{'; ' + summary if summary else ''}")
    return "\n".join(out) + "\n"


def format_json(findings: Sequence[Finding]) -> str:
    """A JSON list of ``{rule, severity, path, line, message}`` (+ ``source_path/line``)."""
    return json.dumps([f.to_dict() for f in findings], indent=1, ensure_ascii=False) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(findings: Sequence[Finding], *, site_prefix: str = "") -> str:
    """One ``::error``/``::warning`` workflow command per finding (GitHub Actions annotations)."""
    lines = []
    for finding in findings:
        path, line = _repo_location(finding, site_prefix)
        props = [f"file={_escape_property(path)}"]
        if line is not None:
            props.append(f"line={line}")
        props.append(f"title={_escape_property(finding.rule)}")
        lines.append(f"::{finding.severity} {','.join(props)}::{_escape_data(finding.message)}")
    return "".join(line + "\n" for line in lines)


def sarif_log(findings: Sequence[Finding], *, site_prefix: str = "") -> dict[str, object]:
    """A SARIF 2.1.0 log: one run, every rule's metadata, one result per finding."""
    index = {rule.id: i for i, rule in enumerate(RULES)}
    rules = [{
        "id": rule.id,
        "name": "".join(part.capitalize() for part in rule.id.split("-")),
        "shortDescription": {"text": rule.why},
        "fullDescription": {"text": f"{rule.why} Fix: {rule.fix}"},
        "help": {"text": rule.fix},
        "defaultConfiguration": {"level": rule.severity},
        "properties": {"scope": rule.scope},
    } for rule in RULES]
    results = []
    for finding in findings:
        path, line = _repo_location(finding, site_prefix)
        physical: dict[str, object] = {"artifactLocation": {"uri": path}}
        # GitHub code scanning needs a region; a whole-file finding points at line 1.
        physical["region"] = {"startLine": line if line is not None else 1}
        result: dict[str, object] = {
            "ruleId": finding.rule,
            "ruleIndex": index[finding.rule],
            "level": finding.severity,
            "message": {"text": finding.message},
            "locations": [{"physicalLocation": physical}],
            "partialFingerprints": {
                "llmsdocsFinding/v1": f"{finding.rule}:{finding.path}:{finding.message}"[:500],
            },
        }
        if finding.source_path is not None:
            result["properties"] = {"sitePath": finding.path, "siteLine": finding.line}
        results.append(result)
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "llmsdocs-lint",
                "version": __version__,
                "rules": rules,
            }},
            "results": results,
        }],
    }


def format_sarif(findings: Sequence[Finding], *, site_prefix: str = "") -> str:
    return json.dumps(sarif_log(findings, site_prefix=site_prefix), indent=1,
                      ensure_ascii=False) + "\n"


def format_findings(findings: Sequence[Finding], fmt: str, *, colour: bool = False,
                    site_prefix: str = "", summary: str = "") -> str:
    """Dispatch on ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "json":
        return format_json(findings)
    if fmt == "github":
        return format_github(findings, site_prefix=site_prefix)
    if fmt == "sarif":
        return format_sarif(findings, site_prefix=site_prefix)
    return format_text(findings, colour=colour, site_prefix=site_prefix, summary=summary)


def format_rules() -> str:
    """The rule table for ``--list-rules``: id, default severity, why, fix."""
    width = max(len(rule.id) for rule in RULES)
    out = []
    for rule in RULES:
        out.append(f"{rule.id:<{width}}  {rule.severity:<7}  [{rule.scope}] {rule.why}")
        out.append(f"{'':<{width}}  {'':<7}  fix: {rule.fix}")
    return "\n".join(out) + "\n"


def one_line(finding: Finding) -> str:
    """``source:line: severity rule message`` on one line (MkDocs warnings, logs)."""
    path, line = finding.location
    where = f"{path}:{line}" if line is not None else path
    return f"{where}: {finding.severity} {finding.rule} {finding.message}"
