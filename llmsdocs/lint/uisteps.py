"""The "UI step without API equivalent" rule, over the click->curl detector's output.

The detector (``llmsdocs.steps``) favours recall: curlify wants every candidate step. A lint
warning has to be right on its own, so two things are added here:

- a gate: a step counts when it is unmistakably a UI action — an unambiguous UI verb (click,
  tap, press, select, choose, navigate) or a breadcrumb (``Settings > Billing``); a sentence
  outside a list must also start with a verb. "`PATCH` requests change only the fields they
  contain" or "**state**: on or off" are not steps;
- one finding per procedure (list or paragraph), not per line: the fix — a curl call after
  the block, or a pin — goes there once.

With an OpenAPI spec the matcher decides instead (CONTRACTS.md): decisions ``no-operation`` and
``unsure`` are reported, with why.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

GATE_VERBS = frozenset("click clicking tap press select choose navigate".split())
BREADCRUMB_RE = re.compile(r"\S\s(?:>|›|→|»|&gt;)\s\S")
LEAD_RE = re.compile(r"^\s*(?:[-*+]|\d+[.)])?\s*(?:>\s*)?")
WORD_RE = re.compile(r"[A-Za-z]+")
# A page with none of these cannot hold a step that passes the gate: skip the detector.
MAYBE_STEP_RE = re.compile(r"(?i)\b(?:click|tap|press|select|choose|navigate)|\S\s(?:>|›|→|»|&gt;)\s\S")

Emit = Callable[[str, int | None, str, str | None], None]


def is_ui_action(text: str, in_list: bool) -> bool:
    """True for an unmistakable UI action step (see the module docstring)."""
    body = LEAD_RE.sub("", text)
    plain = re.sub(r"`[^`]*`", " ", body)  # a verb in a code span is an identifier
    words = [w.lower() for w in WORD_RE.findall(plain)]
    if not words:
        return False
    strong = any(w in GATE_VERBS for w in words) or bool(BREADCRUMB_RE.search(plain))
    if not strong:
        return False
    if in_list:
        return not re.match(r"^\*\*[^*]+\*\*\s*[:—–-]", body)  # "**Term**: definition"
    from llmsdocs.steps import UI_VERBS

    first = WORD_RE.search(plain)
    return first is not None and first.start() <= 2 and first.group(0).lower() in UI_VERBS


def _short(text: str) -> str:
    one = " ".join(text.split())
    return one if len(one) <= 80 else one[:77] + "..."


class StepRule:
    """Runs the detector (and the matcher when a spec is configured) on twins."""

    def __init__(self, openapi: Path | None) -> None:
        from llmsdocs import steps

        self._detect = steps.detect_steps
        self._spec: Any = None
        if openapi is not None:
            from llmsdocs import openapi as openapi_module

            self._spec = openapi_module.load_spec(openapi)

    def check(self, markdown: str, emit: Emit) -> None:
        if not MAYBE_STEP_RE.search(markdown):
            return
        if self._spec is not None:
            self._with_spec(markdown, emit)
        else:
            self._without_spec(markdown, emit)

    def _with_spec(self, markdown: str, emit: Emit) -> None:
        from llmsdocs.rewrite import curlify

        for decision in curlify(markdown, self._spec).decisions:
            step = decision.step
            if decision.decision not in ("no-operation", "unsure"):
                continue
            if not is_ui_action(step.text, step.in_list):
                continue
            if decision.decision == "no-operation":
                why = "no operation of the OpenAPI description does this (per the matcher)"
            else:
                why = ("the matcher was unsure (pin the operation with "
                       "<!-- llmsdocs: curl OPERATION_ID --> or <!-- llmsdocs: curl none -->)")
            emit("ui-step-without-api", step.line,
                 f"UI step without API equivalent: {_short(step.text)!r}: {why}", step.text)

    def _without_spec(self, markdown: str, emit: Emit) -> None:
        blocks: dict[tuple[int, int], list[Any]] = {}
        for step in self._detect(markdown):
            blocks.setdefault((step.block_start, step.block_end), []).append(step)
        for block in blocks.values():
            if any(s.has_curl or s.pin is not None for s in block):
                continue
            actions = [s for s in block if is_ui_action(s.text, s.in_list)]
            if not actions:
                continue
            more = f" (+{len(actions) - 1} more step(s))" if len(actions) > 1 else ""
            emit("ui-step-without-api", actions[0].line,
                 f"UI steps with no curl after them: {_short(actions[0].text)!r}{more}; "
                 "configure `openapi` to check whether the API can do it", actions[0].text)
