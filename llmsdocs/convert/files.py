"""Convert files and directory trees: ``x.html`` -> ``OUT/x.html.md`` (the llms.txt twin name).

The CLI's ``convert`` command is a thin face over :func:`convert_tree` and :func:`convert_file`;
a page that fails is reported and the others are still written.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

from llmsdocs.errors import InputError, LlmsdocsError, WriteError
from llmsdocs.writer import atomic_write

HTML_SUFFIXES = (".html", ".htm")


@dataclass(slots=True)
class TreeResult:
    """What a directory conversion did."""

    written: list[Path] = field(default_factory=list)
    """Markdown files written."""
    failures: list[str] = field(default_factory=list)
    """One ``path: reason`` line per page that could not be converted."""


def read_page(path: Path) -> bytes:
    """The bytes of a page, or an InputError naming it."""
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise InputError(str(path), "is a directory") from None
    except OSError as exc:
        raise InputError(str(path), exc.strerror or "cannot be read") from None


def convert_file(path: Path, url: str | None = None) -> str:
    """Markdown of one page file."""
    from llmsdocs.convert import convert

    return convert(read_page(path), url, path=str(path))


def write_markdown(markdown: str, out: Path, src_name: str) -> Path:
    """Write one page's markdown to ``out`` (a file, or a folder: ``out/<src_name>.md``)."""
    target = out / (src_name + ".md") if out.is_dir() else out
    try:
        atomic_write(target.resolve(), markdown)
    except OSError as exc:
        raise WriteError(str(target), exc.strerror or "cannot be written") from None
    return target


def page_url(site_url: str | None, rel: str) -> str | None:
    """Public URL of a page from the site's URL and its path in the built site."""
    if not site_url:
        return None
    base = site_url if site_url.endswith("/") else site_url + "/"
    return urljoin(base, rel.replace(os.sep, "/"))


def iter_pages(src: Path) -> Iterator[Path]:
    """HTML files under ``src``, sorted, symlinks to outside ignored."""
    root = src.resolve()
    for path in sorted(src.rglob("*")):
        if path.suffix.lower() in HTML_SUFFIXES and path.is_file():
            try:
                path.resolve().relative_to(root)
            except ValueError:
                continue
            yield path


def _convert_one(args: tuple[str, str, str | None]) -> tuple[str, str | None, str | None]:
    src, rel, url = args
    try:
        return rel, convert_file(Path(src), url), None
    except LlmsdocsError as exc:
        return rel, None, str(exc)
    except (RecursionError, MemoryError, ValueError, OSError) as exc:  # never stop the tree
        return rel, None, f"{src}: cannot be converted ({type(exc).__name__}: {exc})"


def convert_tree(src: Path, out: Path, *, site_url: str | None = None, jobs: int = 1,
                 progress: Callable[[int], None] | None = None) -> TreeResult:
    """Convert every HTML page under ``src`` into ``out``, mirroring the tree.

    Args:
        src: a built site (or any folder of HTML pages).
        out: the output folder (may be ``src`` itself: twins beside the pages).
        site_url: public URL of ``src``, to make links absolute.
        jobs: worker processes (0 = one per core).
        progress: called with the number of pages done since the last call.
    """
    pages = list(iter_pages(src))
    tasks = [(str(p), str(p.relative_to(src)), page_url(site_url, str(p.relative_to(src))))
             for p in pages]
    result = TreeResult()
    workers = (os.cpu_count() or 1) if jobs == 0 else max(1, jobs)

    def handle(rel: str, markdown: str | None, error: str | None) -> None:
        if error is not None or markdown is None:
            result.failures.append(error or f"{rel}: no output")
        else:
            target = out / (rel + ".md")
            if target.is_symlink():
                raise WriteError(str(target), "is a symlink; refusing to write through it")
            try:
                atomic_write(target, markdown, root=out)
            except OSError as exc:
                raise WriteError(str(target), exc.strerror or "cannot be written") from None
            result.written.append(target)
        if progress is not None:
            progress(1)

    if workers == 1 or len(tasks) < 2:
        for task in tasks:
            handle(*_convert_one(task))
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for res in pool.map(_convert_one, tasks, chunksize=4):
                handle(*res)
    return result
