"""Build the golden sites with the REAL generators and write the fixtures next to this file.

Run by hand through ``build.sh`` (which installs the toolchains under /tmp); CI never rebuilds.
For each generator/theme it writes the sources of ``content.py`` into a build tree under
$GEN_ROOT (default /tmp/gen), runs the generator, and copies into
``tests/generators/<generator>-<theme>/``:

- ``<page>.html``           the built page exactly as the generator wrote it (chrome included)
- ``<page>.expected.json``  ground truth from the SOURCE model, each item checked to be present
                            in the built HTML (an item the HTML lacks is dropped and reported)
- ``site.json``             generator, version, base_url, page -> public URL

Usage: build.py [SITE ...]   (default: every site)
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from urllib.parse import urljoin

import lxml.html

sys.path.insert(0, str(Path(__file__).parent))
import content as C  # noqa: E402

HERE = Path(__file__).parent
ROOT = Path(os.environ.get("GEN_ROOT", "/tmp/gen"))
VENV = ROOT / "venv" / "bin"
BASE = "https://lumen.example.com/"
SITE_NAME = "Lumen Docs"
REPO = "https://github.com/example/lumen"
COPYRIGHT = "Copyright 2026 Example Corp"

# Chrome strings looked for in each built page; kept only where the page shows them OUTSIDE the
# content and the source content never says them (a check that cannot fail is no check).
CHROME_CANDIDATES = [
    SITE_NAME,
    "Release notes",
    "Example Corp",
    "Welcome to Lumen",
    "Edit this page",
    "Edit on GitHub",
    "Edit page",
    "Made with",
    "Powered by",
    "Built with MkDocs",
    "Quick search",
    "On this page",
    "Table of contents",
    "Back to top",
    "Copy to clipboard",
    "Skip to content",
    "Skip to main content",
    "Search",
    "Show Source",
    "Page source",
    "View page source",
    "Toggle navigation",
    "Previous",
    "Last updated",
    "Copyright",
    "Navigation",
    "Contents",
    "Theme by",
    "Subscribe",
    "Main navigation",
    "Appearance",
    "Return to top",
    "Menu",
    "\u00b6",
    "\u200b",
]


def run(cmd: list[str] | str, cwd: Path, env: dict[str, str] | None = None) -> None:
    print("+", cmd if isinstance(cmd, str) else " ".join(cmd), f"(in {cwd})", flush=True)
    full_env = {**os.environ, **(env or {})}
    subprocess.run(cmd, cwd=cwd, check=True, shell=isinstance(cmd, str), env=full_env)


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def png(path: Path) -> None:
    """A real PNG the pages show, large enough (~15 KB) that Vite and webpack do not inline it as
    a data: URL (which a converter must drop)."""
    import random
    import struct
    import zlib

    w, h = 80, 60
    rnd = random.Random(7)
    raw = b"".join(b"\x00" + bytes(rnd.randrange(256) for _ in range(3 * w)) for _ in range(h))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    data = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def version_of(cmd: list[str], cwd: Path = ROOT) -> str:
    out = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=True).stdout
    return out.strip().splitlines()[0] if out.strip() else ""


def pip_version(name: str) -> str:
    out = subprocess.run([str(VENV / "pip"), "show", name], capture_output=True, text=True).stdout
    m = re.search(r"^Version: (.+)$", out, re.M)
    return m.group(1) if m else "?"


def npm_version(project: Path, name: str) -> str:
    pkg = project / "node_modules" / name / "package.json"
    return json.loads(pkg.read_text())["version"]


HOME_MD = "# Welcome to Lumen\n\nLumen caches HTTP responses.\n"


# ---------------------------------------------------------------------------------------------
# MkDocs (themes mkdocs, readthedocs) and Material


def build_mkdocs(theme: str) -> tuple[Path, dict[str, str]]:
    material = theme == "material"
    fl = C.FLAVORS["material" if material else "mkdocs"]
    src = ROOT / f"src-mkdocs-{theme}"
    shutil.rmtree(src, ignore_errors=True)
    docs = src / "docs"
    write(docs / "index.md", HOME_MD)
    for page in C.PAGES:
        write(docs / f"{page.name}.md", C.render(page, fl))
    png(docs / "img" / "flow.png")
    nav = (
        "nav:\n  - Home: index.md\n  - Getting started: guide.md\n"
        "  - Configuration reference: reference.md\n  - Client API: api.md\n"
        "  - Release notes: release-notes.md\n"
    )
    common = (
        f"site_name: {SITE_NAME}\nsite_url: {BASE}\nrepo_url: {REPO}\n"
        f"edit_uri: edit/main/docs/\ncopyright: {COPYRIGHT}\n" + nav
    )
    if material:
        cfg = common + textwrap.dedent("""\
            theme:
              name: material
              features:
                - content.code.copy
                - content.code.annotate
                - content.action.edit
                - content.tabs.link
                - navigation.footer
                - navigation.sections
            markdown_extensions:
              - toc:
                  permalink: true
              - admonition
              - attr_list
              - def_list
              - footnotes
              - md_in_html
              - tables
              - pymdownx.details
              - pymdownx.keys
              - pymdownx.tilde
              - pymdownx.inlinehilite
              - pymdownx.arithmatex:
                  generic: true
              - pymdownx.highlight:
                  anchor_linenums: true
                  pygments_lang_class: true
              - pymdownx.superfences:
                  custom_fences:
                    - name: mermaid
                      class: mermaid
                      format: !!python/name:pymdownx.superfences.fence_code_format
              - pymdownx.tabbed:
                  alternate_style: true
            """)
    else:
        cfg = (
            common
            + f"theme:\n  name: {theme}\n"
            + textwrap.dedent("""\
            markdown_extensions:
              - toc:
                  permalink: true
              - admonition
              - attr_list
              - def_list
              - footnotes
              - md_in_html
              - tables
              - fenced_code
            """)
        )
    write(src / "mkdocs.yml", cfg)
    run([str(VENV / "mkdocs"), "build", "-q", "-d", "site"], cwd=src)
    gen_version = "mkdocs " + pip_version("mkdocs")
    if theme == "shadcn":
        gen_version += ", mkdocs-shadcn " + pip_version("mkdocs-shadcn")
    if material:
        gen_version += ", mkdocs-material " + pip_version("mkdocs-material")
        gen_version += ", pymdown-extensions " + pip_version("pymdown-extensions")
    return src / "site", {
        "generator": gen_version,
        "flavor": fl.name,
        "layout": "directory",
        "theme": theme,
    }


# ---------------------------------------------------------------------------------------------
# Sphinx + MyST-Parser


SPHINX_THEME_OPTS = {
    "alabaster": "html_theme_options = {'github_user': 'example', 'github_repo': 'lumen'}\n",
    "furo": (
        "html_theme_options = {'source_repository': 'https://github.com/example/lumen/',"
        " 'source_branch': 'main', 'source_directory': 'docs/'}\n"
    ),
    "sphinx_rtd_theme": "",
    "pydata_sphinx_theme": (
        "html_theme_options = {'use_edit_page_button': True,"
        " 'github_url': 'https://github.com/example/lumen'}\n"
    ),
    "sphinx_immaterial": (
        "html_theme_options = {'repo_url': 'https://github.com/example/lumen', 'edit_uri': "
        "'blob/main/docs', 'features': ['content.code.copy', 'navigation.footer', "
        "'toc.follow'], 'font': False}\n"
        "extensions.append('sphinx_immaterial')\n"
    ),
    "sphinx_book_theme": (
        "html_theme_options = {'repository_url': 'https://github.com/example/lumen',"
        " 'use_edit_page_button': True, 'use_repository_button': True,"
        " 'path_to_docs': 'docs'}\n"
    ),
}


def build_sphinx(theme: str) -> tuple[Path, dict[str, str]]:
    fl = C.FLAVORS["myst"]
    src = ROOT / f"src-sphinx-{theme}"
    shutil.rmtree(src, ignore_errors=True)
    write(
        src / "index.md",
        HOME_MD + "\n```{toctree}\n:maxdepth: 2\n\nguide\nreference\napi\nrelease-notes\n```\n",
    )
    for page in C.PAGES:
        write(src / f"{page.name}.md", C.render(page, fl))
    png(src / "img" / "flow.png")
    conf = (
        textwrap.dedent(f"""\
        project = "Lumen"
        copyright = "2026, Example Corp"
        author = "Example Corp"
        html_title = "{SITE_NAME}"
        html_baseurl = "{BASE}"
        extensions = ["myst_parser", "sphinx_design", "sphinxcontrib.mermaid"]
        myst_enable_extensions = ["colon_fence", "deflist", "dollarmath", "strikethrough"]
        suppress_warnings = ["myst.strikethrough"]
        myst_heading_anchors = 4
        html_theme = "{theme}"
        html_context = {{"display_github": True, "github_user": "example", "github_repo": "lumen",
                        "github_version": "main", "conf_py_path": "/docs/", "doc_path": "docs"}}
        """)
        + SPHINX_THEME_OPTS[theme]
    )
    write(src / "conf.py", conf)
    run([str(VENV / "sphinx-build"), "-q", "-b", "html", ".", "_build/html"], cwd=src)
    ver = f"sphinx {pip_version('sphinx')}, myst-parser {pip_version('myst-parser')}, "
    ver += f"sphinx-design {pip_version('sphinx-design')}, "
    tpkg = {
        "alabaster": "alabaster",
        "furo": "furo",
        "sphinx_rtd_theme": "sphinx-rtd-theme",
        "pydata_sphinx_theme": "pydata-sphinx-theme",
        "sphinx_book_theme": "sphinx-book-theme",
        "sphinx_immaterial": "sphinx-immaterial",
    }
    ver += f"{tpkg[theme]} {pip_version(tpkg[theme])}"
    return src / "_build" / "html", {
        "generator": ver,
        "flavor": fl.name,
        "layout": "html",
        "theme": theme,
    }


# ---------------------------------------------------------------------------------------------
# Docusaurus (classic preset)


DOCUSAURUS_CONFIG = """\
import {themes as prismThemes} from 'prism-react-renderer';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';

