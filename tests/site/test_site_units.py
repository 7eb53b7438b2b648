"""Stage-level rules of the site build: config loading, marker stripping, head edits, tokens."""

from __future__ import annotations

from pathlib import Path

import pytest

from llmsdocs.config import BuildOptions, load_options, override
from llmsdocs.discover import Candidate, EXCLUDE_RULES, Head, matches_any, page_url, twin_path
from llmsdocs.errors import ConfigError
from llmsdocs.inject import has_injected, inject, strip_injected
from llmsdocs.llmstxt import link_text, link_url, paragraph
from llmsdocs.manifest import html_hash
from llmsdocs.pipeline import alias_paths, strip_markers
from llmsdocs.tokens import count_tokens


def test_pyproject_table_is_read(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.llmsdocs]\nsite_url = "https://x.dev/"\nexclude = ["old/*"]\ncopy-button = true\n'
        '[tool.llmsdocs.lint]\nfail_on = "error"\n[tool.llmsdocs.budgets]\npolicy = "split"\n',
        encoding="utf-8",
    )
    options = load_options(search_dir=tmp_path)
    assert options.site_url == "https://x.dev/"
    assert options.exclude == ["old/*"]
    assert options.copy_button is True
    assert options.budgets.policy == "split"


def test_llmsdocs_toml_wins_over_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.llmsdocs]\nsite_name = "A"\n', encoding="utf-8")
    (tmp_path / "llmsdocs.toml").write_text('site_name = "B"\n', encoding="utf-8")
    assert load_options(search_dir=tmp_path).site_name == "B"


def test_pyproject_without_our_table_means_defaults(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert load_options(search_dir=tmp_path) == BuildOptions()


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("full = 'yes'\n", "option 'full' must be bool, not str"),
        ("jobs = true\n", "option 'jobs' must be int, not bool"),
        ("[budgets]\npolicy = 'explode'\n", "budgets.policy must be one of warn, fail, split"),
        ("[budgets]\ntwin = 3\n", "unknown option 'budgets.twin'"),
        ("site_url = 'docs.example'\n", "site_url must start with http:// or https://"),
        ("exclude = [1]\n", "option 'exclude' must be a list of glob strings"),
        ("full = \n", "invalid TOML"),
    ],
)
def test_bad_config_is_a_one_line_error_naming_the_file(tmp_path: Path, toml: str, message: str) -> None:
    config = tmp_path / "llmsdocs.toml"
    config.write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_options(config)
    assert str(info.value).startswith(f"{config}: ")
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_command_line_overrides_only_given_values() -> None:
    base = BuildOptions(site_name="A", full=False)
    changed = override(base, site_name=None, full=True, site_url="https://x.dev/")
    assert (changed.site_name, changed.full, changed.site_url) == ("A", True, "https://x.dev/")


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("# T\n\n<!-- llmsdocs: curl createFlag -->\nStep.\n", "# T\n\nStep.\n"),
        ("# T\n\nKeep <!-- llmsdocs: agent-only --> this\n", "# T\n\nKeep  this\n"),
        ("# T\n\n```html\n<!-- llmsdocs: curl none -->\n```\n", "# T\n\n```html\n<!-- llmsdocs: curl none -->\n```\n"),
        ("# T\n\n<!-- a normal comment -->\n", "# T\n\n<!-- a normal comment -->\n"),
        ("# T\n\nA\n\n<!-- llmsdocs: curl none -->\n\nB\n", "# T\n\nA\n\nB\n"),
        (
            "# T\n\n<!-- llmsdocs: curl none -->\n1. Go.\n\n```py\na = 1\n\n\n\nb = 2\n```\n",
            "# T\n\n1. Go.\n\n```py\na = 1\n\n\n\nb = 2\n```\n",
        ),
    ],
    ids=[
        "pin-line",
        "inline-marker",
        "inside-code-kept",
        "foreign-comment-kept",
        "marker-between-blank-lines",
        "code-blank-lines-kept",
    ],
)
def test_strip_markers(markdown: str, expected: str) -> None:
    assert strip_markers(markdown) == expected


HTML = "<!doctype html><html><head><title>T</title>\n</head><body><h1>T</h1></body></html>"


