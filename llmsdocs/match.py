"""Match a UI procedure to the one API operation that does the same thing, or abstain.

The default matcher is lexical, deterministic and offline. It compares

* resource nouns of the step and its context (labels, the step, the sentence that introduces the
  list, headings, the page title) with the resource segments of each operation's path,
  split on ``_``/``-``/camelCase and reduced to a shared word form (Snowball stems);
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

import dataclasses
import ipaddress
import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Protocol
from urllib.parse import urlsplit

from llmsdocs.openapi import GENERIC_TITLE_WORDS, Operation, Spec
from llmsdocs.steps import BREADCRUMB_RE, CRUMB_SEP, ITEM_MARK_RE, UI_ROUTE_RE, Hint, UiStep

STOP = frozenset(
    """a an the and or to of in on for with from by at as is are be this that these those it its
    your you yours their our we can will then when if into via using use new button page tab
    menu dropdown dialog modal drawer field option section list icon link settings setting
    dashboard console left right top bottom next each all any more want need one two first
    following below above same also only just once which who what how here there until ui
    sidebar""".split()
)
"""Words that never carry a step's meaning (compared as written, before stemming)."""


NOMINAL_SUFFIXES = ("tion", "sion", "ment", "ance", "ence", "ness", "ity", "ure")
"""Endings of nouns made from verbs; such a noun keeps its own form (the stem would be the verb's)."""


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    # imported here: curlify is the only user (import cost, see CONTRACTS.md). Snowball's English
    # stemmer is rules only, no dictionary to load (~1 ms; PyStemmer's C version when installed).
    import snowballstemmer  # type: ignore[import-untyped]  # no type information shipped

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """Word form shared by a word's inflections (``branches``/``branch``, ``created``/``create``).

    A Snowball stem, applied alike to the spec's words, the page's words and the word lists below,
    so only equality matters (``create`` → ``creat``). Nouns made from verbs keep their singular
    (Snowball would give ``invitation`` the stem of ``invite``), and stop words stay as written.
    """
    w = word.lower()
    w = SHORT_FORMS.get(w, w)
    if w in STOP:
        return w
    stem: str = _stemmer().stemWord(w)
    singular = w[:-3] + "y" if w.endswith("ies") else w.removesuffix("s")
    base = singular if singular != w and _stemmer().stemWord(singular) == stem else w
    if base.endswith(NOMINAL_SUFFIXES) and len(base) > 6:
        return base  # a noun made from a verb stays apart from the verb: invitation ≠ invite
    if (
        base.endswith("er") and len(base) > 5 and base not in ER_VERBS
        and _stemmer().stemWord(base[:-1]) == stem  # provide+r, manage+r, use+r
    ):
        return base  # who does it is not the doing: provider ≠ provide, manager ≠ manage
    return stem


def _doing(noun: str) -> str | None:
    """The lemma a page gives the doing a verbal noun names (impersonation → ``imperson``, as
    in "Stop impersonating"), or None when the noun is not made from a verb.

    :func:`lemma` keeps such nouns apart from their verb so that "invite a user" is not an
    invitation; as the object of another verb, the gerund is that noun."""
    if not noun.endswith(NOMINAL_SUFFIXES) or lemma(noun) != noun:
        return None
    stem: str = _stemmer().stemWord(noun)
    return stem if stem != noun and len(stem) >= 4 else None


SHORT_FORMS = {
    "org": "organization", "orgs": "organizations", "repo": "repository", "repos": "repositories",
    "env": "environment", "envs": "environments",
}
"""Clipped nouns that APIs write in paths and docs write in full (/org/projects: "Organization
settings"); software English, not any product's words."""


ER_VERBS = frozenset("register enter filter render deliver offer transfer answer order trigger cover "
                     "recover discover consider alter".split())
"""Verbs that end in -er themselves (register is not one who registes)."""


def forms(words: str) -> frozenset[str]:
    """The :func:`lemma` of each whitespace-separated word (for the word lists below)."""
    return frozenset(lemma(w) for w in words.split())


# Verb → intent. General English, not phrases from any product's docs.
CREATE_VERBS = forms("create add new generate register issue invite grant provision send")
DELETE_VERBS = forms("delete remove revoke destroy disconnect uninstall unassign erase discard drop")
UPDATE_VERBS = forms("""edit rename update change set toggle enable disable turn configure modify assign promote
    demote move adjust replace allow block restrict limit specify reset restore mark switch
    select choose""")
PLUS_LABEL_RE = re.compile(r"^\s*[+＋]\s*[A-Za-z]")
"""A button whose label is a plus sign before a noun ("+ Provider"): it adds one."""
RPC_SEGMENT_RE = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*)\.([a-z][A-Za-z0-9]*)$")
"""A path segment that names a resource and a method on it, RPC style (``channels.convertToTeam``)."""
BASIC_VERB_WORDS = frozenset("""create add new delete remove edit update change set save rename modify configure
    toggle enable disable turn generate register promote demote assign grant send""".split())
BASIC_VERBS = forms(" ".join(sorted(BASIC_VERB_WORDS)))
"""Verbs that plain create/update/delete endpoints do; others (restore, revoke) want their own."""
COMMIT_VERBS = forms("save apply confirm submit ok done continue finish update")
"""Buttons that commit a form; their intent comes from the introduction or heading."""
NAV_VERBS = forms("click select navigate go open choose press tap find scroll locate view see visit")
CHOOSE_VERBS = forms("select choose")
"""Navigation verbs that also pick a value."""
READ_VERBS = forms("view see list monitor browse look show display read")
QUERY_VERBS = forms("search query retrieve find lookup filter count")
"""Verbs of a POST that only reads (``…/search``): never a button's action."""
FETCH_VERBS = forms("get fetch")
"""A summary's "Get contacts by emails": a POST that reads, named by its summary only."""
READING_METHODS = frozenset("get list fetch search query find lookup retrieve count".split())
"""First words of an RPC method named in a path's last segment (``…/MonitorService/GetMonitor``,
``/users/list_members``) that only reads, whatever the HTTP method (Connect posts every call)."""
CRUD_VERBS = CREATE_VERBS | DELETE_VERBS | UPDATE_VERBS
AUX_WORDS = forms("has have is are was can should")
"""Auxiliaries that start a boolean's name (``hasDefaultUserSpaces``): no kind of thing."""
BULK_WORDS = forms("all bulk batch multiple several many selected every")
"""A step that acts on many items at once (the collection's own PATCH or DELETE)."""
ACTION_VERBS = CRUD_VERBS | forms(
    """revoke restore reset verify rotate test ban unban lock unlock finalize reject revert
    preview refresh transfer suspend start restart send resend approve archive publish sync
    trigger cancel extend accept upload import export invite validate deploy redeploy stop run
    execute install duplicate clone download pause resume retry rebuild connect activate
    deactivate reboot unlink unpause buy purchase rent evaluate"""
)
NOT_CREATING_VERBS = ACTION_VERBS | QUERY_VERBS | READ_VERBS | FETCH_VERBS
"""A POST's summary verbs that tell it does something else than create ("Validate an email")."""
LEAD_NAME_RE = re.compile(r"^\s*(?:[-*+]|\d+[.)])?\s*\*\*([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)\*\*\s*:\s*(.*)$")
"""A step led by a bold name and a colon: where the path after it is followed."""
CRUMB_RE = re.compile(r"\s(?:→|›|»|->|>)\s")
"""A breadcrumb's separator."""
FOR_NAME_RE = re.compile(r"^\s*For\s+([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)\s*:?\s*$")
"""An introduction that is only "For <Name>:", scoping the steps below to that product."""
ON_PLACE_RE = re.compile(r"^(?:On|In|At)\s+(?:the\s+)?([A-Z][\w.-]*)(?:\s+(?:side|website|site|UI))?$")
"""A heading that is only a place: "On GitHub", "In the Cloudflare side"."""
GO_LINK_RE = re.compile(
    r"\b(?:visit|open|go to|navigate to|head to|sign in to|sign into|log in to|log into|login to|browse to)\b"
    r"[^.]{0,40}?\]\((https?://[^)\s]+)\)"
    r"|\b(?:visit|open|opening|go to|navigate to)\s+`?(https?://[^`\s)]+)",
    re.IGNORECASE,
)
"""A step that sends the reader to an outside page by its link."""
LOGIN_RE = re.compile(
    r"\b(?i:log\s*in|login|sign\s*in|log|sign)\s+(?i:in\s+)?(?i:to|into)\s+"
    r"(?i:your\s+|the\s+|an?\s+)?([A-Z][\w.-]*)"
)
"""A sentence that logs the reader in to a named product ("login in to your Zabbix account")."""
USING_RE = re.compile(r"\b(?i:if\s+you(?:'re|\s+are)?\s+us(?:e|ing))\s+([A-Z][\w.-]*)")
"""A condition on working in a named tool ("If you're using Postman to test, select …")."""
EXAMPLE_RE = re.compile(r"\(\s*e\.g\.[^)]*\)|\be\.g\.[^.;]*")
"""An example value ("an indicative name (e.g. Keep Role)"): naming it does not go anywhere."""
SAME_ACTION: dict[str, frozenset[str]] = {}
"""Verb lemma → lemmas of verbs that name the same action endpoint (import ~ upload)."""
for _group in (
    "import upload", "export download", "duplicate clone copy", "activate enable",
    "deactivate disable", "restart reboot", "pause suspend", "resume unpause unsuspend",
    "connect link", "disconnect unlink", "validate verify check", "run execute trigger",
):
    _forms = forms(_group)
    for _verb in _forms:
        SAME_ACTION[_verb] = _forms - {_verb}
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
GENERIC_NOUNS = forms("setting settings config configuration option preference info detail data item")
"""Words that qualify a resource but do not name it (``organization_settings``)."""
CHANGE_NOUNS = forms("change changes configuration form update edit")
"""What a commit button commits ("Save changes", "Apply the configuration")."""
PLACE_WORDS = "dashboard console account workspace app application portal repository repo admin"
PLACE_NOUNS = forms(PLACE_WORDS)
IN_OTHER_PLACE_RE = re.compile(
    r"^\s*(?:[-*+]|\d+[.)])?\s*(?:In|On|From)\s+(?:the\s+|your\s+)?([A-Z][\w.-]*)\s+"
    rf"(?:{'|'.join(PLACE_WORDS.split())})s?\s*,"
)
"""A step that opens on another product's place ("In the GitHub repository, go to …")."""


_CAMEL_RE = re.compile(r"([a-z0-9])([A-Z])")
_ACRONYM_RE = re.compile(r"([A-Z]+)([A-Z][a-z])")
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z0-9]*")
_CACHED_TEXT = 2000
"""Texts up to this length have their words cached: step, label, heading and spec texts recur
across a block's steps and a site's pages; a whole page does not."""


_BRAND_RE = re.compile(r"\b(?:[A-Z][a-z]+(?:[A-Z][a-z]+|[A-Z]{2,}\b)+|[A-Z]{2,}[a-z]\d+|[A-Z][A-Z][a-z]+)\b")
"""A capitalised word with inner capitals in prose: a name (SendGrid, GitHub, PagerDuty, OpenAPI,
GraphQL), a versioned acronym (IPv4) or one capital before a word (OAuth, OData), one word."""


def _split_words(text: str) -> tuple[str, ...]:
    text = _BRAND_RE.sub(lambda m: m.group(0).lower(), text)
    return _split_identifier(text)


def _split_identifier(text: str) -> tuple[str, ...]:
    text = _ACRONYM_RE.sub(r"\1 \2", _CAMEL_RE.sub(r"\1 \2", text))
    return tuple(w.lower() for w in _WORD_RE.findall(text))


def split_identifier(text: str) -> list[str]:
    """Split an identifier into words: ``createSendGridProvider`` → create, send, grid, provider."""
    return list(_split_identifier(text))


def _lemmas(text: str) -> tuple[str, ...]:
    return tuple(lemma(w) for w in _split_words(text) if w not in STOP and len(w) > 1)


_split_cached = lru_cache(maxsize=16384)(_split_words)
_lemmas_cached = lru_cache(maxsize=16384)(_lemmas)


def split_words(text: str) -> list[str]:
    """Split prose into lower-case words (camelCase, snake_case, kebab-case split; a name with
    inner capitals such as ``SendGrid`` stays one word: see :func:`split_identifier`)."""
    return list(_split_cached(text) if len(text) <= _CACHED_TEXT else _split_words(text))


def word_set(text: str) -> frozenset[str]:
    """The distinct lemmas of a long text (a page repeats its words: each is lemmatised once)."""
    return frozenset(lemma(w) for w in set(split_words(text)) if w not in STOP and len(w) > 1)


def lemmas(text: str) -> list[str]:
    """Words of ``text`` in dictionary form, stop words removed."""
    return list(_lemmas_cached(text) if len(text) <= _CACHED_TEXT else _lemmas(text))


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
    nested: bool
    """The path has parameters (it acts on one item or something inside one)."""
    switchable: bool
    """Its summary or description says it toggles, enables or turns something on or off, or its
    body has the item's own on/off field (``enabled``, ``isActive``, ``disabledUntil``)."""
    fields: tuple[tuple[str, tuple[str, ...]], ...]
    """Body property names with their words."""
    tags: tuple[str, ...]
    """Words of the operation's tags."""
    summary: tuple[str, ...]
    """Words of the summary and operationId."""
    aliases: tuple[str, ...] = ()
    """Other names of the resource from the summary ("Update compute endpoint" → compute)."""
    summary_words: tuple[str, ...] = ()
    """Content lemmas of the summary alone, in order."""
    values: tuple[str, ...] = ()
    """Lemmas of the enum values the request body accepts (roles, plans, modes)."""
    field_says: tuple[tuple[str, frozenset[str]], ...] = ()
    """Boolean body properties with the lemmas of their description: a switch's UI label is
    often its description's words ("Require Two-Factor Authentication" for ``require2FA``)."""
    groups: tuple[str, ...] = ()
    """Parent words of literal segments followed by another literal (``/billing/addons``): a
    grouping of the API's paths, not an item the reader must have named."""
    doing: str = ""
    """The lemma of the verb a verbal-noun resource is made from (impersonation → imperson): the
    object of a step's verb that says it names the resource ("Stop impersonating"); said
    elsewhere on the page, it is only that verb."""
    does: str = ""
    """What the operation says it does: its summary's first word, else the verb its operationId
    starts with (``ofrep.evaluateBulk`` → evalu) where the spec has no summary."""
    compound: tuple[str, ...] = ()
    """The summary's fuller name of the resource, ending the summary's object: ("robot",
    "account") for ``POST /robots`` "Create a robot account". Said whole, it names the resource
    (its last word alone could be any account)."""
    reads: bool = False
    """The path ends in a reading method's name (``GetMonitor``): no click's action."""