const config = {
  title: '%(site)s',
  tagline: 'An HTTP caching proxy',
  url: '%(url)s',
  baseUrl: '/',
  onBrokenLinks: 'throw',
  i18n: {defaultLocale: 'en', locales: ['en']},
  markdown: {mermaid: true},
  themes: ['@docusaurus/theme-mermaid'],
  presets: [
    ['classic', {
      docs: {
        sidebarPath: './sidebars.js',
        editUrl: '%(repo)s/tree/main/website/',
        remarkPlugins: [remarkMath],
        rehypePlugins: [rehypeKatex],
      },
      blog: false,
      theme: {customCss: './src/css/custom.css'},
    }],
  ],
  themeConfig: {
    navbar: {
      title: '%(site)s',
      items: [
        {type: 'docSidebar', sidebarId: 'docs', position: 'left', label: 'Docs'},
        {href: '%(repo)s', label: 'GitHub', position: 'right'},
      ],
    },
    footer: {
      style: 'dark',
      links: [{title: 'Community', items: [{label: 'Discussions', href: '%(repo)s/discussions'}]}],
      copyright: '%(copyright)s',
    },
    prism: {theme: prismThemes.github, darkTheme: prismThemes.dracula},
  },
};

export default config;
"""


def build_docusaurus() -> tuple[Path, dict[str, str]]:
    fl = C.FLAVORS["docusaurus"]
    proj = ROOT / "docusaurus"
    docs = proj / "docs"
    shutil.rmtree(docs, ignore_errors=True)
    shutil.rmtree(proj / "blog", ignore_errors=True)
    shutil.rmtree(proj / "src" / "pages", ignore_errors=True)
    write(proj / "src" / "pages" / "index.md", HOME_MD)
    order = {"guide": 1, "reference": 2, "api": 3, "release-notes": 4}
    for page in C.PAGES:
        body = C.render(page, fl)
        imports = (
            "import Tabs from '@theme/Tabs';\nimport TabItem from '@theme/TabItem';\n\n"
            if "<Tabs>" in body
            else ""
        )
        front = f"---\nsidebar_position: {order[page.name]}\n---\n\n"
        write(docs / f"{page.name}.mdx", front + imports + body)
    png(docs / "img" / "flow.png")
    write(proj / "sidebars.js", "export default {docs: [{type: 'autogenerated', dirName: '.'}]};\n")
    write(
        proj / "docusaurus.config.js",
        DOCUSAURUS_CONFIG
        % {"site": SITE_NAME, "url": BASE.rstrip("/"), "repo": REPO, "copyright": COPYRIGHT},
    )
    shutil.rmtree(proj / "build", ignore_errors=True)
    run("npx docusaurus build", cwd=proj)
    ver = (
        f"@docusaurus/core {npm_version(proj, '@docusaurus/core')} (preset-classic), "
        f"@docusaurus/theme-mermaid {npm_version(proj, '@docusaurus/theme-mermaid')}, "
        f"remark-math {npm_version(proj, 'remark-math')}, "
        f"rehype-katex {npm_version(proj, 'rehype-katex')}"
    )
    return proj / "build", {
        "generator": ver,
        "flavor": fl.name,
        "layout": "docusaurus",
        "theme": "classic",
    }


# ---------------------------------------------------------------------------------------------
# VitePress (default theme)


VITEPRESS_CONFIG = """\
import footnote from 'markdown-it-footnote'

