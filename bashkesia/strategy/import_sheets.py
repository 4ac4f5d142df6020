"""The strategy import's file format, and the reading of uploaded files into
sheets of rows.

A strategy comes as one XLSX workbook whose sheets are named after the parts
(``SHEETS``), or as CSV files, one per sheet, each named after its sheet
(``objectives.csv``, ``plan-2024-activities.csv``). A single CSV file whose
name names no sheet is the activities of a strategy that exists already. The
first row of a sheet names its columns (``COLUMNS``; in any order, the
optional ones may be left out); rows are numbered as the spreadsheet numbers
them, the header being row 1. A sheet named "instructions" (the template's)
is skipped.
"""

import csv
import datetime
import io
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

# The parts, in the order they are read and written (parents first).
SHEETS: tuple[str, ...] = (
    "strategy",
    "objectives",
    "sub_objectives",
    "activities",
    "indicators",
    "measurements",
)
IGNORED_SHEETS = {"instructions"}


@dataclass(frozen=True)
class Column:
    name: str
    required: bool = False


def _texts(field: str, required: bool) -> tuple[Column, ...]:
    return (
        Column(f"{field}_sq", required),
        Column(f"{field}_sr_latn"),
        Column(f"{field}_en"),
    )


COLUMNS: dict[str, tuple[Column, ...]] = {
    "strategy": (
        Column("slug", True),
        *_texts("title", True),
        *_texts("description", False),
        Column("start_year", True),
        Column("end_year", True),
        Column("illustrative"),
        Column("published"),
    ),
    "objectives": (Column("number", True), *_texts("title", True), Column("weight")),
    "sub_objectives": (
        Column("number", True),
        *_texts("title", True),
        Column("weight"),
    ),
    "activities": (
        Column("number", True),
        Column("sub_objective", True),
        *_texts("description", True),
        Column("responsible_unit"),
        Column("partners"),
        Column("start"),
        Column("end"),
        Column("status"),
        Column("progress"),
        Column("weight"),
    ),
    "indicators": (
        Column("code", True),
        Column("level", True),
        Column("number", True),
        *_texts("name", True),
        Column("unit"),
        Column("baseline", True),
        Column("baseline_year", True),
        Column("target", True),
        Column("target_year", True),
        Column("direction"),
        Column("frequency"),
        Column("source"),
        Column("formula"),
    ),
    "measurements": (
        Column("indicator", True),
        Column("period_start", True),
        Column("period_end", True),
        Column("value", True),
        Column("note"),
    ),
}

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
CSV_EXTENSION = ".csv"
XLSX_EXTENSION = ".xlsx"

Cell = str | int | float | datetime.date | datetime.datetime | bool | None


@dataclass(frozen=True)
class ImportProblem:
    """What is wrong in a sheet ("" for the upload as a whole), at a row
    (None: not one row) and a column ("" : not one column)."""

    sheet: str
    row: int | None
    column: str
    message: str

    def where(self) -> str:
        parts = []
        if self.sheet:
            parts.append(_("sheet %(sheet)s") % {"sheet": self.sheet})
        if self.row is not None:
            parts.append(_("row %(row)s") % {"row": self.row})
        if self.column:
            parts.append(_("column %(column)s") % {"column": self.column})
        return ", ".join(parts)

    def __str__(self) -> str:
        where = self.where()
        return f"{where}: {self.message}" if where else self.message


class StrategyImportRejected(Exception):
    """The upload has problems (``problems``, sheet by sheet); nothing was
    written."""

    def __init__(self, problems: list[ImportProblem]) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = problems


@dataclass
class Sheet:
    """A sheet's rows: (row number, the cells by column name), blank rows
    left out; only the columns the header names are present."""

    name: str
    columns: list[str]
    rows: list[tuple[int, dict[str, Cell]]]


def normalise_name(name: str) -> str:
    """Return a sheet's or column's name as the format spells it:
    "Sub-objectives" → "sub_objectives"."""
    return re.sub(r"[\s\-]+", "_", str(name).strip().lower())


def _blank(value: Cell) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _sheet_from_rows(name: str, rows, problems: list[ImportProblem]) -> Sheet | None:
    """Return the sheet ``name`` from its rows (sequences of cells), checking
    its header against ``COLUMNS``."""
    header: list[str] | None = None
    sheet = Sheet(name=name, columns=[], rows=[])
    for number, cells in enumerate(rows, start=1):
        if header is None:
            if number > 1 or any(not _blank(cell) for cell in cells):
                header = [normalise_name(cell or "") for cell in cells]
                while header and not header[-1]:
                    header.pop()
                if not _header_checked(name, number, header, problems):
                    return None
                sheet.columns = header
            continue
        if all(_blank(cell) for cell in cells):
            continue
        if len(sheet.rows) >= MAX_ROWS:
            problems.append(
                ImportProblem(
                    name,
                    number,
                    "",
                    _("A sheet holds at most %(count)s rows.") % {"count": MAX_ROWS},
                )
            )
            return None
        extra = [cell for cell in cells[len(header) :] if not _blank(cell)]
        if extra:
            problems.append(
                ImportProblem(
                    name,
                    number,
                    str(len(header) + 1),
                    _("This row has values beyond the columns the header names."),
                )
            )
            continue
        values = {
            column: cell.strip() if isinstance(cell, str) else cell
            for column, cell in zip(header, cells, strict=False)
        }
        sheet.rows.append((number, values))
    if header is None:
        problems.append(
            ImportProblem(
                name,
                1,
                "",
                _("The sheet is empty: its first row names the columns."),
            )
        )
        return None
    return sheet


