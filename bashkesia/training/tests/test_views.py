"""The public pages: the Office and its offer in four languages, a course,
and the verification of certificates (unknown, valid, revoked, limited)."""

import pytest
from django.core.cache import cache

from bashkesia.training import services

from .helpers import course, finished, forum_with_members, session, trainer

pytestmark = pytest.mark.django_db
LANGUAGES = ["sq", "sr-latn", "sr", "en"]


@pytest.fixture
def certificate():
    planned = session(course(), capacity=5)
    forum, members = forum_with_members(1, name="Zhur")
    (enrolment,) = finished(planned, members)
    return services.certificate_issue(enrolment=enrolment, by=trainer(), language="sq")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_training_page_shows_the_office_courses_sessions_and_counts(
    client, language, certificate
):
    upcoming = session(course(code="CP-101", title_sq="Policimi në bashkësi"))
    response = client.get(f"/{language}/training/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-course="SARA-201"' in html
    assert f'data-session="{upcoming.pk}"' in html
    assert 'data-trained="forum"' in html
    # Counts only: no trainee's name.
    assert "Member Zhur 0" not in html
    assert f'href="/{language}/training/"' in html  # the main navigation


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_course_page_shows_its_curriculum_in_four_languages(client, language):
    course()
    response = client.get(f"/{language}/training/courses/sara-201/")
    assert response.status_code == 200
    title = {
        "sq": "Zgjidhja e problemeve me modelin SARA",
        "sr-latn": "Rešavanje problema po modelu SARA",
        "sr": "Решавање проблема по моделу САРА",
        "en": "Problem solving with the SARA model",
    }[language]
    assert title in response.content.decode()


def test_an_unknown_course_is_404(client):
    response = client.get("/en/training/courses/NOPE-1/")
    assert response.status_code == 404


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_real_certificate_shows_the_holder_course_dates_and_hours(
    client, language, certificate
):
    response = client.get(
        f"/{language}/training/certificates/verify/{certificate.code}/"
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-verdict="valid"' in html
    assert "Member Zhur 0" in html
    assert "SARA-201" in html


def test_a_code_typed_loosely_goes_to_the_certificates_address(client, certificate):
    loose = certificate.code.lower().replace("-", "")
    response = client.get(f"/en/training/certificates/verify/{loose}/")
    assert response.status_code == 302
    assert response["Location"] == (
        f"/en/training/certificates/verify/{certificate.code}/"
    )


def test_the_form_sends_a_typed_code_to_its_page(client, certificate):
    response = client.get(
        "/en/training/certificates/verify/", {"code": f" {certificate.code.lower()} "}
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"/verify/{certificate.code}/")
    assert client.get("/en/training/certificates/verify/").status_code == 200


def test_the_form_refuses_what_cannot_be_a_code(client):
    response = client.get("/en/training/certificates/verify/", {"code": "123"})
    assert response.status_code == 400
    assert (
        "A verification code has eight letters and digits after KSC, such as "
        "KSC-7F3K-9Q2M."
    ) in response.content.decode()


def test_an_unknown_code_is_a_clear_404_page(client):
    response = client.get("/en/training/certificates/verify/KSC-2222-2222/")
    assert response.status_code == 404
    html = response.content.decode()
    assert 'data-verdict="unknown"' in html
    assert "No certificate of the Community Safety Coordination Office" in html
    assert "KSC-2222-2222" in html


def test_a_revoked_certificate_says_so_clearly(client, certificate):
    services.certificate_revoke(
        certificate=certificate, by=trainer(), reason="Issued by mistake."
    )
    response = client.get(f"/en/training/certificates/verify/{certificate.code}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-verdict="revoked"' in html
    assert "This certificate was revoked and is no longer valid." in html
    # The reason stays with the Office.
    assert "Issued by mistake." not in html


def test_lookups_are_limited_per_address(client, settings, certificate):
    settings.BASHKESIA_CERTIFICATE_LOOKUPS_PER_HOUR = 3
    cache.clear()
    for _ in range(3):
        assert (
            client.get("/en/training/certificates/verify/KSC-2222-2222/").status_code
            == 404
        )
    response = client.get(f"/en/training/certificates/verify/{certificate.code}/")
    assert response.status_code == 429
    assert "Too many look-ups from your connection" in response.content.decode()
    other = client.get(
        f"/en/training/certificates/verify/{certificate.code}/",
        REMOTE_ADDR="10.1.2.3",
    )
    assert other.status_code == 200
