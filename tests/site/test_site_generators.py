"""``llmsdocs build`` on pages of every generator (tests/generators: real builds, committed).

Each generator's two pages are laid out at their built paths, as in the real site, so the
navigation links inside them resolve the way they do on the web.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from agent_ready import measure
from conftest import REPO
from test_site_build_cli import LLMSDOCS
from conftest import run

GENERATORS = REPO / "tests" / "generators"
SITES = sorted(d for d in GENERATORS.iterdir() if d.is_dir() and list(d.glob("*.html")))
EXPECTED = {
    "docusaurus": "docusaurus",
    "hugo": "hugo",
    "jekyll": "jekyll",
    "mkdocs-material": "material",
    "mkdocs-mkdocs": "mkdocs",
    "mkdocs-readthedocs": "mkdocs",
    "mkdocs-shadcn": "mkdocs",
    "sphinx": "sphinx",
    "starlight": "starlight",
    "vitepress": "vitepress",
}


def _expected(name: str) -> str:
    return next(v for k, v in EXPECTED.items() if name.startswith(k))


@pytest.mark.parametrize("source", SITES, ids=[d.name for d in SITES])
def test_generator_site_is_agent_ready(source: Path, tmp_path: Path) -> None:
    info = json.loads((source / "site.json").read_text(encoding="utf-8"))
    site = tmp_path / "site"
    for name, page in info["pages"].items():
        target = site / page["built_path"]
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source / f"{name}.html", target)
    result = run(LLMSDOCS, "build", site, "--site-url", info["base_url"], check=False)
    assert result.returncode == 0, result.stderr
    figures = measure(site)
    assert figures.bad_twins == {}
    assert figures.meets_bars(), figures.line()
    assert figures.pages == len(info["pages"])
    manifest = json.loads((site / ".llmsdocs-manifest.json").read_text(encoding="utf-8"))
    assert manifest["generator"] == _expected(source.name)


def test_directory_tree_fallback_groups_by_url_directory() -> None:
    """Without navigation: ``guide/index.html`` is a root page; ``concepts/`` with children heads
    its own section, named by its index page's title."""
    from llmsdocs.llmstxt import Entry, plan_sections

    paths = ["index.html", "guide/index.html", "concepts/index.html", "concepts/b/index.html",
             "concepts/a/index.html", "zeta.html"]
    titles = {"concepts/index.html": "Core concepts"}
    entries = {p: Entry(p, titles.get(p, p), "u" + p, "p" + p, p + ".md") for p in paths}
    sections, order = plan_sections([], entries)
    assert [(s.name, [e.page for e in s.entries]) for s in sections] == [
        ("Docs", ["index.html", "guide/index.html", "zeta.html"]),
        ("Core concepts", ["concepts/index.html", "concepts/a/index.html", "concepts/b/index.html"]),
    ]
    assert [e.page for e in order] == [p for s in sections for p in [e.page for e in s.entries]]
