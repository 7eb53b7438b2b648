"""The source content of the golden sites, one model rendered into each generator's own syntax.

Why a model: the ground truth (``<page>.expected.json``) must come from the SOURCE, not from any
converter's output. Every page is written once here as blocks; ``render(flavor)`` writes the
markdown each real generator reads (MkDocs, Material, MyST/Sphinx, Docusaurus MDX, VitePress,
Hugo, Jekyll/kramdown), and ``ground_truth(flavor)`` lists what a faithful conversion of the
built page must contain. Constructs a generator has no syntax for are written the way its users
do without it (tabs become labelled sections, details become raw ``<details>``) or left out, and
the ground truth follows.

Used only by ``build.py`` (run by hand); the tests read the committed JSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# ---------------------------------------------------------------------------------------------
# Inline parts: plain markdown strings (the same in every flavor) or these:


@dataclass(frozen=True)
class Link:
    """A link to another page of the site (``page`` without extension) and an optional anchor."""

    text: str
    page: str | None
    anchor: str | None = None


@dataclass(frozen=True)
class Ext:
    """An external link."""

    text: str
    url: str


@dataclass(frozen=True)
class Kbd:
    """A key combination, e.g. ``("Ctrl", "C")``."""

    keys: tuple[str, ...]


@dataclass(frozen=True)
class Math:
    """Inline TeX."""

    tex: str


@dataclass(frozen=True)
class FnRef:
    """A footnote reference ``[^name]``."""

    name: str


@dataclass(frozen=True)
class Strike:
    """Struck-through text (GFM ``~~``)."""

    text: str


Inline = str | Link | Ext | Kbd | Math | FnRef | Strike

# ---------------------------------------------------------------------------------------------
# Blocks


@dataclass(frozen=True)
class H:
    level: int
    text: str


@dataclass(frozen=True)
class P:
    parts: tuple[Inline, ...]


@dataclass(frozen=True)
class Code:
    lang: str
    content: str
    linenos: bool = False


@dataclass(frozen=True)
class Admon:
    kind: str  # note | warning | tip
    title: str
    body: tuple[Inline, ...]


@dataclass(frozen=True)
class Tabs:
    panels: tuple[tuple[str, Code], ...]


@dataclass(frozen=True)
class Details:
    summary: str
    body: tuple[Inline, ...]


@dataclass(frozen=True)
class DefList:
    items: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Table:
    rows: tuple[tuple[str, ...], ...]  # markdown cell source; first row is the header


@dataclass(frozen=True)
class Image:
    alt: str
    file: str


@dataclass(frozen=True)
class MathBlock:
    tex: str


@dataclass(frozen=True)
class FnDef:
    name: str
    text: str


@dataclass(frozen=True)
class Quote:
    text: str


@dataclass(frozen=True)
class OList:
    """An ordered list; an item may hold a code block and a nested bullet list."""

    items: tuple[tuple[str, Code | None, tuple[str, ...]], ...]


Block = (
    H
    | P
    | Code
    | Admon
    | Tabs
    | Details
    | DefList
    | Table
    | Image
    | MathBlock
    | FnDef
    | Quote
    | OList
)


@dataclass(frozen=True)
class Page:
    name: str
    title: str
    blocks: tuple[Block, ...]
    commit: bool = True  # False: only in the site (nav entry, link target), not a fixture


# ---------------------------------------------------------------------------------------------
# The pages

PY_CLIENT = """from lumen import Client

client = Client("http://127.0.0.1:8080")
response = client.get("/users/42")
print(response.headers["X-Cache"])  # HIT or MISS"""

JS_CLIENT = """import { Client } from "lumen-client";

const client = new Client({ baseUrl: "http://127.0.0.1:8080" });
const res = await client.get("/users/42");
console.log(res.headers.get("x-cache"));"""

YAML_CONFIG = """listen: 127.0.0.1:8080
upstream: https://api.example.com
cache:
  max_age_s: 300
  store: memory"""

