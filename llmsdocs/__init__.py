"""llmsdocs: documentation that LLM agents can read and use."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from llmsdocs import convert
from llmsdocs.convert import ConvertedPage, convert_page
from llmsdocs.errors import InputError, LlmsdocsError, SpecError

if TYPE_CHECKING:
    from llmsdocs.openapi import Spec, load_spec
    from llmsdocs.rewrite import CurlifyResult, StepDecision, curlify
    from llmsdocs.steps import UiStep, detect_steps

__version__ = "0.1.0"

# curl-instead-of-click names load on first use: importing llmsdocs must not pay for the
# OpenAPI index, PyYAML and jsonschema.
_LAZY = {
    "Spec": "llmsdocs.openapi",
    "load_spec": "llmsdocs.openapi",
    "CurlifyResult": "llmsdocs.rewrite",
    "StepDecision": "llmsdocs.rewrite",
    "curlify": "llmsdocs.rewrite",
    "UiStep": "llmsdocs.steps",
    "detect_steps": "llmsdocs.steps",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'llmsdocs' has no attribute {name!r}")


__all__ = [
    "ConvertedPage",
    "CurlifyResult",
    "InputError",
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
    "load_spec",
]
