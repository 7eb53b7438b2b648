"""curlify: put the equivalent curl call beside (or in place of) each UI procedure of a page.

The page is never reformatted: the output is the input's lines, with a short label and a fenced
``shell`` block inserted after a matched block (``append``, the default) or in its place
(``replace``). Author control wins over matching: a ``<!-- llmsdocs: curl OPID -->`` marker (or
``{/* llmsdocs: curl OPID */}`` in MDX) pins the block after it, ``curl none`` keeps it a UI
step, and ``overrides`` (from the configuration) maps a step's text or label to an operation.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from llmsdocs.errors import ConfigError, SpecError
from llmsdocs.openapi import Operation, Spec
from llmsdocs.steps import ITEM_MARK_RE, UiStep, analyze

if TYPE_CHECKING:
    from llmsdocs.match import Matcher

MODES = ("append", "replace")


@dataclass(slots=True, frozen=True)
class StepDecision:
    """What curlify decided for one action (a block of steps)."""

    step: UiStep
    """The step that carries the action."""
    decision: str
    """matched | pinned | pinned-none | no-operation | unsure | invalid | has-curl."""
    operation_id: str | None
    """The operation written (or that failed validation), else None."""
    confidence: float
    """The matcher's confidence (1.0 for pins)."""
    reason: str
    """Why, in a few words."""


class _Call(NamedTuple):
    """A validated call of one block, before it is placed."""

    block_no: int
    decision_no: int
    block: list[UiStep]
    op: Operation
    command: str


@dataclass(slots=True, frozen=True)
class CurlifyResult:
    """The rewritten page and one decision per detected action."""

    markdown: str
    """The page with curl blocks inserted (identical to the input where nothing matched)."""
    decisions: list[StepDecision]
    """In page order."""


def _blocks(steps: Sequence[UiStep]) -> list[list[UiStep]]:
    """The procedures of a page: one per list (or paragraph), one per branch of a list that
    offers alternatives (see :func:`_branches`)."""
    groups: dict[tuple[int, int], list[UiStep]] = {}
    for s in steps:
        groups.setdefault((s.block_start, s.block_end), []).append(s)
    return [branch for k in sorted(groups) for branch in _branches(groups[k])]


PURPOSE_ITEM_RE = re.compile(ITEM_MARK_RE.pattern + r"To\s+[a-z]+\b(?:[^,.]{0,40},|[^.:]{0,100}:\s*$)")
"""An item that starts with its own purpose ("4. To delete, select **Delete property**", or
"5. To remove permissions that a role has:" over its own sub-steps)."""
OPTION_ITEM_RE = re.compile(r"^\s*[-*+]\s+\*\*[^*]+\*\*(?:\s*[.—–-]|\s*$)")
"""A nested item that is a menu's option ("- **Delete scope**. Confirm …")."""


def _branches(block: list[UiStep]) -> list[list[UiStep]]:
    """Split a list whose items are alternatives into one procedure per alternative.

    "3. To edit, choose **Edit property** … 4. To delete, select **Delete property**" (or a
    menu's options as nested items) are two actions: each gets the steps before the first
    alternative and its own.
    """
    alts = [
        i for i, s in enumerate(block)
        if PURPOSE_ITEM_RE.match(s.text) or (s.depth > 0 and OPTION_ITEM_RE.match(s.text))
    ]
    if len(alts) < 2 or len({block[i].depth for i in alts}) != 1:
        return [block]
    common = block[: alts[0]]
    ends = [*alts[1:], len(block)]
    return [common + block[i:end] for i, end in zip(alts, ends)]


def _override(block: Sequence[UiStep], overrides: Mapping[str, str] | None) -> str | None:
    if not overrides:
        return None
    for step in block:
        keys = {step.text.strip(), ITEM_MARK_RE.sub("", step.text).strip()}
        keys.update(step.labels)
        for key in keys:
            if key in overrides:
                return overrides[key]
    return None


def _mentioned_fields(op: Operation, block: Sequence[UiStep]) -> list[str]:
    """Body properties whose words all appear in a label, the heading or the introduction.

    The most specific path wins (``project.settings.allowed_ips`` over ``project``).
    """
    from llmsdocs.match import GENERIC_NOUNS, field_words, lemma, split_words

    texts = [lab for s in block for lab in s.labels] + [block[0].intro]
    if block[0].headings:
        texts.append(block[0].headings[-1])
    said = {lemma(w) for t in texts for w in split_words(t)}
    said |= {w[2:] for w in said if w.startswith("un") and len(w) > 5}
    out: list[str] = []
    for prop in op.body_properties:
        words = field_words(prop)
        if (
            words
            and all(w in said for w in words)
            and len(prop.rsplit(".", 1)[-1]) > 3
            and not all(w in GENERIC_NOUNS for w in words)  # "Project settings" is a page
        ):
            out = [p for p in out if not prop.startswith(p + ".")]
            out.append(prop)
    return out


