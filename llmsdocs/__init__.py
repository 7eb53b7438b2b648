"""llmsdocs: documentation that LLM agents can read and use."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from llmsdocs import convert
from llmsdocs.config import BuildOptions
from llmsdocs.convert import ConvertedPage, convert_page
from llmsdocs.errors import InputError, LlmsdocsError, SpecError

if TYPE_CHECKING:
    from llmsdocs.lint import Finding, LintOptions, lint_site
    from llmsdocs.openapi import Spec, load_spec
    from llmsdocs.pipeline import build as build_site
    from llmsdocs.rewrite import CurlifyResult, StepDecision, curlify
    from llmsdocs.steps import UiStep, detect_steps

# Names that load on first use: `llmsdocs --help` must not pay for markdown-it, PyYAML, the
# OpenAPI index, jinja2 or the llms.txt reference parser. Value: (module, attribute in it).
_LAZY = {
    "Spec": ("llmsdocs.openapi", "Spec"),
    "load_spec": ("llmsdocs.openapi", "load_spec"),
    "CurlifyResult": ("llmsdocs.rewrite", "CurlifyResult"),
    "StepDecision": ("llmsdocs.rewrite", "StepDecision"),
    "curlify": ("llmsdocs.rewrite", "curlify"),
    "UiStep": ("llmsdocs.steps", "UiStep"),
    "detect_steps": ("llmsdocs.steps", "detect_steps"),
    "build_site": ("llmsdocs.pipeline", "build"),
    "Finding": ("llmsdocs.lint", "Finding"),
    "LintOptions": ("llmsdocs.lint", "LintOptions"),
    "lint_site": ("llmsdocs.lint", "lint_site"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attribute = _LAZY[name]
        return getattr(importlib.import_module(module), attribute)
    raise AttributeError(f"module 'llmsdocs' has no attribute {name!r}")


__version__ = "0.1.0"

__all__ = [
    "BuildOptions",
    "ConvertedPage",
    "CurlifyResult",
    "Finding",
    "InputError",
    "LintOptions",
    "LlmsdocsError",
    "Spec",
    "SpecError",
    "StepDecision",
    "UiStep",
    "__version__",
    "build_site",
    "convert",
    "convert_page",
    "curlify",
    "detect_steps",
    "lint_site",
    "load_spec",
]
