"""Speed and memory of llmsdocs.convert against peer converters, in one process, on the same pages.

A benchmark, not a test (pytest never collects this folder). Pages: the 103 pages of
``../shared/eval/corpus`` plus the real-generator pages of ``tests/generators``. Each converter is
called the way ``../shared/eval/adapters.py`` calls it (``fn(html: str, url) -> str``), after a
warm-up pass, for several timed rounds interleaved page by page across converters (so load from
other processes on a shared machine falls on all alike); the figure is the median round. Peak memory is measured in
a separate pass with ``tracemalloc`` (Python allocations only: memory that lxml/libxml2 or a Rust
extension allocates in C is not seen by it), and, with ``--rss``, as the growth of the peak resident
set of a fresh process that converts every page once (sees C allocations too).

Usage (from the project root, peers from benchmarks/requirements.txt installed):
    python benchmarks/bench_convert.py                      # all converters, 5 rounds
    python benchmarks/bench_convert.py --rounds 7 --rss --json benchmarks/out/bench.json
    python benchmarks/bench_convert.py --only llmsdocs,html2text --pages corpus
"""

from __future__ import annotations

import argparse
import gc
import json
import platform
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "eval" / "corpus"
FIXTURES = ROOT / "tests" / "generators"

Converter = Callable[[str, str], str]

# Main-content selectors the eval's adapters use for the "main" peers (an oracle-ish setting:
# those peers are told where the content is; llmsdocs is not).
MAIN_SELECTORS = [
    "article.md-content__inner",
    "article[role=main]",
    "div.body[role=main]",
    "div[role=main]",
    "main",
    "article",
]


