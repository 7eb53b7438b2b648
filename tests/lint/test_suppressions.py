"""Suppressions: inline comments (markdown and MDX forms), per-path ignores, baselines; and
the lint table of the configuration. Unknown rule names are errors that name them."""

from __future__ import annotations

from pathlib import Path

import pytest

from llmsdocs.errors import ConfigError, InputError
from llmsdocs.lint import Finding, load_options
from llmsdocs.lint.suppress import (
    apply_baseline,
    parse_suppressions,
    path_ignored,
    read_baseline,
    write_baseline,
)

SOURCE = """\
# Page
<!-- llmsdocs-lint-disable-next-line fence-no-language -->
```
one
```
Click **Save**. <!-- llmsdocs-lint-disable-line ui-step-without-api -->
{/* llmsdocs-lint-disable-next-line image-no-alt, dead-link */}
![](a.png)
<!-- llmsdocs-lint-disable link-text-vague -->
[here](a) [here](b)
<!-- llmsdocs-lint-enable link-text-vague -->
[here](c)
"""


def test_inline_markdown_and_mdx_directives_cover_their_lines_only() -> None:
    s = parse_suppressions(SOURCE, "docs/page.md")
    assert s.covers("fence-no-language", 3) and not s.covers("fence-no-language", 4)
    assert not s.covers("image-no-alt", 3)
    assert s.covers("ui-step-without-api", 6)
    assert s.covers("image-no-alt", 8) and s.covers("dead-link", 8)
    assert not s.covers("twin-raw-html", 8)
    assert s.covers("link-text-vague", 10) and not s.covers("link-text-vague", 12)
    assert not s.covers("fence-no-language", None)


def test_disable_file_and_bare_directive_cover_every_rule() -> None:
    s = parse_suppressions("<!-- llmsdocs-lint-disable-file -->\ntext\n", "x.md")
    assert s.covers("twin-h1", None) and s.covers("dead-link", 2)
    mdx = parse_suppressions("{/* llmsdocs-lint-disable-file twin-h1 */}\n", "x.mdx")
    assert mdx.covers("twin-h1", 5) and not mdx.covers("dead-link", 5)


def test_unknown_rule_in_a_directive_is_an_error_naming_it() -> None:
    with pytest.raises(ConfigError, match=r"docs/p\.md:1: unknown lint rule 'fence-no-lang'"):
        parse_suppressions("<!-- llmsdocs-lint-disable-next-line fence-no-lang -->\n", "docs/p.md")


def test_per_path_ignores_match_site_or_source_path() -> None:
    f = Finding("ui-step-without-api", "warning", "how-to/billing/index.html.md", 3, "m",
                source_path="docs/how-to/billing.md")
    assert path_ignored(f, {"docs/how-to/*": ["ui-step-without-api"]})
    assert path_ignored(f, {"how-to/**": ["*"]})
    assert not path_ignored(f, {"docs/how-to/*": ["dead-link"]})


def test_baseline_round_trip_counts_duplicates(tmp_path: Path) -> None:
    a = Finding("dead-link", "warning", "p.html.md", 3, "link to 'x': no such file in the site")
    moved = Finding("dead-link", "warning", "p.html.md", 9, a.message)  # same finding, new line
    new = Finding("dead-link", "warning", "p.html.md", 12, "link to 'y': no such file in the site")
    path = tmp_path / "baseline.json"
    assert write_baseline(path, [a]) == 1
    kept, dropped = apply_baseline([moved, new], read_baseline(path))
    assert kept == [new] and dropped == 1
    kept, _ = apply_baseline([a, moved], read_baseline(path))  # a second copy is new
    assert kept == [moved]


def test_bad_baseline_is_a_one_line_input_error(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    path.write_text("[1, 2]")
    with pytest.raises(InputError, match="not an llmsdocs lint baseline"):
        read_baseline(path)


def test_lint_table_of_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.llmsdocs]\nsite_url = "https://docs.example.com/"\n'
        "[tool.llmsdocs.budgets]\nllms_txt_warn = 1000\n"
        '[tool.llmsdocs.lint]\ndisable = ["twin-chrome"]\nfail-on = "warning"\n'
        'severity = {dead-link = "error"}\nbaseline = "lint-baseline.json"\n'
        '[tool.llmsdocs.lint.per_path_ignores]\n"how-to/*" = ["ui-step-without-api"]\n')
    options = load_options(None, tmp_path)
    assert options.site_url == "https://docs.example.com/"
    assert options.disable == ["twin-chrome"] and options.fail_on == "warning"
    assert options.severity == {"dead-link": "error"}
    assert options.llms_txt_warn_chars == 1000
    assert options.baseline == tmp_path / "lint-baseline.json"
    assert options.per_path_ignores == {"how-to/*": ["ui-step-without-api"]}


@pytest.mark.parametrize(("table", "message"), [
    ('disable = ["no-such-rule"]', "unknown lint rule 'no-such-rule'"),
    ('fail_on = "info"', "severity must be 'error' or 'warning'"),
    ("colour = true", "unknown lint option 'colour'"),
])
def test_bad_lint_options_are_config_errors(tmp_path: Path, table: str, message: str) -> None:
    (tmp_path / "llmsdocs.toml").write_text(f"[lint]\n{table}\n")
    with pytest.raises(ConfigError, match=message):
        load_options(None, tmp_path)
