"""Print the issue's "done when" figures for a site folder that llmsdocs built.

    python benchmarks/measure_agent_ready.py SITE_DIR [SITE_DIR ...]

Figures: content pages, twins starting with "# " and free of chrome, what the reference parser
(llms_txt) reads from llms.txt, share of pages listed and described, links absolute under the
site URL that resolve to files, llms-full.txt holding every page title. Exit 1 when a bar is missed.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "site"))

from agent_ready import measure  # noqa: E402


def main(argv: list[str]) -> int:
    ok = True
    for arg in argv:
        figures = measure(Path(arg))
        print(f"{arg}: {figures.line()}")
        for page, problem in list(figures.bad_twins.items())[:10]:
            print(f"  bad twin {page}: {problem}")
        for url in figures.bad_links[:10]:
            print(f"  bad link {url}")
        for title in figures.full_titles_missing[:10]:
            print(f"  llms-full.txt lacks title {title!r}")
        print(f"  meets bars: {figures.meets_bars()}")
        ok &= figures.meets_bars()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
