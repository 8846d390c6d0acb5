"""What the build writes: pages rendered from Jinja templates (render.py) and the table of page
kinds (pages.py); downloads, open data, feed, share images, schemas; each page's metadata,
structured data and security policy; the patches of the theme. Imports charts/, data/, text/
and store/; site.py puts it together."""
