"""``llmsdocs build`` on a real Sphinx site (built in the test) and on sample_site."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest
from agent_ready import measure
from click.testing import CliRunner
from conftest import run
from llms_txt import parse_llms_file

from llmsdocs import pipeline
from llmsdocs.cli import main
from llmsdocs.manifest import load_manifest

URL = "https://beacon.example/docs/"
LLMSDOCS = Path(sys.executable).parent / "llmsdocs"


def build(site: Path, *args: str, check: bool = True) -> object:
    """``llmsdocs build`` as a real subprocess (the installed console script)."""
    result = run(LLMSDOCS, "build", site, "--site-url", URL, *args, check=False)
    if check:
        assert result.returncode == 0, result.stderr
    return result


def snapshot(site: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(site)): p.read_bytes()
        for p in sorted(site.rglob("*"))
        if p.is_file() and p.suffix in (".html", ".md", ".txt") or p.name.startswith(".llmsdocs")
    }


def test_sphinx_site_is_agent_ready(sphinx_site: Path) -> None:
    """Every content page twinned; llms.txt sections are the toctree captions, in order."""
    result = build(sphinx_site)
    figures = measure(sphinx_site)
    assert figures.bad_twins == {}
    assert figures.meets_bars(), figures.line()
    assert figures.pages == 6
    parsed = parse_llms_file((sphinx_site / "llms.txt").read_text(encoding="utf-8"))
    assert parsed.title == "Beacon"
    assert list(parsed.sections) == ["Docs", "Getting started", "Guides", "Reference"]
    assert [link["title"] for link in parsed.sections["Guides"]] == ["Writing checks", "Alerts"]
    assert "6 pages (6 converted" in result.stdout


def test_sphinx_generated_pages_are_excluded_with_their_reason(sphinx_site: Path) -> None:
    build(sphinx_site)
    manifest = load_manifest(sphinx_site)
    assert manifest is not None
    assert manifest.generator == "sphinx"
    assert manifest.excluded == {
        "_modules/beacon.html": "sphinx-source",
        "_modules/index.html": "sphinx-source",
        "genindex.html": "generated-index",
        "py-modindex.html": "generated-index",
        "search.html": "search",
    }
    assert not list(sphinx_site.glob("_modules/*.md"))
    assert not (sphinx_site / "genindex.html.md").exists()


def test_second_build_changes_nothing(sphinx_site: Path) -> None:
    """Idempotent: a second build reconverts nothing and leaves every byte as it was."""
    build(sphinx_site)
    before = snapshot(sphinx_site)
    result = build(sphinx_site)
    assert "(0 converted, 6 unchanged" in result.stdout
    assert snapshot(sphinx_site) == before
    html = (sphinx_site / "install.html").read_text(encoding="utf-8")
    assert html.count("data-llmsdocs") == 1


def test_changed_page_is_reconverted_alone(sphinx_site: Path) -> None:
    build(sphinx_site)
    page = sphinx_site / "quickstart.html"
    page.write_text(page.read_text(encoding="utf-8").replace("reports whether", "tells whether"), encoding="utf-8")
    result = build(sphinx_site)
    assert "(1 converted, 5 unchanged" in result.stdout
    assert "tells whether" in (sphinx_site / "quickstart.html.md").read_text(encoding="utf-8")


def test_hand_written_llms_txt_is_kept_without_force(sphinx_site: Path) -> None:
    mine = "# Beacon\n\n> Written by hand.\n"
    (sphinx_site / "llms.txt").write_text(mine, encoding="utf-8")
    result = build(sphinx_site, check=False)
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0
    assert "llms.txt: exists and was not written by llmsdocs; use --force" in result.stderr
    assert (sphinx_site / "llms.txt").read_text(encoding="utf-8") == mine
    assert not (sphinx_site / "install.html.md").exists()
    build(sphinx_site, "--force")
    assert (sphinx_site / "llms.txt").read_text(encoding="utf-8") != mine


def test_twin_of_deleted_page_is_removed(sphinx_site: Path) -> None:
    build(sphinx_site)
    assert (sphinx_site / "guide/alerts.html.md").is_file()
    (sphinx_site / "guide/alerts.html").unlink()
    result = build(sphinx_site)
    assert "1 stale files removed" in result.stdout
    assert not (sphinx_site / "guide/alerts.html.md").exists()
    assert "alerts.html" not in (sphinx_site / "llms.txt").read_text(encoding="utf-8")
    assert "\n# Alerts\n" not in (sphinx_site / "llms-full.txt").read_text(encoding="utf-8")
    manifest = load_manifest(sphinx_site)
    assert manifest is not None and "guide/alerts.html.md" not in manifest.files


def test_symlinked_twin_outside_the_site_is_never_written(sphinx_site: Path, tmp_path: Path) -> None:
    """Even with --force, a twin path that is a symlink leading outside the site is refused."""
    outside = tmp_path / "outside.txt"
    outside.write_text("precious\n", encoding="utf-8")
    os.symlink(outside, sphinx_site / "install.html.md")
    result = build(sphinx_site, "--force", check=False)
    assert result.returncode == 1
    assert "install.html" in result.stderr and "outside" in result.stderr
    assert outside.read_text(encoding="utf-8") == "precious\n"
    assert (sphinx_site / "quickstart.html.md").is_file()


def test_parallel_build_writes_what_a_serial_build_writes(
    sphinx_html: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--jobs 2 runs worker processes (threshold lowered) and produces the same bytes."""
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    shutil.copytree(sphinx_html, serial)
    shutil.copytree(sphinx_html, parallel)
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(serial), "--site-url", URL, "--jobs", "1"]).exit_code == 0
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_PAGES", 1)
    result = runner.invoke(main, ["build", str(parallel), "--site-url", URL, "--jobs", "2"])
    assert result.exit_code == 0, result.output
    assert snapshot(parallel) == snapshot(serial)