JSON_CONFIG = """{
  "listen": "127.0.0.1:8080",
  "upstream": "https://api.example.com",
  "cache": {"max_age_s": 300, "store": "memory"}
}"""

NESTED_FENCE = """Run the proxy:

```bash
lumen serve --config lumen.yaml
```"""

MERMAID = """graph LR
  Client --> Lumen
  Lumen --> Upstream"""

ESCAPES = (
    "Patterns are matched literally: \\*.tmp\\* stays as written, so do \\_draft\\_ names, "
    "a &lt;tag&gt; placeholder and \\[x\\](y) brackets."
)
ESCAPES_TEXT = (
    "Patterns are matched literally: *.tmp* stays as written, so do _draft_ names, "
    "a <tag> placeholder and [x](y) brackets."
)

GUIDE = Page(
    "guide",
    "Getting started with Lumen",
    (
        H(1, "Getting started with Lumen"),
        P(
            (
                "Lumen is a small **HTTP caching proxy** that sits in front of an *upstream* API. "
                "This guide installs it, writes a first configuration with `lumen init` and checks that "
                "responses are cached. The caching rules follow ",
                Ext("RFC 9111", "https://www.rfc-editor.org/rfc/rfc9111"),
                "; every option is listed in the ",
                Link("configuration reference", "reference", "cache-options"),
                ".",
            )
        ),
        P((ESCAPES,)),
        H(2, "Installation"),
        P(("Install the package from PyPI and check the version:",)),
        Code("bash", "python -m pip install lumen-proxy\nlumen --version"),
        Admon(
            "note",
            "Supported platforms",
            ("Lumen runs on Linux and macOS. Windows is supported through WSL only.",),
        ),
        H(3, "From source"),
        P(("Pick the installer you already use:",)),
        Tabs(
            (
                ("pip", Code("bash", "pip install git+https://example.com/lumen.git")),
                ("pipx", Code("bash", "pipx install lumen-proxy")),
            )
        ),
        H(2, "First configuration"),
        P(("Create `lumen.yaml` next to your project:",)),
        Code("yaml", YAML_CONFIG),
        P(("The same configuration written as JSON:",)),
        Code("json", JSON_CONFIG),
        H(3, "Using the Python client"),
        Code("python", PY_CLIENT, linenos=True),
        H(3, "Using the JavaScript client"),
        Code("javascript", JS_CLIENT),
        H(4, "Embedding examples in docs"),
        P(("A README that documents Lumen can show a fenced block inside a fenced block:",)),
        Code("markdown", NESTED_FENCE),
        H(2, "Checking the cache"),
        P(
            (
                "Start the proxy with `lumen serve`, send the same request twice and stop it with ",
                Kbd(("Ctrl", "C")),
                ".",
            )
        ),
        Admon(
            "warning",
            "Do not cache private responses",
            (
                "Responses with `Cache-Control: private` are never stored; see ",
                Link("Cache options", "reference", "cache-options"),
                ".",
            ),
        ),
        Details(
            "Why is the first request a MISS?",
            ("The cache is empty when the proxy starts, so the first response only fills it.",),
        ),
        Image("Diagram of a request passing through the Lumen cache", "flow.png"),
        H(2, "Next steps"),
        P(
            (
                "Read the ",
                Link("full reference", "reference"),
                " and the ",
                Ext("Lumen changelog", "https://github.com/example/lumen/releases"),
                ".",
            )
        ),
    ),
)