OFF_RE = re.compile(r"\b(?:disable|deactivate|turn\s+off|toggle\s+off|switch\s+off|uncheck|un[a-z]{4,})\b", re.IGNORECASE)
"""A step that turns its switch off: the mentioned boolean goes in as false."""


def _render(call_command: str, op: Operation, indent: int) -> list[str]:
    pad = " " * indent
    name = op.summary.rstrip(".") or op.operation_id  # a spec without summaries names its operations
    label = f"{pad}With the API ({name}):" if name else f"{pad}With the API:"
    body = [f"{pad}```shell"] + [pad + ln for ln in call_command.split("\n")] + [f"{pad}```"]
    return [label, ""] + body


def prepare(spec: Spec) -> None:
    """Pay once what the first :func:`curlify` call with ``spec`` would: the matcher's imports and
    word lists, the spec's index and the JSON Schema validator's import.

    A build calls it before it forks worker processes, which then inherit all of it instead of
    each paying it again (~0.1 s a process on sample_site, more on a large spec).
    """
    import jsonschema  # noqa: F401 - the validator's import, inherited by forked workers

    import llmsdocs.curl  # noqa: F401
    from llmsdocs.match import index_spec

    index_spec(spec)


def curlify(
    markdown: str,
    spec: Spec | None,
    *,
    mode: str = "append",
    overrides: Mapping[str, str] | None = None,
    use_hints: bool = True,
    matcher: Matcher | None = None,
) -> CurlifyResult:
    """Insert a validated curl call after (or instead of) each UI procedure that has one.

    Args:
        markdown: the page (markdown or MDX source, or a twin).
        spec: the product's OpenAPI description; None only detects steps (all "no-operation").
        mode: ``append`` (after the step's list) or ``replace`` (instead of it).
        overrides: step text or label → operationId (or ``none``), from the configuration.
        use_hints: read API calls from agent-only blocks of the page (``<If is="llm">``).
        matcher: another :class:`llmsdocs.match.Matcher`; default the lexical one.
    """
    if mode not in MODES:
        raise ConfigError("mode", f"unknown curlify mode {mode!r} (use one of {', '.join(MODES)})")
    page = analyze(markdown)
    lines = page.lines
    decisions: list[StepDecision] = []
    inserts: dict[int, tuple[int, list[str]]] = {}  # block_end -> (block_start, new lines)
    seen_ops: dict[int, set[str]] = {}  # block_end -> operations already inserted there
    if spec is None:
        for block in _blocks(page.steps):
            decisions.append(StepDecision(block[-1], "no-operation", None, 0.0, "no spec given"))
        return CurlifyResult(markdown, decisions)
    if not page.steps:
        return CurlifyResult(markdown, decisions)  # nothing to match: no matcher, no word forms

    from llmsdocs.curl import checked_curl
    from llmsdocs.match import LexicalMatcher, MatchContext, only_goes, page_product, word_set

    active: Matcher = matcher or LexicalMatcher(spec, use_hints=use_hints)
    context = MatchContext(
        title=page.title,
        hints=tuple(page.hints) if use_hints else (),
        page_words=word_set(markdown[:200_000]),
        lines=tuple(lines),
        page_product=page_product(markdown),
    )
    calls: list[_Call] = []
    for no, block in enumerate(_blocks(page.steps)):
        last = block[-1]
        pin = last.pin or _override(block, overrides)
        op: Operation | None = None
        if pin == "none":
            decisions.append(StepDecision(last, "pinned-none", None, 1.0, "pinned to none by the author"))
            continue
        if pin:
            op = spec.by_id.get(pin)
            if op is None:
                decisions.append(StepDecision(last, "invalid", pin, 1.0, f"pinned operation {pin!r} is not in the spec"))
                continue
            decision, conf, reason, step = "pinned", 1.0, "pinned by the author", last
        elif last.has_curl:
            decisions.append(StepDecision(last, "has-curl", None, 1.0, "the page already shows a call here"))
            continue
        else:
            m = active.match(block, context)
            if m.operation is None:
                decisions.append(StepDecision(m.step, m.decision, None, m.confidence, m.reason))
                continue
            op, decision, conf, reason, step = m.operation, "matched", m.confidence, m.reason, m.step
        off = any(OFF_RE.search(" ".join(st.labels) or st.text) for st in block)
        try:
            call, problems = checked_curl(spec, op, _mentioned_fields(op, block), off=off)
        except SpecError as exc:  # a dangling $ref or a malformed schema in this operation: not this call
            decisions.append(StepDecision(step, "invalid", op.operation_id, conf, exc.reason))
            continue
        if problems:
            decisions.append(StepDecision(step, "invalid", op.operation_id, conf, "; ".join(problems[:3])))
            continue
        decisions.append(StepDecision(step, decision, op.operation_id, conf, reason))
        calls.append(_Call(no, len(decisions) - 1, block, op, call.command))
    for k, (no, at, block, op, command) in enumerate(calls):
        last = block[-1]
        after = calls[k + 1] if k + 1 < len(calls) else None
        if (
            after is not None and after.block_no == no + 1 and after.op is op
            and decisions[at].decision == "matched" and block[0].headings == after.block[0].headings
            and only_goes(block)
        ):
            # "To create a tag, navigate to the Tags page." then "Click **Create Tag** …": one
            # procedure over two paragraphs, its call shown once, after the step that does it
            d = decisions[at]
            decisions[at] = dataclasses.replace(d, reason=f"{d.reason}; shown after line {after.block[-1].line}")
            continue
        done = seen_ops.setdefault(last.block_end, set())
        if op.operation_id in done:
            continue  # two branches of one list that lead to the same call: shown once
        done.add(op.operation_id)
        rendered = _render(command, op, last.indent)
        if last.block_end in inserts:  # another branch of the same list
            rendered = [*inserts[last.block_end][1], "", *rendered]
        inserts[last.block_end] = (last.block_start, rendered)
    if not inserts:
        return CurlifyResult(markdown, decisions)
    out: list[str] = []
    skip_until = 0
    starts = {start: end for end, (start, _) in inserts.items()}
    for no, line in enumerate(lines, start=1):
        if mode == "replace" and no in starts:
            skip_until = starts[no]
        if no <= skip_until:
            if no == skip_until:
                out.extend(inserts[no][1])
            continue
        out.append(line)
        if no in inserts:
            following = lines[no] if no < len(lines) else ""
            out.append("")
            out.extend(inserts[no][1])
            if following.strip():
                out.append("")
    return CurlifyResult("\n".join(out), decisions)


