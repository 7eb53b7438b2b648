"""Find the UI steps of a markdown (or MDX) page: what a person is told to click, type or toggle.

Detection works on markdown-it-py tokens, not on line regexes. MDX sources are first turned into
a *shadow* of the page with the same number of lines: JSX component lines (``<Steps>``,
``<Tabs>``, ``<Tab>``, ``<Admonition>``, ``{/* … */}``) become blank lines and the content that
components (and Material ``!!!``/``???``/``===`` blocks) indent is dedented, so that a list inside a
``<Tab>`` is still a list and not an indented code block. Line numbers therefore stay the page's own.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.rules_core.text_join import text_join
from markdown_it.token import Token

# Verbs that tell a person to act in a UI. Their presence makes a list item or sentence a step.
UI_VERBS = frozenset(
    """click clicking clicked select selecting press tap choose toggle enable disable fill enter
    type navigate go open turn check uncheck set specify update change add create delete remove
    save apply confirm provide give copy scroll find locate pick drag switch edit rename upload
    invite grant revoke reset restore assign promote configure make repeat define name submit
    accept install connect disconnect verify leave""".split()
)
# Verbs that only a UI step uses (a sentence with one of these and a label is a step).
STRONG_UI_VERBS = frozenset(
    "click clicking clicked select selecting tap press toggle navigate choose".split()
)
_BASE_UI_VERBS = sorted(w for w in UI_VERBS if not w.endswith(("ing", "ed")))
IMPERATIVE_RE = re.compile(
    r"(?:^|[.!?]\s+)(?:(?:Under|In|On|From|Within|Inside|Next|Then|Now|Finally)\b[^,.]{0,60},\s*"
    r"|(?:Next|Then|Now|Finally|Also)\s+)?"
    r"(?:" + "|".join([w.capitalize() for w in _BASE_UI_VERBS] + _BASE_UI_VERBS) + r")\b"
)
"""A sentence that starts with a UI verb, after an optional place ("Under **Build**, enable …")."""
CAPABILITY_RE = re.compile(
    r"\b(?:[Yy]ou can|[Yy]ou may|[Tt]o)\s+(?:also\s+|now\s+|manually\s+|then\s+)?(?:"
    + "|".join(_BASE_UI_VERBS) + r")\b"
)
"""A sentence that tells the reader what they can do, or how to do it ("You can enable …",
"To edit the list, go to …"): a step when it names the place or the control."""
CRUMB_SEP = r"(?:-?>|›|→|»|&gt;)"
"""What separates the parts of a breadcrumb ("Settings › API keys", plain-text "Settings -> Bounces")."""
BREADCRUMB_RE = re.compile(rf"\s{CRUMB_SEP}\s")
MARKER_RE = re.compile(
    r"^\s*(?:<!--\s*llmsdocs:\s*(?P<a>[^>]*?)\s*-->|\{/\*\s*llmsdocs:\s*(?P<b>.*?)\s*\*/\})\s*$"
)
MARKER_END_RE = re.compile(r"^\s*(?:<!--\s*/llmsdocs\s*-->|\{/\*\s*/llmsdocs\s*\*/\})\s*$")
JSX_OPEN_RE = re.compile(r"^(\s*)<([A-Z][\w.]*)(\s[^>]*)?>\s*$")
JSX_SELF_RE = re.compile(r"^\s*<([A-Z][\w.]*)\b.*/>\s*$")
JSX_CLOSE_RE = re.compile(r"^(\s*)</([A-Z][\w.]*)>\s*$")
JSX_START_RE = re.compile(r"^\s*<([A-Z][\w.]*)\b[^>]*$")
JSX_EXPR_RE = re.compile(r"^\s*\{/\*.*\*/\}\s*$")
SHELLISH = frozenset({"", "sh", "bash", "shell", "zsh", "console", "terminal", "http", "https"})
"""Fence languages whose code, if it holds a URL, is a request someone can run."""
COMMIT_LABEL_RE = re.compile(r"\*\*(?:Save|Continue|Submit|Done|Next|Finish|Confirm)\b|\b(?:Save|Continue)\*\*")
"""A form's own button in a step ("click **Save and continue**", "**Validate Connection & Continue**")."""
OPENER_RE = re.compile(r"^(Add|New|Create)\b(.*)$")
"""A button that opens a creation form ("Add provider", "New", "Create key")."""
FILLER_RE = re.compile(r"^\s*(?:!\[[^\]]*\]\([^)]*\)|<[A-Za-z/][^>]*>|\{%.*%\}|\{/\*.*\*/\}|<!--.*-->)\s*$")
"""A line that shows or wraps rather than says: an image, a tag, a comment."""
COLON_FENCE_RE = re.compile(r"^\s*:{3,}\s*([A-Za-z][\w-]*)?.*$")
"""``::: tip Title`` opens a container (VitePress, Docusaurus admonitions); ``:::`` closes it."""
ITEM_MARK_RE = re.compile(r"^\s*(?:\d+[.)]|[-*+])\s+")
"""A list item's marker ("1. ", "- "), to read the item's own words."""
LIST_LINE_RE = re.compile(r"^(?:\s*[-*+]\s|\s{2,}\S)")
"""A bullet item's line or an indented continuation: between two parts of a numbered list."""
_ORDINAL_RE = re.compile(r"^\s*(\d+)[.)]\s")
LAZY_FIGURE_RE = re.compile(r"^(?:!\[[^\]]*\]\([^)]*\)|<img\b[^>]*/?>)\s*$")
"""A line that is only an image, at column 0 (markdown or HTML)."""
CONTAINER_RE = re.compile(r"^(\s*)(?:!!!|\?\?\?\+?|===)\s")
AGENT_JSX_RE = re.compile(r"""^\s*<If\s+is=["']llm["']\s*>\s*$""")
UI_ROUTE_RE = re.compile(
    r"^(?:https?://(?:dashboard|console|app|manage|portal|admin)\.[^/]+|(?:https?://[^/]+)?"
    r"(?:/[^/?#]+)*/(?:dashboard|console|settings|admin))(?:[/?#]|$)"
)
"""A link into the product's app rather than to a page of docs: its text names a UI place."""
APP_ACTION_RE = re.compile(
    r"\[(?:" + "|".join(sorted(UI_VERBS)) + r")\b[^\]]*\]\((?=" + UI_ROUTE_RE.pattern.lstrip("^") + r")",
    re.IGNORECASE,
)
"""A link into the app whose text is the action ("[enable anonymous sign-ins](/dashboard/…)")."""
UI_PLACE_RE = re.compile(r"\b(?:settings|dashboard|console)$", re.IGNORECASE)
"""A link text that names a place in the app ("[add-ons settings](…)")."""

