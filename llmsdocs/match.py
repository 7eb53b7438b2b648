"""Match a UI procedure to the one API operation that does the same thing, or abstain.

The default matcher is lexical, deterministic and offline. It compares

* resource nouns of the step and its context (labels, the step, the sentence that introduces the
  list, headings, the page title) with the resource segments of each operation's path,
  split on ``_``/``-``/camelCase and reduced to their dictionary form (``simplemma``);
* the action verb (from the clicked label, else the introduction or heading) with the method
  and, for action endpoints such as ``POST …/revoke``, with the action segment;
* field labels with the request body's property names (for settings pages);

and speaks only when the best operation is clearly ahead of the next one. A wrong curl is worse
than none, so every doubt ends in abstention ("unsure").

Another matcher plugs in through the :class:`Matcher` protocol: anything with
``match(block, context) -> Match`` (for instance one that asks a language model and returns
``Match(None, 0.0, "unsure", ...)`` when it does not know).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol

from llmsdocs.openapi import Operation, Spec
from llmsdocs.steps import Hint, UiStep

# Verb → intent. General English, not phrases from any product's docs.
CREATE_VERBS = frozenset(
    "create add new generate register issue invite grant make share provision build".split()
)
DELETE_VERBS = frozenset(
    "delete remove revoke destroy disconnect uninstall unassign erase discard drop".split()
)
UPDATE_VERBS = frozenset(
    """edit rename update change set toggle enable disable turn configure modify assign promote
    demote move adjust replace allow block restrict limit specify reset restore mark switch
    select choose""".split()
)
COMMIT_VERBS = frozenset("save apply confirm submit ok done continue finish update".split())
"""Buttons that commit a form; their intent comes from the introduction or heading."""
NAV_VERBS = frozenset(
    "click select navigate go open choose press tap find scroll locate view see visit".split()
)
READ_VERBS = frozenset("view see list monitor browse look show display read check".split())
ACTION_VERBS = CREATE_VERBS | DELETE_VERBS | UPDATE_VERBS | frozenset(
    """revoke restore reset verify rotate test ban unban lock unlock finalize reject revert
    preview refresh transfer suspend start restart send resend approve archive publish sync
    trigger cancel extend accept upload import export invite""".split()
)
STOP = frozenset(
    """a an the and or to of in on for with from by at as is are be this that these those it its
    your you yours their our we can will then when if into via using use new button page tab
    menu dropdown dialog modal drawer field option section list icon link settings setting
    dashboard console left right top bottom next each all any more want need one two first
    following below above same also only just once which who what how here there until""".split()
)
FOREIGN_PLACES = (
    "dns provider",
    "identity provider",
    "domain registrar",
    "registrar",
    "mailbox",
    "inbox",
    "email client",
)
"""Places outside any product's own UI (generic; brand names are detected separately)."""
PLACE_NOUNS = frozenset(
    "dashboard console account workspace app portal admin organization settings page".split()
)


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """Dictionary form of an English word (``branches`` → ``branch``, ``created`` → ``create``)."""
    import simplemma  # imported here: curlify is the only user (import cost, see CONTRACTS.md)

    w = word.lower()
    base = str(simplemma.lemmatize(w, lang="en")).lower()
    if base == w and len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        base = w[:-3] + "y" if w.endswith("ies") else w[:-1]
    return base


def split_words(text: str) -> list[str]:
    """Split identifiers and prose into lower-case words (camelCase, snake_case, kebab-case)."""
    text = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", text)
    text = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1 \2", text)
    return [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z0-9]*", text)]


def lemmas(text: str) -> list[str]:
    """Words of ``text`` in dictionary form, stop words removed."""
    return [lemma(w) for w in split_words(text) if w.lower() not in STOP and len(w) > 1]


def intent_of(verb: str) -> str | None:
    """``create`` | ``delete`` | ``update`` | ``read`` for a verb lemma, else None."""
    if verb in CREATE_VERBS:
        return "create"
    if verb in DELETE_VERBS:
        return "delete"
    if verb in UPDATE_VERBS or verb in COMMIT_VERBS:
        return "update"
    if verb in READ_VERBS:
        return "read"
    return None


