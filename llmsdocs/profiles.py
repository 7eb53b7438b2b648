"""Per-generator knowledge, kept as data: where the content is and what inside it is chrome.

Each :class:`Profile` names the selectors (see :mod:`llmsdocs.convert.css`) of a generator's
main content, tried in order, and the chrome to remove from inside it. ``ROLE_RULES`` mark
elements whose meaning is not in their tag (admonitions, footnotes, math, code tables), so the
converter dispatches on a role rather than scattering class tests through its methods.
Adding a generator or a theme is adding a row here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True, frozen=True)
class Profile:
    """How one documentation generator lays out a page."""

    name: str
    """Generator name reported in :class:`~llmsdocs.convert.ConvertedPage.generator`."""
    detect: tuple[str, ...]
    """Selectors (or ``xpath:`` expressions) whose presence identifies the generator when
    ``<meta name=generator>`` is absent."""
    content: tuple[str, ...]
    """Main-content selectors, most specific first; the first one that matches wins."""
    drop: tuple[str, ...] = ()
    """Chrome inside the content: removed before converting."""
    meta: tuple[str, ...] = ()
    """Lower-cased prefixes of ``<meta name=generator>`` values that identify the generator."""
    keep: tuple[str, ...] = ()
    """Content inside the content element that generic rules would take for chrome: in this
    generator it is the author's (e.g. a ``[[toc]]`` the page's source asked for)."""
    built_by: tuple[tuple[str, str], ...] = ()
    """(generator, selector) pairs: another tool that writes this generator's markup (a theme
    ported to it). When the page was recognised by its layout and the selector matches, that
    generator is reported, while this profile still reads the page."""


MKDOCS_CHROME = (
    ".md-content__button", ".md-source-file", ".md-feedback", "form.md-feedback", ".md-tags",
    ".md-clipboard", ".md-top", ".md-dialog", ".rst-footer-buttons", ".md-nav",
)
SPHINX_CHROME = (
    ".copybtn", "button.copybtn", ".prev-next-area", ".prev-next-footer", ".bd-toc",
    ".header-article", ".bd-header-article", ".bd-footer-article", ".footer-article-items",
    ".bd-sidebar-secondary", ".related-pages", ".back-to-top", ".rst-footer-buttons",
    ".wy-breadcrumbs", "div[role=navigation]", ".sphinxsidebar", ".related", ".edit-this-page",
    ".theme-switch-button", ".article-header-buttons", ".bd-article-container .headerbtn",
)

PROFILES: tuple[Profile, ...] = (
    Profile(
        name="material",
        meta=("mkdocs-material",),
        detect=(".md-content", "[data-md-component]"),
        content=("article.md-content__inner", ".md-content article", ".md-content"),
        drop=MKDOCS_CHROME,
        # sphinx-immaterial: Material's markup built by Sphinx (its _static/ folder)
        built_by=(("sphinx", "link[href*='_static/'], script[src*='_static/']"),),
    ),
    Profile(
        name="mkdocs",
        meta=("mkdocs",),
        detect=("xpath://comment()[contains(., 'MkDocs version')]", "div.col-md-9[role=main]",
                "xpath://script[contains(@src, 'search/main.js')]"),
        content=(
            "div[role=main] div[itemprop=articleBody]", "div[role=main].col-md-9",
            "div[role=main]", "div.rst-content div.section", "main", "article",
        ),
        drop=MKDOCS_CHROME + ("div[role=navigation]", ".wy-breadcrumbs", ".toc", "hr.footer-rule"),
    ),
    Profile(
        name="sphinx",
        meta=("docutils", "sphinx"),
        detect=("a.headerlink", "div.sphinxsidebar", ".rst-content", "#furo-main-content",
                ".bd-article", "link[href*='_static/']"),
        content=(
            "article[role=main]", "article.bd-article", "div[itemprop=articleBody]",
            "div.rst-content div[role=main]", "div.body[role=main]", "div.body",
            "div[role=main]", "main", "article",
        ),
        drop=SPHINX_CHROME,
    ),
    Profile(
        name="docusaurus",
        meta=("docusaurus",),
        detect=("#__docusaurus", ".theme-doc-markdown"),
        content=(".theme-doc-markdown", "article div.markdown", "main article", "article", "main"),
        drop=(
            ".theme-doc-breadcrumbs", ".theme-doc-footer", ".pagination-nav",
            ".theme-doc-toc-mobile", ".theme-doc-version-badge", ".theme-doc-version-banner",
            ".theme-edit-this-page", ".theme-last-updated", "a.hash-link",
            "div[class*=buttonGroup]",
        ),
    ),
    Profile(
        name="vitepress",
        meta=("vitepress",),
        detect=(".VPDoc", ".vp-doc", "#VPContent"),
        content=(".vp-doc", ".VPDoc .content-container", "main"),
        drop=(
            "a.header-anchor", "button.copy", "span.lang", ".line-numbers-wrapper",
            ".VPDocFooter", ".edit-link", ".prev-next", ".VPDocAside", ".outline",
        ),
        # markdown-it's [[toc]]: written in the page's source, so the author's local contents
        keep=("nav.table-of-contents",),
    ),
    Profile(
        name="hugo",
        meta=("hugo",),
        detect=(".td-content", ".book-page", ".post-content", "div.chroma"),
        content=(
            ".td-content", "article.markdown", ".book-page article", ".post-content",
            "main article", "article", "main", "#content", ".content",
        ),
        drop=(
            ".td-page-meta", ".td-toc", ".td-page-meta__lastmod", ".feedback--title",
            ".feedback--answer", ".feedback--question", ".feedback--response", ".td-feedback", ".page-meta", ".post-tags", ".paginav",
            ".breadcrumbs", "nav.breadcrumb", ".book-toc", ".edit-page", ".anchor",
            "a.heading-anchor", ".td-breadcrumbs", ".post-footer", ".share-buttons",
            ".td-content > .td-page-meta__child",
        ),
    ),
    Profile(
        name="asciidoctor",
        meta=("asciidoctor",),
        detect=("div#header > div#toc.toc2", "body.article > div#content div.sect1"),
        content=("body.article", "body.book", "body.manpage", "body"),
        drop=("#toc", "#footer", "#header > .details", "#footnotes > hr"),
    ),
    Profile(
        name="antora",
        meta=("antora",),
        detect=("article.doc", "div.nav-container[data-component]"),
        content=("article.doc", "main article", "main"),
        drop=(".toc", "nav.pagination", ".edit-this-page", ".page-versions", "nav.breadcrumbs"),
    ),
    Profile(
        name="jekyll",
        meta=("jekyll",),
        detect=(".highlighter-rouge", "#main-content.main-content", ".site-header .site-title"),
        content=(
            "#main-content main", ".main-content main", ".post-content", ".page-content article",
            ".page-content", "article.post", ".markdown-body", "main", "article",
            "section#main_content", "#content",
        ),
        drop=(
            ".anchor-heading", ".breadcrumb-nav", "nav.breadcrumb", ".post-meta",
            ".site-footer", "td.rouge-gutter", "td.gutter", ".rouge-gutter", ".footnotes-nav",
        ),
    ),
)

GENERIC_CONTENT: tuple[str, ...] = (
    "main article", "[role=main] article", "[itemprop=articleBody]", "main", "[role=main]",
    "article", ".markdown-body", ".post-content", ".entry-content", "#content", ".content",
)
"""Content candidates on an unknown site; the best by non-link text wins (see extract.py)."""

GENERIC_CHROME: tuple[str, ...] = (
    "nav", "[role=navigation]", "[role=banner]", "[role=contentinfo]",
    "[role=search]", "[role=complementary]", "footer", "aside", ".toc-container",
    ".breadcrumb", ".breadcrumbs", ".pagination", ".pager", ".edit-link", ".edit-page",
    ".skip-link", ".sidebar", "#sidebar", ".table-of-contents", ".page-nav", ".next-prev",
    ".prev-next", ".feedback", ".share", ".social",
)
"""Chrome removed only when no profile matched (a profile knows its own layout better)."""

COMMON_CHROME: tuple[str, ...] = (
    "script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas",
    "button", "select", "textarea", "dialog", "link", "meta", "nav", "footer",
    ".edit-this-page", ".edit-on-github", ".page-edit", ".feedback", ".page-feedback",
    ".was-this-helpful", ".prev-next", ".pager", ".breadcrumb", ".breadcrumbs",
    "input[type=radio]", "input[type=text]", "input[type=search]", "input[type=hidden]",
    "input[type=submit]", "input[type=button]",
    "a.headerlink", ".headerlink", "a.header-anchor", "a.hash-link", "a.anchor-heading",
    "a.anchorjs-link", ".copybtn", ".copy-button", ".md-clipboard",
    "td.linenos", ".linenos", ".linenodiv", "span.lineno", "pre .ln", "pre .lnt",
    ".line-numbers-wrapper", ".line-numbers-rows", "td.gutter", "td.rouge-gutter",
    "[data-llms=human-only]", "[aria-hidden=true].katex-html", "mjx-assistive-mml",
    ".MathJax_Preview", "span.katex-html", ".last-updated", ".page-last-updated",
    ".sr-only", ".visually-hidden", ".screen-reader-text", ".screen-reader-only",
    "hr.footnotes", "hr.footnotes-sep", "hr.footnote-sep", "div.vp-adaptive-theme > span.lang",
    "div.vp-code-group span.lang",
)
"""Chrome that never carries page content, whatever the generator."""

KEEP: tuple[str, ...] = (
    "nav.contents", "div.contents", "nav.toc.local", "blockquote footer", "figure footer", "[data-llms=agent-only]", "aside.admonition",
    "aside.callout", "aside.footnote", "aside[role=doc-footnote]", "aside[role=note]",
    "aside.note", "aside.tip", "aside.warning", "aside.caution", "aside.danger",
    "aside.starlight-aside", "aside.sidebar", "aside.topic", "aside.footnote-list",
    "script[type^='math/tex']", "[role=tab]",
)
"""Never dropped as chrome: an author's local table of contents, agent-only content."""

