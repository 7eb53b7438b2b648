"""llmsdocs: documentation that LLM agents can read and use."""

from __future__ import annotations

from llmsdocs.errors import InputError, LlmsdocsError

__version__ = "0.1.0"

__all__ = ["InputError", "LlmsdocsError", "__version__"]