@dataclass(slots=True, frozen=True)
class OpIndex:
    """What the matcher knows about one operation."""

    op: Operation
    resource: tuple[str, ...]
    """Words of the resource segment (``organization_roles`` → organization, role)."""
    parents: tuple[str, ...]
    """Words of the literal segments before the resource."""
    action: tuple[str, ...]
    """Words of a trailing action segment (``…/{id}/revoke`` → revoke), else empty."""
    item: bool
    """The path ends in a parameter (one item) rather than a collection."""
    fields: tuple[tuple[str, tuple[str, ...]], ...]
    """Body property names with their words."""
    tags: tuple[str, ...]
    """Words of the operation's tags."""
    summary: tuple[str, ...]
    """Words of the summary and operationId."""


@dataclass(slots=True)
class SpecIndex:
    """Operations indexed once per spec, plus vocabulary statistics."""

    spec: Spec
    ops: list[OpIndex]
    field_df: dict[str, int]
    vocabulary: frozenset[str]
    base_paths: tuple[str, ...]


def _segment_words(seg: str) -> tuple[str, ...]:
    return tuple(lemma(w) for w in split_words(seg) if w not in {"v1", "v2", "v3"})


def index_spec(spec: Spec) -> SpecIndex:
    """Build the matcher's view of a spec (cached on the spec object)."""
    cached = spec._cache.get("__match_index__")
    if isinstance(cached, SpecIndex):
        return cached
    ops: list[OpIndex] = []
    field_df: dict[str, int] = {}
    vocab: set[str] = set()
    for op in spec.operations:
        segs = [s for s in op.path.strip("/").split("/") if s]
        literal = [(i, s) for i, s in enumerate(segs) if not s.startswith("{")]
        item = bool(segs) and segs[-1].startswith("{")
        action: tuple[str, ...] = ()
        if literal:
            last_i, last = literal[-1]
            words = _segment_words(last)
            follows_param = last_i > 0 and segs[last_i - 1].startswith("{")
            if (
                not item
                and words
                and words[0] in ACTION_VERBS
                and (follows_param or len(literal) > 1)
                and op.method in {"POST", "PUT", "PATCH", "DELETE"}
            ):
                action = words
                literal = literal[:-1]
        resource = _segment_words(literal[-1][1]) if literal else ()
        parents = tuple(w for _, s in literal[:-1] for w in _segment_words(s))
        fields = tuple((p, tuple(lemma(w) for w in split_words(p))) for p in op.body_properties)
        for name, _ in fields:
            field_df[name] = field_df.get(name, 0) + 1
        tags = tuple(w for t in op.tags for w in lemmas(t))
        summary = tuple(lemmas(op.summary)) + tuple(lemmas(op.operation_id))
        vocab.update(resource, parents, action, tags, summary)
        ops.append(OpIndex(op, resource, parents, action, item, fields, tags, summary))
    bases = tuple(
        sorted({re.sub(r"^https?://[^/]+", "", s).rstrip("/") for s in spec.servers} - {""})
    )
    index = SpecIndex(spec, ops, field_df, frozenset(vocab), bases)
    spec._cache["__match_index__"] = index
    return index


@dataclass(slots=True, frozen=True)
class MatchContext:
    """Page-level context for matching one block."""

    title: str
    """The page title."""
    hints: tuple[Hint, ...] = ()
    """Agent-only blocks of the page (used only when ``use_hints``)."""
    page_words: frozenset[str] = frozenset()
    """Lemmas of the whole page (weakest evidence for qualifying words)."""
    lines: tuple[str, ...] = ()
    """The page's lines (hints apply to the section they are in)."""


