"""Stations' daily figures from a CSV file: every row checked before any is
written, then all written at once.

The file is UTF-8 (with or without a byte-order mark), its first line names
the columns ``station,day,`` and the eight figures (in any order); ``station``
is a station's code (``PRZ``, ``PRI-QE``), ``day`` is ``YYYY-MM-DD``. A
station's day not yet entered is entered (provisional); one entered already
is corrected to the file's figures, with "Re-imported from FILE" as the
reason, and left alone when nothing changed.
"""

import csv
import datetime
import io
import re
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from bashkesia.accounts import permissions
from bashkesia.territory.models import Station

from .models import FIGURES, DailyStatistics
from .services import (
    daily_statistics_correct,
    daily_statistics_enter,
    day_checked,
    figures_checked,
)

COLUMNS: tuple[str, ...] = ("station", "day", *FIGURES)
DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# The file's name in a correction's reason (REASON_LIMIT is 500).
FILE_NAME_LIMIT = 200


@dataclass(frozen=True)
class ImportProblem:
    """What is wrong at a line (1 is the header) and column (a column's
    name, or its position past the header's columns) of the file."""

    line: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"line {self.line}, column {self.column}: {self.message}"


class StatisticsImportRejected(Exception):
    """The file has problems (``problems``, in file order); nothing was
    written."""

    def __init__(self, problems: list[ImportProblem]) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = problems


@dataclass(frozen=True)
class ImportResult:
    """How many station-days the file entered, corrected and left alone."""

    created: int
    updated: int
    unchanged: int

    @property
    def rows(self) -> int:
        return self.created + self.updated + self.unchanged


@dataclass(frozen=True)
class _Row:
    line: int
    station: Station
    day: datetime.date
    figures: dict[str, int]


