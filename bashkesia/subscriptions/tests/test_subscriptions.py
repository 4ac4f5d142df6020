"""Following a sector by e-mail: double opt-in, one-click unsubscribe, privacy."""

import re

import pytest
from django.core import mail
from django.test import override_settings

from bashkesia.subscriptions.models import Subscription
from bashkesia.subscriptions.services import subscribers_notify, subscription_request
from bashkesia.territory.models import Sector

pytestmark = pytest.mark.django_db


def link_in(body: str, kind: str) -> str:
    match = re.search(rf"http://127\.0\.0\.1:8000(/\S+/{kind}/)", body)
    assert match, body
    return match.group(1)


def test_following_a_sector_takes_a_confirmation(client, run_tasks):
    response = client.post("/sq/sectors/PRZ-01/follow/", {"email": "besa@example.org"})
    assert response.status_code == 302
    assert response["Location"] == "/sq/sectors/PRZ-01/follow/sent/"
    assert client.get(response["Location"]).status_code == 200
    subscription = Subscription.objects.get(email="besa@example.org")
    assert not subscription.is_confirmed
    assert subscription.language == "sq"

    assert run_tasks() == 1
    message = mail.outbox[0]
    assert message.to == ["besa@example.org"]
    assert "PRZ-01" in message.subject
    confirm = link_in(message.body, "confirm")
    assert confirm.startswith("/sq/subscriptions/")

    # Opening the link shows a button; only pressing it confirms.
    assert client.get(confirm).status_code == 200
    subscription.refresh_from_db()
    assert not subscription.is_confirmed
    response = client.post(confirm)
    assert response.status_code == 200
    subscription.refresh_from_db()
    assert subscription.is_confirmed


def test_asking_twice_keeps_one_subscription_and_says_nothing_more(client, run_tasks):
    for _ in range(2):
        client.post("/en/sectors/PRZ-01/follow/", {"email": "Besa@Example.org"})
    client.post("/en/sectors/PRZ-01/follow/", {"email": "besa@example.org"})
    assert Subscription.objects.filter(sector__code="PRZ-01").count() == 1
    Subscription.objects.update(confirmed_at="2026-01-01T00:00:00Z")
    mail.outbox.clear()
    run_tasks()
    mail.outbox.clear()
    response = client.post("/en/sectors/PRZ-01/follow/", {"email": "besa@example.org"})
    # The same answer as for a new address: nobody learns who follows.
    assert response.status_code == 302
    run_tasks()
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("", "Enter your e-mail address."),
        ("not-an-address", "Enter a valid email address."),
    ],
)
def test_a_bad_address_is_refused_with_a_clear_message(client, email, message):
    response = client.post("/en/sectors/PRZ-01/follow/", {"email": email})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Subscription.objects.exists()


def test_the_message_is_in_the_visitors_language(client, run_tasks):
    response = client.post("/sr/sectors/PRZ-01/follow/", {"email": "a@example.org"})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Проверите" in page or "е-пошт" in page
    run_tasks()
    assert "/sr/subscriptions/" in mail.outbox[0].body


def test_a_robot_filling_the_hidden_field_subscribes_nobody(client, run_tasks):
    response = client.post(
        "/en/sectors/PRZ-01/follow/",
        {"email": "robot@example.org", "website": "http://spam.example"},
    )
    assert response.status_code == 302
    assert not Subscription.objects.exists()
    assert run_tasks() == 0


@override_settings(BASHKESIA_SUBSCRIPTIONS_PER_HOUR=2)
def test_too_many_requests_from_one_address_get_429(client):
    from django.core.cache import cache

    cache.clear()
    for number in range(2):
        response = client.post(
            "/en/sectors/PRZ-01/follow/", {"email": f"p{number}@example.org"}
        )
        assert response.status_code == 302
    response = client.post("/en/sectors/PRZ-01/follow/", {"email": "p3@example.org"})
    assert response.status_code == 429
    assert "Too many requests" in response.content.decode()
    cache.clear()


def test_an_unknown_sector_or_token_is_404(client):
    assert (
        client.post("/en/sectors/NOPE-99/follow/", {"email": "a@b.org"}).status_code
        == 404
    )
    response = client.get("/en/subscriptions/not-a-token/confirm/")
    assert response.status_code == 404
    assert "does not exist" in response.content.decode()
    assert client.get("/en/subscriptions/not-a-token/unsubscribe/").status_code == 404


def subscribed(email: str, code: str = "PRZ-01", language: str = "en"):
    subscription_request(
        sector=Sector.objects.get(code=code), email=email, language=language
    )
    subscription = Subscription.objects.get(email=email, sector__code=code)
    subscription.confirmed_at = "2026-01-01T00:00:00Z"
    subscription.save()
    return subscription


def test_every_message_carries_a_one_click_unsubscribe(client, run_tasks):
    subscription = subscribed("besa@example.org")
    run_tasks()
    mail.outbox.clear()
    sector = subscription.sector
    count = subscribers_notify(
        sector=sector, message=lambda language: ("News", "Something happened.")
    )
    assert count == 1
    run_tasks()
    message = mail.outbox[0]
    unsubscribe = link_in(message.body, "unsubscribe")
    assert message.extra_headers["List-Unsubscribe"] == (
        f"<http://127.0.0.1:8000{unsubscribe}>"
    )
    assert message.extra_headers["List-Unsubscribe-Post"] == (
        "List-Unsubscribe=One-Click"
    )
    # What a mail program does (RFC 8058): a POST, without any cookie.
    response = client.post(
        unsubscribe,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert not Subscription.objects.filter(pk=subscription.pk).exists()
    # Twice is harmless.
    assert client.post(unsubscribe).status_code == 200


def test_the_unsubscribe_link_opened_in_a_browser_asks_first(client):
    subscription = subscribed("besa@example.org")
    path = f"/en/subscriptions/{subscription.token}/unsubscribe/"
    response = client.get(path)
    assert response.status_code == 200
    assert "Stop" in response.content.decode()
    assert Subscription.objects.filter(pk=subscription.pk).exists()


def test_only_confirmed_subscribers_of_the_sector_hear_its_news(run_tasks):
    subscribed("one@example.org")
    subscribed("other-sector@example.org", code="PRZ-02")
    subscription_request(
        sector=Sector.objects.get(code="PRZ-01"),
        email="unconfirmed@example.org",
        language="en",
    )
    run_tasks()
    mail.outbox.clear()
    subscribers_notify(
        sector=Sector.objects.get(code="PRZ-01"),
        message=lambda language: ("News", "Body"),
    )
    run_tasks()
    assert [message.to for message in mail.outbox] == [["one@example.org"]]


def test_the_sector_page_offers_to_follow_it(client):
    page = client.get("/en/sectors/PRZ-01/").content.decode()
    assert 'action="/en/sectors/PRZ-01/follow/"' in page
    assert "Follow this sector" in page


def test_unconfirmed_addresses_are_deleted_after_a_week(monkeypatch):
    import datetime

    from django.core.management import call_command

    from bashkesia.core import clock

    subscribed("kept@example.org")
    subscription_request(
        sector=Sector.objects.get(code="PRZ-01"), email="new@example.org", language="en"
    )
    subscription_request(
        sector=Sector.objects.get(code="PRZ-01"), email="old@example.org", language="en"
    )
    Subscription.objects.filter(email="old@example.org").update(
        created_at=clock.now() - datetime.timedelta(days=8)
    )
    call_command("prune_subscriptions")
    assert sorted(Subscription.objects.values_list("email", flat=True)) == [
        "kept@example.org",
        "new@example.org",
    ]