def _main_element_html(html: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    for sel in MAIN_SELECTORS:
        el = soup.select_one(sel)
        if el is not None:
            return str(el)
    return str(soup.body or soup)


def conv_llmsdocs(html: str, url: str) -> str:
    import llmsdocs

    return llmsdocs.convert(html, url)


def conv_html2text(html: str, url: str) -> str:
    import html2text

    h = html2text.HTML2Text(baseurl=url or "")
    h.body_width = 0
    return h.handle(html)


def conv_markdownify_page(html: str, url: str) -> str:
    from markdownify import markdownify

    return markdownify(html, heading_style="ATX")


def conv_markdownify_main(html: str, url: str) -> str:
    from markdownify import markdownify

    return markdownify(_main_element_html(html), heading_style="ATX")


def conv_html_to_markdown(html: str, url: str) -> str:
    from html_to_markdown import convert

    return convert(html).content


def conv_trafilatura(html: str, url: str) -> str:
    import trafilatura

    return (
        trafilatura.extract(
            html,
            url=url,
            output_format="markdown",
            include_tables=True,
            include_links=True,
            include_formatting=True,
        )
        or ""
    )


def conv_mkdocs_llmstxt(html: str, url: str) -> str:
    """mkdocs-llmstxt's own converter (BeautifulSoup autoclean + markdownify + mdformat) on the
    main element, as ../shared/eval/adapters.py calls it."""
    from mkdocs_llmstxt._internal.plugin import _generate_page_markdown

    parts = urlsplit(url or "https://example.invalid/")
    base = f"{parts.scheme}://{parts.netloc}/"
    path = parts.path.lstrip("/")
    page_uri = path + "index.html" if (not path or path.endswith("/")) else path
    return _generate_page_markdown(
        _main_element_html(html),
        should_autoclean=True,
        preprocess=None,
        path="page.md",
        base_uri=base,
        page_uri=page_uri,
    )


CONVERTERS: dict[str, Converter] = {
    "llmsdocs": conv_llmsdocs,
    "html2text": conv_html2text,
    "markdownify-page": conv_markdownify_page,
    "markdownify-main": conv_markdownify_main,
    "html-to-markdown": conv_html_to_markdown,
    "trafilatura": conv_trafilatura,
    "mkdocs-llmstxt": conv_mkdocs_llmstxt,
}
REFERENCE = "html2text"


@dataclass
class Page:
    source: str
    """``corpus`` (../shared/eval) or ``fixtures`` (tests/generators)."""
    path: str
    url: str
    html: str


def load_pages(which: str) -> list[Page]:
    pages: list[Page] = []
    if which in ("corpus", "all"):
        if not CORPUS.is_dir():
            sys.exit(f"{CORPUS}: not found (the eval corpus is expected at ../shared/eval/corpus)")
        for site_json in sorted(CORPUS.glob("*/*/site.json")):
            meta = json.loads(site_json.read_text(encoding="utf-8"))
            for name, info in sorted(meta["pages"].items()):
                p = site_json.parent / f"{name}.html"
                pages.append(
                    Page(
                        "corpus",
                        str(p.relative_to(CORPUS.parent)),
                        info["url"],
                        p.read_text(encoding="utf-8"),
                    )
                )
    if which in ("fixtures", "all"):
        for site_json in sorted(FIXTURES.glob("*/site.json")):
            meta = json.loads(site_json.read_text(encoding="utf-8"))
            for name, info in sorted(meta["pages"].items()):
                if "html" in info:  # a corpus page referenced by the fixtures: already counted
                    continue
                p = site_json.parent / f"{name}.html"
                pages.append(
                    Page(
                        "fixtures",
                        str(p.relative_to(ROOT)),
                        info["url"],
                        p.read_text(encoding="utf-8"),
                    )
                )
    return pages


@dataclass
class Result:
    name: str
    pages: int
    errors: int
    rounds_s: list[float]
    pages_per_s: float
    ms_per_page: float
    peak_kib_max: float
    peak_kib_median: float
    rss_growth_mib: float | None = None
    version: str = ""


def _one_pass(fn: Converter, pages: list[Page]) -> tuple[float, int]:
    errors = 0
    total = 0.0
    for page in pages:
        t0 = time.perf_counter()
        try:
            fn(page.html, page.url)
        except Exception:  # a peer failing on a page is counted, not fatal
            errors += 1
        total += time.perf_counter() - t0
    return total, errors


def time_rounds(
    fns: dict[str, Converter], pages: list[Page], rounds: int, warmup: int
) -> dict[str, tuple[list[float], int]]:
    """Seconds per pass over the pages for each converter.

    Interleaved at the page level (each page goes through every converter before the next page),
    so that load from other processes on the machine falls on all converters alike and the
    ratios stay meaningful on a shared machine.
    """
    for _ in range(warmup):
        for fn in fns.values():
            _one_pass(fn, pages)
    times: dict[str, list[float]] = {name: [] for name in fns}
    errors: dict[str, int] = dict.fromkeys(fns, 0)
    for _ in range(rounds):
        gc.collect()
        spent = dict.fromkeys(fns, 0.0)
        errors = dict.fromkeys(fns, 0)
        for page in pages:
            for name, fn in fns.items():
                t0 = time.perf_counter()
                try:
                    fn(page.html, page.url)
                except Exception:  # a peer failing on a page is counted, not fatal
                    errors[name] += 1
                spent[name] += time.perf_counter() - t0
        for name in fns:
            times[name].append(spent[name])
    return {name: (times[name], errors[name]) for name in fns}


def peak_memory(fn: Converter, pages: list[Page]) -> list[float]:
    """tracemalloc peak (KiB) of each page's conversion."""
    peaks = []
    tracemalloc.start()
    try:
        for page in pages:
            gc.collect()
            tracemalloc.reset_peak()
            base, _ = tracemalloc.get_traced_memory()
            try:
                fn(page.html, page.url)
            except Exception:
                pass
            peaks.append((tracemalloc.get_traced_memory()[1] - base) / 1024)
    finally:
        tracemalloc.stop()
    return peaks


def _version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    dist = {"markdownify-page": "markdownify", "markdownify-main": "markdownify"}.get(name, name)
    try:
        return version(dist)
    except PackageNotFoundError:
        return "?"


def _status_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise KeyError(field)


def rss_growth(name: str, which: str) -> float:
    """Peak RSS growth (MiB) of a fresh process converting every page once.

    The pages are loaded and the converter warmed up first; then the kernel's peak-RSS mark is
    reset (``/proc/self/clear_refs`` = 5, Linux) so the peak seen is the conversions' own.
    """
    code = (
        "import sys, gc; sys.path.insert(0, %r); import bench_convert as b\n"
        "pages = b.load_pages(%r); fn = b.CONVERTERS[%r]\n"
        "fn(pages[0].html, pages[0].url); gc.collect()\n"
        "open('/proc/self/clear_refs', 'w').write('5')\n"
        "before = b._status_kib('VmRSS')\n"
        "for p in pages:\n"
        "    try: fn(p.html, p.url)\n"
        "    except Exception: pass\n"
        "print((b._status_kib('VmHWM') - before) / 1024)\n"
    ) % (str(Path(__file__).parent), which, name)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def table(results: list[Result]) -> str:
    ref = next((r for r in results if r.name == REFERENCE), None)
    rss = any(r.rss_growth_mib is not None for r in results)
    head = (
        [
            "converter",
            "version",
            "pages/s",
            f"x {REFERENCE}",
            "ms/page",
            "peak KiB (max)",
            "peak KiB (median)",
        ]
        + (["peak RSS growth MiB"] if rss else [])
        + ["errors"]
    )
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in sorted(results, key=lambda r: -r.pages_per_s):
        ratio = f"{r.pages_per_s / ref.pages_per_s:.2f}" if ref else "-"
        row = [
            r.name,
            r.version,
            f"{r.pages_per_s:.1f}",
            ratio,
            f"{r.ms_per_page:.2f}",
            f"{r.peak_kib_max:,.0f}",
            f"{r.peak_kib_median:,.0f}",
        ]
        if rss:
            row.append(f"{r.rss_growth_mib:.1f}" if r.rss_growth_mib is not None else "-")
        row.append(str(r.errors))
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=5, help="timed rounds per converter (median)")
    ap.add_argument("--warmup", type=int, default=1, help="untimed passes before timing")
    ap.add_argument("--pages", choices=["corpus", "fixtures", "all"], default="all")
    ap.add_argument("--only", help="comma-separated converter names (default: all)")
    ap.add_argument("--rss", action="store_true", help="also measure peak RSS growth per converter")
    ap.add_argument("--json", type=Path, help="write the results as JSON to this file")
    args = ap.parse_args(argv)

    names = args.only.split(",") if args.only else list(CONVERTERS)
    unknown = [n for n in names if n not in CONVERTERS]
    if unknown:
        ap.error(f"unknown converter(s) {unknown}; known: {list(CONVERTERS)}")
    pages = load_pages(args.pages)
    size = sum(len(p.html.encode()) for p in pages)
    print(
        f"{len(pages)} pages ({args.pages}), {size / len(pages) / 1024:.1f} KiB average; "
        f"{args.rounds} rounds after {args.warmup} warm-up; python {platform.python_version()}",
        flush=True,
    )
    timed = time_rounds({n: CONVERTERS[n] for n in names}, pages, args.rounds, args.warmup)
    results = []
    for name in names:
        times, errors = timed[name]
        median = statistics.median(times)
        peaks = peak_memory(CONVERTERS[name], pages)
        r = Result(
            name,
            len(pages),
            errors,
            [round(t, 4) for t in times],
            len(pages) / median,
            1000 * median / len(pages),
            max(peaks),
            statistics.median(peaks),
            version=_version(name),
        )
        if args.rss:
            r.rss_growth_mib = rss_growth(name, args.pages)
        print(
            f"  {name}: {r.pages_per_s:.1f} pages/s (rounds {r.rounds_s} s), "
            f"peak {r.peak_kib_max:,.0f} KiB, errors {r.errors}",
            flush=True,
        )
        results.append(r)
    print()
    print(table(results))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps(
                {
                    "pages": len(pages),
                    "which": args.pages,
                    "avg_kib": size / len(pages) / 1024,
                    "rounds": args.rounds,
                    "warmup": args.warmup,
                    "python": platform.python_version(),
                    "results": [asdict(r) for r in results],
                },
                indent=1,
            )
            + "\n"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
