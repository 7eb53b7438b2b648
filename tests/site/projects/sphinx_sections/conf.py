project = "Ferry"
html_theme = "alabaster"
# Like many real projects: a custom sidebar without the toctree, so the navigation is only in
# the root document's body (toctrees under section headings, no captions).
html_sidebars = {"**": ["searchbox.html"]}
