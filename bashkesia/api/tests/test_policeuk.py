"""The data.police.uk-compatible API, /api/policeuk/, on the demo data."""

import pytest
import shapely

from bashkesia.api import policeuk
from bashkesia.officers.models import Officer, Role
from bashkesia.officers.selectors import officers_by_sector
from bashkesia.territory.models import Region, Sector
from bashkesia.territory.tests.factories import SectorFactory, square

pytestmark = pytest.mark.django_db

BASE = "/api/policeuk/"
ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en"}


def get(client, path, **headers):
    return client.get(BASE + path, **{**ENGLISH, **headers})


def ok(client, path, **headers):
    response = get(client, path, **headers)
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def assert_is_coordinate_string(value, low, high):
    assert isinstance(value, str)
    assert low <= float(value) <= high


# Forces ---------------------------------------------------------------------


def test_forces_lists_every_regional_directorate_by_slug_and_name(client):
    forces = ok(client, "forces")

    assert forces == [
        {"id": region.slug, "name": region.name_en}
        for region in Region.objects.order_by("code")
    ]
    assert len(forces) == 8
    assert {"id": "prizren", "name": "Regional Police Directorate Prizren"} in forces
    assert {force["id"] for force in forces} >= {"prizren", "mitrovice-jug"}


def test_force_names_follow_the_accept_language_header(client):
    def prizren(language):
        forces = ok(client, "forces", HTTP_ACCEPT_LANGUAGE=language)
        return next(force["name"] for force in forces if force["id"] == "prizren")

    assert prizren("sq") == "Drejtoria Rajonale e Policisë Prizren"
    assert prizren("sr-latn") == "Regionalna direkcija policije Prizren"
    assert prizren("sr") == "Регионална дирекција полиције Призрен"
    assert prizren("en") == "Regional Police Directorate Prizren"


def test_a_force_gives_its_details_with_the_documented_fields(client):
    force = ok(client, "forces/prizren")

    assert force == {
        "id": "prizren",
        "name": "Regional Police Directorate Prizren",
        "description": (
            "Regional Police Directorate Prizren polices the municipalities of "
            "Dragash, Mamusha, Prizren, Suhareka."
        ),
        "url": "http://testserver/en/",
        "telephone": "192",
        "engagement_methods": [],
    }


def test_a_force_gives_its_own_telephone_when_it_has_one(client):
    Region.objects.filter(slug="prizren").update(telephone="+383 29 000 000")

    assert ok(client, "forces/prizren")["telephone"] == "+383 29 000 000"


def test_senior_officers_are_the_regional_coordinator_then_the_station_commanders(
    client,
):
    people = ok(client, "forces/prizren/people")

    region = Region.objects.get(slug="prizren")
    coordinators = Officer.objects.filter(
        role=Role.REGIONAL_COORDINATOR, region=region, is_active=True
    )
    commanders = Officer.objects.filter(
        role=Role.STATION_COMMANDER,
        station__municipality__region=region,
        is_active=True,
    ).order_by("station__code", "last_name", "first_name")
    expected = [*coordinators, *commanders]
    assert len(coordinators) == 1
    assert len(commanders) >= 4
    assert [person["name"] for person in people] == [o.full_name for o in expected]
    first = expected[0]
    assert people[0] == {
        "name": first.full_name,
        "rank": first.get_rank_display(),
        "bio": "Regional coordinator, Regional Police Directorate Prizren.",
        "contact_details": {
            "email": first.public_email,
            "telephone": first.public_phone,
        },
    }
    assert people[1]["bio"] == (
        "Station commander, Regional Police Directorate Prizren."
    )


def test_a_senior_officer_without_public_contacts_lists_none(client):
    region = Region.objects.get(slug="prizren")
    Officer.objects.filter(role=Role.REGIONAL_COORDINATOR, region=region).update(
        public_phone="", public_email=""
    )

    assert ok(client, "forces/prizren/people")[0]["contact_details"] == {}


# Neighbourhoods ---------------------------------------------------------------


