"""The yearly review as PDF (A4, Noto Sans: Albanian, Serbian Latin and
Cyrillic) and as XLSX (a sheet per part), in the active language. An
illustrative strategy says so on the first page and at the top of every
sheet."""

import io
import tempfile
from decimal import Decimal
from pathlib import Path

from django.utils import formats
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from fpdf import FPDF
from fpdf.enums import XPos, YPos
from openpyxl import Workbook
from openpyxl.styles import Font

from bashkesia.partnership.pdf import (
    BOLD_STYLES,
    BOLD_WEIGHT,
    FAMILY,
    FONT,
    MARGIN,
    STYLES,
    Line,
    _bold_font,
)

from .models import ActivityStatus
from .progress import percent
from .review import YearReview, when

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _percent(value: Decimal | None) -> str:
    shown = percent(value)
    return _("no data") if shown is None else f"{shown}%"


def _number(value: Decimal | None) -> str:
    if value is None:
        return "–"
    return formats.number_format(value.normalize(), use_l10n=True)


def _status(value: str) -> str:
    return str(ActivityStatus(value).label)


def review_title(review: YearReview) -> str:
    return _("Yearly review %(year)s") % {"year": review.year}


def illustrative_notice() -> str:
    return _(
        "Illustrative content: the objectives, activities and figures of this "
        "strategy are made up for demonstration and are not the police's real plan."
    )


def as_of_text(review: YearReview) -> str:
    day = formats.date_format(review.as_of, "DATE_FORMAT")
    if review.year_over:
        return _("Figures at the end of the year (%(date)s).") % {"date": day}
    return _("The year is under way: figures as of %(date)s.") % {"date": day}


def review_lines(review: YearReview) -> list[Line]:
    """Return the review as the paragraphs the PDF prints."""
    strategy = review.strategy
    lines = [
        Line("title", str(strategy.title)),
        Line("subtitle", review_title(review)),
    ]
    if strategy.is_illustrative:
        lines.append(Line("mark", illustrative_notice()))
    lines += [
        Line("small", as_of_text(review)),
        Line("heading", _("Summary")),
        Line(
            "text",
            _("Progress of the whole strategy: %(progress)s")
            % {"progress": _percent(review.progress)},
        ),
        Line(
            "text",
            _(
                "Activities due this year: %(due)s, of which %(completed)s "
                "completed and %(overdue)s overdue."
            )
            % {
                "due": len(review.due),
                "completed": review.due_completed,
                "overdue": review.due_overdue,
            },
        ),
        Line(
            "text",
            _("Indicators measured this year: %(measured)s of %(count)s.")
            % {"measured": review.indicators_measured, "count": len(review.indicators)},
        ),
        Line(
            "text",
            " · ".join(
                f"{label}: {count}" for _s, label, count in review.status_counts
            ),
        ),
        Line("heading", _("Progress by objective")),
    ]
    for node in review.objectives:
        lines.append(
            Line(
                "mark",
                f"{node.objective.number}. {node.objective.title} — "
                f"{_percent(node.progress)}",
            )
        )
        lines += [
            Line(
                "item",
                f"{sub.sub_objective.number} {sub.sub_objective.title} — "
                f"{_percent(sub.progress)}",
            )
            for sub in node.sub_objectives
        ]
    lines.append(Line("heading", _("Activities due this year")))
    for item in review.due:
        end = (
            formats.date_format(item.activity.end, "SHORT_DATE_FORMAT")
            if item.activity.end
            else ""
        )
        state = f"{item.status_label}, {item.progress}%"
        if item.overdue:
            state += " · " + _("overdue")
        lines.append(
            Line(
                "item",
                f"{item.activity.number} {item.activity.description} "
                f"({_('due %(date)s') % {'date': end}}): {state}",
            )
        )
    if not review.due:
        lines.append(Line("text", _("No activity is due this year.")))
    lines.append(Line("heading", _("Indicators")))
    for entry in review.indicators:
        indicator = entry.indicator
        unit = f" {indicator.unit}" if indicator.unit else ""
        lines.append(Line("mark", f"{indicator.code} {indicator.name}"))
        lines.append(
            Line(
                "item",
                _(
                    "Baseline %(baseline)s (%(baseline_year)s), target %(target)s "
                    "(%(target_year)s), this year %(value)s%(period)s, achieved "
                    "%(achievement)s"
                )
                % {
                    "baseline": _number(indicator.baseline) + unit,
                    "baseline_year": indicator.baseline_year,
                    "target": _number(indicator.target) + unit,
                    "target_year": indicator.target_year,
                    "value": _number(entry.value) + (unit if entry.value else ""),
                    "period": f" ({entry.period})" if entry.period else "",
                    "achievement": _percent(entry.achievement),
                },
            )
        )
    if not review.indicators:
        lines.append(Line("text", _("The strategy has no indicators.")))
    lines.append(Line("heading", _("Timeline of the year")))
    for update in review.timeline:
        day = formats.date_format(when(update), "SHORT_DATE_FORMAT")
        text = (
            f"{day} · {update.activity.number}: {_status(update.old_status)} "
            f"{update.old_progress}% → {_status(update.new_status)} "
            f"{update.new_progress}%"
        )
        if update.note:
            text += f" — {update.note}"
        lines.append(Line("item", text))
    if not review.timeline:
        lines.append(Line("text", _("No update was recorded this year.")))
    lines.append(Line("heading", _("Partners involved")))
    for partner in review.partners:
        lines.append(
            Line(
                "item",
                f"{partner.partner.name}: "
                + _("activities %(numbers)s")
                % {"numbers": ", ".join(partner.activities)},
            )
        )
    if not review.partners:
        lines.append(Line("text", _("No partner took part in this year's activities.")))
    return lines