def test_parallel_openapi_build_prepares_the_matcher_once_before_forking(
    sample_built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--openapi --jobs 2 (threshold lowered): the host indexes the spec before it forks, so the
    workers inherit it instead of each building it; the bytes are a serial build's."""
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    for site in (serial, parallel):
        shutil.copytree(sample_built / "site", site)
        for path in [*site.rglob("*.md"), *site.glob("llms*.txt"), site / ".llmsdocs-manifest.json"]:
            path.unlink()
    spec = str(sample_built / "openapi.yaml")
    args = ["--site-url", "https://docs.tidepool.dev/", "--openapi", spec]
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(serial), *args, "--jobs", "1"]).exit_code == 0
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_PAGES", 1)
    monkeypatch.setattr(pipeline, "_SPEC_CACHE", {})  # the serial build indexed it in this process
    result = runner.invoke(main, ["build", str(parallel), *args, "--jobs", "2"])
    assert result.exit_code == 0, result.output
    assert snapshot(parallel) == snapshot(serial)
    if pipeline._mp_context().get_start_method() == "fork":
        assert "__match_index__" in pipeline._SPEC_CACHE[spec]._cache


def test_config_file_budgets_split_full_text(sphinx_site: Path, tmp_path: Path) -> None:
    """budgets.policy = split: per-section llms-full parts, linked from llms.txt and llms-full.txt."""
    config = tmp_path / "llmsdocs.toml"
    config.write_text('[budgets]\nfull_max_chars = 300\npolicy = "split"\n', encoding="utf-8")
    build(sphinx_site, "--config", str(config))
    parts = sorted(p.name for p in sphinx_site.glob("llms-full-*.txt"))
    assert parts == [
        "llms-full-docs.txt",
        "llms-full-getting-started.txt",
        "llms-full-guides.txt",
        "llms-full-reference.txt",
    ]
    full = (sphinx_site / "llms-full.txt").read_text(encoding="utf-8")
    llms = (sphinx_site / "llms.txt").read_text(encoding="utf-8")
    for part in parts:
        assert URL + part in full and URL + part in llms
    assert "# Writing checks" in (sphinx_site / "llms-full-guides.txt").read_text(encoding="utf-8")
    parse_llms_file(llms)
    manifest = json.loads((sphinx_site / ".llmsdocs-manifest.json").read_text(encoding="utf-8"))
    assert {manifest["files"][p]["kind"] for p in parts} == {"llms-full-part"}


def test_budget_policies_warn_and_fail(sphinx_site: Path, tmp_path: Path) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text('[tool.llmsdocs.budgets]\nfull_max_chars = 300\n', encoding="utf-8")
    warned = build(sphinx_site, "--config", str(config))
    assert "warning: llms-full.txt:" in warned.stderr and "above the budget of 300" in warned.stderr
    config.write_text('[tool.llmsdocs.budgets]\nfull_max_chars = 300\npolicy = "fail"\n', encoding="utf-8")
    failed = build(sphinx_site, "--config", str(config), check=False)
    assert failed.returncode == 1
    assert "error: llms-full.txt:" in failed.stderr


def test_unknown_config_option_is_one_line_error(sphinx_site: Path, tmp_path: Path) -> None:
    config = tmp_path / "llmsdocs.toml"
    config.write_text("sectoins = {}\n", encoding="utf-8")
    result = build(sphinx_site, "--config", str(config), check=False)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"Error: {config}: unknown option 'sectoins' (known: ")
    assert "Traceback" not in result.stderr


def test_missing_site_url_is_one_line_error(sphinx_site: Path) -> None:
    result = run(LLMSDOCS, "build", sphinx_site, check=False)
    assert result.returncode == 1
    assert "site_url is required" in result.stderr
    assert "Traceback" not in result.stderr


