"""The statistics page's downloads: the chosen days as CSV, JSON and XLSX,
one row per day and a column per figure, public days only."""

import csv
import datetime
import io
import json

from django.http import HttpResponse
from openpyxl import Workbook

from . import selectors
from .models import FIGURES
from .selectors import Scope

COLUMNS: tuple[str, ...] = ("day", "level", "code", *FIGURES, "corrected")
NATIONAL_CODE = "XK"  # Kosovo's code (ISO 3166 user-assigned, as in common use)
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def scope_code(scope: Scope) -> str:
    return scope.code or NATIONAL_CODE


def export_rows(
    *, scope: Scope, start: datetime.date, end: datetime.date
) -> list[dict]:
    """Return a row for each public day from ``start`` to ``end`` in
    ``scope``: day, level, code, the eight figures, corrected."""
    level, code = scope.level, scope_code(scope)
    return [
        {
            "day": row.day,
            "level": level,
            "code": code,
            **row.figures,
            "corrected": row.corrected,
        }
        for row in selectors.series_daily(scope=scope, start=start, end=end)
    ]


def filename(
    *,
    scope: Scope,
    start: datetime.date,
    end: datetime.date,
    extension: str,
) -> str:
    """Return ``statistics-XK-2026-11-01-2026-11-30.csv`` and the like."""
    return (
        f"statistics-{scope_code(scope)}-{start.isoformat()}-{end.isoformat()}"
        f".{extension}"
    )


def as_csv(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow(
            [
                row["day"].isoformat(),
                row["level"],
                row["code"],
                *[row[name] for name in FIGURES],
                "true" if row["corrected"] else "false",
            ]
        )
    return out.getvalue()


def as_json(
    rows: list[dict],
    *,
    scope: Scope,
    start: datetime.date,
    end: datetime.date,
    published: datetime.date | None,
) -> str:
    return json.dumps(
        {
            "level": scope.level,
            "code": scope_code(scope),
            "from": start.isoformat(),
            "to": end.isoformat(),
            "published_day": published.isoformat() if published else None,
            "columns": list(COLUMNS),
            "rows": [{**row, "day": row["day"].isoformat()} for row in rows],
        },
        ensure_ascii=False,
    )


def as_xlsx(rows: list[dict]) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("statistics")
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append([row[column] for column in COLUMNS])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def download(
    *,
    extension: str,
    scope: Scope,
    start: datetime.date,
    end: datetime.date,
    published: datetime.date | None,
) -> HttpResponse:
    """Return the days from ``start`` to ``end`` as an attachment; the file
    is named for the days it holds (the range cut at the published day)."""
    rows = export_rows(scope=scope, start=start, end=end)
    if published is not None and start <= published < end:
        end = published
    if extension == "csv":
        content: str | bytes = as_csv(rows)
    elif extension == "json":
        content = as_json(rows, scope=scope, start=start, end=end, published=published)
    else:
        content = as_xlsx(rows)
    response = HttpResponse(content, content_type=CONTENT_TYPES[extension])
    name = filename(scope=scope, start=start, end=end, extension=extension)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