# Patterns of the per-line and per-item hot paths, compiled once (``re.sub(str, …)`` looks each
# one up in re's cache at every call).
_TITLE_RE = re.compile(r"^title:\s*['\"]?(.*?)['\"]?\s*$")
_QUOTED_RE = re.compile(r"[\"“]([^\"”]{2,60})[\"”]")
_LINK_TARGET_RE = re.compile(r"\]\([^)]*\)")
_MARKUP_RE = re.compile(r"[*_`\[\]]")
_SPACES_RE = re.compile(r"\s+")
_WORD_RE = re.compile(r"[a-z]+")
_CRUMB_HEAD_RE = re.compile(r"((?:[A-Z][\w&'-]*)(?:\s+(?:[A-Z&][\w&'-]*)){0,2})$")
_CRUMB_TAIL_RE = re.compile(r"\s+(?:and|then|to|or|in|on|from|for|,)\b|[,.;:(]")
_BOLD_LEAD_RE = re.compile(r"^\s*\*\*[^*]+\*\*\s*[—–:-]")
_BOLD_ONLY_RE = re.compile(r"\s*\*\*[^*]+\*\*\s*")
_TOC_ENTRY_RE = re.compile(r"\s*\[[^\]]+\]\([^)]*\)\s*[.,;]?\s*")
_CURL_RE = re.compile(r"\bcurl\b")
_URL_RE = re.compile(r"https?://")
_SHADOW_FIRST = frozenset("<{:!?=")
"""First non-blank characters of the lines :func:`_shadow` rewrites (markers, JSX, ``:::``,
``!!!``/``???``/``===``); any other line only needs dedenting."""
MDX_BLOCK_RE = re.compile(r"^\s*(`{4,}|~{3,})\s*mdx-code-block\s*$")
"""Docusaurus' ````` ````mdx-code-block ````` wrapper: its content is rendered as MDX, not shown
as code (Ory wraps whole pages of tabs in it). A three-backtick wrapper is left alone: its
content can hold no fence, so no call could be inserted in it."""


