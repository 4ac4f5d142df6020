"""A sector's public list and map of concerns: what anyone may see, and what
never appears there."""

import json
import re

import pytest

from bashkesia.concerns.models import Category, Concern
from bashkesia.concerns.services import (
    concern_moderate,
    concern_publish_description,
    concern_resolve,
    concern_submit,
)
from bashkesia.staff.tests.conftest import make_person

pytestmark = pytest.mark.django_db

LANGUAGES = {
    "sq": "Brengat e ngritura në sektorin policor PRZ-01",
    "sr-latn": "Zabrinutosti prijavljene u policijskom sektoru PRZ-01",
    "sr": "Забринутости пријављене у полицијском сектору PRZ-01",
    "en": "Concerns raised in police sector PRZ-01",
}


def raise_concern(code="public-order-noise", **extra) -> Concern:
    fields = {
        "category": Category.objects.get(code=code),
        "description": "Loud music at Agim Gashi's house, Rruga e Dardanisë 7.",
        "latitude": 42.213949,
        "longitude": 20.739749,
        "source": "web",
        "is_anonymous": False,
        "reporter_name": "Arta Berisha",
        "reporter_email": "arta@example.org",
        "reporter_phone": "+383 44 111 222",
        "consent_to_contact": True,
        "address": "Rruga e Dardanisë 7",
    }
    fields.update(extra)
    concern, _created = concern_submit(**fields)
    return concern


def map_data(html: str) -> dict:
    match = re.search(
        r'<script id="concern-map-data" type="application/json">(.*?)</script>',
        html,
        re.S,
    )
    assert match, "no map data"
    return json.loads(match.group(1))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_list_is_in_every_language(client, language):
    raise_concern()
    response = client.get(f"/{language}/sectors/PRZ-01/concerns/")
    assert response.status_code == 200
    assert LANGUAGES[language] in response.content.decode()


def test_a_new_concern_shows_without_its_words_or_its_reporter(client):
    concern = raise_concern()
    html = client.get("/en/sectors/PRZ-01/concerns/").content.decode()
    assert "Public order and noise" in html
    assert "The description is not published yet." in html
    for private in (
        "Agim", "Arta", "arta@example.org", "111 222", "Dardan",
        concern.tracking_code,
    ):  # fmt: skip
        assert private not in html
    points = [
        feature["geometry"]["coordinates"]
        for feature in map_data(html)["features"]
        if feature["geometry"]["type"] == "Point"
    ]
    # Snapped to the public grid: not the reported point.
    assert points == [[20.74, 42.214]]


def test_a_published_description_is_the_officers_edited_text(client):
    concern = raise_concern()
    officer = make_person("sector_officer")
    concern_publish_description(
        concern=concern, text="Loud music at a house every night.", by=officer
    )
    html = client.get("/en/sectors/PRZ-01/concerns/").content.decode()
    assert "Loud music at a house every night." in html
    assert "Agim" not in html
    # Unpublishing takes it off again.
    concern_publish_description(concern=concern, text="", by=officer)
    html = client.get("/en/sectors/PRZ-01/concerns/").content.decode()
    assert "Loud music at a house" not in html


def test_sensitive_and_hidden_concerns_never_appear(client):
    raise_concern("domestic-violence", description="Screams next door.")
    hidden = raise_concern("vandalism")
    concern_moderate(concern=hidden, hidden=True, by=make_person("sector_officer"))
    html = client.get("/en/sectors/PRZ-01/concerns/").content.decode()
    assert "Domestic violence" not in html  # not even among the filters
    assert "Vandalism</h2>" not in html
    assert "No concern to show." in html
    assert [
        feature
        for feature in map_data(html)["features"]
        if feature["geometry"]["type"] == "Point"
    ] == []


def test_the_list_filters_by_status_and_category(client):
    open_one = raise_concern("vandalism")
    closed = raise_concern("traffic-safety")
    concern_resolve(concern=closed, by=make_person("sector_officer"), text="Done.")
    assert open_one.sector == closed.sector
    html = client.get("/en/sectors/PRZ-01/concerns/?status=open").content.decode()
    assert "Vandalism</h2>" in html and "Traffic safety and speeding</h2>" not in html
    html = client.get("/en/sectors/PRZ-01/concerns/?status=closed").content.decode()
    assert "Vandalism</h2>" not in html and "Traffic safety and speeding</h2>" in html
    html = client.get(
        "/en/sectors/PRZ-01/concerns/?category=vandalism"
    ).content.decode()
    assert "Vandalism</h2>" in html and "Traffic safety and speeding</h2>" not in html


@pytest.mark.parametrize(
    "query", ["status=lost", "category=domestic-violence", "category=nope"]
)
def test_a_bad_filter_is_400_with_the_reason(client, query):
    response = client.get(f"/en/sectors/PRZ-01/concerns/?{query}")
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()


def test_an_unknown_sector_is_404(client):
    response = client.get("/en/sectors/NOPE-01/concerns/")
    assert response.status_code == 404
    assert "No police sector has the code" in response.content.decode()


def test_the_sector_page_links_to_its_concerns(client):
    html = client.get("/en/sectors/PRZ-01/").content.decode()
    assert 'href="/en/sectors/PRZ-01/concerns/"' in html
