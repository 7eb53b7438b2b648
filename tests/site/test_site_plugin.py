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
    # Pages were converted in worker processes while MkDocs rendered the others.
    assert "7 pages (7 converted (7 while rendering), 0 unchanged, 0 failed)" in (
        mkdocs_built / "build.log"
    ).read_text(encoding="utf-8")


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
    # An HTML file copied from docs/ as a static file is not a page MkDocs rendered.
    assert manifest.excluded["embed/demo.html"] == "static file"
    assert not (site / "embed/demo.html.md").exists()
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
    # mkdocs.yml sets `openapi: openapi.yaml`: dashboard steps got their curl call in the twins.
    assert "curl -X POST" in (site / "how-to/create-a-project/index.html.md").read_text(encoding="utf-8")


def test_mkdocs_serve_serves_twins_and_llms_txt(mkdocs_project: Path) -> None:
    """``mkdocs serve``: the plugin runs on the dev server's build; twins are served over HTTP."""
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}",
         "-f", str(mkdocs_project / "mkdocs.yml")],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}/"
        twin = None
        deadline = time.monotonic() + 60
        while twin is None and time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(base + "guide/retries/index.html.md", timeout=2) as response:
                    twin = response.read().decode("utf-8")
            except OSError:
                time.sleep(0.3)
        assert twin is not None, "mkdocs serve never served the twin"
        assert twin.startswith("# Retries\n")
        with urllib.request.urlopen(base + "llms.txt", timeout=5) as response:
            assert parse_llms_file(response.read().decode("utf-8")).title == "Lantern"
        with urllib.request.urlopen(base + "guide/retries/", timeout=5) as response:
            page = response.read().decode("utf-8")
        assert f'href="{base}guide/retries/index.html.md" data-llmsdocs>' in page
    finally:
        server.terminate()
        server.communicate(timeout=30)


def test_budget_fail_policy_is_a_one_line_plugin_error(mkdocs_project: Path) -> None:
    config = mkdocs_project / "mkdocs.yml"
    text = config.read_text().replace(
        "      exclude:", "      budgets:\n        full_max_chars: 100\n        policy: fail\n      exclude:"
    )
    config.write_text(text, encoding="utf-8")
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(config)], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "llmsdocs: llms-full.txt:" in result.stderr and "above the budget of 100" in result.stderr
    assert "Traceback" not in result.stderr


def test_lint_true_reports_findings_as_mkdocs_warnings_at_their_source(mkdocs_project: Path) -> None:
    """``lint: true`` runs the lint after the build; a finding is a warning naming the source line."""
    import subprocess
    import sys

    (mkdocs_project / "docs/guide/dashboard.md").write_text(
        "# Pause a queue\n\nPausing stops workers from taking new jobs.\n\n"
        "1. Open the **Queues** page.\n2. Click **Pause** next to the queue.\n",
        encoding="utf-8",
    )
    config = mkdocs_project / "mkdocs.yml"
    config.write_text(config.read_text().replace("      optional:", "      lint: true\n      optional:"), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(config)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    lint_lines = [line for line in result.stderr.splitlines() if "llmsdocs lint: " in line]
    assert any(
        "docs/guide/dashboard.md:6:" in line and "[ui-step-without-api, warning]" in line for line in lint_lines
    ), lint_lines
    assert all(line.startswith("WARNING") for line in lint_lines)


def test_plugin_with_one_job_converts_in_process_while_rendering(mkdocs_project: Path) -> None:
    """``jobs: 1``: no worker processes; pages are converted as MkDocs renders them."""
    config = mkdocs_project / "mkdocs.yml"
    config.write_text(config.read_text().replace("      optional:", "      jobs: 1\n      optional:"), encoding="utf-8")
    result = mkdocs_build(mkdocs_project)
    assert "7 pages (7 converted (7 while rendering), 0 unchanged, 0 failed)" in result.stderr
    assert measure(mkdocs_project / "site").meets_bars()