@dataclass(slots=True, frozen=True)
class UiStep:
    """One UI action step of a page, with the context a matcher needs."""

    line: int
    """1-based line of the step in the markdown."""
    text: str
    """The step's text as written (its first paragraph, lines joined)."""
    labels: tuple[str, ...]
    """UI labels: bold, quoted and code spans, link texts and breadcrumb parts."""
    headings: tuple[str, ...]
    """Page title, then the section headings above the step, outermost first."""
    block_start: int
    """1-based first line of the list or paragraph the step belongs to."""
    block_end: int
    """1-based last non-blank line of that list or paragraph."""
    has_curl: bool
    """A curl (or other code call) already follows the step in its block or right after it."""
    pin: str | None
    """operationId, or ``"none"``, from an author's marker for this block."""
    intro: str = ""
    """The sentence that introduces the block ("To create a role:"), if any."""
    indent: int = 0
    """Indentation of the block in the page (inserted blocks keep it, e.g. inside ``<Tab>``)."""
    in_list: bool = True
    """The step is a list item (False: a sentence in a paragraph)."""
    depth: int = 0
    """Nesting depth of the item's list (0 = the procedure's own items)."""


@dataclass(slots=True, frozen=True)
class Hint:
    """Agent-only text on the page (an ``agent-only`` marker block, MDX ``<If is="llm">``)."""

    start: int
    """1-based first line."""
    end: int
    """1-based last line."""
    text: str
    """The block's text; the matcher reads API paths and methods from it."""


@dataclass(slots=True)
class PageSteps:
    """Everything the matcher needs from one page."""

    steps: list[UiStep] = field(default_factory=list)
    hints: list[Hint] = field(default_factory=list)
    title: str = ""
    lines: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Shadow:
    lines: list[str]
    agent_only: list[tuple[int, int]]
    markers: dict[int, str]
    title: str
    asides: set[int] = field(default_factory=set)
    """Line numbers (1-based) inside ``::: tip`` … ``:::`` containers (VitePress, Docusaurus):
    notes beside the procedure, never its introduction."""


