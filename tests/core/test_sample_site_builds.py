"""sample_site builds with a strict, plain MkDocs + Material build, and every nav page is built.

The llmsdocs plugin is removed from a copy of ``mkdocs.yml`` so that this test checks the sample
site itself (its pages, nav, links and anchors) and not the plugin, whose own tests build the
site with the plugin on. ``mkdocs.yml`` turns on MkDocs' link and anchor validation as warnings,
so ``--strict`` fails on a dead internal link or anchor, a missing image or a page left out of
the nav.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

SAMPLE_SITE = Path(__file__).resolve().parents[2] / "sample_site"


class _NavLoader(yaml.SafeLoader):
    """Safe YAML loader that reads mkdocs.yml, ignoring ``!!python/name:`` and ``!ENV`` tags."""


_NavLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_NavLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def _nav_pages(nav: Any) -> list[str]:
    """Every markdown path of a MkDocs ``nav:`` value, in nav order."""
    if isinstance(nav, str):
        return [nav] if nav.endswith(".md") else []
    if isinstance(nav, dict):
        return [page for value in nav.values() for page in _nav_pages(value)]
    if isinstance(nav, list):
        return [page for item in nav for page in _nav_pages(item)]
    return []


def _built_path(page: str) -> str:
    """Where MkDocs writes a page (directory URLs): ``a/b.md`` -> ``a/b/index.html``."""
    stem = page[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem + ".html"
    return stem + "/index.html"


def _without_llmsdocs(config_text: str) -> str:
    """mkdocs.yml with the ``llmsdocs`` plugin entry (and any options under it) removed."""
    lines = config_text.splitlines()
    out: list[str] = []
    skip_indent: int | None = None
    for line in lines:
        indent = len(line) - len(line.lstrip())
        if skip_indent is not None:
            if line.strip() and indent <= skip_indent:
                skip_indent = None
            else:
                continue
        if re.match(r"\s*-\s*llmsdocs\s*:?\s*$", line):
            skip_indent = indent
            continue
        out.append(line)
    return "\n".join(out) + "\n"


def test_without_llmsdocs_removes_the_plugin_and_its_options() -> None:
    text = (
        "plugins:\n  - search\n  - llmsdocs:\n      openapi: ../openapi.yaml\n  - tags\nnav: []\n"
    )
    assert _without_llmsdocs(text) == "plugins:\n  - search\n  - tags\nnav: []\n"


def test_sample_site_builds_strict_with_every_nav_page(tmp_path: Path) -> None:
    config_text = (SAMPLE_SITE / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^\s*-\s*llmsdocs\b", config_text, re.MULTILINE), (
        "sample_site must enable llmsdocs"
    )
    config = yaml.load(config_text, Loader=_NavLoader)
    assert config["site_url"] == "https://docs.tidepool.dev/"

    nav_pages = _nav_pages(config["nav"])
    docs_dir = SAMPLE_SITE / "docs"
    source_pages = sorted(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md"))
    assert sorted(nav_pages) == source_pages, "nav and docs/ must list the same pages"
    assert len(nav_pages) == len(set(nav_pages)), "a page is listed twice in the nav"

    plain_config = tmp_path / "mkdocs.yml"
    plain_config.write_text(
        _without_llmsdocs(config_text) + f"docs_dir: {json.dumps(docs_dir.as_posix())}\n",
        encoding="utf-8",
    )
    site_dir = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"]
        + ["-f", str(plain_config), "-d", str(site_dir)],
        check=False,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr

    for page in nav_pages:
        built = site_dir / _built_path(page)
        assert built.is_file(), f"{page} was not built at {built}"
        html = built.read_text(encoding="utf-8")
        assert re.search(r"<h1[ >]", html), f"{page} has no H1"