@dataclass(slots=True, frozen=True)
class Match:
    """A matcher's answer for one block (a procedure is one action)."""

    operation: Operation | None
    """The operation, or None when abstaining."""
    confidence: float
    """0..1; the default matcher speaks at or above its threshold."""
    decision: str
    """``matched`` | ``no-operation`` | ``unsure``."""
    reason: str
    """Why, in a few words (shown in reports and lint messages)."""
    step: UiStep
    """The step that carries the action."""


class Matcher(Protocol):
    """Interface for matchers: the lexical one below, or any other (e.g. a model-backed one)."""

    def match(self, block: Sequence[UiStep], context: MatchContext) -> Match:
        """Return one :class:`Match` for a block of steps (a list or a paragraph)."""


@dataclass(slots=True)
class _Evidence:
    """Lemma → best weight, from the focus step outward."""

    weights: dict[str, float] = field(default_factory=dict)

    def add(self, words: Iterable[str], weight: float) -> None:
        for w in words:
            if self.weights.get(w, 0.0) < weight:
                self.weights[w] = weight

    def get(self, word: str) -> float:
        return self.weights.get(word, 0.0)


W_LABEL, W_TEXT, W_INTRO, W_HEADING, W_BLOCK, W_TITLE, W_PAGE = 1.0, 0.9, 0.8, 0.8, 0.5, 0.5, 0.25
HINT_PATH_RE = re.compile(r"(?:^|[\s`'\"(])(/?[A-Za-z0-9_{}<>:.-]+(?:/[A-Za-z0-9_{}<>:.-]+)*)")
HINT_METHOD_RE = re.compile(r"(?:-X|--request)\s+([A-Z]+)")


def _verbs(text: str) -> list[str]:
    return [lemma(w) for w in split_words(re.sub(r"\]\([^)]*\)", "]", text))]


def _label_intent(labels: Sequence[str]) -> tuple[str | None, str | None]:
    """(intent, verb) from the clicked labels: "Add role" → create; "Save" → commit."""
    for label in labels:
        words = [lemma(w) for w in split_words(label)]
        if not words:
            continue
        first = words[0]
        if first in COMMIT_VERBS and len(words) <= 2:
            return "commit", first
        intent = intent_of(first)
        if intent in {"create", "delete", "update"} or first in ACTION_VERBS:
            return intent or "update", first
    return None, None


def _text_intent(text: str) -> tuple[str | None, str | None]:
    """First verb with a CRUD intent in a sentence, skipping navigation verbs."""
    for w in _verbs(text):
        if w in NAV_VERBS and w not in {"select", "choose"}:
            continue
        intent = intent_of(w)
        if intent is not None and w not in {"select", "choose"}:
            return intent, w
    return None, None


