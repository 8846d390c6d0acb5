"""The message catalogues' upkeep: extract every interface word of the engine (babel.cfg says
where) as a template, and bring a language's .po file up to it (`python -m explainer catalogue`).
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

from .catalogue import DOMAIN, ENGINE_LOCALE_DIR, catalogue_path

MAPPING = "babel.cfg"  # in the folder above hooks/


def extracted(root: Path) -> Catalog:
    """Every msgid the engine's code and templates below `root` use, with where each is."""
    with (root / MAPPING).open(encoding="utf-8") as mapping:
        method_map, options_map = parse_mapping_cfg(mapping, str(root / MAPPING))
    template = Catalog(domain=DOMAIN, project="explainer", fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
        root, method_map, options_map, keywords=DEFAULT_KEYWORDS, comment_tags=("Translators:",)
    ):
        template.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return template


def update_catalogues(root: Path, locale_dir: Path = ENGINE_LOCALE_DIR) -> list[Path]:
    """Bring every language's .po file below `locale_dir` up to the msgids in use: new ones
    empty, changed ones fuzzy, gone ones kept as obsolete. Returns the files written."""
    template = extracted(root)
    written = []
    for language_dir in sorted(path for path in locale_dir.iterdir() if path.is_dir()):
        path = catalogue_path(locale_dir, language_dir.name)
        with path.open("rb") as po_file:
            catalog = read_po(po_file, locale=language_dir.name, domain=DOMAIN)
        catalog.update(template)
        with path.open("wb") as po_file:
            write_po(po_file, catalog, width=100, include_previous=True)
        written.append(path)
    return written
