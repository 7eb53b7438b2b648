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

# Each category is counted by one C-level regex pass; only long words and punctuation runs
# are looked at one by one (they are few), so the estimate runs at regex speed.
_WORD = re.compile(r"[A-Za-z]+")
_LONG_WORD = re.compile(r"[A-Za-z]{7,}")
_CONTRACTION = re.compile(r"'(?:s|t|re|ve|m|ll|d)\b")
_NUMBER = re.compile(r"\d{1,3}")
_OTHER_LETTER = re.compile(r"[^\W\d_A-Za-z]")
_PUNCT = re.compile(r"[^\s\w]+")
_NEWLINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)*")


def count_tokens(text: str) -> int:
    """Estimated number of tokens of ``text`` (see the module docstring for the method)."""
    if not text:
        return 0
    words = len(_WORD.findall(text))
    long_extra = sum((len(w) - 3) // 4 for w in _LONG_WORD.findall(text))
    punct = sum((len(p) + 1) // 2 for p in _PUNCT.findall(text))
    return (
        words
        + long_extra
        + len(_NUMBER.findall(text))
        + len(_OTHER_LETTER.findall(text))
        + punct
        + len(_NEWLINES.findall(text))
        - len(_CONTRACTION.findall(text))
    )
