"""POST /api/v1/stats/daily: other systems enter and correct a station's day
with an API token, within the token user's scope."""

import datetime
import hashlib
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from bashkesia.accounts.models import ApiToken
from bashkesia.accounts.tokens import api_token_create, api_token_revoke
from bashkesia.stats.models import DailyStatistics

from .entry_people import demo_user, figures, yesterday

pytestmark = pytest.mark.django_db
URL = "/api/v1/stats/daily"


@pytest.fixture
def clerk_key() -> str:
    _token, key = api_token_create(user=demo_user("clerk"), name="Prizren records")
    return key


def post(client, body: dict, key: str | None = None, **headers):
    if key is not None:
        headers["HTTP_AUTHORIZATION"] = f"Bearer {key}"
    headers.setdefault("HTTP_ACCEPT_LANGUAGE", "en")
    return client.post(URL, body, content_type="application/json", **headers)


def day_body(station: str = "PRZ", day: datetime.date | None = None, **changes):
    return {
        "station": station,
        "day": (day or yesterday()).isoformat(),
        **figures(**changes),
    }


def test_a_new_day_is_entered_provisional(client, clerk_key):
    response = post(client, day_body(), clerk_key)
    assert response.status_code == 201
    assert response.json() == {
        "station": "PRZ",
        "day": yesterday().isoformat(),
        "status": "provisional",
        "corrections": [],
        **figures(),
    }
    statistics = DailyStatistics.objects.get(station__code="PRZ", day=yesterday())
    assert statistics.entered_by.username == "clerk"
    token = ApiToken.objects.get(name="Prizren records")
    assert token.last_used_at is not None


def test_an_entered_day_is_corrected_with_a_reason(client, clerk_key):
    before = yesterday() - datetime.timedelta(days=1)
    statistics = DailyStatistics.objects.get(station__code="PRZ-ZH", day=before)
    response = post(
        client,
        {
            "station": "prz-zh",
            "day": before.isoformat(),
            "arrests": statistics.arrests + 1,
            "reason": "A late arrest report.",
        },
        clerk_key,
    )
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "confirmed"
    assert body["arrests"] == statistics.arrests + 1
    assert body["corrections"] == [
        {
            "figure": "arrests",
            "old_value": statistics.arrests,
            "new_value": statistics.arrests + 1,
        }
    ]
    correction = statistics.corrections.get()
    assert (correction.reason, correction.public) == ("A late arrest report.", True)
    assert correction.corrected_by.username == "clerk"


def test_a_correction_needs_a_reason(client, clerk_key):
    before = yesterday() - datetime.timedelta(days=1)
    response = post(client, day_body("PRZ-SR", before), clerk_key)
    assert response.status_code == 400
    station = DailyStatistics.objects.get(station__code="PRZ-SR", day=before).station
    assert response.json() == {
        "detail": f"The figures of {station.name} for {before.isoformat()} are "
        "entered already: to correct them, say why (reason)."
    }


def test_without_a_token_the_answer_is_401(client):
    response = post(client, day_body())
    assert response.status_code == 401
    assert response.json() == {"detail": "Authentication is required."}
    response = post(client, day_body(), HTTP_AUTHORIZATION="Basic Y2xlcms6eA==")
    assert response.status_code == 401
    assert not DailyStatistics.objects.filter(
        station__code="PRZ", day=yesterday()
    ).exists()


def test_a_wrong_token_is_401(client, clerk_key):
    response = post(client, day_body(), clerk_key + "x")
    assert response.status_code == 401
    assert response.json() == {"detail": "The API token is not valid."}


def test_a_revoked_token_is_401(client, clerk_key):
    token = ApiToken.objects.get(name="Prizren records")
    api_token_revoke(token=token)
    response = post(client, day_body(), clerk_key)
    assert response.status_code == 401
    assert response.json() == {"detail": "The API token has been revoked."}


def test_a_disabled_user_s_token_is_401(client, clerk_key):
    clerk = demo_user("clerk")
    clerk.is_active = False
    clerk.save(update_fields=["is_active"])
    response = post(client, day_body(), clerk_key)
    assert response.status_code == 401
    assert response.json() == {"detail": "The API token is not valid."}


def test_a_station_outside_the_token_user_s_scope_is_403(client, clerk_key):
    response = post(client, day_body("PEJ"), clerk_key)
    assert response.status_code == 403
    assert response.json() == {
        "detail": "You do not enter the figures of Peja Police Station."
    }


def test_a_coordinator_token_enters_nothing(client):
    _token, key = api_token_create(user=demo_user("coordinator"), name="region")
    response = post(client, day_body(), key)
    assert response.status_code == 403


@pytest.mark.parametrize(
    ("changes", "detail"),
    [
        ({"arrests": -1}, "The number of arrests cannot be negative."),
        (
            {"fatal_accidents": 31},
            "31 fatal accidents in one station in one day is not possible (at "
            "most 30): check the number.",
        ),
        ({"in_custody": None}, "Give the number of in custody."),
    ],
)
def test_bad_figures_are_400(client, clerk_key, changes, detail):
    body = day_body()
    body.update(changes)
    if body["in_custody"] is None:
        del body["in_custody"]
    response = post(client, body, clerk_key)
    assert response.status_code == 400
    assert response.json() == {"detail": detail}
    assert not DailyStatistics.objects.filter(
        station__code="PRZ", day=yesterday()
    ).exists()


def test_a_figure_that_is_not_a_number_is_422(client, clerk_key):
    response = post(client, day_body(arrests="many"), clerk_key)
    assert response.status_code == 422
    assert response.json()["detail"] == (
        "Invalid input: data.arrests: must be a whole number"
    )


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        (
            {"station": "XYZ"},
            "No police station has the code “XYZ”.",
        ),
        (
            {"day": "2024-13-40"},
            "day: 2024-13-40 is not a day of the calendar.",
        ),
        (
            {"day": (yesterday() + datetime.timedelta(days=1)).isoformat()},
            "Figures are entered for a day that is over.",
        ),
    ],
)
def test_a_bad_station_or_day_is_400(client, clerk_key, body, detail):
    response = post(client, {**day_body(), **body}, clerk_key)
    assert response.status_code == 400
    assert response.json() == {"detail": detail}


# Tokens


def test_the_command_prints_a_key_once_and_stores_its_hash():
    out = StringIO()
    call_command("create_api_token", "clerk", "Prizren records", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == (
        "API token Prizren records for clerk (shown only this once; keep it "
        "secret; send it as 'Authorization: Bearer <key>'):"
    )
    key = lines[1]
    token = ApiToken.objects.get(name="Prizren records")
    assert token.user.username == "clerk"
    assert token.key_hash == hashlib.sha256(key.encode()).hexdigest()
    assert key not in token.key_hash


def test_the_command_refuses_an_unknown_user_and_an_empty_name():
    with pytest.raises(CommandError, match="^There is no user nobody.$"):
        call_command("create_api_token", "nobody", "x")
    with pytest.raises(CommandError, match="^Name the system the token is for.$"):
        call_command("create_api_token", "clerk", "  ")


def test_the_admin_lists_and_revokes_tokens(sign_in, clerk_key):
    client = sign_in("directorate")
    token = ApiToken.objects.get(name="Prizren records")
    listing = client.get("/en/admin/accounts/apitoken/")
    assert listing.status_code == 200
    assert "Prizren records" in listing.content.decode()
    response = client.post(
        "/en/admin/accounts/apitoken/",
        {"action": "revoke", "_selected_action": [token.pk]},
    )
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
