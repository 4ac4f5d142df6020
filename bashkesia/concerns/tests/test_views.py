"""The citizen's pages: raise a concern, follow it, add to it, reopen it."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from PIL import Image

from bashkesia.concerns.categories import categories_seed
from bashkesia.concerns.models import Category, Concern, Status
from bashkesia.concerns.services import concern_resolve

LANGUAGES = ["sq", "sr-latn", "sr", "en"]


@pytest.fixture(autouse=True)
def _categories(db):
    categories_seed()
    cache.clear()


def form(**overrides):
    data = {
        "category": Category.objects.get(code="public-order-noise").pk,
        "description": "Loud music every night after midnight.",
        "lat": "42.2139",
        "lon": "20.7397",
        "anonymous": "1",
        "website": "",
    }
    data.update(overrides)
    return data


def jpeg(name="photo.jpg"):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "red").save(buffer, format="JPEG")
    buffer.seek(0)
    buffer.name = name
    return buffer


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_form_says_it_is_not_for_emergencies_in_each_language(client, language):
    response = client.get(f"/{language}/concerns/new/")
    assert response.status_code == 200
    assert "192" in response.content.decode()


def test_an_anonymous_concern_with_a_photo_gets_a_tracking_code(client):
    response = client.post("/en/concerns/new/", {**form(), "photos": jpeg()})
    assert response.status_code == 302
    concern = Concern.objects.get(description="Loud music every night after midnight.")
    assert response["Location"] == f"/en/concerns/{concern.tracking_code}/"
    assert concern.photos.count() == 1
    page = client.get(response["Location"]).content.decode()
    assert concern.tracking_code in page
    assert "Thank you. Your concern reached the officers of your sector." in page


def test_a_place_name_locates_the_concern_without_the_map(client):
    data = form(lat="", lon="", place="Fushë Kosovë")
    assert client.post("/en/concerns/new/", data).status_code == 302
    assert Concern.objects.latest("submitted_at").sector.code.startswith("OBI-")


def test_a_reporter_with_contact_gets_an_e_mail(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    data = form(
        anonymous="0", name="Arta", email="arta@example.org", consent_to_contact="on"
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/concerns/new/", data)
    assert len(mailoutbox) == 1
    assert "Tracking code" in mailoutbox[0].body


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"description": ""}, "This field is required."),
        ({"lat": "", "lon": "", "place": ""}, "Say where it is"),
        (
            {"lat": "", "lon": "", "place": "Atlantis"},
            "No village, town or neighbourhood",
        ),
        ({"lat": "44.8", "lon": "20.4"}, "The place is outside Kosovo"),
        ({"anonymous": "0"}, "Give an e-mail address or a telephone number"),
        ({"description": "x" * 4001}, "Ensure this value has at most 4000 characters"),
    ],
)
def test_bad_input_is_400_with_a_message_and_nothing_stored(client, overrides, message):
    before = Concern.objects.count()
    response = client.post("/en/concerns/new/", form(**overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Concern.objects.count() == before


def test_a_file_that_is_not_an_image_is_refused(client):
    fake = io.BytesIO(b"not an image at all")
    fake.name = "evil.jpg"
    response = client.post("/en/concerns/new/", {**form(), "photos": fake})
    assert response.status_code == 400
    assert "This file is not an image, or it is damaged." in response.content.decode()


def test_the_honeypot_keeps_robots_out(client):
    before = Concern.objects.count()
    response = client.post("/en/concerns/new/", form(website="http://spam.example"))
    assert response.status_code == 400
    assert Concern.objects.count() == before


def test_too_many_submissions_from_one_address_are_429(client):
    for _ in range(10):
        client.post("/en/concerns/new/", form())
    response = client.post("/en/concerns/new/", form())
    assert response.status_code == 429
    assert "Too many messages from your connection" in response.content.decode()


def concern_for(client, **overrides) -> Concern:
    client.post("/en/concerns/new/", form(**overrides))
    return Concern.objects.latest("submitted_at")


def test_the_tracking_page_never_shows_the_reporter(client):
    concern = concern_for(
        client, anonymous="0", name="Arta Gashi", email="arta@example.org",
        phone="+383 44 111 222", consent_to_contact="on",
    )  # fmt: skip
    page = client.get(f"/en/concerns/{concern.tracking_code}/").content.decode()
    for secret in ("Arta Gashi", "arta@example.org", "+383 44 111 222"):
        assert secret not in page


def test_the_reporter_adds_information(client):
    concern = concern_for(client)
    url = f"/en/concerns/{concern.tracking_code}/messages/"
    assert client.post(url, {"text": "It started again tonight."}).status_code == 302
    page = client.get(f"/en/concerns/{concern.tracking_code}/").content.decode()
    assert "It started again tonight." in page
    assert client.post(url, {"text": ""}).status_code == 400


def test_a_resolved_concern_is_reopened_by_its_reporter(client):
    concern = concern_for(client)
    officer = get_user_model().objects.get(username="officer")
    concern_resolve(concern=concern, by=officer, text="We spoke to the neighbours.")
    page = client.get(f"/en/concerns/{concern.tracking_code}/").content.decode()
    assert "We spoke to the neighbours." in page
    response = client.post(
        f"/en/concerns/{concern.tracking_code}/reopen/", {"text": "Still loud."}
    )
    assert response.status_code == 302
    concern.refresh_from_db()
    assert concern.status == Status.REOPENED


def test_an_open_concern_cannot_be_reopened(client):
    concern = concern_for(client)
    response = client.post(
        f"/en/concerns/{concern.tracking_code}/reopen/", {"text": "x"}
    )
    assert response.status_code == 400
    assert "Only a resolved concern can be reopened." in response.content.decode()


def test_codes_are_found_in_any_case_and_unknown_ones_are_404(client):
    concern = concern_for(client)
    lower = concern.tracking_code.lower().replace("-", "")
    response = client.get("/en/concerns/", {"code": lower})
    assert response["Location"] == f"/en/concerns/{concern.tracking_code}/"
    assert client.get("/en/concerns/AAAA-BBBB-CCCC/").status_code == 404
    assert client.get("/en/concerns/", {"code": ""}).status_code == 400


def test_internal_notes_never_reach_the_tracking_page(client):
    from bashkesia.concerns.services import concern_reply

    concern = concern_for(client)
    officer = get_user_model().objects.get(username="officer")
    concern_reply(
        concern=concern, by=officer, text="Neighbour is a cousin.", public=False
    )
    page = client.get(f"/en/concerns/{concern.tracking_code}/").content.decode()
    assert "Neighbour is a cousin." not in page
