"""Seed the lint's defects into a copy of any MkDocs project, build it, and check each is found.

The same defects as tests/lint/test_lint_site.py, chosen from the project's own pages, so that
it runs on real sites outside this repository::

    python benchmarks/lint_seeded.py path/to/mkdocs/project [--keep DIR]

Prints, per defect, the rule expected, the file, and whether the lint reported it there; exits
1 if one is missed or the lint exits 0.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "lint"))

from lint_fixtures import build_mkdocs


def seed(project: Path) -> list[tuple[str, str]]:
    """Seed defects; return the (rule, site path) pairs the lint must report."""
    from mkdocs.utils.yaml import yaml_load

    config = yaml_load((project / "mkdocs.yml").open("rb")) or {}
    docs = project / config.get("docs_dir", "docs")
    site_url = str(config.get("site_url") or "https://example.com/").rstrip("/") + "/"
    use_dirs = config.get("use_directory_urls", True)
    pages = sorted(p for p in docs.rglob("*.md") if "overrides" not in p.parts)
    pages = [p for p in pages if p.name not in ("index.md", "README.md")][:3]
    assert len(pages) == 3, "needs three pages besides the home page"

    def twin_of(md: Path) -> str:
        rel = md.relative_to(docs).with_suffix("").as_posix()
        return f"{rel}/index.html.md" if use_dirs else f"{rel}.html.md"

    extra = {
        pages[0]: "\n\n## Seeded fence\n\n```\nplain block without a language\n```\n",
        pages[1]: ("\n\n## Seeded steps\n\n1. Go to **Settings > Danger zone**.\n"
                   "2. Click **Delete everything** and confirm.\n"),
        pages[2]: f"\n\nSee the [retired guide]({site_url}retired-guide-xyz/).\n",
    }
    for path, text in extra.items():
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
    expected = [("fence-no-language", twin_of(pages[0])),
                ("ui-step-without-api", twin_of(pages[1])),
                ("dead-link", twin_of(pages[2]))]
    site = build_mkdocs(project)
    llms = site / "llms.txt"
    lines = llms.read_text(encoding="utf-8").splitlines()
    first_section = next(i for i, line in enumerate(lines) if line.startswith("## "))
    lines.insert(first_section + 1, "These pages explain the product.")
    lines.append(f"- [Retired]({site_url}retired-xyz/index.html.md): gone")
    llms.write_text("\n".join(lines[1:]) + "\n", encoding="utf-8")
    expected += [("llmstxt-h1", "llms.txt"), ("llmstxt-section-prose", "llms.txt"),
                 ("llmstxt-dangling-link", "llms.txt")]
    twins = sorted(site.rglob("*.html.md"))
    untouched = [t for t in twins if t.relative_to(site).as_posix() not in
                 {e[1] for e in expected}]
    missing, empty = untouched[0], untouched[1]
    missing.unlink()
    empty.write_text("", encoding="utf-8")
    expected += [("twin-missing", missing.relative_to(site).as_posix()[:-3]),
                 ("twin-empty", empty.relative_to(site).as_posix())]
    return expected


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args()
    from click.testing import CliRunner

    from llmsdocs.cli import main as cli

    work = args.keep or Path(tempfile.mkdtemp())
    project = work / args.project.resolve().name
    shutil.copytree(args.project, project, ignore=shutil.ignore_patterns("site", ".git"))
    expected = seed(project)
    import os

    os.chdir(project)
    result = CliRunner().invoke(cli, ["lint", "site", "--format", "json"])
    found = json.loads(result.stdout)
    missed = 0
    for rule, path in expected:
        hits = [f for f in found if f["rule"] == rule and f["path"] == path]
        where = hits[0].get("source_path") if hits else None
        print(f"{'found ' if hits else 'MISSED'} {rule:<24} {path}"
              + (f"  (source {where}:{hits[0].get('source_line')})" if where else ""))
        missed += not hits
    print(f"exit code {result.exit_code}; {len(found)} findings in all")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if missed or result.exit_code == 0 else 0)


if __name__ == "__main__":
    main()
