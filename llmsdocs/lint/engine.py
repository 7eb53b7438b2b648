"""The lint pipeline: site -> findings -> severities -> source locations -> suppressions.

The only module that knows the order. Rules are data (``rules.RULES``); the check functions
here and in ``llmstxt``/``content`` emit findings for the enabled ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from llmsdocs.errors import InputError
from llmsdocs.lint import content, llmstxt
from llmsdocs.lint.model import Finding, Severity
from llmsdocs.lint.options import LintOptions, from_build, merge_lint_table
from llmsdocs.lint.rules import RULES, RULES_BY_ID, select_rules
from llmsdocs.lint.site import SiteView, common_base
from llmsdocs.lint.suppress import (
    FileSuppressions,
    apply_baseline,
    parse_suppressions,
    path_ignored,
    read_baseline,
)
from llmsdocs.lint.uisteps import StepRule
from llmsdocs.manifest import html_hash

if TYPE_CHECKING:
    from llmsdocs.config import BuildOptions

RULE_ORDER = {rule.id: index for index, rule in enumerate(RULES)}
MARKUP_RE = re.compile(r"[*_`]+")


@dataclass(slots=True)
class LintResult:
    """What one lint run found, after configuration, suppressions and the baseline."""

    findings: list[Finding]
    suppressed: int = 0
    """Dropped by an inline comment or a per-path ignore."""
    baselined: int = 0
    """Dropped because the baseline accepts them."""
    all_findings: list[Finding] = field(default_factory=list)
    """Every finding before the baseline (what ``--write-baseline`` records)."""

    def failed(self, fail_on: Severity) -> bool:
        """True when a finding is at or above ``fail_on`` (exit code 1)."""
        levels = {"error"} if fail_on == "error" else {"error", "warning"}
        return any(f.severity in levels for f in self.findings)


class _Collector:
    """Collects findings of enabled rules with their configured severity."""

    def __init__(self, enabled: set[str], options: LintOptions) -> None:
        self.enabled = enabled
        self.options = options
        self.findings: list[Finding] = []

    def add(self, rule: str, path: str, line: int | None, message: str,
            needle: str | None = None, source_path: str | None = None) -> None:
        if rule not in self.enabled:
            return
        severity = self.options.severity.get(rule, RULES_BY_ID[rule].severity)
        self.findings.append(Finding(rule, severity, path, line, message,
                                     source_path=source_path, needle=needle))

    def extend(self, findings: list[Finding], source_path: str | None = None) -> None:
        for f in findings:
            self.add(f.rule, f.path, f.line, f.message, f.needle, source_path or f.source_path)


def lint(target: Path, options: LintOptions | None = None, *, name: str | None = None
         ) -> LintResult:
    """Lint a built site directory, or a lone llms.txt file (structure rules only).

    ``name`` is how findings name a lone file (default: its file name).

    Raises:
        InputError: the target is neither a directory nor a readable text file.
        ConfigError: an unknown rule name in options or in an inline suppression.
    """
    options = options or LintOptions()
    enabled = select_rules(options.enable, options.disable)
    collector = _Collector(enabled, options)
    if target.is_dir():
        site = SiteView.load(target, options.site_url)
        _check_site(site, collector, options)
        project = _project_dirs(options, target)
        sources: dict[str, list[str] | None] = {}
        findings = _lost_languages([_locate(f, project, sources) for f in collector.findings],
                                   sources, site)
        texts = _SourceTexts(project, site)
    elif target.is_file():
        try:
            text = target.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(str(target), f"cannot read as UTF-8 text ({exc.__class__.__name__})") from None
        label = name or target.name
        _, found = llmstxt.parse_and_check(text, label,
                                           warn_chars=options.llms_txt_warn_chars,
                                           error_chars=options.llms_txt_error_chars)
        collector.extend(found)
        findings = collector.findings
        texts = _SourceTexts([], None, lone=(label, target))
    else:
        raise InputError(str(target), "not a site directory or an llms.txt file")
    findings.sort(key=lambda f: (f.location[0], f.location[1] or 0, RULE_ORDER[f.rule]))
    kept: list[Finding] = []
    suppressed = 0
    for finding in findings:
        if path_ignored(finding, options.per_path_ignores) or texts.suppressed(finding):
            suppressed += 1
        else:
            kept.append(finding)
    result = LintResult(kept, suppressed=suppressed, all_findings=list(kept))
    if options.baseline is not None and options.baseline.exists():
        result.findings, result.baselined = apply_baseline(kept, read_baseline(options.baseline))
    return result


def lint_site(site_dir: str | Path, options: LintOptions | BuildOptions | None = None, *,
              project_dir: str | Path | None = None) -> list[Finding]:
    """The findings on a built site, for the MkDocs plugin's ``lint: true``.

    Give it the plugin's :class:`~llmsdocs.config.BuildOptions` (site URL, OpenAPI spec and
    budgets then match the build) and the project folder (where page sources and the
    ``[tool.llmsdocs.lint]`` table of pyproject.toml/llmsdocs.toml are found).
    """
    project = Path(project_dir) if project_dir is not None else None
    if options is None or not isinstance(options, LintOptions):
        from llmsdocs.config import BuildOptions as _Build

        build = options if isinstance(options, _Build) else _Build()
        options = merge_lint_table(from_build(build, project_dir=project), project)
    elif project is not None and options.project_dir is None:
        options = replace(options, project_dir=project)
    return lint(Path(site_dir), options).findings


# --- the checks, in table order ------------------------------------------------------------

def _check_site(site: SiteView, out: _Collector, options: LintOptions) -> None:
    listed = _check_llmstxt(site, out, options)
    _check_llms_full(site, out, options)
    _check_twins(site, out, options)
    _check_coverage(site, out, listed)


def _check_llmstxt(site: SiteView, out: _Collector, options: LintOptions) -> set[str]:
    """Structure, links and budget of llms.txt; returns the HTML pages it lists."""
    if "llms.txt" not in site.files:
        out.add("llmstxt-missing", "llms.txt", None, "the site has no llms.txt")
        return set()
    source = _static_source(site, "llms.txt")
    doc, found = llmstxt.parse_and_check(site.read_text("llms.txt"), "llms.txt",
                                         warn_chars=options.llms_txt_warn_chars,
                                         error_chars=options.llms_txt_error_chars)
    out.extend([replace(f, needle=None) for f in found], source)
    if site.site_url is None:  # last resort: where llms.txt's own absolute links point
        site.set_site_url(common_base([link.url for link in doc.links]))
    listed: set[str] = set()
    for link in doc.links:
        target = site.to_site_path(link.url, "llms.txt")
        if target is None:
            continue
        file = site.resolve_file(target[0])
        if file is None:
            out.add("llmstxt-dangling-link", "llms.txt", link.line,
                    f"link to {link.url!r}: no such file in the site", source_path=source)
            continue
        page = site.page_of(file)
        if page is not None:
            listed.add(page)
    return listed


def _check_llms_full(site: SiteView, out: _Collector, options: LintOptions) -> None:
    if "llms-full.txt" not in site.files:
        out.add("llms-full-missing", "llms-full.txt", None, "the site has no llms-full.txt")
        return
    text = site.read_text("llms-full.txt")
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    if not llmstxt.H1_RE.match(first):
        out.add("llms-full-h1", "llms-full.txt", 1, "llms-full.txt does not start with an H1")
    budget = options.llms_full_warn_chars
    if budget is not None and len(text) > budget:
        out.add("llms-full-budget", "llms-full.txt", None,
                f"{len(text):,} characters, over the configured {budget:,}")


def _check_twins(site: SiteView, out: _Collector, options: LintOptions) -> None:
    twins_present = [p for p in site.pages.values() if p.twin in site.files]
    if site.manifest is None and not twins_present:
        if site.pages:
            out.add("twin-missing", ".", None,
                    f"none of the {len(site.pages)} content pages has a markdown twin")
        return
    parser = content.markdown_parser()
    steps = StepRule(options.openapi) if "ui-step-without-api" in out.enabled else None
    failures = site.manifest.failures if site.manifest else {}
    for page in sorted(site.pages.values(), key=lambda p: p.html):
        src = page.source_path
        if page.twin not in site.files:
            why = f" (conversion failed: {failures[page.html]})" if page.html in failures else ""
            out.add("twin-missing", page.html, None,
                    f"content page without its twin {page.twin}{why}", source_path=src)
            continue
        text = site.read_text(page.twin)
        if not text.strip():
            out.add("twin-empty", page.twin, None, "the twin is empty", source_path=src)
            continue
        if (page.recorded_hash is not None and page.html in site.files
                and html_hash(site.read_bytes(page.html)) != page.recorded_hash):
            out.add("twin-stale", page.twin, None,
                    f"{page.html} changed after its twin was made", source_path=src)
        if len(text) > options.twin_warn_chars:
            out.add("twin-budget", page.twin, None,
                    f"{len(text):,} characters, over the {options.twin_warn_chars:,} budget",
                    source_path=src)

        def emit(rule: str, line: int | None, message: str, needle: str | None,
                 _twin: str = page.twin, _src: str | None = src) -> None:
            out.add(rule, _twin, line, message, needle, _src)

        content.check_twin(text, page.twin, page.html, site, out.enabled, emit,
                           parser.parse(text))
        if steps is not None:
            steps.check(text, emit)


def _nav_pages(site: SiteView) -> tuple[set[str], str] | None:
    """The pages the site lists: its sitemap.xml, else the sidebar of its built HTML."""
    excluded = site.manifest.excluded if site.manifest else {}
    if site.sitemap_urls:
        listed: set[str] = set()
        for url in site.sitemap_urls:
            target = site.to_site_path(url, "sitemap.xml")
            file = site.resolve_file(target[0]) if target else None
            page = site.page_of(file) if file else None
            if page is not None and page not in excluded:
                listed.add(page)
        return listed, "sitemap.xml"
    if not site.site_url or not site.pages:
        return None
    from llmsdocs.discover import NavNode, make_page, sidebar_nav

    pages = [make_page(site.site_url, p) for p in sorted(site.pages) if p in site.files]
    generator = site.manifest.generator if site.manifest else None
    nodes = sidebar_nav(site.root, site.site_url, pages, generator)
    found: set[str] = set()
    stack: list[NavNode] = list(nodes)
    while stack:
        node = stack.pop()
        if node.page:
            found.add(node.page)
        stack.extend(node.children)
    return (found, "the site's navigation") if found else None


def _check_coverage(site: SiteView, out: _Collector, listed: set[str]) -> None:
    """Pages in the sitemap (else the sidebar nav) but not in llms.txt, and the reverse."""
    if "llms.txt" not in site.files or not (
            {"nav-not-in-llmstxt", "llmstxt-not-in-nav"} & out.enabled):
        return
    nav = _nav_pages(site)
    if nav is None:
        return
    in_nav, where = nav
    for page in sorted(in_nav - listed):
        if page in site.pages:
            out.add("nav-not-in-llmstxt", page, None,
                    f"{page} is in {where} but not listed in llms.txt",
                    source_path=site.pages[page].source_path)
    if where != "sitemap.xml":
        # A sidebar read from built pages does not reliably show the page it is read from
        # (its own entry is a "#" link): "missing from the nav" would be noise there.
        return
    for page in sorted(listed - in_nav):
        out.add("llmstxt-not-in-nav", "llms.txt", None,
                f"llms.txt lists {page}, which {where} does not have")


# --- where the fix goes ------------------------------------------------------------------

def _static_source(site: SiteView, rel: str) -> str | None:
    """For a file copied from the docs folder (a hand-written llms.txt), its source path."""
    manifest = site.manifest
    if manifest is None or rel in manifest.files:
        return None
    for html, record in manifest.pages.items():
        if record.source_path and html.endswith("index.html"):
            docs_dir = record.source_path.rsplit("/", 1)[0] if "/" in record.source_path else ""
            depth = html.count("/")
            parts = docs_dir.split("/") if docs_dir else []
            if depth <= len(parts):
                root = "/".join(parts[: len(parts) - depth])
                return f"{root}/{rel}" if root else rel
    return None


def _project_dirs(options: LintOptions, site_dir: Path) -> list[Path]:
    dirs = [options.project_dir] if options.project_dir else []
    dirs += [Path.cwd(), site_dir.resolve().parent]
    return [d for i, d in enumerate(dirs) if d not in dirs[:i]]


def _norm(text: str) -> str:
    return " ".join(MARKUP_RE.sub("", text).split()).lower()


def _source_lines(source_path: str, project: list[Path],
                  cache: dict[str, list[str] | None]) -> list[str] | None:
    if source_path not in cache:
        cache[source_path] = None
        for base in project:
            path = base / source_path
            if path.is_file():
                cache[source_path] = path.read_text(encoding="utf-8", errors="replace").splitlines()
                break
    return cache[source_path]


def _locate(finding: Finding, project: list[Path], cache: dict[str, list[str] | None]
            ) -> Finding:
    """Fill ``source_line``: find the finding's text in its source file."""
    if finding.source_path is None or finding.needle is None or finding.line is None:
        return finding
    lines = _source_lines(finding.source_path, project, cache)
    if lines is None:
        return finding
    needle = finding.needle
    hits = [i for i, ln in enumerate(lines) if needle in ln]
    if not hits:
        short = _norm(needle)[:60]
        hits = [i for i, ln in enumerate(lines) if short and short in _norm(ln)]
    if not hits:
        return finding
    line = finding.line
    hit = hits[0] if len(hits) == 1 else min(hits, key=lambda i: abs(i + 1 - line))
    if finding.rule == "fence-no-language":
        while hit > 0 and not lines[hit].lstrip().startswith(("```", "~~~")):
            hit -= 1
    return replace(finding, source_line=hit + 1)


