#!/usr/bin/env bash
# Score llmsdocs.convert with ../shared/eval (quality columns + in-process pages/s), then the peers.
#   benchmarks/run_eval.sh                 # llmsdocs, then every peer (--baselines), then the tables
#   benchmarks/run_eval.sh --no-baselines  # llmsdocs only; tables include peers' earlier results
#   benchmarks/run_eval.sh --corpus sphinx # extra options go to score.py for the llmsdocs run
# The eval's venv, caches and results live in $EVAL_WORK, by default benchmarks/out/eval-work of
# THIS checkout (git-ignored): the project is installed into that venv (as ../shared/eval/README.md
# says), and a per-checkout venv never swaps the llmsdocs another checkout installed.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
EVAL=$(cd "$ROOT/../shared/eval" && pwd)
export EVAL_WORK=${EVAL_WORK:-$ROOT/benchmarks/out/eval-work}
baselines=1
args=()
for a in "$@"; do
  if [ "$a" = "--no-baselines" ]; then baselines=0; else args+=("$a"); fi
done
# run.sh creates its venv (scorer + peers) on first use; --help does only that.
"$EVAL/run.sh" --help >/dev/null
"$EVAL_WORK/.venv/bin/pip" install -q -e "$ROOT"
"$EVAL/run.sh" python:llmsdocs:convert --name llmsdocs ${args[@]+"${args[@]}"}
if [ "$baselines" = 1 ]; then
  "$EVAL/run.sh" --baselines
else
  (cd "$EVAL" && "$EVAL_WORK/.venv/bin/python" summarize.py)
fi
