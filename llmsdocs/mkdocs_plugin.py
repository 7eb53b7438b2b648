"""The MkDocs face: ``plugins: [llmsdocs]``. Hooks -> the same pipeline as ``llmsdocs build``.

No logic of its own: options map 1:1 onto :class:`llmsdocs.config.BuildOptions`; the head link
and copy button are added in ``on_post_page`` (the HTML in memory, no file rewriting); the nav
and each page's source path are handed to :func:`llmsdocs.pipeline.build` in
``on_post_build``. Our warnings go through MkDocs' logger, so ``--strict`` counts them.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from llmsdocs.errors import LlmsdocsError

log = logging.getLogger("mkdocs.plugins.llmsdocs")


class _Budgets(base.Config):  # type: ignore[no-untyped-call]
    llms_txt_warn = c.Type(int, default=50_000)
    llms_txt_error = c.Type(int, default=100_000)
    twin_warn = c.Type(int, default=100_000)
    full_max_chars = c.Optional(c.Type(int))
    policy = c.Choice(("warn", "fail", "split"), default="warn")


class LlmsdocsConfig(base.Config):  # type: ignore[no-untyped-call]
    """Plugin options: the same names as ``[tool.llmsdocs]`` (see llmsdocs/config.py)."""

    site_name = c.Optional(c.Type(str))
    summary = c.Optional(c.Type(str))
    details = c.Optional(c.Type(str))
    sections = c.Optional(c.Type(dict))
    optional = c.ListOfItems(c.Type(str), default=[])
    exclude = c.ListOfItems(c.Type(str), default=[])
    full = c.Type(bool, default=True)
    aliases = c.Type(bool, default=False)
    head_link = c.Type(bool, default=True)
    copy_button = c.Type(bool, default=False)
    openapi = c.Optional(c.Type(str))
    curl_mode = c.Choice(("append", "replace"), default="append")
    curl_overrides = c.Type(dict, default={})
    """Step text or UI label -> operationId (or ``none``): the author's pins, as in [tool.llmsdocs]."""
    jobs = c.Type(int, default=0)
    force = c.Type(bool, default=False)
    budgets = c.SubConfig(_Budgets)
    lint = c.Type(bool, default=False)
    """Run the pre-publish lint after the build; findings become MkDocs warnings."""


class LlmsdocsPlugin(BasePlugin[LlmsdocsConfig]):  # type: ignore[no-untyped-call]
    """Markdown twins, llms.txt and llms-full.txt for a MkDocs site."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self._options: Any = None
        self._nav: Navigation | None = None
        self._sources: dict[str, str] = {}
        self._rendered: set[str] = set()
        self._early: Any = None

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        from llmsdocs.pipeline import EarlyConversions

        self._early = EarlyConversions(self._options)

    def on_build_error(self, *, error: Exception) -> None:
        if self._early is not None:
            self._early.close()
            self._early = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        from llmsdocs.config import options_from_mapping

        if not config.site_url:
            raise PluginError("llmsdocs: site_url is required in mkdocs.yml (llms.txt links are absolute)")
        raw = {k: v for k, v in self.config.items() if v is not None}
        raw["budgets"] = {k: v for k, v in dict(self.config.budgets).items() if v is not None}
        if raw.get("openapi") and config.config_file_path:
            project = os.path.dirname(os.path.abspath(config.config_file_path))
            raw["openapi"] = os.path.join(project, raw["openapi"])
        raw["site_url"] = config.site_url
        try:
            self._options = options_from_mapping(raw, "mkdocs.yml plugins.llmsdocs")
        except LlmsdocsError as exc:
            raise PluginError(f"llmsdocs: {exc}") from None
        self._sources = {}
        self._rendered = set()
        return config

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Any) -> Navigation | None:
        self._nav = nav
        return nav

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        from llmsdocs.discover import make_page
        from llmsdocs.inject import inject

        options = self._options
        path = page.file.dest_uri
        self._rendered.add(path)
        if page.file.abs_src_path and config.config_file_path:
            project = os.path.dirname(os.path.abspath(config.config_file_path))
            self._sources[path] = os.path.relpath(page.file.abs_src_path, project).replace(os.sep, "/")
        if not path.endswith((".html", ".htm")):
            return output
        if not (options.head_link or options.copy_button):
            if self._early is not None:
                self._early.submit(path, output)
            return output
        target = make_page(options.site_url, path)
        edited = inject(
            output,
            page_path=path,
            twin_url=target.twin_url,
            twin_path=target.twin,
            head_link=options.head_link,
            copy_button=options.copy_button,
        )
        final = output if edited is None else edited
        if self._early is not None:
            self._early.submit(path, final)
        return final

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        from pathlib import Path

        from llmsdocs.pipeline import Hooks, build

        hooks = Hooks(warning=log.warning, error=log.warning, progress=log.info)
        try:
            report = build(
                Path(config.site_dir),
                self._options,
                nav=_nav_nodes(self._nav) if self._nav is not None else None,
                sources=self._sources,
                site_name=config.site_name,
                summary=config.site_description,
                edit_html=False,
                hooks=hooks,
                early=self._early,
                rendered=self._rendered,
            )
        except LlmsdocsError as exc:
            raise PluginError(f"llmsdocs: {exc}") from None
        finally:
            if self._early is not None:
                self._early.close()
                self._early = None
        for line in report.summary():
            log.info(line)
        if self.config.lint:
            self._lint(config)
        if report.errors:  # budget errors (page failures are warnings: --strict counts them)
            raise PluginError(f"llmsdocs: {report.errors[0]}")


    def _lint(self, config: MkDocsConfig) -> None:
        """The lint on the built site, with this build's options (``lint: true``)."""
        from llmsdocs.lint import lint_site

        project = os.path.dirname(os.path.abspath(config.config_file_path or "mkdocs.yml"))
        try:
            findings = lint_site(config.site_dir, self._options, project_dir=project)
        except LlmsdocsError as exc:
            raise PluginError(f"llmsdocs: {exc}") from None
        for finding in findings:
            where = finding.source_path or finding.path
            line = finding.source_line if finding.source_path else finding.line
            location = f"{where}:{line}" if line else where
            log.warning(f"llmsdocs lint: {location}: {finding.message} [{finding.rule}, {finding.severity}]")


def _nav_nodes(nav: Navigation) -> list[Any]:
    """MkDocs' navigation as :class:`llmsdocs.discover.NavNode` trees (links are skipped)."""
    from llmsdocs.discover import NavNode

    def convert(item: Any) -> NavNode | None:
        if isinstance(item, Section):
            children = tuple(n for n in (convert(child) for child in item.children) if n is not None)
            return NavNode(item.title, None, children) if children else None
        if isinstance(item, Page):
            return NavNode(item.title, item.file.dest_uri)
        return None

    return [n for n in (convert(item) for item in nav.items) if n is not None]
