"""The public API is exactly what users and CI scripts rely on, and importing it stays light."""

from __future__ import annotations

import inspect
import subprocess
import sys

import llmsdocs

PUBLIC = {
    "BuildOptions", "ConvertedPage", "CurlifyResult", "Finding", "InputError", "LintOptions",
    "LlmsdocsError", "Spec", "SpecError", "StepDecision", "UiStep", "__version__", "build_site",
    "convert", "convert_page", "curlify", "detect_steps", "lint_site", "load_spec",
}


def test_all_lists_exactly_the_public_names() -> None:
    assert set(llmsdocs.__all__) == PUBLIC


def test_every_public_name_resolves() -> None:
    for name in llmsdocs.__all__:
        assert getattr(llmsdocs, name) is not None, name


def test_convert_keeps_its_contract_signature() -> None:
    params = inspect.signature(llmsdocs.convert_page).parameters
    assert list(params)[:2] == ["html", "url"]
    assert params["url"].default is None
    out = llmsdocs.convert("<html><body><main><h1>T</h1><p>x</p></main></body></html>")
    assert out.startswith("# T")


def test_input_error_is_a_value_error_under_the_root() -> None:
    assert issubclass(llmsdocs.InputError, ValueError)
    assert issubclass(llmsdocs.InputError, llmsdocs.LlmsdocsError)


def test_import_does_not_load_heavy_modules() -> None:
    """`llmsdocs --help` must start fast: the curl/lint/site stages load only when used."""
    code = (
        "import sys, llmsdocs, llmsdocs.cli;"
        "heavy = [m for m in ('yaml', 'jsonschema', 'jinja2', 'markdown_it', 'llms_txt',"
        " 'snowballstemmer', 'mkdocs', 'bs4') if m in sys.modules];"
        "print(','.join(heavy))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
