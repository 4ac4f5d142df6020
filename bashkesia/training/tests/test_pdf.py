"""The certificate as PDF: its text read back out of the file, in the
certificate's language, with the code, the verification address and a QR
code of it."""

import pytest

from bashkesia.partnership.tests.test_meetings_pdf import pdf_text
from bashkesia.training import services
from bashkesia.training.pdf import certificate_filename, certificate_pdf

from .helpers import course, finished, forum_with_members, session, trainer

pytestmark = pytest.mark.django_db


def _certificate(language: str):
    planned = session(course())
    forum, members = forum_with_members(1, name="Zhur")
    (enrolment,) = finished(planned, members)
    return services.certificate_issue(
        enrolment=enrolment, by=trainer(), language=language
    )


def _text(certificate) -> str:
    return " ".join(pdf_text(certificate_pdf(certificate, compress=False)))


def test_the_pdf_shows_holder_course_hours_code_and_verification_address(settings):
    settings.BASHKESIA_SITE_URL = "https://bashkesia.example"
    certificate = _certificate("en")
    text = _text(certificate)
    for expected in (
        "Kosovo Police",
        "Community Safety Coordination Office",
        "Certificate",
        "Member Zhur 0",
        "completed the course",
        "Problem solving with the SARA model",
        "24 hours, from",
        f"Verification code: {certificate.code}",
        "https://bashkesia.example/en/training/certificates/verify/"
        f"{certificate.code}/",
    ):
        assert expected in text, expected
    assert "REVOKED" not in text
    assert certificate_filename(certificate) == f"certificate-{certificate.code}.pdf"


def test_the_pdf_is_in_the_certificates_language_and_script():
    certificate = _certificate("sr")
    text = _text(certificate)
    # (The labels follow the catalogues; the course's title is the data's.)
    assert "Решавање проблема по моделу САРА" in text
    assert f"/sr/training/certificates/verify/{certificate.code}/" in text


def test_the_pdf_holds_a_qr_code_image():
    document = certificate_pdf(_certificate("sq"), compress=False)
    assert b"/Subtype /Image" in document


def test_a_revoked_certificates_pdf_says_so():
    certificate = _certificate("en")
    services.certificate_revoke(
        certificate=certificate, by=trainer(), reason="Issued by mistake."
    )
    certificate.refresh_from_db()
    assert "Issued by mistake." in _text(certificate)
    assert "REVOKED on" in _text(certificate)
