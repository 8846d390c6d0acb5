"""All data of a site as open data: each data file as a CSV table (site.yaml, one nested record, as
JSON), described by a Frictionless Data Package (datapackage.json, version 2), unpacked below
downloads/daten/ and packed as downloads/daten.zip.

Columns, types and required fields come from the models' JSON Schemas, foreign keys and rich text
from the markers on the models' fields (models.py, read through modelfields.py), so a new field
reaches the package by itself: a field holding one nested record
becomes columns (`reference_label`), a list of records a table of its own (`claims-corrections`,
one row per correction, keyed by its claim). Rich text is given as the plain text a reader sees:
figures formatted, citations written out. Pure functions; the same data gives the same bytes.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from gettext import NullTranslations
from typing import Any, ClassVar

from markdown.extensions.toc import slugify
from pydantic import BaseModel

from ..data.datafiles import BY_RECORD_TYPE, DATA_FILES, DataFile
from ..data.modelfields import ModelField, fields_of, marked_values
from ..data.models import RICH, RICH_DESCRIPTION, License
from ..data.sitedata import SiteData
from ..text.formatting import Formatter
from .downloads import DOWNLOAD_FOLDER, csv_text, plain_number

PlainText = Callable[[str], str]  # rich data text -> what a reader sees, as plain text
JsonObject = dict[str, Any]

FOLDER = "daten"  # the package's folder, in the zip and below downloads/
ZIP_PATH = f"{DOWNLOAD_FOLDER}/{FOLDER}.zip"
DESCRIPTOR = "datapackage.json"
SITE_FILE = "site.json"  # site.yaml: one nested record
PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
# Not in the package: the operator's postal address and phone number are on the Impressum, where
# the law asks for them, not in a table licensed for reuse; the descriptor names the operator
# as publisher.
NOT_PUBLISHED = ("operator",)
PLAIN_TEXT = "plain text as the page shows it: figures formatted, citations written out"
TABLE_TYPES = ("string", "number", "integer", "boolean", "array", "object")  # as in JSON Schema
UNIX = 3  # zip "made by" system: the same bytes whichever system builds


@dataclass(frozen=True)
class OpenData:
    """The package's files: path below docs/ -> content (the unpacked files and the zip)."""

    files: dict[str, bytes]
    zip_path: ClassVar[str] = ZIP_PATH
    descriptor_path: ClassVar[str] = f"{DOWNLOAD_FOLDER}/{FOLDER}/{DESCRIPTOR}"

    @property
    def zip_size(self) -> int:
        return len(self.files[ZIP_PATH])


def open_data(
    data: SiteData, plain_text: PlainText, words: NullTranslations, formatter: Formatter
) -> OpenData:
    """Every data file as CSV or JSON, the descriptor, and all of it as one zip: the files of
    file_paths()."""
    tables = [table for entry in DATA_FILES for table in _tables(entry, data, plain_text)]
    site_json = _json_bytes(_plain(data.site, plain_text))
    contents = {SITE_FILE: site_json} | {table.file_name: table.content for table in tables}
    descriptor = _descriptor(data, tables, site_json, words, formatter)
    contents[DESCRIPTOR] = _json_bytes(descriptor)
    files = {_unpacked(name): content for name, content in contents.items()}
    zipped = {f"{FOLDER}/{name}": content for name, content in contents.items()}
    files[ZIP_PATH] = zip_bytes(zipped, data.site.updated)
    return OpenData(files)


def file_paths() -> list[str]:
    """Path below docs/ of every file of the package, known before it is built: the tables
    follow from the models alone."""
    tables = [f"{layout.name}.csv" for entry in DATA_FILES for layout in _table_layouts(entry)]
    return [*map(_unpacked, [SITE_FILE, *tables, DESCRIPTOR]), ZIP_PATH]


def _unpacked(name: str) -> str:
    return f"{DOWNLOAD_FOLDER}/{FOLDER}/{name}"