def test_inject_is_idempotent_and_invisible_to_the_html_hash() -> None:
    once = inject(HTML, page_path="a/index.html", twin_url="https://x.dev/a/index.html.md",
                  twin_path="a/index.html.md", head_link=True, copy_button=True)
    assert once is not None
    twice = inject(once, page_path="a/index.html", twin_url="https://x.dev/a/index.html.md",
                   twin_path="a/index.html.md", head_link=True, copy_button=True)
    assert twice == once
    assert has_injected(once) == ["head-link", "copy-button"]
    assert '<script src="../_llmsdocs/copy-button.js" data-twin="index.html.md"' in once
    assert strip_injected(once) == HTML
    assert html_hash(once.encode()) == html_hash(HTML.encode())


def test_inject_without_a_head_is_refused() -> None:
    assert inject("<p>fragment</p>", page_path="f.html", twin_url="u", twin_path="f.html.md") is None


@pytest.mark.parametrize(
    ("path", "generator", "rule"),
    [
        ("404.html", None, "404"),
        ("search/index.html", "material", "search"),
        ("genindex.html", "sphinx", "generated-index"),
        ("_modules/pkg/mod.html", "sphinx", "sphinx-source"),
        ("tags/python/index.html", "material", "archive"),
        ("blog/tags/index.html", "docusaurus", "archive"),
        ("blog/page/2/index.html", "hugo", "archive"),
        ("concepts/tags/index.html", "material", None),
        ("guide/index.html", None, None),
    ],
)
def test_content_page_rules(path: str, generator: str | None, rule: str | None) -> None:
    head = Head("T", None, False, False, None, None, False)
    candidate = Candidate(path, head, generator)
    assert next((r.name for r in EXCLUDE_RULES if r.applies(candidate)), None) == rule


def test_redirect_and_noindex_heads_are_not_content() -> None:
    for head, rule in [
        (Head("T", None, True, False, None, None, False), "redirect"),
        (Head("T", None, False, True, None, None, False), "noindex"),
    ]:
        candidate = Candidate("a.html", head, None)
        assert next(r.name for r in EXCLUDE_RULES if r.applies(candidate)) == rule


def test_urls_and_paths() -> None:
    assert page_url("https://x.dev/docs", "guide/index.html") == "https://x.dev/docs/guide/"
    assert page_url("https://x.dev/docs/", "index.html") == "https://x.dev/docs/"
    assert page_url("https://x.dev/", "a b.html") == "https://x.dev/a%20b.html"
    assert twin_path("guide/index.html") == "guide/index.html.md"
    assert alias_paths("guide/index.html") == ("guide.md",)
    assert alias_paths("index.html") == ("index.md",)
    assert alias_paths("a/b.html") == ("a/b.md",)
    assert matches_any("guide/a/index.html", ["guide/*"]) == "guide/*"
    assert matches_any("x/index.html", ["changelog.md"], "docs/changelog.md") == "changelog.md"
    assert matches_any("x/index.html", ["other.md"], "docs/changelog.md") is None


def test_llms_txt_filters_keep_the_parser_whole() -> None:
    assert link_text("Array[int] helpers") == "Array(int) helpers"
    assert link_url("https://x.dev/a (b).html.md") == "https://x.dev/a%20%28b%29.html.md"
    assert paragraph("## not a section\n> not a summary") == "not a section\nnot a summary"


def test_token_estimate_grows_with_text_and_counts_words() -> None:
    assert count_tokens("") == 0
    assert count_tokens("hello world") == 2
    prose = "The quick brown fox jumps over the lazy dog. " * 20
    assert 180 <= count_tokens(prose) <= 260
    assert abs(count_tokens(prose * 2) - 2 * count_tokens(prose)) <= 1


@pytest.mark.parametrize(("cores", "jobs", "pool"), [(4, 0, 3), (2, 0, 1), (4, 2, 2)])
def test_early_conversions_leave_the_renderer_its_core(
    cores: int, jobs: int, pool: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While MkDocs renders (one core busy), the plugin's pool has one worker per other core;
    an explicit ``jobs`` is taken as given."""
    from llmsdocs import pipeline

    monkeypatch.setattr(pipeline.os, "cpu_count", lambda: cores)
    early = pipeline.EarlyConversions(BuildOptions(site_url="https://docs.example.com/", jobs=jobs))
    try:
        assert early._pool is not None
        assert early._pool._max_workers == pool  # type: ignore[attr-defined]
    finally:
        early.close()
