"""Read and check the data: YAML files into models, ids and cross-references, the rules for
text, the published state; `load.load_site_data` returns one `SiteData` or names every problem.
Imports text/ alone; no drawing, page or output."""
