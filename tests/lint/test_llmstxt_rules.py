"""llms.txt structure rules: each construct the reference parser raises on or loses is found,
on its line, under its own rule; a well-formed file has no finding."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lint_fixtures import FIXTURES, read_cases
from llms_txt import parse_llms_file

from llmsdocs.lint import lint
from llmsdocs.lint.llmstxt import parse_and_check

CASES = read_cases(FIXTURES / "llmstxt_cases.txt")


@pytest.mark.parametrize(("title", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_llmstxt_case(title: str, text: str, expected: str) -> None:
    _, findings = parse_and_check(text, "llms.txt")
    got = sorted(f"{f.line if f.line is not None else '-'} {f.rule}" for f in findings)
    assert got == sorted(line for line in expected.splitlines() if line.strip())


RAISING_RULES = {"llmstxt-section-prose", "llmstxt-bullet"}


@pytest.mark.parametrize(("title", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_findings_agree_with_the_reference_parser(title: str, text: str, expected: str) -> None:
    """No error: llms_txt.parse_llms_file reads the file and keeps every link. A rule that
    says the parser raises: it does raise."""
    _, findings = parse_and_check(text, "llms.txt")
    errors = {f.rule for f in findings if f.severity == "error"}
    raising = errors & RAISING_RULES or any(
        f.rule in {"llmstxt-h1", "llmstxt-parser"} and "raises" in f.message for f in findings)
    if not errors:
        parsed = parse_llms_file(text)
        assert sum(len(v) for v in parsed.sections.values()) == text.count("](")
    elif raising:
        with pytest.raises((AttributeError, TypeError)):  # what the parser raises on these
            parse_llms_file(text)


def test_crlf_line_endings_are_not_a_finding() -> None:
    """The reference parser keeps CR characters in what it reads, which callers strip: no loss."""
    text = ("# Tidepool\r\n\r\n> Feature flags.\r\n\r\nDetails.\r\n\r\n## Docs\r\n\r\n"
            "- [Quickstart](https://docs.tidepool.dev/quickstart/): start\r\n")
    assert parse_and_check(text, "llms.txt")[1] == []


def test_budget_warning_then_error() -> None:
    """Budgets in characters (CONTRACTS.md): warning above 50,000, error above 100,000."""
    head = "# T\n\n> s\n\nd\n\n## Docs\n\n"

    def rules(items: int) -> list[str]:
        text = head + "".join(f"- [Page](https://example.com/p{i}/): {'x' * 80}\n"
                              for i in range(items))
        return [f.rule for f in parse_and_check(text, "llms.txt")[1]]

    assert rules(300) == []                      # about 35,000 characters
    assert rules(700) == ["llmstxt-budget"]      # about 80,000
    assert rules(1400) == ["llmstxt-too-large"]  # about 160,000


REAL = sorted((FIXTURES / "real").glob("*.txt"))


@pytest.mark.parametrize("path", REAL, ids=[p.stem for p in REAL])
def test_real_llms_txt_findings(path: Path, update_goldens: bool) -> None:
    """Findings on llms.txt files of real projects (reviewed one by one: see SOURCES.md)."""
    got = [f"{f.line} {f.severity} {f.rule}: {f.message}" for f in lint(path).findings]
    golden = path.with_suffix(".expected.json")
    if update_goldens:
        golden.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert got == json.loads(golden.read_text(encoding="utf-8"))
