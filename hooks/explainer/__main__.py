"""Command line of the engine, without MkDocs.

python -m explainer check [PROJECT]    validate PROJECT/data exactly as the build does
python -m explainer schema [PROJECT]   write the JSON Schemas to PROJECT/data/schema
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import DataError
from .load import load_site_data
from .schema import write_schemas


def main(arguments: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m explainer", description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=("check", "schema"))
    parser.add_argument("project", nargs="?", default=".", type=Path, help="default: .")
    options = parser.parse_args(arguments)
    try:
        data = load_site_data(options.project / "data")
    except DataError as error:
        sys.stderr.write(f"{error}\n")
        return 1
    if options.command == "schema":
        write_schemas(data, options.project / "data" / "schema")
        return 0
    # As `mkdocs build --strict`: a warning stops the build, so it fails the check too.
    sys.stderr.writelines(f"WARNING -  {warning}\n" for warning in data.warnings)
    return 1 if data.warnings else 0


if __name__ == "__main__":
    sys.exit(main())