class _ReviewPDF(FPDF):
    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FAMILY, "", 8)
        self.cell(
            0,
            5,
            _("Page %(page)s of %(pages)s") % {"page": self.page_no(), "pages": "{nb}"},
            align="C",
        )


def review_pdf(review: YearReview, *, compress: bool = True) -> bytes:
    """Return the review as a PDF document (``compress=False`` leaves its
    streams readable, for tests)."""
    lines = review_lines(review)
    bold_text = "".join(line.text for line in lines if line.style in BOLD_STYLES)
    with tempfile.TemporaryDirectory(prefix="bashkesia-pdf-") as directory:
        pdf = _ReviewPDF(format="A4")
        pdf.compress = compress
        pdf.set_margins(MARGIN, MARGIN, MARGIN)
        pdf.set_auto_page_break(auto=True, margin=MARGIN)
        pdf.add_font(FAMILY, "", FONT)
        pdf.add_font(
            FAMILY,
            "B",
            _bold_font(Path(directory), bold_text),
            variations={"wght": BOLD_WEIGHT},
        )
        pdf.set_title(f"{review.strategy.title} · {review_title(review)}")
        pdf.set_creator("Bashkësia")
        pdf.set_lang(get_language() or "sq")
        pdf.add_page()
        for line in lines:
            style, size, height, indent, space = STYLES[line.style]
            pdf.set_font(FAMILY, style, size)
            if space:
                pdf.ln(space)
            pdf.set_x(MARGIN + indent)
            pdf.multi_cell(
                pdf.epw - indent,
                height,
                line.text,
                align="L",
                new_x=XPos.LMARGIN,
                new_y=YPos.NEXT,
            )
        return bytes(pdf.output())


def _progress_cell(value: Decimal | None) -> int | None:
    return percent(value)


