"""Site-build overheads, measured side by side (ratios, not absolute times).

1. ``mkdocs build`` of a real MkDocs project with vs without ``llmsdocs`` added to its plugins
   (bar: at most 1.5x, goal 1.15x). Runs alternate, the median of each side is compared.
2. ``llmsdocs build`` of sample_site's built HTML with vs without ``--openapi`` (bar: +10% at most).
3. ``mkdocs build`` of sample_site (plugin on) with vs without the plugin's ``openapi:`` option
   (the same bar, through the MkDocs face).

Usage (the project is any MkDocs project folder with a mkdocs.yml, e.g. one you cloned in /tmp;
never commit its files here)::

    python benchmarks/bench_build.py --project /tmp/some-mkdocs-project [--runs 5]

Without ``--project`` only the second measurement runs.
"""

from __future__ import annotations

import argparse
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "sample_site"
LLMSDOCS = Path(sys.executable).parent / "llmsdocs"


def with_plugin(config_text: str) -> str:
    """The mkdocs.yml text with ``llmsdocs`` added to its plugins (and search kept)."""
    if re.search(r"^\s*-\s*llmsdocs\b", config_text, re.M):
        return config_text
    block = re.search(r"^plugins:[ \t]*\n((?:[ \t]+.*\n|[ \t]*\n)*)", config_text, re.M)
    if block:
        indent = re.match(r"[ \t]*", block.group(1)).group(0) if block.group(1).strip() else "  "
        end = block.end()
        return config_text[:end] + f"{indent}- llmsdocs\n" + config_text[end:]
    inline = re.search(r"^plugins:[ \t]*\[(.*)\][ \t]*$", config_text, re.M)
    if inline:
        items = [i.strip() for i in inline.group(1).split(",") if i.strip()] + ["llmsdocs"]
        return config_text[: inline.start()] + f"plugins: [{', '.join(items)}]" + config_text[inline.end():]
    return config_text.rstrip("\n") + "\n\nplugins:\n  - search\n  - llmsdocs\n"


def without_plugin(config_text: str) -> str:
    """The mkdocs.yml text with ``llmsdocs`` (and its option block) removed from plugins."""
    return re.sub(r"^([ \t]*)-[ \t]*llmsdocs\b.*\n(?:\1[ \t]+.*\n)*", "", config_text, flags=re.M)


CPU: dict[str, list[float]] = {}
"""CPU seconds (user + sys, the command and every worker it reaped) per label: load-independent."""


def timed(*cmd: str | Path, label: str = "") -> float:
    """Wall seconds of one command; its CPU seconds go to ``CPU[label]``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([str(c) for c in cmd], check=True, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    CPU.setdefault(label, []).append(cpu)
    return wall


def bench_mkdocs(project: Path, runs: int) -> float:
    work = Path(tempfile.mkdtemp(prefix="bench-mkdocs-"))
    sides = {}
    for name, edit in (("without", without_plugin), ("with", with_plugin)):
        copy = work / name
        shutil.copytree(project, copy, ignore=shutil.ignore_patterns("site", ".git"))
        config = copy / "mkdocs.yml"
        config.write_text(edit(config.read_text(encoding="utf-8")), encoding="utf-8")
        sides[name] = config
    times: dict[str, list[float]] = {"without": [], "with": []}
    build = (sys.executable, "-m", "mkdocs", "build", "-q", "-f")
    for name in sides:  # warm-up: caches, .pyc files
        timed(*build, sides[name])
    CPU.clear()
    for _ in range(runs):
        for name in ("without", "with"):
            times[name].append(timed(*build, sides[name], label=name))
    site = sides["with"].parent / "site"
    pages = sum(1 for _ in (sides["without"].parent / "site").rglob("*.html"))
    assert (site / "llms.txt").is_file(), "the plugin did not run"
    twins = sum(1 for _ in site.rglob("*.html.md"))
    base, plugin = statistics.median(times["without"]), statistics.median(times["with"])
    ratio = plugin / base
    print(f"mkdocs build of {project.name}: {pages} HTML pages, {twins} twins written by the plugin")
    print(f"  without llmsdocs: median {base:.2f}s  {[round(t, 2) for t in times['without']]}")
    print(f"  with llmsdocs:    median {plugin:.2f}s  {[round(t, 2) for t in times['with']]}")
    print(f"  ratio {ratio:.2f}x (bar <= 1.5x, goal <= 1.15x)")
    cpu_base, cpu_plugin = statistics.median(CPU["without"]), statistics.median(CPU["with"])
    print(
        f"  CPU (user+sys, workers included): {cpu_base:.2f}s vs {cpu_plugin:.2f}s = "
        f"{cpu_plugin / cpu_base:.2f}x (load-independent; the wall ratio gains from idle cores)"
    )
    shutil.rmtree(work)
    return ratio


def _fresh_site(built: Path, target: Path, copies: int = 1) -> Path:
    """A copy of the built HTML without anything llmsdocs wrote (so every page converts).

    ``copies`` > 1 adds the pages again under ``copy2/``, ``copy3/``…: a site past
    ``PARALLEL_MIN_PAGES``, which the CLI converts in worker processes.
    """
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(built, target)
    for k in range(2, copies + 1):
        shutil.copytree(built, target / f"copy{k}", ignore=shutil.ignore_patterns("assets", "search", "*.xml*"))
    for path in list(target.rglob("*.md")) + list(target.glob("llms*.txt")) + list(target.glob(".llmsdocs*")):
        path.unlink()
    return target


def bench_openapi(runs: int, copies: int = 1) -> float:
    work = Path(tempfile.mkdtemp(prefix="bench-openapi-"))
    project = work / "sample_site"
    shutil.copytree(SAMPLE, project, ignore=shutil.ignore_patterns("site"))
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml")],
        check=True, capture_output=True,
    )
    built = project / "site"
    url = "https://docs.tidepool.dev/"
    spec = project / "openapi.yaml"
    times: dict[str, list[float]] = {"plain": [], "openapi": []}
    for i in range(runs + 1):
        for name in ("plain", "openapi"):
            site = _fresh_site(built, work / f"{name}-site", copies)
            extra = ("--openapi", spec) if name == "openapi" else ()
            label = f"cli-{name}" if i else ""
            elapsed = timed(LLMSDOCS, "build", site, "--site-url", url, "--force", "-q", *extra, label=label)
            if i:  # the first round warms caches
                times[name].append(elapsed)
    plain, curl = statistics.median(times["plain"]), statistics.median(times["openapi"])
    overhead = curl / plain - 1
    pages = sum(1 for _ in (work / "plain-site").rglob("*.html.md"))
    print(f"llmsdocs build of sample_site{f' x{copies}' if copies > 1 else ''} ({pages} twins): ")
    print(f"  without --openapi: median {plain:.2f}s  {[round(t, 2) for t in times['plain']]}")
    print(f"  with --openapi:    median {curl:.2f}s  {[round(t, 2) for t in times['openapi']]}")
    print(f"  overhead {overhead:+.1%} (bar <= +10%)")
    cpu_plain, cpu_curl = (statistics.median(CPU[f"cli-{n}"]) for n in ("plain", "openapi"))
    print(f"  CPU (user+sys, workers included): {cpu_plain:.2f}s vs {cpu_curl:.2f}s = "
          f"{cpu_curl / cpu_plain - 1:+.1%}")
    shutil.rmtree(work)
    return overhead


def without_openapi(config_text: str) -> str:
    """The mkdocs.yml text with the llmsdocs plugin's ``openapi:`` option removed."""
    lines = [ln for ln in config_text.splitlines(keepends=True) if not re.match(r"[ \t]+openapi:", ln)]
    for i, line in enumerate(lines):
        entry = re.match(r"([ \t]*)-[ \t]*llmsdocs:[ \t]*$", line)
        if entry:
            rest = [ln for ln in lines[i + 1 :] if ln.strip() and not ln.lstrip().startswith("#")]
            indent = len(entry.group(1)) + 1
            if not rest or len(rest[0]) - len(rest[0].lstrip()) <= indent:
                lines[i] = line.rstrip().rstrip(":") + "\n"  # no options left
    return "".join(lines)


