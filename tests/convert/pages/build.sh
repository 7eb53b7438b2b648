#!/usr/bin/env bash
# Rebuild the real generator pages of tests/convert/pages (CI never runs this; review the diff).
# Needs: apt asciidoctor pandoc; a venv with mkdocs-material 'mkdocstrings[python]' sphinx furo
# shibuya sphinxawesome-theme pydata-sphinx-theme, and llmsdocs installed (its own docstrings are
# what the API pages document).  Usage: tests/convert/pages/build.sh [VENV]
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
VENV=${1:-/tmp/apivenv}
WORK=$(mktemp -d)
cp -r "$HERE/src/." "$WORK/"
cd "$WORK"
asciidoctor -a source-highlighter=rouge guide.adoc -o "$HERE/asciidoctor-guide.html"
pandoc -s guide.md -o "$HERE/pandoc-guide.html"
(cd mkdocs && "$VENV/bin/mkdocs" build -q && cp site/index.html "$HERE/mkdocstrings-material-api.html")
for theme in furo shibuya sphinxawesome_theme pydata_sphinx_theme; do
  "$VENV/bin/sphinx-build" -q -b html -D html_theme=$theme sphinx "_build/$theme"
  cp "_build/$theme/index.html" "$HERE/sphinx-autodoc-$theme.html"
done
# Hugo (Debian's hugo 0.111) with the hugo-book theme at a 2023 commit (d86d5e7, the last that
# this Hugo reads), checked out outside the repo: HUGO_THEMES=/path/holding/hugo-book
if [ -n "${HUGO_THEMES:-}" ]; then
  (cd hugo && hugo --quiet --themesDir "$HUGO_THEMES" -d out && cp out/posts/index.html "$HERE/hugo-book-posts.html" && cp out/docs/install/index.html "$HERE/hugo-book-install.html")
fi
