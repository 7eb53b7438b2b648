"""The "UI step without API equivalent" rule, over the click->curl detector's output.

The detector (``llmsdocs.steps``) favours recall: curlify wants every candidate step. A lint
warning has to be right on its own, so two things are added here:

- a gate: a step counts when it is unmistakably a UI action — an unambiguous UI verb (click,
  tap, press, select, choose, navigate, toggle) used as an imperative (at the start of a
  clause) with an object, or a breadcrumb (``Settings > Billing``) in a list item or after an
  imperative. "`PATCH` requests change only the fields they contain", "**state**: on or off",
  "Click is a Python package" are not steps;
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

GATE_VERBS = r"(?:double-|right-)?click|tap|press|select|choose|navigate|toggle"
# Where an imperative starts: the step's first word, a new sentence, or after a comma,
# semicolon, colon, "and", "then" or "or" ("Open the project and select **Flags**", "In the **Domain** field,
# enter it and click **Add**").
CLAUSE = r"(?:^|[,;:(]\s*|[.!?]\s+|\b(?:and|then|or)\s+)"
DETERMINERS = ("the|a|an|on|off|its|your|their|this|that|these|those|one|another|all|any|each|"
               "every|it|them|from|in|to|between|either|both|yes|no|ok|cancel|next|save|done")
# An imperative UI verb with its object: "click **Save**", "select the flag", "press `Enter`",
# "choose Production", "toggle on **MFA**". Not: "Click is a Python package", "Click's parser",
# "select which locker", "waits for the user to press any key", "the toggle opens".
VERB_OBJECT_RE = re.compile(
    rf"{CLAUSE}(?i:{GATE_VERBS})\s+(?:\*|_|\"|“|‘|'|<kbd|\[|(?i:{DETERMINERS})\b|[A-Z])")
# A breadcrumb between labels: "Settings > Billing", "**Flags › Insights**" (not "f() → Type").
BREADCRUMB_RE = re.compile(r"[A-Za-z]\**\s(?:>|›|→|»|&gt;)\s\**[A-Z]")
LEAD_RE = re.compile(r"^\s*(?:[-*+]|\d+[.)])?\s*(?:>\s*)?")
WORD_RE = re.compile(r"[A-Za-z]+")
# A page with none of these cannot hold a step that passes the gate: skip the detector.
MAYBE_STEP_RE = re.compile(rf"(?i)\b(?:{GATE_VERBS})|\S\s(?:>|›|→|»|&gt;)\s\S")

Emit = Callable[[str, int | None, str, str | None], None]


def is_ui_action(text: str, in_list: bool) -> bool:
    """True for an unmistakable UI action step (see the module docstring)."""
    body = LEAD_RE.sub("", text)
    if re.match(r"^\*\*[^*]+\*\*\s*[:—–-]", body):  # "**Term**: definition"
        return False
    plain = re.sub(r"\[[^\]]*\]\([^)]*\)", '"x"', body)  # a link: a label, not words
    plain = re.sub(r"`[^`]*`", '"x"', plain)  # code spans: labels, never verbs
    if VERB_OBJECT_RE.search(plain):
        return True
    if not BREADCRUMB_RE.search(plain):
        return False
    if in_list:
        return True
    from llmsdocs.steps import UI_VERBS

    return any(word.lower() in UI_VERBS for word in re.findall(
        rf"{CLAUSE}([A-Za-z]+)", plain))


def curl_follows(lines: list[str], block_end: int) -> bool:
    """Whether a code block with a curl call follows a procedure ending on ``block_end``
    (1-based), blank lines and one introducing paragraph ("With the API (...):") between —
    the shape curlify writes, which the detector's own ``has_curl`` does not always see."""
    index = block_end
    paragraphs = 0
    while index < len(lines):
        line = lines[index].strip()
        if not line:
            index += 1
            continue
        if line.startswith(("```", "~~~")):
            fence = line[:3]
            body = []
            index += 1
            while index < len(lines) and not lines[index].strip().startswith(fence):
                body.append(lines[index])
                index += 1
            return bool(re.search(r"\bcurl\b", "\n".join(body)))
        if line.startswith("#") or paragraphs or not line.endswith(":"):
            return False
        paragraphs += 1
        index += 1
    return False


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

        lines = markdown.splitlines()
        for decision in curlify(markdown, self._spec).decisions:
            step = decision.step
            if decision.decision not in ("no-operation", "unsure"):
                continue
            if step.has_curl or step.pin is not None or curl_follows(lines, step.block_end):
                continue  # the procedure already has its curl (or an author's pin) after it
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
        lines = markdown.splitlines()
        blocks: dict[tuple[int, int], list[Any]] = {}
        for step in self._detect(markdown):
            blocks.setdefault((step.block_start, step.block_end), []).append(step)
        for block in blocks.values():
            if any(s.has_curl or s.pin is not None for s in block):
                continue
            if curl_follows(lines, block[0].block_end):
                continue
            actions = [s for s in block if is_ui_action(s.text, s.in_list)]
            if not actions:
                continue
            more = f" (+{len(actions) - 1} more step(s))" if len(actions) > 1 else ""
            emit("ui-step-without-api", actions[0].line,
                 f"UI steps with no curl after them: {_short(actions[0].text)!r}{more}; "
                 "configure `openapi` to check whether the API can do it", actions[0].text)
