"""Pre-publish lint: is a built documentation site agent-ready?

Rules are named, ordered data (:data:`RULES`); :func:`lint` runs them on a built site (or a
lone llms.txt) and returns :class:`Finding` objects that :mod:`llmsdocs.report` formats.
"""

from __future__ import annotations

from llmsdocs.lint.engine import LintResult, lint, lint_site
from llmsdocs.lint.model import Finding, Rule, Severity
from llmsdocs.lint.options import LintOptions, from_build, from_mkdocs, load_options
from llmsdocs.lint.rules import RULES, RULES_BY_ID, select_rules

__all__ = [
    "RULES",
    "RULES_BY_ID",
    "Finding",
    "LintOptions",
    "LintResult",
    "Rule",
    "Severity",
    "from_build",
    "from_mkdocs",
    "lint",
    "lint_site",
    "load_options",
    "select_rules",
]
