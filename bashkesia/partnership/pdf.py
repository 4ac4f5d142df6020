"""A meeting's record as PDF, for the official file.

The record is first written as lines (``meeting_record_lines``), then laid
out on A4 pages with Noto Sans, which covers Albanian, Serbian Latin and
Cyrillic. The labels are in the active language (the request's).

Noto Sans ships as one variable font. Its regular weight is the font's
default instance; the bold one is an instance at weight 700. Instancing the
whole font takes seconds, so the bold instance is made of a subset holding
just the characters the bold lines use (a fraction of a second).
"""

import tempfile
from dataclasses import dataclass
from pathlib import Path

import fontpkg_noto_sans
from django.utils import formats, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from fontTools import subset
from fontTools.ttLib import TTFont
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from .models import ActionItem, ForumKind, Meeting, Minutes
from .selectors.meetings import MeetingRecord

FONT = Path(fontpkg_noto_sans.ROOT) / "files" / "NotoSans[wdth,wght].ttf"
FAMILY = "NotoSans"
BOLD_WEIGHT = 700.0
MARGIN = 18  # mm
INDENT = 6  # mm
# (font style, size in points, line height in mm, indent in mm, space before)
STYLES = {
    "title": ("B", 16, 8, 0, 0),
    "subtitle": ("B", 13, 7, 0, 1),
    "heading": ("B", 12, 6.5, 0, 5),
    "mark": ("B", 11, 6, 0, 2),
    "text": ("", 10, 5, 0, 1),
    "item": ("", 10, 5, INDENT, 0.5),
    "subitem": ("", 9, 4.5, 2 * INDENT, 0),
    "small": ("", 8.5, 4.5, 0, 1),
}
BOLD_STYLES = {style for style, (font, *_rest) in STYLES.items() if "B" in font}


@dataclass(frozen=True)
class Line:
    """A paragraph of the record: its style (a key of ``STYLES``) and text."""

    style: str
    text: str


def _when(moment) -> str:
    # The date in the language's format, the time on 24 hours (as the pages).
    local = timezone.localtime(moment)
    return f"{formats.date_format(local, 'DATE_FORMAT')}, {local:%H:%M}"


def _day(day) -> str:
    return formats.date_format(day, "DATE_FORMAT")


def _minutes_caption(minutes: Minutes) -> str:
    approved_at = minutes.approved_at_meeting
    caption = _(
        "Version %(version)s, approved on %(date)s at the meeting “%(meeting)s” "
        "of %(meeting_date)s."
    ) % {
        "version": minutes.version,
        "date": _day(timezone.localdate(minutes.approved_at)),
        "meeting": approved_at.title if approved_at else "",
        "meeting_date": _day(timezone.localdate(approved_at.starts_at))
        if approved_at
        else "",
    }
    return caption


def _item_line(item: ActionItem) -> str:
    parts = [item.title, _("owner: %(owner)s") % {"owner": item.owner}]
    if item.deadline:
        parts.append(_("deadline: %(date)s") % {"date": _day(item.deadline)})
    parts.append(item.get_status_display())
    if getattr(item, "overdue", False):
        parts.append(_("OVERDUE"))
    return " · ".join(parts)


def _attendance(record: MeetingRecord) -> list[Line]:
    lines = [Line("heading", _("Attendance"))]
    if not record.attendance_recorded:
        return [*lines, Line("text", _("The attendance was not recorded."))]
    lines.append(
        Line(
            "text",
            _("Members of the forum present: %(count)s")
            % {"count": record.members_present_count},
        )
    )
    for member in record.members_present:
        who = f"{member.name} · {member.get_role_display()}"
        if member.organisation:
            who += f" · {member.organisation}"
        lines.append(Line("item", who))
    lines.append(
        Line(
            "text",
            _("Citizens present: %(count)s") % {"count": record.citizens_total},
        )
    )
    for breakdown in record.breakdowns:
        counts = ", ".join(f"{label} {count}" for label, count in breakdown.rows)
        lines.append(Line("item", f"{breakdown.title}: {counts}"))
    return lines


def _minutes(record: MeetingRecord) -> list[Line]:
    lines = [Line("heading", _("Minutes"))]
    if record.draft is not None:
        lines.append(
            Line(
                "mark",
                _("DRAFT · version %(version)s, not approved")
                % {"version": record.draft.version},
            )
        )
        if record.draft.correction_note:
            lines.append(
                Line(
                    "small",
                    _("What the correction changes: %(note)s")
                    % {"note": record.draft.correction_note},
                )
            )
        lines.extend(Line("text", part) for part in _paragraphs(record.draft.text))
    minutes = record.minutes
    if minutes is None:
        if record.draft is None:
            lines.append(Line("text", _("The minutes are not approved yet.")))
        return lines
    if record.draft is not None:
        lines.append(Line("mark", _("Approved version")))
    lines.append(Line("small", _minutes_caption(minutes)))
    if minutes.correction_note:
        lines.append(
            Line(
                "small",
                _("What the correction changes: %(note)s")
                % {"note": minutes.correction_note},
            )
        )
    lines.extend(Line("text", part) for part in _paragraphs(minutes.text))
    if record.earlier_minutes:
        lines.append(Line("small", _("Earlier approved versions")))
        lines.extend(
            Line("item", _minutes_caption(earlier))
            for earlier in record.earlier_minutes
        )
    return lines


