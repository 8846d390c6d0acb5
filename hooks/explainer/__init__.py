"""Data-driven explainer engine: load and validate YAML data, render pages, build figures.

Nothing here imports MkDocs; `hooks/mkdocs_explainer.py` connects it to MkDocs events.
"""

# The engine's version: CHANGELOG.md has a heading for each release, and `make update-engine`
# prints the entries between an explainer's version and this one.
__version__ = "1.0.0"