REFERENCE = Page(
    "reference",
    "Configuration reference",
    (
        H(1, "Configuration reference"),
        P(
            (
                "Every option of `lumen.yaml`, with its default. Options can also be set from the "
                "environment, see ",
                Link("Environment variables", None, "environment-variables"),
                ".",
            )
        ),
        H(2, "Cache options"),
        Table(
            (
                ("Option", "Type", "Default", "Description"),
                ("`max_age_s`", "integer", "`300`", "Seconds a response stays **fresh**."),
                (
                    "`store`",
                    "string",
                    "`memory`",
                    "Where entries live, see [Storage backends](#storage-backends).",
                ),
                ("`mode`", "enum", "`strict`", "One of strict \\| lenient."),
                ("`vary_on`", "list", "`[]`", "Request headers that split the cache key."),
            )
        ),
        H(3, "Storage backends"),
        P(("The `disk` store keeps entries across restarts:",)),
        Code("yaml", "cache:\n  store: disk\n  path: /var/cache/lumen"),
        H(4, "Size limits"),
        P(("The disk store is limited to 1 GiB by default.", FnRef("limit"))),
        FnDef("limit", "The limit counts stored bodies only, not the index."),
        H(2, "Environment variables"),
        DefList(
            (
                ("LUMEN_CONFIG", "Path of the configuration file."),
                ("LUMEN_LOG_LEVEL", "One of debug, info or warning."),
            )
        ),
        Code("bash", "LUMEN_LOG_LEVEL=debug lumen serve"),
        Admon(
            "tip",
            "Precedence",
            ("A variable set in the environment overrides the same option in the file.",),
        ),
        H(2, "Eviction model"),
        P(("An entry expires when ", Math(r"t - t_0 > T"), " holds, and the hit ratio is:")),
        MathBlock(r"p_{hit} = \frac{h}{h + m}"),
        Code("mermaid", MERMAID),
    ),
)

API = Page(
    "api",
    "Client API",
    (
        H(1, "Client API"),
        P(
            (
                "The client library talks to a running proxy. Its shell helper prints ",
                "`` echo `date` ``",
                " before each request and retries ***idempotent** requests only*.",
            )
        ),
        H(2, "`Client.get`"),
        P(
            (
                "Sends a `GET` request through the cache. The ",
                Strike("timeout_s"),
                " argument is deprecated; pass `deadline` instead.",
            )
        ),
        OList(
            (
                ("Create a client for the proxy.", None, ()),
                (
                    "Call `get` with a path:",
                    Code(
                        "python",
                        'response = client.get("/users/42")\nassert response.status == 200',
                    ),
                    (),
                ),
                (
                    "Read the cache state from the headers:",
                    None,
                    ("`X-Cache` is `HIT` or `MISS`", "`Age` counts seconds since the fetch"),
                ),
            )
        ),
        H(2, "Errors"),
        Quote(
            "A cache must not store a response to a request whose method it does not understand."
        ),
        P(
            (
                "Background reading: ",
                Ext("cache (computing)", "https://en.wikipedia.org/wiki/Cache_(computing)"),
                " and the ",
                Ext(
                    "MDN caching guide", "https://developer.mozilla.org/en-US/docs/Web/HTTP/Caching"
                ),
                ".",
            )
        ),
        Table(
            (
                ("Status", "Meaning", "Retry"),
                ("`502`", "Upstream unreachable", "yes"),
                ("`504`", "Upstream timed out", ""),
            )
        ),
        H(3, "Console session"),
        Code("console", "$ lumen get /users/42\nHTTP/1.1 200 OK\nX-Cache: MISS"),
    ),
)

RELEASE_NOTES = Page(
    "release-notes",
    "Release notes",
    (
        H(1, "Release notes"),
        H(2, "1.2.0"),
        P(("Added the disk store.",)),
    ),
    commit=False,
)

PAGES = (GUIDE, REFERENCE, API, RELEASE_NOTES)

# ---------------------------------------------------------------------------------------------
# Flavors: what each generator's markdown supports natively.


@dataclass(frozen=True)
class Flavor:
    name: str
    ext: str = "md"
    tabs: bool = True
    math: bool = True
    linenos: bool = True
    footnotes: bool = True
    admonitions: bool = True
    strike: bool = True
    code_in_lists: bool = True  # Python-Markdown's fenced_code cannot nest a fence in a list
    link_style: str = "md"  # md | hugo | jekyll | bare
    img_prefix: str = "img/"
    extra: dict[str, str] = field(default_factory=dict)