def bench_plugin_openapi(runs: int) -> float:
    """``mkdocs build`` of sample_site with the plugin, with vs without ``openapi:``."""
    work = Path(tempfile.mkdtemp(prefix="bench-plugin-openapi-"))
    configs = {}
    for name in ("plain", "openapi"):
        copy = work / name
        shutil.copytree(SAMPLE, copy, ignore=shutil.ignore_patterns("site"))
        config = copy / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        assert re.search(r"^[ \t]+openapi:", text, re.M), "sample_site's mkdocs.yml has no openapi:"
        if name == "plain":
            config.write_text(without_openapi(text), encoding="utf-8")
        configs[name] = config
    build = (sys.executable, "-m", "mkdocs", "build", "-q", "-f")
    times: dict[str, list[float]] = {"plain": [], "openapi": []}
    for i in range(runs + 1):
        for name in ("plain", "openapi"):
            elapsed = timed(*build, configs[name], label=f"plugin-{name}" if i else "")
            if i:  # the first round warms caches
                times[name].append(elapsed)
    twins = {n: (c.parent / "site" / "how-to" / "create-a-flag" / "index.html.md") for n, c in configs.items()}
    assert "curl -X" in twins["openapi"].read_text(encoding="utf-8"), "no curl in the twin"
    assert "curl -X" not in twins["plain"].read_text(encoding="utf-8"), "curl without openapi:"
    plain, curl = statistics.median(times["plain"]), statistics.median(times["openapi"])
    overhead = curl / plain - 1
    print("mkdocs build of sample_site with the llmsdocs plugin:")
    print(f"  without openapi:  median {plain:.2f}s  {[round(t, 2) for t in times['plain']]}")
    print(f"  with openapi:     median {curl:.2f}s  {[round(t, 2) for t in times['openapi']]}")
    print(f"  overhead {overhead:+.1%} (bar <= +10%)")
    cpu_plain, cpu_curl = (statistics.median(CPU[f"plugin-{n}"]) for n in ("plain", "openapi"))
    print(f"  CPU (user+sys, workers included): {cpu_plain:.2f}s vs {cpu_curl:.2f}s = "
          f"{cpu_curl / cpu_plain - 1:+.1%}")
    shutil.rmtree(work)
    return overhead


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--project", type=Path, help="a real MkDocs project folder (30+ pages)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--copies", type=int, default=1,
        help="build sample_site's pages this many times over (28 each; from 2 on, the CLI converts "
        "them in worker processes)",
    )
    parser.add_argument("--cli-only", action="store_true", help="skip the MkDocs plugin measurement")
    args = parser.parse_args()
    failed = False
    if args.project:
        failed |= bench_mkdocs(args.project, args.runs) > 1.5
    failed |= bench_openapi(args.runs, args.copies) > 0.10
    if not args.cli_only:
        failed |= bench_plugin_openapi(args.runs) > 0.10
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
