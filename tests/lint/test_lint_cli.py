"""The ``llmsdocs lint`` command on lone llms.txt files: exit codes (CONTRACTS.md), formats,
--fail-on, --enable/--disable, --list-rules, baselines; errors are one line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from lint_fixtures import FIXTURES

from llmsdocs.cli import main

REAL = FIXTURES / "real"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["lint", *args])
    return result.exit_code, result.stdout, result.stderr


def test_clean_real_file_exits_0() -> None:
    code, out, _ = run(str(REAL / "fasthtml.txt"))
    assert code == 0 and out.strip() == "0 error(s), 0 warning(s)"


def test_errors_exit_1_and_warnings_fail_only_with_fail_on_warning(tmp_path: Path) -> None:
    assert run(str(REAL / "kicbac-docs.txt"))[0] == 1
    warn_only = tmp_path / "llms.txt"
    warn_only.write_text("# T\n\nDetails.\n\n## Docs\n\n- [A](https://example.com/a)\n")
    assert run(str(warn_only))[0] == 0
    assert run(str(warn_only), "--fail-on", "warning")[0] == 1
    assert run(str(warn_only), "--fail-on", "warning", "--disable",
               "llmstxt-summary-missing")[0] == 0


def test_json_and_github_have_one_entry_per_finding() -> None:
    target = str(REAL / "sqexpress.txt")
    found = json.loads(run(target, "--format", "json")[1])
    github = run(target, "--format", "github")[1].splitlines()
    assert len(found) == len(github) == 13
    assert all(line.startswith(("::error ", "::warning ")) for line in github)
    assert {f["rule"] for f in found} == {"llmstxt-relative-url", "llmstxt-section-prose"}


def test_unknown_rule_is_a_one_line_error_naming_it() -> None:
    code, _, err = run(str(REAL / "fasthtml.txt"), "--disable", "no-such-rule")
    assert code == 1
    assert err.strip() == ("Error: --enable/--disable: unknown lint rule 'no-such-rule' "
                           "(see `llmsdocs lint --list-rules`)")


def test_usage_errors_exit_2() -> None:
    assert run("/no/such/site")[0] == 2
    assert run(str(REAL / "fasthtml.txt"), "--format", "xml")[0] == 2
    assert run()[0] == 2


def test_list_rules_needs_no_target() -> None:
    code, out, _ = run("--list-rules")
    assert code == 0 and "llmstxt-section-prose" in out and "fix:" in out


def test_write_baseline_then_only_new_findings_fail(tmp_path: Path) -> None:
    llms = tmp_path / "llms.txt"
    llms.write_text((REAL / "kicbac-docs.txt").read_text())
    baseline = tmp_path / "baseline.json"
    code, _, err = run(str(llms), "--baseline", str(baseline), "--write-baseline")
    assert code == 0 and "recorded 26 finding(s)" in err
    code, out, _ = run(str(llms), "--baseline", str(baseline), "--fail-on", "warning")
    assert code == 0 and "26 in baseline" in out
    llms.write_text(llms.read_text() + "- [New](/new.md): added later\n")
    code, out, _ = run(str(llms), "--baseline", str(baseline), "--format", "json")
    assert code == 0  # a new warning only
    assert [f["message"] for f in json.loads(out)] == ["relative URL '/new.md'"]
    llms.write_text(llms.read_text() + "Some prose.\n")
    assert run(str(llms), "--baseline", str(baseline))[0] == 1


def test_write_baseline_needs_a_file() -> None:
    code, _, err = run(str(REAL / "fasthtml.txt"), "--write-baseline")
    assert code == 1 and "needs --baseline FILE" in err


def test_subprocess_prints_no_traceback_on_bad_input(tmp_path: Path) -> None:
    binary = tmp_path / "llms.txt"
    binary.write_bytes(b"\xff\xfe\x00bad")
    proc = subprocess.run([sys.executable, "-c", "from llmsdocs.cli import main; main()",
                           "lint", str(binary)], capture_output=True, text=True, check=False)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip().endswith("cannot read as UTF-8 text (UnicodeDecodeError)")


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
def test_every_format_on_a_clean_file(fmt: str) -> None:
    assert run(str(REAL / "fasthtml.txt"), "--format", fmt)[0] == 0


def test_several_llms_txt_files_as_pre_commit_passes_them() -> None:
    """.pre-commit-hooks.yaml passes every changed llms.txt: findings name each file."""
    fasthtml, sqexpress = REAL / "fasthtml.txt", REAL / "sqexpress.txt"
    code, out, _ = run(str(fasthtml), str(sqexpress), "--format", "json")
    found = json.loads(out)
    assert code == 1 and len(found) == 13
    assert {f["path"] for f in found} == {str(sqexpress)}


def test_pre_commit_hooks_run_this_command() -> None:
    hooks = (Path(__file__).parents[2] / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert hooks.count("entry: llmsdocs lint") == 2
    assert "files: (^|/)llms\\.txt$" in hooks
