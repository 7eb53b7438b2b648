"""Steps matched per second on the Clerk click set (../shared/clicks/clerk), in one process.

Reports: spec load + index time, detected UI actions per second (detection only), and actions
decided per second through the whole curlify stage (detect, match, build, validate, rewrite),
plus the ratio of the two so the matcher's share is visible, and the cost of the first curlify
call in a fresh process (what every build worker pays once: imports, word forms, spec index,
validator). Run:

    python benchmarks/bench_curlify.py [--product clerk] [--rounds 5]

With ``--site DIR --spec FILE`` (a built HTML site, e.g. ``mkdocs build`` of sample_site), it also
converts that site's pages and reports the steady-state milliseconds per page of curlify and of
step detection on them (best round): what ``--openapi`` adds to each page of a build.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CLICKS = ROOT.parent / "shared" / "clicks"


COLD = """
import sys, time
t0 = time.perf_counter()
from llmsdocs.openapi import load_spec
from llmsdocs.rewrite import curlify
spec = load_spec(sys.argv[1])
t1 = time.perf_counter()
pages = [open(p, encoding="utf-8").read() for p in sys.argv[2:]]
curlify(pages[0], spec)
t2 = time.perf_counter()
curlify(pages[1], spec)
t3 = time.perf_counter()
print(round(t1 - t0, 4), round(t2 - t1, 4), round(t3 - t2, 4))
"""


def cold_first_call(spec: Path, pages: list[Path], runs: int = 5) -> dict[str, float]:
    """Median seconds, in fresh interpreters: import + load_spec, first curlify, second curlify."""
    rows = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", COLD, str(spec), *map(str, pages)],
            check=True, capture_output=True, text=True,
        ).stdout.split()
        rows.append([float(x) for x in out])
    return {
        "cold_import_and_load_s": statistics.median(r[0] for r in rows),
        "cold_first_curlify_s": statistics.median(r[1] for r in rows),
        "warm_second_curlify_s": statistics.median(r[2] for r in rows),
    }


def site_figures(site: Path, spec_path: Path, rounds: int) -> dict[str, float]:
    """Steady-state ms per page of curlify and of analyze on a built site's converted pages."""
    from llmsdocs.convert import convert_page
    from llmsdocs.openapi import load_spec
    from llmsdocs.rewrite import curlify
    from llmsdocs.steps import analyze

    pages = [
        convert_page(p.read_bytes(), url="https://docs.example.com/").markdown
        for p in sorted(site.rglob("*.html"))
        if p.name != "404.html"
    ]
    spec = load_spec(spec_path)
    for page in pages:  # warm-up: imports, word forms, validators
        curlify(page, spec)
    figures: dict[str, float] = {"site_pages": len(pages)}
    for name, run in (("curlify", lambda p: curlify(p, spec)), ("analyze", analyze)):
        best = min(_elapsed(run, pages) for _ in range(max(rounds, 3)))
        figures[f"site_{name}_ms_per_page"] = round(best * 1000 / max(len(pages), 1), 3)
    return figures


def _elapsed(run: Any, pages: list[str]) -> float:
    start = time.perf_counter()
    for page in pages:
        run(page)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--product", default="clerk")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--site", type=Path, help="a built HTML site: also time curlify on its pages")
    parser.add_argument("--spec", type=Path, help="the OpenAPI description for --site")
    args = parser.parse_args()

    t0 = time.perf_counter()
    import llmsdocs.match  # noqa: F401  (import cost is part of a cold curlify run)
    from llmsdocs.match import index_spec
    from llmsdocs.openapi import load_spec
    from llmsdocs.rewrite import curlify
    from llmsdocs.steps import detect_steps

    t_import = time.perf_counter() - t0
    spec_path = CLICKS / args.product / "openapi.yaml"
    t0 = time.perf_counter()
    spec = load_spec(spec_path)
    t_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    index_spec(spec)
    t_index = time.perf_counter() - t0
    pages = [p.read_text(encoding="utf-8") for p in sorted((CLICKS / args.product / "pages").glob("*.md"))]

    detect_rates, curlify_rates = [], []
    decisions = matched = 0
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        n_steps = sum(len(detect_steps(p)) for p in pages)
        detect_rates.append(n_steps / (time.perf_counter() - t0))
        t0 = time.perf_counter()
        results = [curlify(p, spec) for p in pages]
        elapsed = time.perf_counter() - t0
        decisions = sum(len(r.decisions) for r in results)
        matched = sum(1 for r in results for d in r.decisions if d.decision == "matched")
        curlify_rates.append(decisions / elapsed)
    report = {
        "product": args.product,
        "pages": len(pages),
        "operations": len(spec.operations),
        "import_s": round(t_import, 3),
        "spec_load_s": round(t_load, 3),
        "spec_index_s": round(t_index, 3),
        "ui_steps_detected_per_s": round(statistics.median(detect_rates), 1),
        "actions_decided": decisions,
        "actions_matched": matched,
        "actions_decided_per_s": round(statistics.median(curlify_rates), 1),
        "matched_per_s": round(statistics.median(curlify_rates) * matched / max(decisions, 1), 1),
        "curlify_vs_detection_ratio": round(
            statistics.median(curlify_rates) / statistics.median(detect_rates), 3
        ),
    }
    page_paths = sorted((CLICKS / args.product / "pages").glob("*.md"))[:2]
    report.update(cold_first_call(spec_path, page_paths))
    if args.site:
        if not args.spec:
            parser.error("--site needs --spec")
        report.update(site_figures(args.site, args.spec, args.rounds))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
