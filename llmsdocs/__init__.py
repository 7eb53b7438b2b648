"""llmsdocs: documentation that LLM agents can read and use."""

from __future__ import annotations

from typing import Any

from llmsdocs import convert
from llmsdocs.config import BuildOptions
from llmsdocs.convert import ConvertedPage, convert_page
from llmsdocs.errors import InputError, LlmsdocsError

__version__ = "0.1.0"

__all__ = [
    "BuildOptions",
    "ConvertedPage",
    "InputError",
    "LlmsdocsError",
    "__version__",
    "build_site",
    "convert",
    "convert_page",
]


def __getattr__(name: str) -> Any:
    """``build_site`` (llmsdocs.pipeline.build) is imported on first use: it pulls in jinja2,
    which ``llmsdocs --help`` and ``convert`` do not need."""
    if name == "build_site":
        from llmsdocs.pipeline import build

        return build
    raise AttributeError(f"module 'llmsdocs' has no attribute {name!r}")
