"""The lint's data: a rule's description and the findings rules produce."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning")
"""Most severe first; ``--fail-on warning`` fails on both."""


@dataclass(slots=True, frozen=True)
class Finding:
    """One problem found in a built site, pointing where the fix goes."""

    rule: str
    """Id of the rule that produced it, e.g. ``twin-missing``."""
    severity: Severity
    """``error`` or ``warning`` (the rule's default unless configured otherwise)."""
    path: str
    """File the finding is about, relative to the site directory (``.`` for the site itself)."""
    line: int | None
    """1-based line in ``path``, or None when the finding is about the whole file."""
    message: str
    """One line, no line numbers in it (baselines match on it)."""
    source_path: str | None = None
    """The page's source file relative to the project, where the manifest records it."""
    source_line: int | None = None
    """1-based line in ``source_path`` where the finding's text was found there."""
    needle: str | None = None
    """Text of the offending construct, used to find ``source_line``; not reported."""

    def to_dict(self) -> dict[str, object]:
        """The JSON form: rule, severity, path, line, message (+ source_path/line when known)."""
        out: dict[str, object] = {
            "rule": self.rule,
            "severity": self.severity,
            "path": self.path,
            "line": self.line,
            "message": self.message,
        }
        if self.source_path is not None:
            out["source_path"] = self.source_path
            out["source_line"] = self.source_line
        return out

    @property
    def location(self) -> tuple[str, int | None]:
        """Where a reader should go to fix it: the source file when known, else the site file."""
        if self.source_path is not None:
            return self.source_path, self.source_line
        return self.path, self.line


@dataclass(slots=True, frozen=True)
class Rule:
    """A named lint rule: data the CLI lists, configuration names and reports describe."""

    id: str
    """Stable name used by ``--enable``/``--disable``, config, suppressions and baselines."""
    severity: Severity
    """Default severity (CONTRACTS.md: errors are what loses content or links to nothing)."""
    scope: str
    """What it reads: ``llms.txt``, ``llms-full.txt``, ``twin``, ``content`` or ``site``."""
    why: str
    """One line: what goes wrong for an agent."""
    fix: str
    """One line: what to change."""
