"""Suppressions as in eslint/ruff: inline comments, per-path ignores, and a baseline file.

Inline comments go in the page's source (markdown or MDX), where authors write:

- ``<!-- llmsdocs-lint-disable-file RULE, RULE -->`` — the whole file;
- ``<!-- llmsdocs-lint-disable RULE -->`` ... ``<!-- llmsdocs-lint-enable RULE -->`` — a range;
- ``<!-- llmsdocs-lint-disable-line RULE -->`` — at the end of the offending line;
- ``<!-- llmsdocs-lint-disable-next-line RULE -->`` — on the line before it;
- MDX: the same words inside ``{/* ... */}``.

No rule names means every rule.
"""

from __future__ import annotations

import fnmatch
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from llmsdocs.errors import ConfigError, InputError
from llmsdocs.lint.model import Finding
from llmsdocs.lint.rules import check_rule_names
from llmsdocs.writer import atomic_write

DIRECTIVE_RE = re.compile(
    r"(?:<!--|\{/\*)\s*llmsdocs-lint-(disable-file|disable-next-line|disable-line|disable|enable)"
    r"\b([^>*]*?)\s*(?:-->|\*/\})"
)
ALL = "*"


@dataclass(slots=True)
class FileSuppressions:
    """The inline suppressions of one file: which rules are off where."""

    whole_file: set[str] = field(default_factory=set)
    lines: dict[int, set[str]] = field(default_factory=dict)
    """1-based line -> rules disabled on it."""

    def covers(self, rule: str, line: int | None) -> bool:
        if ALL in self.whole_file or rule in self.whole_file:
            return True
        if line is None:
            return False
        rules = self.lines.get(line, set())
        return ALL in rules or rule in rules


def parse_suppressions(text: str, where: str) -> FileSuppressions:
    """Read the inline directives of a markdown/MDX (or twin) file.

    Raises:
        ConfigError: a directive names a rule that does not exist (a typo must not pass).
    """
    result = FileSuppressions()
    if "llmsdocs-lint-" not in text:
        return result
    lines = text.splitlines()
    open_ranges: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        for match in DIRECTIVE_RE.finditer(line):
            verb = match.group(1)
            names = [n for n in re.split(r"[\s,]+", match.group(2).strip()) if n]
            check_rule_names(names, f"{where}:{number}")
            rules = set(names) or {ALL}
            if verb == "disable-file":
                result.whole_file |= rules
            elif verb == "disable-line":
                result.lines.setdefault(number, set()).update(rules)
            elif verb == "disable-next-line":
                result.lines.setdefault(number + 1, set()).update(rules)
            elif verb == "disable":
                for rule in rules:
                    open_ranges.setdefault(rule, number)
            else:  # enable
                closing = set(open_ranges) if ALL in rules else rules
                for rule in closing:
                    start = open_ranges.pop(rule, None)
                    if start is not None:
                        for covered in range(start, number + 1):
                            result.lines.setdefault(covered, set()).add(rule)
    for rule, start in open_ranges.items():
        for covered in range(start, len(lines) + 1):
            result.lines.setdefault(covered, set()).add(rule)
    return result


def path_ignored(finding: Finding, per_path_ignores: dict[str, list[str]]) -> bool:
    """True when a configured glob matches the finding's site path or source path."""
    for pattern, rules in per_path_ignores.items():
        if ALL not in rules and finding.rule not in rules:
            continue
        for path in (finding.path, finding.source_path):
            if path is not None and fnmatch.fnmatchcase(path, pattern):
                return True
    return False


def _key(finding: Finding) -> tuple[str, str, str]:
    # Line numbers are left out on purpose: an edit above a finding must not make it "new".
    return finding.rule, finding.path, finding.message


def write_baseline(path: Path, findings: Iterable[Finding]) -> int:
    """Record the current findings so that only new ones fail later; returns how many."""
    counts = Counter(_key(f) for f in findings)
    entries = [{"rule": r, "path": p, "message": m, "count": n}
               for (r, p, m), n in sorted(counts.items())]
    payload = {"tool": "llmsdocs lint", "version": 1, "findings": entries}
    atomic_write(path, json.dumps(payload, indent=1, ensure_ascii=False) + "\n")
    return sum(counts.values())


def read_baseline(path: Path) -> Counter[tuple[str, str, str]]:
    """The findings a baseline file accepts, as a multiset."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        entries = raw["findings"]
        return Counter({(e["rule"], e["path"], e["message"]): int(e.get("count", 1))
                        for e in entries})
    except FileNotFoundError:
        raise InputError(str(path), "baseline file not found (write it with --write-baseline)") from None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(str(path), f"not an llmsdocs lint baseline ({exc})") from None


def apply_baseline(findings: list[Finding], accepted: Counter[tuple[str, str, str]]
                   ) -> tuple[list[Finding], int]:
    """Drop findings the baseline accepts (each entry absorbs as many as its count)."""
    left = Counter(accepted)
    kept: list[Finding] = []
    for finding in findings:
        key = _key(finding)
        if left[key] > 0:
            left[key] -= 1
        else:
            kept.append(finding)
    return kept, len(findings) - len(kept)


def check_ignores(per_path_ignores: dict[str, list[str]], where: str) -> None:
    """Validate per-path ignores from configuration (rule names must exist)."""
    for pattern, rules in per_path_ignores.items():
        if not isinstance(rules, list):
            raise ConfigError(where, f"per_path_ignores[{pattern!r}] must be a list of rule ids")
        check_rule_names([r for r in rules if r != ALL], where)
