"""The citizen's pages: raise a concern, follow it, add to it, reopen it."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.utils import translation
from django.utils.translation import gettext
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


def test_a_reporter_with_contact_gets_an_e_mail(client, mailoutbox, run_tasks):
    data = form(
        anonymous="0", name="Arta", email="arta@example.org", consent_to_contact="on"
    )
    client.post("/en/concerns/new/", data)
    run_tasks()
    to_reporter = [m for m in mailoutbox if m.to == ["arta@example.org"]]
    assert len(to_reporter) == 1
    assert "Tracking code" in to_reporter[0].body


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


# The category's extra questions


def answer(code: str, question: str) -> str:
    """Return the form field's name for ``question`` of category ``code``."""
    return f"answer-{Category.objects.get(code=code).pk}-{question}"


def weapons_form(**answers):
    return form(
        category=Category.objects.get(code="illegal-weapons").pk,
        description="Someone shows a pistol around the bus station.",
        **{answer("illegal-weapons", code): value for code, value in answers.items()},
    )


def test_the_form_asks_each_categorys_questions_in_the_language(client):
    weapons = Category.objects.get(code="illegal-weapons")
    page = client.get("/sr/concerns/new/").content.decode()
    assert f'data-category="{weapons.pk}"' in page
    assert "Да ли је било пуцњаве?" in page
    assert f'name="{answer("illegal-weapons", "seen")}" value="handgun"' in page
    assert f'name="{answer("stray-animals", "count")}"' in page
    assert 'type="number"' in page
    assert f'name="{answer("theft-burglary", "when")}"' in page
    assert 'type="datetime-local"' in page
    page = client.get("/en/concerns/new/").content.decode()
    assert "Were shots fired?" in page
    assert "(required)" in page
    # Shown only where JavaScript and the browser can locate.
    assert "data-use-location" in page


def test_answers_from_the_form_are_stored(client):
    response = client.post(
        "/en/concerns/new/", weapons_form(shots="yes", seen=["handgun", "explosives"])
    )
    assert response.status_code == 302
    concern = Concern.objects.get(category__code="illegal-weapons")
    assert concern.answers == {"shots": ["yes"], "seen": ["handgun", "explosives"]}


@pytest.mark.parametrize(
    ("answers", "messages"),
    [
        ({}, ["Answer “Were shots fired?”."]),
        (
            {"shots": "maybe", "seen": ["tank"]},
            [
                "“maybe” is not an answer to “Were shots fired?”.",
                "“tank” is not an answer to “What did you see?”.",
            ],
        ),
    ],
)
def test_bad_answers_are_400_with_the_message_and_nothing_stored(
    client, answers, messages
):
    data = weapons_form(**answers)
    data["description"] = "Someone shows a pistol, kept after the error."
    response = client.post("/en/concerns/new/", data)
    assert response.status_code == 400
    page = response.content.decode()
    for message in messages:
        assert f'<span class="field-error">{message}</span>' in page
    assert "Someone shows a pistol, kept after the error." in page
    assert not Concern.objects.filter(category__code="illegal-weapons").exists()


def test_bad_answers_and_other_problems_are_told_together_in_the_language(client):
    data = weapons_form(shots="", seen=["handgun"])
    data["description"] = ""
    response = client.post("/sq/concerns/new/", data)
    assert response.status_code == 400
    page = response.content.decode()
    with translation.override("sq"):
        required = gettext("This field is required.")
        unanswered = gettext("Answer “%(question)s”.") % {
            "question": "A pati të shtëna?"
        }
    assert unanswered != "Answer “A pati të shtëna?”."
    assert f'<span class="field-error">{unanswered}</span>' in page
    assert f'<span class="field-error">{required}</span>' in page
    # The ticked value stays ticked.
    name = answer("illegal-weapons", "seen")
    assert re.search(rf'name="{name}" value="handgun"[^>]*checked', page)


def test_only_the_chosen_categorys_questions_count(client):
    data = form(**{answer("illegal-weapons", "shots"): "not even a value"})
    data[answer("stray-animals", "count")] = "many"
    response = client.post("/en/concerns/new/", data)
    assert response.status_code == 302
    concern = Concern.objects.get(description="Loud music every night after midnight.")
    assert concern.answers == {}


def test_the_tracking_page_shows_the_answers_in_the_readers_language(client):
    client.post("/en/concerns/new/", weapons_form(shots="unknown", seen=["long-gun"]))
    concern = Concern.objects.get(category__code="illegal-weapons")
    page = client.get(f"/en/concerns/{concern.tracking_code}/").content.decode()
    assert re.search(
        r"<dt>Were shots fired\?</dt>\s*<dd>\s*I do not know\s*</dd>", page
    )
    assert re.search(
        r"<dt>What did you see\?</dt>\s*<dd>\s*A rifle or shotgun\s*</dd>", page
    )
    page = client.get(f"/sq/concerns/{concern.tracking_code}/").content.decode()
    assert re.search(r"<dt>A pati të shtëna\?</dt>\s*<dd>\s*Nuk e di\s*</dd>", page)