# Languages that say "plain text": a bare fence in the twin says the same thing.
PLAIN_TEXT = frozenset({"text", "txt", "plain", "plaintext", "none", "nohighlight"})
FENCE_LANG_RE = re.compile(r"^\s*(?:`{3,}|~{3,})\s*\{?\s*\.?([\w+#.-]+)")


LANGUAGE_CLASS_RE = re.compile(rb"class=[\"'][^\"']*\b(?:language|lang|highlight)-[\w+#-]+")


def _lost_languages(findings: list[Finding], sources: dict[str, list[str] | None],
                    site: SiteView) -> list[Finding]:
    """Code blocks whose source names a language the built page lost: one finding per page.

    The fix is in the build (a highlighter that keeps a ``language-*`` class), not in each
    block of the source, so reporting every block would only be noise.
    """
    lost: dict[str, list[tuple[Finding, str]]] = {}
    kept: list[Finding] = []
    for finding in findings:
        lines = sources.get(finding.source_path or "") if finding.source_path else None
        if finding.rule == "fence-no-language" and lines and finding.source_line:
            match = FENCE_LANG_RE.match(lines[finding.source_line - 1])
            if match and match.group(1).lower() in PLAIN_TEXT:
                continue  # the author said "plain text"; the twin's bare fence says the same
            if match:
                lost.setdefault(finding.path, []).append((finding, match.group(1)))
                continue
        kept.append(finding)
    for twin, items in lost.items():
        first, language = items[0]
        count = (f"{len(items)} code blocks lose their" if len(items) > 1
                 else "a code block loses its")
        page = twin[:-3] if twin.endswith(".html.md") else twin
        if page in site.files and not LANGUAGE_CLASS_RE.search(site.read_bytes(page)):
            where = ("the built HTML has no language class (configure the highlighter to emit "
                     "one; MkDocs: pymdownx.highlight with pygments_lang_class: true)")
        else:
            where = "the conversion drops it"
        kept.append(replace(first, message=(
            f"{count} language in the twin although the source names it (```{language}): "
            f"{where}")))
    return kept


class _SourceTexts:
    """Inline suppressions of the files findings point at (read once each)."""

    def __init__(self, project: list[Path], site: SiteView | None,
                 lone: tuple[str, Path] | None = None) -> None:
        self._project = project
        self._site = site
        self._lone = lone
        self._cache: dict[str, FileSuppressions] = {}

    def _load(self, key: str, path: Path | None) -> FileSuppressions:
        if key not in self._cache:
            text = ""
            if path is not None and path.is_file():
                text = path.read_text(encoding="utf-8", errors="replace")
            self._cache[key] = parse_suppressions(text, key)
        return self._cache[key]

    def suppressed(self, finding: Finding) -> bool:
        if finding.source_path is not None:
            path = next((b / finding.source_path for b in self._project
                         if (b / finding.source_path).is_file()), None)
            if self._load("src:" + finding.source_path, path).covers(
                    finding.rule, finding.source_line):
                return True
        if self._site is not None:
            path = self._site.root / finding.path
            return self._load("site:" + finding.path, path).covers(finding.rule, finding.line)
        path = self._lone[1] if self._lone and self._lone[0] == finding.path else None
        return self._load("file:" + finding.path, path).covers(finding.rule, finding.line)
