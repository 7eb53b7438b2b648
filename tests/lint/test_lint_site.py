"""Lint on sample_site built with the MkDocs plugin: clean (exit 0, no error), findings point
at the ``docs/`` sources, every seeded defect is reported on its file under its own rule, and
a baseline accepts what was there while one new defect fails."""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner
from lint_fixtures import SAMPLE_SITE, build_mkdocs

from llmsdocs.cli import main
from llmsdocs.lint import lint, load_options

SCHEMA = Path(__file__).parents[2] / "schemas" / "sarif-2.1.0.json"

# Seeded in the sources before building (content rules), each with the rule it must trigger.
SOURCE_SEEDS = {
    "docs/faq.md": "\n## Seeded\n\n```\nplain block without a language\n```\n",
    "docs/concepts/segments.md": (
        "\n## Seeded steps\n\n1. Go to **Settings > General**.\n"
        "2. Click **Delete organization** and confirm.\n"),
    "docs/reference/glossary.md": "\nSee the [retired guide](https://docs.tidepool.dev/retired-guide/).\n",
}


def copy_sample(dest: Path) -> Path:
    """sample_site with the plugin given its OpenAPI spec (how the product is meant to be set
    up: the build curlifies the how-to guides, the lint asks the same matcher)."""
    shutil.copytree(SAMPLE_SITE, dest, ignore=shutil.ignore_patterns("site"))
    mkdocs_yml = dest / "mkdocs.yml"
    text = mkdocs_yml.read_text(encoding="utf-8")
    if "openapi:" not in text:
        assert "\n  - llmsdocs\n" in text
        text = text.replace("\n  - llmsdocs\n", "\n  - llmsdocs:\n      openapi: openapi.yaml\n")
        mkdocs_yml.write_text(text, encoding="utf-8")
    return dest


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """sample_site copied and built with the plugin, unchanged."""
    project = copy_sample(tmp_path_factory.mktemp("clean") / "sample_site")
    build_mkdocs(project)
    return project


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """sample_site with defects seeded in sources and in the built output."""
    project = copy_sample(tmp_path_factory.mktemp("seeded") / "sample_site")
    for rel, extra in SOURCE_SEEDS.items():
        path = project / rel
        path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")
    site = build_mkdocs(project)
    llms = site / "llms.txt"
    lines = llms.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# ")
    first_section = next(i for i, line in enumerate(lines) if line.startswith("## "))
    lines.insert(first_section + 1, "These pages explain the dashboard.")
    lines.append("- [Retired](https://docs.tidepool.dev/retired/index.html.md): gone")
    llms.write_text("\n".join(lines[1:]) + "\n", encoding="utf-8")  # and no H1
    (site / "changelog" / "index.html.md").unlink()
    html = site / "reference" / "cli" / "index.html"
    html.write_text(html.read_text(encoding="utf-8").replace(
        "</article>", "<p>Edited after the build.</p></article>", 1), encoding="utf-8")
    (site / "llms-full.txt").unlink()
    (site / "sdks" / "go" / "index.html.md").write_text("", encoding="utf-8")
    return project


@pytest.fixture
def in_project(built: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.chdir(built)
    yield built


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["lint", *args])
    return result.exit_code, result.stdout


def test_plugin_built_sample_site_has_no_error_and_only_real_warnings(in_project: Path) -> None:
    """Exit 0, no error. Warnings: UI steps the matcher could not map (billing, SSO and
    organization deletion have no API: each of those procedures is reported) and code blocks
    that lost a real language; nothing else (no dead link, chrome, raw HTML, coverage gap, nor
    a ```text block whose bare twin fence says the same)."""
    code, raw = _run("site", "--format", "json")
    found = json.loads(raw)
    assert code == 0
    assert [f for f in found if f["severity"] == "error"] == []
    assert {f["rule"] for f in found} <= {"ui-step-without-api", "fence-no-language"}
    steps = [f for f in found if f["rule"] == "ui-step-without-api"]
    assert all(f["source_path"].startswith("docs/how-to/") for f in steps)
    # manage-billing.md: five procedures (plan, card, invoices, SSO, delete the organization),
    # none of which the API can do: each is reported once, as having no API operation.
    source = (in_project / "docs/how-to/manage-billing.md").read_text(encoding="utf-8")
    lines = source.splitlines()
    section_of = [sum(1 for line in lines[:n] if line.startswith("## "))
                  for n in range(len(lines) + 1)]
    billing = [f for f in steps if f["source_path"] == "docs/how-to/manage-billing.md"]
    assert all("no operation of the OpenAPI description" in f["message"] for f in billing)
    assert sorted(section_of[f["source_line"]] for f in billing) == [1, 2, 3, 4, 5]
    for f in found:
        if f["rule"] == "fence-no-language":  # the twin really has a fence without a language
            twin = (in_project / "site" / f["path"]).read_text(encoding="utf-8").splitlines()
            assert twin[f["line"] - 1] == "```"


