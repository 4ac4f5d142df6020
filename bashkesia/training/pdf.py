"""A certificate as PDF: one A4 page in landscape, in the certificate's
language, with its verification code, the address where anyone can check
it, and a QR code of that address.

It is laid out with Noto Sans like a meeting's record
(``bashkesia.partnership.pdf``), whose font helpers it reuses.
"""

import io
import tempfile
from dataclasses import dataclass
from pathlib import Path

import segno
from django.conf import settings
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from bashkesia.partnership.pdf import BOLD_WEIGHT, FAMILY, FONT, _bold_font

from .models import Certificate

MARGIN = 20  # mm
QR_SIZE = 38  # mm
# (font style, size in points, line height in mm, space before in mm)
STYLES = {
    "header": ("B", 13, 7, 0),
    "subheader": ("", 11, 6, 0),
    "title": ("B", 30, 16, 10),
    "text": ("", 13, 8, 3),
    "name": ("B", 24, 13, 2),
    "course": ("B", 17, 10, 2),
    "small": ("", 10, 5.5, 2),
    "mark": ("B", 14, 8, 4),
}


@dataclass(frozen=True)
class Line:
    """A centred paragraph of the certificate: its style and text."""

    style: str
    text: str


def verification_url(certificate: Certificate) -> str:
    """Return the public address that verifies the certificate, in its
    language."""
    with translation.override(certificate.language):
        path = reverse("training:verify-code", args=[certificate.code])
    return f"{settings.BASHKESIA_SITE_URL}{path}"


def _day(day) -> str:
    return formats.date_format(day, "DATE_FORMAT")


def certificate_lines(certificate: Certificate) -> list[Line]:
    """Return the certificate's lines in the active language."""
    lines = [
        Line("header", _("Kosovo Police")),
        Line("subheader", _("Community Safety Coordination Office")),
        Line("subheader", _("Kosovo Academy for Public Safety, Vushtrri")),
        Line("title", _("Certificate")),
        Line("text", _("This certifies that")),
        Line("name", certificate.holder_name),
        Line("text", _("completed the course")),
        Line("course", certificate.course_title),
        Line(
            "text",
            _("%(hours)s hours, from %(start)s to %(end)s")
            % {
                "hours": certificate.hours,
                "start": _day(certificate.starts_on),
                "end": _day(certificate.ends_on),
            },
        ),
        Line(
            "small",
            _("Issued on %(date)s.")
            % {"date": _day(timezone.localdate(certificate.issued_at))},
        ),
    ]
    if certificate.is_revoked:
        lines.append(
            Line(
                "mark",
                _("REVOKED on %(date)s: %(reason)s")
                % {
                    "date": _day(timezone.localdate(certificate.revoked_at)),
                    "reason": certificate.revoked_reason,
                },
            )
        )
    lines += [
        Line(
            "small",
            _("Verification code: %(code)s") % {"code": certificate.code},
        ),
        Line(
            "small",
            _("Check it at %(url)s") % {"url": verification_url(certificate)},
        ),
    ]
    return lines


def _qr_png(url: str) -> io.BytesIO:
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=8, border=2)
    buffer.seek(0)
    return buffer


def certificate_pdf(certificate: Certificate, *, compress: bool = True) -> bytes:
    """Return the certificate as a PDF document in its own language
    (``compress=False`` leaves its streams readable, for tests)."""
    with translation.override(certificate.language):
        lines = certificate_lines(certificate)
        url = verification_url(certificate)
        bold_text = "".join(line.text for line in lines if "B" in STYLES[line.style][0])
        with tempfile.TemporaryDirectory(prefix="bashkesia-pdf-") as directory:
            pdf = FPDF(orientation="landscape", format="A4")
            pdf.compress = compress
            pdf.set_margins(MARGIN, MARGIN, MARGIN)
            pdf.set_auto_page_break(auto=False)
            pdf.add_font(FAMILY, "", FONT)
            pdf.add_font(
                FAMILY,
                "B",
                _bold_font(Path(directory), bold_text),
                variations={"wght": BOLD_WEIGHT},
            )
            pdf.set_title(_("Certificate") + f" {certificate.code}")
            pdf.set_author(_("Community Safety Coordination Office"))
            pdf.set_creator("Bashkësia")
            pdf.set_lang(certificate.language)
            pdf.add_page()
            pdf.set_line_width(0.8)
            pdf.rect(10, 10, pdf.w - 20, pdf.h - 20)
            text_width = pdf.epw - QR_SIZE - 6
            for line in lines:
                style, size, height, space = STYLES[line.style]
                pdf.set_font(FAMILY, style, size)
                if space:
                    pdf.ln(space)
                pdf.set_x(MARGIN)
                pdf.multi_cell(
                    text_width,
                    height,
                    line.text,
                    align="C",
                    new_x=XPos.LMARGIN,
                    new_y=YPos.NEXT,
                )
            pdf.image(
                _qr_png(url),
                x=pdf.w - MARGIN - QR_SIZE,
                y=pdf.h - MARGIN - QR_SIZE,
                w=QR_SIZE,
                h=QR_SIZE,
            )
            return bytes(pdf.output())


def certificate_filename(certificate: Certificate) -> str:
    return f"certificate-{certificate.code}.pdf"