@dataclass(slots=True)
class SpecIndex:
    """Operations indexed once per spec, plus vocabulary statistics."""

    spec: Spec
    ops: list[OpIndex]
    field_df: dict[str, int]
    vocabulary: frozenset[str]
    base_paths: tuple[str, ...]
    idf: dict[str, float]
    resource_words: frozenset[str] = frozenset()
    """Every word that names a resource in some path."""
    by_word: dict[str, tuple[int, ...]] = field(default_factory=dict)
    """Word → indexes of the operations it can name (resource, alias, field, summary words)."""
    alias_words: frozenset[str] = frozenset()
    """Every alias of a resource (from summaries)."""
    namespaces: frozenset[str] = frozenset()
    """Group words (``billing`` in ``/billing/addons``) that no path has as its resource: they
    sort the API's paths and name nothing a reader acts on."""
    summary_verbs: frozenset[str] = frozenset()
    """First words of the summaries of operations that change something ("terminate", "top"):
    the API's own verbs, some of which no dictionary list has."""
    collections: frozenset[str] = frozenset()
    """Paths that take a POST without an id: collections of things, not singleton settings."""
    tag_names: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    """Resource word → the several-word tags of its own operations that do not say it
    (``dataset`` → ``("knowledg", "base")``: the UI's name for it)."""
    action_ops: dict[str, int] = field(default_factory=dict)
    """Action verb (``…/{id}/recover`` → recover) → how many operations end in it."""
    compounds: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    """Word → the resources named in several words that contain it (``order`` → (draft, order)
    for ``/draft-orders``)."""
    name_pairs: frozenset[tuple[str, str]] = frozenset()
    """Two-word names the operations use, as lemma pairs ("service account" in
    ``createServiceAccount`` or its summary)."""
    bulk_twins: frozenset[tuple[str, str]] = frozenset()
    """(method, collection path) of a PATCH/PUT/DELETE on a whole collection whose items take
    the same method (``DELETE /notes`` beside ``DELETE /notes/{id}``): the bulk form."""
    scopes: frozenset[str] = frozenset()
    """The item at least half of the API's operations sit under (``/namespaces/{ns}/…``,
    ``/workspaces/{slug}/…``): the one the reader is working in, which pages seldom name."""


def _own_machine(host: str) -> bool:
    """localhost or an IP address: the reader's own instance of a self-hosted product."""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _does(op: Operation, summary_words: Sequence[str]) -> str:
    """See ``OpIndex.does``."""
    if op.summary.strip():
        return summary_words[0] if summary_words else ""
    words = [lemma(w) for w in split_identifier(op.operation_id.rsplit(".", 1)[-1])]
    return words[0] if words and words[0] in NOT_CREATING_VERBS else ""


def _bulk_twins(operations: Sequence[Operation]) -> frozenset[tuple[str, str]]:
    """Collection-level changes that have a per-item twin (see ``SpecIndex.bulk_twins``)."""
    changes = {(op.method, op.path.rstrip("/")) for op in operations if op.method in {"PATCH", "PUT", "DELETE"}}
    return frozenset(
        (method, parent) for method, path in changes
        if path.endswith("}") and (parent := path.rsplit("/", 1)[0]) and (method, parent) in changes
    )