def _paragraphs(text: str) -> list[str]:
    return [line.rstrip() for line in text.splitlines() if line.strip()]


def meeting_record_lines(record: MeetingRecord) -> list[Line]:
    """Return the lines of the meeting's record, as the PDF prints them."""
    meeting, forum = record.meeting, record.forum
    lines = [
        Line("title", forum.name),
        Line(
            "small",
            f"{forum.get_kind_display()} · {forum.municipality.name}",
        ),
        Line("subtitle", meeting.title),
        Line("text", _("When: %(when)s") % {"when": _when(meeting.starts_at)}),
    ]
    if meeting.ends_at:
        lines.append(
            Line("text", _("Ends: %(when)s") % {"when": _when(meeting.ends_at)})
        )
    if meeting.place:
        lines.append(Line("text", _("Place: %(place)s") % {"place": meeting.place}))
    if meeting.online_link:
        lines.append(
            Line("text", _("Online: %(link)s") % {"link": meeting.online_link})
        )
    lines.append(
        Line("text", _("Status: %(status)s") % {"status": meeting.get_status_display()})
    )
    if meeting.status == Meeting.Status.CANCELLED:
        lines.append(
            Line(
                "text",
                _("Why it was cancelled: %(reason)s")
                % {"reason": meeting.cancelled_reason},
            )
        )
    if record.staff:
        lines.append(
            Line(
                "text",
                _("Open to the public")
                if meeting.is_public
                else _("Closed to the public"),
            )
        )
    lines.append(Line("heading", _("Agenda")))
    agenda = meeting.agenda_items
    lines.extend(
        Line("item", f"{number}. {item}") for number, item in enumerate(agenda, 1)
    )
    if not agenda:
        lines.append(Line("text", _("No agenda was given.")))
    lines.extend(_attendance(record))
    if record.staff and forum.kind == ForumKind.KKSB and meeting.security_report:
        lines.append(Line("heading", _("The station commander's security report")))
        lines.extend(
            Line("text", part) for part in _paragraphs(meeting.security_report)
        )
    lines.extend(_minutes(record))
    if record.recommendations:
        lines.append(Line("heading", _("Recommendations")))
        for number, recommendation in enumerate(record.recommendations, 1):
            lines.append(Line("item", f"{number}. {recommendation.text}"))
            lines.extend(
                Line("subitem", _item_line(item))
                for item in recommendation.action_items.all()
            )
    if record.other_items:
        lines.append(Line("heading", _("Action items")))
        lines.extend(Line("item", _item_line(item)) for item in record.other_items)
    lines.append(
        Line(
            "small",
            _("Printed on %(date)s from Bashkësia, Kosovo Police.")
            % {"date": _day(record.today)},
        )
    )
    return lines


class _RecordPDF(FPDF):
    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FAMILY, "", 8)
        self.cell(
            0,
            5,
            _("Page %(page)s of %(pages)s")
            # fpdf2 writes the number of pages in place of "{nb}".
            % {"page": self.page_no(), "pages": "{nb}"},
            align="C",
        )


def _bold_font(directory: Path, characters: str) -> Path:
    """Write the subset of Noto Sans holding ``characters`` into ``directory``
    (still variable: ``add_font`` makes its bold instance)."""
    font = TTFont(FONT, lazy=True)
    options = subset.Options()
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=characters + " ")
    subsetter.subset(font)
    path = directory / "NotoSans-subset.ttf"
    font.save(path)
    return path


def meeting_record_pdf(record: MeetingRecord, *, compress: bool = True) -> bytes:
    """Return the meeting's record as a PDF document (``compress=False``
    leaves its streams readable, for tests)."""
    lines = meeting_record_lines(record)
    bold_text = "".join(line.text for line in lines if line.style in BOLD_STYLES)
    with tempfile.TemporaryDirectory(prefix="bashkesia-pdf-") as directory:
        pdf = _RecordPDF(format="A4")
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
        pdf.set_title(f"{record.forum.name} · {record.meeting.title}")
        pdf.set_author(record.forum.name)
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


def meeting_record_filename(meeting: Meeting) -> str:
    """Return a plain file name for the meeting's record."""
    day = timezone.localdate(meeting.starts_at).isoformat()
    return f"{meeting.forum.kind}-meeting-{day}-{meeting.pk}.pdf"
