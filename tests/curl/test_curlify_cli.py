"""curlify as a function and as the `llmsdocs curlify` command: output shape, modes, reports,
exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from curlcases import HOWTO, ROOT, SAMPLE_SPEC

from llmsdocs.cli import main
from llmsdocs.openapi import Spec
from llmsdocs.rewrite import curlify

PAGE = HOWTO / "create-a-project.md"
MDX = """## Add a webhook

<Tabs items={["Dashboard", "API"]}>
  <Tab>
    1. Go to **Settings > Webhooks**.
    1. Click **Add webhook** and enter the URL.
  </Tab>
</Tabs>

Text after.
"""


def _inserted(before: str, after: str) -> list[str]:
    """Lines of ``after`` that are not in ``before`` (order-preserving diff of insertions)."""
    import difflib

    out: list[str] = []
    for tag, _, _, j1, j2 in difflib.SequenceMatcher(
        a=before.split("\n"), b=after.split("\n"), autojunk=False
    ).get_opcodes():
        assert tag in {"equal", "insert"}, "append mode must only insert lines"
        if tag == "insert":
            out += after.split("\n")[j1:j2]
    return out


def test_append_only_inserts_a_label_and_a_shell_block(sample_spec: Spec) -> None:
    """Nothing of the page changes; each insertion is a blank, a label, a fenced shell block."""
    source = PAGE.read_text(encoding="utf-8")
    result = curlify(source, sample_spec)
    added = _inserted(source, result.markdown)
    assert added.count("```shell") == 3
    labels = [ln for ln in added if ln.startswith("With the API (")]
    assert labels == [
        "With the API (Create a project):",
        "With the API (Update a project):",
        "With the API (Delete a project):",
    ]


def test_append_keeps_the_indentation_of_a_block_inside_mdx_components(sample_spec: Spec) -> None:
    """Inside <Tab>, the inserted block is indented like the list, so it stays in the tab."""
    result = curlify(MDX, sample_spec)
    lines = result.markdown.split("\n")
    fence = lines.index("    ```shell")
    assert lines[fence - 2] == "    With the API (Create a webhook):"
    assert lines[lines.index("  </Tab>") - 2 : lines.index("  </Tab>")] == ["    ```", ""]
    assert _inserted(MDX, result.markdown)


def test_replace_mode_puts_the_call_in_place_of_the_steps(sample_spec: Spec) -> None:
    """In replace mode the matched list is gone and the call stands where it was."""
    source = "# Flags\n\n## Create a flag\n\n1. Click **Create flag**.\n2. Click **Save**.\n\nDone.\n"
    result = curlify(source, sample_spec, mode="replace")
    assert "Click **Create flag**" not in result.markdown
    assert result.markdown.startswith("# Flags\n\n## Create a flag\n\nWith the API (Create a flag):")
    assert result.markdown.endswith("```\n\nDone.\n")


def test_cli_prints_markdown_and_lists_unmatched_steps_on_stderr() -> None:
    """stdout is the page; stderr has ``page:line: decision: step (reason)``; exit 0."""
    billing = HOWTO / "manage-billing.md"
    result = CliRunner().invoke(main, ["curlify", str(billing), "--openapi", str(SAMPLE_SPEC)])
    assert result.exit_code == 0
    assert result.stdout == billing.read_text(encoding="utf-8")
    assert f"{billing}:9: no-operation:" in result.stderr


def test_cli_report_file(tmp_path: Path) -> None:
    """--report writes every decision as JSON (page, line, step, decision, operation, confidence)."""
    report = tmp_path / "report.json"
    result = CliRunner().invoke(
        main, ["curlify", str(PAGE), "--openapi", str(SAMPLE_SPEC), "--report", str(report)]
    )
    assert result.exit_code == 0 and result.stderr == ""
    records = json.loads(report.read_text(encoding="utf-8"))
    assert [(r["line"], r["decision"], r["operation"]) for r in records] == [
        (13, "matched", "createProject"),
        (23, "matched", "updateProject"),
        (34, "matched", "deleteProject"),
    ]
    assert set(records[0]) == {"page", "line", "step", "decision", "operation", "confidence", "reason"}


def test_cli_errors_are_one_line_exit_1(tmp_path: Path) -> None:
    """A bad spec or an unreadable page: one line naming the file, exit 1, no traceback."""
    bad_spec = tmp_path / "spec.yaml"
    bad_spec.write_text("swagger: '2.0'\npaths: {}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["curlify", str(PAGE), "--openapi", str(bad_spec)])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Error: {bad_spec}: only OpenAPI 3.0 and 3.1 are supported (found Swagger 2.0)"
    binary = tmp_path / "page.md"
    binary.write_bytes(b"\x00\x01\x02")
    result = CliRunner().invoke(main, ["curlify", str(binary), "--openapi", str(SAMPLE_SPEC)])
    assert result.exit_code == 1 and "not a text file" in result.stderr


def test_cli_usage_errors_exit_2() -> None:
    """A missing --openapi or a page that does not exist is click's usage error (exit 2)."""
    assert CliRunner().invoke(main, ["curlify", str(PAGE)]).exit_code == 2
    assert CliRunner().invoke(main, ["curlify", "nope.md", "--openapi", str(SAMPLE_SPEC)]).exit_code == 2


