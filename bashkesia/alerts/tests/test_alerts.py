"""Sector alerts: published by the sector's officers, on the sector's page,
e-mailed to its subscribers, withdrawn when over."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from bashkesia.alerts.models import Alert
from bashkesia.alerts.services import alert_publish, alert_withdraw
from bashkesia.core import clock
from bashkesia.staff.tests.conftest import make_person, sign_in
from bashkesia.subscriptions.models import Subscription
from bashkesia.territory.models import Sector

pytestmark = pytest.mark.django_db


def follower(email: str, language: str, code: str = "PRZ-01") -> Subscription:
    return Subscription.objects.create(
        sector=Sector.objects.get(code=code),
        email=email,
        language=language,
        token=f"token-{email}",
        created_at=clock.now(),
        confirmed_at=clock.now(),
    )


def publish(**changes) -> Alert:
    fields = {
        "sector": Sector.objects.get(code="PRZ-01"),
        "kind": Alert.Kind.ALERT,
        "title": "Burglaries at night",
        "body": "Three houses were broken into this week. Lock doors and windows.",
        "shown_until": clock.today() + datetime.timedelta(days=7),
        "by": None,
    }
    fields.update(changes)
    return alert_publish(**fields)


def test_an_officer_publishes_an_alert_that_reaches_the_sector(client, run_tasks):
    follower("besa@example.org", "sq")
    follower("milan@example.org", "sr")
    follower("elsewhere@example.org", "en", code="PRZ-02")
    officer = make_person("sector_officer")
    staff = sign_in(client, officer)

    response = staff.get("/en/staff/alerts/new/?sector=prz-01")
    assert response.status_code == 200
    response = staff.post(
        "/en/staff/alerts/new/",
        {
            "sector": "PRZ-01",
            "kind": "alert",
            "title": "Burglaries at night",
            "body": "Lock doors and windows; call 192 if you see anything.",
            "shown_until": (clock.today() + datetime.timedelta(days=7)).isoformat(),
        },
        follow=True,
    )
    assert response.status_code == 200
    assert "e-mailed to 2 subscribers" in response.content.decode()
    alert = Alert.objects.get()
    assert alert.published_by == officer
    assert alert.recipients == 2

    assert run_tasks() == 2
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {"besa@example.org", "milan@example.org"}
    albanian = by_address["besa@example.org"]
    assert "Burglaries at night" in albanian.subject
    assert f"/sq/sectors/PRZ-01/alerts/{alert.pk}/" in albanian.body
    assert "/sq/subscriptions/token-besa@example.org/unsubscribe/" in albanian.body
    assert "Alarm" in albanian.subject or "alarm" in albanian.subject.lower()
    assert (
        f"/sr/sectors/PRZ-01/alerts/{alert.pk}/" in by_address["milan@example.org"].body
    )

    # Everyone sees it on the sector's page, its list, its own page, the feed.
    public = client.get("/en/sectors/PRZ-01/").content.decode()
    assert "Burglaries at night" in public
    assert (
        "Burglaries at night"
        in client.get("/en/sectors/PRZ-01/alerts/").content.decode()
    )
    assert client.get(alert.get_absolute_url()).status_code == 200
    feed = client.get("/en/sectors/PRZ-01/alerts/feed/")
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert "Burglaries at night" in feed.content.decode()
    # Not on the page of another sector.
    assert (
        "Burglaries at night" not in client.get("/en/sectors/PRZ-02/").content.decode()
    )


def test_an_alert_leaves_the_sector_page_when_it_expires_or_is_withdrawn(client, today):
    alert = publish()
    assert "Burglaries at night" in client.get("/en/sectors/PRZ-01/").content.decode()
    today(clock.today() + datetime.timedelta(days=8))
    assert (
        "Burglaries at night" not in client.get("/en/sectors/PRZ-01/").content.decode()
    )
    # Still in the sector's list of alerts.
    assert (
        "Burglaries at night"
        in client.get("/en/sectors/PRZ-01/alerts/").content.decode()
    )
    alert_withdraw(alert=alert, by=None)
    assert (
        "Burglaries at night"
        not in client.get("/en/sectors/PRZ-01/alerts/").content.decode()
    )
    assert client.get(alert.get_absolute_url()).status_code == 404


def test_the_officer_withdraws_an_alert_from_the_back_office(client):
    alert = publish()
    staff = sign_in(client, make_person("sector_officer"))
    page = staff.get("/en/staff/alerts/").content.decode()
    assert "Burglaries at night" in page
    assert f"/en/staff/alerts/{alert.pk}/withdraw/" in page
    response = staff.post(f"/en/staff/alerts/{alert.pk}/withdraw/")
    assert response.status_code == 302
    alert.refresh_from_db()
    assert alert.is_withdrawn


def test_a_coordinator_reads_the_alerts_but_cannot_withdraw_them(client):
    alert = publish()
    staff = sign_in(client, make_person("regional_coordinator"))
    page = staff.get("/en/staff/alerts/").content.decode()
    assert "Burglaries at night" in page
    assert "/withdraw/" not in page
    assert staff.post(f"/en/staff/alerts/{alert.pk}/withdraw/").status_code == 403
    alert.refresh_from_db()
    assert not alert.is_withdrawn


def test_an_alert_of_another_region_is_not_found_in_the_back_office(client):
    alert = publish(sector=Sector.objects.get(code="PEJ-01"))
    staff = sign_in(client, make_person("station_commander"))
    assert "Burglaries" not in staff.get("/en/staff/alerts/").content.decode()
    assert staff.post(f"/en/staff/alerts/{alert.pk}/withdraw/").status_code == 404


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"title": "  <b></b> "}, "title", "Give the alert a title."),
        ({"body": ""}, "body", "Write what people should know or do."),
        (
            {"shown_until": datetime.date(2000, 1, 1)},
            "shown_until",
            "The last day cannot be in the past.",
        ),
        (
            {"shown_until": datetime.date(2100, 1, 1)},
            "shown_until",
            "An alert is shown for 90 days at most.",
        ),
        ({"kind": "rumour"}, "kind", "is not a valid choice"),
    ],
)
def test_a_bad_alert_is_refused_and_nothing_is_sent(changes, field, message, run_tasks):
    follower("besa@example.org", "en")
    with pytest.raises(ValidationError) as caught:
        publish(**changes)
    assert any(message in text for text in caught.value.message_dict[field])
    assert not Alert.objects.exists()
    assert run_tasks() == 0


def test_the_form_shows_errors_in_the_users_language(client):
    staff = sign_in(client, make_person("sector_officer"))
    response = staff.post(
        "/sq/staff/alerts/new/",
        {
            "sector": "PRZ-01",
            "kind": "alert",
            "title": "",
            "body": "",
            "shown_until": "",
        },
    )
    assert response.status_code == 400
    assert "Alarmi nuk u publikua" in response.content.decode()
    assert not Alert.objects.exists()


def test_html_in_an_alert_is_shown_as_text(client):
    publish(title="<script>alert(1)</script>Warning", body="<b>Bold</b> claim")
    page = client.get("/en/sectors/PRZ-01/").content.decode()
    assert "<script>alert(1)" not in page
    assert "Warning" in page


PAGES_IN = {
    "sq": ("Alarmet e sektorit policor PRZ-01", "Alarmet për sektorët e mi"),
    "sr-latn": ("Upozorenja policijskog sektora PRZ-01", "Upozorenja mojim sektorima"),
    "sr": ("Упозорења полицијског сектора PRZ-01", "Упозорења мојим секторима"),
    "en": ("Alerts of police sector PRZ-01", "Alerts to my sectors"),
}


@pytest.mark.parametrize("language", PAGES_IN)
def test_the_alert_pages_speak_every_language(client, language):
    alert = publish()
    public, staff_title = PAGES_IN[language]
    assert public in client.get(f"/{language}/sectors/PRZ-01/alerts/").content.decode()
    assert (
        client.get(f"/{language}/sectors/PRZ-01/alerts/{alert.pk}/").status_code == 200
    )
    assert client.get(f"/{language}/sectors/PRZ-01/follow/").status_code == 200
    staff = sign_in(client, make_person("sector_officer"))
    assert staff_title in staff.get(f"/{language}/staff/alerts/").content.decode()
    assert staff.get(f"/{language}/staff/alerts/new/").status_code == 200


def test_unknown_alerts_and_sectors_are_404(client):
    alert = publish()
    assert client.get(f"/en/sectors/PRZ-02/alerts/{alert.pk}/").status_code == 404
    assert client.get("/en/sectors/NOPE-1/alerts/").status_code == 404
    assert client.get("/en/sectors/NOPE-1/alerts/feed/").status_code == 404


def test_the_sector_workspace_offers_to_publish_only_to_who_may(client):
    staff = sign_in(client, make_person("sector_officer"))
    html = staff.get("/en/staff/sectors/PRZ-01/").content.decode()
    assert "/en/staff/alerts/new/?sector=PRZ-01" in html
    coordinator = sign_in(client, make_person("regional_coordinator"))
    html = coordinator.get("/en/staff/sectors/PRZ-01/").content.decode()
    assert "/en/staff/alerts/new/" not in html