ROLE_RULES: tuple[tuple[str, str], ...] = (
    # admonitions / callouts, and their titles
    (
        ("div.admonition, aside.admonition, div.theme-admonition, div.alert, div.custom-block, "
         "div.markdown-alert, div.callout, div.notices, div.note.admonition, aside.callout, "
         "blockquote.book-hint, div.book-hint, "
         "aside.starlight-aside, div.admonitionblock, aside[role=note], aside.admonition"),
        "admonition",
    ),
    (
        ("details.admonition, details.note, details.tip, details.warning, details.info, "
         "details.danger, details.example, details.question, details.abstract, details.success, "
         "details.failure, details.bug, details.quote, details.caution, details.important, "
         "details.custom-block"),
        "admonition",
    ),
    (
        (".admonition-title, .custom-block-title, .markdown-alert-title, .alert-heading, "
         "div[class*=admonitionHeading], .callout-title, p.topic-title, .sidebar-title, "
         ".starlight-aside__title, div.admonitionblock td.icon"),
        "admonition-title",
    ),
    # Asciidoctor/Antora admonitions are laid out as a one-row table: read it as blocks
    (
        ("div.admonitionblock > table, div.admonitionblock > table > tbody, "
         "div.admonitionblock > table > tbody > tr, div.admonitionblock > table > tr, "
         "div.admonitionblock td.content"),
        "unwrap",
    ),
    # footnotes
    (
        ("a.footnote-ref, a.footnote-reference, a[role=doc-noteref], a[data-footnote-ref], "
         "a[rel=footnote], sup[role=doc-noteref] > a, sup.footnote-ref > a, sup > a.footnote"),
        "footnote-ref",
    ),
    (
        ("a.footnote-backref, aside.footnote span.backrefs, a[data-footnote-backref], "
         "a.reversefootnote, a.fn-backref, aside.footnote > span.label, a.footnote-back, "
         "section.footnotes a[role=doc-backlink], "
         "div#footnotes > div.footnote > a[href^='#_footnoteref']"),
        "drop",
    ),
    (
        ("div.footnote, section.footnotes, section[data-footnotes], aside.footnote-list, "
         "div.footnotes, dl.footnote"),
        "footnotes",
    ),
    (
        ("aside.footnote, aside[role=doc-footnote], div.footnotes > ol > li, "
         "section.footnotes > ol > li, div.footnote > ol > li, section[data-footnotes] > ol > li, "
         "li[role=doc-endnote], div#footnotes > div.footnote"),
        "footnote",
    ),
    # math: keep the TeX source
    ("span.arithmatex, span.math, span.katex, mjx-container[display=false]", "math-inline"),
    (
        ("div.arithmatex, div.math, span.katex-display, div.math-display, span.math.display"),
        "math-block",
    ),
    ("script[type^='math/tex']", "math-script"),
    # code
    ("pre.mermaid, div.mermaid, code.language-mermaid, pre.language-mermaid", "mermaid"),
    ("table.highlighttable, table.lntable, table.rouge-table, table.code-table", "codetable"),
    # tab labels inserted by the tab pass, and sphinx-design labels that precede their panel
    ("label.sd-tab-label, .tab-label", "tab-label"),
    # API signatures (Sphinx autodoc and domains): read as code, no emphasis
    (
        ("dt.sig, dt.sig-object, dl.py > dt, dl.function > dt, dl.class > dt, dl.method > dt, "
         "dl.attribute > dt, dl.data > dt, dl.exception > dt, dl.property > dt, dl.c > dt, "
         "dl.cpp > dt, dl.js > dt"),
        "signature",
    ),
    # docutils term classifiers ("term : classifier", the colon is drawn by CSS)
    ("dt > span.classifier", "classifier"),
    # task list checkboxes
    ("input[type=checkbox]", "checkbox"),
)
"""(selector, role) pairs applied to the content in order; a later rule wins on conflicts."""

TAB_SETS: tuple[tuple[str, str, str], ...] = (
    # (tab set container, its labels, its panels), relative to the container
    ("div.tabbed-set",
     "./div[contains(concat(' ', @class, ' '), ' tabbed-labels ')]/label | ./label",
     ("./div[contains(concat(' ', @class, ' '), ' tabbed-content ')]"
      "/div[contains(concat(' ', @class, ' '), ' tabbed-block ')]"
      " | ./div[contains(concat(' ', @class, ' '), ' tabbed-content ')]"
      "[not(div[contains(concat(' ', @class, ' '), ' tabbed-block ')])]")),
    ("div.vp-code-group",
     "./div[contains(concat(' ', @class, ' '), ' tabs ')]/label",
     "./div[contains(concat(' ', @class, ' '), ' blocks ')]/*"),
    ("div.book-tabs",
     "./label",
     "./div[contains(concat(' ', @class, ' '), ' book-tabs-content ')]"),
    ("div.tabs-container, div.sphinx-tabs, div.tabbed, div.tab-set, div.tabs",
     ".//*[@role='tab']",
     ".//*[@role='tabpanel']"),
)
"""Tab widgets: every panel is emitted preceded by its label, hidden panels included."""