def _text(data: bytes) -> str:
    """Return the file's text; ``StatisticsImportRejected`` if not UTF-8."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise StatisticsImportRejected(
            [
                ImportProblem(
                    line,
                    "-",
                    _("The file is not UTF-8 text: save it as CSV UTF-8."),
                )
            ]
        ) from None


def _header_problems(header: list[str]) -> list[ImportProblem]:
    problems = []
    seen: set[str] = set()
    for position, name in enumerate(header, start=1):
        if name in seen:
            problems.append(ImportProblem(1, name, _("This column is named twice.")))
        elif name not in COLUMNS:
            problems.append(
                ImportProblem(
                    1,
                    name or str(position),
                    _("Unknown column: the columns are %(columns)s.")
                    % {"columns": ",".join(COLUMNS)},
                )
            )
        seen.add(name)
    problems += [
        ImportProblem(1, name, _("This column is missing."))
        for name in COLUMNS
        if name not in seen
    ]
    return problems


def _rows_read(
    text: str, *, allowed: set[int] | None
) -> tuple[list[_Row], list[ImportProblem]]:
    """Return the file's rows and every problem found in them.

    ``allowed`` holds the ids of the stations the user enters (None: all).
    """
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
    except csv.Error as error:
        return [], [ImportProblem(1, "-", str(error))]
    if header is None or not any(cell.strip() for cell in header):
        return [], [
            ImportProblem(
                1,
                "-",
                _("The file is empty: its first line names the columns (%(columns)s).")
                % {"columns": ",".join(COLUMNS)},
            )
        ]
    header = [name.strip().lower() for name in header]
    problems = _header_problems(header)
    if problems:
        return [], problems
    stations = {station.code: station for station in Station.objects.all()}
    rows: list[_Row] = []
    first_line: dict[tuple[int, datetime.date], int] = {}
    while True:
        try:
            cells = next(reader, None)
        except csv.Error as error:
            problems.append(ImportProblem(reader.line_num, "-", str(error)))
            break
        if cells is None:
            break
        line = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue  # a blank line
        if len(cells) > len(header):
            problems.append(
                ImportProblem(
                    line,
                    str(len(header) + 1),
                    _("This line has %(count)s values; the header names %(columns)s.")
                    % {"count": len(cells), "columns": len(header)},
                )
            )
            continue
        record = dict(zip(header, cells, strict=False))
        row_problems: list[ImportProblem] = []
        station = _station(record.get("station"), stations, allowed, line, row_problems)
        day = _day(record.get("day"), line, row_problems)
        values, errors = figures_checked(record)
        for name in FIGURES:
            row_problems += [
                ImportProblem(line, name, message) for message in errors.get(name, [])
            ]
        if station is not None and day is not None:
            key = (station.pk, day)
            if key in first_line:
                row_problems.append(
                    ImportProblem(
                        line,
                        "day",
                        _(
                            "The figures of %(station)s for %(day)s are on line "
                            "%(line)s already."
                        )
                        % {
                            "station": station.code,
                            "day": day.isoformat(),
                            "line": first_line[key],
                        },
                    )
                )
            else:
                first_line[key] = line
        if row_problems:
            problems += row_problems
        elif station is not None and day is not None:
            rows.append(_Row(line=line, station=station, day=day, figures=values))
    if not rows and not problems:
        problems.append(
            ImportProblem(2, "-", _("The file has a header but no figures."))
        )
    return rows, problems


def _station(
    value: str | None,
    stations: dict[str, Station],
    allowed: set[int] | None,
    line: int,
    problems: list[ImportProblem],
) -> Station | None:
    code = (value or "").strip().upper()
    if not code:
        problems.append(ImportProblem(line, "station", _("Give the station's code.")))
        return None
    station = stations.get(code)
    if station is None:
        problems.append(
            ImportProblem(
                line,
                "station",
                _("No police station has the code “%(code)s”.") % {"code": code[:20]},
            )
        )
        return None
    if allowed is not None and station.pk not in allowed:
        problems.append(
            ImportProblem(
                line,
                "station",
                _("You do not enter the figures of %(station)s.")
                % {"station": station.name},
            )
        )
        return None
    return station


def _day(
    value: str | None, line: int, problems: list[ImportProblem]
) -> datetime.date | None:
    text = (value or "").strip()
    day = None
    if DAY_RE.match(text):
        try:
            day = datetime.date.fromisoformat(text)
        except ValueError:
            day = None
    if day is None:
        problems.append(
            ImportProblem(
                line,
                "day",
                _("“%(value)s” is not a day; write it as YYYY-MM-DD.")
                % {"value": text[:40]},
            )
        )
        return None
    errors = day_checked(day)
    if errors:
        problems += [ImportProblem(line, "day", message) for message in errors["day"]]
        return None
    return day


def _service_problems(line: int, error: ValidationError) -> list[ImportProblem]:
    if not hasattr(error, "error_dict"):
        return [ImportProblem(line, "-", message) for message in error.messages]
    return [
        ImportProblem(line, "-" if name == NON_FIELD_ERRORS else name, message)
        for name, errors in error.message_dict.items()
        for message in errors
    ]


def daily_statistics_import(
    *, data: bytes, file_name: str, by: User | None
) -> ImportResult:
    """Check every row of the CSV ``data``, then enter or correct each
    station's day in one transaction; return the counts.

    Raise ``StatisticsImportRejected`` with every problem found (nothing is
    written). ``by`` None is the system (the command line): every station,
    recorded as entered by nobody; a user imports only the stations they
    enter.
    """
    allowed = (
        None
        if by is None
        else set(
            permissions.stations_for_statistics_entry(by).values_list("pk", flat=True)
        )
    )
    rows, problems = _rows_read(_text(data), allowed=allowed)
    if problems:
        raise StatisticsImportRejected(problems)
    reason = _("Re-imported from %(file)s") % {"file": file_name[:FILE_NAME_LIMIT]}
    created = updated = unchanged = 0
    with transaction.atomic():
        days = [row.day for row in rows]
        existing = {
            (statistics.station_id, statistics.day): statistics
            for statistics in DailyStatistics.objects.filter(
                station_id__in={row.station.pk for row in rows},
                day__range=(min(days), max(days)),
            ).select_related("station__municipality")
        }
        for row in rows:
            statistics = existing.get((row.station.pk, row.day))
            try:
                if statistics is None:
                    daily_statistics_enter(
                        station=row.station, day=row.day, figures=row.figures, by=by
                    )
                    created += 1
                elif daily_statistics_correct(
                    statistics=statistics, figures=row.figures, reason=reason, by=by
                ):
                    updated += 1
                else:
                    unchanged += 1
            except ValidationError as error:
                problems += _service_problems(row.line, error)
            except PermissionDenied as error:
                problems.append(ImportProblem(row.line, "station", str(error)))
        if problems:
            # Leaving the block by an exception undoes every row written.
            raise StatisticsImportRejected(problems)
    return ImportResult(created=created, updated=updated, unchanged=unchanged)