def test_the_neighbourhoods_of_a_force_are_its_sectors_by_code_and_name(client):
    neighbourhoods = ok(client, "prizren/neighbourhoods")

    sectors = Sector.objects.filter(municipality__region__slug="prizren").order_by(
        "code"
    )
    assert neighbourhoods == [
        {"id": sector.code, "name": sector.name_en or sector.name_sq}
        for sector in sectors
    ]
    assert {"id": "PRZ-01", "name": "Prizren"} in neighbourhoods
    assert not any(item["id"].startswith("FER-") for item in neighbourhoods)


def test_a_neighbourhood_gives_its_details_with_coordinates_as_strings(client):
    detail = ok(client, "prizren/PRZ-01")

    sector = Sector.objects.select_related("station").get(code="PRZ-01")
    station = sector.station
    assert detail == {
        "id": "PRZ-01",
        "name": "Prizren",
        "description": "Demo data.",
        "url_force": "http://testserver/en/",
        "population": "0",
        "contact_details": {"telephone": "192"},
        "centre": {
            "latitude": str(sector.centre_latitude),
            "longitude": str(sector.centre_longitude),
        },
        "links": [],
        "locations": [
            {
                "name": "Prizren Police Station",
                "type": "station",
                "latitude": str(station.latitude),
                "longitude": str(station.longitude),
                "address": station.address,
                "postcode": "",
                "description": "police station",
            }
        ],
    }
    assert_is_coordinate_string(detail["centre"]["latitude"], 41.8, 43.3)
    assert_is_coordinate_string(detail["centre"]["longitude"], 20.0, 21.8)


def test_force_and_neighbourhood_ids_are_found_in_any_case(client):
    assert ok(client, "prizren/prz-01")["id"] == "PRZ-01"
    assert ok(client, "Prizren/PRZ-01")["id"] == "PRZ-01"
    assert ok(client, "forces/PRIZREN")["id"] == "prizren"


def test_a_demo_sector_says_so_before_its_own_description(client):
    Sector.objects.filter(code="PRZ-01").update(description="Qendra e qytetit.")

    assert ok(client, "prizren/PRZ-01")["description"] == (
        "Demo data. Qendra e qytetit."
    )


def test_a_real_sector_has_no_demo_note_and_its_description_is_escaped(client):
    sector = SectorFactory(description="Rruga <b>A</b> & B", is_demo=False)

    detail = ok(client, f"test-region/{sector.code}")

    assert detail["description"] == "Rruga &lt;b&gt;A&lt;/b&gt; &amp; B"


def test_a_boundary_is_the_exterior_ring_as_latitude_longitude_strings(client):
    boundary = ok(client, "prizren/PRZ-01/boundary")

    sector = Sector.objects.get(code="PRZ-01")
    ring = shapely.geometry.shape(sector.boundary).exterior.coords
    assert boundary == [
        {"latitude": str(lat), "longitude": str(lon)} for lon, lat in ring
    ]
    assert len(boundary) >= 4
    for point in boundary:
        assert set(point) == {"latitude", "longitude"}
        assert_is_coordinate_string(point["latitude"], 41.8, 43.3)
        assert_is_coordinate_string(point["longitude"], 20.0, 21.8)


def test_a_sector_in_several_parts_gives_the_ring_of_its_largest_part(client):
    small, large = square(0, 0, 0.1), square(1, 1, 0.5)
    sector = SectorFactory(
        boundary={
            "type": "MultiPolygon",
            "coordinates": [small["coordinates"], large["coordinates"]],
        }
    )

    boundary = ok(client, f"test-region/{sector.code}/boundary")

    assert boundary == [
        {"latitude": str(float(lat)), "longitude": str(float(lon))}
        for lon, lat in large["coordinates"][0]
    ]


