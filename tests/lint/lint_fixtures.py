"""Fixtures for the lint tests: fixture-case files and the real llms.txt copies."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"


def read_cases(path: Path) -> list[tuple[str, str, str]]:
    """Read ``title / . / input / . / expected / .`` cases (markdown-it-py's fixture shape)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    cases: list[tuple[str, str, str]] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if not line.strip() or (line.startswith("#") and not cases and index < 5):
            index += 1
            continue
        title = line
        assert lines[index + 1] == ".", f"{path}:{index + 2}: expected '.' after the title"
        parts: list[list[str]] = [[], []]
        index += 2
        for part in parts:
            while lines[index] != ".":
                part.append(lines[index])
                index += 1
            index += 1
        cases.append((title, "\n".join(parts[0]) + "\n", "\n".join(parts[1])))
    return cases


SAMPLE_SITE = Path(__file__).parents[2] / "sample_site"


def build_mkdocs(project: Path) -> Path:
    """Build a MkDocs project in-process (its llmsdocs plugin writes twins, llms.txt, manifest)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(project / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return Path(config.site_dir)
