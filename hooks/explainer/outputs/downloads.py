"""CSV and JSON downloads of every chart's data, written at build time as downloads/<id>.csv|json.

Numbers are machine-readable exactly as in the YAML (point as decimal separator, base units: US
dollars, not millions), dates ISO 8601 and the column names the same in every edition; an
edition's formatting is only for its pages.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..data.models import Chart, Source

DOWNLOAD_FOLDER = "downloads"

CSV_COLUMNS = (
    "chart", "row", "label", "group", "date", "value", "unit", "qualifier", "note",
    "source_id", "source_publisher", "source_title", "source_url", "source_read_via",
)  # fmt: skip


def download_paths(chart: Chart) -> dict[str, str]:
    """Format ('csv', 'json') -> path below docs/ of the chart's download."""
    return {fmt: f"{DOWNLOAD_FOLDER}/{chart.id}.{fmt}" for fmt in ("csv", "json")}


def chart_downloads(chart: Chart, source_by_id: dict[str, Source]) -> dict[str, str]:
    """Path below docs/ -> file content, for the CSV and the JSON of one chart."""
    rows = data_rows(chart, source_by_id)
    paths = download_paths(chart)
    return {paths["csv"]: csv_text(rows, CSV_COLUMNS), paths["json"]: _json_text(chart, rows)}


def data_rows(chart: Chart, source_by_id: dict[str, Source]) -> list[dict[str, Any]]:
    """One record per point (and one for the reference value), with the full source."""
    rows = [
        _row(
            chart,
            "point",
            point.label,
            point.value,
            source_by_id.get(point.source),
            group=point.group,
            date=point.date.isoformat() if point.date else None,
            qualifier=point.qualifier,
            note=point.note,
        )
        for point in chart.points
    ]
    if chart.reference:
        reference = chart.reference
        source = source_by_id.get(reference.source) if reference.source else None
        note = None if source else "no source: value as stated in the article under review"
        rows.append(_row(chart, "reference", reference.label, reference.value, source, note=note))
    return rows


def plain_number(value: float) -> int | float:
    """109100000000.0 -> 109100000000, -16.97 -> -16.97: the number as the YAML wrote it."""
    return int(value) if float(value).is_integer() else value


def _row(
    chart: Chart, row_type: str, label: str, value: float, source: Source | None, **extra: Any
) -> dict[str, Any]:
    return {
        "chart": chart.id,
        "row": row_type,
        "label": label,
        "group": extra.get("group"),
        "date": extra.get("date"),
        "value": plain_number(value),
        "unit": chart.unit,
        "qualifier": extra.get("qualifier"),
        "note": extra.get("note"),
        "source_id": source.id if source else None,
        "source_publisher": source.publisher if source else None,
        "source_title": source.title if source else None,
        "source_url": source.url if source else None,
        "source_read_via": source.read_via if source else None,
    }


def csv_text(rows: list[dict[str, Any]], columns: Sequence[str]) -> str:
    """UTF-8 CSV with a header row; an empty cell for None. Shared with the open-data package."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(
        {key: "" if value is None else value for key, value in row.items()} for row in rows
    )
    return buffer.getvalue()


def _json_text(chart: Chart, rows: list[dict[str, Any]]) -> str:
    document = {
        "id": chart.id,
        "title": chart.title,
        "subtitle": chart.subtitle,
        "unit": chart.unit,
        "counted": chart.counted,
        "note": chart.note,
        "rows": rows,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
