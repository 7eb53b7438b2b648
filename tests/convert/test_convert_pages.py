"""Golden outputs for real pages of generators and themes beyond tests/generators.

Pages are built by ``tests/convert/pages/build.sh`` from ``pages/src`` (Asciidoctor, pandoc,
MkDocs Material + mkdocstrings, Sphinx autodoc under four more themes, a Hugo list page). ``<page>.md`` is the
reviewed output; rewrite with ``pytest --update-goldens`` and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from llmsdocs import convert_page

PAGES = Path(__file__).parent / "pages"
URL = "https://api.example.com/"
GENERATOR = {"asciidoctor": "asciidoctor", "pandoc": None, "mkdocstrings": "material", "hugo": "hugo",
             "sphinx": "sphinx"}


@pytest.mark.parametrize("page", sorted(PAGES.glob("*.html")), ids=lambda p: p.stem)
def test_convert_real_page_matches_golden(page: Path, update_goldens: bool) -> None:
    result = convert_page(page.read_bytes(), URL)
    assert result.generator == GENERATOR[page.stem.split("-")[0]]
    golden = page.with_suffix(".md")
    if update_goldens:
        golden.write_text(result.markdown, encoding="utf-8")
    assert golden.exists(), f"no golden for {page.name}: run pytest --update-goldens and review"
    assert result.markdown == golden.read_text(encoding="utf-8")


def test_convert_sphinx_themes_agree_on_the_same_source() -> None:
    """furo, shibuya, sphinxawesome and pydata render one source: the markdown is the same."""
    outputs = {p.stem: convert_page(p.read_bytes(), URL).markdown
               for p in PAGES.glob("sphinx-autodoc-*.html")}
    assert len(outputs) == 4
    assert len(set(outputs.values())) == 1, list(outputs)
