"""/api/v1/ territory endpoints: good input, bad input, languages."""

import pytest

from bashkesia.officers.tests.factories import SectorAssignmentFactory
from bashkesia.territory.models import Sector

PRIZREN = {"lat": 42.2139, "lon": 20.7397}


def test_locate_returns_the_sector_with_its_station_region_and_officers(client, db):
    response = client.get("/api/v1/locate", PRIZREN)
    assert response.status_code == 200
    body = response.json()
    assert body["code"] == "PRZ-01"
    assert body["municipality"] == {"code": "PRZ", "name": "Prizren"}
    assert body["region"]["slug"] == "prizren"
    assert body["station"]["code"] == "PRZ"
    assert body["station"]["kind"] == "station"
    assert body["is_demo"] is True
    assert 3 <= len(body["officers"]) <= 7
    assert {o["assignment"] for o in body["officers"]} == {
        "sector_officer",
        "sector_leader",
    }
    assert "Prizren" in {s["names"]["sq"] for s in body["settlements"]}
    assert set(body["names"]) == {"sq", "sr-latn", "sr", "en"}


def test_locate_shows_only_public_officer_fields(client, db):
    sector = Sector.objects.get(code="PRZ-01")
    assignment = SectorAssignmentFactory(sector=sector)
    response = client.get("/api/v1/locate", PRIZREN)
    officers = {o["badge_number"]: o for o in response.json()["officers"]}
    officer = officers[assignment.officer.badge_number]
    assert set(officer) == {
        "badge_number", "name", "rank", "rank_label", "role", "role_label",
        "photo_url", "telephone", "email", "is_demo", "assignment", "since",
    }  # fmt: skip
    assert b"+383 44 999 888" not in response.content
    assert b"on leave" not in response.content


def test_locate_shows_a_new_assignment_at_once(client, db):
    before = client.get("/api/v1/locate", PRIZREN).json()
    assignment = SectorAssignmentFactory(sector=Sector.objects.get(code="PRZ-01"))
    after = client.get("/api/v1/locate", PRIZREN).json()
    assert len(after["officers"]) == len(before["officers"]) + 1
    assert assignment.officer.badge_number in {
        o["badge_number"] for o in after["officers"]
    }


def test_locate_answers_in_the_language_asked(client, db):
    response = client.get("/api/v1/locate", PRIZREN, HTTP_ACCEPT_LANGUAGE="sr")
    body = response.json()
    assert body["station"]["name"] == "Полицијска станица Призрен"
    assert body["names"]["sr"] == "Призрен"


