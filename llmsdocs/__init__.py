"""llmsdocs: documentation that LLM agents can read and use."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from llmsdocs import convert
from llmsdocs.convert import ConvertedPage, convert_page
from llmsdocs.errors import InputError, LlmsdocsError, SpecError

if TYPE_CHECKING:
    from llmsdocs.lint import Finding, LintOptions, lint_site
    from llmsdocs.openapi import Spec, load_spec
    from llmsdocs.rewrite import CurlifyResult, StepDecision, curlify
    from llmsdocs.steps import UiStep, detect_steps

# curl-instead-of-click and lint names load on first use: `llmsdocs --help` must not pay for
# markdown-it, PyYAML, the OpenAPI index or the llms.txt reference parser.
_LAZY = {
    "Spec": "llmsdocs.openapi",
    "load_spec": "llmsdocs.openapi",
    "CurlifyResult": "llmsdocs.rewrite",
    "StepDecision": "llmsdocs.rewrite",
    "curlify": "llmsdocs.rewrite",
    "UiStep": "llmsdocs.steps",
    "detect_steps": "llmsdocs.steps",
    "Finding": "llmsdocs.lint",
    "LintOptions": "llmsdocs.lint",
    "lint_site": "llmsdocs.lint",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'llmsdocs' has no attribute {name!r}")


__version__ = "0.1.0"

__all__ = [
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
    "convert",
    "convert_page",
    "curlify",
    "detect_steps",
    "lint_site",
    "load_spec",
]