export default {
  title: '%(site)s',
  description: 'An HTTP caching proxy',
  markdown: { config: (md) => { md.use(footnote) } },
  themeConfig: {
    nav: [{ text: 'Guide', link: '/guide' }, { text: 'Reference', link: '/reference' }],
    sidebar: [
      { text: 'Docs', items: [
        { text: 'Getting started', link: '/guide' },
        { text: 'Configuration reference', link: '/reference' },
        { text: 'Client API', link: '/api' },
        { text: 'Release notes', link: '/release-notes' },
      ] },
    ],
    editLink: { pattern: '%(repo)s/edit/main/docs/:path', text: 'Edit this page on GitHub' },
    socialLinks: [{ icon: 'github', link: '%(repo)s' }],
    footer: { message: 'Released under the MIT License.', copyright: '%(copyright)s' },
    search: { provider: 'local' },
  },
}
"""


def build_vitepress() -> tuple[Path, dict[str, str]]:
    fl = C.FLAVORS["vitepress"]
    proj = ROOT / "vitepress"
    docs = proj / "docs"
    shutil.rmtree(docs, ignore_errors=True)
    write(docs / "index.md", HOME_MD)
    for page in C.PAGES:
        write(docs / f"{page.name}.md", C.render(page, fl))
    png(docs / "img" / "flow.png")
    write(
        docs / ".vitepress" / "config.mjs",
        VITEPRESS_CONFIG % {"site": SITE_NAME, "repo": REPO, "copyright": COPYRIGHT},
    )
    run("npx vitepress build docs", cwd=proj)
    ver = (
        f"vitepress {npm_version(proj, 'vitepress')}, "
        f"markdown-it-footnote {npm_version(proj, 'markdown-it-footnote')}"
    )
    return docs / ".vitepress" / "dist", {
        "generator": ver,
        "flavor": fl.name,
        "layout": "html",
        "theme": "default",
    }


# ---------------------------------------------------------------------------------------------
# Astro Starlight (npm): a docs generator the converter has no profile for (generic path)


STARLIGHT_CONFIG = """\
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
  site: '%(url)s',
  integrations: [
    starlight({
      title: '%(site)s',
      description: 'An HTTP caching proxy',
      social: [{ icon: 'github', label: 'GitHub', href: '%(repo)s' }],
      editLink: { baseUrl: '%(repo)s/edit/main/' },
      credits: true,
      sidebar: [{ label: 'Docs', items: ['guide', 'reference', 'api', 'release-notes'] }],
    }),
  ],
});
"""

STARLIGHT_CONTENT_CONFIG = """\
import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
"""


def build_starlight() -> tuple[Path, dict[str, str]]:
    fl = C.FLAVORS["starlight"]
    proj = ROOT / "starlight"
    docs = proj / "src" / "content" / "docs"
    shutil.rmtree(docs, ignore_errors=True)
    write(docs / "index.mdx", "---\ntitle: Welcome to Lumen\n---\n\nLumen caches HTTP responses.\n")
    for page in C.PAGES:
        body = C.render(page, fl)
        body = body.split("\n", 2)[2] if body.startswith("# ") else body  # title from front matter
        imports = (
            "import { Tabs, TabItem } from '@astrojs/starlight/components';\n\n"
            if "<Tabs>" in body
            else ""
        )
        write(docs / f"{page.name}.mdx", f"---\ntitle: {page.title}\n---\n\n" + imports + body)
    png(proj / "public" / "img" / "flow.png")
    write(
        proj / "astro.config.mjs",
        STARLIGHT_CONFIG % {"site": SITE_NAME, "url": BASE.rstrip("/"), "repo": REPO},
    )
    write(proj / "src" / "content.config.ts", STARLIGHT_CONTENT_CONFIG)
    shutil.rmtree(proj / "dist", ignore_errors=True)
    run("npx astro build", cwd=proj)
    ver = (
        f"@astrojs/starlight {npm_version(proj, '@astrojs/starlight')}, "
        f"astro {npm_version(proj, 'astro')}"
    )
    return proj / "dist", {
        "generator": ver,
        "flavor": fl.name,
        "layout": "directory",
        "theme": "default",
    }


# ---------------------------------------------------------------------------------------------
# Hugo (Debian package; a minimal layout of our own, see README.md)


HUGO_BASEOF = """\
<!DOCTYPE html>
<html lang="{{ .Site.LanguageCode | default "en" }}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  {{ hugo.Generator }}
  <title>{{ if .IsHome }}{{ .Site.Title }}{{ else }}{{ .Title }} | {{ .Site.Title }}{{ end }}</title>
  <meta name="description" content="{{ with .Description }}{{ . }}{{ else }}{{ .Summary | plainify | truncate 150 }}{{ end }}">
  <link rel="stylesheet" href="{{ "css/site.css" | relURL }}">
