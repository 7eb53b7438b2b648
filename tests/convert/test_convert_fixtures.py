"""Converter rules stated as fixture-file cases (tests/convert/fixtures/*.txt)."""

from __future__ import annotations

import pytest
from convert_cases import fixture_params

from llmsdocs import convert


@pytest.mark.parametrize(("source", "expected"), fixture_params("blocks.txt"))
def test_convert_blocks(source: str, expected: str) -> None:
    assert convert(source, "https://docs.example.com/a/") == expected + "\n"


@pytest.mark.parametrize(("source", "expected"), fixture_params("constructs.txt"))
def test_convert_constructs(source: str, expected: str) -> None:
    assert convert(source, "https://d.org/p/") == expected + "\n"
