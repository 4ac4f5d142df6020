"""Public territory pages in every language: finder, sector, station,
municipality, region and the index."""

import pytest

from bashkesia.officers.tests.factories import SectorAssignmentFactory
from bashkesia.territory.models import Sector

LANGUAGES = ["sq", "sr-latn", "sr", "en"]


def page(client, url):
    response = client.get(url)
    return response, response.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_sector_page_shows_its_officers_station_and_settlements(client, db, language):
    response, html = page(client, f"/{language}/sectors/PRZ-01/")
    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    sector = Sector.objects.get(code="PRZ-01")
    officer = sector.assignments.filter(end_date=None).first().officer
    assert officer.public_phone in html
    assert sector.station.name_in(language) in html
    assert "sector-map-data" in html
    assert "192" in html


def test_the_sector_page_writes_names_in_the_script_of_the_language(client, db):
    _, latin = page(client, "/sr-latn/sectors/PRZ-01/")
    _, cyrillic = page(client, "/sr/sectors/PRZ-01/")
    assert "Policijski sektor PRZ-01 Prizren" in latin
    assert "Полицијски сектор PRZ-01 Призрен" in cyrillic
    assert "Полицијска станица Призрен" in cyrillic


def test_the_sector_page_shows_a_new_officer_at_once(client, db):
    page(client, "/en/sectors/PRZ-01/")  # warm the cache
    assignment = SectorAssignmentFactory(sector=Sector.objects.get(code="PRZ-01"))
    _, html = page(client, "/en/sectors/PRZ-01/")
    assert assignment.officer.last_name in html


def test_the_sector_page_never_shows_private_officer_data(client, db):
    SectorAssignmentFactory(sector=Sector.objects.get(code="PRZ-01"))
    _, html = page(client, "/en/sectors/PRZ-01/")
    assert "+383 44 999 888" not in html
    assert "on leave" not in html


def test_demo_sectors_say_they_are_demo_data(client, db):
    _, html = page(client, "/en/sectors/PRZ-01/")
    assert "Demonstration data: this sector and its officers are made up." in html


def test_a_lower_case_code_redirects_to_the_canonical_address(client, db):
    response = client.get("/en/sectors/prz-01/")
    assert response.status_code == 301
    assert response["Location"] == "/en/sectors/PRZ-01/"


@pytest.mark.parametrize(
    "url",
    [
        "/en/sectors/XXX-01/",
        "/en/stations/NOPE/",
        "/en/municipalities/XYZ/",
        "/en/regions/atlantis/",
    ],
)
def test_unknown_codes_are_404(client, db, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("language", LANGUAGES)
def test_station_municipality_and_region_pages_list_their_sectors(client, db, language):
    for url, expected in (
        (f"/{language}/stations/PRZ-ZH/", "PRZ-"),
        (f"/{language}/municipalities/PRZ/", "/sectors/PRZ-01/"),
        (f"/{language}/regions/prizren/", "/municipalities/PRZ/"),
    ):
        response, html = page(client, url)
        assert response.status_code == 200, url
        assert expected in html, url
        assert "data-features-url" in html


def test_the_index_lists_every_sector(client, db):
    _, html = page(client, "/en/sectors/")
    for code in Sector.objects.values_list("code", flat=True):
        assert f"/en/sectors/{code}/" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Fushe Kosove", "Fushë Kosovë"),
        ("Косово Поље", "Fushë Kosovë"),
        ("kosovo polje", "Fushë Kosovë"),
    ],
)
def test_the_search_page_finds_places_without_javascript(client, db, query, expected):
    response, html = page(client, f"/en/find/?q={query}")
    assert response.status_code == 200
    assert expected in html
    assert "/en/sectors/OBI-" in html


def test_the_search_page_says_when_nothing_matches(client, db):
    _, html = page(client, "/en/find/?q=Xyzzyville")
    assert "No place has that name." in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("q=", "This field is required."),
        (
            "q=" + "x" * 101,
            "Ensure this value has at most 100 characters (it has 101).",
        ),
    ],
)
def test_bad_searches_are_400_with_a_message(client, db, query, message):
    response, html = page(client, f"/en/find/?{query}")
    assert response.status_code == 400
    assert message in html


def test_suggestions_are_a_fragment_of_links_to_sectors(client, db):
    response, html = page(client, "/sr/find/suggest/?q=Fushe")
    assert response.status_code == 200
    assert "<html" not in html
    assert "Фушe" in html or "Fushë" in html or "Косово Поље" in html
    assert 'role="option"' in html


def test_suggestions_for_nothing_are_empty(client, db):
    response, html = page(client, "/en/find/suggest/?q=")
    assert response.status_code == 200
    assert html.strip() == ""


def test_a_point_in_prizren_redirects_to_its_sector(client, db):
    response = client.get("/sr/find/point/", {"lat": 42.2139, "lon": 20.7397})
    assert response.status_code == 302
    assert response["Location"] == "/sr/sectors/PRZ-01/"


def test_a_point_outside_kosovo_is_404_with_a_message(client, db):
    response, html = page(client, "/en/find/point/?lat=44.81&lon=20.46")
    assert response.status_code == 404
    assert "No police sector covers this point; it is outside Kosovo." in html


@pytest.mark.parametrize(
    "query", ["lat=abc&lon=20", "lat=42", "lat=95&lon=20", "lat=nan&lon=20", ""]
)
def test_a_bad_point_is_400_with_a_message(client, db, query):
    response, html = page(client, f"/en/find/point/?{query}")
    assert response.status_code == 400
    assert "This is not a point on the map:" in html


def test_pages_refuse_posts(client, db):
    assert client.post("/en/sectors/PRZ-01/").status_code == 405
    assert client.post("/en/find/", {"q": "x"}).status_code == 405


def test_sector_resources_in_the_api_carry_their_page_address(client, db):
    body = client.get("/api/v1/sectors", {"municipality": "PRZ"}).json()
    assert body[0]["url"] == "http://testserver/sq/sectors/PRZ-01/"
    detail = client.get("/api/v1/sectors/PRZ-01", HTTP_ACCEPT_LANGUAGE="en").json()
    assert detail["url"] == "http://testserver/en/sectors/PRZ-01/"


def test_the_sector_page_lists_its_neighbours_as_an_alternative_to_the_map(client, db):
    html = client.get("/en/sectors/PRZ-01/").content.decode()
    assert "Neighbouring sectors" in html
    assert html.count('href="/en/sectors/PRZ-') >= 2