FLAVORS = {
    "mkdocs": Flavor(
        "mkdocs", tabs=False, math=False, linenos=False, strike=False, code_in_lists=False
    ),
    "material": Flavor("material"),
    "myst": Flavor("myst"),
    "docusaurus": Flavor("docusaurus", ext="mdx", img_prefix="./img/"),
    "vitepress": Flavor("vitepress", math=False),
    "starlight": Flavor("starlight", ext="mdx", math=False, linenos=False, img_prefix="/img/"),
    "hugo": Flavor("hugo", tabs=False, math=False, link_style="hugo", img_prefix="/img/"),
    "jekyll": Flavor("jekyll", tabs=False, link_style="jekyll", img_prefix="/img/"),
}


def _indent(text: str, n: int = 4) -> str:
    return "\n".join((" " * n + line) if line else "" for line in text.split("\n"))


def _fence_for(content: str) -> str:
    longest = 0
    run = 0
    for ch in content:
        run = run + 1 if ch == "`" else 0
        longest = max(longest, run)
    return "`" * max(3, longest + 1)


def inline(parts: tuple[Inline, ...], fl: Flavor) -> str:
    out: list[str] = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
        elif isinstance(part, Ext):
            out.append(f"[{part.text}]({part.url})")
        elif isinstance(part, Link):
            out.append(f"[{part.text}]({_link_target(part, fl)})")
        elif isinstance(part, Kbd):
            if fl.name == "material":  # pymdownx.keys
                out.append("++" + "+".join(k.lower() for k in part.keys) + "++")
            elif fl.name == "myst":
                out.append("{kbd}`" + "+".join(part.keys) + "`")
            else:
                out.append("+".join(f"<kbd>{k}</kbd>" for k in part.keys))
        elif isinstance(part, Math):
            if not fl.math:  # what writers without math support do
                out.append(f"`{part.tex}`")
            elif fl.name == "jekyll":  # kramdown: $$ inline as well
                out.append(f"$${part.tex}$$")
            else:
                out.append(f"${part.tex}$")
        elif isinstance(part, FnRef):
            out.append(f"[^{part.name}]")
        elif isinstance(part, Strike):
            out.append(f"~~{part.text}~~" if fl.strike else part.text)
    return "".join(out)


# Public URL of each page, for the "ideal" flavor (a hand check of the test harness only).
URLS: dict[str, str] = {}


def _link_target(link: Link, fl: Flavor) -> str:
    anchor = f"#{link.anchor}" if link.anchor else ""
    if fl.link_style == "absolute":
        return (URLS[link.page] if link.page else "") + anchor
    if link.page is None:
        return anchor
    if fl.link_style == "hugo":
        return '{{< relref "' + link.page + '.md" >}}' + anchor
    if fl.link_style == "jekyll":
        return "{% link " + link.page + ".md %}" + anchor
    if fl.name == "docusaurus":
        return f"./{link.page}.mdx{anchor}"
    if fl.name == "starlight":  # Starlight does not rewrite relative .mdx links: site paths
        return f"/{link.page}/{anchor}"
    if fl.name == "vitepress":
        return f"./{link.page}.md{anchor}"
    return f"{link.page}.md{anchor}"


def code(block: Code, fl: Flavor) -> str:
    fence = _fence_for(block.content)
    lang = block.lang
    if lang == "mermaid" and fl.name == "myst":
        return f"```{{mermaid}}\n{block.content}\n```"
    if block.linenos and fl.linenos:
        if fl.name == "material":
            return f'{fence}{lang} linenums="1"\n{block.content}\n{fence}'
        if fl.name == "myst":
            return f"{fence}{{code-block}} {lang}\n:linenos:\n\n{block.content}\n{fence}"
        if fl.name == "docusaurus":
            return f"{fence}{lang} showLineNumbers\n{block.content}\n{fence}"
        if fl.name == "vitepress":
            return f"{fence}{lang}:line-numbers\n{block.content}\n{fence}"
        if fl.name == "hugo":
            return f"{fence}{lang} {{linenos=table}}\n{block.content}\n{fence}"
        if fl.name == "jekyll":
            return f"{{% highlight {lang} linenos %}}\n{block.content}\n{{% endhighlight %}}"
    if fl.name == "jekyll" and "```" in block.content:
        return f"~~~ {lang}\n{block.content}\n~~~"
    return f"{fence}{lang}\n{block.content}\n{fence}"


