"""The ordered table of lint rules (markdown-it-py style: named, enable/disable by name).

Checks that share one pass over a file (the llms.txt parser, the markdown token stream of a
twin) emit findings for several rules; the table below is the single list of rule names,
default severities and texts that ``--list-rules``, configuration and SARIF metadata use.
"""

from __future__ import annotations

from collections.abc import Iterable

from llmsdocs.errors import ConfigError
from llmsdocs.lint.model import Rule

RULES: list[Rule] = [
    # --- llms.txt structure (the reference parser llms_txt.parse_llms_file decides errors)
    Rule("llmstxt-missing", "error", "llms.txt",
         "The site has no /llms.txt, so agents have no index of its pages.",
         "Build the site with llmsdocs (or add an llms.txt at the site root)."),
    Rule("llmstxt-h1", "error", "llms.txt",
         "llms.txt must start with an H1; without it the reference parser raises, and text "
         "before the H1 is lost.",
         "Make `# Project name` the first line."),
    Rule("llmstxt-summary-missing", "warning", "llms.txt",
         "No `>` summary under the H1: agents get no one-line description of the site.",
         "Add `> One-line summary` after the H1."),
    Rule("llmstxt-summary-lost", "error", "llms.txt",
         "The reference parser loses this summary (a `>` line directly followed by a `##` "
         "section, or a summary over several lines).",
         "Keep the summary on one `>` line and put a details paragraph after it."),
    Rule("llmstxt-section-prose", "error", "llms.txt",
         "A `##` section holds something other than `- [title](url): notes` items; the "
         "reference parser raises on it.",
         "Move prose, code and plain list items above the first `##` heading."),
    Rule("llmstxt-subheading", "warning", "llms.txt",
         "A `###` heading inside the link sections: the reference parser splits a new section "
         "named `# ...` there.",
         "Use a `##` section instead, or drop the subheading."),
    Rule("llmstxt-bullet", "error", "llms.txt",
         "A link item with a `*` or `+` bullet: the reference parser only reads `-` items and "
         "raises.",
         "Use `- ` bullets for link items."),
    Rule("llmstxt-link-description", "error", "llms.txt",
         "Text after a link that does not start with `:` is dropped by the reference parser.",
         "Write `- [title](url): description`."),
    Rule("llmstxt-url-parens", "error", "llms.txt",
         "A URL with parentheses is cut at the first `)` by the reference parser.",
         "Percent-encode the parentheses (%28, %29)."),
    Rule("llmstxt-duplicate-section", "error", "llms.txt",
         "Two `##` sections with one name: the reference parser keeps only the last.",
         "Merge the sections or rename one."),
    Rule("llmstxt-parser", "error", "llms.txt",
         "The reference parser (llms_txt.parse_llms_file) raises on this file or loses part of "
         "it in a way no other rule explains.",
         "Check the file against https://llmstxt.org's format."),
    Rule("llmstxt-relative-url", "warning", "llms.txt",
         "A relative URL: the reference tool (llms_txt2ctx) fetches each URL as written and "
         "fails on it, as does an agent given the file's text.",
         "Use absolute URLs (set the site URL when building)."),
    Rule("llmstxt-dangling-link", "error", "llms.txt",
         "An llms.txt link to a file the site does not have: the agent gets a 404.",
         "Fix the link, or rebuild llms.txt."),
    Rule("llmstxt-duplicate-link", "warning", "llms.txt",
         "The same URL listed twice: agents fetch it twice.",
         "Keep one entry."),
    Rule("llmstxt-budget", "warning", "llms.txt",
         "llms.txt is over the warning budget (50,000 characters by default); some agents "
         "truncate it.",
         "Move pages to the Optional section or split them out of llms.txt."),
    Rule("llmstxt-too-large", "error", "llms.txt",
         "llms.txt is over the error budget (100,000 characters by default): agents truncate "
         "it (Claude Code reads about 100K).",
         "Shorten descriptions, move pages out of llms.txt."),
    # --- llms-full.txt
    Rule("llms-full-missing", "warning", "llms-full.txt",
         "No /llms-full.txt: agents cannot fetch the whole documentation in one request.",
         "Build the site with llmsdocs."),
    Rule("llms-full-h1", "warning", "llms-full.txt",
         "llms-full.txt does not start with an H1 naming the site.",
         "Start it with `# Site name`."),
    Rule("llms-full-budget", "warning", "llms-full.txt",
         "llms-full.txt is over its configured budget.",
         "Use the split policy or raise the budget."),
    # --- twins
    Rule("twin-missing", "error", "twin",
         "A content page has no `.html.md` twin: agents get the HTML with its chrome.",
         "Rebuild with llmsdocs; a page that failed to convert is named in the message."),
    Rule("twin-empty", "error", "twin",
         "The twin has no text: agents get nothing.",
         "Check the page's main content is found (extract profile, markers)."),
    Rule("twin-stale", "warning", "twin",
         "The page's HTML changed after its twin was made (hash in the manifest differs).",
         "Rebuild the twins after building the HTML."),
    Rule("twin-raw-html", "warning", "twin",
         "Raw HTML in a twin (only kbd, sup, sub, details/summary and llmsdocs markers are "
         "allowed): agents read tag soup.",
         "Write markdown, or mark the element data-llms=\"human-only\"."),
    Rule("twin-chrome", "warning", "twin",
         "Site chrome (permalink signs, 'Skip to content', 'Edit this page'...) left in a twin.",
         "Exclude it from the main content (extract profile or data-llms=\"human-only\")."),
    Rule("twin-h1", "warning", "twin",
         "The twin does not start with an H1: agents cannot tell what the page is.",
         "Give the page one H1 title."),
    Rule("twin-budget", "warning", "twin",
         "The twin is over the per-page budget (100,000 characters by default); agents "
         "truncate it.",
         "Split the page."),
    # --- content of the twins
    Rule("ui-step-without-api", "warning", "content",
         "A UI step (click...) with no curl after it: an agent cannot do it without a "
         "browser.",
         "Give the API call, or pin it: <!-- llmsdocs: curl OPERATION_ID --> / curl none."),
    Rule("fence-no-language", "warning", "content",
         "A code block without a language: agents cannot tell a shell command from output.",
         "Add the language after the opening fence (```bash, ```text)."),
    Rule("image-no-alt", "warning", "content",
         "An image without alt text: agents do not see images.",
         "Describe what the image shows in its alt text."),
    Rule("link-text-vague", "warning", "content",
         "Link text like 'click here' says nothing about where it goes.",
         "Use the target's name as link text."),
    Rule("dead-link", "warning", "content",
         "An internal link to a page or file the site does not have.",
         "Fix the link target."),
    Rule("dead-anchor", "warning", "content",
         "An internal link to an anchor its target page does not have.",
         "Link to an existing heading id."),
    # --- site-wide coverage
    Rule("nav-not-in-llmstxt", "warning", "site",
         "A page in the sitemap is not listed in llms.txt: agents do not find it.",
         "Rebuild llms.txt, or exclude the page on purpose."),
    Rule("llmstxt-not-in-nav", "warning", "site",
         "llms.txt lists a page the sitemap does not have (orphan or removed page).",
         "Remove it from llms.txt or add it to the site's nav."),
]

RULES_BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}


def check_rule_names(names: Iterable[str], where: str) -> None:
    """Raise a ConfigError naming the first unknown rule id (a typo must not pass silently)."""
    for name in names:
        if name not in RULES_BY_ID:
            raise ConfigError(where, f"unknown lint rule {name!r} (see `llmsdocs lint --list-rules`)")


def select_rules(enable: Iterable[str] = (), disable: Iterable[str] = (),
                 where: str = "lint") -> set[str]:
    """The enabled rule ids: every rule, minus ``disable``, plus ``enable`` (which wins)."""
    enable, disable = list(enable), list(disable)
    check_rule_names([*enable, *disable], where)
    active = {rule.id for rule in RULES} - set(disable)
    return active | set(enable)
