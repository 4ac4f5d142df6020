"""Workbooks and CSV files for the import tests: a small valid strategy,
changed a cell at a time."""

import copy
import csv
import io

from openpyxl import Workbook

from bashkesia.partners.models import Partner

HEADERS = {
    "strategy": [
        "slug",
        "title_sq",
        "title_sr_latn",
        "title_en",
        "start_year",
        "end_year",
        "illustrative",
        "published",
    ],
    "objectives": ["number", "title_sq", "title_sr_latn", "title_en", "weight"],
    "sub_objectives": ["number", "title_sq", "title_en"],
    "activities": [
        "number",
        "sub_objective",
        "description_sq",
        "description_sr_latn",
        "responsible_unit",
        "partners",
        "start",
        "end",
        "status",
        "progress",
    ],
    "indicators": [
        "code",
        "level",
        "number",
        "name_sq",
        "unit",
        "baseline",
        "baseline_year",
        "target",
        "target_year",
        "direction",
        "frequency",
    ],
    "measurements": ["indicator", "period_start", "period_end", "value", "note"],
}

ROWS = {
    "strategy": [
        [
            "plan-2021-2025",
            "Strategjia e integruar 2021–2025",
            "Integrisana strategija 2021–2025",
            "Integrated strategy 2021–2025",
            2021,
            2025,
            "yes",
            "yes",
        ]
    ],
    "objectives": [
        ["1", "Besimi", "Poverenje", "Trust", 2],
        ["2", "Parandalimi", "Prevencija", "Prevention", ""],
    ],
    "sub_objectives": [
        ["1.1", "Policët e sektorit", "Sector officers"],
        ["2.1", "Forumet", "Forums"],
    ],
    "activities": [
        [
            "1.1",
            "1.1",
            "Takime në sektor",
            "Sastanci u sektoru",
            "DPBP",
            "osce, icitap",
            "2022-01-01",
            "2022-12-31",
            "in_progress",
            40,
        ],
        ["2.4", "2.1", "Trajnime", "", "", "", "2023-01-01", "2023-06-30", "", ""],
    ],
    "indicators": [
        [
            "I-1",
            "objective",
            "1",
            "Besimi në polici",
            "%",
            "50",
            2020,
            "70,5",
            2025,
            "increase",
            "yearly",
        ],
        ["I-2.4", "activity", "2.4", "Të trajnuar", "", 0, 2021, 300, 2025, "", ""],
    ],
    "measurements": [
        ["I-1", "2022-01-01", "2022-12-31", 58, "Anketa"],
        ["I-2.4", "2023-01-01", "2023-12-31", "120", ""],
    ],
}


def partners() -> dict[str, Partner]:
    found = {}
    for slug, name in (("osce", "OSBE"), ("icitap", "ICITAP")):
        found[slug], _created = Partner.objects.get_or_create(
            slug=slug,
            defaults={"name_sq": name, "acronym": name, "kind": "international"},
        )
    return found


def sheets(**changes) -> dict[str, list[list]]:
    """Return the sheets (header first), ``changes`` replacing whole
    sheets."""
    found = {
        name: [list(HEADERS[name]), *copy.deepcopy(ROWS[name])] for name in HEADERS
    }
    found.update(changes)
    return {name: rows for name, rows in found.items() if rows is not None}


def xlsx(data: dict[str, list[list]]) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in data.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def csv_file(rows: list[list], delimiter: str = ",") -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(rows)
    return out.getvalue().encode()


def with_cell(sheet: str, row: int, column: str, value) -> dict[str, list[list]]:
    """Return the sheets with one cell changed (``row`` as the spreadsheet
    numbers it: 2 is the first under the header)."""
    data = sheets()
    data[sheet][row - 1][HEADERS[sheet].index(column)] = value
    return data
