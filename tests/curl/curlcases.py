"""Helpers for the curl-instead-of-click tests: fixture-file cases and sample paths."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_SPEC = ROOT / "sample_site" / "openapi.yaml"
HOWTO = ROOT / "sample_site" / "docs" / "how-to"
FIXTURES = Path(__file__).parent / "fixtures"


@dataclass(frozen=True)
class Case:
    """One markdown-it-py style fixture case: title, input, expected (``.`` separated)."""

    title: str
    source: str
    expected: str
    line: int


def read_cases(path: Path) -> list[Case]:
    """Parse ``title / . / input / . / expected / .`` blocks separated by blank lines."""
    lines = path.read_text(encoding="utf-8").split("\n")
    cases: list[Case] = []
    i = 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        title, start = lines[i], i + 1
        assert lines[i + 1] == ".", f"{path}:{i + 2}: expected '.' after the title"
        j = i + 2
        body: list[str] = []
        while lines[j] != ".":
            body.append(lines[j])
            j += 1
        k = j + 1
        expected: list[str] = []
        while lines[k] != ".":
            expected.append(lines[k])
            k += 1
        cases.append(Case(title, "\n".join(body) + "\n", "\n".join(expected), start))
        i = k + 1
    return cases


def case_params(name: str) -> list[object]:
    """pytest params with readable ids (file line + title)."""
    return [
        pytest.param(c, id=f"L{c.line}-{c.title[:50]}") for c in read_cases(FIXTURES / name)
    ]
