"""HTML content element -> markdown: a method-per-tag converter over an explicit stack.

The walk never recurses: each open element is a :class:`Frame` on a list, so a 60,000-deep
page cannot raise RecursionError. A frame collects its children's results ("parts": inline
strings or typed blocks) and its tag's (or role's) ``leave_*`` method turns them into its own
result, markdownify-style but typed, with an explicit :class:`Context` instead of string
pseudo-tags. Elements whose text is read whole (``pre``, ``code``, ``img``, math) are handled
by ``atomic_*`` methods that do not descend.

Subclass :class:`MarkdownConverter` and add ``leave_<tag>``/``atomic_<tag>`` methods to
extend it; roles set by :mod:`llmsdocs.extract` (``data-llmsdocs-role``) dispatch the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from lxml import etree

from llmsdocs.convert.css import select
from llmsdocs.convert.text import (
    BR,
    code_span,
    collapse,
    destination,
    escape,
    fence,
    heading,
    html_escape,
    indent,
    one_line,
    paragraph,
    quote,
    safe_url,
)
from llmsdocs.extract import ROLE_ATTR, squash, text_of


@dataclass(slots=True, frozen=True)
class Context:
    """What an element's ancestors imply for its rendering."""

    inline_only: bool = False
    """Inside a heading, table cell, term or title: blocks collapse to inline text."""
    in_link: bool = False
    """Inside a link: nested links become their text."""
    in_table: bool = False
    """Inside a GFM table cell: pipes are escaped."""
    complex_table: bool = False
    """The enclosing table holds blocks, so it is written as a list of records."""
    plain: bool = False
    """Inside an API signature: no emphasis, the text reads as code would."""


class Block:
    """A rendered markdown block (no surrounding blank lines)."""

    __slots__ = ("kind", "text")

    def __init__(self, text: str, kind: str = "") -> None:
        self.text = text
        self.kind = kind
        """``list``, ``title``, ``term``, ``desc`` or "" for any other block."""


class ListItem:
    """A rendered ``li``: its blocks, before its list gives it a marker."""

    __slots__ = ("blocks",)

    def __init__(self, blocks: list[Block]) -> None:
        self.blocks = blocks


class Cell:
    """A table cell: inline text for plain tables, blocks for complex ones."""

    __slots__ = ("blocks", "colspan", "header", "text")

    def __init__(self, text: str, blocks: list[Block], header: bool, colspan: int) -> None:
        self.text = text
        self.blocks = blocks
        self.header = header
        self.colspan = colspan


class Row:
    """A table row."""

    __slots__ = ("cells",)

    def __init__(self, cells: list[Cell]) -> None:
        self.cells = cells


Part = str | Block | ListItem | Cell | Row
Result = Part | list[Part] | None


class Frame:
    """One open element during the walk."""

    __slots__ = ("children", "ctx", "el", "leave", "outer", "parts", "suppressed")

    def __init__(self, el: etree._Element, leave: Callable[[Frame], Result] | None,
                 ctx: Context, parts: list[Part], suppressed: bool,
                 outer: Context | None = None) -> None:
        self.el = el
        self.leave = leave
        self.ctx = ctx
        self.outer = outer if outer is not None else ctx
        """The parent's context (a heading is inline inside, but may sit in a table cell)."""
        self.parts = parts
        self.children: Iterator[etree._Element] = iter(el)
        self.suppressed = suppressed


_MARKER = re.compile(r"^\s*(/?)llmsdocs(?::\s*(agent-only|human-only|curl\s+[\w.:/{}-]+))?\s*$")
_ADMONITION_TYPES = (
    "note", "tip", "hint", "important", "warning", "caution", "danger", "error", "attention",
    "info", "success", "question", "failure", "bug", "example", "quote", "abstract", "todo",
    "seealso", "check", "faq", "summary", "tldr", "help", "fail", "missing", "cite", "secondary",
)
_LANG_CLASS_PREFIXES = ("language-", "lang-", "highlight-", "brush:")
_BARE_LANGUAGES = frozenset(
    ["python", "py", "rust", "javascript", "js", "typescript", "ts", "bash", "sh", "shell", "zsh", "console", "json", "yaml", "yml", "toml", "go", "golang", "java", "kotlin", "scala", "ruby", "rb", "php", "sql", "html", "xml", "css", "scss", "c", "cpp", "csharp", "swift", "haskell", "elixir", "erlang", "lua", "perl", "r", "julia", "dockerfile", "makefile", "ini", "diff", "pycon", "powershell", "ocaml", "clojure", "dart", "groovy", "graphql", "protobuf", "nix"])
