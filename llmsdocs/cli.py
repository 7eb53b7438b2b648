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


# --- curlify (curl instead of click) -------------------------------------------------------------
@main.command("curlify")
@click.argument("page", type=click.Path(exists=True, dir_okay=False))
@click.option("--openapi", "spec_path", required=True, type=click.Path(exists=True, dir_okay=False),
              help="The product's OpenAPI 3.0/3.1 description (YAML or JSON).")
@click.option("--mode", type=click.Choice(["append", "replace"]), default="append", show_default=True,
              help="Put the curl block after the step's list, or in its place.")
@click.option("--report", "report_path", type=click.Path(dir_okay=False),
              help="Write every decision as JSON here instead of listing unmatched steps on stderr.")
@click.option("--hints/--no-hints", default=True, show_default=True,
              help="Use API calls stated in the page's agent-only blocks (e.g. MDX <If is=\"llm\">).")
@user_errors
def curlify_command(page: str, spec_path: str, mode: str, report_path: str | None, hints: bool) -> None:
    """Print PAGE (markdown/MDX) with a curl call after each UI procedure that has one.

    Steps are matched to operations of the OpenAPI spec; a step is left alone when no operation
    fits or the matcher is unsure (a wrong curl is worse than none). Pin a block with
    <!-- llmsdocs: curl OPERATION_ID --> or <!-- llmsdocs: curl none --> above it. Exit code 0
    whether or not steps matched; 1 for an unreadable page or a bad spec.
    """
    from llmsdocs.rewrite import curlify_file

    markdown, report = curlify_file(page, spec_path, mode=mode, use_hints=hints)
    click.echo(markdown, nl=not markdown.endswith("\n"))
    if report_path:
        from pathlib import Path

        from llmsdocs.writer import atomic_write

        atomic_write(Path(report_path), report.to_json())
    else:
        for line in report.unmatched_lines():
            click.echo(line, err=True)