</head>
<body>
  <a class="skip-link" href="#content">Skip to content</a>
  <header class="site-header">
    <a class="brand" href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a>
    <nav class="menu" aria-label="Main navigation">
      <ul>
      {{ range .Site.Menus.main }}<li><a href="{{ .URL }}">{{ .Name }}</a></li>
      {{ end }}</ul>
    </nav>
    <form class="search" action="{{ "search/" | relURL }}"><input type="search" name="q" placeholder="Search the docs"></form>
  </header>
  <div class="container">
    <aside class="sidebar">
      <ul>
      {{ range .Site.RegularPages.ByWeight }}<li{{ if eq . $ }} class="active"{{ end }}><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>
      {{ end }}</ul>
    </aside>
    <main id="content">
      {{ block "main" . }}{{ end }}
    </main>
    {{ if .TableOfContents }}<aside class="toc"><p class="toc-title">On this page</p>{{ .TableOfContents }}</aside>{{ end }}
  </div>
  <footer class="site-footer">
    {{ with .File }}<a class="edit" href="{{ $.Site.Params.editURL }}{{ .Path }}">Edit this page</a>{{ end }}
    <p>{{ .Site.Copyright }} &middot; Built with Hugo</p>
  </footer>
</body>
</html>
"""

HUGO_SINGLE = """\
{{ define "main" }}
<article class="content">
  {{ .Content }}
  {{ with .Lastmod }}<p class="last-updated">Last updated {{ .Format "January 2, 2006" }}</p>{{ end }}
