"""Lint time vs build time: linting a built site must take less time than building it.

Measured on sample_site and on a generated 2,000-page MkDocs site, both built with the MkDocs
plugin (``mkdocs build``: the HTML plus llmsdocs' twins and llms.txt). Reports, for each site,
the build time, the time of the llmsdocs stage alone (``llmsdocs build`` on the built HTML,
a stricter comparison), the lint time, and the ratios. Not a test: run it by hand::

    python benchmarks/bench_lint.py [--pages 2000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "lint"))

from lint_fixtures import SAMPLE_SITE, build_mkdocs

from llmsdocs.lint import lint, load_options

WORDS = ["flag", "environment", "segment", "rule", "rollout", "project", "member", "webhook", "token", "audit", "event", "config", "value", "target", "percentage", "default", "stage", "release", "client", "server", "request"]


def _sentence(rng: random.Random, n: int = 14) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def generate_site(root: Path, pages: int, seed: int = 7) -> Path:
    """A MkDocs Material project with ``pages`` pages in 20 sections, linking each other."""
    rng = random.Random(seed)
    docs = root / "docs"
    names = [f"s{i % 20:02d}/page-{i:04d}" for i in range(pages)]
    for index, name in enumerate(names):
        path = docs / f"{name}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        other = names[(index * 7 + 3) % pages]
        depth = "../"
        body = [f"# Page {index}", "", _sentence(rng, 20), ""]
        for part in range(4):
            body += [f"## Part {part}", "", _sentence(rng), _sentence(rng), "",
                     f"See [page {other}]({depth}{other}.md#part-1) for more.", "",
                     "```python", f"client.get_flag('f{index}-{part}')", "```", "",
                     "1. Open **Settings > Flags**.", "2. Click **Save**.", "",
                     "| key | value |", "|---|---|", f"| f{part} | {rng.randint(1, 99)} |", ""]
        path.write_text("\n".join(body) + "\n", encoding="utf-8")
    (docs / "index.md").write_text("# Generated docs\n\nA generated site.\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        "site_name: Generated Docs\nsite_url: https://docs.example.com/\n"
        "theme:\n  name: material\nplugins:\n  - search\n  - llmsdocs\n"
        "markdown_extensions:\n  - tables\n  - toc:\n      permalink: true\n", encoding="utf-8")
    return root


def measure(project: Path, repeat: int) -> dict[str, float]:
    from llmsdocs.cli import main

    start = time.perf_counter()
    site = build_mkdocs(project)
    build = time.perf_counter() - start
    # the llmsdocs stage alone, made to reconvert every page (no manifest to reuse from), with
    # the OpenAPI spec the plugin used, so that the twins the lint reads stay the same
    options = load_options(None, project)
    stage_args = ["build", str(site), "--site-url", options.site_url or "https://docs.example.com/",
                  "--force"]
    if options.openapi is not None:
        stage_args += ["--openapi", str(options.openapi)]
    stage_times = []
    for _ in range(repeat):
        (site / ".llmsdocs-manifest.json").unlink()
        start = time.perf_counter()
        try:
            main(stage_args, standalone_mode=False)
        except SystemExit:
            pass
        stage_times.append(time.perf_counter() - start)
    lint_times = []
    findings = 0
    for _ in range(repeat):
        start = time.perf_counter()
        result = lint(site, options)  # as `llmsdocs lint site` in the project
        lint_times.append(time.perf_counter() - start)
        findings = len(result.findings)
    pages = sum(1 for _ in site.rglob("*.html.md"))
    return {"pages": pages, "build": build, "stage": min(stage_times), "lint": min(lint_times),
            "findings": findings}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "sample_site"
        shutil.copytree(SAMPLE_SITE, sample, ignore=shutil.ignore_patterns("site"))
        generated = generate_site(Path(tmp) / "generated", args.pages)
        print(f"{'site':<16}{'twins':>7}{'mkdocs build':>14}{'llmsdocs stage':>16}{'lint':>9}"
              f"{'lint/build':>12}{'lint/stage':>12}{'findings':>10}")
        for name, project in (("sample_site", sample), (f"generated-{args.pages}", generated)):
            m = measure(project, args.repeat)
            print(f"{name:<16}{m['pages']:>7}{m['build']:>13.2f}s{m['stage']:>15.2f}s"
                  f"{m['lint']:>8.2f}s{m['lint'] / m['build']:>12.3f}{m['lint'] / m['stage']:>12.3f}"
                  f"{m['findings']:>10}")


if __name__ == "__main__":
    main()
