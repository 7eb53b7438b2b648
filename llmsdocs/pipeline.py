"""The site build: the ONLY module that knows the order of the stages.

discover -> convert (``llmsdocs.convert.convert_page``) -> curlify (with an OpenAPI spec) ->
strip leftover marker comments -> twins -> llms.txt / llms-full.txt -> manifest.

Both faces (``llmsdocs build`` and the MkDocs plugin) call :func:`build`; neither holds logic
of its own. Rules kept here: writes are atomic and stay inside the site folder; a file llmsdocs
did not write is never overwritten without ``force``; twins of deleted pages are removed;
a page whose HTML hash is unchanged is not reconverted; a page that fails is reported and the
build exits 1 at the end, after writing everything else.
"""

from __future__ import annotations

import concurrent.futures
import dataclasses
import functools
import multiprocessing
import os
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from llmsdocs import __version__
from llmsdocs.config import BuildOptions
from llmsdocs.discover import NavNode, PageFile, Site, discover, page_url
from llmsdocs.errors import ConfigError, InputError, LlmsdocsError, WriteError
from llmsdocs.inject import ASSET_PATH, copy_button_script, has_injected, inject
from llmsdocs.llmstxt import (
    Entry,
    Part,
    Written,
    part_name,
    plan_sections,
    render_llms_txt,
    write_full,
)
from llmsdocs.manifest import (
    GeneratedFile,
    Manifest,
    PageRecord,
    html_hash,
    load_manifest,
    save_manifest,
    sha256,
)
from llmsdocs.tokens import count_tokens
from llmsdocs.writer import atomic_write, safe_path

LLMS_TXT = "llms.txt"
LLMS_FULL = "llms-full.txt"
PARALLEL_MIN_PAGES = 48
"""Below this many pages to convert, worker start-up costs more than it saves."""
PROGRESS_EVERY = 2.0
"""Seconds between progress lines on long runs."""


# --- per-page work (runs in worker processes) -----------------------------------------------------


@dataclass(slots=True, frozen=True)
class PageTask:
    """Everything a worker needs to turn one HTML page into its twin."""

    root: str
    page: PageFile
    reuse_hash: str | None
    """HTML hash of the previous build when its twin is intact: equal hash -> no reconversion."""
    aliases: tuple[str, ...]
    edit_html: bool
    head_link: bool
    copy_button: bool
    openapi: str | None
    curl_mode: str
    curl_overrides: tuple[tuple[str, str], ...] = ()
    """The configuration's step -> operationId pins (``curl_overrides``), as sorted pairs."""


@dataclass(slots=True, frozen=True)
class PageOutcome:
    """What became of one page."""

    path: str
    html_sha256: str = ""
    reused: bool = False
    title: str = ""
    description: str | None = None
    lead: str | None = None
    """The twin's first prose paragraph: the description when the meta one is site-wide boilerplate."""
    chars: int = 0
    tokens: int = 0
    written: tuple[tuple[str, str, str], ...] = ()
    """(site-relative path, sha256, kind) of each file written for this page."""
    edits: tuple[str, ...] = ()
    curl_matched: int = 0
    curl_unmatched: int = 0
    error: str | None = None
    early: bool = False
    """Converted while the generator was still rendering (see :class:`EarlyConversions`)."""


_MARKER_LINE = re.compile(r"^\s*<!--\s*/?\s*llmsdocs\b.*?-->\s*$")
_MARKER_INLINE = re.compile(r"<!--\s*/?\s*llmsdocs\b.*?-->")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


def strip_markers(markdown: str) -> str:
    """Remove the llmsdocs marker comments left after curlify (never inside fenced code).

    A marker on a line of its own goes with the blank line that then doubles the one before it;
    no other blank line changes, so code blocks stay byte-exact.
    """
    out: list[str] = []
    fence: str | None = None
    dropped = False
    for line in markdown.split("\n"):
        match = _FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)[0] * len(match.group(1))
        elif fence is not None and match and match.group(1).startswith(fence):
            fence = None
        elif fence is None:
            if _MARKER_LINE.match(line):
                dropped = True
                continue
            if dropped and not line.strip() and (not out or not out[-1].strip()):
                continue
            line = _MARKER_INLINE.sub("", line)
        dropped = False
        out.append(line)
    return "\n".join(out).strip("\n") + "\n"