</article>
<nav class="pager">
  {{ with .PrevInSection }}<a class="prev" href="{{ .RelPermalink }}">Previous: {{ .Title }}</a>{{ end }}
  {{ with .NextInSection }}<a class="next" href="{{ .RelPermalink }}">Next: {{ .Title }}</a>{{ end }}
</nav>
{{ end }}
"""

# Docsy's `alert` shortcode, the common Hugo docs callout, in its own markup.
HUGO_ALERT = """\
{{ $color := .Get "color" | default "primary" }}
<div class="alert alert-{{ $color }}" role="alert">
{{ with .Get "title" }}<h4 class="alert-heading">{{ . | safeHTML }}</h4>{{ end }}
{{ .Inner | markdownify }}
</div>
"""


def build_hugo() -> tuple[Path, dict[str, str]]:
    fl = C.FLAVORS["hugo"]
    src = ROOT / "src-hugo"
    shutil.rmtree(src, ignore_errors=True)
    weights = {"guide": 1, "reference": 2, "api": 3, "release-notes": 4}
    write(
        src / "content" / "_index.md",
        "---\ntitle: Welcome to Lumen\n---\n\nLumen caches HTTP responses.\n",
    )
    for page in C.PAGES:
        body = C.render(page, fl)
        # Hugo themes show the title from front matter; the page body starts after the H1.
        body = body.split("\n", 2)[2] if body.startswith("# ") else body
        front = (
            f"---\ntitle: {page.title}\nweight: {weights[page.name]}\n"
            f"date: 2026-01-15\nmenu: main\n---\n\n"
        )
        write(src / "content" / f"{page.name}.md", front + body)
    png(src / "static" / "img" / "flow.png")
    write(src / "static" / "css" / "site.css", "body{font-family:sans-serif}\n")
    write(src / "layouts" / "_default" / "baseof.html", HUGO_BASEOF)
    write(src / "layouts" / "_default" / "single.html", HUGO_SINGLE)
    write(src / "layouts" / "_default" / "list.html", HUGO_SINGLE)
    write(src / "layouts" / "index.html", HUGO_SINGLE)
    write(src / "layouts" / "shortcodes" / "alert.html", HUGO_ALERT)
    write(
        src / "config.toml",
        textwrap.dedent(f"""\
        baseURL = "{BASE}"
        languageCode = "en-us"
        title = "{SITE_NAME}"
        copyright = "{COPYRIGHT}"
        disableKinds = ["taxonomy", "term", "RSS", "sitemap"]
        [params]
        editURL = "{REPO}/edit/main/content/"
        [markup.goldmark.renderer]
        unsafe = true
        [markup.tableOfContents]
        startLevel = 2
        endLevel = 4
        """),
    )
    # Hugo's single layout prints the title as the page's H1 (as themes do).
    single = HUGO_SINGLE.replace(
        '<article class="content">', '<article class="content">\n  <h1>{{ .Title }}</h1>'
    )
    write(src / "layouts" / "_default" / "single.html", single)
    run(["hugo", "--quiet", "-d", "public"], cwd=src)
    return src / "public", {
        "generator": version_of(["hugo", "version"]).split(" BuildDate")[0],
        "flavor": fl.name,
        "layout": "directory",
        "theme": "minimal layout",
    }


# ---------------------------------------------------------------------------------------------
# Jekyll + minima (Debian packages)


def build_jekyll() -> tuple[Path, dict[str, str]]:
    fl = C.FLAVORS["jekyll"]
    src = ROOT / "src-jekyll"
    shutil.rmtree(src, ignore_errors=True)
    write(
        src / "index.md",
        "---\nlayout: home\ntitle: Welcome to Lumen\n---\n\nLumen caches HTTP responses.\n",
    )
    for page in C.PAGES:
        body = C.render(page, fl)
        body = body.split("\n", 2)[2] if body.startswith("# ") else body
        front = f"---\nlayout: page\ntitle: {page.title}\n---\n\n"
        write(src / f"{page.name}.md", front + body)
    png(src / "img" / "flow.png")
    write(
        src / "_config.yml",
        textwrap.dedent(f"""\
        title: {SITE_NAME}
        email: docs@example.com
        description: Documentation of Lumen by Example Corp.
        url: "{BASE.rstrip("/")}"
        baseurl: ""
        github_username: example
        theme: minima
        markdown: kramdown
        kramdown:
          input: GFM
          math_engine: mathjax
          syntax_highlighter: rouge
        header_pages:
          - guide.md
          - reference.md
          - api.md
          - release-notes.md
        plugins:
          - jekyll-feed
          - jekyll-seo-tag
        """),
    )
    run(["jekyll", "build", "--quiet", "-d", "_site"], cwd=src)
    ver = version_of(["jekyll", "--version"]) + ", minima 2.5.1 (Debian jekyll-theme-minima)"
    return src / "_site", {"generator": ver, "flavor": fl.name, "layout": "html", "theme": "minima"}


# ---------------------------------------------------------------------------------------------
# Pages of ../shared/eval/corpus: referenced (not copied), ground truth from the eval's gt.py

CORPUS_PAGES = {
    "corpus-httpx": ("mkdocs/httpx", ["environment_variables"]),
    "corpus-hatch": (
        "mkdocs/hatch",
        ["plugins__version-source__regex", "how-to__environment__dependency-resolution"],
    ),
    "corpus-click": ("sphinx/click", ["command-line-reference", "option-decorators"]),
}


def build_corpus(name: str) -> None:
    rel, pages = CORPUS_PAGES[name]
    shared = HERE.parent.parent.parent / "shared"
    eval_dir = shared / "eval"
    sys.path.insert(0, str(eval_dir))
    import gt as eval_gt  # the scorer's own ground truth, so tests and eval agree

    meta = json.loads((eval_dir / "corpus" / rel / "site.json").read_text())
    dest = HERE / name
    _clear_built(dest)
    gen_id = {"mkdocs-material": "material"}.get(meta["generator"], meta["generator"])
    site_json = {
        "generator": gen_id,
        "version": "see ../shared/eval/README.md",
        "theme": meta.get("theme", "material" if gen_id == "material" else ""),
        "base_url": meta["base_url"],
        "ground_truth": f"../shared/eval gt.py ({meta['ground_truth']})",
        "pages": {},
    }
    for page in pages:
        info = meta["pages"][page]
        html_rel = f"../shared/eval/corpus/{rel}/{page}.html"
        html = (eval_dir / "corpus" / rel / f"{page}.html").read_text(encoding="utf-8")
        if meta["ground_truth"] == "markdown":
            src = (eval_dir / "corpus" / rel / f"{page}.src.md").read_text(encoding="utf-8")
            g, chrome, dropped = eval_gt.gt_from_markdown(
                src, html, meta["main_selector"], info["url"], info["source"], meta["base_url"]
            )
        else:
            g, chrome, dropped = eval_gt.gt_from_dom(html, meta["main_selector"], info["url"])
        h1 = [t for lvl, t in g["headings"] if lvl == 1]
        # chrome lines worth asserting: long enough not to occur by chance in content text
        chrome = [c for c in chrome if len(c) >= 12 and c.lower() not in g["text"].lower()]
        expected = {
            "title": h1[0] if h1 else "",
            "headings": [{"level": lvl, "text": t} for lvl, t in g["headings"]],
            "code_blocks": [{"content": c["content"], "language": c["lang"]} for c in g["code"]],
            "tables": g["tables"],
            "links": [{"text": t, "href": h} for t, h in sorted(set(g["links"]))],
            "chrome": chrome,
            "build_notes": [f"eval gt dropped {k}: {v}" for k, v in dropped.items() if v],
        }
        write(
            dest / f"{page}.expected.json",
            json.dumps(expected, indent=1, ensure_ascii=False) + "\n",
        )
        site_json["pages"][page] = {"url": info["url"], "html": html_rel}
    write(dest / "site.json", json.dumps(site_json, indent=1) + "\n")


SITES = {
    "mkdocs-mkdocs": lambda: build_mkdocs("mkdocs"),
    "mkdocs-readthedocs": lambda: build_mkdocs("readthedocs"),
    "mkdocs-material": lambda: build_mkdocs("material"),
    "mkdocs-shadcn": lambda: build_mkdocs("shadcn"),
    "sphinx-alabaster": lambda: build_sphinx("alabaster"),
    "sphinx-furo": lambda: build_sphinx("furo"),
    "sphinx-rtd": lambda: build_sphinx("sphinx_rtd_theme"),
    "sphinx-pydata": lambda: build_sphinx("pydata_sphinx_theme"),
    "sphinx-book": lambda: build_sphinx("sphinx_book_theme"),
    "sphinx-immaterial": lambda: build_sphinx("sphinx_immaterial"),
    "docusaurus-classic": build_docusaurus,
    "vitepress-default": build_vitepress,
    "starlight-default": build_starlight,
    "hugo-minimal": build_hugo,
    "jekyll-minima": build_jekyll,
}


def page_location(out: Path, layout: str, name: str) -> tuple[Path, str]:
    """Where the generator wrote a page and its public URL."""
    if layout == "directory":
        return out / name / "index.html", f"{BASE}{name}/"
    if layout == "docusaurus":
        path = out / "docs" / name / "index.html"
        if not path.exists():
            path = out / "docs" / f"{name}.html"
        return path, f"{BASE}docs/{name}"
    return out / f"{name}.html", f"{BASE}{name}.html"


# ---------------------------------------------------------------------------------------------
# Checking the ground truth against the built HTML


def norm_href(href: str) -> str:
    href = re.sub(r"/index\.html(?=$|#)", "/", href)
    return href


def html_facts(html: bytes, url: str) -> tuple[str, set[str], str]:
    """Whole-body text, resolved link hrefs, text of the body outside <script>/<style>."""
    doc = lxml.html.fromstring(html)
    for bad in doc.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    body = doc.find("body")
    text = body.text_content() if body is not None else doc.text_content()
    hrefs = {norm_href(urljoin(url, a.get("href", ""))) for a in doc.xpath("//a[@href]")}
    return text, hrefs, " ".join(text.split())


def finish_ground_truth(
    gt: dict, html: bytes, url: str, urls: dict[str, str], site: str, page: str
) -> dict:
    text, hrefs, flat = html_facts(html, url)
    raw = html.decode("utf-8")
    problems: list[str] = []
    links = []
    for link in gt["links"]:
        if "url" in link:
            href = link["url"]
        else:
            target = urls[link["page"]] if link["page"] else url
            href = target + (f"#{link['anchor']}" if link.get("anchor") else "")
        href = norm_href(href)
        if href not in hrefs:
            problems.append(f"link {link['text']!r} -> {href} not in the HTML")
            continue
        links.append({"text": link["text"], "href": href})
    gt["links"] = links
    kept_code = []
    pre_texts = _pre_texts(html)
    for block in gt["code_blocks"]:
        lines = [ln.strip() for ln in block["content"].splitlines() if ln.strip()]
        want = _norm_code(block["content"])
        # the same lines, re-indented (not lines joined: code lines as <div>s carry no newline)
        loose = [t for t in pre_texts if t != want and _stripped_lines(t) == _stripped_lines(want)]
        if want not in pre_texts and loose:
            # as ../shared/eval does: the generator re-indented the block; the HTML's text is
            # what a converter can see, so it becomes the expected content
            problems.append(
                f"code {block['language']}: HTML differs from the source in whitespace "
                f"only; expected content taken from the HTML: {loose[0][:40]!r}"
            )
            kept_code.append({**block, "content": loose[0], "source_content": block["content"]})
        elif all(ln in text for ln in lines):
            kept_code.append(block)
        else:
            missing = [ln for ln in lines if ln not in text]
            problems.append(f"code {block['language']} lines not in the HTML: {missing[:2]}")
    gt["code_blocks"] = kept_code
    gt["math"] = [
        m for m in gt["math"] if m in raw or m in text or _note(problems, f"math {m!r} not in HTML")
    ]
    source_text = " ".join(
        [h["text"] for h in gt["headings"]]
        + gt["texts"]
        + [c["content"] for c in kept_code]
        + [c for t in gt["tables"] for r in t for c in r]
    ).lower()
    chrome = []
    for cand in CHROME_CANDIDATES:
        if cand.lower() in source_text or cand not in text:
            continue
        chrome.append(cand)
    gt["chrome"] = chrome
    for key in ("texts",):
        for t in gt[key]:
            if " ".join(t.split()) not in flat:
                problems.append(f"text not verbatim in HTML (kept, check): {t[:60]!r}")
    if problems:
        print(f"  {site}/{page}:")
        for p in problems:
            print("    -", p)
    gt["build_notes"] = problems
    return gt


def _norm_code(code: str) -> str:
    lines = [ln.rstrip() for ln in code.replace("\r\n", "\n").split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def _stripped_lines(s: str) -> list[str]:
    return [ln.strip() for ln in s.splitlines() if ln.strip()]


def _pre_texts(html: bytes) -> list[str]:
    doc = lxml.html.fromstring(html)
    for br in doc.xpath("//pre//br"):  # Docusaurus joins code lines with <br>
        br.tail = "\n" + (br.tail or "")
    return [_norm_code(pre.text_content()) for pre in doc.xpath("//pre")]


def _note(problems: list[str], msg: str) -> bool:
    problems.append(msg)
    return False


def _clear_built(dest: Path) -> None:
    """Remove what a build writes, never the reviewed goldens (``<page>.md``)."""
    dest.mkdir(parents=True, exist_ok=True)
    for f in dest.iterdir():
        if f.name == "site.json" or f.name.endswith((".html", ".expected.json")):
            f.unlink()


def main(argv: list[str]) -> int:
    names = argv or [*SITES, *CORPUS_PAGES]
    for name in names:
        if name in CORPUS_PAGES:
            print(f"== {name}", flush=True)
            build_corpus(name)
            continue
        print(f"== {name}", flush=True)
        out, meta = SITES[name]()
        dest = HERE / name
        _clear_built(dest)
        urls = {}
        paths = {}
        for page in C.PAGES:
            path, url = page_location(out, meta["layout"], page.name)
            urls[page.name] = url
            paths[page.name] = path
        gen_id: str | None = name.split("-")[0]
        if name == "mkdocs-material":
            gen_id = "material"
        if gen_id not in (
            "mkdocs",
            "material",
            "sphinx",
            "docusaurus",
            "vitepress",
            "hugo",
            "jekyll",
        ):
            gen_id = None  # INTERFACES.md: a generator without a profile is reported as None
        site_json = {
            "generator": gen_id,
            "version": meta["generator"],
            "theme": meta["theme"],
            "source_flavor": meta["flavor"],
            "base_url": BASE,
            "pages": {},
        }
        fl = C.FLAVORS[meta["flavor"]]
        for page in C.PAGES:
            if not page.commit:
                continue
            html = paths[page.name].read_bytes()
            (dest / f"{page.name}.html").write_bytes(html)
            site_json["pages"][page.name] = {
                "url": urls[page.name],
                "built_path": str(paths[page.name].relative_to(out)),
            }
            gt = finish_ground_truth(
                C.ground_truth(page, fl), html, urls[page.name], urls, name, page.name
            )
            write(
                dest / f"{page.name}.expected.json",
                json.dumps(gt, indent=1, ensure_ascii=False) + "\n",
            )
        write(dest / "site.json", json.dumps(site_json, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
