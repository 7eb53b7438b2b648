"""The ``llmsdocs`` command line: parse options, call the core, print. No logic of its own."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import click

from llmsdocs import __version__
from llmsdocs.errors import LlmsdocsError

F = TypeVar("F", bound=Callable[..., Any])


def user_errors(func: F) -> F:
    """Turn an :class:`LlmsdocsError` into click's one-line error with exit code 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except LlmsdocsError as exc:
            raise click.ClickException(str(exc)) from None

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="llmsdocs")
def main() -> None:
    """Make a documentation site readable and usable by LLM agents.

    \b
    convert  HTML pages -> clean markdown
    build    a built site -> .md twins, llms.txt, llms-full.txt
    curlify  UI steps in markdown -> equivalent curl calls (OpenAPI)
    lint     check a built site is agent-ready (for docs CI)
    """