_NOT_PROSE = ("#", "```", "~~~", "|", ">", "!!!", "???", "<", "- ", "* ", "+ ", "    ", "\t", ":", "[^")
_ORDERED = re.compile(r"^\d+[.)] ")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|`)")
LEAD_MAX = 300


def first_paragraph(markdown: str) -> str | None:
    """The first prose paragraph of a twin as one plain-text line (links -> their text).

    Used as a page's llms.txt description when its meta description is the site's boilerplate
    (MkDocs themes repeat ``site_description`` on every page that has none of its own).
    """
    for block in markdown.split("\n\n"):
        block = block.strip("\n")
        if not block or block.startswith(_NOT_PROSE) or _ORDERED.match(block):
            continue
        text = _EMPHASIS.sub("", _LINK.sub(r"\1", _IMAGE.sub("", block)))
        text = " ".join(text.split())
        if len(text) < 20:
            continue
        if len(text) > LEAD_MAX:
            text = text[:LEAD_MAX].rsplit(" ", 1)[0].rstrip(",;:") + " …"
        return text
    return None


_SPEC_CACHE: dict[str, Any] = {}


def _spec(path: str) -> Any:
    """The parsed OpenAPI spec, once per process."""
    if path not in _SPEC_CACHE:
        from llmsdocs.openapi import load_spec

        _SPEC_CACHE[path] = load_spec(path)
    return _SPEC_CACHE[path]


@dataclass(slots=True, frozen=True)
class PageText:
    """A page converted (and curlified), not yet written: what a worker sends back."""

    html_sha256: str
    markdown: str
    title: str
    description: str | None
    lead: str | None
    tokens: int
    curl_matched: int = 0
    curl_unmatched: int = 0


def convert_html(
    raw: bytes,
    *,
    url: str,
    path: str,
    openapi: str | None,
    curl_mode: str,
    curl_overrides: tuple[tuple[str, str], ...] = (),
) -> PageText:
    """Convert one page's HTML: converter -> curlify (with a spec) -> leftover markers stripped."""
    from llmsdocs.convert import convert_page

    converted = convert_page(raw, url=url)
    markdown = converted.markdown
    matched = unmatched = 0
    if openapi:
        from llmsdocs.rewrite import curlify

        result = curlify(
            markdown, _spec(openapi), mode=curl_mode, overrides=dict(curl_overrides) or None
        )
        markdown = result.markdown
        for decision in result.decisions:
            if decision.decision in ("matched", "pinned"):
                matched += 1
            elif decision.decision in ("no-operation", "unsure", "invalid"):
                unmatched += 1
    markdown = strip_markers(markdown)
    return PageText(
        html_sha256=html_hash(raw),
        markdown=markdown,
        title=" ".join((converted.title or "").split()) or _fallback_title(markdown, path),
        description=converted.description,
        lead=first_paragraph(markdown),
        tokens=count_tokens(markdown),
        curl_matched=matched,
        curl_unmatched=unmatched,
    )


def _write_text(task: PageTask, text: PageText, edits: tuple[str, ...]) -> PageOutcome:
    """Write a converted page's twin (and aliases) atomically inside the site."""
    root = Path(task.root)
    page = task.page
    atomic_write(root / page.twin, text.markdown, root=root)
    twin_sha = sha256(text.markdown)
    written = [(page.twin, twin_sha, "twin")]
    for alias in task.aliases:
        atomic_write(root / alias, text.markdown, root=root)
        written.append((alias, twin_sha, "alias"))
    return PageOutcome(
        path=page.path,
        html_sha256=text.html_sha256,
        title=text.title,
        description=text.description,
        lead=text.lead,
        chars=len(text.markdown),
        tokens=text.tokens,
        written=tuple(written),
        edits=edits,
        curl_matched=text.curl_matched,
        curl_unmatched=text.curl_unmatched,
    )


def _failure(path: str, exc: Exception) -> PageOutcome:
    if isinstance(exc, LlmsdocsError):
        return PageOutcome(path, error=exc.reason)
    return PageOutcome(path, error=f"cannot convert ({type(exc).__name__}: {exc})")


def process_page(task: PageTask, early: PageText | None = None) -> PageOutcome:
    """Turn one HTML page into its twin (and aliases); edit its head when asked.

    ``early``: the page already converted from the same HTML (the MkDocs plugin converts while
    MkDocs renders); used when its hash matches the file. A failure is returned, not raised:
    one bad page never stops the build (CONTRACTS.md).
    """
    root = Path(task.root)
    page = task.page
    try:
        html_path = safe_path(root, page.path)
        raw = html_path.read_bytes()
        digest = html_hash(raw)
        edits: tuple[str, ...] = ()
        if task.edit_html and (task.head_link or task.copy_button):
            text = raw.decode("utf-8", errors="surrogateescape")
            edited = inject(
                text,
                page_path=page.path,
                twin_url=page.twin_url,
                twin_path=page.twin,
                head_link=task.head_link,
                copy_button=task.copy_button,
            )
            if edited is not None and edited != text:
                atomic_write(html_path, edited.encode("utf-8", errors="surrogateescape"), root=root)
            if edited is not None:
                edits = tuple(has_injected(edited))
        else:
            edits = tuple(has_injected(raw.decode("utf-8", errors="replace")))
        if task.reuse_hash == digest:
            return PageOutcome(page.path, digest, reused=True, edits=edits)
        if early is not None and early.html_sha256 == digest:
            return dataclasses.replace(_write_text(task, early, edits), early=True)
        converted = convert_html(
            raw,
            url=page.url,
            path=page.path,
            openapi=task.openapi,
            curl_mode=task.curl_mode,
            curl_overrides=task.curl_overrides,
        )
        return _write_text(task, converted, edits)
    except Exception as exc:  # noqa: BLE001 - reported per page, the build goes on and exits 1
        return _failure(page.path, exc)


def _fallback_title(markdown: str, path: str) -> str:
    first = markdown.split("\n", 1)[0]
    return first[2:].strip() if first.startswith("# ") else path


def _convert_batch(
    batch: list[tuple[str, str, bytes]],
    openapi: str | None,
    curl_mode: str,
    curl_overrides: tuple[tuple[str, str], ...] = (),
) -> list[PageText | None]:
    """Convert several pages in one worker call (one IPC round trip per batch, not per page).

    None for a page that failed: the build converts it again and reports the error.
    """
    results: list[PageText | None] = []
    for path, url, raw in batch:
        try:
            results.append(
                convert_html(
                    raw,
                    url=url,
                    path=path,
                    openapi=openapi,
                    curl_mode=curl_mode,
                    curl_overrides=curl_overrides,
                )
            )
        except Exception:  # noqa: BLE001 - retried (and reported) by build()
            results.append(None)
    return results


def _prepare_curlify(openapi: str) -> None:
    """Worker initializer: load the spec and the matcher before the first page arrives."""
    try:
        from llmsdocs.rewrite import prepare

        prepare(_spec(openapi))
    except Exception:  # noqa: BLE001, S110 - reported by _spec_loads, and by the host's own load
        pass


def _spec_loads(openapi: str) -> bool:
    try:
        _spec(openapi)
    except Exception:  # noqa: BLE001 - the host loads it again and reports the error
        return False
    return True


class EarlyConversions:
    """Convert pages while a generator is still rendering others (the MkDocs plugin's speed-up).

    ``submit`` hands rendered pages to worker processes in small batches; :func:`build` later
    uses a result when the file on disk has the same HTML hash, and converts the page itself
    otherwise. The order of stages does not change: the convert stage only starts earlier.
    """

    BATCH = 6

    def __init__(self, options: BuildOptions) -> None:
        import llmsdocs.convert  # noqa: F401 - imported before forking, so workers inherit it

        self._options = options
        workers = options.jobs or os.cpu_count() or 1
        if not options.jobs and threading.active_count() > 1:
            # A threaded host (``mkdocs serve``) can only spawn fresh interpreters, which costs
            # more per rebuild than it saves: convert in-process there unless jobs is set.
            workers = 1
        # One job: convert in this process, page by page as they are rendered (no worker start-up).
        self._pool: concurrent.futures.Executor | None = None
        self._spec_loaded: concurrent.futures.Future[bool] | None = None
        if workers > 1:
            # With a spec, each worker loads it and imports the matcher as it starts, on the cores
            # the generator leaves idle, instead of the host process paying it before it renders.
            # The generator keeps one core busy rendering, one page at a time and several times
            # slower than a worker converts one: a worker per remaining core keeps up, and one
            # more would only compete with the renderer (and load the spec once more).
            spec = options.openapi
            self._pool = concurrent.futures.ProcessPoolExecutor(
                max_workers=options.jobs or max(workers - 1, 1),
                mp_context=_mp_context(),
                initializer=functools.partial(_prepare_curlify, spec) if spec else None,
            )
            if spec:
                self._spec_loaded = self._pool.submit(_spec_loads, spec)  # starts them now
        self._done: dict[str, PageText | None] = {}
        self._pending: list[tuple[str, str, bytes]] = []
        self._futures: dict[str, tuple[concurrent.futures.Future[list[PageText | None]], int]] = {}

    def submit(self, path: str, html: str) -> None:
        """Queue ``path`` (site-relative) for conversion from its final HTML."""
        if path in self._futures or path in self._done or self._options.site_url is None:
            return
        url = page_url(self._options.site_url, path)
        item = (path, url, html.encode("utf-8", errors="surrogateescape"))
        if self._pool is None:
            self._done[path] = _convert_batch(
                [item], self._options.openapi, self._options.curl_mode, _overrides(self._options)
            )[0]
            return
        self._pending.append(item)
        if len(self._pending) >= self.BATCH:
            self._flush()

    def _flush(self) -> None:
        if not self._pending or self._pool is None:
            return
        batch, self._pending = self._pending, []
        future = self._pool.submit(
            _convert_batch,
            batch,
            self._options.openapi,
            self._options.curl_mode,
            _overrides(self._options),
        )
        for index, (path, _, _) in enumerate(batch):
            self._futures[path] = (future, index)

    def take(self, path: str) -> PageText | None:
        """The early result for a page, or None (not submitted, or it failed: build retries)."""
        if path in self._done:
            return self._done.pop(path)
        self._flush()
        entry = self._futures.pop(path, None)
        if entry is None:
            return None
        future, index = entry
        try:
            return future.result()[index]
        except Exception:  # noqa: BLE001 - a broken worker: the build converts the page itself
            return None

    def spec_loaded(self) -> bool:
        """True when a worker has loaded the spec without error (the host need not check it)."""
        try:
            return self._spec_loaded is not None and self._spec_loaded.result()
        except Exception:  # noqa: BLE001 - a broken worker: the host loads the spec itself
            return False

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)


# --- the build --------------------------------------------------------------------------------


@dataclass(slots=True)
class BuildReport:
    """What a build did, for the summary and the exit code."""

    site_dir: Path
    generator: str | None = None
    nav_source: str = ""
    pages: int = 0
    converted: int = 0
    converted_early: int = 0
    reused: int = 0
    excluded: int = 0
    removed: list[str] = field(default_factory=list)
    failures: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    llms_txt: Written | None = None
    full: Written | None = None
    parts: list[Written] = field(default_factory=list)
    biggest_twin: tuple[str, int, int] | None = None
    curl_matched: int = 0
    curl_unmatched: int = 0
    seconds: float = 0.0

    @property
    def exit_code(self) -> int:
        """1 when a page failed or a budget error was hit, else 0."""
        return 1 if self.failures or self.errors else 0

    def summary(self) -> list[str]:
        """The lines printed at the end of a build."""
        lines = [
            f"llmsdocs: {self.pages} pages ({self.converted} converted"
            + (f" ({self.converted_early} while rendering)" if self.converted_early else "")
            + f", {self.reused} unchanged, "
            f"{len(self.failures)} failed), {self.excluded} excluded, {len(self.removed)} stale files "
            f"removed in {self.seconds:.1f}s [{self.generator or 'unknown generator'}, "
            f"order from {self.nav_source}]",
        ]
        for written in [self.llms_txt, self.full, *self.parts]:
            if written is not None:
                lines.append(
                    f"  {written.path}: {written.chars:,} chars, ≈{written.tokens:,} tokens (estimate)"
                )
        if self.biggest_twin:
            path, chars, tokens = self.biggest_twin
            lines.append(f"  largest twin {path}: {chars:,} chars, ≈{tokens:,} tokens (estimate)")
        if self.curl_matched or self.curl_unmatched:
            lines.append(
                f"  curl: {self.curl_matched} UI steps got a curl call, {self.curl_unmatched} did not"
            )
        return lines


Reporter = Callable[[str], None]


def _noop(_: str) -> None:
    return None


@dataclass(slots=True)
class Hooks:
    """Where a face wants messages to go (CLI: stderr; plugin: the mkdocs logger)."""

    warning: Reporter = _noop
    error: Reporter = _noop
    progress: Reporter = _noop


def build_key(options: BuildOptions) -> str:
    """Fingerprint of everything besides a page's HTML that shapes its twin."""
    spec = ""
    if options.openapi:
        try:
            spec = sha256(Path(options.openapi).read_bytes())
        except OSError as exc:
            raise InputError(options.openapi, f"cannot read ({exc.strerror or exc})") from None
    return sha256(
        "\0".join(
            [
                __version__,
                options.site_url or "",
                spec,
                options.curl_mode,
                repr(_overrides(options)),
                str(options.aliases),
            ]
        )
    )


def _overrides(options: BuildOptions) -> tuple[tuple[str, str], ...]:
    """The configured curl pins as sorted pairs: hashable, picklable, order-independent."""
    return tuple(sorted(options.curl_overrides.items()))


def alias_paths(path: str) -> tuple[str, ...]:
    """``guide/index.html`` -> ``guide.md`` (root ``index.html`` -> ``index.md``); ``a.html`` -> ``a.md``."""
    if path == "index.html":
        return ("index.md",)
    if path.endswith("/index.html"):
        return (path[: -len("/index.html")] + ".md",)
    return (path.rsplit(".", 1)[0] + ".md",)


def _is_ours(root: Path, rel: str, old: Manifest | None) -> bool:
    """A file on disk is ours when the last manifest lists it with the same bytes."""
    if old is None or rel not in old.files:
        return False
    try:
        return sha256((root / rel).read_bytes()) == old.files[rel].sha256
    except OSError:
        return False


def _check_targets(root: Path, targets: Iterable[str], old: Manifest | None, force: bool) -> None:
    """Refuse to overwrite files llmsdocs did not write (unless ``force``), before writing any."""
    if force:
        return
    foreign = [t for t in targets if (root / t).exists() and not _is_ours(root, t, old)]
    if foreign:
        more = f" (and {len(foreign) - 1} more)" if len(foreign) > 1 else ""
        raise WriteError(
            str(root / foreign[0]),
            f"exists and was not written by llmsdocs; use --force to overwrite{more}",
        )


def _mp_context() -> multiprocessing.context.BaseContext:
    """``fork`` when this process has a single thread (cheap: workers inherit the imported
    converter), else ``spawn`` (forking a threaded process, e.g. ``mkdocs serve``, is unsafe)."""
    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _run(
    tasks: list[PageTask], jobs: int, hooks: Hooks, early: EarlyConversions | None = None
) -> Iterator[PageOutcome]:
    """Process pages in worker processes (or in-process for small runs), reporting progress.

    Pages converted early (see :class:`EarlyConversions`) are only written, here.
    """
    if early is not None:
        rest = []
        for task in tasks:
            text = early.take(task.page.path)
            if text is None:
                rest.append(task)
            else:
                yield process_page(task, text)
        tasks = rest
    total = len(tasks)
    last = time.monotonic()
    if jobs <= 1 or total < PARALLEL_MIN_PAGES:
        results: Iterable[PageOutcome] = map(process_page, tasks)
        pool = None
    else:
        context = _mp_context()
        openapi = tasks[0].openapi
        if openapi and context.get_start_method() == "fork":
            # Forked workers inherit the matcher's imports and the spec's index instead of
            # each paying for them on its first page.
            _prepare_curlify(openapi)
        pool = concurrent.futures.ProcessPoolExecutor(max_workers=jobs, mp_context=context)
        results = pool.map(process_page, tasks, chunksize=max(1, total // (jobs * 8)))
    try:
        for done, outcome in enumerate(results, 1):
            now = time.monotonic()
            if now - last >= PROGRESS_EVERY:
                hooks.progress(f"llmsdocs: {done}/{total} pages")
                last = now
            yield outcome
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def build(
    site_dir: Path,
    options: BuildOptions,
    *,
    nav: list[NavNode] | None = None,
    sources: dict[str, str] | None = None,
    site_name: str | None = None,
    summary: str | None = None,
    edit_html: bool = True,
    hooks: Hooks | None = None,
    early: EarlyConversions | None = None,
    rendered: set[str] | None = None,
) -> BuildReport:
    """Build twins, llms.txt, llms-full.txt and the manifest for a built site.

    Args:
        site_dir: the built site (output of the generator).
        options: the build options (``site_url`` is required).
        nav: the navigation when the face knows it (MkDocs); else found in the HTML.
        sources: HTML path -> source path, when known (recorded in the manifest).
        site_name: llms.txt title when the face knows it and the options do not set one.
        summary: llms.txt summary when the face knows it and the options do not set one.
        edit_html: add the head link / copy button to pages here (the MkDocs plugin does it
            in ``on_post_page`` instead, and passes False).
        hooks: where warnings, errors and progress go.
        early: pages the face already started converting (MkDocs, during rendering).
        rendered: HTML paths the generator rendered as pages (MkDocs); any other HTML file in
            the site is a static file, not a content page.

    Raises:
        LlmsdocsError: for a problem with the whole build (no site, no site_url, a bad spec, a
            file we would overwrite that is not ours). Per-page failures are in the report.
    """
    started = time.monotonic()
    hooks = hooks or Hooks()
    root = site_dir.absolute()
    if not root.is_dir():
        raise InputError(str(root), "is not a directory (build the site first)")
    if not options.site_url:
        raise ConfigError(str(root), "site_url is required (--site-url URL, or site_url in the config)")
    if options.openapi and (early is None or not early.spec_loaded()):
        _spec(options.openapi)  # a bad spec is one clear error before any page is touched
    key = build_key(options)
    old = load_manifest(root)
    sources = sources or {}

    site: Site = discover(
        root, options.site_url, exclude=options.exclude, sources=sources, nav=nav, rendered=rendered
    )
    if not site.pages and not site.excluded:
        raise InputError(str(root), "has no HTML pages (point llmsdocs at the built site folder)")
    report = BuildReport(site_dir=root, generator=site.generator, nav_source=site.nav_source)
    loaded = _SPEC_CACHE.get(options.openapi) if options.openapi else None
    skipped = loaded.skipped_message() if loaded is not None else None
    if skipped:
        report.warnings.append(skipped)
        hooks.warning(skipped)
    if not site.pages:
        message = f"{root}: every HTML page is excluded ({len(site.excluded)}); llms.txt lists nothing"
        report.warnings.append(message)
        hooks.warning(message)
    report.pages = len(site.pages)
    report.excluded = len(site.excluded)

    manifest = Manifest(site_url=site.site_url, generator=site.generator, excluded=dict(site.excluded))
    manifest.build_key = key
    reusable = old is not None and old.build_key == key

    tasks: list[PageTask] = []
    targets: list[str] = [LLMS_TXT] + ([LLMS_FULL] if options.full else [])
    if options.copy_button:
        targets.append(ASSET_PATH)
    for page in site.pages:
        aliases = alias_paths(page.path) if options.aliases else ()
        reuse = None
        if reusable and old is not None and page.path in old.pages:
            record = old.pages[page.path]
            intact = record.twin == page.twin and _is_ours(root, page.twin, old)
            if intact and all(_is_ours(root, a, old) for a in aliases):
                reuse = record.html_sha256
        if reuse is None:
            targets.append(page.twin)
            targets.extend(aliases)
        tasks.append(
            PageTask(
                root=str(root),
                page=page,
                reuse_hash=reuse,
                aliases=aliases,
                edit_html=edit_html,
                head_link=options.head_link,
                copy_button=options.copy_button,
                openapi=options.openapi,
                curl_mode=options.curl_mode,
                curl_overrides=_overrides(options),
            )
        )
    _check_targets(root, targets, old, options.force)

    jobs = options.jobs or os.cpu_count() or 1
    entries: dict[str, Entry] = {}
    by_path = {p.path: p for p in site.pages}
    leads: dict[str, str | None] = {}
    for outcome in _run(tasks, jobs, hooks, early):
        leads[outcome.path] = outcome.lead
        _record(outcome, by_path[outcome.path], old, manifest, sources, entries, report, options, hooks)
    _replace_boilerplate_descriptions(manifest, entries, leads, summary)

    _write_llms(root, site, options, manifest, entries, report, hooks, site_name, summary)
    if options.copy_button:
        data = copy_button_script()
        atomic_write(root / ASSET_PATH, data, root=root)
        manifest.files[ASSET_PATH] = GeneratedFile(sha256(data), "asset")
    _remove_stale(root, old, manifest, report)
    save_manifest(root, manifest)
    report.seconds = time.monotonic() - started
    return report


def _record(
    outcome: PageOutcome,
    page: PageFile,
    old: Manifest | None,
    manifest: Manifest,
    sources: dict[str, str],
    entries: dict[str, Entry],
    report: BuildReport,
    options: BuildOptions,
    hooks: Hooks,
) -> None:
    """Fold one page's outcome into the manifest, the llms.txt entries and the report."""
    failed = outcome.error is not None
    if outcome.error is not None:
        report.failures[page.path] = outcome.error
        manifest.failures[page.path] = outcome.error
        hooks.error(f"{page.path}: {outcome.error}")
        previous = old.pages.get(page.path) if old is not None else None
        if previous is None or not _is_ours(Path(report.site_dir), previous.twin, old):
            return
        # The last good twin stays listed (stale, and reported) rather than vanishing.
        outcome = PageOutcome(page.path, previous.html_sha256, reused=True, edits=outcome.edits)
    if outcome.edits:
        manifest.edited[page.path] = list(outcome.edits)
    if outcome.reused and old is not None:
        record = old.pages[page.path]
        record.source_path = sources.get(page.path, record.source_path)
        for rel, info in old.files.items():
            if info.page == page.path:
                manifest.files[rel] = info
        report.reused += not failed
    else:
        record = PageRecord(
            html_sha256=outcome.html_sha256,
            twin=page.twin,
            title=outcome.title,
            url=page.url,
            source_path=sources.get(page.path),
            chars=outcome.chars,
            tokens=outcome.tokens,
            description=outcome.description,
        )
        for rel, digest, kind in outcome.written:
            manifest.files[rel] = GeneratedFile(digest, kind, page.path)
        report.converted += 1
        report.converted_early += outcome.early
        report.curl_matched += outcome.curl_matched
        report.curl_unmatched += outcome.curl_unmatched
    manifest.pages[page.path] = record
    if record.chars > options.budgets.twin_warn:
        message = f"{page.twin}: {record.chars:,} chars, above the twin budget of {options.budgets.twin_warn:,}"
        if options.budgets.policy == "fail":
            report.errors.append(message)
            hooks.error(message)
        else:
            report.warnings.append(message)
            hooks.warning(message)
    if report.biggest_twin is None or record.chars > report.biggest_twin[1]:
        report.biggest_twin = (page.twin, record.chars, record.tokens)
    entries[page.path] = Entry(
        page=page.path,
        title=record.title,
        url=page.twin_url,
        page_url=page.url,
        twin=page.twin,
        description=record.description,
        source_path=record.source_path,
        tokens=record.tokens,
    )


def _replace_boilerplate_descriptions(
    manifest: Manifest, entries: dict[str, Entry], leads: dict[str, str | None], summary: str | None
) -> None:
    """A description shared by several pages (or equal to the site's) describes the site, not
    the page: use the page's first paragraph instead, else no description."""
    counts: dict[str, int] = {}
    for record in manifest.pages.values():
        if record.description:
            counts[record.description] = counts.get(record.description, 0) + 1
    site_wide = {d for d, n in counts.items() if n > 1} | ({summary} if summary else set())
    for path, record in manifest.pages.items():
        if record.description in site_wide and path != "index.html":
            lead = leads.get(path)
            if lead is None and path not in leads:
                continue
            record.description = lead
            entries[path] = dataclasses.replace(entries[path], description=lead)


def _remove_stale(root: Path, old: Manifest | None, manifest: Manifest, report: BuildReport) -> None:
    """Delete files the previous build wrote that this one did not (twins of deleted pages,
    aliases turned off, llms-full parts no longer split, the button script turned off).

    Runs after everything of this build is written, so no output is ever missing in between.
    Files of a page that failed this time are kept (the page still exists).
    """
    if old is None:
        return
    for rel, info in old.files.items():
        if rel in manifest.files:
            continue
        if info.page is not None and info.page in manifest.failures:
            manifest.files[rel] = info
            continue
        if _is_ours(root, rel, old):
            safe_path(root, rel).unlink()
            report.removed.append(rel)


def _write_llms(
    root: Path,
    site: Site,
    options: BuildOptions,
    manifest: Manifest,
    entries: dict[str, Entry],
    report: BuildReport,
    hooks: Hooks,
    site_name: str | None,
    summary: str | None,
) -> None:
    """Write llms.txt and llms-full.txt (or its parts), checking the size budgets."""
    budgets = options.budgets
    ordered_entries = {p.path: entries[p.path] for p in site.pages if p.path in entries}
    sections, reading_order = plan_sections(
        site.nav, ordered_entries, sections=options.sections, optional=options.optional
    )
    name = options.site_name or site_name or site.site_name or _home_title(entries) or "Documentation"
    home = entries.get("index.html")
    text_summary = (
        options.summary
        or summary
        or site.summary
        or (home.description if home else None)
        or f"Documentation of {name}."
    )

    parts: list[Part] = []
    full_written: Written | None = None
    if options.full:
        full_written = write_full(
            root, LLMS_FULL, site_name=name, summary=text_summary, entries=reading_order
        )
        limit = budgets.full_max_chars
        if limit is not None and full_written.chars > limit:
            message = f"{LLMS_FULL}: {full_written.chars:,} chars, above the budget of {limit:,}"
            if budgets.policy == "split":
                for section in sections:
                    rel = part_name(section.name)
                    written = write_full(
                        root, rel, site_name=f"{name}: {section.name}", summary=text_summary,
                        entries=section.entries,
                    )
                    manifest.files[rel] = GeneratedFile(written.sha256, "llms-full-part")
                    report.parts.append(written)
                    parts.append(Part(section.name, site.site_url + rel, len(section.entries), written.chars))
                    if written.chars > limit:
                        warning = f"{rel}: {written.chars:,} chars, still above the budget of {limit:,}"
                        report.warnings.append(warning)
                        hooks.warning(warning)
                full_written = write_full(
                    root, LLMS_FULL, site_name=name, summary=text_summary, entries=[], parts=parts
                )
            elif budgets.policy == "fail":
                report.errors.append(message)
                hooks.error(message)
            else:
                report.warnings.append(message)
                hooks.warning(message)
        manifest.files[LLMS_FULL] = GeneratedFile(full_written.sha256, "llms-full.txt")
        report.full = full_written

    details = _details(site.site_url, options, parts)
    text = render_llms_txt(site_name=name, summary=text_summary, details=details, sections=sections)
    atomic_write(root / LLMS_TXT, text, root=root)
    report.llms_txt = Written(LLMS_TXT, sha256(text), len(text), count_tokens(text))
    manifest.files[LLMS_TXT] = GeneratedFile(report.llms_txt.sha256, "llms.txt")
    chars = len(text)
    if chars > budgets.llms_txt_error:
        message = f"{LLMS_TXT}: {chars:,} chars, above the error budget of {budgets.llms_txt_error:,}"
        report.errors.append(message)
        hooks.error(message)
    elif chars > budgets.llms_txt_warn:
        message = f"{LLMS_TXT}: {chars:,} chars, above the warning budget of {budgets.llms_txt_warn:,}"
        if budgets.policy == "fail":
            report.errors.append(message)
            hooks.error(message)
        else:
            report.warnings.append(message)
            hooks.warning(message)


def _home_title(entries: dict[str, Entry]) -> str | None:
    home = entries.get("index.html")
    return home.title if home else None


def _details(site_url: str, options: BuildOptions, parts: list[Part]) -> str:
    """The details paragraph: how to read this site as markdown (always present; see CONTRACTS)."""
    lines = []
    if options.details:
        lines.append(options.details)
    lines.append(
        "Every link below is the markdown version of a page: the page's URL plus `.md` "
        "(`guide/index.html` → `guide/index.html.md`)."
    )
    if parts:
        links = ", ".join(f"[{p.name}]({site_url}{part_name(p.name)})" for p in parts)
        lines.append(f"The full text is split by section: {links}.")
    elif options.full:
        lines.append(f"The whole documentation in one file: [{LLMS_FULL}]({site_url}{LLMS_FULL}).")
    return "\n".join(lines)


__all__ = [
    "BuildReport",
    "EarlyConversions",
    "Hooks",
    "PageOutcome",
    "PageTask",
    "PageText",
    "build",
    "convert_html",
    "process_page",
    "strip_markers",
]
