"""Token counts for twins and the llms files: a documented estimate, not a real tokenizer.

Why an estimate: tiktoken downloads its BPE tables at first use, which fails offline and in
sandboxed CI; no tokenizer we could depend on ships its vocabulary inside a Python package
without pulling in a large ML stack. Budgets are therefore in characters (CONTRACTS.md), and
tokens are reported beside them as an estimate.

The estimate follows the shape of GPT-style byte-pair tokenizers: the text is split the way
their pre-tokenizer splits it (words with their leading space, runs of up to three digits,
runs of punctuation, whitespace runs), then each piece costs tokens by its length: a word of
up to 6 letters is usually one token in a 100k vocabulary, longer words one more token per
4 further letters; punctuation runs cost one token per 2 characters; non-ASCII letters one token
per character (CJK and most other scripts are one or more tokens per character in such
vocabularies). The figure is labelled "≈ tokens (estimate)" wherever it is shown.
"""

from __future__ import annotations

import re

METHOD = "estimate (GPT-style pre-tokenizer split, cost by piece length; no vocabulary)"
"""What :func:`count_tokens` measures, for summaries and the manifest's documentation."""

_PIECES = re.compile(
    r"""'(?:s|t|re|ve|m|ll|d)"""  # English contractions are their own tokens
    r"""| ?[A-Za-z]+"""  # an ASCII word with its leading space
    r"""| ?[^\W\d_A-Za-z]+"""  # a word in another script
    r"""|\d{1,3}"""  # numbers in groups of up to three digits
    r"""| ?[^\s\w]+"""  # punctuation runs (markdown syntax, code symbols)
    r"""|\s+""",  # whitespace runs
    re.UNICODE,
)


def _piece_cost(piece: str) -> int:
    core = piece.lstrip(" ")
    if not core:
        return 1
    first = core[0]
    if first.isspace():
        return 1 if "\n" not in core or len(core) <= 2 else 1 + core.count("\n") // 2
    if first.isascii() and first.isalpha():
        return 1 if len(core) <= 6 else 1 + (len(core) - 6 + 3) // 4
    if first.isdigit():
        return 1
    if first.isalpha() or first == "_":
        return len(core)
    return max(1, (len(core) + 1) // 2)


def count_tokens(text: str) -> int:
    """Estimated number of tokens of ``text`` (see the module docstring for the method)."""
    return sum(_piece_cost(m.group()) for m in _PIECES.finditer(text))
