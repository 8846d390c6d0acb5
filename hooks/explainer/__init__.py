"""Data-driven explainer engine: load and validate YAML data, render pages, build figures.

Nothing here imports MkDocs; `hooks/mkdocs_explainer.py` connects it to MkDocs events.
"""