SEPARATOR = "<!-- -->"
"""What a JSX or marker line becomes in the shadow: an HTML block ends a list, as the
component or comment does on the rendered page, and never reads as text."""


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _shadow(markdown: str) -> _Shadow:
    """Blank JSX/marker lines and dedent component content; keep the line count."""
    lines = markdown.split("\n")
    out = list(lines)
    title = ""
    i = 0
    if lines and lines[0].strip() == "---":  # YAML front matter
        for j in range(1, len(lines)):
            m = _TITLE_RE.match(lines[j])
            if m and not title:
                title = m.group(1)
            if lines[j].strip() in {"---", "..."}:
                for k in range(j + 1):
                    out[k] = ""
                i = j + 1
                break
    markers: dict[int, str] = {}
    agent_only: list[tuple[int, int]] = []
    open_agent: list[int] = []
    # stack of (kind, dedent); kind "jsx:Name" or "container:<indent>"
    stack: list[tuple[str, int | None]] = []
    asides: set[int] = set()
    open_asides: list[int] = []
    mdx_fences: list[str] = []  # open mdx-code-block wrappers' fences
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        # close containers whose content ended
        while stack and stack[-1][0].startswith("container:") and stripped:
            if _indent(line) <= int(stack[-1][0].split(":")[1]):
                stack.pop()
            else:
                break
        if stripped[:1] in ("`", "~"):
            opened_mdx = MDX_BLOCK_RE.match(line)
            if opened_mdx:
                mdx_fences.append(opened_mdx.group(1))
                out[i] = ""
                i += 1
                continue
            if mdx_fences and stripped[0] == mdx_fences[-1][0] and len(stripped) >= len(mdx_fences[-1]) and (
                not stripped.strip(stripped[0])
            ):
                mdx_fences.pop()
                out[i] = ""
                i += 1
                continue
        if stripped[:1] in _SHADOW_FIRST:  # only such lines can be a marker, component or container
            m = MARKER_RE.match(line)
            if m:
                value = (m.group("a") or m.group("b") or "").strip()
                out[i] = SEPARATOR
                if value == "agent-only":
                    open_agent.append(i + 1)
                elif value == "human-only":
                    open_agent.append(-(i + 1))
                else:
                    markers[i + 1] = value
                i += 1
                continue
            if MARKER_END_RE.match(line):
                out[i] = SEPARATOR
                if open_agent:
                    start = open_agent.pop()
                    if start > 0:
                        agent_only.append((start, i + 1))
                i += 1
                continue
            if AGENT_JSX_RE.match(line):
                open_agent.append(i + 1)
                stack.append(("jsx:If", None))
                out[i] = SEPARATOR
                i += 1
                continue
            close = JSX_CLOSE_RE.match(line)
            if close:
                name = close.group(2)
                for k in range(len(stack) - 1, -1, -1):
                    if stack[k][0] == f"jsx:{name}":
                        del stack[k:]
                        break
                if name == "If" and open_agent and open_agent[-1] > 0:
                    agent_only.append((open_agent.pop(), i + 1))
                out[i] = SEPARATOR
                i += 1
                continue
            if JSX_SELF_RE.match(line) or JSX_EXPR_RE.match(line):
                out[i] = SEPARATOR
                i += 1
                continue
            opened = JSX_OPEN_RE.match(line)
            if opened:
                stack.append((f"jsx:{opened.group(2)}", None))
                out[i] = SEPARATOR
                i += 1
                continue
            multi = JSX_START_RE.match(line)
            if multi and not stripped.endswith(">"):  # a multi-line opening tag
                j = i
                while j < len(lines) and not lines[j].rstrip().endswith(">"):
                    out[j] = ""
                    j += 1
                if j < len(lines):
                    self_closing = lines[j].rstrip().endswith("/>")
                    out[j] = ""
                    if not self_closing:
                        stack.append((f"jsx:{multi.group(1)}", None))
                i = j + 1
                continue
            fence = COLON_FENCE_RE.match(line)
            if fence:
                if fence.group(1):
                    open_asides.append(i)
                elif open_asides:
                    asides.update(range(open_asides.pop() + 1, i + 2))
                out[i] = line[: _indent(line)] + SEPARATOR
                i += 1
                continue
            cont = CONTAINER_RE.match(line)
            if cont:
                stack.append((f"container:{_indent(line)}", _indent(line) + 4))
                out[i] = ""
                i += 1
                continue
        if stripped and stack:
            dedent = 0
            for idx, (kind, amount) in enumerate(stack):
                if amount is None:  # first content line of a JSX component fixes its indent
                    amount = max(_indent(line) - dedent, 0)
                    stack[idx] = (kind, amount)
                dedent += amount
            cut = min(dedent, _indent(line))
            out[i] = line[cut:]
        i += 1
    return _Shadow(out, agent_only, markers, title, asides)