_NO_LANG = frozenset({"default", "none", "nohighlight", "plain", "plaintext", "text", "txt", ""})
_FOOTNOTE_LABEL = re.compile(r"[^\w-]+")
_HEADING_BLOCK = re.compile(r"^(#{1,6} )(.*)$", re.DOTALL)
_LEADING_BLANK_LINES = re.compile(r"\A(?:[ \t]*\n)+")
_MATH_DELIMS = (("\\(", "\\)"), ("\\[", "\\]"), ("$$", "$$"), ("$", "$"))

BLOCK_TAGS = frozenset(
    ["p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "figure", "figcaption", "form", "fieldset", "center", "address", "hgroup", "body", "html", "search", "legend", "caption"]
)
SKIP_TAGS = frozenset(
    ["script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas", "button", "select", "textarea", "dialog", "link", "meta", "head", "input", "colgroup", "col", "source", "track", "area", "map", "param", "option"]
)


class MarkdownConverter:
    """Convert a cleaned content element (see :func:`llmsdocs.extract.extract`) to markdown."""

    def __init__(self, base_url: str | None = None) -> None:
        self.base_url = base_url
        self._markers: list[str] = []
        self._hidden = 0
        self._leaves: dict[str, Callable[[Frame], Result]] = {}
        self._atomics: dict[str, Callable[[etree._Element, Context], Result]] = {}
        for name in dir(self):
            if name.startswith("leave_"):
                self._leaves[name[6:].replace("_", "-")] = getattr(self, name)
            elif name.startswith("atomic_"):
                self._atomics[name[7:].replace("_", "-")] = getattr(self, name)
        for tag in BLOCK_TAGS:
            self._leaves.setdefault(tag, self.leave_block)
        for level in range(1, 7):
            self._leaves[f"h{level}"] = self.leave_heading
        self._root: etree._Element | None = None
        self._footnote_refs: set[str] = set()
        self._footnote_defs: set[str] = set()

    # ------------------------------------------------------------------ the walk
    def convert(self, root: etree._Element) -> list[str]:
        """Markdown blocks of ``root``'s content, in order."""
        self._root = root
        self._footnote_defs = {self.footnote_label(el) for el in
                               select(root, f".//*[@{ROLE_ATTR}='footnote']")}
        self._markers = []
        self._hidden = 0
        top = Frame(root, self.leave_block, Context(), [], False)
        self._add_text(top, root.text)
        stack = [top]
        result: Result = None
        while stack:
            frame = stack[-1]
            child = next(frame.children, None)
            if child is None:
                stack.pop()
                out = frame.leave(frame) if frame.leave is not None else None
                if not stack:
                    result = out
                    break
                parent = stack[-1]
                if not (frame.suppressed and self._hidden):
                    self._emit(parent, out)
                self._add_text(parent, frame.el.tail)
                continue
            tag = child.tag
            if not isinstance(tag, str):
                if tag is etree.Comment:
                    self._comment(frame, child.text or "")
                self._add_text(frame, child.tail)
                continue
            role = child.get(ROLE_ATTR) or tag
            atomic = self._atomics.get(role)
            if atomic is not None or role == "drop" or (role == tag and tag in SKIP_TAGS):
                if atomic is not None and not self._hidden:
                    self._emit(frame, atomic(child, frame.ctx))
                self._add_text(frame, child.tail)
                continue
            leave = self._leaves.get(role) or self._leaves.get(tag)
            if leave is None:  # inline or unknown element: its parts go straight to the parent
                new = Frame(child, None, frame.ctx, frame.parts, bool(self._hidden))
            else:
                new = Frame(child, leave, self._enter(role, child, frame.ctx), [],
                            bool(self._hidden), frame.ctx)
            self._add_text(new, child.text)
            stack.append(new)
        return [b.text for b in self._as_blocks(result)]

    def _add_text(self, frame: Frame, text: str | None) -> None:
        if text and not self._hidden:
            if "\\" in text and _TEX_IN_TEXT.search(text):
                self._add_tex_text(frame, text)
                return
            frame.parts.append(escape(collapse(text)))

    def _add_tex_text(self, frame: Frame, text: str) -> None:
        """Text holding TeX with its delimiters (kramdown, raw MathJax pages): keep it verbatim."""
        pos = 0
        for m in _TEX_IN_TEXT.finditer(text):
            frame.parts.append(escape(collapse(text[pos:m.start()])))
            if m.group(1) is not None:
                frame.parts.append(f"${collapse(m.group(1).strip())}$")
            elif frame.ctx.inline_only:
                frame.parts.append(f" $${collapse(m.group(2).strip())}$$ ")
            else:
                frame.parts.append(Block(f"$$\n{m.group(2).strip()}\n$$"))
            pos = m.end()
        frame.parts.append(escape(collapse(text[pos:])))

    @staticmethod
    def _emit(frame: Frame, out: Result) -> None:
        if out is None:
            return
        if isinstance(out, list):
            frame.parts.extend(out)
            return
        parts = frame.parts
        if isinstance(out, str) and parts and out[:1] in "*~":
            last = parts[-1]
            if isinstance(last, str):
                # adjacent emphasis (<em>a</em><em>b</em>) must merge, or "*a**b*" breaks
                for mark in ("**", "*", "~~"):
                    if out.startswith(mark) and last.endswith(mark) \
                            and not out.startswith(mark + mark[0]) \
                            and not last.endswith(mark[0] + mark) \
                            and not last.endswith("\\" + mark):
                        parts[-1] = last[: -len(mark)] + out[len(mark):]
                        return
        parts.append(out)

    def _comment(self, frame: Frame, text: str) -> None:
        """Marker comments: human-only hides until its close, curl pins pass through."""
        m = _MARKER.match(text)
        if m is None:
            return
        closing, what = m.group(1), m.group(2)
        if closing:
            if self._markers and self._markers.pop() == "human-only":
                self._hidden -= 1
        elif what in ("agent-only", "human-only"):
            self._markers.append(what)
            self._hidden += what == "human-only"
        elif what and not self._hidden:
            frame.parts.append(Block(f"<!-- llmsdocs: {' '.join(what.split())} -->"))

    def _enter(self, role: str, el: etree._Element, ctx: Context) -> Context:
        if role in _CONTEXT_NEUTRAL:
            return ctx
        return self._enter_context(role, el, ctx)

    def _enter_context(self, role: str, el: etree._Element, ctx: Context) -> Context:
        if role in ("h1", "h2", "h3", "h4", "h5", "h6", "dt", "summary", "admonition-title",
                    "caption"):
            return ctx if ctx.inline_only else _with(ctx, inline_only=True)
        if role == "a" and el.get("href") is not None:
            return ctx if ctx.in_link else _with(ctx, in_link=True)
        if role == "table":
            # only code blocks and nested tables cannot be inlined in a cell; lists, quotes and
            # paragraphs are flattened so the table stays a table
            complex_ = bool(el.xpath("boolean(.//pre | .//table)"))
            return _with(ctx, complex_table=complex_, in_table=False)
        if role == "signature":
            return _with(ctx, inline_only=True, plain=True)
        if role in ("td", "th"):
            if ctx.complex_table:
                return _with(ctx, inline_only=False, in_table=False)
            return _with(ctx, inline_only=True, in_table=True)
        return ctx

    # ------------------------------------------------------------------ parts -> blocks
    def _as_blocks(self, out: Result) -> list[Block]:
        if out is None:
            return []
        parts = out if isinstance(out, list) else [out]
        blocks: list[Block] = []
        buf: list[str] = []

        def flush() -> None:
            if buf:
                para = paragraph("".join(buf))
                buf.clear()
                if para:
                    blocks.append(Block(para))

        for part in parts:
            if isinstance(part, str):
                buf.append(part)
                continue
            flush()
            if isinstance(part, Block):
                if part.text:
                    blocks.append(part)
            elif isinstance(part, ListItem):
                blocks.append(Block(self._render_list([part], False, 1), "list"))
            elif isinstance(part, Cell):
                blocks.extend(part.blocks or ([Block(part.text)] if part.text else []))
            elif isinstance(part, Row):
                for cell in part.cells:
                    blocks.extend(cell.blocks or ([Block(cell.text)] if cell.text else []))
        flush()
        return blocks

    def _inline(self, parts: list[Part]) -> str:
        """Parts flattened to one line of inline markdown."""
        out: list[str] = []
        for part in parts:
            if isinstance(part, str):
                out.append(part)
            elif isinstance(part, Block):
                out.append(" " + one_line(part.text) + " ")
            elif isinstance(part, ListItem):
                out.append(" " + " ".join(one_line(b.text) for b in part.blocks) + "; ")
            elif isinstance(part, Cell):
                out.append(" " + (part.text or " ".join(one_line(b.text) for b in part.blocks)) + " ")
            elif isinstance(part, Row):
                out.append(" " + " ".join(c.text for c in part.cells) + " ")
        return "".join(out)

    # ------------------------------------------------------------------ blocks
    def leave_block(self, frame: Frame) -> Result:
        if frame.ctx.inline_only:
            return " " + self._inline(frame.parts) + " "
        return list(self._as_blocks(frame.parts))

    def leave_caption(self, frame: Frame) -> Result:
        """A table caption: a paragraph before the table."""
        text = one_line(self._inline(frame.parts))
        if frame.outer.inline_only:
            return " " + text + " "
        return Block(paragraph(text)) if text else None

    def leave_unwrap(self, frame: Frame) -> Result:
        """Layout markup (a table used to place an icon) read as plain blocks."""
        return self.leave_block(frame)

    def leave_heading(self, frame: Frame) -> Result:
        text = one_line(self._inline(frame.parts))
        if not text:
            return None
        tag = frame.el.tag
        if frame.outer.inline_only:
            return " " + text + " "
        return Block(heading(int(str(tag)[1]), text), "heading")

    def leave_blockquote(self, frame: Frame) -> Result:
        if frame.ctx.inline_only:
            return self.leave_block(frame)
        body = "\n\n".join(b.text for b in self._as_blocks(frame.parts))
        if not body:
            return None
        return Block(body if _has_fence(body) else quote(body))

    def leave_admonition(self, frame: Frame) -> Result:
        if frame.ctx.inline_only:
            return self.leave_block(frame)
        blocks = self._as_blocks(frame.parts)
        title = next((b for b in blocks if b.kind == "title"), None)
        body = [b for b in blocks if b is not title]
        if title is not None:
            title_text = title.text
        else:
            title_text = self._admonition_type(frame.el)
        lines = [f"**{title_text}**"] if title_text else []
        text = "\n\n".join(lines + [b.text for b in body])
        if not text:
            return None
        # A fence inside a blockquote reads as unclosed to line-based tools (its closing line
        # is "> ```"): an admonition holding code is written open, title paragraph then body.
        return Block(text if _has_fence(text) else quote(text))

    @staticmethod
    def _admonition_type(el: etree._Element) -> str:
        # modifiers come last ("book-hint warning", "alert alert-info"): read them first
        for cls in reversed((el.get("class") or "").split()):
            low = cls.lower().rsplit("-", 1)[-1]
            if low in _ADMONITION_TYPES:
                return low.capitalize()
        return ""

    def leave_admonition_title(self, frame: Frame) -> Result:
        text = one_line(self._inline(frame.parts))
        if not text:
            title = frame.el.get("title") or next(
                (str(i.get("title")) for i in frame.el.iter() if i.get("title")), "")
            text = escape(squash(title))
        if frame.outer.inline_only:
            return " " + text + " "
        if not text:
            return None
        if text[:1].islower() and " " not in text:
            text = text.capitalize()
        return Block(text, "title")

    def leave_summary(self, frame: Frame) -> Result:
        text = one_line(self._inline(frame.parts))
        if frame.outer.inline_only:
            return " " + text + " "
        return Block(text, "title") if text else None

    def leave_details(self, frame: Frame) -> Result:
        if frame.ctx.inline_only:
            return self.leave_block(frame)
        blocks = self._as_blocks(frame.parts)
        title = next((b for b in blocks if b.kind == "title"), None)
        body = "\n\n".join(b.text for b in blocks if b is not title)
        summary = f"<summary>{title.text}</summary>" if title else "<summary>Details</summary>"
        return Block(f"<details>\n{summary}\n\n{body}\n\n</details>" if body
                     else f"<details>\n{summary}\n</details>")

    def atomic_tab_label(self, el: etree._Element, ctx: Context) -> Result:
        text = escape(squash(text_of(el)))
        if not text:
            return None
        return f" **{text}** " if ctx.inline_only else Block(f"**{text}**")

    # lists
    def leave_li(self, frame: Frame) -> Result:
        if frame.ctx.inline_only:
            return " " + self._inline(frame.parts) + "; "
        return ListItem(self._as_blocks(frame.parts))

    def leave_ul(self, frame: Frame) -> Result:
        return self._list(frame, ordered=False)

    def leave_ol(self, frame: Frame) -> Result:
        return self._list(frame, ordered=True)

    leave_menu = leave_ul
    leave_dir = leave_ul

    def _list(self, frame: Frame, ordered: bool) -> Result:
        if frame.ctx.inline_only:
            return " " + self._inline(frame.parts).strip().rstrip(";") + " "
        start = 1
        if ordered:
            try:
                start = max(0, int(frame.el.get("start") or 1))
            except ValueError:
                start = 1
        out: list[Part] = []
        items: list[ListItem] = []
        for part in frame.parts:
            if isinstance(part, ListItem):
                # an empty item is a bare "-": after a paragraph line it reads as a setext
                # underline (the paragraph becomes a heading); it carries nothing, skip it
                if any(b.text.strip() for b in part.blocks):
                    items.append(part)
                continue
            if isinstance(part, str) and not part.strip():
                continue
            if items:
                out.append(Block(self._render_list(items, ordered, start), "list"))
                start += len(items)
                items = []
            out.append(part)
        if items:
            out.append(Block(self._render_list(items, ordered, start), "list"))
        return out

    def _render_list(self, items: list[ListItem], ordered: bool, start: int) -> str:
        rendered: list[str] = []
        loose = False
        for n, item in enumerate(items, start):
            marker = f"{n}." if ordered else "-"
            body_parts: list[str] = []
            prev: Block | None = None
            for block in item.blocks:
                if prev is not None:
                    tight = (block.kind == "list" and prev.kind == ""
                             and (block.text.startswith(("-", "1.", "1)"))))
                    body_parts.append("\n" if tight else "\n\n")
                    loose = loose or not tight
                body_parts.append(block.text)
                prev = block
            body = "".join(body_parts)
            rendered.append(marker + (" " + indent(body, len(marker) + 1) if body else ""))
        return ("\n\n" if loose else "\n").join(rendered)

    # definition lists (markdown-it-py deflist: "Term" then ": definition")
    def leave_signature(self, frame: Frame) -> Result:
        text = one_line(self._inline(frame.parts))
        if frame.outer.inline_only:
            return " " + text + " "
        return Block(paragraph(text), "term" if frame.el.tag == "dt" else "") if text else None

    def leave_classifier(self, frame: Frame) -> Result:
        """A docutils term classifier: its stylesheet draws " : " before it."""
        text = one_line(self._inline(frame.parts))
        return " : " + text if text else None

    def leave_dt(self, frame: Frame) -> Result:
        text = one_line(self._inline(frame.parts))
        if frame.outer.inline_only:
            return " " + text + " "
        return Block(paragraph(text), "term") if text else None

    def leave_dd(self, frame: Frame) -> Result:
        if frame.ctx.inline_only:
            return " " + self._inline(frame.parts) + " "
        body = "\n\n".join(b.text for b in self._as_blocks(frame.parts))
        return Block(body, "desc")

    def leave_dl(self, frame: Frame) -> Result:
        if frame.ctx.inline_only:
            return " " + self._inline(frame.parts) + " "
        groups: list[str] = []
        terms: list[str] = []
        descs: list[str] = []

        def flush() -> None:
            if terms or descs:
                if terms and descs:
                    lines = terms + [": " + indent(d, 2) if d else ":" for d in descs]
                    groups.append("\n".join(lines))
                else:
                    groups.extend(terms + descs)
            terms.clear()
            descs.clear()

        for block in self._as_blocks(frame.parts):
            if block.kind == "term":
                if descs:
                    flush()
                terms.append(block.text.replace("\\\n", " "))
            elif block.kind == "desc":
                descs.append(block.text)
            else:
                flush()
                groups.append(block.text)
        flush()
        return [Block(g) for g in groups]

    # tables
    def leave_td(self, frame: Frame) -> Result:
        try:
            colspan = max(1, min(int(frame.el.get("colspan") or 1), 100))
        except ValueError:
            colspan = 1
        header = frame.el.tag == "th"
        if frame.ctx.complex_table:
            return Cell("", self._as_blocks(frame.parts), header, colspan)
        return Cell(one_line(self._inline(frame.parts)).replace("|", "\\|"), [], header, colspan)

    leave_th = leave_td

    def leave_tr(self, frame: Frame) -> Result:
        cells = [p for p in frame.parts if isinstance(p, Cell)]
        return Row(cells) if cells else None

    def leave_table(self, frame: Frame) -> Result:
        rows = [p for p in frame.parts if isinstance(p, Row)]
        other = [p for p in frame.parts if not isinstance(p, (Row, str))]
        out: list[Part] = list(other)  # caption, stray content
        if frame.ctx.inline_only:
            return " " + " ".join(" ".join(c.text for c in r.cells) for r in rows) + " "
        if not rows:
            return out
        if frame.ctx.complex_table:
            out.extend(self._record_table(rows))
        else:
            table = self._gfm_table(rows)
            if table:
                out.append(Block(table))
        return out

    @staticmethod
    def _gfm_table(rows: list[Row]) -> str:
        grid: list[list[str]] = []
        for row in rows:
            line: list[str] = []
            for cell in row.cells:
                line.append(cell.text)
                line.extend([""] * (cell.colspan - 1))
            grid.append(line)
        width = max(len(r) for r in grid)
        if width == 0 or not any(c for r in grid for c in r):
            return ""
        for r in grid:
            r.extend([""] * (width - len(r)))
        lines = ["| " + " | ".join(grid[0]) + " |", "|" + " --- |" * width]
        lines.extend("| " + " | ".join(r) + " |" for r in grid[1:])
        return "\n".join(lines)

    def _record_table(self, rows: list[Row]) -> list[Part]:
        """A table whose cells hold blocks, as a list of records: never a broken table."""
        headers: list[str] = []
        if rows and all(c.header for c in rows[0].cells):
            headers = [" ".join(one_line(b.text) for b in c.blocks) for c in rows[0].cells]
            rows = rows[1:]
        if all(len(r.cells) <= 1 for r in rows) and not headers:
            return [b for r in rows for c in r.cells for b in c.blocks]
        items: list[ListItem] = []
        for row in rows:
            blocks: list[Block] = []
            for i, cell in enumerate(row.cells):
                label = headers[i] if i < len(headers) and headers[i] else ""
                cell_blocks = list(cell.blocks)
                if label:
                    if cell_blocks and cell_blocks[0].kind == "" and \
                            not cell_blocks[0].text.startswith(("```", "~~~", ">", "|", "#")):
                        cell_blocks[0] = Block(f"**{label}:** {cell_blocks[0].text}")
                    else:
                        cell_blocks.insert(0, Block(f"**{label}:**"))
                blocks.extend(cell_blocks)
            if blocks:
                items.append(ListItem(blocks))
        if not items:
            return []
        return [Block(self._render_list(items, False, 1).replace("\n- ", "\n\n- "), "list")]

    # ------------------------------------------------------------------ inline
    def _wrap(self, frame: Frame, mark: str) -> Result:
        content = _only_text(frame.parts)
        if frame.ctx.plain or content is None:
            return frame.parts
        core = content.strip()
        if not core or not any(c.isalnum() for c in core):
            return content or None
        lead = " " if content[0] in " \t" else ""
        trail = " " if content[-1] in " \t" else ""
        return f"{lead}{mark}{core}{mark}{trail}"

    def leave_strong(self, frame: Frame) -> Result:
        return self._wrap(frame, "**")

    leave_b = leave_strong

    def leave_em(self, frame: Frame) -> Result:
        return self._wrap(frame, "*")

    leave_i = leave_em

    def leave_del(self, frame: Frame) -> Result:
        return self._wrap(frame, "~~")

    leave_s = leave_del
    leave_strike = leave_del

    def _raw_tag(self, frame: Frame, tag: str) -> Result:
        content = _only_text(frame.parts)
        if content is None:
            return frame.parts
        core = content.strip()
        if not core:
            return None
        ref = _FOOTNOTE_IN_SUP.fullmatch(core)
        if ref:
            return ref.group(1)  # a footnote reference rendered inside <sup> (maybe bracketed)
        return f"<{tag}>{core}</{tag}>"

    def leave_q(self, frame: Frame) -> Result:
        """An inline quotation: browsers show quote marks, so the text keeps them."""
        content = _only_text(frame.parts)
        if content is None:
            return frame.parts
        core = content.strip()
        return f"\u201c{core}\u201d" if core else None

    def leave_sup(self, frame: Frame) -> Result:
        return self._raw_tag(frame, "sup")

    def leave_sub(self, frame: Frame) -> Result:
        return self._raw_tag(frame, "sub")

    def leave_a(self, frame: Frame) -> Result:
        el = frame.el
        href = el.get("href")
        if href is None or frame.ctx.in_link and frame.el.getparent() is not None and \
                self._link_ancestor(el):
            return frame.parts
        url = safe_url(href, self.base_url)
        content = _only_text(frame.parts)
        if content is None:
            if url is None:
                return frame.parts
            return self._link_blocks(frame.parts, url)
        core = one_line(content)
        if url is None or not core:
            return content if core else None
        lead = " " if content[:1] in (" ", "\t") else ""
        trail = " " if content[-1:] in (" ", "\t") else ""
        return f"{lead}[{core}]({destination(url)}){trail}"

    @staticmethod
    def _link_ancestor(el: etree._Element) -> bool:
        for anc in el.iterancestors("a"):
            if anc.get("href") is not None:
                return True
        return False

    def _link_blocks(self, parts: list[Part], url: str) -> Result:
        """A link wrapping blocks (a card): keep the blocks, link the first heading/paragraph."""
        blocks = self._as_blocks(parts)
        for i, block in enumerate(blocks):
            m = _HEADING_BLOCK.match(block.text)
            if m and "\n" not in block.text and "](" not in block.text:
                blocks[i] = Block(f"{m.group(1)}[{m.group(2)}]({destination(url)})", block.kind)
                break
            if block.kind == "" and "\n" not in block.text and "](" not in block.text \
                    and not block.text.startswith(("```", ">", "|", "<")):
                blocks[i] = Block(f"[{block.text}]({destination(url)})")
                break
        return list(blocks)

    def atomic_br(self, el: etree._Element, ctx: Context) -> Result:
        return " " if ctx.inline_only else BR

    def atomic_wbr(self, el: etree._Element, ctx: Context) -> Result:
        return None

    def atomic_hr(self, el: etree._Element, ctx: Context) -> Result:
        return None if ctx.inline_only else Block("---")

    def atomic_img(self, el: etree._Element, ctx: Context) -> Result:
        alt = escape(squash(el.get("alt") or el.get("title") or ""))
        src = el.get("src") or el.get("data-src")
        if not src and el.get("srcset"):
            src = (el.get("srcset") or "").split(",")[0].strip().split(" ")[0]
        url = safe_url(src, self.base_url)
        if url is None:
            return f" {alt} " if alt else None
        return f"![{alt}]({destination(url)})"

    def atomic_code(self, el: etree._Element, ctx: Context) -> Result:
        text = text_of(el)
        parent = el.getparent()
        if "\n" in text.strip() and not ctx.inline_only and parent is not None \
                and parent.tag in ("div", "section", "td", "body"):  # a code block without <pre>
            return Block(fence(self._code_text(el), self.code_language(el)))
        span = code_span(text)
        if not span:
            return None
        links = [a for a in el.iter("a") if a.get("href") is not None]
        if len(links) == 1 and not ctx.in_link and squash(text_of(links[0])) == squash(text):
            url = safe_url(links[0].get("href"), self.base_url)
            if url is not None:
                return f"[{span}]({destination(url)})"
        return span

    atomic_samp = atomic_code
    atomic_tt = atomic_code

    def atomic_kbd(self, el: etree._Element, ctx: Context) -> Result:
        text = squash(text_of(el))
        return f"<kbd>{html_escape(text)}</kbd>" if text else None

    def atomic_checkbox(self, el: etree._Element, ctx: Context) -> Result:
        return "[x] " if el.get("checked") is not None else "[ ] "

    # ------------------------------------------------------------------ code
    @staticmethod
    def _code_text(el: etree._Element) -> str:
        text = text_of(el).replace("\r\n", "\n").replace("\r", "\n")
        return _LEADING_BLANK_LINES.sub("", text).rstrip()

    def code_language(self, el: etree._Element, levels: int = 3) -> str | None:
        """The language a generator recorded for a code block, wherever it put it."""
        nodes: list[etree._Element] = []
        nodes.extend(el.iterchildren("code"))
        nodes.append(el)
        for anc in el.iterancestors():
            if len(nodes) > levels + 1 or anc is self._root:
                break
            nodes.append(anc)
        for node in nodes:
            for attr in ("data-lang", "data-language"):
                value = node.get(attr)
                if value:
                    return None if value.lower() in _NO_LANG else value
            classes = (node.get("class") or "").split()
            for cls in classes:
                if cls == "mermaid":
                    return "mermaid"
                for prefix in _LANG_CLASS_PREFIXES:
                    if cls.startswith(prefix) and len(cls) > len(prefix):
                        lang = cls[len(prefix):]
                        if lang.lower() in _NO_LANG:
                            return None
                        return lang
            if node.tag in ("pre", "code"):
                bare = next((c for c in classes if c.lower() in _BARE_LANGUAGES), None)
                if bare:  # rustdoc "rust", old highlighters "python": a language name as a class
                    return bare
            if "sourceCode" in classes or "hljs" in classes:
                others = [c for c in classes if c not in ("sourceCode", "hljs", "numberSource")]
                if others:
                    return others[0]
        return None

    def atomic_pre(self, el: etree._Element, ctx: Context) -> Result:
        code = self._code_text(el)
        if ctx.inline_only:
            return code_span(code) if code else None
        if not code.strip():
            return None
        lang = self.code_language(el)
        if lang == "mermaid":
            code = code.strip()
        return Block(fence(code, lang))

    def atomic_codetable(self, el: etree._Element, ctx: Context) -> Result:
        pres = [p for p in select(el, ".//pre") if text_of(p).strip()]
        if not pres:
            return None
        pre = pres[-1]
        code = self._code_text(pre)
        lang = self.code_language(pre, levels=2) or self.code_language(el, levels=3)
        if ctx.inline_only:
            return code_span(code)
        return Block(fence(code, lang))

    def atomic_mermaid(self, el: etree._Element, ctx: Context) -> Result:
        code = self._code_text(el).strip()  # diagram source: indentation of line 1 is noise
        return Block(fence(code, "mermaid")) if code.strip() and not ctx.inline_only else None

    # ------------------------------------------------------------------ math
    @staticmethod
    def _tex(el: etree._Element) -> str:
        ann = select(el, ".//annotation[@encoding='application/x-tex']")
        tex = text_of(ann[0]) if ann else text_of(el)
        tex = tex.strip()
        for left, right in _MATH_DELIMS:
            if tex.startswith(left) and tex.endswith(right) and len(tex) >= len(left) + len(right):
                return tex[len(left): len(tex) - len(right)].strip()
        return tex

    def atomic_math_inline(self, el: etree._Element, ctx: Context) -> Result:
        tex = collapse(self._tex(el))
        return f"${tex}$" if tex else None

    def atomic_math_block(self, el: etree._Element, ctx: Context) -> Result:
        tex = self._tex(el)
        if not tex:
            return None
        if ctx.inline_only:
            return f" ${collapse(tex)}$ "
        return Block(f"$$\n{tex}\n$$")

    def atomic_math_script(self, el: etree._Element, ctx: Context) -> Result:
        if "display" in (el.get("type") or ""):
            return self.atomic_math_block(el, ctx)
        return self.atomic_math_inline(el, ctx)

    def atomic_math(self, el: etree._Element, ctx: Context) -> Result:
        ann = select(el, ".//annotation[@encoding='application/x-tex']")
        if ann:
            tex = text_of(ann[0]).strip()
            if el.get("display") == "block" and not ctx.inline_only:
                return Block(f"$$\n{tex}\n$$")
            return f"${collapse(tex)}$"
        return escape(collapse(text_of(el)))

    # ------------------------------------------------------------------ footnotes
    def atomic_footnote_ref(self, el: etree._Element, ctx: Context) -> Result:
        text = squash(text_of(el))
        label = _footnote_label(text.strip("[]")) or _label_from_id(el.get("href") or "")
        if not label or label not in self._footnote_defs:
            # no definition in the content: a [^label] would render as literal text
            return escape(text) if text else None
        self._footnote_refs.add(label)
        return f"[^{label}]"

    @staticmethod
    def footnote_label(el: etree._Element) -> str:
        """The label of a footnote definition: its own label, its number, or its id."""
        labels = select(el, "./span[contains(concat(' ', @class, ' '), ' label ')]")
        if labels:
            return _footnote_label(squash(text_of(labels[0])).strip("[]"))
        parent = el.getparent()
        if el.tag == "li" and parent is not None:
            try:
                start = int(parent.get("start") or 1)
            except ValueError:
                start = 1
            siblings = [c for c in parent if c.tag == "li"]
            if el in siblings:
                return str(siblings.index(el) + start)
        return _label_from_id(el.get("id") or "")

    def leave_footnotes(self, frame: Frame) -> Result:
        return [b for b in self._as_blocks(frame.parts) if b.text != "---"]

    def leave_footnote(self, frame: Frame) -> Result:
        el = frame.el
        label = self.footnote_label(el)
        labels = select(el, "./span[contains(concat(' ', @class, ' '), ' label ')]")
        blocks = self._as_blocks(frame.parts)
        if labels and blocks and blocks[0].text.strip("[]\\ ") == label:
            blocks = blocks[1:]
        if blocks and blocks[0].kind == "":
            # what separated a dropped back-link from the text ("1. The note", Asciidoctor)
            blocks[0] = Block(_LEADING_SEPARATOR.sub("", blocks[0].text))
        body = "\n\n".join(b.text for b in blocks)
        if not label or label not in self._footnote_refs:
            # a definition nothing refers to would be dropped by markdown renderers: keep text
            return ListItem(blocks) if el.tag == "li" else list(blocks)
        return Block(f"[^{label}]: " + indent(body, 4))


_TEX_IN_TEXT = re.compile(r"\\\((.+?)\\\)|\\\[(.+?)\\\]", re.DOTALL)
_CONTEXT_NEUTRAL = frozenset(
    ["p", "div", "section", "article", "span", "strong", "em", "b", "i", "code", "ul", "ol", "li", "blockquote"])
_CONTEXTS: dict[tuple[Context, tuple[tuple[str, bool], ...]], Context] = {}


def _with(ctx: Context, **changes: bool) -> Context:
    """``replace(ctx, **changes)``, memoised: contexts are few and entered per element."""
    key = (ctx, tuple(sorted(changes.items())))
    found = _CONTEXTS.get(key)
    if found is None:
        found = _CONTEXTS[key] = replace(ctx, **changes)
    return found


_FENCE_LINE = re.compile(r"^[ \t]*(?:```|~~~)", re.MULTILINE)


def _has_fence(text: str) -> bool:
    return _FENCE_LINE.search(text) is not None


def _only_text(parts: list[Part]) -> str | None:
    """The parts joined, when all are inline text; None when a block is among them."""
    out: list[str] = []
    for part in parts:
        if not isinstance(part, str):
            return None
        out.append(part)
    return "".join(out)


def _footnote_label(text: str) -> str:
    return _FOOTNOTE_LABEL.sub("", text)


_LEADING_SEPARATOR = re.compile(r"^[.:)\]]\s+")
_FOOTNOTE_IN_SUP = re.compile(r"(?:\\\[)?(\[\^[\w-]+\])(?:\\\])?")
_TRAILING_NUMBER = re.compile(r"(\d+)$")


def _label_from_id(ident: str) -> str:
    """``fn:1``, ``user-content-fn-1``, ``_footnotedef_1`` -> ``1``; ``fn:note`` -> ``note``."""
    ident = ident.lstrip("#")
    m = _TRAILING_NUMBER.search(ident)
    if m:
        return m.group(1)
    return _footnote_label(ident.rsplit(":", 1)[-1].rsplit("-", 1)[-1])
