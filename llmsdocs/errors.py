"""The one error family users see: every message is ``path: reason`` on one line."""

from __future__ import annotations


class LlmsdocsError(Exception):
    """Root of every error llmsdocs raises for a user's mistake or bad input.

    The CLI turns it into one line and exit code 1; the MkDocs plugin into a ``PluginError``.
    """

    def __init__(self, path: str | None, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}" if path else reason)


class InputError(LlmsdocsError, ValueError):
    """The input is not something we can read (binary, not HTML, not markdown, unreadable)."""


class ConfigError(LlmsdocsError):
    """An option or configuration file is invalid."""


class SpecError(LlmsdocsError):
    """An OpenAPI description cannot be read or is not valid enough to build calls from."""


class WriteError(LlmsdocsError):
    """An output cannot be written safely (outside the output folder, not ours to overwrite)."""