VITEPRESS_KIND = {"note": "info", "warning": "warning", "tip": "tip"}
DOCSY_COLOR = {"note": "info", "warning": "warning", "tip": "success"}


def block_md(block: Block, fl: Flavor) -> str:
    if isinstance(block, H):
        return "#" * block.level + " " + block.text
    if isinstance(block, P):
        return inline(block.parts, fl)
    if isinstance(block, Code):
        return code(block, fl)
    if isinstance(block, Admon):
        body = inline(block.body, fl)
        if fl.name in ("mkdocs", "material"):
            return f'!!! {block.kind} "{block.title}"\n\n{_indent(body)}'
        if fl.name == "myst":
            return f"```{{admonition}} {block.title}\n:class: {block.kind}\n\n{body}\n```"
        if fl.name == "docusaurus":
            return f":::{block.kind}[{block.title}]\n\n{body}\n\n:::"
        if fl.name == "starlight":  # asides: note, tip, caution, danger
            kind = {"warning": "caution"}.get(block.kind, block.kind)
            return f":::{kind}[{block.title}]\n{body}\n:::"
        if fl.name == "vitepress":
            return f"::: {VITEPRESS_KIND[block.kind]} {block.title}\n{body}\n:::"
        if fl.name == "hugo":  # the alert shortcode of the site's layout (Docsy's shape)
            return (
                f'{{{{% alert title="{block.title}" color="{DOCSY_COLOR[block.kind]}" %}}}}\n'
                f"{body}\n{{{{% /alert %}}}}"
            )
        if fl.name == "ideal":
            return f"> **{block.title}**\n>\n> {body}"
        if fl.name == "jekyll":  # kramdown IAL on a blockquote, as minima-based sites do
            return f"> **{block.title}**\n>\n> {body}\n{{: .{block.kind}}}"
    if isinstance(block, Tabs):
        if not fl.tabs or fl.name == "ideal":
            return "\n\n".join(f"**{label}**\n\n{code(c, fl)}" for label, c in block.panels)
        if fl.name == "material":
            return "\n\n".join(
                f'=== "{label}"\n\n{_indent(code(c, fl))}' for label, c in block.panels
            )
        if fl.name == "myst":
            items = "\n".join(
                f":::{{tab-item}} {label}\n{code(c, fl)}\n:::" for label, c in block.panels
            )
            return f"::::{{tab-set}}\n{items}\n::::"
        if fl.name == "docusaurus":
            items = "\n".join(
                f'<TabItem value="{label}" label="{label}">\n\n{code(c, fl)}\n\n</TabItem>'
                for label, c in block.panels
            )
            return f"<Tabs>\n{items}\n</Tabs>"
        if fl.name == "starlight":
            items = "\n".join(
                f'<TabItem label="{label}">\n\n{code(c, fl)}\n\n</TabItem>'
                for label, c in block.panels
            )
            return f"<Tabs>\n{items}\n</Tabs>"
        if fl.name == "vitepress":
            items = "\n\n".join(
                f"```{c.lang} [{label}]\n{c.content}\n```" for label, c in block.panels
            )
            return f"::: code-group\n\n{items}\n\n:::"
    if isinstance(block, Details):
        body = inline(block.body, fl)
        if fl.name == "material":
            return f'??? info "{block.summary}"\n\n{_indent(body)}'
        if fl.name == "myst":
            return f":::{{dropdown}} {block.summary}\n{body}\n:::"
        if fl.name == "vitepress":
            return f"::: details {block.summary}\n{body}\n:::"
        if fl.name in ("mkdocs", "jekyll"):
            return f'<details markdown="1">\n<summary>{block.summary}</summary>\n\n{body}\n\n</details>'
        return f"<details>\n<summary>{block.summary}</summary>\n\n{body}\n\n</details>"
    if isinstance(block, DefList):
        if fl.name in (
            "docusaurus",
            "vitepress",
            "starlight",
        ):  # no deflist syntax: raw HTML, as users write it
            items = "\n".join(f"  <dt>{t}</dt>\n  <dd>{d}</dd>" for t, d in block.items)
            return f"<dl>\n{items}\n</dl>"
        return "\n\n".join(f"{t}\n: {d}" for t, d in block.items)
    if isinstance(block, Table):
        head, *body = block.rows
        lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
        lines += ["| " + " | ".join(r) + " |" for r in body]
        return "\n".join(lines)
    if isinstance(block, Image):
        return f"![{block.alt}]({fl.img_prefix}{block.file})"
    if isinstance(block, MathBlock):
        if not fl.math:
            return ""
        return f"$$\n{block.tex}\n$$"
    if isinstance(block, FnDef):
        return f"[^{block.name}]: {block.text}"
    if isinstance(block, Quote):
        return f"> {block.text}"
    if isinstance(block, OList):
        items: list[str] = []
        after: list[str] = []
        for i, (text, item_code, nested) in enumerate(block.items, 1):
            item = f"{i}.  {text}"
            if item_code is not None:
                if fl.code_in_lists:
                    item += "\n\n" + _indent(code(item_code, fl))
                else:
                    after.append(code(item_code, fl))
            if nested:
                item += "\n\n" + "\n".join(f"    - {n}" for n in nested)
            items.append(item)
        return "\n\n".join(["\n\n".join(items), *after])
    raise TypeError(block)


