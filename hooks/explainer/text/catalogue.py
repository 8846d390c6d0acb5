"""The interface words of one language: gettext message catalogues, compiled when a build
starts.

msgids are English (the language of the code), so English needs no catalogue; every other
language has `locale/<lang>/LC_MESSAGES/explainer.po`. A project's own `locale/` folder is
searched before the engine's (hooks/explainer/locale/): a newsroom's catalogue survives an update
of the engine. Catalogues are compiled in memory with Babel (no .mo file in git, no build step);
fuzzy entries are left out, as msgfmt does.
"""

from __future__ import annotations

import gettext
import io
import re
from functools import cache
from pathlib import Path

from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po

DOMAIN = "explainer"
SOURCE_LANGUAGE = "en"  # the language of the msgids
ENGINE_LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


def N_(msgid: str) -> str:  # noqa: N802 - gettext's name, which extraction looks for
    """Marks an interface word for the catalogue where it is defined; translated where used."""
    return msgid


class CatalogueError(Exception):
    """A message catalogue that is missing or cannot be read, worded for the editor."""


def catalogue_path(locale_dir: Path, language: str) -> Path:
    """Where the catalogue of `language` sits below a locale folder."""
    return locale_dir / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def find_catalogue(language: str, project_dir: Path | None = None) -> Path | None:
    """The .po file of `language`: the project's own first, then the engine's."""
    folders = [project_dir / "locale"] if project_dir else []
    for folder in [*folders, ENGINE_LOCALE_DIR]:
        path = catalogue_path(folder, language)
        if path.is_file():
            return path
    return None


class Catalogue(gettext.GNUTranslations):
    """A language's compiled catalogue, pickled as the call that made it: a worker process
    drawing for the build reads the same catalogue (gettext's plural rule cannot be pickled)."""

    def __init__(self, mo_file: io.BytesIO, made_by: tuple[str, Path | None]) -> None:
        super().__init__(mo_file)
        self.made_by = made_by  # translations()'s arguments

    def __reduce__(self) -> tuple[object, tuple[str, Path | None]]:
        return translations, self.made_by


@cache
def translations(language: str, project_dir: Path | None = None) -> gettext.NullTranslations:
    """The interface words of `language` ('de', 'en', 'fr'); English (the msgids) needs no
    catalogue. Raises CatalogueError for a missing or broken catalogue."""
    path = find_catalogue(language, project_dir)
    if path is None:
        if Locale.parse(language).language == SOURCE_LANGUAGE:
            return gettext.NullTranslations()
        searched = " or ".join(
            str(catalogue_path(folder, language))
            for folder in [*([project_dir / "locale"] if project_dir else []), ENGINE_LOCALE_DIR]
        )
        raise CatalogueError(
            f"No message catalogue for the language {language!r}: expected {searched}. "
            "Copy the engine's locale/de/LC_MESSAGES/explainer.po there and translate it."
        )
    return compiled(path, language, project_dir)


def compiled(path: Path, language: str, project_dir: Path | None = None) -> Catalogue:
    """A .po file as translations, compiled in memory; a mistake in it is one error naming
    file and line. `project_dir`: the project whose catalogue it is (see Catalogue)."""
    return Catalogue(io.BytesIO(_mo_bytes(path, language)), (language, project_dir))


@cache  # once per process: the engine's catalogue also serves a project without its own
def _mo_bytes(path: Path, language: str) -> bytes:
    try:
        with path.open("rb") as po_file:
            catalog = read_po(po_file, locale=language, domain=DOMAIN, abort_invalid=True)
    except PoFileError as error:
        reason = re.sub(r" on \d+$", "", str(error))  # Babel counts lines from 0
        raise CatalogueError(f"{path}:{error.lineno + 1}: {reason}") from None
    except (ValueError, UnicodeDecodeError) as error:
        raise CatalogueError(f"{path}: {error}") from None
    mo_file = io.BytesIO()
    write_mo(mo_file, catalog)  # fuzzy entries left out, as msgfmt does
    return mo_file.getvalue()