def test_a_demo_multipolygon_sector_gives_a_ring_of_its_own(client):
    sector = Sector.objects.filter(boundary__type="MultiPolygon").first()
    region = sector.municipality.region.slug

    boundary = ok(client, f"{region}/{sector.code}/boundary")

    parts = shapely.geometry.shape(sector.boundary).geoms
    largest = max(parts, key=lambda part: part.area)
    assert boundary == [
        {"latitude": str(lat), "longitude": str(lon)}
        for lon, lat in largest.exterior.coords
    ]


def test_the_team_is_the_sectors_current_officers_with_public_details(client):
    people = ok(client, "prizren/PRZ-01/people")

    sector = Sector.objects.get(code="PRZ-01")
    assignments = officers_by_sector(sector_ids=[sector.id])[sector.id]
    assert len(people) == len(assignments) >= 2
    for person, assignment in zip(people, assignments, strict=True):
        officer = assignment.officer
        assert person == {
            "name": officer.full_name,
            "rank": officer.get_rank_display(),
            "bio": f"{assignment.get_kind_display().capitalize()}, PRZ-01 Prizren.",
            "contact_details": {
                "email": officer.public_email,
                "telephone": officer.public_phone,
            },
        }
    assert "Sector leader, PRZ-01 Prizren." in [person["bio"] for person in people]


def test_no_private_officer_field_ever_appears(client):
    Officer.objects.update(
        personal_phone="+383 44 PRIVATE", internal_notes="SECRET-NOTE"
    )
    sample = [
        "forces/prizren/people",
        "prizren/PRZ-01/people",
        "prizren/PRZ-01",
        *[
            f"{region.slug}/neighbourhoods"
            for region in Region.objects.order_by("code")
        ],
        *[f"forces/{region.slug}/people" for region in Region.objects.all()],
        *[
            f"{s.municipality.region.slug}/{s.code}/people"
            for s in Sector.objects.select_related("municipality__region")[:40]
        ],
    ]

    for path in sample:
        body = get(client, path).content.decode()
        for private in ("PRIVATE", "SECRET-NOTE", "personal_phone", "internal_notes"):
            assert private not in body, (path, private)
    team = ok(client, "prizren/PRZ-01/people")
    assert {key for person in team for key in person} == {
        "name",
        "rank",
        "bio",
        "contact_details",
    }
    assert {key for person in team for key in person["contact_details"]} <= {
        "email",
        "telephone",
    }


def test_a_sector_without_events_or_priorities_gives_empty_lists(client):
    assert ok(client, "prizren/PRZ-01/events") == []
    assert ok(client, "prizren/PRZ-01/priorities") == []


def test_a_priority_is_keyed_issue_date_and_action_date(client, monkeypatch):
    priority = {
        "issue": "Speeding near the school",
        "issue-date": "2024-03-01T00:00:00",
        "action": "Patrols at school hours",
        "action-date": None,
    }
    monkeypatch.setattr(policeuk, "neighbourhood_priorities", lambda sector: [priority])

    assert ok(client, "prizren/PRZ-01/priorities") == [priority]


def test_an_event_has_the_data_police_uk_fields(client, monkeypatch):
    event = {
        "title": "Beat meeting",
        "description": None,
        "type": "meeting",
        "address": "Prizren Police Station",
        "start_date": "2024-03-01T18:00:00",
        "end_date": "2024-03-01T19:00:00",
        "contact_details": {},
    }
    monkeypatch.setattr(policeuk, "neighbourhood_events", lambda sector: [event])

    assert ok(client, "prizren/PRZ-01/events") == [event]


# Not found ----------------------------------------------------------------------

FORCE_PATHS = [
    "forces/{force}",
    "forces/{force}/people",
    "{force}/neighbourhoods",
    "{force}/PRZ-01",
    "{force}/PRZ-01/boundary",
    "{force}/PRZ-01/people",
    "{force}/PRZ-01/events",
    "{force}/PRZ-01/priorities",
]
NEIGHBOURHOOD_PATHS = [
    "prizren/{neighbourhood}",
    "prizren/{neighbourhood}/boundary",
    "prizren/{neighbourhood}/people",
    "prizren/{neighbourhood}/events",
    "prizren/{neighbourhood}/priorities",
]


