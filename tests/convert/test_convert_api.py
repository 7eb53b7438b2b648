"""The public converter API: llmsdocs.convert is a function and a package at once."""

from __future__ import annotations

from pathlib import Path

import pytest

import llmsdocs
from llmsdocs.convert import ConvertedPage, convert, convert_page

GENERATORS = Path(__file__).resolve().parents[1] / "generators"


def test_convert_api_names() -> None:
    assert llmsdocs.convert("<main><h1>A</h1></main>") == "# A\n"
    assert llmsdocs.convert.convert_page is convert_page
    assert convert("<p>x</p>", None) == llmsdocs.convert("<p>x</p>")
    assert {"convert", "convert_page", "ConvertedPage"} <= set(llmsdocs.__all__)


def test_convert_unknown_option_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        convert_page("<p>x</p>", None, colour="red")


def test_convert_page_reports_title_description_generator() -> None:
    html = (GENERATORS / "mkdocs-material" / "guide.html").read_bytes()
    page = convert_page(html, "https://lumen.example.com/guide/")
    assert isinstance(page, ConvertedPage)
    assert page.title == "Getting started with Lumen"
    assert page.generator == "material"
    assert page.description and "\n" not in page.description
    assert page.markdown.startswith("# Getting started with Lumen\n")


@pytest.mark.parametrize(("folder", "generator"), [
    ("mkdocs-material", "material"), ("mkdocs-mkdocs", "mkdocs"), ("mkdocs-readthedocs", "mkdocs"),
    ("sphinx-furo", "sphinx"), ("sphinx-rtd", "sphinx"), ("sphinx-alabaster", "sphinx"),
    ("sphinx-pydata", "sphinx"), ("sphinx-book", "sphinx"), ("docusaurus-classic", "docusaurus"),
    ("vitepress-default", "vitepress"), ("hugo-minimal", "hugo"), ("jekyll-minima", "jekyll"),
])
def test_convert_detects_the_generator(folder: str, generator: str) -> None:
    page = convert_page((GENERATORS / folder / "guide.html").read_bytes(), None)
    assert page.generator == generator


def test_convert_selector_option_overrides_detection() -> None:
    html = "<body><main><h1>M</h1><p>main text</p></main><div class='doc'><p>doc text</p></div></body>"
    out = convert(html, None, selector="div.doc")
    assert "doc text" in out and "main text" not in out