@dataclass(slots=True, frozen=True)
class CurlifyReport:
    """Decisions for one page, as the CLI reports them."""

    page: str
    """The page's path as given."""
    decisions: list[StepDecision]
    """One per detected action."""
    spec_warning: str | None = None
    """The spec's operations left out, in one line (:meth:`Spec.skipped_message`), else None."""

    def records(self) -> list[dict[str, object]]:
        """JSON records: page, line, step, decision, operation, confidence, reason."""
        return [
            {
                "page": self.page,
                "line": d.step.line,
                "step": d.step.text,
                "decision": d.decision,
                "operation": d.operation_id,
                "confidence": round(d.confidence, 3),
                "reason": d.reason,
            }
            for d in self.decisions
        ]

    def to_json(self) -> str:
        """The report file's content."""
        import json

        return json.dumps(self.records(), indent=2, ensure_ascii=False) + "\n"

    def unmatched_lines(self) -> list[str]:
        """``page:line: decision: step (reason)`` for every step left as a UI step."""
        return [
            f"{self.page}:{d.step.line}: {d.decision}: {d.step.text} ({d.reason})"
            for d in self.decisions
            if d.decision in {"no-operation", "unsure", "invalid"}
        ]


def curlify_file(
    page: str, spec_path: str, *, mode: str = "append", use_hints: bool = True,
    overrides: Mapping[str, str] | None = None,
) -> tuple[str, CurlifyReport]:
    """Read a page and a spec from disk and curlify the page (the CLI's one call)."""
    from pathlib import Path

    from llmsdocs.errors import InputError
    from llmsdocs.openapi import load_spec

    try:
        raw = Path(page).read_bytes()
    except OSError as exc:
        raise InputError(page, f"cannot read page: {exc.strerror or exc}") from None
    if b"\0" in raw[:8192]:
        raise InputError(page, "not a text file (binary content)")
    try:
        markdown = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(page, "not UTF-8 text") from None
    spec = load_spec(spec_path)
    result = curlify(markdown, spec, mode=mode, overrides=overrides, use_hints=use_hints)
    return result.markdown, CurlifyReport(page, result.decisions, spec.skipped_message())