@pytest.mark.parametrize("path", FORCE_PATHS)
def test_an_unknown_force_is_404_with_a_message(client, path):
    response = get(client, path.format(force="thames-valley"))

    assert response.status_code == 404
    assert response.json() == {
        "detail": "No regional directorate is called “thames-valley”."
    }


@pytest.mark.parametrize("path", NEIGHBOURHOOD_PATHS)
def test_an_unknown_neighbourhood_is_404_with_a_message(client, path):
    response = get(client, path.format(neighbourhood="PRZ-99"))

    assert response.status_code == 404
    assert response.json() == {"detail": "No police sector has the code “PRZ-99”."}


@pytest.mark.parametrize("path", NEIGHBOURHOOD_PATHS)
def test_a_neighbourhood_of_another_force_is_404(client, path):
    response = get(
        client, path.replace("prizren", "ferizaj").format(neighbourhood="PRZ-01")
    )

    assert response.status_code == 404
    assert response.json() == {
        "detail": "Police sector PRZ-01 is not in Regional Police Directorate Ferizaj."
    }


@pytest.mark.parametrize(
    "path",
    [
        "prizren/" + "X" * 500,
        "prizren/%F0%9F%9A%93",
        "%C3%AB/PRZ-01/people",
        "forces/" + "y" * 300,
        "forces/../neighbourhoods",
        "prizren/PRZ-01/nothing",
    ],
)
def test_odd_paths_are_a_json_404_never_a_crash(client, path):
    response = get(client, path)

    assert response.status_code == 404
    assert "detail" in response.json()


# Locate ---------------------------------------------------------------------------


def test_locate_gives_the_force_and_neighbourhood_of_a_point(client):
    located = ok(client, "locate-neighbourhood?q=42.2139,20.7397")

    assert located == {"force": "prizren", "neighbourhood": "PRZ-01"}


def test_locate_allows_spaces_around_the_numbers(client):
    located = ok(client, "locate-neighbourhood?q=42.2139,%2020.7397")

    assert located == {"force": "prizren", "neighbourhood": "PRZ-01"}


def test_locate_finds_a_neighbourhood_whose_force_and_id_lead_back_to_it(client):
    located = ok(client, "locate-neighbourhood?q=42.8914,20.8660")

    detail = ok(client, f"{located['force']}/{located['neighbourhood']}")
    assert detail["id"] == located["neighbourhood"]


def test_locate_outside_kosovo_is_404(client):
    response = get(client, "locate-neighbourhood?q=45,20")

    assert response.status_code == 404
    assert response.json() == {
        "detail": "No neighbourhood covers this point; it is outside Kosovo."
    }


MISSING = "Give a point as q=latitude,longitude, e.g. q=42.2139,20.7397."
RANGE = (
    "The latitude must lie between -90 and 90 and the longitude between -180 and 180."
)


def not_a_point(q):
    return f"“{q}” is not a point; give q=latitude,longitude, e.g. q=42.2139,20.7397."


@pytest.mark.parametrize(
    ("query", "detail"),
    [
        ("", MISSING),
        ("?q=", MISSING),
        ("?q=%20", MISSING),
        ("?lat=42.2&lng=20.7", MISSING),
        ("?q=abc", not_a_point("abc")),
        ("?q=42.2139", not_a_point("42.2139")),
        ("?q=42.2,20.7,1", not_a_point("42.2,20.7,1")),
        ("?q=42.2;20.7", not_a_point("42.2;20.7")),
        ("?q=,", not_a_point(",")),
        ("?q=" + "9" * 100, not_a_point("9" * 39 + "…")),
        ("?q=nan,20", RANGE),
        ("?q=42,inf", RANGE),
        ("?q=91,20", RANGE),
        ("?q=-90.5,20", RANGE),
        ("?q=42,180.1", RANGE),
        ("?q=1e400,20", RANGE),
    ],
)
def test_locate_with_a_malformed_point_is_400_with_a_message(client, query, detail):
    response = get(client, "locate-neighbourhood" + query)

    assert response.status_code == 400
    assert response.json() == {"detail": detail}