def _inline_labels(inline: Token) -> list[str]:
    """UI labels of a step: bold/italic spans, code spans, quoted words, breadcrumb parts.

    A plain link's text ("[Create a new Role](#custom-roles)") is a cross-reference, not a
    label; a bold link (``[**Users**](…)``) is a label, and so is a link into the app itself
    ("[add-ons settings](/dashboard/project/_/settings/addons)"): it names a place to act in.
    """
    labels: list[str] = []
    stack: list[str] = []
    buf: list[str] = []
    app_link = False
    for tok in inline.children or []:
        if tok.type in {"strong_open", "em_open", "link_open"}:
            if not stack:
                buf = []
                app_link = tok.type == "link_open" and bool(UI_ROUTE_RE.match(str(tok.attrGet("href") or "")))
            stack.append(tok.type)
        elif tok.type in {"strong_close", "em_close", "link_close"}:
            kind = stack.pop() if stack else ""
            text = "".join(buf).strip()
            if not stack and text and (kind != "link_open" or app_link or UI_PLACE_RE.search(text)):
                labels.append(text)
            elif kind == "strong_open" and stack == ["link_open"] and "".join(buf).strip():
                labels.append("".join(buf).strip())
                buf = []
        elif tok.type in {"text", "code_inline"}:
            if stack:
                buf.append(tok.content)
            elif tok.type == "code_inline":
                labels.append(tok.content)
            else:
                labels.extend(m.strip() for m in _QUOTED_RE.findall(tok.content))
    text = _LINK_TARGET_RE.sub("]", inline.content)
    if BREADCRUMB_RE.search(text):
        parts = BREADCRUMB_RE.split(text)
        for k, part in enumerate(parts):
            part = _MARKUP_RE.sub("", part).strip()
            if k == 0:  # "Go to Settings" → Settings: the capitalized tail
                m = _CRUMB_HEAD_RE.search(part)
                words = (m.group(1) if m else "").split()
                while words and words[0].lower() in UI_VERBS:  # "Open Project" → Project
                    words.pop(0)
                part = " ".join(words)
            if k == len(parts) - 1:  # "API keys and click Create" → API keys
                part = _CRUMB_TAIL_RE.split(part)[0]
            part = part.strip(" .,:")
            if 0 < len(part.split()) <= 4 and part not in labels:
                labels.append(part)
    return labels


def _plain(text: str) -> str:
    text = _LINK_TARGET_RE.sub("]", text)
    return _SPACES_RE.sub(" ", _MARKUP_RE.sub("", text)).strip()


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(text.lower())


def _is_ui_verb(word: str) -> bool:
    """A UI verb, or its -ing form ("by navigating to …")."""
    if word in UI_VERBS:
        return True
    if word.endswith("ing") and len(word) > 5:
        stem = word[:-3]
        return stem in UI_VERBS or stem + "e" in UI_VERBS
    return False


def _may_be_step(text: str, in_list: bool) -> bool:
    """A cheap necessary condition of :func:`is_ui_step` (which also needs the labels)."""
    return _has_step_words(text, _words(_plain(text)), in_list)


def _has_step_words(text: str, words: list[str], in_list: bool) -> bool:
    """:func:`_may_be_step` for ``text`` whose words are already known."""
    if any(_is_ui_verb(w) for w in words):
        return True
    return in_list and bool(words) and bool(_BOLD_LEAD_RE.match(text))


def is_ui_step(text: str, labels: list[str], in_list: bool) -> bool:
    """Whether an item or sentence tells a person to act in a UI.

    List items qualify with any UI verb; free sentences need a strong UI verb (click, select…)
    and something to act on (a label or a breadcrumb), so prose such as "you can choose to"
    is left alone.
    """
    plain = _plain(text)
    return _is_step(text, plain, _words(plain), lambda: labels, in_list)