def test_lint_reads_the_plugin_options_from_mkdocs_yml(in_project: Path) -> None:
    options = load_options(None, in_project)
    assert options.openapi == in_project / "openapi.yaml"
    assert options.site_url == "https://docs.tidepool.dev/"
    result = lint(in_project / "site", options)
    assert not result.failed("error")


def test_github_names_docs_source_files_and_matches_json(in_project: Path) -> None:
    code, github = _run("site", "--format", "github")
    _, raw = _run("site", "--format", "json")
    found = json.loads(raw)
    lines = github.splitlines()
    assert code == 0 and len(lines) == len(found)
    page_findings = [f for f in found if f["path"].endswith((".html", ".html.md"))]
    assert page_findings, "expected page findings on sample_site (its real warnings)"
    assert all(f["source_path"].startswith("docs/") for f in page_findings)
    for line, finding in zip(lines, found):
        expected_file = finding.get("source_path") or f"site/{finding['path']}"
        assert line.startswith(f"::{finding['severity']} file={expected_file}")


def test_sarif_has_one_result_per_finding_and_validates(in_project: Path) -> None:
    _, raw = _run("site", "--format", "json")
    _, sarif = _run("site", "--format", "sarif")
    log = json.loads(sarif)
    jsonschema.validate(log, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert len(log["runs"][0]["results"]) == len(json.loads(raw))


EXPECTED_SEEDS = [
    ("llmstxt-h1", "llms.txt", None),
    ("llmstxt-section-prose", "llms.txt", None),
    ("llmstxt-dangling-link", "llms.txt", None),
    ("twin-missing", "changelog/index.html", "docs/changelog.md"),
    ("twin-empty", "sdks/go/index.html.md", "docs/sdks/go.md"),
    ("twin-stale", "reference/cli/index.html.md", "docs/reference/cli.md"),
    ("llms-full-missing", "llms-full.txt", None),
    ("fence-no-language", "faq/index.html.md", "docs/faq.md"),
    ("ui-step-without-api", "concepts/segments/index.html.md", "docs/concepts/segments.md"),
    ("dead-link", "reference/glossary/index.html.md", "docs/reference/glossary.md"),
]


@pytest.fixture(scope="module")
def seeded_run(seeded: Path) -> tuple[int, list[dict[str, Any]]]:
    """One CLI lint of the seeded copy: (exit code, JSON findings)."""
    cwd = Path.cwd()
    os.chdir(seeded)
    try:
        code, raw = _run("site", "--format", "json")
    finally:
        os.chdir(cwd)
    return code, json.loads(raw)


@pytest.mark.parametrize(("rule", "path", "source"), EXPECTED_SEEDS,
                         ids=[e[0] for e in EXPECTED_SEEDS])
def test_each_seeded_defect_is_reported_on_its_file(seeded: Path, rule: str, path: str,
                                                    source: str | None,
                                                    seeded_run: tuple[int, list[dict[str, Any]]]
                                                    ) -> None:
    code, findings = seeded_run
    assert code == 1
    found = [f for f in findings if f["rule"] == rule and f["path"] == path]
    assert found, f"{rule} not reported on {path}"
    if source is not None:
        assert found[0]["source_path"] == source
        if rule in {"fence-no-language", "ui-step-without-api", "dead-link"}:
            seeded_text = SOURCE_SEEDS[source]
            source_lines = (seeded / source).read_text(encoding="utf-8").splitlines()
            assert source_lines[found[0]["source_line"] - 1].strip() in seeded_text


def test_baseline_round_trip(in_project: Path) -> None:
    baseline = in_project / "lint-baseline.json"
    assert _run("site", "--baseline", str(baseline), "--write-baseline")[0] == 0
    code, out = _run("site", "--baseline", str(baseline), "--fail-on", "warning")
    assert code == 0 and out.startswith("0 error(s), 0 warning(s)")
    twin = in_project / "site" / "faq" / "index.html.md"
    saved = twin.read_text(encoding="utf-8")
    twin.write_text("", encoding="utf-8")
    try:
        code, raw = _run("site", "--baseline", str(baseline), "--format", "json")
        assert code == 1
        assert [(f["rule"], f["path"]) for f in json.loads(raw)] == [
            ("twin-empty", "faq/index.html.md")]
    finally:
        twin.write_text(saved, encoding="utf-8")


def test_lint_site_for_the_plugin_takes_its_build_options(built: Path) -> None:
    """What the MkDocs plugin's ``lint: true`` calls: same findings as the CLI run there."""
    from llmsdocs.config import options_from_mapping
    from llmsdocs.lint import lint_site

    build = options_from_mapping({"site_url": "https://docs.tidepool.dev/",
                                  "openapi": str(built / "openapi.yaml")}, "mkdocs.yml")
    findings = lint_site(built / "site", build, project_dir=built)
    assert findings and all(f.severity == "warning" for f in findings)
    assert {f.rule for f in findings} <= {"ui-step-without-api", "fence-no-language"}
    assert all(f.source_path and f.source_path.startswith("docs/") for f in findings)


def test_site_url_comes_from_canonical_then_sitemap_then_llms_txt(built: Path,
                                                                    tmp_path: Path) -> None:
    """Without the manifest's URL, links under the site URL are still internal: a dangling
    absolute llms.txt link is found whichever source gives the URL."""
    site = tmp_path / "site"
    shutil.copytree(built / "site", site)
    (site / ".llmsdocs-manifest.json").unlink()
    llms = site / "llms.txt"
    llms.write_text(llms.read_text(encoding="utf-8")
                    + "- [Gone](https://docs.tidepool.dev/gone/index.html.md): removed\n",
                    encoding="utf-8")

    def dangling() -> list[str]:
        return [f.message for f in lint(site).findings if f.rule == "llmstxt-dangling-link"]

    assert dangling()  # canonical link of index.html
    index = site / "index.html"
    index.write_text(re.sub(r'<link rel="canonical"[^>]*>', "", index.read_text(encoding="utf-8")),
                     encoding="utf-8")
    assert dangling()  # sitemap.xml
    (site / "sitemap.xml").unlink()
    assert dangling()  # llms.txt's own absolute links


SPHINX_PROJECT = Path(__file__).parents[1] / "site" / "projects" / "sphinx_small"


def test_sphinx_site_built_by_llmsdocs_is_clean_and_nav_coverage_is_checked(
        tmp_path: Path) -> None:
    """A Sphinx site has no sitemap: coverage compares llms.txt with the sidebar navigation.
    Built by llmsdocs it has no finding at all; a page dropped from llms.txt is reported."""
    import subprocess
    import sys

    html = tmp_path / "html"
    subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-q", str(SPHINX_PROJECT),
                    str(html)], check=True, capture_output=True)
    build = CliRunner().invoke(main, ["build", str(html), "--site-url",
                                      "https://beacon.example.org/"])
    assert build.exit_code == 0, build.output
    assert lint(html).findings == []
    llms = html / "llms.txt"
    llms.write_text("".join(line for line in llms.read_text(encoding="utf-8").splitlines(True)
                            if "quickstart" not in line), encoding="utf-8")
    assert [(f.rule, f.path) for f in lint(html).findings] == [
        ("nav-not-in-llmstxt", "quickstart.html")]


def test_lost_code_languages_are_one_finding_per_page_naming_the_fix(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch
                                                                      ) -> None:
    """tests/site/projects/mkdocs_small highlights code without a language class: the twins
    have bare fences although the sources name the language. One warning per page says so and
    names the setting; with it set, the warnings are gone."""
    project = tmp_path / "mkdocs_small"
    shutil.copytree(Path(__file__).parents[1] / "site" / "projects" / "mkdocs_small", project)
    build_mkdocs(project)
    monkeypatch.chdir(project)
    found = [f for f in lint(project / "site", load_options(None, project)).findings
             if f.rule == "fence-no-language"]
    assert found and len({f.path for f in found}) == len(found)
    assert all("the built HTML has no language class" in f.message and f.source_path
               for f in found)
    yml = project / "mkdocs.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace(
        "  - pymdownx.superfences\n",
        "  - pymdownx.highlight:\n      pygments_lang_class: true\n  - pymdownx.superfences\n"),
        encoding="utf-8")
    build_mkdocs(project)
    assert [f for f in lint(project / "site", load_options(None, project)).findings
            if f.rule == "fence-no-language"] == []