def review_xlsx(review: YearReview) -> bytes:
    """Return the review as a workbook: summary, objectives, activities,
    indicators, timeline, partners. Each sheet begins with the strategy and
    year, then the illustrative notice or the date of the figures, then its
    header."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    heading = f"{review.strategy.title} · {review_title(review)}"
    note = (
        illustrative_notice() if review.strategy.is_illustrative else as_of_text(review)
    )

    def sheet(name: str, header: list[str], rows: list[list]) -> None:
        page = workbook.create_sheet(name)
        page.append([heading])
        page.append([note])
        page.append(header)
        for cell in (page["A1"], *page[3]):
            cell.font = Font(bold=True)
        for row in rows:
            page.append(row)

    sheet(
        "summary",
        [_("Figure"), _("Value")],
        [
            [_("Year"), review.year],
            [_("Figures as of"), review.as_of],
            [
                _("Illustrative"),
                _("yes") if review.strategy.is_illustrative else _("no"),
            ],
            [_("Progress of the whole strategy (%)"), _progress_cell(review.progress)],
            [_("Activities"), review.activity_count],
            *[[label, count] for _s, label, count in review.status_counts],
            [_("Activities due this year"), len(review.due)],
            [_("Due and completed"), review.due_completed],
            [_("Due and overdue"), review.due_overdue],
            [_("Indicators"), len(review.indicators)],
            [_("Indicators measured this year"), review.indicators_measured],
            [_("Indicators on target"), review.indicators_on_target],
            [_("Updates this year"), len(review.timeline)],
        ],
    )
    objective_rows = []
    for node in review.objectives:
        objective_rows.append(
            [
                _("objective"),
                node.objective.number,
                str(node.objective.title),
                _progress_cell(node.progress),
            ]
        )
        objective_rows += [
            [
                _("sub-objective"),
                sub.sub_objective.number,
                str(sub.sub_objective.title),
                _progress_cell(sub.progress),
            ]
            for sub in node.sub_objectives
        ]
    sheet(
        "objectives",
        [_("Level"), _("Number"), _("Title"), _("Progress (%)")],
        objective_rows,
    )
    sheet(
        "activities",
        [
            _("Number"),
            _("Activity"),
            _("Responsible unit"),
            _("Start"),
            _("End"),
            _("Status"),
            _("Progress (%)"),
            _("Overdue"),
        ],
        [
            [
                item.activity.number,
                str(item.activity.description),
                item.activity.responsible_unit,
                item.activity.start,
                item.activity.end,
                item.status_label,
                item.progress,
                _("yes") if item.overdue else _("no"),
            ]
            for item in review.due
        ],
    )
    sheet(
        "indicators",
        [
            _("Code"),
            _("Indicator"),
            _("Of"),
            _("Unit"),
            _("Baseline"),
            _("Baseline year"),
            _("Target"),
            _("Target year"),
            _("Value this year"),
            _("Period"),
            _("Achievement (%)"),
        ],
        [
            [
                entry.indicator.code,
                str(entry.indicator.name),
                entry.owner,
                entry.indicator.unit,
                entry.indicator.baseline,
                entry.indicator.baseline_year,
                entry.indicator.target,
                entry.indicator.target_year,
                entry.value,
                entry.period,
                _progress_cell(entry.achievement),
            ]
            for entry in review.indicators
        ],
    )
    sheet(
        "timeline",
        [
            _("Date"),
            _("Activity"),
            _("Status before"),
            _("Progress before (%)"),
            _("Status after"),
            _("Progress after (%)"),
            _("Note"),
        ],
        [
            [
                when(update),
                update.activity.number,
                _status(update.old_status),
                update.old_progress,
                _status(update.new_status),
                update.new_progress,
                update.note,
            ]
            for update in review.timeline
        ],
    )
    sheet(
        "partners",
        [_("Partner"), _("Activities")],
        [
            [str(entry.partner.name), ", ".join(entry.activities)]
            for entry in review.partners
        ],
    )
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def review_filename(review: YearReview, extension: str) -> str:
    return f"{review.strategy.slug}-review-{review.year}.{extension}"
