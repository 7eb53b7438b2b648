import os
import sys

sys.path.insert(0, os.path.abspath("."))
project = "Beacon"
html_title = "Beacon"
extensions = ["sphinx.ext.autodoc", "sphinx.ext.viewcode"]
html_theme = "alabaster"
exclude_patterns = ["_build"]