def test_locate_outside_kosovo_is_404_with_a_message(client, db):
    response = client.get(
        "/api/v1/locate", {"lat": 44.8125, "lon": 20.4612}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 404
    assert response.json() == {
        "detail": "No police sector covers this point; it is outside Kosovo."
    }


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"lon": 20.7}, "Invalid input: lat: this value is required"),
        ({"lat": "abc", "lon": 20.7}, "Invalid input: lat: must be a number"),
        ({"lat": "nan", "lon": 20.7}, "Invalid input: lat: must be a number"),
        ({"lat": 91, "lon": 20.7}, "Invalid input: lat: must be at most 90.0"),
        ({"lat": 42, "lon": -181}, "Invalid input: lon: must be at least -180.0"),
        ({}, "Invalid input: lat: this value is required; lon: this value is required"),
    ],
)
def test_locate_bad_coordinates_are_422_with_a_message(client, db, query, message):
    response = client.get("/api/v1/locate", query, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 422
    assert response.json()["detail"] == message


def test_lists_of_regions_municipalities_stations_and_sectors(client, db):
    assert len(client.get("/api/v1/regions").json()) == 8
    assert len(client.get("/api/v1/municipalities").json()) == 38
    prizren_region = client.get("/api/v1/municipalities", {"region": "pz"}).json()
    assert {m["code"] for m in prizren_region} == {"PRZ", "SUH", "DRA", "MAM"}
    stations = client.get("/api/v1/stations", {"municipality": "PRI"}).json()
    assert {s["code"] for s in stations} == {"PRI-QE", "PRI-VE", "PRI-JU"}
    substations = client.get("/api/v1/stations", {"municipality": "PRZ"}).json()
    zhur = next(s for s in substations if s["code"] == "PRZ-ZH")
    assert (zhur["kind"], zhur["parent"]["code"]) == ("substation", "PRZ")
    sectors = client.get("/api/v1/sectors", {"municipality": "PRZ"}).json()
    assert [s["code"] for s in sectors][:2] == ["PRZ-01", "PRZ-02"]
    assert all(s["settlement_count"] > 0 for s in sectors)


def test_unknown_filters_give_empty_lists(client, db):
    assert client.get("/api/v1/sectors", {"station": "NOPE"}).json() == []


def test_a_sector_by_code_and_its_boundary(client, db):
    body = client.get("/api/v1/sectors/prz-02").json()
    assert body["code"] == "PRZ-02"
    boundary = client.get("/api/v1/sectors/PRZ-02/boundary")
    assert boundary["Content-Type"] == "application/geo+json"
    feature = boundary.json()
    assert feature["type"] == "Feature"
    assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon")
    assert feature["properties"]["code"] == "PRZ-02"
    assert feature["attribution"].startswith("Municipal boundaries © OpenStreetMap")


@pytest.mark.parametrize(
    "path", ["/api/v1/sectors/XXX-99", "/api/v1/sectors/XXX-99/boundary"]
)
def test_an_unknown_sector_is_404(client, db, path):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert response.json() == {"detail": "No police sector has the code “XXX-99”."}


def test_all_sectors_as_one_feature_collection(client, db):
    response = client.get("/api/v1/sectors.geojson")
    body = response.json()
    assert body["type"] == "FeatureCollection"
    assert len(body["features"]) == Sector.objects.count()
    assert "geoBoundaries" in body["attribution"]
    region = client.get("/api/v1/sectors.geojson", {"region": "PZ"}).json()
    assert {f["properties"]["region"] for f in region["features"]} == {"PZ"}


def test_search_returns_settlements_with_their_sector(client, db):
    body = client.get("/api/v1/search", {"q": "Косово Поље"}).json()
    assert body[0]["names"]["sq"] == "Fushë Kosovë"
    assert body[0]["sector"]["code"].startswith("OBI-")


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({}, "Invalid input: q: this value is required"),
        ({"q": ""}, "Invalid input: q: is too short"),
        ({"q": "x" * 101}, "Invalid input: q: is too long"),
        ({"q": "Prizren", "limit": 0}, "Invalid input: limit: must be at least 1"),
        (
            {"q": "Prizren", "limit": "many"},
            "Invalid input: limit: must be a whole number",
        ),
    ],
)
def test_search_bad_input_is_422(client, db, query, message):
    response = client.get("/api/v1/search", query, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 422
    assert response.json()["detail"] == message


def test_errors_are_translated(client, db):
    response = client.get(
        "/api/v1/locate", {"lat": 44.8, "lon": 20.4}, HTTP_ACCEPT_LANGUAGE="sq"
    )
    assert (
        response.json()["detail"]
        != "No police sector covers this point; it is outside Kosovo."
    )


def test_unknown_api_addresses_are_json_404(client, db):
    response = client.get("/api/v1/nothing-here", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert response.json() == {"detail": "There is nothing at this address."}


def test_the_openapi_document_lists_every_endpoint(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in (
        "/api/v1/locate", "/api/v1/regions", "/api/v1/municipalities",
        "/api/v1/stations",
        "/api/v1/sectors", "/api/v1/sectors/{code}", "/api/v1/sectors/{code}/boundary",
        "/api/v1/sectors.geojson", "/api/v1/search",
    ):  # fmt: skip
        assert path in paths
    assert client.get("/api/v1/docs").status_code == 200


def test_writing_methods_are_not_allowed(client, db):
    assert client.post("/api/v1/locate", PRIZREN).status_code == 405