@dataclass(slots=True)
class LexicalMatcher:
    """The default, offline matcher (see the module docstring)."""

    spec: Spec
    threshold: float = 0.72
    """Minimum score to speak."""
    margin: float = 0.1
    """Minimum lead over the best operation of a different path/method."""
    use_hints: bool = True
    """Read API calls stated in agent-only blocks of the page (e.g. ``<If is="llm">``)."""
    index: SpecIndex = field(init=False)

    def __post_init__(self) -> None:
        self.index = index_spec(self.spec)

    # --- context -------------------------------------------------------------------------
    def _foreign(self, texts: Sequence[str]) -> str | None:
        product = lemma(self.spec.product_name())
        for text in texts:
            plain = re.sub(r"\]\([^)]*\)", "]", text)
            low = plain.lower()
            for place in FOREIGN_PLACES:
                if re.search(rf"\b{place}", low):
                    return place
            for m in re.finditer(
                r"\b(?:[Ii]n|[Oo]n|[Tt]o|[Ff]rom|[Oo]pen|[Ii]nto)\s+(?:the\s+|your\s+|a\s+)?"
                r"\**([A-Z][\w.-]*|[a-z][\w.-]*(?=\s+(?:dashboard|console|workspace|account)))",
                plain,
            ):
                name = m.group(1).strip("*.")
                rest = plain[m.end() :].lstrip("* ").lower()
                is_place = any(rest.startswith(p) for p in PLACE_NOUNS) or rest[:1] in {",", ""}
                if not is_place:
                    continue
                word = lemma(name)
                if word == product or word in STOP or word in PLACE_NOUNS:
                    continue
                if word in self.index.vocabulary:
                    continue
                return name
        return None

    def _hint_ops(self, hints: Iterable[Hint]) -> set[str]:
        found: set[str] = set()
        for hint in hints:
            for m in HINT_PATH_RE.finditer(hint.text):
                raw = m.group(1).strip("`'\".,")
                if "/" not in raw and "_" not in raw:
                    continue
                tail = hint.text[m.end() : m.end() + 80]
                meth = HINT_METHOD_RE.search(tail.split("`")[0])
                has_body = re.search(r"\s-d\s|--data|--file", tail.split("`")[0])
                method = meth.group(1) if meth else ("POST" if has_body else None)
                for oi in self.index.ops:
                    if self._path_like(raw, oi.op.path) and (
                        method is None or method == oi.op.method
                    ):
                        if method is None and oi.op.method == "GET":
                            continue
                        found.add(oi.op.operation_id)
        return found

    def _path_like(self, raw: str, template: str) -> bool:
        segs = [s for s in raw.strip("/").split("/") if s]
        for base in ("",) + self.index.base_paths:
            bsegs = [s for s in base.strip("/").split("/") if s]
            if segs[: len(bsegs)] == bsegs:
                segs = segs[len(bsegs) :]
        tsegs = [s for s in template.strip("/").split("/") if s]
        if len(segs) != len(tsegs) or not segs:
            return False
        for s, t in zip(segs, tsegs):
            if t.startswith("{"):
                continue
            if s != t:
                return False
        return True

    # --- scoring -------------------------------------------------------------------------
    def _evidence(self, focus: UiStep, block: Sequence[UiStep], ctx: MatchContext) -> _Evidence:
        ev = _Evidence()
        ev.add(ctx.page_words, W_PAGE)
        ev.add(lemmas(ctx.title), W_TITLE)
        for h in focus.headings[:-1]:
            ev.add(lemmas(h), W_TITLE)
        for other in block:
            if other is not focus:
                ev.add(lemmas(other.text), W_BLOCK)
        if focus.headings:
            ev.add(lemmas(focus.headings[-1]), W_HEADING)
        ev.add(lemmas(focus.intro), W_INTRO)
        ev.add(lemmas(focus.text), W_TEXT)
        for label in focus.labels:
            ev.add(lemmas(label), W_LABEL)
        return ev

    def _intent(self, focus: UiStep, block: Sequence[UiStep]) -> tuple[str | None, str | None]:
        intent, verb = _label_intent(focus.labels)
        if intent and intent != "commit":
            return intent, verb
        fallback = ("update", verb) if intent == "commit" else (None, None)
        # the step's own verbs, then the introduction, then the heading, then earlier steps
        sources = [focus.text, focus.intro, focus.headings[-1] if focus.headings else ""]
        sources += [s.text for s in block if s.line < focus.line][::-1]
        for text in sources:
            t_intent, t_verb = _text_intent(text)
            if t_intent in {"create", "delete", "update"}:
                return t_intent, t_verb
        return fallback

    def _score(
        self, oi: OpIndex, ev: _Evidence, intent: str | None, verb: str | None, hinted: bool
    ) -> tuple[float, str]:
        op = oi.op
        if op.deprecated or op.method in {"GET", "HEAD", "OPTIONS", "TRACE"}:
            return 0.0, "read-only"
        # method vs intent
        if oi.action:
            verb_w = max(ev.get(oi.action[0]), 0.0)
            if verb_w < W_HEADING and not hinted:
                return 0.0, "action verb absent"
            action_cov = sum(ev.get(w) for w in oi.action) / len(oi.action)
        else:
            action_cov = 0.0
            if intent == "create" and not (op.method == "POST" and not oi.item):
                return 0.0, "method"
            if intent == "delete" and op.method != "DELETE":
                return 0.0, "method"
            if intent == "update" and op.method not in {"PATCH", "PUT"}:
                return 0.0, "method"
            if intent is None and not hinted:
                return 0.0, "no intent"
        # resource nouns
        res = oi.resource or oi.parents[-1:]
        if not res:
            return 0.0, "no resource"
        head = ev.get(res[-1])
        mods = [ev.get(w) for w in res[:-1]]
        noun = 0.7 * head + 0.3 * (sum(mods) / len(mods) if mods else head)
        # body fields (settings toggles): only rare properties count
        field_score = 0.0
        if op.method in {"PATCH", "PUT"} and oi.fields:
            n = max(len(self.index.ops), 2)
            for name, words in oi.fields:
                if not words or all(w in STOP for w in words):
                    continue
                cover = min(ev.get(w) for w in words)
                rarity = 1.0 - math.log(self.index.field_df.get(name, 1)) / math.log(n)
                if cover >= W_HEADING and rarity > 0.6 and len(name) > 3:
                    field_score = max(field_score, cover * (0.75 + 0.15 * min(len(words), 2)))
        score = max(noun, field_score * 0.95 if head >= W_TITLE or not oi.item else 0.0)
        if oi.action:
            score = 0.6 * score + 0.4 * action_cov + 0.1
        if head < W_BLOCK and field_score == 0.0 and not hinted:
            return 0.0, "resource not named"
        parents = [ev.get(w) for w in oi.parents]
        if parents:
            score += 0.05 * (sum(parents) / len(parents))
        if hinted:
            score += 0.25
        return score, "resource+verb"

    def match(self, block: Sequence[UiStep], context: MatchContext) -> Match:
        """Score every operation for each step of the block; keep the best clear winner."""
        texts = [s.text for s in block] + [block[0].intro]
        if block[0].headings:
            texts.append(block[0].headings[-1])
        foreign = self._foreign(texts)
        last = block[-1]
        if foreign:
            return Match(None, 0.0, "no-operation", f"step in another product's UI ({foreign})", last)
        hinted: set[str] = set()
        if self.use_hints and context.hints:
            section = [h for h in context.hints if self._same_section(h, block[0], context)]
            hinted = self._hint_ops(section)
        best: list[tuple[float, OpIndex, UiStep, str]] = []
        any_intent = False
        for focus in block:
            intent, verb = self._intent(focus, block)
            if intent == "read":
                continue
            any_intent = any_intent or intent is not None
            ev = self._evidence(focus, block, context)
            for oi in self.index.ops:
                s, why = self._score(oi, ev, intent, verb, oi.op.operation_id in hinted)
                if s > 0:
                    best.append((s, oi, focus, f"{why}; intent={intent}"))
        if not best:
            reason = "no operation fits" if any_intent else "navigation or viewing only"
            return Match(None, 0.0, "no-operation", reason, last)
        best.sort(key=lambda t: -t[0])
        top, oi, focus, why = best[0]
        runner = next(
            (t for t in best[1:] if t[1].op.operation_id != oi.op.operation_id), None
        )
        gap = top - runner[0] if runner else top
        conf = max(0.0, min(1.0, top * min(1.0, 0.5 + gap * 2.5)))
        if top < self.threshold:
            return Match(None, conf, "no-operation" if top < 0.5 else "unsure",
                         f"best {oi.op.operation_id} scored {top:.2f}", focus)
        if gap < self.margin:
            other = runner[1].op.operation_id if runner else "?"
            return Match(None, conf, "unsure",
                         f"{oi.op.operation_id} and {other} fit equally ({top:.2f})", focus)
        return Match(oi.op, conf, "matched", why, focus)

    def _same_section(self, hint: Hint, step: UiStep, ctx: MatchContext) -> bool:
        """A hint applies to steps after it in its section (up to the next heading)."""
        if hint.end >= step.block_start:
            return False
        for ln in range(hint.end, step.block_start - 1):
            if ln < len(ctx.lines) and re.match(r"^\s{0,3}#{1,6}\s", ctx.lines[ln]):
                return False
        return True
