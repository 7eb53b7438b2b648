"""Fixtures of the site-build tests: real sites built by real generators, in temp folders.

The sources live in ``tests/site/projects/``; each fixture copies one and builds it with the
generator's own command line (``mkdocs build``, ``sphinx-build``), so the assertions run on
real generator output, never on hand-written HTML.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROJECTS = Path(__file__).parent / "projects"
REPO = Path(__file__).resolve().parents[2]
SAMPLE_SITE = REPO / "sample_site"


def run(*args: str | Path, cwd: Path | None = None, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run a command with this interpreter's environment; output captured as text."""
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, capture_output=True, text=True, check=check, timeout=300
    )


def mkdocs_build(project: Path, *extra: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` of a project (its plugin list includes llmsdocs)."""
    return run(sys.executable, "-m", "mkdocs", "build", "--strict", "-f", project / "mkdocs.yml", *extra, check=check)


def sphinx_build(source: Path, out: Path) -> Path:
    run(sys.executable, "-m", "sphinx", "-b", "html", "-q", source, out)
    return out


@pytest.fixture
def mkdocs_project(tmp_path: Path) -> Path:
    """A copy of the small MkDocs Material project (not built yet)."""
    target = tmp_path / "mkdocs_small"
    shutil.copytree(PROJECTS / "mkdocs_small", target)
    return target


@pytest.fixture(scope="session")
def mkdocs_built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small MkDocs project built once with the plugin; returns the project folder."""
    target = tmp_path_factory.mktemp("mkdocs") / "mkdocs_small"
    shutil.copytree(PROJECTS / "mkdocs_small", target)
    result = mkdocs_build(target)
    (target / "build.log").write_text(result.stderr, encoding="utf-8")
    return target


@pytest.fixture(scope="session")
def sample_built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """sample_site built with the plugin (as in the README); returns the project folder."""
    target = tmp_path_factory.mktemp("sample") / "sample_site"
    shutil.copytree(SAMPLE_SITE, target, ignore=shutil.ignore_patterns("site"))
    mkdocs_build(target)
    return target


@pytest.fixture(scope="session")
def sphinx_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small Sphinx project built once, untouched by llmsdocs (copy it before building)."""
    return sphinx_build(PROJECTS / "sphinx_small", tmp_path_factory.mktemp("sphinx") / "html")


@pytest.fixture
def sphinx_site(sphinx_html: Path, tmp_path: Path) -> Path:
    """A fresh copy of the built Sphinx site, for a test to run ``llmsdocs build`` on."""
    target = tmp_path / "html"
    shutil.copytree(sphinx_html, target)
    return target