def _is_step(
    text: str, plain: str, words: list[str], labels: Callable[[], list[str]], in_list: bool
) -> bool:
    """:func:`is_ui_step` with ``plain`` and ``words`` already known; ``labels`` is called only
    when the answer depends on them (finding them means parsing the item's inline markup)."""
    if not words:
        return False
    if _TOC_ENTRY_RE.fullmatch(text):
        return False  # a table-of-contents entry: a link, not an instruction
    if in_list:
        if any(w in UI_VERBS for w in words):
            return True
        return bool(_BOLD_LEAD_RE.match(text)) and bool(labels())
    if BREADCRUMB_RE.search(text) and any(_is_ui_verb(w) for w in words):
        return True  # "… by navigating to your function > **Settings** > **Timeout**"
    if APP_ACTION_RE.search(text):
        return True  # "To get started, [enable anonymous sign-ins](/dashboard/…/settings/auth)"
    if (
        not plain.endswith(":")
        and (IMPERATIVE_RE.search(plain) or CAPABILITY_RE.search(plain))
        and labels()
    ):
        return True  # "Under **Build**, enable the `X` option."; "You can enable it in [Settings](…)"
    return any(w in STRONG_UI_VERBS for w in words) and (
        bool(BREADCRUMB_RE.search(text)) or bool(labels())
    )


_MD: MarkdownIt | None = None


def _parser() -> MarkdownIt:
    """Block-level parser: inline content is parsed only for candidate steps (see
    :func:`_inline_children`); most paragraphs of a page are not steps, and inline parsing is
    most of markdown-it's time."""
    global _MD
    if _MD is None:
        _MD = MarkdownIt("commonmark").enable("table").disable(["inline", "text_join"])
    return _MD


def _inline_children(inline: Token, env: dict[str, Any]) -> Token:
    """``inline`` with its children parsed, as markdown-it's core ``inline`` and ``text_join``
    rules would have done (same parser, same ``env``, so reference links resolve)."""
    if not inline.children and inline.content:  # the block parser leaves children empty
        md = _parser()
        children: list[Token] = []
        md.inline.parse(inline.content, md, env, children)
        inline.children = children
        state = StateCore("", md, env)
        state.tokens = [inline]
        text_join(state)
    return inline


@dataclass(slots=True)
class _Labels:
    """A candidate step's labels, found on first use: most candidates are decided without them,
    and finding them means parsing the item's inline markup."""

    inline: Token
    env: dict[str, Any]
    found: list[str] | None = None

    def __call__(self) -> list[str]:
        if self.found is None:
            self.found = _inline_labels(_inline_children(self.inline, self.env))
        return self.found


