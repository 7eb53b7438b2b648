#!/usr/bin/env bash
# Rebuild the golden generator fixtures in tests/generators/ with the REAL generators.
# Run by hand (as root, with PyPI, npm and Debian apt reachable); CI never runs this.
#   tests/generators/build.sh [SITE ...]     e.g. build.sh sphinx-furo hugo-minimal
# Build trees and toolchains live under $GEN_ROOT (default /tmp/gen); only the built HTML of the
# content pages, site.json and the ground truth are written into the repository.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
export GEN_ROOT=${GEN_ROOT:-/tmp/gen}
mkdir -p "$GEN_ROOT"

# Python generators (pinned: the fixtures record these versions in site.json); bs4 and
# markdown-it (via myst-parser) also serve ../shared/eval/gt.py for the corpus-* ground truth
if [ ! -x "$GEN_ROOT/venv/bin/sphinx-build" ]; then
  python3 -m venv "$GEN_ROOT/venv"
  "$GEN_ROOT/venv/bin/pip" install -q lxml beautifulsoup4 mkdocs==1.6.1 mkdocs-material==9.8.2 \
    pymdown-extensions==13.1.2 sphinx==9.0.4 myst-parser==5.2.0 sphinx-design==0.8.0 \
    sphinxcontrib-mermaid==2.1.1 furo==2025.12.19 sphinx-rtd-theme==3.1.0 \
    pydata-sphinx-theme==0.20.0 sphinx-book-theme==1.4.0 sphinx-immaterial==0.13.9 \
    mkdocs-shadcn==0.12.2
fi

# Hugo and Jekyll + minima from Debian
if ! command -v hugo >/dev/null || ! command -v jekyll >/dev/null; then
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q hugo jekyll jekyll-theme-minima \
    ruby-jekyll-feed ruby-jekyll-seo-tag
fi

# Docusaurus (classic template) and VitePress from npm
if [ ! -d "$GEN_ROOT/docusaurus/node_modules/@docusaurus/core" ]; then
  (cd "$GEN_ROOT" && rm -rf docusaurus \
    && npx -y create-docusaurus@3.10.2 docusaurus classic --javascript --skip-install \
    && cd docusaurus && npm install --no-audit --no-fund \
    && npm install --no-audit --no-fund @docusaurus/theme-mermaid@3.10.2 remark-math@6 rehype-katex@7)
fi
if [ ! -d "$GEN_ROOT/vitepress/node_modules/vitepress" ]; then
  mkdir -p "$GEN_ROOT/vitepress"
  (cd "$GEN_ROOT/vitepress" && { [ -f package.json ] || npm init -y >/dev/null; } \
    && npm install --no-audit --no-fund -D vitepress@1.6.4 markdown-it-footnote@4)
fi

if [ ! -d "$GEN_ROOT/starlight/node_modules/@astrojs/starlight" ]; then
  mkdir -p "$GEN_ROOT/starlight"
  (cd "$GEN_ROOT/starlight" && { [ -f package.json ] || npm init -y >/dev/null; } \
    && npm install --no-audit --no-fund astro@5.18.2 @astrojs/starlight@0.34.7)
fi

"$GEN_ROOT/venv/bin/python" "$HERE/build.py" "$@"
