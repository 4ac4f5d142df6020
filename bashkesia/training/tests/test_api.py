"""Training in the JSON API: courses, sessions to come, a certificate."""

import pytest
from django.core.cache import cache

from bashkesia.training import services

from .helpers import course, finished, forum_with_members, session, trainer

pytestmark = pytest.mark.django_db


def test_courses_are_listed_in_the_language_asked(client):
    course()
    course(code="OLD-1", is_active=False)
    response = client.get("/api/v1/training/courses", HTTP_ACCEPT_LANGUAGE="sr")
    assert response.status_code == 200
    (found,) = response.json()
    assert found["code"] == "SARA-201"
    assert found["title"] == "Решавање проблема по моделу САРА"
    assert found["hours"] == 24
    assert found["audience"] == "evsb"
    assert found["url"].endswith("/training/courses/SARA-201/")


def test_sessions_are_the_upcoming_ones_by_default_and_filtered_by_days(client):
    sara = course()
    soon = session(sara, starts_in=5, capacity=4)
    later = session(sara, starts_in=60)
    session(sara, starts_in=-30)
    response = client.get("/api/v1/training/sessions", HTTP_ACCEPT_LANGUAGE="en")
    assert [s["id"] for s in response.json()] == [soon.pk, later.pk]
    first = response.json()[0]
    assert first["free_places"] == 4
    assert first["place"].startswith("Community Safety Coordination Office")
    response = client.get(
        "/api/v1/training/sessions",
        {"from": soon.starts_on.isoformat(), "to": soon.ends_on.isoformat()},
    )
    assert [s["id"] for s in response.json()] == [soon.pk]


def test_sessions_refuse_days_out_of_order_and_bad_dates(client):
    response = client.get(
        "/api/v1/training/sessions",
        {"from": "2026-05-02", "to": "2026-05-01"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert response.json() == {
        "detail": "The last day cannot come before the first day."
    }
    assert client.get("/api/v1/training/sessions", {"from": "May"}).status_code == 422


def test_a_certificate_is_verified_by_its_code_and_an_unknown_one_is_404(client):
    planned = session(course())
    forum, members = forum_with_members(1, name="Zhur")
    (enrolment,) = finished(planned, members)
    certificate = services.certificate_issue(
        enrolment=enrolment, by=trainer(), language="en"
    )
    response = client.get(f"/api/v1/training/certificates/{certificate.code.lower()}")
    assert response.status_code == 200
    data = response.json()
    assert (data["code"], data["holder"], data["valid"], data["hours"]) == (
        certificate.code,
        "Member Zhur 0",
        True,
        24,
    )
    services.certificate_revoke(certificate=certificate, by=trainer(), reason="x")
    revoked = client.get(f"/api/v1/training/certificates/{certificate.code}").json()
    assert (revoked["valid"], revoked["revoked"]) == (False, True)
    missing = client.get(
        "/api/v1/training/certificates/KSC-2222-2222", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert missing.status_code == 404
    assert missing.json() == {"detail": "No certificate has the code KSC-2222-2222."}


def test_certificate_lookups_in_the_api_share_the_limit(client, settings):
    settings.BASHKESIA_CERTIFICATE_LOOKUPS_PER_HOUR = 2
    cache.clear()
    client.get("/en/training/certificates/verify/KSC-2222-2222/")
    client.get("/api/v1/training/certificates/KSC-2222-2222")
    response = client.get(
        "/api/v1/training/certificates/KSC-2222-2222", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 429
    assert response.json() == {
        "detail": "Too many look-ups from your connection; try again later."
    }
