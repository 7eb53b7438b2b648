"""Page text can never forge markdown: rendering the output gives back exactly the text."""

from __future__ import annotations

import html

import pytest
from markdown_it import MarkdownIt
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin

from llmsdocs import convert

MD = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
MD.use(deflist_plugin).use(footnote_plugin)

HOSTILE_TEXTS = [
    "# fake heading",
    "###### six",
    "> fake quote",
    "- fake item",
    "+ fake item",
    "* fake item",
    "1. fake ordered",
    "1) fake ordered",
    "---",
    "===",
    "***",
    "___",
    "```python",
    "~~~",
    "    four spaces of indent",
    "[link](https://evil.example)",
    "![image](https://evil.example/x.png)",
    "[ref]: https://evil.example",
    "<script>alert(1)</script>",
    "<div onclick=x>block</div>",
    "<!-- comment -->",
    "&lt;b&gt; &amp;amp; &#60;",
    "*emphasis* **strong** _under_ __dunder__ ~~strike~~",
    "`code` ``double``",
    "a | b | c",
    "| --- | --- |",
    ": definition",
    "[^1]: footnote",
    "[^1]",
    "\\* backslash \\",
    "<https://autolink.example>",
    "line with trailing backslash\\",
    "Setext\n===",
]


def rendered_text(markdown: str) -> str:
    tokens = MD.parse(markdown)
    assert not [t for t in tokens if t.type == "html_block"], markdown
    out: list[str] = []
    for tok in tokens:
        if tok.type == "inline":
            assert not [c for c in tok.children or [] if c.type in ("html_inline", "link_open",
                                                                   "image", "em_open")], markdown
            out.append("".join(c.content for c in tok.children or [] if c.type == "text"))
        elif tok.type in ("heading_open", "blockquote_open", "bullet_list_open",
                          "ordered_list_open", "hr", "fence", "code_block", "table_open",
                          "dl_open", "footnote_block_open") and not (
                              tok.type == "heading_open" and tok.tag == "h1"):
            raise AssertionError(f"forged {tok.type} in {markdown!r}")
    return " ".join(out[1:])


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_convert_page_text_cannot_forge_markdown(text: str) -> None:
    """A paragraph of page text renders back to the same text, with no construct forged."""
    page = f"<main><h1>T</h1><p>{html.escape(text)}</p></main>"
    out = convert(page)
    assert " ".join(rendered_text(out).split()) == " ".join(text.split())
