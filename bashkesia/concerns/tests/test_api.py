"""POST /api/v1/concerns and GET /api/v1/concerns/{tracking_code}."""

import pytest
from django.core.cache import cache

from bashkesia.concerns.categories import categories_seed
from bashkesia.concerns.models import Concern


@pytest.fixture(autouse=True)
def _categories(db):
    categories_seed()
    cache.clear()


def body(**overrides):
    return {
        "category": "theft-burglary",
        "description": "A bicycle was stolen from our yard.",
        "lat": 42.2139,
        "lon": 20.7397,
        **overrides,
    }


def post(client, data, **headers):
    return client.post(
        "/api/v1/concerns",
        data,
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
        **headers,
    )


def test_a_concern_is_created_with_a_tracking_code(client):
    response = post(client, body())
    assert response.status_code == 201
    data = response.json()
    assert data["sector"] == "PRZ-01"
    assert data["url"].endswith(f"/concerns/{data['tracking_code']}/")
    assert Concern.objects.get(tracking_code=data["tracking_code"]).source == "api"


def test_a_retry_with_the_same_idempotency_key_returns_the_first(client):
    first = post(client, body(), HTTP_IDEMPOTENCY_KEY="abc-123")
    again = post(client, body(), HTTP_IDEMPOTENCY_KEY="abc-123")
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["tracking_code"] == again.json()["tracking_code"]
    assert Concern.objects.filter(idempotency_key="abc-123").count() == 1


@pytest.mark.parametrize(
    ("overrides", "status", "detail"),
    [
        ({"category": "nope"}, 400, "Unknown category “nope”."),
        ({"lat": 44.8, "lon": 20.4}, 400, "The place is outside Kosovo"),
        ({"lat": 95}, 422, "lat: must be at most 90.0"),
        ({"description": ""}, 422, "description: is too short"),
        ({"anonymous": False}, 400, "Give an e-mail address or a telephone number"),
    ],
)
def test_bad_input_gets_a_clear_4xx(client, overrides, status, detail):
    response = post(client, body(**overrides))
    assert response.status_code == status
    assert detail in response.json()["detail"]


def test_following_a_concern_shows_status_and_public_updates_only(client):
    code = post(client, body(anonymous=False, email="x@example.org")).json()[
        "tracking_code"
    ]
    response = client.get(f"/api/v1/concerns/{code}", HTTP_ACCEPT_LANGUAGE="en")
    data = response.json()
    assert data["status"] == "submitted"
    assert data["updates"][0]["status"] == "submitted"
    assert "x@example.org" not in response.content.decode()


def test_an_unknown_code_is_404(client):
    response = client.get("/api/v1/concerns/AAAA-BBBB-CCCC", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert response.json() == {
        "detail": "No concern has the tracking code “AAAA-BBBB-CCCC”."
    }


def test_submissions_are_rate_limited_per_address(client):
    for _ in range(10):
        post(client, body())
    response = post(client, body())
    assert response.status_code == 429
    assert (
        response.json()["detail"]
        == "Too many concerns from your connection; try later."
    )


# Answers to the category's questions (theft-burglary asks the seed ones)


def test_answers_to_the_categorys_questions_are_kept(client):
    response = post(
        client,
        body(answers={"happened": ["attempt"], "when": "2025-05-01T21:30"}),
    )
    assert response.status_code == 201
    concern = Concern.objects.get(tracking_code=response.json()["tracking_code"])
    assert concern.answers == {"happened": ["attempt"], "when": ["2025-05-01T21:30"]}
    assert concern.description == "A bicycle was stolen from our yard."


def test_answers_to_questions_the_category_does_not_ask_are_dropped(client):
    response = post(client, body(answers={"plate": ["01-234-AB"]}))
    assert response.status_code == 201
    concern = Concern.objects.get(tracking_code=response.json()["tracking_code"])
    assert concern.answers == {}


def test_bad_answers_are_refused_with_every_problem_and_nothing_stored(client):
    response = post(
        client,
        body(
            category="illegal-weapons",
            answers={"seen": ["handgun", "tank"]},
            lat=44.8,
            lon=20.4,
        ),
    )
    assert response.status_code == 400
    assert response.json() == {
        "detail": "Answer “Were shots fired?”. "
        "“tank” is not an answer to “What did you see?”. "
        "The place is outside Kosovo: no police sector covers it."
    }
    assert not Concern.objects.filter(category__code="illegal-weapons").exists()


def test_answers_must_be_texts_or_lists_of_texts(client):
    response = post(client, body(answers={"happened": {"nested": "no"}}))
    assert response.status_code == 422
    assert "answers" in response.json()["detail"]


@pytest.mark.parametrize("language", ["sq", "sr-latn", "sr", "en"])
def test_the_tracking_page_is_in_the_language_the_reporter_chose(client, language):
    data = post(client, body(language=language)).json()
    assert data["url"].endswith(f"/{language}/concerns/{data['tracking_code']}/")
