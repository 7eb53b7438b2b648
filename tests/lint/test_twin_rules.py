"""Twin and content rules on one twin (fixture cases): H1, raw HTML beyond the allowed tags
(CONTRACTS.md), chrome, code without a language, images without alt, vague link text."""

from __future__ import annotations

import pytest
from lint_fixtures import FIXTURES, read_cases

from llmsdocs.lint.content import check_twin
from llmsdocs.lint.rules import RULES

CASES = read_cases(FIXTURES / "twin_cases.txt")
ALL_RULES = {rule.id for rule in RULES}


@pytest.mark.parametrize(("title", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_twin_case(title: str, text: str, expected: str) -> None:
    found: list[str] = []
    check_twin(text, "page/index.html.md", "page/index.html", None, ALL_RULES,
               lambda rule, line, message, needle: found.append(f"{line} {rule}"))
    assert sorted(found) == sorted(line for line in expected.splitlines() if line.strip())


def test_disabled_rules_are_not_run() -> None:
    found: list[str] = []
    check_twin("no title\n\n```\nx\n```\n", "p.html.md", "p.html", None, {"twin-h1"},
               lambda rule, line, message, needle: found.append(rule))
    assert found == ["twin-h1"]