def test_exclude_glob_and_aliases_from_the_command_line(sphinx_site: Path) -> None:
    build(sphinx_site, "--exclude", "guide/*", "--aliases", "--optional", "api/*")
    manifest = load_manifest(sphinx_site)
    assert manifest is not None
    assert manifest.excluded["guide/checks.html"] == "exclude glob guide/*"
    assert not (sphinx_site / "guide/checks.html.md").exists()
    assert (sphinx_site / "install.md").read_bytes() == (sphinx_site / "install.html.md").read_bytes()
    parsed = parse_llms_file((sphinx_site / "llms.txt").read_text(encoding="utf-8"))
    assert [link["title"] for link in parsed.sections["Optional"]] == ["API reference"]


def test_page_that_cannot_be_converted_is_reported_and_exits_1(sphinx_site: Path) -> None:
    """One bad page: the rest is written, the failure named on stderr, exit 1 at the end."""
    (sphinx_site / "broken.html").write_bytes(b"\x00\x01\x02 binary \xff\xfe junk \x00" * 50)
    result = build(sphinx_site, check=False)
    assert result.returncode == 1
    assert "broken.html" in result.stderr
    assert "1 failed" in result.stdout
    assert (sphinx_site / "install.html.md").is_file() and (sphinx_site / "llms.txt").is_file()
    manifest = load_manifest(sphinx_site)
    assert manifest is not None and "broken.html" in manifest.failures


def test_page_that_breaks_later_keeps_its_last_good_twin(sphinx_site: Path) -> None:
    """A page that converted before and fails now: reported (exit 1), its last twin stays listed."""
    build(sphinx_site)
    twin = (sphinx_site / "install.html.md").read_bytes()
    (sphinx_site / "install.html").write_bytes(b"\x00\xff\xfe" * 100)
    result = build(sphinx_site, check=False)
    assert result.returncode == 1
    assert "install.html" in result.stderr
    assert (sphinx_site / "install.html.md").read_bytes() == twin
    assert URL + "install.html.md" in (sphinx_site / "llms.txt").read_text(encoding="utf-8")


def test_openapi_build_adds_curl_calls_to_sample_site_twins(sample_built: Path, tmp_path: Path) -> None:
    """--openapi: dashboard steps get their curl call; billing (no API) stays UI-only; no markers left."""
    site = tmp_path / "site"
    shutil.copytree(sample_built / "site", site)
    # Start from the bare HTML, as a non-MkDocs build would (the plugin already wrote twins).
    for path in [*site.rglob("*.md"), *site.glob("llms*.txt"), site / ".llmsdocs-manifest.json"]:
        path.unlink()
    spec = sample_built / "openapi.yaml"
    result = run(LLMSDOCS, "build", site, "--site-url", "https://docs.tidepool.dev/", "--openapi", spec, check=False)
    assert result.returncode == 0, result.stderr
    assert "UI steps got a curl call" in result.stdout
    project = (site / "how-to/create-a-project/index.html.md").read_text(encoding="utf-8")
    assert "curl -X POST" in project and "/projects" in project
    assert "curl " not in (site / "how-to/manage-billing/index.html.md").read_text(encoding="utf-8")
    for twin in site.rglob("*.html.md"):
        assert "<!-- llmsdocs" not in twin.read_text(encoding="utf-8"), twin
    assert measure(site).meets_bars()


def test_a_dangling_ref_leaves_out_one_operation_with_a_build_warning(sample_built: Path, tmp_path: Path) -> None:
    """A spec whose one operation points at a schema it does not define still builds every
    other call; the build says which operation it left out, once."""
    import yaml

    site = tmp_path / "site"
    shutil.copytree(sample_built / "site", site)
    for path in [*site.rglob("*.md"), *site.glob("llms*.txt"), site / ".llmsdocs-manifest.json"]:
        path.unlink()
    doc = yaml.safe_load((sample_built / "openapi.yaml").read_text(encoding="utf-8"))
    doc["paths"]["/broken"] = {"post": {
        "operationId": "broken", "responses": {"200": {"description": "ok"}},
        "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Nope"}}}}}}
    spec = tmp_path / "openapi.json"
    spec.write_text(json.dumps(doc), encoding="utf-8")
    result = run(LLMSDOCS, "build", site, "--site-url", "https://docs.tidepool.dev/", "--openapi", spec, check=False)
    assert result.returncode == 0, result.stderr
    said = [line for line in (result.stdout + result.stderr).splitlines() if "left out" in line]
    assert len(said) == 1
    assert f"{spec}: 1 operation(s) left out: POST /broken: unresolvable $ref '#/components/schemas/Nope'" in said[0]
    assert "curl -X POST" in (site / "how-to/create-a-project/index.html.md").read_text(encoding="utf-8")