def _compounds(ops: Sequence[OpIndex]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Word → the several-word resources it is part of."""
    out: dict[str, set[tuple[str, ...]]] = {}
    for oi in ops:
        if len(oi.resource) > 1:
            for w in oi.resource:
                out.setdefault(w, set()).add(oi.resource)
    return {w: tuple(sorted(kinds)) for w, kinds in out.items()}


def _tag_names(ops: Sequence[OpIndex]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Several-word tags that name a resource otherwise ("Knowledge Bases" on ``/datasets``):
    the tag of every operation on that resource, whose other operations all sit under it, and
    none of whose words is a path word."""
    tagged: dict[tuple[str, ...], list[OpIndex]] = {}
    for oi in ops:
        for t in {tuple(lemmas(tag)) for tag in oi.op.tags}:
            if len(t) >= 2:
                tagged.setdefault(t, []).append(oi)
    own: dict[str, set[int]] = {}
    for oi in ops:
        if len(oi.resource) == 1:
            own.setdefault(oi.resource[0], set()).add(id(oi))
    out: dict[str, list[tuple[str, ...]]] = {}
    for t, its in tagged.items():
        ids = {id(oi) for oi in its}
        heads = {oi.resource[0] for oi in its if len(oi.resource) == 1 and oi.resource[0] not in GENERIC_NOUNS}
        for r in heads:
            if own[r] <= ids and all(
                r in oi.resource + oi.parents and not set(t) & set(oi.resource + oi.parents) for oi in its
            ):
                out.setdefault(r, []).append(t)
    return {r: tuple(sorted(ts)) for r, ts in out.items()}


def _switch_texts(spec: Spec, schema: object, prefix: str = "", depth: int = 0) -> list[tuple[str, frozenset[str]]]:
    """Boolean properties of a body schema with their description's lemmas (3 levels; an empty
    set when a property has no description)."""
    node = spec.resolve(schema)
    out: list[tuple[str, frozenset[str]]] = []
    if not isinstance(node, dict) or depth > 3:
        return out
    for name, sub in (node.get("properties") or {}).items():
        sub = spec.resolve(sub)
        if not isinstance(sub, dict):
            continue
        said = f"{sub.get('title') or ''} {sub.get('description') or ''}"[:200]
        if sub.get("type") == "boolean":  # described or not: a switch either way
            out.append((prefix + str(name), frozenset(lemmas(said))))
        out += _switch_texts(spec, sub, f"{prefix}{name}.", depth + 1)
    for key in ("allOf", "oneOf", "anyOf"):
        for sub in node.get(key) or ():
            out += _switch_texts(spec, sub, prefix, depth)
    return out


def _enum_words(spec: Spec, schema: object, depth: int = 0) -> set[str]:
    """Words of the string enum values anywhere in a body schema (3 levels of objects)."""
    node = spec.resolve(schema)
    out: set[str] = set()
    if not isinstance(node, dict) or depth > 3:
        return out
    for value in node.get("enum") or ():
        if isinstance(value, str):
            out.update(lemma(w) for w in split_identifier(value))
    for sub in (node.get("properties") or {}).values():
        out |= _enum_words(spec, sub, depth + 1)
    for key in ("items", "allOf", "oneOf", "anyOf"):
        subs = node.get(key)
        for sub in subs if isinstance(subs, list) else [subs] if subs else []:
            out |= _enum_words(spec, sub, depth + 1)
    return out


FIELD_SUFFIXES = forms("id uuid key name second ms millisecond minute hour day byte count cu kb mb gb")


SETTINGS_VERBS = forms("configure edit modify customize adjust")
"""Verbs that change a thing's own settings, never which other thing a field points to."""


def _is_reference(prop: str) -> bool:
    """A property that points to another thing by its identifier (``instanceId``, ``role_ids``)."""
    words = split_identifier(prop.rsplit(".", 1)[-1])
    return len(words) > 1 and words[-1].lower() in {"id", "ids", "uuid", "uuids"}


STATE_WORDS = forms("enabled enable active on off value")
"""Leaf names that say a state or a value, not what has it."""


@lru_cache(maxsize=16384)
def field_leaf(prop: str) -> str:
    """A property's own name: its last segment, with the one before when the last only says
    a state (``bounce.enabled``: what is enabled is the bounce processing)."""
    parts = prop.split(".")
    if len(parts) > 1 and all(lemma(w.lower()) in STATE_WORDS for w in split_identifier(parts[-1])):
        return f"{parts[-2]}_{parts[-1]}"
    return parts[-1]


def field_words(prop: str) -> tuple[str, ...]:
    """Words of a property's leaf name, without an identifier suffix (default_role_key)."""
    words = [lemma(w) for w in split_identifier(field_leaf(prop))]
    # identifier and unit suffixes: default_role_key ~ "default role",
    # history_retention_seconds ~ "history retention"
    while len(words) > 1 and words[-1] in FIELD_SUFFIXES:
        words = words[:-1]
    return tuple(words)


def _segment_words(seg: str) -> tuple[str, ...]:
    return tuple(lemma(w) for w in split_identifier(seg) if w not in {"v1", "v2", "v3"})


_SUMMARY_STOP = frozenset("for of in to from by on with within into as via or and".split())


def _summary_object(summary: str) -> str | None:
    """The head noun of a summary's object ("Create an Alert for an Organization" → alert).

    Only for a summary that starts with a verb; the object ends at a preposition or "or/and".
    """
    raw = split_words(summary)
    if len(raw) < 2 or intent_of(lemma(raw[0])) is None and lemma(raw[0]) not in ACTION_VERBS:
        return None
    obj: list[str] = []
    for w in raw[1:]:
        if w in _SUMMARY_STOP:
            break
        if w not in STOP and len(w) > 2:
            obj.append(w)
    heads = [lemma(w) for w in obj if lemma(w) not in GENERIC_NOUNS and w not in PLAIN_ADJECTIVES]
    if len(heads) != 1 or heads[0] in ACTION_VERBS or intent_of(heads[0]) is not None:
        return None  # "Update an Existing Custom Integration" names a kind of integration: no alias
    return heads[0]


STATED = frozenset("is are was were will gets get be".split())
"""Words that make a clause a statement about things, not an instruction."""
SAVE_AS_NEW_RE = re.compile(r"^\s*\w+\s+as\s+(?:an?\s+)?new\b", re.IGNORECASE)
"""A commit button that makes a new thing ("Save as a new task", "Save as new version")."""
PICK_RE = re.compile(
    r"\b(?:select|choose|pick|search for)\s+(?:an?|the|one|some|any|existing)?\s*([A-Za-z]+?)s?\s+"
    r"(?:from|in)\s+(?:the|a)\s+(?:list|dropdown|drop-down|menu|selector)",
    re.IGNORECASE,
)
"""A noun chosen among existing ones ("select a role from the list")."""
PICK_THE_RE = re.compile(
    r"\b(?:[Ss]elect|[Cc]hoose|[Pp]ick)\s+(?:the|an?|one or more|your)\s+((?:[A-Za-z-]+\s+){0,3}?[A-Za-z]+)"
    r"(?=\s*(?:$|[(.,;:]|(?:from|in|to|for|and|or|that|which|you|e\.g)\b))"
)
"""A noun phrase picked in plain words ("Select the appropriate tax"): its head is an existing
one when it is what the block adds (labels are read elsewhere; "Select **Tax rates**" is a place)."""


def _acts(block: Sequence[UiStep]) -> bool:
    """Some step does something, even on an object it leaves unnamed ("update the following
    fields", a ``+`` button), rather than only going somewhere and looking."""
    return any(
        any(lab.strip() == "+" for lab in o.labels) or _text_acts(ITEM_MARK_RE.sub("", o.text))
        for o in block
    )


def _text_acts(text: str) -> bool:
    words = split_words(text)
    for k, w in enumerate(words):
        verb = lemma(w.lower())
        if verb in NAV_VERBS or ((intent_of(verb) or "read") == "read" and verb not in ACTION_VERBS):
            continue
        if words[k + 1 : k + 2] in (["that"], ["whether"], ["if"]):
            continue  # "verify that you see it": looking, not acting
        if k and words[k - 1].lower() in DETERMINERS:
            continue  # "open the runs page": a noun
        return True
    return False


def only_goes(block: Sequence[UiStep]) -> bool:
    """The block only goes somewhere; what for is its purpose clause ("To create a tag, navigate
    to the Tags page."): a procedure whose action comes in the next paragraph."""
    return not any(
        any(lab.strip() == "+" or _text_acts(lab) for lab in o.labels)  # "click **Create deployment**"
        or _text_acts(PURPOSE_CLAUSE_RE.sub(" ", ITEM_MARK_RE.sub("", o.text)))
        for o in block
    )


def _block_evidence(block: Sequence[UiStep], summary_verbs: frozenset[str]) -> _Evidence:
    """Word pairs, picked nouns, named owners, menus, clicked buttons and whether it creates or
    toggles: the same for each step of a block (one list has one introduction and one heading),
    so gathered once per block."""
    ev = _Evidence()
    for text in [block[0].intro, *block[0].headings[-1:], *(o.text for o in block)]:
        ev.add_pairs(text)
    verb = _purpose_verb(_last_sentence(block[0].intro), block[0].headings)
    ev.creating = verb is not None and intent_of(verb) == "create"
    clauses: list[str] = []
    for o in block:
        ev.picked.update(lemma(m) for m in PICK_RE.findall(re.sub(r"[*_`]", "", o.text)))
        plain = re.sub(r"\*\*[^*]+\*\*|`[^`]+`|\[[^\]]*\]\([^)]*\)", " ", o.text)  # labels, links
        plain = ITEM_MARK_RE.sub("", plain)
        ev.picked.update(lemma(m.split()[-1].lower()) for m in PICK_THE_RE.findall(plain))
        clauses += re.split(r"[.;:!?]\s|,\s|\s[—–]\s", plain)
    # names written with a capital mid-sentence somewhere in the list, then every "Name noun"
    names = {n for c in clauses for n in _proper_names(c, c)}
    for clause in clauses:
        for m in re.finditer(r"\b([A-Z][A-Za-z]+)\s+([A-Za-z]+)", clause):
            if lemma(m.group(1).lower()) in names:
                ev.owners.setdefault(lemma(m.group(2).lower()), set()).add(lemma(m.group(1).lower()))
    ev.switch = any(SWITCH_STEP_RE.search(ITEM_MARK_RE.sub("", o.text)) for o in block)
    ev.commits = any(_commits(label) for o in block for label in o.labels)
    ev.clicked = frozenset(
        intent for o in block for lab in o.labels
        if re.fullmatch(r"[A-Za-z]+", lab.strip()) and lemma(lab.strip().lower()) not in COMMIT_VERBS
        and (intent := intent_of(lemma(lab.strip().lower()))) in {"create", "delete", "update"}
    )  # "Save" confirms whatever the heading does
    ev.openers = _menu_openers(block, summary_verbs - COMMIT_VERBS)
    return ev


def _menu_openers(block: Sequence[UiStep], verbs: frozenset[str]) -> dict[int, set[str]]:
    """Step line → its clicked labels, when the next step selects an action from what they
    opened ("click **Edit wallet**" then "Select **Terminate wallet**"): a menu, not the action.
    ``verbs``: the API's own summary verbs, which name the menu's actions."""
    ordered = sorted(block, key=lambda o: o.line)
    found: dict[int, set[str]] = {}
    for step, after in itertools.pairwise(ordered):
        m = MENU_PICK_RE.match(after.text)
        if not m:
            continue
        picked = [lemma(w) for w in split_words(m.group(1))]
        if len(picked) < 2 or picked[0] not in verbs or m.group(1) in step.labels:
            continue
        labels = {lab for lab in step.labels if intent_of(lemma((split_words(lab) or [""])[0])) is not None}
        if labels:
            found[step.line] = labels
    return found


def _commits(label: str) -> bool:
    """The label is a form's button or a create/delete action ("Save", "Create role")."""
    words = [lemma(x) for x in split_words(label)]
    return bool(words) and (words[0] in COMMIT_VERBS or intent_of(words[0]) in {"create", "delete"})


def _hyphenated(m: re.Match[str]) -> str:
    """ "add-on", "invite-only", "sign-up" are one word (not the verb); "third-party" is two."""
    first = lemma(m.group(1))
    if intent_of(first) is not None or first in ACTION_VERBS or first in NAV_VERBS or first == "sign":
        return (m.group(1) + m.group(2)).lower()
    return f"{m.group(1)} {m.group(2)}"


def _link_words(m: re.Match[str]) -> str:
    if UI_ROUTE_RE.match(m.group(2)):
        # "[enable anonymous sign-ins](/dashboard/…/settings/auth)": the action, and where in the app
        place = re.sub(r"[?#].*$", "", m.group(2)).rstrip("/").rsplit("/", 1)[-1]
        return f"{m.group(1)} in {place}" if re.fullmatch(r"[A-Za-z][\w-]*", place) else m.group(1)
    words = [w for w in split_words(m.group(1)) if w not in {"a", "an", "the", "new"}]
    first = lemma(words[0]) if words else ""
    if not words or intent_of(first) is not None or first in ACTION_VERBS or first in NAV_VERBS:
        return ""
    return m.group(1)


def _proper_names(clause: str, sentence: str) -> set[str]:
    """Lemmas of words written with a capital inside a clause (not its first word, not ALL CAPS)."""
    words = _WORD_RE.findall(clause)
    long = [w for w in _WORD_RE.findall(sentence)[1:] if len(w) > 3]
    if long and sum(w[0].isupper() for w in long) * 2 > len(long):
        return set()  # Title Case ("Activate the Build Server Option"): capitals say nothing
    return {lemma(w) for w in words[1:] if w[0].isupper() and not w.isupper() and w.lower() not in PLAIN_ADJECTIVES}


PLAIN_ADJECTIVES = frozenset("new existing given specific single all multiple".split())


COLLECTION_SEGMENTS = frozenset("instances all items list entries records objects".split())
"""A last path segment that only says "the collection" (/flows/instances/, /outposts/instances/)."""


OAUTH_EXCHANGE = frozenset({"grant_type", "token_type_hint"})
"""Body fields that only the OAuth token, revocation and introspection endpoints take: "Click **New
token**" in a dashboard is the product's own token endpoint, not ``POST /oauth2/token``."""


def _hostname(url: str) -> str:
    """The URL's host, "" when it has none or cannot have one: ``https://[tenant_id].logto.app``
    (Logto's own server URL) is an invalid IPv6 literal to :func:`urllib.parse.urlsplit`."""
    try:
        return urlsplit(url).hostname or ""
    except ValueError:
        return ""


def _summary_verb(summary: str) -> str:
    """The lemma of a summary's first word, its verb when it starts with one ("Resize a Volume")."""
    words = summary.split()
    return lemma(words[0].lower()) if words else ""


def _model_name(description: str) -> str:
    """What a description of one or two words names ("NotificationRule Viewset": notification
    rule): where a spec has no summaries, the words the API uses for the thing."""
    words = description.split()
    if not 0 < len(words) <= 2:
        return ""
    return " ".join(split_identifier(words[0]))


def index_spec(spec: Spec) -> SpecIndex:
    """Build the matcher's view of a spec (cached on the spec object)."""
    cached = spec._cache.get("__match_index__")
    if isinstance(cached, SpecIndex):
        return cached
    ops: list[OpIndex] = []
    field_df: dict[str, int] = {}
    vocab: set[str] = set()
    # literal segments every path starts with (/api/0/…) are the API's mount point, not parents
    all_segs = [[s for s in op.path.strip("/").split("/") if s] for op in spec.operations]
    prefix = 0
    if len(all_segs) > 1:
        while all(
            len(sg) > prefix + 1 and not sg[prefix].startswith("{") and sg[prefix] == all_segs[0][prefix]
            for sg in all_segs
        ):
            prefix += 1
    # segments followed by an id somewhere (/change-requests/{id}) name things, never an action
    # (but a bare verb stays a verb: /slot/create/{path} creates, /folders/create too)
    id_segments = {
        sg[i] for sg in all_segs for i in range(len(sg) - 1)
        if not sg[i].startswith("{") and sg[i + 1].startswith("{") and sg[i].lower() not in BASIC_VERB_WORDS
    }
    scoped: Counter[str] = Counter()  # first segment with an id under it, per operation
    for op in spec.operations:
        if not OAUTH_EXCHANGE.isdisjoint(field_leaf(p) for p in op.body_properties):
            continue  # an OAuth client's token exchange (RFC 6749, 7009, 7662): never a person's click
        segs = [s for s in op.path.strip("/").split("/") if s][prefix:]
        writes = op.method in {"POST", "PUT", "PATCH", "DELETE"}
        if segs and writes and (rpc := RPC_SEGMENT_RE.match(segs[-1])):
            # /v2/deployments.rollbackDeployment is /deployments/{id}/rollback: the resource, then
            # its own action; a plain create/update/delete or a read stays one segment, as before
            method = split_identifier(rpc.group(2))[0]
            verb = lemma(method)
            if verb not in BASIC_VERBS and method not in READING_METHODS and (
                verb in ACTION_VERBS or verb == _summary_verb(op.summary)
            ):
                segs[-1:] = [rpc.group(1), rpc.group(2)]
        literal = [(i, s) for i, s in enumerate(segs) if not s.startswith("{")]
        if len(literal) > 1 and literal[0][0] + 1 < len(segs) and segs[literal[0][0] + 1].startswith("{"):
            scoped.update(_segment_words(literal[0][1]))
        item = bool(segs) and segs[-1].startswith("{")
        method_words = () if item or not segs else _split_identifier(segs[-1])
        reads = len(method_words) > 1 and method_words[0] in READING_METHODS
        action: tuple[str, ...] = ()
        if literal:
            last_i, last = literal[-1]
            words = _segment_words(last)
            follows_param = last_i > 0 and segs[last_i - 1].startswith("{")
            said_verb = _summary_verb(op.summary)
            if (
                not item
                and last not in id_segments
                and words
                and (words[0] in ACTION_VERBS or words[0] == said_verb)  # …/resize: "Resize a volume"
                and (follows_param or len(literal) > 1)
                and writes
            ):
                action = words
                literal = literal[:-1]
        if (
            len(literal) > 1 and literal[-1][1].lower() in COLLECTION_SEGMENTS and not action
            and not segs[literal[-1][0] - 1].startswith("{")
        ):
            # /flows/instances/: the flows themselves, listed under a generic name (but
            # /queues/{id}/items are the things in one queue)
            literal = literal[:-1]
        resource = _segment_words(literal[-1][1]) if literal else ()
        parents = tuple(w for _, s in literal[:-1] for w in _segment_words(s))
        groups = tuple(
            w for i, s in literal[:-1] if not segs[i + 1].startswith("{") for w in _segment_words(s)
        )
        fields = tuple((p, field_words(p)) for p in op.body_properties)
        for leaf in {field_leaf(name) for name, _ in fields}:
            field_df[leaf] = field_df.get(leaf, 0) + 1
        tags = tuple(w for t in op.tags for w in lemmas(t))
        summary = tuple(lemmas(op.summary or _model_name(op.description))) + tuple(
            lemma(w) for w in split_identifier(op.operation_id) if w not in STOP and len(w) > 1
        )
        vocab.update(resource, parents, action)
        sw = [lemma(w) for w in split_words(op.summary) if len(w) > 1]  # as lemmas() does
        summary_words = tuple(w for w in sw if w not in STOP)
        aliases: tuple[str, ...] = ()
        compound: tuple[str, ...] = ()
        res_words = [w for w in resource if w not in GENERIC_NOUNS]
        if res_words and res_words[-1] in sw:
            at = sw.index(res_words[-1])
            aliases = tuple(
                w for w in sw[max(0, at - 2) : at]
                if w not in STOP and w not in ACTION_VERBS and w not in parents
                and w not in resource
                and w not in GENERIC_NOUNS and len(w) > 2
            )
            tail = sw[at + 1 :]
            if tail and (len(tail) == 1 or tail[1] in _SUMMARY_STOP) and len(tail[0]) > 2 and not (
                {tail[0]} & (STOP | ACTION_VERBS | GENERIC_NOUNS | _SUMMARY_STOP)
                or tail[0] in parents or tail[0] in resource
            ):
                compound = (res_words[-1], tail[0])  # "Create a robot account" for POST /robots
        named = _summary_object(op.summary)
        if named and named not in resource and named not in parents and named not in aliases:
            aliases += (named,)  # "Create an Alert" for POST /workflows: the API's name for it
        said = {lemma(w) for w in split_words(op.summary + " " + op.description[:300])}
        switchable = bool(said & forms("toggle enable disable activate deactivate")) or (
            "turn" in said and bool(said & {"on", "off"})
        ) or any(fw and set(fw) <= OWN_SWITCH_WORDS for _, fw in fields)  # `disabled`, `isActive`
        ops.append(
            OpIndex(op, resource, parents, action, item, "{" in op.path, switchable, fields, tags,
                    summary, aliases, summary_words,
                    tuple(_enum_words(spec, op.body_schema)),
                    tuple(_switch_texts(spec, op.body_schema)) if op.method in {"PATCH", "PUT"} else (),
                    groups, (_doing(res_words[-1]) if res_words else None) or "", _does(op, summary_words),
                    compound, reads)
        )
    bases = tuple(
        sorted({re.sub(r"^https?://[^/]+", "", s).rstrip("/") for s in spec.servers} - {""})
    )
    df: dict[str, int] = {}
    for oi in ops:
        for w in set(oi.resource + oi.parents + oi.action):
            df[w] = df.get(w, 0) + 1
    n = max(len(ops), 1)
    idf = {w: math.log(1 + n / c) for w, c in df.items()}
    resource_words = frozenset(w for oi in ops for w in oi.resource + oi.parents)
    by_word: dict[str, list[int]] = {}
    for i, oi in enumerate(ops):
        names = set(oi.resource) | set(oi.aliases) | set(oi.summary_words) | set(oi.action)
        names |= {w for _, fw in oi.fields for w in fw}
        if oi.doing:
            names.add(oi.doing)
        for w in names:
            by_word.setdefault(w, []).append(i)
    index = SpecIndex(
        spec, ops, field_df, frozenset(vocab), bases, idf, resource_words,
        {w: tuple(v) for w, v in by_word.items()},
        frozenset(w for oi in ops for w in oi.aliases),
        frozenset(w for oi in ops for w in oi.groups) - frozenset(w for oi in ops for w in oi.resource),
        frozenset(
            _summary_verb(oi.op.summary) for oi in ops
            if oi.op.summary.strip() and oi.op.method not in {"GET", "HEAD", "OPTIONS"}
        ),
        frozenset(oi.op.path for oi in ops if oi.op.method == "POST" and not oi.item),
        _tag_names(ops),
        dict(Counter(oi.action[0] for oi in ops if oi.action)),
        _compounds(ops),
        frozenset(
            pair for oi in ops
            for words in ([lemma(w) for w in split_identifier(oi.op.operation_id)], list(oi.summary_words))
            for pair in itertools.pairwise(words)
        ),
        _bulk_twins(spec.operations),
        frozenset(w for w, c in scoped.items() if c * 2 >= len(ops)),
    )
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
    page_product: str | None = None
    """The product whose UI the page walks through ("the Neon Console" → Neon), if it says."""


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
    candidates: tuple[tuple[str, float], ...] = ()
    """The best operations considered, with their scores (for reports and debugging)."""


class Matcher(Protocol):
    """Interface for matchers: the lexical one below, or any other (e.g. a model-backed one)."""

    def match(self, block: Sequence[UiStep], context: MatchContext) -> Match:
        """Return one :class:`Match` for a block of steps (a list or a paragraph)."""


@dataclass(slots=True)
class _Evidence:
    """Lemma → best weight, from the focus step outward."""

    weights: dict[str, float] = field(default_factory=dict)
    bare: _Evidence | None = None
    """For a verb without object: what the heading or introduction names."""
    before: dict[str, set[str]] = field(default_factory=dict)
    """Lemma → the lemmas written just before it near the step ("API tokens": token ← api)."""
    picked: set[str] = field(default_factory=set)
    """Nouns the block picks from a list ("select a role from the list"): existing ones."""
    owners: dict[str, set[str]] = field(default_factory=dict)
    """Noun → proper names that qualify it in the block ("a Discord Server": server ← discord):
    a sub-step's "Create a new server" under that item is still the other product's server."""
    nested: bool = False
    """The step is a sub-step of an item (it acts on what the item named)."""
    creating: bool = False
    """The procedure creates something ("To create an alert …:", "## Create an alert")."""
    switch: bool = False
    """A step of the block flips a setting: the procedure toggles a feature."""
    commits: bool = False
    """A step clicks a form's button or a create/delete action: the heading's action is done here."""
    clicked: frozenset[str] = frozenset()
    """Intents of bare action buttons the block clicks ("Create"; not "Save", which commits any)."""
    openers: dict[int, set[str]] = field(default_factory=dict)
    """Step line → its labels that opened a menu the next step picks from (see :func:`_menu_openers`)."""
    said: frozenset[str] = frozenset()
    """Every word of the focus step, generic ones included ("Settings » Authentication")."""

    def add_pairs(self, text: str) -> None:
        """Record adjacent word pairs of ``text`` (as written: no stop word between them)."""
        words = split_words(text)
        for a, b in itertools.pairwise(words):
            if a not in STOP and b not in STOP and len(a) > 1:
                self.before.setdefault(lemma(b), set()).add(lemma(a))

    def add(self, words: Iterable[str], weight: float) -> None:
        for w in words:
            if self.weights.get(w, 0.0) < weight:
                self.weights[w] = weight

    def get(self, word: str) -> float:
        return self.weights.get(word, 0.0)


@dataclass(slots=True, frozen=True)
class _Phrase:
    """An action said in one place: a verb and the nouns after it."""

    intent: str
    """create | delete | update | commit (a bare Save/Apply button) | summary (a verb known only
    from the API's summaries: it names the operation whose summary says the same)."""
    verb: str
    """The verb's lemma."""
    nouns: tuple[str, ...]
    """The verb's object: lemmas after it, up to a preposition or the next verb."""
    weight: float
    """How directly the phrase is the step's action (label > step > intro > heading)."""
    quals: tuple[str, ...] = ()
    """Lemmas after a preposition (``from a GitHub repository``): where, not what."""
    switch: bool = False
    """The step flips a setting ("Toggle **X**"): the label names a feature, not an action."""
    plural: tuple[str, ...] = ()
    """Object lemmas written in the plural ("Enable verified domains": a feature, not one item)."""
    context: bool = False
    """Said by the heading or the introduction, not by the step itself."""
    qual_plural: tuple[str, ...] = ()
    """Lemmas of the prepositional tail written in the plural ("for all Organizations")."""
    brands: tuple[str, ...] = ()
    """Object modifiers written as proper names ("Create a Discord Server"): another product's."""


W_LABEL, W_TEXT, W_INTRO, W_HEADING, W_BLOCK, W_TITLE, W_PAGE = 1.0, 0.9, 0.8, 0.8, 0.5, 0.5, 0.25
W_CONFIRMED = 0.95
"""A heading/introduction action when the block has the button that commits it."""
HINT_PATH_RE = re.compile(r"(?:^|[\s`'\"(])(/?[A-Za-z0-9_{}<>:.-]+(?:/[A-Za-z0-9_{}<>:.-]+)*)")
HINT_METHOD_RE = re.compile(r"(?:-X|--request)\s+([A-Z]+)")


ASSIGN_VERBS = forms("assign attach link connect apply")
"""Verbs whose prepositional target ("to an organization") is the thing that changes."""
FORM_VERBS = forms("enter type fill specify paste provide input")
"""Filling in a field: the procedure's purpose (create, update) says what it is for."""
FILL_VERBS = FORM_VERBS | forms("set define select choose configure edit change modify")
"""Verbs of a form's fields (in a creation form they fill the new thing in, they update nothing)."""
SWITCH_VERBS = forms("enable disable toggle turn allow block activate deactivate")
"""Verbs that flip a feature: on one item's endpoint they need a matching body field."""
CLICKED_RE = re.compile(
    r"\b(?:click|clicking|select|selecting|tap|press|choose|hit|open|use)\w*"
    r"(?:\s+(?:on|the|a|an|its|their|your))*\s*\W*$",
    re.IGNORECASE,
)
"""Text right before a label that makes the label something the person clicks."""
SWITCH_STEP_RE = re.compile(
    r"^(?:enable|disable|toggle|turn\s+(?:on|off))\b|\btoggle\b|\bturn\s+(?:on|off)\b", re.IGNORECASE
)
"""A step that flips a setting: it starts with enable/disable/turn on, or says toggle."""
NOUNISH = forms("new set limit block name change update test key check access switch mark issue share")
"""Verbs that are also nouns: they do not end a verb's object ("Create role set")."""
PREPOSITIONS = forms("to from in on for with into at by of under via above below beneath beside near inside within behind")


def _object(
    words: Sequence[str], title: bool = False, keep: frozenset[str] = frozenset()
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Split the words after a verb into its object and the prepositional tail.

    In a title ("Configure IP Allow") later verbs are names, so they do not end the object.
    """
    obj: list[str] = []
    quals: list[str] = []
    target = obj
    for k, x in enumerate(words):
        if x in UI_PARTS and target is obj and obj and (k + 1 == len(words) or words[k + 1] in PREPOSITIONS):
            obj.append(x)  # "an invoice custom section": a part of the page named after an invoice
            continue
        if x in {"and", "or"} and title:
            break
        if not title and x not in NOUNISH and (
            x in NAV_VERBS or intent_of(x) in {"create", "delete", "update"}
        ):
            break
        if x in PREPOSITIONS:
            target = quals
            continue
        if x in PARTICLES and not obj and target is obj:
            continue  # "set up monitors", "turn off alerts": the verb's particle, not its object
        if x not in STOP or x in keep:
            target.append(x)
    return tuple(obj[:4]), tuple(quals[:4])


UI_PARTS = frozenset("section block panel tab page".split())
"""Parts of a page: as the head of an object ("the custom section"), the thing acted on is that
part, not the noun before it."""
MODALS = frozenset("can may might cannot could".split())
READY_WORDS = frozenset("ready able free".split())
"""Before "to <verb>", a capability ("you are now ready to send email"), not an instruction."""
PLACE_BEFORE_RE = re.compile(r"\b(?:in|under|within|inside)\s+(?:the\s+)?[*_`\"']*$", re.IGNORECASE)
"""Text before a label that names where to act ("In **Add users**, find the users")."""
CRUMB_END_RE = re.compile(rf"{CRUMB_SEP}\s*$")
"""Text before a label that is the last part of a breadcrumb ("Settings » Webhooks » **Edit**")."""


def _crumb_object(label: str, labels: Sequence[str]) -> tuple[str, ...]:
    """What a bare verb at the end of a breadcrumb acts on: the nearest part before it that names
    a thing ("Settings » Data Forwarding » [Provider] » Edit" edits a data forwarding), skipping
    placeholders ("[Provider]") and generic places ("Settings")."""
    for crumbs in labels:
        parts = [p.strip() for p in BREADCRUMB_RE.split(crumbs)]
        if len(parts) < 2 or parts[-1] != label:
            continue
        for part in reversed(parts[:-1]):
            if re.fullmatch(r"[\[<{].*[\]>}]", part):
                continue
            nouns = tuple(w for w in lemmas(part) if w not in STOP and w not in GENERIC_NOUNS)
            if nouns:
                return nouns[-3:]
    return ()


CRUMB_NEXT_RE = re.compile(rf"\s*{CRUMB_SEP}\s")
"""A breadcrumb separator that follows a label: the path goes on past it."""
CRUMB_LAST_RE = re.compile(rf"\s{CRUMB_SEP}\s*$")
"""A breadcrumb separator that ends the text before a label."""


def _label_chain(label: str, text: str, labels: Sequence[str]) -> str:
    """The breadcrumb that separate labels make in the text ("`Project API keys` > `+ Add`"
    reads "Project API keys > + Add"), ending at ``label``; empty when none leads to it."""
    plain = re.sub(r"[`*]", "", text)
    at = plain.find(label)
    if at <= 0 or CRUMB_NEXT_RE.match(plain[at + len(label) :]):
        return ""  # no label before it; or "Campaigns -> Create new -> Archive": a way through
    chain = [label]
    head = plain[:at]
    while head:
        sep = CRUMB_LAST_RE.search(head)
        if not sep:
            break
        head = head[: sep.start()]
        prev = max((x for x in labels if x != label and head.endswith(x)), key=len, default="")
        if not prev:
            break
        chain.insert(0, prev)
        head = head[: -len(prev)]
    return " > ".join(chain) if len(chain) > 1 else ""


MENU_PICK_RE = re.compile(r"^\s*(?:\d+[.)]|[-*+])?\s*(?:Select|Choose|Pick)\s+\*\*\"?([^*\"]+)\"?\*\*")
"""A step that picks a labelled item ("2. Select **"Terminate wallet"**")."""
MENU_FROM_RE = re.compile(
    r"\b(?:[Ss]elect|[Cc]hoose|[Pp]ick)\s+\*\*\"?([^*\"]+)\"?\*\*\s+(?:from|in)\s+(?:the\s+)?"
    r"(?:\*\*[^*]+\*\*\s+)?(?:dropdown|drop-down|menu)\b"
)
"""A labelled item picked from a menu the step names."""
PURPOSE_CLAUSE_RE = re.compile(r"(?:^|[.!?]\s+)To\s+([^,.:;]{3,80}),")
"""A sentence's own purpose before its instruction: it says what the step is for, as a
"To …:" introduction does for a list."""
VERB_LEADS = frozenset("to then and or please you also now first next finally just simply".split())
"""Words after which a form verb ("type", "enter") is still the instruction, not a noun."""
LEAD_IN_VERBS = forms("allow let enable help")
"""Verbs that introduce what the reader can do ("allows you to …", "lets you …")."""
SEQUENCE_WORDS = frozenset("first firstly then next finally lastly also now".split())
"""Adverbs that order steps; never the step's verb."""
TIME_LEADS = frozenset("when whenever once after before while until".split())
"""Before "you" they open a clause that sets the time of something else ("cycles are on when you
create a new project"): its verb is background, unless "you can …" follows in the clause."""
PROCEDURE_NOUNS = forms("step instruction procedure guide following process")
"""What "Follow the steps below to …" follows: a lead-in, not an action."""
DETERMINERS = frozenset("a an the your their its this these those another".split())
"""After a heading's first word, these make it an imperative verb ("Share a credential")."""
SWITCH_STATES = frozenset(lemma(w) for w in "enable enabled disable disabled active".split())
"""What flipping a switch sets: the ``…Enabled`` / ``active`` field it stands for."""
OWN_SWITCH_WORDS = SWITCH_STATES | {"is", "until"}
"""A body field made only of these (``enabled``, ``isActive``, ``disabledUntil``) switches the
item itself on or off."""
PARTICLES = frozenset("up out down back off on over away".split())
"""Words that complete a phrasal verb rather than name its object."""


HEADING_VERBS = forms("""install connect set configure manage use add create delete remove edit update change
    enable disable invite view monitor test send restore reset rename share grant""")


def _subject_of(text: str) -> list[str]:
    """The object of a verb-initial heading ("Install the GitHub App and …" → github, app);
    a noun-phrase heading ("Custom roles") as a whole."""
    words = [lemma(w) for w in split_words(text) if len(w) > 1]
    if words and (words[0] in HEADING_VERBS or words[0] in ACTION_VERBS or intent_of(words[0])):
        obj: list[str] = []
        for w in words[1:]:
            if w in {"and", "or", "then"} or w in PREPOSITIONS:
                break
            if w not in STOP:
                obj.append(w)
        return obj
    return [w for w in words if w not in STOP]


PRODUCT_UI_RE = re.compile(
    r"\b(?:the|your|in|on)\s+([A-Z][A-Za-z0-9]+)\s+(?:[Cc]onsole|[Dd]ashboard|[Pp]ortal|web app)\b"
)


def page_product(markdown: str) -> str | None:
    """The product whose UI a page describes: the most named "<Name> Console/Dashboard"."""
    counts: dict[str, int] = {}
    for m in PRODUCT_UI_RE.finditer(markdown):
        name = m.group(1)
        if name.lower() not in STOP and name.lower() not in {"admin", "developer", "main", "new"}:
            counts[name] = counts.get(name, 0) + 1
    if not counts:
        return None
    name, count = max(counts.items(), key=lambda kv: kv[1])
    return name if count >= 2 else None


SHARED_OBJECT_RE = re.compile(r"^((?:[A-Za-z]+,\s*)*[A-Za-z]+),?\s+and\s+([A-Za-z]+)\s+(.+)$")


def _shared_object(title: str) -> str:
    """"Create and configure an outpost" → "Create an outpost, configure an outpost": in a
    heading, verbs joined by "and" share the object that follows the last one."""
    m = SHARED_OBJECT_RE.match(title.strip())
    if not m:
        return title
    verbs = [v.strip() for v in m.group(1).split(",")] + [m.group(2)]
    if not all(intent_of(lemma(v)) is not None or lemma(v) in ACTION_VERBS for v in verbs):
        return title
    return ", ".join(f"{v} {m.group(3)}" for v in verbs)


def _own_heading(headings: Sequence[str]) -> str:
    """The last heading, with its parent's verb when it names a kind of the parent's object
    ("### Create custom stages" then "#### Password Stage": create a password stage)."""
    last = headings[-1]
    if len(headings) < 2 or _subject_verb(last):
        return last
    parent = headings[-2]
    verb = _subject_verb(parent)
    head = _subject_of(parent)[-1:] if verb and intent_of(verb) in {"create", "update", "delete"} else []
    if head and head[0] in lemmas(last):
        return f"{split_words(parent)[0]} {last}"
    return last


def _subject_verb(text: str) -> str | None:
    """The first word of a verb-initial heading or purpose clause, as a lemma."""
    words = [lemma(w) for w in split_words(text)]
    return words[0] if words and (words[0] in HEADING_VERBS or intent_of(words[0])) else None


DRAG_DROP_RE = re.compile(r"\bdrag\s*(?:and|&|-and-)\s*drop\b", re.IGNORECASE)
"""Moving a thing with the pointer (to upload a file, to reorder a list): no delete in "drop"."""
COPY = lemma("copy")
CLIPBOARD_NOUNS = forms("link url uri id identifier key token secret code snippet command address dsn string")
"""What a reader copies to the clipboard: "copy the invite link" is no copy of the invite."""


def _copies_text(words: Sequence[str]) -> bool:
    """Lemmas that start with "copy" and name, within three words, something one copies as text."""
    return bool(words) and words[0] == COPY and not CLIPBOARD_NOUNS.isdisjoint(words[1:4])


OWN_PURPOSE_RE = re.compile(r"^\s*(?:\d+[.)]|[-*+])?\s*To\s+([^,:]+),")
"""A step that opens on its own purpose clause ("To view taxes, go to …")."""


def _purpose_verb(intro: str, headings: Sequence[str]) -> str | None:
    """The verb of a procedure's purpose: its "To …:" introduction's, else its heading's."""
    verb = _subject_verb(intro[3:]) if intro.lower().startswith("to ") else None
    return verb or (_subject_verb(headings[-1]) if headings else None)


def _other_action(does: str, verb: str) -> bool:
    """A summary's verb that is no plain create/update/delete and not what the step says."""
    return does not in CRUD_VERBS and does != verb and does not in SAME_ACTION.get(verb, ())


def _confidence(top: float, gap: float) -> float:
    """How sure a match is: its score, discounted when the next operation comes close."""
    return max(0.0, min(1.0, min(top, 1.0) * min(1.0, 0.5 + gap * 2.5)))


def _creates_what_updates(a: Operation, b: Operation) -> bool:
    """One operation creates in a collection (``POST /libraries``), the other edits an item of
    it (``PUT /libraries/{id}``)."""
    post, edit = (a, b) if a.method == "POST" else (b, a)
    if post.method != "POST" or edit.method not in {"PUT", "PATCH"}:
        return False
    return re.fullmatch(re.escape(post.path.rstrip("/")) + r"/\{[^/}]+\}/?", edit.path) is not None


def _last_sentence(text: str) -> str:
    """An introduction's purpose is its last sentence, the one that leads into the list
    ("First create the integration. After that, you can enable tracking:")."""
    return re.split(r"(?<=[.!?])\s+", text.strip())[-1]


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """A crude derivational stem for field names: creation/create, deletion/delete → creat/delet."""
    for suffix in ("ation", "ion", "ing", "ment", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _plurals(raw: Sequence[str]) -> tuple[str, ...]:
    """Lemmas of the words written in the plural ("domains" → domain)."""
    return tuple(
        lemma(w) for w in raw
        if len(w) > 3 and w.lower().endswith("s") and lemma(w) == lemma(w[:-1])
    )


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
        if w in NAV_VERBS and w not in CHOOSE_VERBS:
            continue
        intent = intent_of(w)
        if intent is not None and w not in CHOOSE_VERBS:
            return intent, w
    return None, None


@dataclass(slots=True)
class LexicalMatcher:
    """The default, offline matcher (see the module docstring)."""

    spec: Spec
    threshold: float = 0.75
    """Minimum score to speak."""
    margin: float = 0.06
    """Minimum lead over the best operation of a different path/method."""
    field_confidence: float = 0.85
    """Minimum confidence for a match on body fields only (the operation's resource unsaid):
    such matches were right 26 times and wrong 36 times below it, over 63 labelled products."""
    min_confidence: float = 0.55
    """Minimum confidence to speak at all (a clear score with a thin lead stays silent): over 77
    labelled products, matches below it were 16 right and 26 wrong (calls or false rewrites)."""
    use_hints: bool = True
    """Read API calls stated in agent-only blocks of the page (e.g. ``<If is="llm">``)."""
    index: SpecIndex = field(init=False)

    product: str = field(init=False)
    _name: str = field(init=False, default="")
    _own_hosts: set[str] = field(init=False, default_factory=set)
    _ui_resources: frozenset[str] = field(init=False, default=frozenset())
    _path_verbs: frozenset[str] = field(init=False, default=frozenset())
    _nominal_cache: dict[str, bool] = field(init=False, default_factory=dict)
    _line_cache: dict[str, tuple[bool, bool]] = field(init=False, default_factory=dict)
    _line_page: int = field(init=False, default=0)
    _own_places: dict[str, bool] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.index = index_spec(self.spec)
        self.product = lemma(self.spec.product_name())
        self._name = self.spec.product_name().lower()  # as hosts spell it ("ory", lemma "ori")
        hosts = {_hostname(u) for u in self.spec.servers}
        # the product's own sites: the API host's registered domain (api.novu.co -> novu.co)
        self._own_hosts = {".".join(h.split(".")[-2:]) for h in hosts if h.count(".") >= 1}
        # "dashboard" and "console" usually name the product's UI (stop words), but where the API
        # has dashboards, "Delete a dashboard" deletes one
        self._ui_resources = frozenset(PLACE_NOUNS & STOP & self.index.resource_words)
        # the API's own action verbs (…/volumes/{id}/resize): "Resize Volume" is an action label
        self._path_verbs = frozenset(oi.action[0] for oi in self.index.ops if oi.action) - QUERY_VERBS
        # an API whose resources are inboxes (a helpdesk) is where its "inbox" is, not elsewhere
        self._own_places = {
            place: all(lemma(w) in self.index.resource_words for w in place.split()) for place in FOREIGN_PLACES
        }

    # --- context -------------------------------------------------------------------------
    def _is_product(self, word: str) -> bool:
        """A lemma that names this product, also as a dotted brand ("rocket.chat", "trigger.dev")
        whose first part is the product's short name."""
        return word == self.product or word.partition(".")[0] == self.product

    def _foreign(self, texts: Sequence[str], heading: str = "") -> str | None:
        """The other product or place where the procedure happens, from its opening texts."""
        for text in [*texts, heading]:
            plain = re.sub(r"\]\([^)]*\)", "", text).replace("[", "")
            low = plain.lower()
            scope = FOR_NAME_RE.match(plain)  # "For WP Rocket:": the steps below are in WP Rocket
            if scope and not self._is_product(word := lemma(scope.group(1).split()[0])) and (
                word not in self.index.vocabulary
            ):
                return scope.group(1)
            lead = LEAD_NAME_RE.match(plain)  # "- **Stripe**: Dashboard → Developers → Webhooks"
            if lead and CRUMB_RE.search(lead.group(2)):
                word = lemma(lead.group(1).split()[0])
                if not self._is_product(word) and word not in self.index.vocabulary | STOP | PLACE_NOUNS and (
                    lead.group(1).lower() not in GENERIC_TITLE_WORDS
                ):
                    return lead.group(1)
            for place in FOREIGN_PLACES:
                if re.search(rf"\b{place}", low) and not self._own_places.get(place):
                    return place
            for m in re.finditer(
                r"\b(?:[Ii]n|[Oo]n|[Tt]o|[Ff]rom|[Oo]pen|[Ii]nto)\s+(?:the\s+|your\s+|a\s+)?"
                r"([A-Z][\w.-]*|[a-z][\w.-]*(?=\s+(?:dashboard|console|workspace|account)))",
                plain,
            ):
                name = m.group(1).strip("*.")
                if text is heading and m.group(0)[:4].lower() == "open":
                    continue  # a heading "Open Membership" names a feature, not where to go
                if plain[max(0, m.start(1) - 2) : m.start(1)] == "**":
                    continue  # a bold UI label, not a product name
                rest = plain[m.end() :].lstrip("* ").lower()
                is_place = (
                    any(rest.startswith(p) for p in PLACE_NOUNS)
                    or rest[:1] in {",", "", ".", ":"}
                    or rest.startswith(("and ", "then "))
                )
                if not is_place:
                    continue
                word = lemma(name)
                if self._is_product(word) or word in STOP or word in PLACE_NOUNS:
                    continue
                if word in self.index.vocabulary:
                    continue
                if (word, lemma(rest.split()[0]) if rest.split() else "") in self.index.name_pairs:
                    continue  # "to a service account": a thing the API names (createServiceAccount)
                return name
            for m in re.finditer(r"(?<!\*\*)\b([A-Z][A-Za-z0-9.-]+)\s+(" + "|".join(PLACE_NOUNS) + r")\b", plain):
                word = lemma(m.group(1))
                if m.start() == 0 and word in ACTION_VERBS:
                    continue
                if self._is_product(word) or word in STOP or word in self.index.vocabulary:
                    continue
                if word in ACTION_VERBS or word in NAV_VERBS:
                    continue
                if m.group(1).lower() in GENERIC_TITLE_WORDS:
                    continue  # "Vonage API dashboard": the API's own dashboard, no other product
                return m.group(1)
        return None

    def _away(self, block: Sequence[UiStep], lines: Sequence[str]) -> set[int]:
        """Lines of the block's steps that happen on another site.

        A step that sends the reader to an outside page ("Visit [Slack API](https://api.slack.com)")
        moves the procedure there; the steps after it stay there until one names the product
        again ("Configure in Coolify"). A heading that is only a place ("## On GitHub") puts
        the whole block there.
        """
        away: set[int] = set()
        heading = block[0].headings[-1] if block[0].headings else ""
        m = ON_PLACE_RE.match(heading.strip())
        if m and not self._is_product(lemma(m.group(1))):
            return {step.line for step in block}
        elsewhere = False
        steps = {step.line: step for step in block}
        start, end = min(steps), max(steps)
        start = min(start, block[0].block_start + 1)
        # the section so far, from its parent's heading: a page that sent the reader elsewhere
        # two lists or one sibling section ago is still there
        level = 7
        while start > 1:
            above = lines[start - 2] if start - 2 < len(lines) else ""
            mark = re.match(r"^\s{0,3}(#{1,6})\s", above)
            if mark and len(mark.group(1)) < level:
                if level < 7:
                    break
                level = len(mark.group(1))
            start -= 1
        if self._line_page != id(lines):  # one page's lines at a time: memory stays flat
            self._line_cache.clear()
            self._line_page = id(lines)
        for number in range(start, end + 1):
            text = lines[number - 1] if 0 < number <= len(lines) else ""
            home, leaves = self._line_cache.get(text) or self._line_marks(text)
            if home:
                elsewhere = False
            if leaves:
                elsewhere = True
            if elsewhere and number in steps:
                away.add(number)
        return away

    def _line_marks(self, text: str) -> tuple[bool, bool]:
        """Whether a line names the product (back home) and whether it sends the reader to
        another site or product; kept per line text, as every block of a section rescans it."""
        home = self.product in lemmas(EXAMPLE_RE.sub("", text))
        leaves = False
        for login in [*LOGIN_RE.finditer(text), *USING_RE.finditer(text.replace("\u2019", "'"))]:
            name = lemma(login.group(1).lower())
            if not self._is_product(name) and name not in self.index.vocabulary and name not in STOP and (
                name not in PLACE_NOUNS  # "Log in to the Workspace where …": the product's own place
            ):
                leaves = True  # "First, log in to your Zabbix account"
        for link in GO_LINK_RE.finditer(text):
            host = _hostname(link.group(1) or link.group(2))
            if (
                host and self.product not in host and self._name not in host.split(".")
                and not any(host.endswith(h) for h in self._own_hosts)
                and not _own_machine(host)  # "Open the UI at http://localhost:8080": the reader's own
            ):
                leaves = True
        there = IN_OTHER_PLACE_RE.match(text)  # "1. In the GitHub repository, go to **Settings** …"
        if there and not home:
            name = lemma(there.group(1).lower())
            if name not in self.index.vocabulary and name not in STOP:
                leaves = True
        self._line_cache[text] = (home, leaves)
        return home, leaves

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
    def _nominal(self, verb: str, head: str) -> bool:
        """The spec has a resource named for the verb (invite → invitation) other than ``head``."""
        stem = verb.removesuffix("e")
        if len(stem) < 4 or head.startswith(stem):
            return False
        key = f"{verb}\0"
        if key not in self._nominal_cache:
            self._nominal_cache[key] = any(
                w.startswith(stem) and w != verb for w in self.index.resource_words
            )
        return self._nominal_cache[key]

    def _unknown_verb(self, word: str) -> bool:
        """A heading's first word that reads as a verb the matcher has no endpoint sense for."""
        return (
            intent_of(word) is None
            and word not in ACTION_VERBS
            and word not in NAV_VERBS
            and word not in self.index.resource_words
            and word not in self.index.summary_verbs
            and not self._nominal(word, "")
        )

    def _phrases(self, focus: UiStep, block: Sequence[UiStep], shared: _Evidence) -> list[_Phrase]:
        """Verb + object pairs that can carry the block's action, strongest first.

        The verb and the noun must be said together (one label, one clause, the introduction
        or the heading): a verb from one step and a noun from another do not make an action.
        """
        out: list[_Phrase] = []
        nested = 0.85 if focus.depth else 1.0
        plain_text = re.sub(r"\]\([^)]*\)", "]", focus.text)
        switch = shared.switch  # a procedure that toggles something flips a feature
        opened = shared.openers.get(focus.line, set())
        places: list[str] = []
        for label in focus.labels:
            words = [lemma(w) for w in split_words(label)]
            if not words or label in opened:
                continue
            if PLUS_LABEL_RE.match(label) and intent_of(words[0]) is None and words[0] not in ACTION_VERBS and (
                words[0] not in STOP
            ):
                words = [lemma("add"), *words]  # "+ Provider", "+ Wiki page": the UI's sign for adding one
            first = words[0]
            before = plain_text.split(label)[0] if label in plain_text else ""
            switched = bool(re.search(r"\b(?:toggle|enable|disable|turn|switch)\w*(?:\s+(?:on|off))?"
                                      r"(?:\s+the)?\W*$", before, re.IGNORECASE))
            if switched:
                nouns = tuple(w for w in words if w not in STOP and w not in SWITCH_VERBS)
                out.append(_Phrase("update", lemma("toggle"), nouns, W_LABEL * nested, (), True,
                                   _plurals(split_words(label))))
            elif re.match(r"^[A-Za-z]+-[A-Za-z]", label.strip()):
                continue  # "Invite-only", "Sign-up": a name, not a verb
            elif before and not CLICKED_RE.search(before[-40:]) and not CRUMB_END_RE.search(before):
                if PLACE_BEFORE_RE.search(before):
                    places.append(label)  # "In **Add users**, find …": a field's name, no verb
                continue  # "Ensure **Delete Organization** is selected": an option, not a button
            elif first in COMMIT_VERBS and (
                len(words) == 1 or len(words) == 2 and (words[1] in CHANGE_NOUNS or words[1] in GENERIC_NOUNS
                                                        or words[1] in STOP)
            ):
                out.append(_Phrase("commit", first, (), W_LABEL * nested, (), switch))  # "Save", "Apply changes"
            elif intent_of(first) in {"create", "delete", "update"} or first in ACTION_VERBS or (
                first in self._path_verbs
            ):
                nouns, quals = _object(words[1:], keep=self._ui_resources)
                nouns = nouns or _crumb_object(label, focus.labels) or _crumb_object(
                    label, [_label_chain(label, focus.text, focus.labels)]
                )
                label_intent = intent_of(first) or "update"
                if first in COMMIT_VERBS and SAVE_AS_NEW_RE.match(label):
                    label_intent = "create"  # "Save as a new task": a copy made into a new one
                out.append(
                    _Phrase(label_intent, first, nouns, W_LABEL * nested, quals,
                            switch, _plurals(split_words(label)[1:]))
                )
        label_named = {p.verb for p in out if p.nouns}
        prev = [s for s in block if s.line < focus.line][-1:]
        pick = MENU_PICK_RE.match(focus.text) if prev and prev[0].line in shared.openers else None
        pick = pick or MENU_FROM_RE.search(focus.text)  # "Select **Void credit** from the **Actions** dropdown"
        if pick:
            # the menu's item, in a verb only the API's summaries use ("Terminate wallet"): the
            # operation whose summary says just that, or none
            words = [lemma(w) for w in split_words(pick.group(1))]
            if intent_of(words[0]) is None and words[0] not in ACTION_VERBS:
                nouns, quals = _object(words[1:], keep=self._ui_resources)
                out.append(_Phrase("summary", words[0], nouns, W_LABEL * nested, quals))
        # a heading's action is the block's action when the block commits it (Save, Create…)
        commits = shared.commits
        w_context = W_CONFIRMED if commits else W_HEADING
        own_text = focus.text
        for label in [*opened, *places]:  # the menu's button says nothing about the action either
            own_text = own_text.replace(f"**{label}**", "it")
        sources = [(own_text, W_TEXT * nested, False, False),
                   (_last_sentence(focus.intro), W_INTRO if not commits else w_context, False, True)]
        if focus.headings:
            sources.append((_own_heading(focus.headings), w_context, True, True))
        purposes: list[int] = []  # phrases of a sentence's own "To run this task, …"
        intro_said = heading_said = range(0)  # where the introduction's and heading's phrases are
        for text, weight, title, is_context in sources:
            said_from_source = len(out)
            if title:
                text = _shared_object(text)
            # a plain link that says an action ("[Create a new Role](#custom-roles)") is a
            # cross-reference, not a step; a link that names a thing ("add a [new Third-Party
            # Auth integration](…)") is the verb's object and keeps its words
            plain = re.sub(r"\[([^\]*][^\]]*)\]\(([^)]*)\)", _link_words, text)
            plain = re.sub(r"\]\([^)]*\)", "]", plain)
            plain = DRAG_DROP_RE.sub("drag", plain)  # a gesture: "drop the file" deletes nothing
            plain = re.sub(r"\b([A-Za-z]+)-([A-Za-z]+)\b", _hyphenated, plain)
            parts = re.split(r"([.;:!?]\s)|,\s|\s(?:and|then)\s|\s[—–]\s", plain)
            others_may = False  # "Members can create and edit alerts": who may, all along the list
            starts = True  # the clause begins a sentence
            for clause, end in zip(parts[::2], [*parts[1::2], None]):
                purpose = starts and not is_context and clause.lstrip().lower().startswith("to ")
                starts = end is not None and end.strip() in {".", ";", ":", "!", "?"}
                said_from = len(out)
                every = split_words(clause)
                raw = [w for w in every if len(w) > 1]
                words = [lemma(w) for w in raw]
                if is_context and len(every) > 2 and every[1].lower() in DETERMINERS and self._unknown_verb(words[0]):
                    # "Share a credential": an action in a verb no endpoint says; "Save" under it
                    # commits that action, not an update of the credential ("Follow the steps
                    # below to send …" is only a lead-in)
                    nouns, quals = _object(words[1:], title=title, keep=self._ui_resources)
                    if nouns and nouns[-1] not in PROCEDURE_NOUNS:
                        out.append(_Phrase("other", words[0], nouns, weight, quals, switch, (), True))
                        continue
                chained = others_may
                others_may = end is None and (
                    others_may or any(w in MODALS for w in raw) and "you" not in raw
                )
                for k, w in enumerate(words):
                    intent = intent_of(w)
                    if w in NAV_VERBS and w != lemma("check"):
                        continue
                    if w == COPY and _copies_text(words[k:]):
                        break  # "Choose “Copy invite link”": the clipboard, not an invitation
                    if raw[k].lower() in SEQUENCE_WORDS:
                        continue  # "Finally add a …": finally is not finalize
                    if k >= 3 and raw[k - 1] in MODALS and raw[k - 2].lower() == "you" and raw[k - 3].lower() == "where":
                        break  # "opens the billing portal where you can modify your subscription": what the place offers
                    if k > 0 and raw[k - 1].lower() in {"which", "who"} and raw[k].lower().endswith("s"):
                        # "the minimum runtime, which stops the decision framework …" says what
                        # it does ("by which group you add the state": "which" picks a group)
                        break
                    if (
                        k >= 2 and raw[k - 1].lower() == "you" and raw[k - 2].lower() in TIME_LEADS
                        and not any(a == "you" and b in MODALS for a, b in itertools.pairwise(raw[k + 1 :]))
                    ):
                        # "turned on when you create a new project" says when, not what to do;
                        # "When you create an environment you can specify a parent" creates one
                        break
                    if k >= 2 and raw[k - 1].lower() == "to" and raw[k - 2].lower() in READY_WORDS:
                        break  # "you are now ready to send email": what the reader can do next
                    if w in LEAD_IN_VERBS and raw[k + 1 : k + 2] == ["you"]:
                        continue  # "allows you to delete the coupon": the verb is delete
                    if chained and all(x in {"and", "or"} for x in raw[:k]):
                        continue
                    if raw[k].lower().endswith("ed") and raw[k].lower() != w:
                        continue  # "was created", "is revoked": a state, not an instruction
                    if raw[k].lower().endswith("ing") and k > 0 and raw[k].lower() != w:
                        continue
                    if k > 0 and raw[k - 1] in MODALS and "you" not in raw[:k]:
                        continue  # "Managers can add members": who may do it, not an instruction
                    if raw[k].lower() == "new" and (
                        k > 0 or every[:1] != raw[:1] or not STATED.isdisjoint(x.lower() for x in raw[1:])
                    ):
                        # "select the new app", "A new instance is created", "New schedules are
                        # created disabled": an adjective; a verb only as a label's first word
                        continue
                    if (
                        w in FORM_VERBS and intent is None and k > 0
                        and raw[k - 1].lower() not in VERB_LEADS and raw[k - 1] not in MODALS
                    ):
                        continue  # "under **Survey Type**", "as the stage type": a noun after a noun
                    if intent in {"create", "delete", "update"} or w in FORM_VERBS or (
                        w in ACTION_VERBS and intent != "read"
                    ):
                        if w in COMMIT_VERBS and w != lemma("update"):
                            if raw[k + 1 : k + 2] == ["to"] and k + 2 < len(words) and intent_of(
                                words[k + 2]
                            ) in {"create", "delete", "update"}:
                                continue  # "Click **Save** to add the webhook": the purpose says it
                            said, _ = _object(words[k + 1 :], title=title, keep=self._ui_resources)
                            if [n for n in said if n not in GENERIC_NOUNS and n not in CHANGE_NOUNS]:
                                break  # "save your recovery codes": keeping a thing, not a form's button
                            out.append(_Phrase("commit", w, (), weight, (), switch, (), is_context))
                            break
                        nouns, quals = _object(words[k + 1 :], title=title, keep=self._ui_resources)
                        if not nouns and raw[k + 1 : k + 2] == ["to"] and k + 2 < len(words) and intent_of(
                            words[k + 2]
                        ) in {"create", "delete", "update"}:
                            continue  # "Click **Create** to issue the invoice": the purpose says it
                        verb_intent = "commit" if w in FORM_VERBS else (intent or "update")
                        names = set() if title else _proper_names(clause, plain)
                        # "## Editing Tasks" names the kind, not many tasks at once; a heading
                        # that switches ("Enable Segment Change Requests") names a feature
                        heading_plural = (
                            _plurals if not title or w in SWITCH_VERBS or switch else lambda _: ()
                        )
                        brands = tuple(n for n in nouns[:-1] if n in names)
                        out.append(_Phrase(verb_intent, w, nouns, weight, quals, switch,
                                           heading_plural(raw[k + 1 : k + 6]), is_context,
                                           heading_plural(raw[k + 1 : k + 12]), brands))
                        break
                if purpose:
                    purposes.extend(range(said_from, len(out)))
            if title:
                heading_said = range(said_from_source, len(out))
            elif is_context:
                intro_said = range(said_from_source, len(out))
        if purposes and any(
            i not in purposes and not p.context and p.nouns and p.intent != "commit" for i, p in enumerate(out)
        ):
            # "To run this task in production, you need to set the variable": the sentence's
            # action is the setting; what it is for is its context, as a "To …:" introduction is
            out = [
                dataclasses.replace(p, weight=min(p.weight, W_INTRO), context=True) if i in purposes else p
                for i, p in enumerate(out)
            ]
        intro_intents = {out[i].intent for i in intro_said} - {"commit"}
        if intro_intents:
            # "To add a user to a project:" under "## Add and remove users in a project": the
            # introduction says which of the heading's actions this list does
            out = [p for i, p in enumerate(out) if i not in heading_said or p.intent in intro_intents]
        # a bare button ("Delete", "Save") defers to the heading's or introduction's own action;
        # "Click **Create**" under "Create and configure an outpost" confirms the create only
        clicked = shared.clicked
        if clicked:
            out = [
                dataclasses.replace(p, weight=min(p.weight, W_HEADING))
                if p.context and p.intent in {"create", "delete", "update"} and p.intent not in clicked else p
                for p in out
            ]
        own_objects = {n for p in out if not p.context and p.intent != "commit" for n in p.nouns
                       if n not in GENERIC_NOUNS}
        heading_objects = {n for p in out if p.context for n in p.nouns}
        if len(block) == 1 and not focus.in_list and own_objects:
            # a paragraph that says its own action on its own object ("Select **Add trigger**")
            # is that action, not the heading's ("## Create a workflow") again; on the heading's
            # object, still its own action ("Click **Add Zone**" under "Enable DNS Zone")
            own_intents = {
                p.intent for p in out
                if not p.context and p.intent != "commit" and p.nouns and p.weight >= W_LABEL
                and p.verb not in FILL_VERBS  # "choose **SendGrid**" fills in a form
            }  # what its button says, not what a statement beside it says ("Qovery will validate")
            out = [
                p for p in out
                if not p.context
                or own_objects & heading_objects
                and (not own_intents or p.intent in own_intents or p.intent not in {"create", "delete", "update"})
            ]
        context_actions = [p for p in out if p.context and p.nouns]
        purpose = next((p.intent for p in out if p.context and p.intent != "commit"), None)
        if purpose:  # "Confirm" under "Delete a role set" confirms a deletion
            out = [
                _Phrase(purpose, p.verb, p.nouns, p.weight, p.quals, p.switch, p.plural, p.context,
                        p.qual_plural)
                if p.intent == "commit" else p
                for p in out
            ]
        if context_actions:
            out = [p for p in out if p.nouns or p.context or p.intent == "commit"]
        # a switch the step names ("toggle on 'Let Members Invite Others'") is the step's own
        # action: the heading's "Adding members" is not what flipping it does
        own_switch = [p for p in out if not p.context and p.switch and p.weight >= W_LABEL and len(p.nouns) >= 2]
        if own_switch:
            intents = {p.intent for p in own_switch}
            out = [p for p in out if not p.context or p.intent in intents]
        if shared.openers:
            # a form that a menu's item opened is committed for that item: its buttons and
            # fields name no other action
            out = [p for p in out if p.intent != "commit"]
        # "click **Add a comment** … Type in your comment and click the blue **Add** button": the
        # bare button is the action the step's own label names, not one that takes the heading's
        # object
        return [p for p in out if p.nouns or p.context or p.verb not in label_named]

    def _context(
        self, focus: UiStep, block: Sequence[UiStep], ctx: MatchContext, shared: _Evidence
    ) -> _Evidence:
        """Words around the action: qualifiers and the object of bare "Save"/"Create" buttons."""
        ev = _Evidence()
        ev.add(ctx.page_words, W_PAGE)
        ev.add(lemmas(ctx.title), W_TITLE)
        for h in focus.headings[:-1]:
            ev.add(lemmas(h), W_TITLE)
        for other in block:
            if other is not focus:
                ev.add(lemmas(other.text), W_BLOCK)
        ev.add(lemmas(focus.text), W_TEXT * 0.7)
        named = {w for lab in focus.labels for w in lemmas(lab) if intent_of(w) is None}
        for m in PURPOSE_CLAUSE_RE.finditer(re.sub(r"[*_`]", "", focus.text)):
            purpose_words = lemmas(m.group(1))
            if named & set(purpose_words):  # "To grant a team access to a project, … click Add Team"
                ev.add(purpose_words, W_INTRO)
        ev.before, ev.picked, ev.owners = shared.before, shared.picked, shared.owners
        ev.creating = shared.creating
        ev.nested = focus.depth > 0
        ev.said = frozenset(lemma(w) for w in split_words(focus.text))
        if focus.headings:
            ev.add(lemmas(focus.headings[-1]), W_HEADING)
        purpose = focus.intro.lower().startswith("to ")
        ev.add(lemmas(focus.intro), W_INTRO if purpose else W_BLOCK)
        # what a bare "Add"/"Save" acts on: the heading's (or "To …:" intro's) object
        bare = _Evidence()
        if focus.headings:
            bare.add(_subject_of(focus.headings[-1]), W_HEADING)
        if purpose:
            bare.add(_subject_of(focus.intro[3:]), W_INTRO)
        ev.bare = bare
        return ev

    def _score(
        self, oi: OpIndex, phrase: _Phrase, ctx_ev: _Evidence, hinted: bool
    ) -> tuple[float, str]:
        """Score one operation for one action phrase (0..1)."""
        op = oi.op
        if op.deprecated or op.method in {"GET", "HEAD", "OPTIONS", "TRACE"} or oi.reads:
            return 0.0, "read-only"
        intent = "update" if phrase.intent == "commit" else phrase.intent
        said = [w for w in (phrase.verb,) + phrase.nouns if w not in STOP and w != self.product]
        summary_words = [w for w in oi.summary_words if w != self.product]
        summary_match = (
            len(said) >= 2
            and all(w in summary_words for w in said)
            and all(w in said or ctx_ev.get(w) >= W_HEADING for w in summary_words)
        )
        if phrase.intent == "summary" and not summary_match:
            return 0.0, "a verb only a summary says"
        if phrase.intent == "other" and not summary_match:
            return 0.0, "an action no endpoint names"
        if summary_match:
            pass  # the step says what the summary says ("Send test event", "Grant access")
        elif oi.action:
            if phrase.verb != oi.action[0] and oi.action[0] not in SAME_ACTION.get(phrase.verb, ()):
                return 0.0, "action verb absent"
        elif phrase.verb in ACTION_VERBS and intent_of(phrase.verb) is None:
            return 0.0, "verb has no endpoint"
        else:
            if intent == "create" and not (op.method == "POST" and not oi.item):
                return 0.0, "method"
            if intent == "delete" and op.method != "DELETE":
                return 0.0, "method"
            if intent == "update" and op.method not in {"PATCH", "PUT"}:
                return 0.0, "method"
        res = [w for w in oi.resource if w not in GENERIC_NOUNS] or list(oi.resource)
        if not res:
            return 0.0, "no resource"
        if "scim" in oi.parents and ctx_ev.get("scim") < W_BLOCK:
            # /scim/v2/Groups is the protocol an identity provider calls (RFC 7644); a person
            # adding a group in the dashboard uses the product's own endpoint
            return 0.0, "SCIM provisioning endpoint"
        head = res[-1]
        product = self.product
        obj = [n for n in phrase.nouns if n != product]
        for kind in self.index.compounds.get(head, ()):
            if not set(kind) <= {*oi.resource, *oi.parents} and any(
                tuple(obj[i : i + len(kind)]) == kind for i in range(len(obj) - len(kind) + 1)
            ):
                # "Cancel the draft order" names /draft-orders, which the API has: not /orders
                return 0.0, f"another kind ({' '.join(kind)})"
        ev = _Evidence(dict(ctx_ev.weights))
        ev.add(obj, phrase.weight)
        ev.add(phrase.quals, min(phrase.weight, W_HEADING))
        parents = [w for w in oi.parents if w not in GENERIC_NOUNS and w not in res]
        tag_names = self.index.tag_names
        if tag_names:
            for w in [head, *parents]:
                for tag in tag_names.get(w, ()):
                    # "knowledge base" names the datasets its tag calls so
                    ev.add([w], min(ev.get(x) for x in tag))
        words = list(dict.fromkeys(res + parents + list(oi.action)))
        idf = self.index.idf
        spaces = self.index.namespaces
        # the item the reader works in, unless the step acts on such an item itself ("Create Index")
        scopes = self.index.scopes if not set(phrase.nouns) & self.index.scopes else frozenset()
        weight = {
            w: idf.get(w, 1.0) * (
                0.25 if w in spaces and w in oi.groups or w in scopes else 0.5 if w in parents else 1.0
            )
            for w in words
        }
        total = sum(weight.values())
        cov = sum(weight[w] * ev.get(w) for w in words) / total
        # the head noun: from the verb's own object, else the summary's name for the resource
        names = {head} | set(oi.aliases)
        act_words = [w for w in oi.action if w not in STOP]
        # the object's head is its last noun: in "membership limit" a membership is a modifier
        obj_head = next((n for n in reversed(obj) if n not in GENERIC_NOUNS), None)
        # "configure autosuspend for a compute": the setting's owner is the thing updated
        setting_of = (
            intent == "update"
            and bool(obj)
            and (
                phrase.verb in ASSIGN_VERBS
                or not any(
                    n in self.index.resource_words or n in self.index.alias_words for n in obj
                )
            )
            and any(n in phrase.quals for n in names)
        )
        in_phrase = setting_of or summary_match or obj_head in names or (
            bool(oi.doing) and obj_head == oi.doing  # "Stop impersonating": the impersonation
        ) or bool(tag_names) and any(
            tuple(obj[-len(t):]) == t for t in tag_names.get(head, ())
        ) or (
            bool(oi.compound) and tuple(obj[-2:]) == oi.compound  # "New Robot Account"
        ) or (
            len(res) > 1 and set(res) <= set(obj)  # "Drain Logs" for /log-drains
        ) or (
            # "Password Stage" for /stages/password/: the path's words are all the object's
            parents and set(res) | set(parents) <= set(obj) and obj_head in set(res) | set(parents)
        ) or (
            len(act_words) > 1 and all(w in obj or w == phrase.verb for w in act_words)
        )
        source = ctx_ev.bare if (not obj and ctx_ev.bare is not None) else ctx_ev
        evh = phrase.weight if in_phrase else max(source.get(n) for n in names)
        if hinted and (in_phrase or not [n for n in obj if n not in GENERIC_NOUNS]):
            evh = max(evh, W_HEADING)  # the page's agent-only text names this very call
        if evh > ev.get(head):
            ev.add([head], evh)  # named by its alias ("compute" for an endpoint)
            cov = sum(weight[w] * ev.get(w) for w in words) / total
        explained = set(words) | set(oi.summary) | {w for _, fw in oi.fields for w in fw}
        explained |= set(oi.values)  # "promote to Admin": a value the body takes
        if oi.doing:
            explained.add(oi.doing)
        if summary_match:
            # the summary names the resource the step means; a parent only if the summary says it
            # ("Create deployment" on /functions/{id}/deployments and /sites/{id}/deployments)
            ev.add([w for w in words if w not in parents or w in summary_words], phrase.weight * 0.9)
            cov = sum(weight[w] * ev.get(w) for w in words) / total
        own = [n for n in obj if n not in GENERIC_NOUNS]
        own_verb = bool(oi.action) and phrase.verb == oi.action[0] and phrase.verb not in BASIC_VERBS
        if own and not in_phrase and not (own_verb and head in ctx_ev.said):
            # the phrase names some other object; but "revert the schema changes made with the
            # deploy request" is …/deploy-requests/{number}/revert: a rare verb the endpoint is
            # named for, and the step names its resource
            evh *= 0.5
        sole_verb = False
        if own_verb and phrase.weight >= W_LABEL:
            verbs = {phrase.verb} | SAME_ACTION.get(phrase.verb, frozenset())
            sole_verb = (
                sum(self.index.action_ops.get(v, 0) for v in verbs) == 1
                and not [n for n in own if n in self.index.resource_words and n not in explained]
                and max((ctx_ev.get(w) for w in {*res, *oi.summary_words[1:]} - verbs), default=0.0) >= W_BLOCK
            )
        if sole_verb:
            # "Click **Export selection**" under "Export all flags from a project": the button
            # says a verb that one endpoint of the API is named for ("Export feature flags"), its
            # section names what that endpoint acts on, and its object is no other resource
            evh = max(evh, phrase.weight)
        noun = 0.45 * evh + 0.55 * cov if evh >= W_HEADING * 0.9 else 0.0
        if phrase.verb in FORM_VERBS and intent == "create" and not oi.action:
            noun = 0.0  # "Specify a **Channel**" in a creation form fills a field: no channel is made
        if oi.item and (phrase.verb in SWITCH_VERBS or phrase.switch) and not oi.switchable:
            # "Enable Organizations" flips a feature; "turn a flag on" is the endpoint that says
            # it toggles, not the one that renames the flag. A field may still name the switch.
            noun = 0.0
        if own:
            unexplained = sum(1 for n in own if n not in explained) / len(own)
            # a setting the body does not name is still that resource's setting
            noun *= 1.0 - (0.15 if setting_of or sole_verb else 0.4) * unexplained
        target = [q for q in phrase.quals if q in self.index.resource_words and q not in words]
        if phrase.verb in ASSIGN_VERBS and target and not setting_of:
            noun *= 0.8  # "assign a role set to an organization" updates the organization
        if intent == "create" and oi.nested and not oi.action and parents:
            # "Add role" names no role set: adding to one item's collection needs that item
            named = set(phrase.quals) | set(ctx_ev.bare.weights if ctx_ev.bare else ())
            if parents[-1] not in named and parents[-1] not in scopes:
                noun *= 0.9
        unseen = [w for w in parents if ev.get(w) == 0.0]
        # a nested resource whose parents the page never mentions is a guess; a top-level
        # singleton's parents are namespaces (/instance/restrictions), a tie-breaker at most
        parent_doubt = math.prod(
            0.95 if not oi.nested or w in oi.groups or w in scopes else 0.85 for w in unseen
        )
        noun *= parent_doubt
        modifiers = [w for w in res[:-1] if w != product and w not in phrase.nouns]
        rivals = [
            w for w in ctx_ev.before.get(head, ())
            if w not in explained and w not in modifiers and w != product and w not in STOP
            and w not in CRUD_VERBS | NAV_VERBS | COMMIT_VERBS
        ]
        if modifiers and rivals and in_phrase and not summary_match and all(
            ev.get(w) < W_BLOCK for w in modifiers
        ):
            noun *= 0.85  # "Create token" under "API tokens" is not /cloud-tokens: another kind
        elif (
            in_phrase and not summary_match and [w for w in modifiers if w not in AUX_WORDS]
            and all(ev.get(w) == 0.0 for w in modifiers if w not in AUX_WORDS)
        ):
            noun *= 0.85  # "Delete Account" on a page that never says "connected": no /connectedAccounts
        kinds = [a for a in oi.aliases if a in oi.summary_words and a not in phrase.nouns and a != product]
        own_kind = [w for w in obj[:-1] if w not in explained and w not in STOP] if obj_head == head else []
        if kinds and own_kind and in_phrase and not summary_match and all(ev.get(a) < W_BLOCK for a in kinds):
            noun *= 0.7  # "Create a root key" where the API's summary says "Create API key": another kind
        # "via the Lago app" names the product's own place, not another thing acted on
        foreign_quals = [q for q in phrase.quals if q not in explained and q != product and q not in PLACE_NOUNS]
        if foreign_quals and not oi.action and not setting_of:
            noun *= 0.5  # "disconnect X from a GitHub repository" is not "delete X"
        elif oi.action and [q for q in foreign_quals if q in self.index.resource_words and q not in words]:
            noun *= 0.8  # "add a user to a group": the group's add_user, not a role's
        if len(act_words) > 1 and not summary_match and any(
            ev.get(w) < W_HEADING for w in act_words[1:]
        ):
            noun *= 0.6  # "createPreview" creates a preview of a project: "Create project" is not it
        field_score = 0.0
        field_placed = False
        if op.method in {"PATCH", "PUT"} and oi.fields and phrase.nouns and not oi.action:
            n = max(len(self.index.ops), 2)
            told_here = set(phrase.nouns) | {phrase.verb}
            # "Set as unprotected" turns the `protected` field off
            told_here |= {w[2:] for w in told_here if w.startswith("un") and len(w) > 5}
            if phrase.switch and phrase.verb in SWITCH_VERBS:
                told_here |= SWITCH_STATES  # a toggle sets `isTranslationEnabled`
            told_stems = {_stem(w) for w in told_here}  # creation ~ create
            verb_stem = _stem(phrase.verb)
            told = [n for n in own if n not in res]
            for name, fwords in oi.fields:
                fw = [w for w in fwords if w not in STOP]
                if not fw or len(field_leaf(name)) <= 3:
                    continue
                if phrase.verb in SETTINGS_VERBS and _is_reference(name):
                    continue  # "configure your instance" does not set `meta.instanceId`
                if phrase.verb in SWITCH_VERBS and _is_reference(name):
                    continue  # "Disable notifier" flips a switch: a monitor's `notifierIds` is none
                content = [w for w in fw if w not in ACTION_VERBS]
                # a switch's verb ("delete_unused_volumes") is what turning it on does: the step
                # says "Enable unused volumes cleanup", naming what it acts on
                need = content if content and len(content) >= 2 else fw
                cover = min(
                    phrase.weight if w in told_here or _stem(w) in told_stems else ctx_ev.get(w)
                    for w in need
                )
                leaf = field_leaf(name)
                rarity = 1.0 - math.log(self.index.field_df.get(leaf, 1)) / math.log(n)
                fw_stems = {_stem(w) for w in fw}
                explains = (
                    sum(
                        1 for n in told
                        if n in fw
                        or (n.startswith("un") and n[2:] in fw)
                        or _stem(n) in fw_stems
                    )
                    / len(told) if told else 1.0
                )
                if (
                    cover >= W_HEADING and rarity > 0.6 and content and explains >= 0.5
                    and any(
                        (w in told_here or _stem(w) in told_stems)
                        and _stem(w) != verb_stem  # "configure" names no `configuration`
                        for w in fw
                    )
                ):
                    strength = (0.9 + 0.03 * min(len(fw), 3)) * (1.0 if cover >= W_TEXT else 0.95)
                    if (
                        obj_head in self.index.resource_words
                        and obj_head not in names
                        and obj_head not in fw
                        and not setting_of
                    ):
                        strength *= 0.8  # "set the branch as protected" is about a branch
                    if strength > field_score:
                        field_score = strength
                        # "Settings » Authentication … enable 'Peer approval'" names the object
                        # that holds `settings.extra.peer_approval_enabled`
                        field_placed = any(
                            set(_segment_words(seg)) <= ctx_ev.said for seg in name.split(".")[:-1]
                        )
        switch_told = [n for n in own if n not in STOP]
        if phrase.switch and phrase.weight >= W_LABEL * 0.9 and len(switch_told) >= 2 and not field_score:
            # the label a switch shows is its description's words: every word of it there
            for _, says in oi.field_says:
                stems = {_stem(w) for w in says}
                if all(n in says or _stem(n) in stems for n in switch_told):
                    field_score = 0.9
                    break
        if oi.nested and ev.get(head) < W_BLOCK and not in_phrase and not field_placed:
            field_score = 0.0  # a field of one item, but the item's kind is never named
        if oi.item and intent not in {"create", "delete"} and (head in phrase.plural or (
            setting_of and any(n in phrase.qual_plural for n in names)
        )):
            field_score = noun = 0.0  # "Enable verified domains": a feature, not one domain
        elif (
            not oi.item and (phrase.switch or phrase.verb in SWITCH_VERBS) and head in phrase.plural
            and not oi.switchable and op.path in self.index.collections
        ):
            # "Toggle on **Parallel cycles**" turns on a feature, not a bulk PATCH of the cycles
            # collection (a singleton's "Enable Organizations" stays its settings' update)
            noun = 0.0
        field_score *= parent_doubt
        score = max(noun, 0.9 * field_score + 0.1 * cov)
        why = "field" if score > noun else "resource"
        if why == "field" and max(ev.get(n) for n in names) < W_BLOCK:
            why = "unnamed field"  # `display_name` of `PATCH /user/profile`, no profile in sight
        if score <= 0.0:
            return 0.0, "resource not named"
        score *= 0.95 if phrase.intent == "commit" else 1.0
        does = oi.does
        if oi.action:
            act = [w for w in oi.action if w not in STOP]
            exact = all(w in obj or w == phrase.verb for w in act) and len(act) > 1
            score += 0.2 if exact else 0.1  # "Revoke" → …/revoke beats a generic DELETE
            if does in ACTION_VERBS and does not in oi.action and _other_action(does, phrase.verb):
                score *= 0.7  # "Resend user invitation" for …/{userId}/invite: not a first invite
        elif (
            intent == "create" and op.method == "POST" and does in NOT_CREATING_VERBS
            and _other_action(does, phrase.verb)
        ):
            score *= 0.7  # "Add New Email" creates no `POST /validations/email` ("Validate an email")
        elif phrase.verb in oi.summary:
            score += 0.05  # "Revoke" → the DELETE whose summary says revoke
        elif self._nominal(phrase.verb, head):
            score *= 0.7  # "invite a user" is an invitation when the API has invitations
        elif phrase.verb not in BASIC_VERBS and phrase.intent not in {"commit", "create"} and not (
            why.endswith("field") and phrase.verb in SWITCH_VERBS
        ):  # "Allow indexing" flips the `allowIndexing` field: a plain update
            score *= 0.7  # "reset", "restore": a plain update is not what the step does
        if (
            intent in {"update", "delete"} and (op.method, op.path.rstrip("/")) in self.index.bulk_twins
            and not phrase.plural and not ctx_ev.said & BULK_WORDS
        ):
            score *= 0.9  # "Delete the note" is `DELETE /notes/{id}`; `DELETE /notes` takes many
        if intent == "create" and not oi.action and "exist" in phrase.nouns[:-1] and head in phrase.nouns and (
            not oi.nested or set(parents) <= self.index.scopes
        ):
            score *= 0.7  # "add existing members to your team": no new member is made
        elif intent == "create" and head in ctx_ev.picked and not oi.nested and not oi.action:
            score *= 0.7  # "Add exempt role, then select a role from the list": an existing one
        if any(b not in explained and b != product for b in phrase.brands):
            score *= 0.75  # "Create a Discord Server": a server in another product
        elif any(
            b not in explained and b != product and (ctx_ev.nested or b in phrase.nouns)
            for n in phrase.nouns for b in ctx_ev.owners.get(n, ())
        ):
            score *= 0.75  # "- Create a new server" under "1. Create a Discord Server": the same server
        if ctx_ev.creating and intent == "update" and not phrase.context and (phrase.verb in FILL_VERBS or phrase.verb in SWITCH_VERBS):
            score *= 0.85  # "Set the thresholds" in a creation form fills the new thing in
        if hinted:
            score += 0.15
        return score, f"{why} match ({phrase.verb} {' '.join(phrase.nouns[:4])})"

    def match(self, block: Sequence[UiStep], context: MatchContext) -> Match:
        """Score every operation for each action phrase of the block; keep a clear winner."""
        if (
            context.page_product
            and not self._is_product(lemma(context.page_product))
            and self.product not in context.page_words
        ):
            reason = f"the page is about {context.page_product}'s UI, not {self.product}'s"
            return Match(None, 0.0, "no-operation", reason, block[-1])
        # where a procedure happens is said at its start: heading, introduction, first step
        heading = block[0].headings[-1] if block[0].headings else ""
        said_here = block[0].text.lower()  # "In the Clerk Dashboard, …" settles it
        foreign = (
            None if self.product in lemmas(said_here)
            else self._foreign([block[0].intro, block[0].text], heading)
        )
        last = block[-1]
        if foreign:
            return Match(None, 0.0, "no-operation", f"step in another product's UI ({foreign})", last)
        hinted: set[str] = set()
        if self.use_hints and context.hints:
            section = [h for h in context.hints if self._same_section(h, block[0], context)]
            hinted = self._hint_ops(section)
        # "To view the branches:" / "## View branches": a viewing procedure changes nothing
        purpose = _purpose_verb(block[0].intro, block[0].headings)
        if len(block) == 1 and (own_aim := OWN_PURPOSE_RE.match(block[0].text)):
            # "To see all pinned messages, select the **Pinned posts** icon": the step's own aim
            purpose = _subject_verb(own_aim.group(1)) or purpose
        if purpose is not None and intent_of(purpose) == "read":
            return Match(None, 0.0, "no-operation", "a viewing procedure (no change to make)", last)
        aim = block[0].intro[3:] if block[0].intro.lower().startswith("to ") else (
            _own_heading(block[0].headings) if block[0].headings else ""
        )
        if _copies_text([lemma(w) for w in split_words(aim)]):
            # "To copy the invite link:", "## Copy your API key": the steps lead to a value to copy
            return Match(None, 0.0, "no-operation", "a procedure that copies a value (no change)", last)
        best: list[tuple[float, OpIndex, UiStep, str, bool]] = []
        any_intent = False
        away = self._away(block, context.lines)
        shared = _block_evidence(block, self.index.summary_verbs)
        said_by_step = {
            focus.line: self._phrases(focus, block, shared) for focus in block if focus.line not in away
        }
        if not shared.commits and not shared.clicked and not any(
            not p.context for ps in said_by_step.values() for p in ps
        ) and not _acts(block):
            # "Navigate to the **Work Pools** tab and verify that you see it" under "## Create a
            # work pool": the steps look at the result; they do not do the heading's action
            return Match(None, 0.0, "no-operation", "navigation or viewing only", last)
        for focus in block:
            if focus.line in away:
                continue  # said while the reader is on another site (after "Visit [X](https://x.com)")
            phrases = said_by_step[focus.line]
            if not phrases:
                continue
            any_intent = True
            ctx_ev = self._context(focus, block, context, shared)
            # only operations that some word said here could name (a score needs one)
            said = {w for w, v in ctx_ev.weights.items() if v >= W_BLOCK}
            for phrase in phrases:
                said.update(phrase.nouns)
                said.add(phrase.verb)
            if ctx_ev.bare is not None:
                said.update(ctx_ev.bare.weights)
            candidates = sorted(
                {i for w in said for i in self.index.by_word.get(w, ())}
                | {i for i, oi in enumerate(self.index.ops) if oi.op.operation_id in hinted}
            )
            for phrase in phrases:
                for i in candidates:
                    oi = self.index.ops[i]
                    s, why = self._score(oi, phrase, ctx_ev, oi.op.operation_id in hinted)
                    if s > 0:
                        best.append((s, oi, focus, why, phrase.context))
        if not best:
            reason = "no operation fits" if any_intent else "navigation or viewing only"
            return Match(None, 0.0, "no-operation", reason, last)
        # steps that each point at the same operation ("Save settings", "Enable the Telegram
        # channel") corroborate it: a little more confidence per further step, capped
        support: dict[str, set[int]] = {}
        for t in best:
            if t[0] >= 0.6:
                support.setdefault(t[1].op.operation_id, set()).add(t[2].line)
        best = [
            (t[0] + 0.04 * min(len(support.get(t[1].op.operation_id, ())) - 1, 2), *t[1:])
            if len(support.get(t[1].op.operation_id, ())) > 1 else t
            for t in best
        ]
        best.sort(key=lambda t: -t[0])
        # one path with both PUT and PATCH, scored alike: changing one setting is the PATCH
        patch: dict[str, float] = {}
        for t in best:
            if t[1].op.method == "PATCH":
                patch.setdefault(t[1].op.path, t[0])  # best is sorted: the first is the highest
        best = [t for t in best if not (t[1].op.method == "PUT" and patch.get(t[1].op.path, -1.0) >= t[0])]
        ranked: list[tuple[str, float]] = []
        for t in best:
            if all(t[1].op.operation_id != r[0] for r in ranked) and len(ranked) < 5:
                ranked.append((t[1].op.operation_id, round(t[0], 3)))
        shortlist = tuple(ranked)
        top, oi, focus, why, _ = best[0]
        runner = next((t for t in best[1:] if t[1].op.operation_id != oi.op.operation_id), None)
        gap = top - runner[0] if runner else top
        conf = _confidence(top, gap)
        if top < self.threshold:
            decision = "no-operation" if top < 0.5 else "unsure"
            return Match(
                None, conf, decision, f"best {oi.op.operation_id} scored {top:.2f}", focus,
                shortlist,
            )
        if (
            gap < self.margin
            and runner is not None
            and runner[0] >= self.threshold
            and runner[2].line != focus.line
            and not best[0][4]
            and not runner[4]
            # "Click **Edit** to …", "Click **Delete** to …": a list of alternatives, no procedure
            and (best[0][1].op.method == "DELETE") == (runner[1].op.method == "DELETE")
        ):
            # two clicked actions in one list: the first is the one the later steps serve
            earlier = min((best[0], runner), key=lambda t: t[2].line)
            top, oi, focus, why, _ = earlier
            rest = [t for t in best if t[1].op.operation_id != oi.op.operation_id]
            runner = rest[0] if rest else None
            gap = top - runner[0] if runner and runner[2].line == focus.line else top
        if gap < self.margin and runner is not None and _creates_what_updates(oi.op, runner[1].op):
            # "Click **Create library**" … "Rename it to …": a list that makes a thing and then
            # edits it is the creation, its edits the new thing's fields
            creator = best[0] if oi.op.method == "POST" else runner
            if creator[0] >= self.threshold:
                pair = {oi.op.operation_id, runner[1].op.operation_id}
                top, oi, focus, why, _ = creator
                why += "; the list then edits what it creates"
                runner = next((t for t in best if t[1].op.operation_id not in pair), None)
                gap = top - runner[0] if runner else top
                conf = _confidence(top, gap)
        if gap < self.margin:
            other = runner[1].op.operation_id if runner else "?"
            return Match(
                None, conf, "unsure", f"{oi.op.operation_id} and {other} fit equally ({top:.2f})",
                focus, shortlist,
            )
        if conf < self.min_confidence:
            return Match(None, conf, "unsure", f"{oi.op.operation_id} leads by too little ({conf:.2f})", focus, shortlist)
        if why.startswith("unnamed field") and conf < self.field_confidence:
            reason = f"only fields of {oi.op.operation_id} fit, its resource unnamed ({conf:.2f})"
            return Match(None, conf, "unsure", reason, focus, shortlist)
        return Match(oi.op, conf, "matched", why, focus, shortlist)

    def _same_section(self, hint: Hint, step: UiStep, ctx: MatchContext) -> bool:
        """A hint applies to steps after it in its section (up to the next heading)."""
        if hint.end >= step.block_start:
            return False
        for ln in range(hint.end, step.block_start - 1):
            if ln < len(ctx.lines) and re.match(r"^\s{0,3}#{1,6}\s", ctx.lines[ln]):
                return False
        return True