def render(page: Page, fl: Flavor) -> str:
    """The page's markdown source in the flavor's syntax (front matter added by the caller)."""
    parts: list[str] = []
    for block in page.blocks:
        text = block_md(block, fl)
        if text:
            parts.append(text)
    return "\n\n".join(parts) + "\n"


# ---------------------------------------------------------------------------------------------
# Ground truth (from the model, never from a converter)


def _md_text(source: str) -> str:
    """Rendered text of inline markdown (markdown-it, CommonMark): what a reader sees."""
    import html
    import re

    from markdown_it import MarkdownIt

    rendered = MarkdownIt("commonmark").renderInline(source)
    return html.unescape(re.sub(r"<[^>]+>", "", rendered))


def _plain_inline(parts: tuple[Inline, ...], fl: Flavor) -> str:
    """The rendered text of inline parts."""
    out: list[str] = []
    for part in parts:
        if isinstance(part, str):
            out.append(_md_text(part))
        elif isinstance(part, (Ext, Link)):
            out.append(part.text)
        elif isinstance(part, Kbd):
            out.append("+".join(part.keys))
        elif isinstance(part, Math):
            out.append(part.tex)
        elif isinstance(part, Strike):
            out.append(part.text)
    return "".join(out)


def ground_truth(page: Page, fl: Flavor) -> dict[str, object]:
    """What a faithful markdown rendering of the built page must contain, from the source."""
    headings: list[dict[str, object]] = []
    codes: list[dict[str, object]] = []
    tables: list[list[list[str]]] = []
    links: list[dict[str, object]] = []  # page/anchor resolved to hrefs by the builder
    texts: list[str] = []
    admonitions: list[dict[str, str]] = []
    tabs: list[list[dict[str, str]]] = []
    deflists: list[list[list[str]]] = []
    images: list[str] = []
    math: list[str] = []
    kbd: list[str] = []
    footnotes: list[str] = []
    strike: list[str] = []
    lists: list[dict[str, object]] = []

    def collect_links(parts: tuple[Inline, ...]) -> None:
        for part in parts:
            if isinstance(part, Ext):
                links.append({"text": part.text, "url": part.url})
            elif isinstance(part, Link):
                links.append({"text": part.text, "page": part.page, "anchor": part.anchor})
            elif isinstance(part, Kbd):
                kbd.extend(part.keys)
            elif isinstance(part, Math) and fl.math:
                math.append(part.tex)
            elif isinstance(part, Strike) and fl.strike:
                strike.append(part.text)

    import re

    for block in page.blocks:
        if isinstance(block, H):
            headings.append({"level": block.level, "text": _md_text(block.text)})
        elif isinstance(block, P):
            collect_links(block.parts)
            for s in block.parts:
                if isinstance(s, str):
                    for m in re.finditer(r"\[([^\]]+)\]\(([^)]+)\)", s):
                        if s is not ESCAPES:
                            links.append(
                                {"text": m.group(1), "page": None, "anchor": m.group(2).lstrip("#")}
                            )
            if not (fl.math and any(isinstance(x, Math) for x in block.parts)):
                texts.append(_plain_inline(block.parts, fl))  # math is checked on its own
        elif isinstance(block, Code):
            codes.append({"content": block.content, "language": block.lang})
        elif isinstance(block, Admon):
            collect_links(block.body)
            if fl.admonitions:
                admonitions.append({"title": block.title, "body": _plain_inline(block.body, fl)})
            texts.append(block.title)
            texts.append(_plain_inline(block.body, fl))
        elif isinstance(block, Tabs):
            for label, c in block.panels:
                codes.append({"content": c.content, "language": c.lang})
                texts.append(label)
            if fl.tabs:
                tabs.append([{"label": label, "content": c.content} for label, c in block.panels])
        elif isinstance(block, Details):
            texts.append(block.summary)
            texts.append(_plain_inline(block.body, fl))
        elif isinstance(block, DefList):
            deflists.append([[t, d] for t, d in block.items])
            for t, d in block.items:
                texts += [t, d]
        elif isinstance(block, Table):
            rows = [[_plain_inline((c,), fl) for c in r] for r in block.rows]
            tables.append(rows)
            for r in block.rows:
                for c in r:
                    for m in re.finditer(r"\[([^\]]+)\]\(#([^)]+)\)", c):
                        links.append({"text": m.group(1), "page": None, "anchor": m.group(2)})
        elif isinstance(block, Image):
            images.append(block.alt)
        elif isinstance(block, MathBlock):
            if fl.math:
                math.append(block.tex)
        elif isinstance(block, Quote):
            texts.append(block.text)
        elif isinstance(block, OList):
            entry: dict[str, object] = {
                "items": [_plain_inline((t,), fl) for t, _, _ in block.items]
            }
            for i, (t, item_code, nested) in enumerate(block.items):
                texts.append(_plain_inline((t,), fl))
                texts.extend(_plain_inline((n,), fl) for n in nested)
                if item_code is not None:
                    codes.append({"content": item_code.content, "language": item_code.lang})
                    if fl.code_in_lists:
                        entry["code_in_item"] = {"item": i, "content": item_code.content}
                if nested:
                    entry["nested_in_item"] = {
                        "item": i,
                        "items": [_plain_inline((n,), fl) for n in nested],
                    }
            lists.append(entry)
        elif isinstance(block, FnDef):
            if fl.footnotes:
                texts.append(block.text)
                footnotes.append(block.text)
    return {
        "title": page.title,
        "headings": headings,
        "code_blocks": codes,
        "tables": tables,
        "links": links,
        "texts": [t for t in texts if t.strip()],
        "admonitions": admonitions,
        "tabs": tabs,
        "deflists": deflists,
        "images": images,
        "math": math,
        "kbd": kbd,
        "footnotes": footnotes,
        "strike": strike,
        "ordered_lists": lists,
    }
