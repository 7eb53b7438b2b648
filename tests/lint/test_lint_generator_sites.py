"""Zero noise across generators: real pages built by Docusaurus, Hugo, Jekyll, MkDocs (three
themes), Sphinx (five themes), Starlight and VitePress (tests/generators), laid out as their
site and built by ``llmsdocs build``, lint with no finding at all."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from llmsdocs.cli import main
from llmsdocs.lint import lint

GENERATORS = Path(__file__).parents[1] / "generators"
SITES = sorted(d for d in GENERATORS.iterdir() if d.is_dir() and list(d.glob("*.html")))


@pytest.mark.parametrize("source", SITES, ids=[d.name for d in SITES])
def test_site_built_by_llmsdocs_has_no_finding(source: Path, tmp_path: Path) -> None:
    info = json.loads((source / "site.json").read_text(encoding="utf-8"))
    site = tmp_path / "site"
    for name, page in info["pages"].items():
        target = site / page["built_path"]
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source / f"{name}.html", target)
    build = CliRunner().invoke(main, ["build", str(site), "--site-url", info["base_url"]])
    assert build.exit_code == 0, build.output
    findings = lint(site).findings
    assert [f"{f.rule} {f.path}:{f.line} {f.message}" for f in findings] == []