def test_locate_on_the_edges_of_the_ranges_is_a_404_not_an_error(client):
    for q in ("90,180", "-90,-180", "0,0"):
        assert get(client, f"locate-neighbourhood?q={q}").status_code == 404


# Paths and documentation -----------------------------------------------------------


def test_fixed_paths_win_over_the_force_and_neighbourhood_patterns(client):
    assert isinstance(ok(client, "forces"), list)
    assert ok(client, "forces/prizren")["id"] == "prizren"
    assert isinstance(ok(client, "forces/prizren/people"), list)
    assert isinstance(ok(client, "prizren/neighbourhoods"), list)
    assert set(ok(client, "locate-neighbourhood?q=42.2139,20.7397")) == {
        "force",
        "neighbourhood",
    }


def test_the_docs_and_the_openapi_description_are_served(client):
    assert get(client, "docs").status_code == 200
    spec = ok(client, "openapi.json")

    assert spec["info"]["title"] == "data.police.uk-compatible API"
    assert spec["info"]["version"] == "policeuk"
    assert list(spec["paths"]) == [
        BASE + path
        for path in (
            "forces",
            "forces/{force}",
            "forces/{force}/people",
            "locate-neighbourhood",
            "{force}/neighbourhoods",
            "{force}/{neighbourhood}",
            "{force}/{neighbourhood}/boundary",
            "{force}/{neighbourhood}/people",
            "{force}/{neighbourhood}/events",
            "{force}/{neighbourhood}/priorities",
        )
    ]
    priority = spec["components"]["schemas"]["PriorityOut"]["properties"]
    assert set(priority) == {"issue", "issue-date", "action", "action-date"}


# A client written for data.police.uk ----------------------------------------------


def walk_like_a_data_police_uk_client(fetch):
    """Walk forces → neighbourhoods → detail → boundary → people as a
    data.police.uk client does, reading only documented fields."""
    report = []
    for force in fetch("forces"):
        force_detail = fetch(f"forces/{force['id']}")
        assert {"id", "name", "description", "url", "telephone"} <= set(force_detail)
        for method in force_detail["engagement_methods"]:
            assert {"url", "title", "description"} <= set(method)
        neighbourhoods = fetch(f"{force['id']}/neighbourhoods")
        first = neighbourhoods[0]
        detail = fetch(f"{force['id']}/{first['id']}")
        centre = (
            float(detail["centre"]["latitude"]),
            float(detail["centre"]["longitude"]),
        )
        assert int(detail["population"]) >= 0
        station = detail["locations"][0]
        assert station["type"] == "station"
        assert isinstance(station["name"], str)
        assert detail["url_force"].startswith("http")
        boundary = [
            (float(point["latitude"]), float(point["longitude"]))
            for point in fetch(f"{force['id']}/{first['id']}/boundary")
        ]
        team = [
            (officer["name"], officer["rank"], officer["contact_details"].get("email"))
            for officer in fetch(f"{force['id']}/{first['id']}/people")
        ]
        seniors = [person["name"] for person in fetch(f"forces/{force['id']}/people")]
        report.append(
            {
                "force": force["name"],
                "neighbourhoods": len(neighbourhoods),
                "first": detail["name"],
                "centre": centre,
                "boundary": boundary,
                "team": team,
                "seniors": seniors,
            }
        )
    return report


def test_a_client_written_for_data_police_uk_works_unchanged(client):
    report = walk_like_a_data_police_uk_client(lambda path: ok(client, path))

    assert len(report) == 8
    assert sum(item["neighbourhoods"] for item in report) == Sector.objects.count()
    for item in report:
        lat, lng = item["centre"]
        assert 41.8 <= lat <= 43.3 and 20.0 <= lng <= 21.8
        assert len(item["boundary"]) >= 4
        assert shapely.Polygon([(lng, lat) for lat, lng in item["boundary"]]).is_valid
        assert item["team"]
        assert item["seniors"]
