"""Writes in the JSON API: 401 without a staff session, 403 out of scope
(a JSON detail, never the record), 4xx on bad input, and the change at once."""

import pytest

from bashkesia.officers.models import Officer, SectorAssignment


def patch(client, url, data):
    return client.patch(
        url, data, content_type="application/json", HTTP_ACCEPT_LANGUAGE="en"
    )


@pytest.fixture
def own_officer(db):
    return Officer.objects.get(user__username="officer")


def test_an_anonymous_write_is_401(client, own_officer):
    response = patch(client, f"/api/v1/officers/{own_officer.badge_number}", {})
    assert response.status_code == 401
    assert response.json() == {"detail": "Authentication is required."}


def test_a_write_without_the_second_factor_is_401(client, own_officer):
    client.force_login(own_officer.user)
    response = patch(client, f"/api/v1/officers/{own_officer.badge_number}", {})
    assert response.status_code == 401


def test_an_officer_updates_their_own_profile(sign_in, own_officer):
    client = sign_in("officer")
    response = patch(
        client,
        f"/api/v1/officers/{own_officer.badge_number}",
        {"telephone": "+383 44 123 456", "bio_en": "Patrols Prizren's old town."},
    )
    assert response.status_code == 200
    assert response.json()["telephone"] == "+383 44 123 456"
    page = client.get("/en/sectors/PRZ-01/").content.decode()
    assert "+383 44 123 456" in page


def test_an_officer_cannot_change_a_colleagues_profile(sign_in, own_officer):
    other = (
        Officer.objects.filter(station__code="PRZ").exclude(pk=own_officer.pk).first()
    )
    response = patch(sign_in("officer"), f"/api/v1/officers/{other.badge_number}", {})
    assert response.status_code == 403
    assert response.json() == {"detail": "You may not change this officer's profile."}
    assert other.badge_number not in response.content.decode()


def test_a_bad_e_mail_is_400_and_nothing_changes(sign_in, own_officer):
    response = patch(
        sign_in("officer"),
        f"/api/v1/officers/{own_officer.badge_number}",
        {"telephone": "+383 44 000 000", "email": "not an address"},
    )
    assert response.status_code == 400
    assert response.json()["detail"] == "Enter a valid email address."
    own_officer.refresh_from_db()
    assert own_officer.public_phone != "+383 44 000 000"


def test_a_commander_assigns_in_their_station_only(sign_in):
    client = sign_in("commander")
    officer = Officer.objects.filter(station__code="PRZ", role="sector_officer").first()
    response = client.post(
        "/api/v1/sectors/PRZ-02/assignments",
        {"badge_number": officer.badge_number, "start_date": "2026-11-01"},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 201
    assert response.json()["sector"] == "PRZ-02"
    denied = client.post(
        "/api/v1/sectors/PRI-01/assignments",
        {"badge_number": officer.badge_number},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert denied.status_code == 403
    assert denied.json() == {"detail": "You may not assign officers in this sector."}


def test_an_assignment_is_ended_and_kept(sign_in):
    client = sign_in("leader")
    assignment = SectorAssignment.objects.filter(
        sector__code="PRZ-01", kind="sector_officer", end_date=None
    ).first()
    response = client.post(
        f"/api/v1/assignments/{assignment.pk}/end",
        {"end_date": "2026-11-30"},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert response.json()["end_date"] == "2026-11-30"
    assert SectorAssignment.objects.filter(pk=assignment.pk).exists()


def test_bad_assignment_input_is_422(sign_in):
    response = sign_in("directorate").post(
        "/api/v1/sectors/PRZ-01/assignments",
        {"start_date": "someday"},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 422
    assert "badge_number" in response.json()["detail"]


def test_an_unknown_officer_is_404(sign_in):
    response = patch(sign_in("directorate"), "/api/v1/officers/NOPE", {})
    assert response.status_code == 404


def test_the_bio_shows_on_the_sector_page_in_the_visitors_language(
    sign_in, own_officer
):
    client = sign_in("officer")
    patch(
        client,
        f"/api/v1/officers/{own_officer.badge_number}",
        {"bio_sq": "Patrulloj qytetin e vjetër.", "bio_en": "I patrol the old town."},
    )

    def page(language):
        return client.get(f"/{language}/sectors/PRZ-01/").content.decode()

    assert "I patrol the old town." in page("en")
    assert "Patrulloj qytetin e vjetër." in page("sq")
    # Serbian has no bio yet: the Albanian one stands in.
    assert "Patrulloj qytetin e vjetër." in page("sr")
