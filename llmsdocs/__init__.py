"""llmsdocs: documentation that LLM agents can read and use."""

from __future__ import annotations

from llmsdocs import convert
from llmsdocs.convert import ConvertedPage, convert_page
from llmsdocs.errors import InputError, LlmsdocsError

__version__ = "0.1.0"

__all__ = ["ConvertedPage", "InputError", "LlmsdocsError", "__version__", "convert", "convert_page"]
