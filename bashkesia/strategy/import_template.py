"""The template workbook people fill in to import a strategy: a sheet of
instructions, then each sheet with its columns and an example row."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from .import_sheets import COLUMNS, SHEETS
from .indicators import FORMULAS
from .models import ActivityStatus, IndicatorDirection, IndicatorFrequency

EXAMPLES: dict[str, list[list]] = {
    "strategy": [
        [
            "strategy-2026-2030",
            "Strategjia për policimin në bashkësi 2026–2030",
            "Strategija za policiju u zajednici 2026–2030",
            "Community Policing Strategy 2026–2030",
            "",
            "",
            "",
            2026,
            2030,
            "no",
            "no",
        ]
    ],
    "objectives": [["1", "Besimi i qytetarëve", "Poverenje građana", "Trust", ""]],
    "sub_objectives": [
        ["1.1", "Policët e sektorit të njohur", "Poznati sektorski policajci", "", ""]
    ],
    "activities": [
        [
            "1.1",
            "1.1",
            "Takime me banorët në çdo sektor",
            "Sastanci sa građanima u svakom sektoru",
            "Meetings with residents in every sector",
            "DPBP",
            "osce",
            "2026-03-01",
            "2026-12-31",
            "in_progress",
            25,
            "",
        ]
    ],
    "indicators": [
        [
            "I-1.1",
            "sub_objective",
            "1.1",
            "Qytetarët që e njohin policin e sektorit",
            "Građani koji poznaju sektorskog policajca",
            "Citizens who know their sector officer",
            "%",
            40,
            2025,
            60,
            2030,
            "increase",
            "yearly",
            "manual",
            "",
        ]
    ],
    "measurements": [["I-1.1", "2026-01-01", "2026-12-31", 45, ""]],
}
TEXT_COLUMNS = {"number", "sub_objective", "code", "indicator"}


def _instructions() -> list[str]:
    return [
        _("Import of a strategy and its action plan"),
        _(
            "Fill in the sheets below (delete the example rows) and upload the "
            "workbook in the back office: Strategy → Import. Every row is checked "
            "first: if one is wrong, nothing is written and the problems are "
            "listed by sheet, row and column."
        ),
        _(
            "A strategy already in the platform (the same slug) is updated in "
            "place: objectives, sub-objectives and activities are matched by "
            "number, indicators by code, measurements by indicator and period. "
            "What the file leaves out is kept."
        ),
        _(
            "Columns ending in _sq are in Albanian (required), _sr_latn in "
            "Serbian (Latin) and _en in English; the Cyrillic text is derived. "
            "Keep the number columns formatted as text (1.10 is not 1.1)."
        ),
        _("Dates are written YYYY-MM-DD; yes/no columns take yes or no."),
        _(
            "activities: sub_objective is the number of the sub-objective the "
            "activity belongs to; partners are the partners' short addresses, "
            "separated by commas; status is one of %(statuses)s; progress is a "
            "percentage from 0 to 100 (a blank status or progress keeps the "
            "current one)."
        )
        % {"statuses": ", ".join(ActivityStatus.values)},
        _(
            "indicators: level is objective, sub_objective or activity, and "
            "number the number of what it measures; direction is %(directions)s; "
            "frequency is %(frequencies)s; source is manual or computed, and a "
            "computed indicator names a formula: %(formulas)s."
        )
        % {
            "directions": ", ".join(IndicatorDirection.values),
            "frequencies": ", ".join(IndicatorFrequency.values),
            "formulas": ", ".join(FORMULAS),
        },
        _(
            "measurements: indicator is the indicator's code; the period is one "
            "whole period of the indicator's frequency (a year, a quarter or a "
            "month)."
        ),
        _(
            "CSV instead: one file per sheet, named after it (objectives.csv), "
            "UTF-8; a single activities CSV updates a strategy chosen on the "
            "import page."
        ),
    ]


def import_template_xlsx() -> bytes:
    """Return the template workbook, its instructions in the active
    language."""
    workbook = Workbook()
    instructions = workbook.active
    instructions.title = "instructions"
    instructions.column_dimensions["A"].width = 120
    for number, line in enumerate(_instructions(), start=1):
        instructions.cell(row=number, column=1, value=line)
    instructions["A1"].font = Font(bold=True, size=14)
    for name in SHEETS:
        sheet = workbook.create_sheet(name)
        columns = COLUMNS[name]
        sheet.append([column.name for column in columns])
        for row in EXAMPLES[name]:
            sheet.append(row)
        for position, column in enumerate(columns, start=1):
            cell = sheet.cell(row=1, column=position)
            cell.font = Font(bold=column.required)
            letter = cell.column_letter
            sheet.column_dimensions[letter].width = max(12, len(column.name) + 4)
            if column.name in TEXT_COLUMNS:
                for line in range(2, 200):
                    sheet.cell(row=line, column=position).number_format = "@"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
