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


# --- convert (branch `convert`) --------------------------------------------------------------
@main.command("convert")
@click.argument("src", type=click.Path(exists=True, allow_dash=True, path_type=str))
@click.argument("out", required=False, type=click.Path(path_type=str))
@click.option("--url", help="Public URL of the page (SRC is a file): links become absolute.")
@click.option("--site-url", help="Public URL of the site (SRC is a folder): links become absolute.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=1, show_default=True,
              help="Worker processes for a folder (0 = one per core).")
@user_errors
def convert_command(src: str, out: str | None, url: str | None, site_url: str | None,
                    jobs: int) -> None:
    """Convert built HTML pages to clean markdown (main content only, no chrome).

    \b
    SRC a page:    print its markdown, or write it to OUT.
    SRC a folder:  write OUT/x.html.md for every x.html, mirroring the tree
                   (without OUT: beside the pages).
    SRC "-":       read a page from stdin.
    """
    import sys
    from pathlib import Path

    from llmsdocs.convert import convert
    from llmsdocs.convert.files import convert_file, convert_tree, iter_pages, page_url
    from llmsdocs.writer import atomic_write

    if src == "-":
        markdown = convert(sys.stdin.buffer.read(), url, path="<stdin>")
    elif Path(src).is_dir():
        target = Path(out) if out else Path(src)
        total = sum(1 for _ in iter_pages(Path(src)))
        with click.progressbar(length=total, label="converting", file=sys.stderr) as bar:
            result = convert_tree(Path(src), target, site_url=site_url, jobs=jobs,
                                  progress=bar.update)
        for failure in result.failures:
            click.echo(f"Error: {failure}", err=True)
        click.echo(f"{len(result.written)} page(s) converted into {target}", err=True)
        if result.failures:
            sys.exit(1)
        return
    else:
        page = url or page_url(site_url, Path(src).name)
        markdown = convert_file(Path(src), page)
    if out:
        atomic_write(Path(out).resolve(), markdown)
    else:
        click.echo(markdown, nl=False)