def test_cli_as_a_subprocess() -> None:
    """The installed entry point runs end to end (as the scorer calls it)."""
    proc = subprocess.run(
        [sys.executable, "-c", "from llmsdocs.cli import main; main()", "curlify", str(PAGE), "--openapi", str(SAMPLE_SPEC)],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.count("```shell") == 3


def test_cli_config_mapping_pins_steps(tmp_path: Path) -> None:
    """[tool.llmsdocs] curl_overrides (step text or label -> operationId | none) wins."""
    page = tmp_path / "page.md"
    page.write_text("## Clean up\n\n1. Click **Archive flag**.\n\n## New\n\n1. Click **Create flag**.\n",
                    encoding="utf-8")
    config = tmp_path / "llmsdocs.toml"
    config.write_text('[tool.llmsdocs.curl_overrides]\n"Archive flag" = "deleteFlag"\n'
                      '"Create flag" = "none"\n', encoding="utf-8")
    report = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["curlify", str(page), "--openapi", str(SAMPLE_SPEC),
                                       "--config", str(config), "--report", str(report)])
    assert result.exit_code == 0, result.output
    records = json.loads(report.read_text(encoding="utf-8"))
    assert [(r["decision"], r["operation"]) for r in records] == [
        ("pinned", "deleteFlag"), ("pinned-none", None)
    ]
    assert "/flags/${FLAG_KEY}" in result.stdout


def test_append_goes_before_a_screenshot_written_flush_left_under_the_last_step(sample_spec: Spec) -> None:
    """Mintlify-style MDX puts the screenshot on the line after the item, unindented (a lazy
    continuation): the call goes between the step and the image, and nothing else moves."""
    source = (
        "## Create a flag\n\n1. Open **Flags**.\n2. Click **Create flag**.\n"
        "![Create flag](/images/create-flag.png)\n\nThe flag is off until you turn it on.\n"
    )
    result = curlify(source, sample_spec)
    lines = result.markdown.split("\n")
    step, image = lines.index("2. Click **Create flag**."), lines.index("![Create flag](/images/create-flag.png)")
    assert lines[step + 2] == "With the API (Create a flag):"
    assert step + 2 < image and lines[image - 1] == ""
    assert _inserted(source, result.markdown)


def test_stdout_keeps_a_page_without_a_final_newline_as_it_is(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("# Billing\n\nBilling is managed by your account owner.", encoding="utf-8")
    result = CliRunner().invoke(main, ["curlify", str(page), "--openapi", str(SAMPLE_SPEC)])
    assert result.exit_code == 0
    assert result.stdout == page.read_text(encoding="utf-8")
