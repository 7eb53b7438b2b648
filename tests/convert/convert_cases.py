"""Helpers for the converter tests: fixture-file cases read markdown-it-py style."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parents[3] / "shared"
CORPUS = SHARED / "eval" / "corpus"


def read_cases(path: Path) -> list[tuple[str, str, str]]:
    """Cases of a fixture file: a title line, ``.``, input lines, ``.``, expected lines, ``.``.

    Cases are separated by blank lines; titles are the test ids.
    """
    lines = path.read_text(encoding="utf-8").split("\n")
    cases: list[tuple[str, str, str]] = []
    i = 0
    while i < len(lines):
        if not lines[i].strip() or i + 1 >= len(lines) or lines[i + 1] != ".":
            i += 1
            continue
        title = lines[i].strip()
        i += 2
        start = i
        while lines[i] != ".":
            i += 1
        source = "\n".join(lines[start:i])
        i += 1
        start = i
        while lines[i] != ".":
            i += 1
        expected = "\n".join(lines[start:i])
        i += 1
        cases.append((title, source, expected))
    return cases


def fixture_params(name: str) -> list[object]:
    """``pytest.param`` objects for every case of ``fixtures/<name>``."""
    return [pytest.param(src, exp, id=title) for title, src, exp in read_cases(FIXTURES / name)]