def test_config_curl_overrides_reach_the_build(sample_built: Path, tmp_path: Path) -> None:
    """[tool.llmsdocs] curl_overrides pins steps in `llmsdocs build` as in `llmsdocs curlify`."""
    site = tmp_path / "site"
    shutil.copytree(sample_built / "site", site)
    for path in [*site.rglob("*.md"), *site.glob("llms*.txt"), site / ".llmsdocs-manifest.json"]:
        path.unlink()
    spec = sample_built / "openapi.yaml"
    args = ("--site-url", "https://docs.tidepool.dev/", "--openapi", spec)
    assert run(LLMSDOCS, "build", site, *args, check=False).returncode == 0
    twin = site / "how-to/create-a-project/index.html.md"
    assert "curl -X POST" in twin.read_text(encoding="utf-8")
    config = tmp_path / "llmsdocs.toml"
    config.write_text('[curl_overrides]\n"New project" = "none"\n', encoding="utf-8")
    result = run(LLMSDOCS, "build", site, *args, "--config", config, check=False)
    assert result.returncode == 0, result.stderr
    # A changed mapping changes the build key: the page is converted again, without the call.
    assert "curl -X POST" not in twin.read_text(encoding="utf-8")
    assert "Click **New project**" in twin.read_text(encoding="utf-8")


def test_sphinx_navigation_from_the_root_toctree_under_section_headings(tmp_path: Path) -> None:
    """A theme sidebar without the toctree: groups come from the root document's toctrees,
    named by the section headings above them."""
    from conftest import PROJECTS, sphinx_build

    site = sphinx_build(PROJECTS / "sphinx_sections", tmp_path / "html")
    build(site)
    parsed = parse_llms_file((site / "llms.txt").read_text(encoding="utf-8"))
    assert parsed.title == "Ferry"
    assert {k: [link["title"] for link in v] for k, v in parsed.sections.items()} == {
        "Docs": ["Ferry"],
        "The user guide": ["Installing Ferry", "Copying objects"],
        "The project": ["Changes"],
    }


def test_folder_without_html_is_a_one_line_error(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a site\n", encoding="utf-8")
    result = run(LLMSDOCS, "build", tmp_path, "--site-url", URL, check=False)
    assert result.returncode == 1
    assert result.stderr.strip() == f"Error: {tmp_path}: has no HTML pages (point llmsdocs at the built site folder)"
    assert not (tmp_path / "llms.txt").exists()


def test_turning_aliases_off_removes_them(sphinx_site: Path) -> None:
    build(sphinx_site, "--aliases")
    assert (sphinx_site / "install.md").is_file()
    build(sphinx_site, "--no-aliases")
    assert not (sphinx_site / "install.md").exists()
    assert (sphinx_site / "install.html.md").is_file()


def test_configured_sections_replace_the_navigation(sphinx_site: Path, tmp_path: Path) -> None:
    config = tmp_path / "llmsdocs.toml"
    config.write_text(
        'site_name = "Beacon docs"\nsummary = "Health checks."\n'
        '[sections]\n"Start here" = ["install.html", "quickstart.html"]\n"API" = ["api/*"]\n',
        encoding="utf-8",
    )
    build(sphinx_site, "--config", str(config))
    parsed = parse_llms_file((sphinx_site / "llms.txt").read_text(encoding="utf-8"))
    assert (parsed.title, parsed.summary) == ("Beacon docs", "Health checks.")
    assert {k: [link["title"] for link in v] for k, v in parsed.sections.items()} == {
        "Start here": ["Installation", "Quickstart"],
        "API": ["API reference"],
    }
    full = (sphinx_site / "llms-full.txt").read_text(encoding="utf-8")
    assert "\n# Alerts\n" in full  # unlisted pages still have their full text


def test_switching_off_the_button_and_the_split_removes_their_files(sphinx_site: Path, tmp_path: Path) -> None:
    config = tmp_path / "llmsdocs.toml"
    config.write_text('copy_button = true\n[budgets]\nfull_max_chars = 300\npolicy = "split"\n', encoding="utf-8")
    build(sphinx_site, "--config", str(config))
    assert (sphinx_site / "_llmsdocs/copy-button.js").is_file()
    assert list(sphinx_site.glob("llms-full-*.txt"))
    config.write_text("copy_button = false\n", encoding="utf-8")
    build(sphinx_site, "--config", str(config))
    assert not (sphinx_site / "_llmsdocs/copy-button.js").exists()
    assert not list(sphinx_site.glob("llms-full-*.txt"))
    assert "data-llmsdocs" in (sphinx_site / "install.html").read_text(encoding="utf-8")
    assert "copy-button.js" not in (sphinx_site / "install.html").read_text(encoding="utf-8")
