"""The ``llmsdocs`` command line: parse options, call the core, print. No logic of its own."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
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




# --- build: a built site -> .md twins, llms.txt, llms-full.txt (llmsdocs/pipeline.py) ---------


@main.command("build")
@click.argument("site_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--site-url", help="Public URL of the site; llms.txt links are absolute under it.")
@click.option(
    "--openapi",
    type=click.Path(exists=True, dir_okay=False),
    help="OpenAPI spec: UI steps in the twins get their equivalent curl call.",
)
@click.option(
    "--config",
    "config_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="pyproject.toml ([tool.llmsdocs]) or llmsdocs.toml. Default: either, in the current folder.",
)
@click.option("--force", is_flag=True, default=None, help="Overwrite files llmsdocs did not write (a hand-made llms.txt).")
@click.option("--jobs", "-j", type=click.IntRange(min=0), help="Worker processes (default 0: one per core).")
@click.option("--exclude", multiple=True, help="Glob of pages that are not content pages (repeatable).")
@click.option("--optional", multiple=True, help="Glob of pages listed under '## Optional' (repeatable).")
@click.option("--site-name", help="Title of llms.txt (default: detected from the pages).")
@click.option("--summary", help="The '>' summary line of llms.txt (default: the home page description).")
@click.option("--full/--no-full", default=None, help="Write llms-full.txt (default: yes).")
@click.option("--aliases/--no-aliases", default=None, help="Also write guide.md beside guide/index.html.")
@click.option("--head-link/--no-head-link", default=None, help="Add <link rel=alternate type=text/markdown> to pages (default: yes).")
@click.option("--copy-button/--no-copy-button", default=None, help="Add a 'Copy page as Markdown' button (default: no).")
@click.option("--quiet", "-q", is_flag=True, help="Print only warnings, errors and the summary.")
@user_errors
def build_command(
    site_dir: Path,
    config_file: Path | None,
    exclude: tuple[str, ...],
    optional: tuple[str, ...],
    quiet: bool,
    **flags: Any,
) -> None:
    """Write .md twins, llms.txt and llms-full.txt into a built SITE_DIR (any generator).

    Every content page PAGE.html gets PAGE.html.md; llms.txt lists them in the site's own
    navigation order; a manifest (.llmsdocs-manifest.json) records what was written, so the
    next build only reconverts changed pages and removes twins of deleted pages. Exits 1 when
    a page could not be converted or a size budget was exceeded (after writing the rest).
    """
    from llmsdocs.config import load_options, override
    from llmsdocs.pipeline import Hooks, build

    options = load_options(config_file)
    extra: dict[str, Any] = {}
    if exclude:
        extra["exclude"] = [*options.exclude, *exclude]
    if optional:
        extra["optional"] = [*options.optional, *optional]
    options = override(options, **flags, **extra)

    def say(message: str) -> None:
        if not quiet:
            click.echo(message, err=True)

    hooks = Hooks(
        warning=lambda m: click.echo(f"warning: {m}", err=True),
        error=lambda m: click.echo(f"error: {m}", err=True),
        progress=say,
    )
    report = build(site_dir, options, hooks=hooks)
    for line in report.summary():
        click.echo(line)
    if report.exit_code:
        raise SystemExit(report.exit_code)


# --- curlify (curl instead of click) -------------------------------------------------------------
@main.command("curlify")
@click.argument("page", type=click.Path(exists=True, dir_okay=False))
@click.option("--openapi", "spec_path", required=True, type=click.Path(exists=True, dir_okay=False),
              help="The product's OpenAPI 3.0/3.1 description (YAML or JSON; a root file whose "
                   "$refs point into other local files is joined with them).")
@click.option("--mode", type=click.Choice(["append", "replace"]), default="append", show_default=True,
              help="Put the curl block after the step's list, or in its place.")
@click.option("--report", "report_path", type=click.Path(dir_okay=False),
              help="Write every decision as JSON here instead of listing unmatched steps on stderr.")
@click.option("--hints/--no-hints", default=True, show_default=True,
              help="Use API calls stated in the page's agent-only blocks (e.g. MDX <If is=\"llm\">).")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False),
              help="pyproject.toml or llmsdocs.toml whose [tool.llmsdocs] curl_overrides table "
                   "maps step text or labels to operationIds (or none).")
@user_errors
def curlify_command(
    page: str, spec_path: str, mode: str, report_path: str | None, hints: bool,
    config_path: str | None,
) -> None:
    """Print PAGE (markdown/MDX) with a curl call after each UI procedure that has one.

    Steps are matched to operations of the OpenAPI spec; a step is left alone when no operation
    fits or the matcher is unsure (a wrong curl is worse than none). Pin a block with
    <!-- llmsdocs: curl OPERATION_ID --> or <!-- llmsdocs: curl none --> above it. Exit code 0
    whether or not steps matched; 1 for an unreadable page or a bad spec.
    """
    from llmsdocs.rewrite import curlify_file

    overrides: dict[str, str] = {}
    if config_path:
        from pathlib import Path

        from llmsdocs.config import load_options

        overrides = load_options(Path(config_path)).curl_overrides
    markdown, report = curlify_file(
        page, spec_path, mode=mode, use_hints=hints, overrides=overrides
    )
    click.echo(markdown, nl=False)  # the page as it is, its last line included: only curls are added
    if report.spec_warning:
        click.echo(f"warning: {report.spec_warning}", err=True)
    if report_path:
        from pathlib import Path

        from llmsdocs.writer import atomic_write

        atomic_write(Path(report_path), report.to_json())
    else:
        for line in report.unmatched_lines():
            click.echo(line, err=True)


# --- lint (owner: lint) ----------------------------------------------------------------------
@main.command("lint")
@click.argument("targets", nargs=-1, metavar="SITE_DIR|LLMS_TXT...",
                type=click.Path(exists=True, dir_okay=True, file_okay=True, path_type=str))
@click.option("--site-url", metavar="URL",
              help="Public URL of the site (default: manifest, canonical link, sitemap.xml).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github", "sarif"]),
              default="text", show_default=True, help="Output format.")
@click.option("--fail-on", type=click.Choice(["error", "warning"]), default=None,
              help="Exit 1 when a finding is at least this severe (default: error).")
@click.option("--enable", multiple=True, metavar="RULE", help="Turn a rule on (repeatable).")
@click.option("--disable", multiple=True, metavar="RULE", help="Turn a rule off (repeatable).")
@click.option("--config", type=click.Path(exists=True, dir_okay=False, path_type=str),
              help="pyproject.toml ([tool.llmsdocs.lint]), llmsdocs.toml ([lint]) or mkdocs.yml (plugin options).")
@click.option("--list-rules", is_flag=True, help="Print the rules and exit.")
@click.option("--baseline", type=click.Path(dir_okay=False, path_type=str), metavar="FILE",
              help="Ignore the findings recorded in FILE; only new ones are reported.")
@click.option("--write-baseline", is_flag=True,
              help="Record the current findings into --baseline FILE and exit 0.")
@user_errors
def lint_command(targets: tuple[str, ...], site_url: str | None, fmt: str, fail_on: str | None,
                 enable: tuple[str, ...], disable: tuple[str, ...], config: str | None,
                 list_rules: bool, baseline: str | None, write_baseline: bool) -> None:
    """Check that a built site (SITE_DIR) or a lone llms.txt is agent-ready.

    \b
    SITE_DIR is a built site directory (twins, llms.txt, llms-full.txt, the llmsdocs
    manifest are read from it); LLMS_TXT a hand-written llms.txt (structure rules only).
    Several targets may be given (pre-commit passes the changed llms.txt files).
    Exit codes: 0 clean (or only findings below --fail-on), 1 findings at or above
    --fail-on or a bad input/config, 2 usage error.
    Suppress in page sources with <!-- llmsdocs-lint-disable-next-line RULE -->
    (MDX: {/* llmsdocs-lint-disable-next-line RULE */}), -disable-line, -disable-file.
    """
    import sys
    from pathlib import Path

    from llmsdocs.errors import ConfigError
    from llmsdocs.lint import Finding, lint, load_options
    from llmsdocs.lint.rules import check_rule_names
    from llmsdocs.lint.suppress import write_baseline as save_baseline
    from llmsdocs.report import format_findings, format_rules

    if list_rules:
        click.echo(format_rules(), nl=False)
        return
    if not targets:
        raise click.UsageError("Missing argument 'SITE_DIR|LLMS_TXT'.")
    check_rule_names([*enable, *disable], "--enable/--disable")
    options = load_options(Path(config) if config else None, Path.cwd())
    if site_url:
        options.site_url = site_url
    options.enable = [*options.enable, *enable]
    options.disable = [r for r in (*options.disable, *disable) if r not in enable]
    if fail_on:
        options.fail_on = fail_on  # type: ignore[assignment]
    if baseline:
        options.baseline = Path(baseline)
    written_to = options.baseline if write_baseline else None
    if write_baseline:
        if written_to is None:
            raise ConfigError("--write-baseline", "needs --baseline FILE")
        options.baseline = None
    cwd = Path.cwd().resolve()
    findings: list[Finding] = []
    all_findings: list[Finding] = []
    notes_count = [0, 0]
    prefix = ""
    for target in targets:
        path = Path(target)
        result = lint(path, options, name=target)
        findings += result.findings
        all_findings += result.all_findings
        notes_count[0] += result.suppressed
        notes_count[1] += result.baselined
        if path.is_dir():
            # github/sarif paths are relative to the repository (cwd): prefix the site folder.
            try:
                prefix = path.resolve().relative_to(cwd).as_posix()
            except ValueError:
                prefix = ""
            prefix = "" if prefix == "." else prefix
    if written_to is not None:
        count = save_baseline(written_to, all_findings)
        click.echo(f"{written_to}: recorded {count} finding(s)", err=True)
        return
    notes = []
    if notes_count[0]:
        notes.append(f"{notes_count[0]} suppressed")
    if notes_count[1]:
        notes.append(f"{notes_count[1]} in baseline")
    click.echo(format_findings(findings, fmt, colour=fmt == "text" and sys.stdout.isatty(),
                               site_prefix=prefix, summary=", ".join(notes)), nl=False)
    if any(f.severity == "error" or options.fail_on == "warning" for f in findings):
        sys.exit(1)


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
    from llmsdocs.convert.files import (
        convert_file,
        convert_tree,
        iter_pages,
        page_url,
        write_markdown,
    )

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
        write_markdown(markdown, Path(out), "stdin.html" if src == "-" else Path(src).name)
    else:
        click.echo(markdown, nl=False)