def package_title(data: SiteData, words: NullTranslations) -> str:
    """The package's name for readers (the download and the Dataset JSON-LD)."""
    return words.gettext("%(site)s: all data") % {"site": data.site.title}


def package_description(data: SiteData, words: NullTranslations, formatter: Formatter) -> str:
    """What the package holds, in the build's language, for its descriptor and the Dataset
    JSON-LD."""

    sources, figures, charts = data.sources or [], data.figures or [], data.charts or []
    questions, claims = data.questions or [], data.claims

    def counted(text: str, records: list[Any]) -> str:
        return text % {"count": formatter.number(len(records))}

    counts = ", ".join((
        counted(words.ngettext("%(count)s source", "%(count)s sources", len(sources)), sources),
        counted(words.ngettext("%(count)s figure", "%(count)s figures", len(figures)), figures),
        counted(words.ngettext("%(count)s chart", "%(count)s charts", len(charts)), charts),
        counted(words.ngettext("%(count)s question with its answer",
                               "%(count)s questions with their answers", len(questions)),
                questions),
    ))  # fmt: skip
    claims_text = words.ngettext("%(count)s checked claim", "%(count)s checked claims", len(claims))
    return words.gettext(
        "All data of “%(site)s”: %(claims)s of the article “%(article)s” with verdict, reasoning "
        "and corrections; %(counts)s. Tables as CSV, described by the Frictionless Data Package "
        "standard."
    ) % {
        "site": data.site.title,
        "claims": counted(claims_text, claims),
        "article": data.site.article.title,
        "counts": counts,
    }


def license_text(license: License) -> str:
    """The licence in one line: 'CC BY 4.0 (Creative Commons …)'."""
    return f"{license.name} ({license.title})"


def _descriptor(
    data: SiteData,
    tables: list[Table],
    site_json: bytes,
    words: NullTranslations,
    formatter: Formatter,
) -> JsonObject:
    """datapackage.json: the package and each file, its size and hash, and each table's fields."""
    site = data.site
    result: JsonObject = {
        "$schema": PROFILE,
        "name": slugify(site.title, "-") or FOLDER,
        "title": package_title(data, words),
        "description": package_description(data, words, formatter),
        "created": f"{site.updated.isoformat()}T00:00:00Z",
    }
    if site.license:
        result["licenses"] = [{"path": site.license.url, "title": license_text(site.license)}]
    if data.operator:
        publisher = {"title": data.operator.name, "roles": ["publisher"]}
        if data.operator.url:
            publisher["path"] = data.operator.url
        result["contributors"] = [publisher]
    site_resource = _resource(SITE_FILE, "json", "application/json", site_json)
    site_resource["description"] = " ".join((type(site).__doc__ or "").split())
    resources = [site_resource]
    for table in tables:
        resource = _resource(table.file_name, "csv", "text/csv", table.content)
        resource.update(type="table", description=table.description, schema=table.schema)
        resources.append(resource)
    result["resources"] = resources
    return result


def zip_bytes(files: dict[str, bytes], day: datetime.date) -> bytes:
    """A zip of `files` in name order, every entry dated `day`: the same bytes on every build."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=(day.year, day.month, day.day, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = UNIX
            info.external_attr = 0o644 << 16  # rw-r--r--
            archive.writestr(info, files[name])
    return buffer.getvalue()


# ---------------------------------------------------------------------------------------------
# Tables from the models' JSON Schemas
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One column: where its value sits in a record, the JSON Schema of that value and the
    model's field it comes from."""

    path: tuple[str, ...]  # ("reference", "label") for a field of a nested record
    schema: JsonObject  # the value's JSON Schema, without the null option
    required: bool
    model_field: ModelField | None  # None for the column naming the record a row belongs to

    @property
    def name(self) -> str:
        return "_".join(self.path)

    def field(self) -> JsonObject:
        """The Table Schema field."""
        schema = self.schema
        result: JsonObject = {"name": self.name, "type": _table_type(schema)}
        if description := _description(schema, self.model_field):
            result["description"] = description
        constraints = {"required": True} if self.required else {}
        if "enum" in schema:
            constraints["enum"] = schema["enum"]
        if constraints:
            result["constraints"] = constraints
        return result

    def cell(self, record: JsonObject) -> str | None:
        """The value of this column in a record (rich text already plain) as CSV text."""
        value: Any = record
        for key in self.path:
            value = value.get(key) if isinstance(value, dict) else None
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, list):
            return json.dumps(value, ensure_ascii=False)  # Table Schema's array: JSON text
        if isinstance(value, float):
            return str(plain_number(value))
        return None if value is None else str(value)