def _header_checked(
    sheet: str, row: int, header: list[str], problems: list[ImportProblem]
) -> bool:
    known = {column.name for column in COLUMNS[sheet]}
    found: list[ImportProblem] = []
    seen: set[str] = set()
    for position, name in enumerate(header, start=1):
        if not name:
            found.append(
                ImportProblem(sheet, row, str(position), _("This column has no name."))
            )
        elif name in seen:
            found.append(
                ImportProblem(sheet, row, name, _("This column is named twice."))
            )
        elif name not in known:
            found.append(
                ImportProblem(
                    sheet,
                    row,
                    name,
                    _("Unknown column: the columns of this sheet are %(columns)s.")
                    % {"columns": ", ".join(column.name for column in COLUMNS[sheet])},
                )
            )
        seen.add(name)
    found += [
        ImportProblem(sheet, row, column.name, _("This column is missing."))
        for column in COLUMNS[sheet]
        if column.required and column.name not in seen
    ]
    problems += found
    return not found


def _unknown_sheet(sheet: str, where: str) -> ImportProblem:
    return ImportProblem(
        where,
        None,
        "",
        _("Unknown sheet “%(sheet)s”: the sheets are %(sheets)s.")
        % {"sheet": sheet[:60], "sheets": ", ".join(SHEETS)},
    )


def _workbook_sheets(
    file_name: str, data: bytes, problems: list[ImportProblem]
) -> dict[str, Sheet]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a file that is not XLSX
        problems.append(
            ImportProblem(
                "",
                None,
                "",
                _("“%(file)s” is not an XLSX workbook: save it as Excel Workbook.")
                % {"file": file_name[:100]},
            )
        )
        return {}
    sheets: dict[str, Sheet] = {}
    try:
        for worksheet in workbook.worksheets:
            name = normalise_name(worksheet.title)
            if name in IGNORED_SHEETS:
                continue
            if name not in COLUMNS:
                problems.append(_unknown_sheet(worksheet.title, worksheet.title))
                continue
            if name in sheets:
                problems.append(
                    ImportProblem(
                        worksheet.title, None, "", _("This sheet is in the file twice.")
                    )
                )
                continue
            sheet = _sheet_from_rows(
                name, worksheet.iter_rows(values_only=True), problems
            )
            if sheet is not None:
                sheets[name] = sheet
    finally:
        workbook.close()
    return sheets


def _csv_sheet_name(file_name: str, only_file: bool) -> str | None:
    stem = normalise_name(file_name.rsplit("/", 1)[-1][: -len(CSV_EXTENSION)])
    for sheet in sorted(SHEETS, key=len, reverse=True):
        if stem == sheet or stem.endswith(f"_{sheet}"):
            return sheet
    return "activities" if only_file else None


def _csv_rows(file_name: str, data: bytes, problems: list[ImportProblem]):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        problems.append(
            ImportProblem(
                "",
                None,
                "",
                _("“%(file)s” is not UTF-8 text: save it as CSV UTF-8.")
                % {"file": file_name[:100]},
            )
        )
        return None
    first_line = text.split("\n", 1)[0]
    # Spreadsheets set to Albanian or Serbian save CSV with semicolons.
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        problems.append(ImportProblem("", None, "", f"{file_name[:100]}: {error}"))
        return None


def read_upload(files: list[tuple[str, bytes]]) -> dict[str, Sheet]:
    """Return the sheets of the uploaded ``files`` ((name, content) pairs):
    one XLSX workbook, or CSV files. Raise ``StrategyImportRejected`` when
    they cannot be read."""
    problems: list[ImportProblem] = []
    if not files:
        raise StrategyImportRejected(
            [ImportProblem("", None, "", _("Choose a file to import."))]
        )
    for name, data in files:
        if len(data) > MAX_BYTES:
            problems.append(
                ImportProblem(
                    "",
                    None,
                    "",
                    _("“%(file)s” is larger than %(size)s MB.")
                    % {"file": name[:100], "size": MAX_BYTES // (1024 * 1024)},
                )
            )
    kinds = {name.lower().rsplit(".", 1)[-1] for name, _data in files}
    if not kinds <= {"xlsx", "csv"}:
        problems.append(
            ImportProblem(
                "",
                None,
                "",
                _(
                    "Upload an XLSX workbook or CSV files (.xlsx or .csv), "
                    "not %(files)s."
                )
                % {"files": ", ".join(name[:100] for name, _data in files)},
            )
        )
    elif "xlsx" in kinds and len(files) > 1:
        problems.append(
            ImportProblem(
                "",
                None,
                "",
                _("Upload one XLSX workbook on its own, or CSV files only."),
            )
        )
    if problems:
        raise StrategyImportRejected(problems)
    if kinds == {"xlsx"}:
        name, data = files[0]
        sheets = _workbook_sheets(name, data, problems)
    else:
        sheets = {}
        for name, data in files:
            sheet_name = _csv_sheet_name(name, only_file=len(files) == 1)
            if sheet_name is None:
                problems.append(
                    ImportProblem(
                        name[:100],
                        None,
                        "",
                        _(
                            "Name each CSV file after its sheet (%(sheets)s), "
                            "such as activities.csv."
                        )
                        % {"sheets": ", ".join(SHEETS)},
                    )
                )
                continue
            if sheet_name in sheets:
                problems.append(
                    ImportProblem(sheet_name, None, "", _("Two files hold this sheet."))
                )
                continue
            rows = _csv_rows(name, data, problems)
            if rows is None:
                continue
            sheet = _sheet_from_rows(sheet_name, rows, problems)
            if sheet is not None:
                sheets[sheet_name] = sheet
    if not problems and not sheets:
        problems.append(
            ImportProblem(
                "",
                None,
                "",
                _("The file holds none of the sheets %(sheets)s.")
                % {"sheets": ", ".join(SHEETS)},
            )
        )
    if problems:
        raise StrategyImportRejected(problems)
    return sheets
