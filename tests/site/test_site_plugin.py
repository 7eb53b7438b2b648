"""The MkDocs plugin, tested by real ``mkdocs build --strict`` runs of small projects and sample_site."""

from __future__ import annotations

import re
from pathlib import Path

from agent_ready import measure
from conftest import mkdocs_build
from llms_txt import parse_llms_file

from llmsdocs.llmstxt import one_line
from llmsdocs.manifest import load_manifest


def test_plugin_build_is_agent_ready(mkdocs_built: Path) -> None:
    """Every content page has a clean twin; llms.txt parses, lists all pages with descriptions."""
    site = mkdocs_built / "site"
    figures = measure(site)
    assert figures.bad_twins == {}
    assert figures.meets_bars(), figures.line()
    assert figures.listed == figures.pages == 7
    assert figures.described == 7


def test_plugin_llms_txt_round_trips_through_the_reference_parser(mkdocs_built: Path) -> None:
    """Title, summary, every nav section (in nav order) and every description survive parsing."""
    site = mkdocs_built / "site"
    manifest = load_manifest(site)
    assert manifest is not None
    parsed = parse_llms_file((site / "llms.txt").read_text(encoding="utf-8"))
    assert parsed.title == "Lantern"
    assert parsed.summary == "Lantern is a tiny job queue for Python services."
    assert list(parsed.sections) == ["Home", "Guide", "Reference", "Optional"]
    by_url = {manifest.site_url + r.twin: r for r in manifest.pages.values()}
    for links in parsed.sections.values():
        for link in links:
            record = by_url[link["url"]]
            assert link["title"] == record.title
            assert link["desc"] == one_line(record.description)
    descriptions = [link["desc"] for links in parsed.sections.values() for link in links]
    # Material repeats site_description on pages without their own: that is not a description.
    assert descriptions.count(parsed.summary) <= 1
    assert len(set(descriptions)) == len(descriptions)
    assert [link["title"] for link in parsed.sections["Optional"]] == ["Changelog"]
    assert [link["title"] for link in parsed.sections["Guide"]] == ["User guide", "Queues", "Retries"]


def test_plugin_excludes_non_content_pages_and_records_sources(mkdocs_built: Path) -> None:
    """404 and exclude-globbed pages get no twin; the manifest knows each page's source file."""
    site = mkdocs_built / "site"
    manifest = load_manifest(site)
    assert manifest is not None
    assert manifest.excluded["404.html"] == "404"
    assert manifest.excluded["drafts/scheduling/index.html"].startswith("exclude glob")
    assert not (site / "404.html.md").exists()
    assert not (site / "drafts/scheduling/index.html.md").exists()
    assert manifest.pages["install/index.html"].source_path == "docs/install.md"
    assert manifest.pages["guide/queues/index.html"].source_path == "docs/guide/queues.md"


def test_plugin_adds_one_marked_head_link_per_page(mkdocs_built: Path) -> None:
    """on_post_page adds exactly one <link rel=alternate type=text/markdown> to content pages."""
    site = mkdocs_built / "site"
    html = (site / "guide/queues/index.html").read_text(encoding="utf-8")
    links = re.findall(r'<link rel="alternate" type="text/markdown" href="([^"]+)" data-llmsdocs>', html)
    assert links == ["https://docs.lantern.example/guide/queues/index.html.md"]
    manifest = load_manifest(site)
    assert manifest is not None and manifest.edited["guide/queues/index.html"] == ["head-link"]


def test_plugin_twins_keep_tabs_code_and_tables(mkdocs_built: Path) -> None:
    """A Material page with content tabs and a table keeps both code blocks and the table."""
    twin = (mkdocs_built / "site/guide/queues/index.html.md").read_text(encoding="utf-8")
    assert twin.startswith("# Queues\n")
    assert 'q = Queue("emails")' in twin
    assert "lantern enqueue emails send_welcome" in twin
    assert re.search(r"\|\s*`?max_size`?\s*\|", twin)


def test_missing_site_url_is_a_one_line_plugin_error(mkdocs_project: Path) -> None:
    config = mkdocs_project / "mkdocs.yml"
    config.write_text(re.sub(r"^site_url:.*\n", "", config.read_text(), flags=re.M), encoding="utf-8")
    result = mkdocs_build(mkdocs_project, check=False)
    assert result.returncode != 0
    assert "llmsdocs: site_url is required" in result.stderr
    assert "Traceback" not in result.stderr


def test_strict_build_counts_llmsdocs_warnings(mkdocs_project: Path) -> None:
    """A twin over its budget is a MkDocs warning: --strict aborts, a plain build passes."""
    config = mkdocs_project / "mkdocs.yml"
    text = config.read_text().replace("      exclude:", "      budgets:\n        twin_warn: 50\n      exclude:")
    config.write_text(text, encoding="utf-8")
    strict = mkdocs_build(mkdocs_project, check=False)
    assert strict.returncode == 1
    assert "above the twin budget of 50" in strict.stderr
    assert "Traceback" not in strict.stderr
    import subprocess
    import sys

    plain = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(config)], capture_output=True, text=True
    )
    assert plain.returncode == 0, plain.stderr
    assert (mkdocs_project / "site/llms.txt").is_file()


def test_sample_site_builds_agent_ready(sample_built: Path) -> None:
    """sample_site (the README's command): all pages twinned and listed, sections = its nav."""
    site = sample_built / "site"
    figures = measure(site)
    assert figures.bad_twins == {}
    assert figures.meets_bars(), figures.line()
    parsed = parse_llms_file((site / "llms.txt").read_text(encoding="utf-8"))
    assert parsed.title == "Tidepool Docs"
    assert list(parsed.sections) == ["Home", "Concepts", "How-to guides", "SDKs", "API", "Reference"]
    assert figures.pages >= 15