@dataclass(frozen=True)
class Table:
    """One CSV table: the records of a data file, or the nested records of one of its fields."""

    name: str  # resource name and file stem: 'claims', 'claims-corrections'
    description: str
    columns: list[Column]
    records: list[JsonObject]  # as dumped by the model, rich text as plain text
    primary_key: str | None  # 'id' for the records of a file
    foreign_keys: list[JsonObject]

    @property
    def file_name(self) -> str:
        return f"{self.name}.csv"

    @cached_property
    def content(self) -> bytes:
        rows = [{column.name: column.cell(record) for column in self.columns}
                for record in self.records]  # fmt: skip
        return csv_text(rows, [column.name for column in self.columns]).encode("utf-8")

    @property
    def schema(self) -> JsonObject:
        result: JsonObject = {"fields": [column.field() for column in self.columns]}
        if self.primary_key:
            result["primaryKey"] = [self.primary_key]
        if self.foreign_keys:
            result["foreignKeys"] = self.foreign_keys
        return result


@dataclass(frozen=True)
class _Layout:
    """A table as the models shape it, before any record is in it."""

    name: str  # resource name and file stem: 'claims', 'claims-corrections'
    schema: JsonObject
    columns: list[Column]
    list_field: str | None  # the field whose list of records it holds; None: the file's records


def _tables(entry: DataFile, data: SiteData, plain_text: PlainText) -> Iterator[Table]:
    """The tables of _table_layouts, with the data's records."""
    layouts = _table_layouts(entry)
    if not layouts:
        return
    records = [_plain(record, plain_text) for record in getattr(data, entry.attribute) or []]
    own, *nested = layouts
    yield _table(own.name, own.schema, own.columns, records, primary_key="id")
    for layout in nested:  # rows that name the record they belong to in their first column
        owner = layout.columns[0].name
        rows = [{owner: record["id"], **item} for record in records
                for item in record[layout.list_field]]  # fmt: skip
        link = {"fields": [owner], "reference": {"resource": entry.name, "fields": ["id"]}}
        yield _table(layout.name, layout.schema, layout.columns, rows, links=[link])


def _table_layouts(entry: DataFile) -> list[_Layout]:
    """The tables of a list or folder of records: its records, then one per field holding a
    list of records; none for a file of one record or a file not published."""
    if entry.shape == "single" or entry.name in NOT_PUBLISHED:
        return []
    schema = _json_schema(entry.model)
    columns, nested = _columns(schema, schema, entry.model)
    layouts = [_Layout(entry.name, schema, columns, None)]
    owner = Column((entry.record_type or entry.name,), {"type": "string"}, True, None)
    for name, item_schema in nested:
        item_model = fields_of(entry.model)[name].models[0]
        item_columns = [owner, *_flat_columns(item_schema, schema, item_model)]
        layouts.append(_Layout(f"{entry.name}-{name}", item_schema, item_columns, name))
    return layouts


@cache  # the package's paths are known before it is built: the same schemas, made once
def _json_schema(model: type[BaseModel]) -> JsonObject:
    return model.model_json_schema()


