"""Output formats: text grouped by file, JSON fields, one GitHub annotation and one SARIF
result per finding, and SARIF that validates against the committed SARIF 2.1.0 schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from llmsdocs.lint import RULES, Finding
from llmsdocs.report import format_findings, format_github, format_rules, sarif_log

SCHEMA = Path(__file__).parents[2] / "schemas" / "sarif-2.1.0.json"

FINDINGS = [
    Finding("twin-missing", "error", "how-to/x/index.html", None,
            "content page without its twin how-to/x/index.html.md",
            source_path="docs/how-to/x.md"),
    Finding("fence-no-language", "warning", "quickstart/index.html.md", 12,
            "code fence without a language", source_path="docs/quickstart.md", source_line=30),
    Finding("llmstxt-h1", "error", "llms.txt", 1, "no H1 title: 100% lost, a,b:c\nnext"),
    Finding("llmstxt-missing", "error", ".", None, "the site has no llms.txt"),
]


def test_json_has_the_contract_fields() -> None:
    data = json.loads(format_findings(FINDINGS, "json"))
    assert data[0] == {"rule": "twin-missing", "severity": "error", "path": "how-to/x/index.html",
                       "line": None, "message": FINDINGS[0].message,
                       "source_path": "docs/how-to/x.md", "source_line": None}
    assert set(data[2]) == {"rule", "severity", "path", "line", "message"}


def test_github_one_escaped_annotation_per_finding_on_source_files() -> None:
    out = format_github(FINDINGS, site_prefix="site").splitlines()
    assert len(out) == len(FINDINGS)
    assert out[0] == ("::error file=docs/how-to/x.md,title=twin-missing::content page without "
                      "its twin how-to/x/index.html.md")
    assert out[1].startswith("::warning file=docs/quickstart.md,line=30,title=fence-no-language::")
    assert out[2] == ("::error file=site/llms.txt,line=1,title=llmstxt-h1::no H1 title: 100%25 "
                      "lost, a,b:c%0Anext")
    assert out[3].startswith("::error file=site,title=llmstxt-missing::")


def test_sarif_validates_against_the_sarif_2_1_0_schema() -> None:
    log = sarif_log(FINDINGS, site_prefix="site")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)
    run = log["runs"][0]  # type: ignore[index]
    assert len(run["results"]) == len(FINDINGS)
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == [r.id for r in RULES]
    first = run["results"][0]
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "docs/how-to/x.md"
    assert run["results"][1]["locations"][0]["physicalLocation"]["region"] == {"startLine": 30}


def test_sarif_schema_rejects_a_broken_log() -> None:
    """The validation test can fail: a result without a message is not SARIF."""
    log = sarif_log(FINDINGS)
    del log["runs"][0]["results"][0]["message"]  # type: ignore[index]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(log, json.loads(SCHEMA.read_text(encoding="utf-8")))


def test_text_groups_by_the_file_where_the_fix_goes() -> None:
    out = format_findings(FINDINGS, "text").splitlines()
    assert out[0] == "docs/how-to/x.md"
    assert out[1].startswith("  docs/how-to/x.md: error twin-missing ")
    assert "  docs/quickstart.md:30: warning fence-no-language code fence without a language" \
        " [quickstart/index.html.md:12]" in out
    assert out[-1] == "3 error(s), 1 warning(s)"
    assert "\x1b[" not in "\n".join(out)
    assert "\x1b[31merror" in format_findings(FINDINGS, "text", colour=True)


def test_list_rules_prints_every_rule_with_severity_why_and_fix() -> None:
    out = format_rules()
    for rule in RULES:
        assert f"{rule.id} " in out and rule.why in out and rule.fix in out