def analyze(markdown: str) -> PageSteps:
    """Parse a page once and return its UI steps, agent-only hints and title."""
    shadow = _shadow(markdown)
    env: dict[str, Any] = {}
    tokens = _parser().parse("\n".join(shadow.lines), env)
    page = PageSteps(title=shadow.title, lines=markdown.split("\n"))
    original = page.lines
    for start, end in shadow.agent_only:
        page.hints.append(Hint(start, end, "\n".join(original[start - 1 : end])))

    def in_agent_only(line: int) -> bool:
        return any(s <= line <= e for s, e in shadow.agent_only)

    headings: list[tuple[int, str]] = []
    last_para = ""
    last_block_end = 0
    list_depth = 0
    block: tuple[int, int] | None = None
    pending: list[tuple[Token, Token, int]] = []  # (item/paragraph open, inline, depth)
    # the last ordered list at depth 0: (first line, last number, last line, headings)
    last_ordered: tuple[int, int, int, tuple[str, ...]] | None = None
    ordered_items = 0
    joined_from = 0  # a numbered list that continues an earlier one ("3." after "1." "2.")
    i = 0

    def block_pin(bstart: int, bend: int) -> str | None:
        for ln in sorted(shadow.markers):
            if last_block_end < ln <= bend:
                value = shadow.markers[ln]
                if value.startswith("curl "):
                    return value[5:].strip() or None
        return None

    def heading_titles() -> tuple[str, ...]:
        titles = [t for _, t in headings]
        if page.title and (not titles or titles[0] != page.title):
            titles.insert(0, page.title)
        return tuple(titles)

    def following_code(after: int) -> bool:
        """A fenced/indented code block with a call follows the block (blank lines between)."""
        for tok in tokens:
            if tok.map and tok.map[0] >= after and tok.level == 0:
                if tok.type in {"fence", "code_block"}:
                    if _CURL_RE.search(tok.content):
                        return True
                    # a raw HTTP request or a shell call shows the API; an SDK snippet that
                    # merely sets its endpoint URL (`server-nodejs` tab) does not
                    lang = (tok.info or "").split()[0].lower() if tok.info.strip() else ""
                    return lang in SHELLISH and bool(_URL_RE.search(tok.content))
                if tok.type == "html_block" and tok.content.strip() == SEPARATOR:
                    continue  # a component boundary (</Tab><Tab>) between the list and the code
                if tok.type.endswith("_open") or tok.type in {"html_block"}:
                    return False
        return False

    def opened_by(bstart: int) -> str:
        """"To add provider" when the procedure before this one, with nothing but pictures and
        markup between them, ended by clicking **Add provider**: this block fills in what that
        button opened (a form, a wizard's next page)."""
        if not page.steps:
            return ""
        prev = page.steps[-1]
        between = original[prev.block_end : bstart - 1]
        if prev.block_end >= bstart or prev.headings != heading_titles():
            return ""
        if not all(not ln.strip() or FILLER_RE.match(ln) for ln in between):
            return ""
        for label in reversed(prev.labels):
            m = OPENER_RE.match(label)
            if m:
                return f"To {m.group(1).lower()}{m.group(2)}"
        return ""

    def flush() -> None:
        nonlocal block, pending, last_block_end, last_para, joined_from
        if block is None:
            return
        bstart, bend = block
        # trailing blank lines, and an admonition's title line after them ("!!! note" opens a
        # block of its own; its body is never the list's, so the call goes above it)
        while bend > bstart and (not original[bend - 1].strip() or CONTAINER_RE.match(original[bend - 1])):
            bend -= 1
        # a screenshot written flush left right under the last item ("5. Click **Create**" then
        # "![Create](…)") is a lazy continuation of it; the call goes before it, next to the
        # step's words, where a reader of the source also looks for it
        while bend - 1 > bstart and LAZY_FIGURE_RE.match(original[bend - 1]) and original[bend - 2].strip():
            bend -= 1
        known: tuple[str | None, bool, int] | None = None  # computed for blocks with a step

        def block_facts() -> tuple[str | None, bool, int]:
            nonlocal known
            if known is None:
                inner_code = any(
                    t.type == "fence" and t.map and bstart <= t.map[0] + 1 <= bend
                    and "curl" in t.content
                    for t in tokens
                )
                indent = _indent(original[bstart - 1]) if bstart - 1 < len(original) else 0
                known = (block_pin(bstart, bend), inner_code or following_code(bend), indent)
            return known

        opener = ""
        if pending and any(COMMIT_LABEL_RE.search(inline.content) for _, inline, _ in pending):
            opener = opened_by(bstart)  # a form that is committed, after the button that opened it
        for start_tok, inline, depth in pending:
            line = (inline.map[0] if inline.map else start_tok.map[0] if start_tok.map else 0) + 1
            if in_agent_only(line):
                continue
            in_list = start_tok.type == "list_item_open"
            plain = _plain(inline.content)
            words = _words(plain)
            if not _has_step_words(inline.content, words, in_list):
                continue  # no UI verb: not a step, whatever its labels (see is_ui_step)
            labels = _Labels(inline, env)
            if not _is_step(inline.content, plain, words, labels, in_list):
                continue
            text = " ".join(original[ln].strip() for ln in range(line - 1, inline.map[1])) if inline.map else inline.content
            pin, has_curl, indent = block_facts()
            page.steps.append(
                UiStep(
                    line=line,
                    text=text,
                    labels=tuple(labels()),
                    headings=heading_titles(),
                    block_start=bstart,
                    block_end=bend,
                    has_curl=has_curl,
                    pin=pin,
                    intro=(last_para if in_list else "") or opener,
                    indent=indent,
                    in_list=in_list,
                    depth=depth,
                )
            )
        if joined_from:
            # one procedure: the steps since the list it continues share its block, and the
            # call goes after the last part
            here = heading_titles()
            page.steps[:] = [
                dataclasses.replace(st, block_start=joined_from, block_end=bend)
                if st.block_start >= joined_from and st.headings == here else st
                for st in page.steps
            ]
            joined_from = 0
        last_block_end = bend
        block = None
        pending = []

    while i < len(tokens):
        tok = tokens[i]
        if tok.type == "heading_open" and list_depth == 0:
            flush()
            level = int(tok.tag[1])
            text = _plain(tokens[i + 1].content)
            headings = [(lv, t) for lv, t in headings if lv < level] + [(level, text)]
            if level == 1 and not page.title:
                page.title = text
            last_para = ""
            last_block_end = (tok.map[1] if tok.map else last_block_end)
        elif tok.type in {"bullet_list_open", "ordered_list_open"}:
            if list_depth == 0:
                flush()
                assert tok.map is not None
                block = (tok.map[0] + 1, tok.map[1])
                ordered_items = 0
                joined_from = 0
                start = int(tok.attrGet("start") or 1) if tok.type == "ordered_list_open" else 0
                if last_ordered and start > 1 and start == last_ordered[1] + 1 and (
                    last_ordered[3] == heading_titles()
                    and all(
                        not ln.strip() or FILLER_RE.match(ln) or LIST_LINE_RE.match(ln)
                        for ln in original[last_ordered[2] : tok.map[0]]
                    )
                ):
                    joined_from = last_ordered[0]
            list_depth += 1
        elif tok.type in {"bullet_list_close", "ordered_list_close"}:
            list_depth -= 1
            if list_depth == 0:
                if tok.type == "ordered_list_close" and block is not None:
                    first = joined_from or block[0]
                    ordinal = _ORDINAL_RE.match(original[block[0] - 1])
                    number = int(ordinal.group(1)) if ordinal else 1
                    last_ordered = (first, number + ordered_items - 1, block[1], heading_titles())
                flush()
                last_para = ""
        elif tok.type == "list_item_open":
            if list_depth == 1:
                ordered_items += 1
            # first paragraph of the item
            j = i + 1
            while j < len(tokens) and tokens[j].type not in {"inline", "list_item_close"}:
                j += 1
            if j < len(tokens) and tokens[j].type == "inline":
                pending.append((tok, tokens[j], list_depth - 1))
        elif tok.type == "html_block" and list_depth == 0 and tok.map is not None and any(
            JSX_CLOSE_RE.match(ln) for ln in original[tok.map[0] : tok.map[1]]
        ):
            last_para = ""  # "</Tab>": the next tab's list is not introduced by this one's text
        elif tok.type == "paragraph_open" and list_depth == 0:
            inline = tokens[i + 1]
            assert tok.map is not None
            bold_only = _BOLD_ONLY_RE.fullmatch(inline.content or "")
            if bold_only and not in_agent_only(tok.map[0] + 1):
                flush()  # a bold line standing alone acts as a heading ("**Step 1: …**")
                headings = [(lv, t) for lv, t in headings if lv < 7] + [(7, _plain(inline.content))]
                last_para = ""
                last_block_end = tok.map[1]
            elif not in_agent_only(tok.map[0] + 1):
                flush()
                block = (tok.map[0] + 1, tok.map[1])
                pending = [(tok, inline, 0)]
                flush()
                para = _plain(inline.content)
                intro_like = para.endswith(":") or para.lower().startswith("to ")
                aside = tok.map[0] + 1 in shadow.asides
                last_para = para if intro_like and not para.startswith("!") and not aside else ""
        i += 1
    flush()
    return page


def detect_steps(markdown: str) -> list[UiStep]:
    """Return the UI action steps of a markdown/MDX page, in page order."""
    return analyze(markdown).steps