def _table(
    name: str,
    schema: JsonObject,
    columns: list[Column],
    records: list[JsonObject],
    primary_key: str | None = None,
    links: list[JsonObject] | None = None,
) -> Table:
    """A table whose columns that name a record of another file are foreign keys to it."""
    foreign_keys = [*(links or [])] + [
        {
            "fields": [column.name],
            "reference": {"resource": BY_RECORD_TYPE[target].name, "fields": ["id"]},
        }
        for column in columns
        if column.model_field and (target := column.model_field.refers_to())
    ]
    description = " ".join(schema.get("description", "").split())
    return Table(name, description, columns, records, primary_key, foreign_keys)


def _columns(
    schema: JsonObject,
    root: JsonObject,
    model: type[BaseModel],
    path: tuple[str, ...] = (),
    required: bool = True,
) -> tuple[list[Column], list[tuple[str, JsonObject]]]:
    """Columns of a record's fields; fields holding a list of records: (name, record schema)."""
    columns: list[Column] = []
    nested: list[tuple[str, JsonObject]] = []
    for name, value in schema["properties"].items():
        value = _resolve(value, root)
        is_required = required and name in schema.get("required", ())
        items = _resolve(value.get("items", {}), root)
        field = fields_of(model)[name]
        if "properties" in value:
            columns += _flat_columns(value, root, field.models[0], (*path, name), is_required)
        elif "properties" in items:
            nested.append((name, items))
        else:
            columns.append(Column((*path, name), value, is_required, field))
    return columns, nested


def _flat_columns(
    schema: JsonObject,
    root: JsonObject,
    model: type[BaseModel],
    path: tuple[str, ...] = (),
    required: bool = True,
) -> list[Column]:
    """Columns of a record within a record; a list of records there would need a table of a
    table, which no model has."""
    columns, nested = _columns(schema, root, model, path, required)
    assert not nested, f"{path}: no table for a list of records within a record"
    return columns


def _resolve(schema: JsonObject, root: JsonObject) -> JsonObject:
    """A value's schema: a $ref followed, the null option of an optional field left out."""
    options = [option for option in schema.get("anyOf", []) if option.get("type") != "null"]
    if len(options) == 1:
        schema = {**{k: v for k, v in schema.items() if k != "anyOf"}, **options[0]}
    if "$ref" in schema:
        return _resolve(root["$defs"][schema["$ref"].rsplit("/", 1)[-1]], root)
    return schema


def _plain(record: BaseModel, plain_text: PlainText) -> JsonObject:
    """The record dumped as JSON data, every rich text replaced by its plain text."""
    dumped = record.model_dump(mode="json")
    rich = [(where, text) for where, marker, text in marked_values(type(record), dumped)
            if marker is RICH]  # fmt: skip
    for where, text in rich:
        container: Any = dumped
        for part in where[:-1]:
            container = container[part]
        container[where[-1]] = plain_text(text)
    return dumped


def _table_type(schema: JsonObject) -> str:
    """JSON Schema's type; 'any' where a value may be one of several (a number or a date)."""
    if schema.get("format") == "date":
        return "date"
    return schema["type"] if schema.get("type") in TABLE_TYPES else "any"


def _description(schema: JsonObject, field: ModelField | None) -> str | None:
    text = schema.get("description")
    if field and RICH in field.markers():
        return PLAIN_TEXT if text in (None, RICH_DESCRIPTION) else f"{text} ({PLAIN_TEXT})"
    if field and (target := field.refers_to(inside=1)):
        ids = f"ids from {BY_RECORD_TYPE[target].name}.csv, as a JSON array"
        return f"{text} ({ids})" if text else ids
    return text


def _resource(path: str, file_format: str, mediatype: str, content: bytes) -> JsonObject:
    return {
        "name": path.rsplit(".", 1)[0],
        "path": path,
        "format": file_format,
        "mediatype": mediatype,
        "encoding": "utf-8",
        "bytes": len(content),
        "hash": f"sha256:{hashlib.sha256(content).hexdigest()}",
    }


def _json_bytes(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
