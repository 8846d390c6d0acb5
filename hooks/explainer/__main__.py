"""Command line of the engine, without MkDocs.

python -m explainer check [PROJECT]          validate PROJECT/data and its translations as built
python -m explainer schema [PROJECT]         write the JSON Schemas to PROJECT/data/schema
python -m explainer publish-snapshot [PROJECT]  after publishing: keep what readers saw
python -m explainer spell [PROJECT]          spell-check the data's prose and docs/ (German)
python -m explainer new FOLDER               start an explainer for another article in FOLDER
python -m explainer update-engine [PROJECT]  replace PROJECT's engine with this one; print the
                                             changelog entries between its version and this one
python -m explainer catalogue                bring the engine's message catalogues (locale/) up
                                             to the interface words its code and templates use
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .changelog import engine_version, update_report
from .newsite import ExplainerError, create_explainer, update_engine

NEXT_STEPS = """\
A new explainer is in {folder}: an invented example, marked as such, to replace with your article.
  cd {folder}
  git init && git add . && git commit -m "Start from the explainer starter"
  edit data/site.yaml first (title, the article), then sources, figures and claims in data/;
    the title is also site_name in mkdocs.yml
  make check    validate data/ (one line per problem, in under a second)
  make serve    preview on http://127.0.0.1:8000 (PORT=8001: another port)
Editors who read German: data/ANLEITUNG.md (Anleitung für die Redaktion).
"""


def main(arguments: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m explainer", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for name, purpose in (
        ("check", "validate PROJECT/data and its translations as built"),
        ("schema", "write the JSON Schemas to PROJECT/data/schema"),
        ("publish-snapshot", "after publishing: keep what readers saw in data/published.json"),
        ("spell", "spell-check the data's prose and docs/ (German)"),
        ("update-engine", "replace PROJECT's engine with this one; its site stays as it is"),
    ):
        command = commands.add_parser(name, help=purpose)
        command.add_argument("project", nargs="?", default=Path("."), type=Path, help="default: .")
    commands.add_parser("catalogue", help="bring the engine's .po files up to the words in use")
    new = commands.add_parser("new", help="start an explainer for another article in FOLDER")
    new.add_argument("folder", type=Path)
    options = parser.parse_args(arguments)
    try:
        if options.command == "new":
            create_explainer(options.folder)
            status = _check_data(options.folder, "schema")
            sys.stdout.write(NEXT_STEPS.format(folder=options.folder))
            return status
        if options.command == "update-engine":
            older = engine_version(options.project)
            update_engine(options.project)
            sys.stdout.write(update_report(older))
            return 0
        if options.command == "spell":
            return _spell(options.project)
        if options.command == "catalogue":
            return _update_catalogues()
    except ExplainerError as error:
        sys.stderr.write(f"{error}\n")
        return 1
    return _check_data(options.project, options.command)


def _spell(project: Path) -> int:
    from .data.spelling import misspellings  # the dictionary loads only for this command

    found = misspellings(project)
    sys.stderr.writelines(f"{word}\n" for word in found)
    return 1 if found else 0


def _update_catalogues() -> int:
    """Merge the msgids in use into every catalogue; new ones are left for the translator."""
    from .text.messages import update_catalogues

    engine_root = Path(__file__).resolve().parents[2]  # babel.cfg names hooks/ and overrides/
    for path in update_catalogues(engine_root):
        sys.stdout.write(f"updated {path}\n")
    return 0


def _check_data(project: Path, command: str) -> int:
    """Load PROJECT/data as the build does; then write its schemas or its published state."""
    # Imported here: `new` and `update-engine` copy files and must run even when the installed
    # packages are older than what a newer engine's loader needs.
    from .data.errors import DataError
    from .data.load import DOCS_DIR, load_editions
    from .data.published import write_snapshot
    from .outputs.pages import PAGE_KINDS
    from .outputs.schema import write_schemas

    try:
        # The original and every translation: a translation's gap fails the check, not a build.
        data, *_ = load_editions(
            project / "data", docs_dir=project / DOCS_DIR, page_kinds=PAGE_KINDS.values()
        )
    except DataError as error:
        sys.stderr.write(f"{error}\n")
        return 1
    if command == "schema":
        folder = project / "data" / "schema"
        try:
            write_schemas(data, folder)
        except OSError as error:
            sys.stderr.write(f"Cannot write the schemas to {folder}: {error.strerror}\n")
            return 1
        return 0
    if command == "publish-snapshot":
        try:
            path = write_snapshot(data, project / "data")
        except OSError as error:
            sys.stderr.write(f"Cannot write {error.filename}: {error.strerror}\n")
            return 1
        sys.stdout.write(f"Wrote {path}: commit it with the release.\n")
        return 0
    # As `mkdocs build --strict`: a warning stops the build, so it fails the check too.
    sys.stderr.writelines(f"WARNING -  {warning}\n" for warning in data.warnings)
    return 1 if data.warnings else 0


if __name__ == "__main__":
    sys.exit(main())
