"""Open311 GeoReport v2 at /open311/v2/: every endpoint in XML and JSON."""

import datetime
import hashlib
import io
import json
import re
from xml.etree import ElementTree as ET  # noqa: S405 (our own output)

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from bashkesia.concerns.categories import categories_seed
from bashkesia.concerns.models import ApiKey, Category, Concern, ConcernUpdate
from bashkesia.concerns.open311 import services as open311_services
from bashkesia.concerns.services import (
    concern_moderate,
    concern_refer,
    concern_reply,
    concern_reporter_message,
    concern_resolve,
    concern_submit,
)
from bashkesia.territory.selectors import settlement_search

BASE = "/open311/v2/"
PRIZREN = {"lat": "42.2139", "long": "20.7397"}
BELGRADE = {"lat": "44.8", "long": "20.4"}
W3C = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$")
# A quiet stretch of time no demo data reaches: the filters are tried there.
QUIET = datetime.datetime(2019, 3, 1, 11, 0, tzinfo=datetime.UTC)  # 12:00 local
PLATE = {
    "code": "plate",
    "required": True,
    "label": {"sq": "Targa e automjetit", "en": "Number plate"},
    "datatype_description": {"en": "As written on the plate"},
}
WHEN = {
    "code": "when",
    "required": False,
    "datatype": "singlevaluelist",
    "label": {"sq": "Kur ndodh?", "en": "When does it happen?"},
    "values": [
        {"key": "day", "name": {"sq": "Ditën", "en": "By day"}},
        {"key": "night", "name": {"sq": "Natën", "en": "At night"}},
    ],
}
SPEED_NOTICE = (
    "The police sector where this happens will acknowledge it within 24 hours "
    "and aims to resolve it within 14 days. In an emergency call 192."
)


@pytest.fixture(autouse=True)
def categories(db):
    categories_seed()


@pytest.fixture
def api(client):
    """A client that asks for English, as the messages below are."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def api_key(db):
    _api_key, key = open311_services.api_key_create(name="Test client")
    return key


@pytest.fixture
def officer(db):
    return get_user_model().objects.create_user("open311-officer")


def parse(response):
    """Return a response's document: JSON as such, XML as an Element."""
    if response["Content-Type"] == "application/json; charset=utf-8":
        return response.json()
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    assert response.content.startswith(b'<?xml version="1.0" encoding="utf-8"?>\n')
    return ET.fromstring(response.content)  # noqa: S314 (our own output)


def xml_records(root, tag):
    """Return the ``tag`` children of ``root`` as dicts of their texts."""
    assert [child.tag for child in root] == [tag] * len(root)
    return [{field.tag: field.text or "" for field in item} for item in root]


def errors_of(response, fmt):
    document = parse(response)
    if fmt == "json":
        return [(error["code"], error["description"]) for error in document]
    assert document.tag == "errors"
    return [
        (int(error["code"]), error["description"])
        for error in xml_records(document, "error")
    ]


def as_xml_text(value):
    """Return a JSON value as the text of its XML twin."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def requests_of(response, fmt):
    """Return the service requests of a response as dicts of texts."""
    document = parse(response)
    if fmt == "json":
        return [
            {key: as_xml_text(value) for key, value in item.items()}
            for item in document
        ]
    assert document.tag == "service_requests"
    return xml_records(document, "request")


def raise_concern(
    code="traffic-safety",
    *,
    at=None,
    lat=42.2139,
    lon=20.7397,
    published=True,
    **extra,
):
    """Raise a concern; ``published``: an officer published its description."""
    concern, _created = concern_submit(
        category=Category.objects.get(code=code),
        description=extra.pop("description", "Cars race past the school."),
        latitude=lat,
        longitude=lon,
        source="web",
        **extra,
    )
    if at is not None:
        Concern.objects.filter(pk=concern.pk).update(submitted_at=at)
    if published:
        Concern.objects.filter(pk=concern.pk).update(
            public_description=concern.description
        )
    concern.refresh_from_db()
    return concern


def post(api, fmt="json", **data):
    return api.post(f"{BASE}requests.{fmt}", data)


# Discovery


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_discovery_names_the_endpoint_its_specification_and_formats(api, fmt):
    response = api.get(f"{BASE}discovery.{fmt}")
    assert response.status_code == 200
    document = parse(response)
    if fmt == "json":
        endpoint = document["endpoints"][0]
        formats = endpoint["formats"]
        assert set(document) == {"changeset", "contact", "key_service", "endpoints"}
        assert W3C.match(document["changeset"])
    else:
        assert document.tag == "discovery"
        assert [child.tag for child in document] == [
            "changeset", "contact", "key_service", "endpoints",
        ]  # fmt: skip
        element = document.find("endpoints/endpoint")
        endpoint = {child.tag: child.text for child in element}
        formats = [f.text for f in element.findall("formats/format")]
    assert endpoint["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert endpoint["url"] == "http://testserver/open311/v2/"
    assert endpoint["type"] == "production"
    assert formats == ["text/xml", "application/json"]


def test_the_endpoint_root_shows_the_discovery_document(api):
    response = api.get(BASE)
    assert response.status_code == 200
    assert parse(response).tag == "discovery"


# Services


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_services_are_every_category_in_use_sensitive_ones_included(api, fmt):
    Category.objects.filter(code="other").update(is_active=False)
    response = api.get(f"{BASE}services.{fmt}")
    assert response.status_code == 200
    document = parse(response)
    if fmt == "xml":
        assert document.tag == "services"
        document = xml_records(document, "service")
    codes = [service["service_code"] for service in document]
    assert codes == list(
        Category.objects.filter(is_active=True)
        .order_by("order", "code")
        .values_list("code", flat=True)
    )
    assert "domestic-violence" in codes
    assert "other" not in codes
    speeding = document[0]
    assert speeding["service_code"] == "traffic-safety"
    assert speeding["service_name"] == "Traffic safety and speeding"
    assert speeding["description"] == (
        "A police matter, handled by the police sector where it happens."
    )
    # It asks the seed questions (see categories.QUESTIONS).
    assert str(speeding["metadata"]).lower() == "true"
    assert speeding["type"] == "realtime"
    assert speeding["group"] == "police matter"
    assert speeding["keywords"] == (
        "Siguria në trafik dhe shpejtësia, Bezbednost saobraćaja i brzina, "
        "Безбедност саобраћаја и брзина, Traffic safety and speeding"
    )
    violence = next(s for s in document if s["service_code"] == "domestic-violence")
    assert violence["description"] == (
        "A police matter, handled by the police sector where it happens. "
        "Never shown publicly."
    )
    lighting = next(s for s in document if s["service_code"] == "street-lighting")
    assert lighting["group"] == "referral to another institution"


def test_services_speak_the_language_of_locale_or_accept_language(client):
    def names(**headers):
        url = headers.pop("url", f"{BASE}services.json")
        return {
            s["service_code"]: s["service_name"]
            for s in client.get(url, **headers).json()
        }

    assert names()["drugs"] == "Droga"
    assert names()["vandalism"] == "Vandalizëm"
    assert names(HTTP_ACCEPT_LANGUAGE="en")["vandalism"] == "Vandalism"
    assert names(HTTP_ACCEPT_LANGUAGE="sr")["vandalism"] == "Вандализам"
    assert names(url=f"{BASE}services.json?locale=sr-Latn")["vandalism"] == (
        "Vandalizam"
    )
    assert (
        names(url=f"{BASE}services.json?locale=en", HTTP_ACCEPT_LANGUAGE="sr")[
            "vandalism"
        ]
        == "Vandalism"
    )


def test_a_service_with_questions_has_metadata(api):
    Category.objects.filter(code="vandalism").update(questions=[PLATE])
    services = {s["service_code"]: s for s in api.get(f"{BASE}services.json").json()}
    assert services["vandalism"]["metadata"] is True
    assert services["drugs"]["metadata"] is False


# Service definitions


def test_a_service_definition_lists_its_questions_as_attributes_in_json(api):
    Category.objects.filter(code="traffic-safety").update(questions=[PLATE, WHEN])
    response = api.get(f"{BASE}services/traffic-safety.json")
    assert response.status_code == 200
    assert response.json() == {
        "service_code": "traffic-safety",
        "attributes": [
            {
                "variable": True,
                "code": "plate",
                "datatype": "string",
                "required": True,
                "datatype_description": "As written on the plate",
                "order": 1,
                "description": "Number plate",
            },
            {
                "variable": True,
                "code": "when",
                "datatype": "singlevaluelist",
                "required": False,
                "datatype_description": None,
                "order": 2,
                "description": "When does it happen?",
                "values": [
                    {"key": "day", "name": "By day"},
                    {"key": "night", "name": "At night"},
                ],
            },
        ],
    }


def test_a_service_definition_in_xml_has_the_spec_shape(client):
    Category.objects.filter(code="traffic-safety").update(questions=[PLATE, WHEN])
    response = client.get(f"{BASE}services/traffic-safety.xml")
    document = parse(response)
    assert document.tag == "service_definition"
    assert document.find("service_code").text == "traffic-safety"
    attributes = document.findall("attributes/attribute")
    assert [a.find("code").text for a in attributes] == ["plate", "when"]
    plate, when = attributes
    assert [child.tag for child in plate] == [
        "variable", "code", "datatype", "required", "datatype_description",
        "order", "description",
    ]  # fmt: skip
    assert plate.find("variable").text == "true"
    assert plate.find("required").text == "true"
    # No ?locale= and no Accept-Language: Albanian.
    assert plate.find("description").text == "Targa e automjetit"
    assert when.find("datatype_description").text is None
    assert [
        (value.find("key").text, value.find("name").text)
        for value in when.findall("values/value")
    ] == [("day", "Ditën"), ("night", "Natën")]


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_a_service_without_questions_has_no_attributes(api, fmt):
    response = api.get(f"{BASE}services/drugs.{fmt}")
    assert response.status_code == 200
    document = parse(response)
    if fmt == "json":
        assert document == {"service_code": "drugs", "attributes": []}
    else:
        assert document.find("attributes") is not None
        assert list(document.find("attributes")) == []


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_an_unknown_or_retired_service_is_404(api, fmt):
    Category.objects.filter(code="other").update(is_active=False)
    for code in ("potholes", "other"):
        response = api.get(f"{BASE}services/{code}.{fmt}")
        assert response.status_code == 404
        assert errors_of(response, fmt) == [(404, f"No service has the code “{code}”.")]


# Formats, unknown addresses, methods, failures


def test_an_unknown_format_is_404_in_xml(api):
    for path in ("services.html", "discovery.csv", "requests/ABCD.yaml"):
        response = api.get(BASE + path)
        assert response.status_code == 404
        fmt = path.rsplit(".", 1)[1]
        assert errors_of(response, "xml") == [
            (404, f"Unknown format “{fmt}”: use xml or json.")
        ]


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_an_unknown_address_is_a_georeport_404_never_html(api, fmt):
    for path in (f"potholes.{fmt}", f"services/a/b.{fmt}", f"requests.{fmt}/"):
        response = api.get(BASE + path)
        assert response.status_code == 404
        assert errors_of(response, fmt) == [(404, "There is nothing at this address.")]
    response = api.post(f"{BASE}nothing.{fmt}", {"x": "1"})
    assert response.status_code == 404


def test_errors_speak_the_language_asked_for(client):
    response = client.get(f"{BASE}potholes.json")
    assert response.json() == [
        {"code": 404, "description": "Në këtë adresë nuk ka asgjë."}
    ]


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_a_method_an_address_does_not_take_is_405(api, fmt):
    response = api.delete(f"{BASE}requests.{fmt}")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, POST"
    assert errors_of(response, fmt) == [
        (405, "This address does not accept DELETE requests.")
    ]
    for path in (f"services.{fmt}", f"discovery.{fmt}", ""):
        response = api.post(BASE + path, {})
        assert response.status_code == 405
        assert response["Allow"] == "GET, HEAD"


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_a_failure_inside_is_a_general_service_error_not_a_500(api, fmt, monkeypatch):
    from bashkesia.concerns.open311 import selectors

    def broken():
        raise RuntimeError("database on fire")

    monkeypatch.setattr(selectors, "service_list", broken)
    response = api.get(f"{BASE}services.{fmt}")
    assert response.status_code == 400
    assert errors_of(response, fmt) == [(400, "Something went wrong on our side.")]


# POST requests


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_posting_a_request_raises_a_concern_and_returns_its_id(api, api_key, fmt):
    response = post(
        api,
        fmt,
        api_key=api_key,
        service_code="traffic-safety",
        description="Cars race past the school every morning.",
        device_id="device-1",
        account_id="account-1",
        **PRIZREN,
    )
    assert response.status_code == 200
    records = requests_of(response, fmt)
    assert len(records) == 1
    record = records[0]
    assert list(record) == ["service_request_id", "service_notice", "account_id"]
    assert record["account_id"] == ""
    concern = Concern.objects.get(pk=record["service_request_id"])
    assert record["service_request_id"] == concern.open311_id == str(concern.pk)
    assert record["service_notice"] == (
        f"{SPEED_NOTICE} Your tracking code: {concern.tracking_code}. Follow the "
        f"concern at http://testserver/en/concerns/{concern.tracking_code}/."
    )
    assert concern.source == "open311"
    assert concern.category.code == "traffic-safety"
    assert concern.description == "Cars race past the school every morning."
    assert (concern.latitude, concern.longitude) == (42.2139, 20.7397)
    assert concern.sector.code == "PRZ-01"
    assert concern.is_anonymous is True
    assert concern.consent_to_contact is False
    assert concern.language == "en"
    assert concern.is_hidden is False
    assert ApiKey.objects.get(name="Test client").last_used_at is not None


def test_a_post_keeps_the_reporter_private_and_contactable(api, api_key):
    response = post(
        api,
        api_key=api_key,
        service_code="vandalism",
        description="Someone smashed the bus shelter.",
        first_name="Arbenita",
        last_name="Krasniqi-Zzz",
        email="arbenita.secret@example.org",
        phone="+383 44 123 987",
        **PRIZREN,
    )
    assert response.status_code == 200
    request_id = response.json()[0]["service_request_id"]
    concern = Concern.objects.get(pk=request_id)
    assert concern.is_anonymous is False
    assert concern.reporter_name == "Arbenita Krasniqi-Zzz"
    assert concern.reporter_email == "arbenita.secret@example.org"
    assert concern.reporter_phone == "+383 44 123 987"
    assert concern.consent_to_contact is True
    # Nowhere, in any format, does the reporter appear.
    responses = [response]
    for fmt in ("xml", "json"):
        responses += [
            api.get(f"{BASE}requests.{fmt}"),
            api.get(f"{BASE}requests.{fmt}", {"service_request_id": request_id}),
            api.get(f"{BASE}requests/{request_id}.{fmt}"),
            api.get(f"{BASE}tokens/{concern.tracking_code}.{fmt}"),
        ]
    for each in responses:
        assert each.status_code == 200
        for secret in ("Arbenita", "Krasniqi", "secret@", "123 987", "44123987"):
            assert secret.encode() not in each.content
    listed = api.get(f"{BASE}requests.json").json()
    assert request_id in {record["service_request_id"] for record in listed}


def test_a_name_without_any_contact_is_refused(api, api_key):
    response = post(
        api, api_key=api_key, service_code="drugs", description="Dealing.",
        first_name="Arben", **PRIZREN,
    )  # fmt: skip
    assert response.status_code == 400
    assert errors_of(response, "json") == [
        (400, "Give an e-mail address or a telephone number, or stay anonymous.")
    ]


def test_a_post_finds_the_place_of_an_address_string(api, api_key):
    prizren = settlement_search(query="Prizren")[0]
    response = post(
        api,
        api_key=api_key,
        service_code="public-order-noise",
        description="Loud music every night.",
        address_string="Rruga e Shkronjave 5, Prizren",
    )
    assert response.status_code == 200
    concern = Concern.objects.get(pk=response.json()[0]["service_request_id"])
    assert (concern.latitude, concern.longitude) == (
        prizren.latitude,
        prizren.longitude,
    )
    assert concern.address == "Rruga e Shkronjave 5, Prizren"
    assert concern.sector.station.code == "PRZ"


def test_a_post_finds_the_place_of_an_address_id(api, api_key):
    prizren = settlement_search(query="Prizren")[0]
    response = post(
        api,
        api_key=api_key,
        service_code="vandalism",
        description="Graffiti on the mosque wall.",
        address_id=str(prizren.geonames_id),
    )
    assert response.status_code == 200
    concern = Concern.objects.get(pk=response.json()[0]["service_request_id"])
    assert (concern.latitude, concern.longitude) == (
        prizren.latitude,
        prizren.longitude,
    )


@pytest.mark.parametrize("fmt", ["xml", "json"])
@pytest.mark.parametrize(
    ("data", "status", "messages"),
    [
        (
            {"service_code": "", **PRIZREN},
            400,
            ["service_code was not provided."],
        ),
        (
            {"service_code": "potholes", **PRIZREN},
            404,
            ["No service has the code “potholes”."],
        ),
        (
            {"service_code": "drugs"},
            400,
            [
                "A location is required: lat and long, an address_string or an "
                "address_id."
            ],
        ),
        ({"service_code": "drugs", "lat": "42.2"}, 400, ["Send both lat and long."]),
        (
            {"service_code": "drugs", "lat": "north", "long": "20.7"},
            400,
            ["lat and long must be WGS84 degrees, for example 42.2139 and 20.7397."],
        ),
        (
            {"service_code": "drugs", "lat": "142.2", "long": "20.7"},
            400,
            ["lat and long must be WGS84 degrees, for example 42.2139 and 20.7397."],
        ),
        (
            {"service_code": "drugs", "address_string": "Atlantis"},
            400,
            ["No place in Kosovo matches the address_string “Atlantis”."],
        ),
        (
            {"service_code": "drugs", "address_id": "99"},
            400,
            ["No place has the address_id “99”."],
        ),
        (
            {"service_code": "drugs", **BELGRADE},
            400,
            ["The place is outside Kosovo: no police sector covers it."],
        ),
        (
            {"service_code": "drugs", "media_url": "javascript:alert(1)", **PRIZREN},
            400,
            ["The media_url must be an http or https address."],
        ),
        (
            {"service_code": "drugs", "email": "not-an-address", **PRIZREN},
            400,
            ["Enter a valid email address."],
        ),
    ],
)
def test_a_bad_post_is_refused_with_the_spec_status_and_says_why(
    api, api_key, fmt, data, status, messages
):
    data.setdefault("description", "Dealing outside the school.")
    response = post(api, fmt, api_key=api_key, **data)
    assert response.status_code == status
    assert errors_of(response, fmt) == [(status, m) for m in messages]
    assert not Concern.objects.filter(source="open311").exists()


def test_every_problem_of_a_post_is_told_at_once(api, api_key):
    response = post(
        api, api_key=api_key, service_code="drugs", description="  ", **BELGRADE
    )
    assert response.status_code == 400
    assert errors_of(response, "json") == [
        (400, "Describe what worries you."),
        (400, "The place is outside Kosovo: no police sector covers it."),
    ]


@pytest.mark.parametrize("fmt", ["xml", "json"])
@pytest.mark.parametrize(
    ("key", "message"),
    [
        (None, "api_key was not provided."),
        ("", "api_key was not provided."),
        ("not-a-key", "The api_key is not valid."),
        ("revoked", "The api_key has been revoked."),
    ],
)
def test_a_post_without_a_valid_api_key_is_403(api, fmt, key, message):
    data = {"service_code": "drugs", "description": "Dealing.", **PRIZREN}
    if key == "revoked":
        api_key, key = open311_services.api_key_create(name="Old client")
        open311_services.api_key_revoke(api_key=api_key)
    if key is not None:
        data["api_key"] = key
    response = post(api, fmt, **data)
    assert response.status_code == 403
    assert errors_of(response, fmt) == [(403, message)]
    assert not Concern.objects.filter(source="open311").exists()


def test_clients_post_without_any_csrf_token(api_key):
    strict = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="en")
    data = {"service_code": "drugs", "description": "Dealing.", **PRIZREN}
    response = strict.post(f"{BASE}requests.xml", {"api_key": api_key, **data})
    assert response.status_code == 200
    response = strict.post(f"{BASE}requests.json", data)
    assert response.status_code == 403
    assert errors_of(response, "json") == [(403, "api_key was not provided.")]
    for path, status in (("", 405), ("services.json", 405), ("nothing.json", 404)):
        response = strict.post(BASE + path, data)
        assert response.status_code == status
        parse(response)  # a GeoReport document, not Django's CSRF page


def test_an_api_key_in_the_query_string_is_accepted(api, api_key):
    response = api.post(
        f"{BASE}requests.json?api_key={api_key}",
        {"service_code": "drugs", "description": "Dealing.", **PRIZREN},
    )
    assert response.status_code == 200


def test_a_post_to_a_sensitive_service_is_accepted_and_kept_out_of_lists(api, api_key):
    response = post(
        api,
        api_key=api_key,
        service_code="domestic-violence",
        description="Screams from the flat next door.",
        **PRIZREN,
    )
    assert response.status_code == 200
    request_id = response.json()[0]["service_request_id"]
    concern = Concern.objects.get(pk=request_id)
    assert concern.is_hidden is True
    for fmt in ("xml", "json"):
        assert request_id not in listed(api, fmt)
        by_id = api.get(f"{BASE}requests.{fmt}", {"service_request_id": request_id})
        assert requests_of(by_id, fmt) == []
        by_service = api.get(
            f"{BASE}requests.{fmt}", {"service_code": "domestic-violence"}
        )
        assert requests_of(by_service, fmt) == []
        # Not even by its id: its reporter follows it on the website.
        one = api.get(f"{BASE}requests/{request_id}.{fmt}")
        assert one.status_code == 404
        assert b"Screams" not in one.content
    assert concern.tracking_code in response.json()[0]["service_notice"]


def test_answers_to_questions_are_kept_apart_from_the_description(api, api_key):
    Category.objects.filter(code="traffic-safety").update(questions=[PLATE, WHEN])
    response = api.post(
        f"{BASE}requests.json",
        {
            "api_key": api_key,
            "service_code": "traffic-safety",
            "description": "A car races here.",
            "attribute[plate]": "01-234-AB",
            "attribute[when]": "night",
            "attribute[unknown]": "ignored",
            "media_url": "https://example.org/car.jpg",
            **PRIZREN,
        },
    )
    assert response.status_code == 200
    concern = Concern.objects.get(pk=response.json()[0]["service_request_id"])
    assert concern.answers == {"plate": ["01-234-AB"], "when": ["night"]}
    assert concern.description == (
        "A car races here.\n\nmedia_url: https://example.org/car.jpg"
    )
    # Answers are the reporter's: never in what Open311 publishes.
    for fmt in ("xml", "json"):
        one = api.get(f"{BASE}requests/{concern.open311_id}.{fmt}")
        assert one.status_code == 200
        assert b"01-234-AB" not in one.content


def test_several_values_answer_a_multivaluelist(api, api_key):
    seen = {
        "code": "seen",
        "datatype": "multivaluelist",
        "label": {"en": "What did you see?"},
        "values": [{"key": "car"}, {"key": "bike"}],
    }
    Category.objects.filter(code="vandalism").update(questions=[seen])
    response = post(
        api,
        api_key=api_key,
        service_code="vandalism",
        description="Bikes and cars on the pavement.",
        **{"attribute[seen][]": ["car", "bike"]},
        **PRIZREN,
    )
    assert response.status_code == 200
    concern = Concern.objects.get(pk=response.json()[0]["service_request_id"])
    assert concern.answers == {"seen": ["car", "bike"]}
    assert concern.description == "Bikes and cars on the pavement."


@pytest.mark.parametrize(
    ("answers", "messages"),
    [
        ({}, ["Answer “Number plate”."]),
        (
            {"attribute[plate]": "01-234-AB", "attribute[when]": "noon"},
            ["“noon” is not an answer to “When does it happen?”."],
        ),
        (
            {"attribute[plate]": "X", "attribute[when][]": ["day", "night"]},
            ["Give one answer to “When does it happen?”."],
        ),
        (
            {"attribute[when]": "noon", "address_string": "Nowhere at all"},
            [
                "No place in Kosovo matches the address_string “Nowhere at all”.",
                "Answer “Number plate”.",
                "“noon” is not an answer to “When does it happen?”.",
            ],
        ),
    ],
)
def test_bad_answers_to_questions_are_refused(api, api_key, answers, messages):
    Category.objects.filter(code="traffic-safety").update(questions=[PLATE, WHEN])
    where = {} if "address_string" in answers else PRIZREN
    response = api.post(
        f"{BASE}requests.xml",
        {
            "api_key": api_key,
            "service_code": "traffic-safety",
            "description": "A car races here.",
            **answers,
            **where,
        },
    )
    assert response.status_code == 400
    assert errors_of(response, "xml") == [(400, m) for m in messages]
    assert not Concern.objects.filter(source="open311").exists()


# Tokens


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_a_token_is_a_tracking_code_and_stands_for_the_request_id(api, fmt):
    concern = raise_concern()
    response = api.get(f"{BASE}tokens/{concern.tracking_code}.{fmt}")
    assert response.status_code == 200
    assert requests_of(response, fmt) == [
        {"service_request_id": concern.open311_id, "token": concern.tracking_code}
    ]
    # Read in any case and without dashes; the token comes back as given.
    loose = concern.tracking_code.replace("-", "").lower()
    response = api.get(f"{BASE}tokens/{loose}.{fmt}")
    assert requests_of(response, fmt) == [
        {"service_request_id": concern.open311_id, "token": loose}
    ]
    response = api.get(f"{BASE}tokens/NOPE.{fmt}")
    assert response.status_code == 404
    assert errors_of(response, fmt) == [(404, "No request has the token “NOPE”.")]


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_the_post_notice_gives_the_tracking_code_and_its_token_maps_it(
    api, api_key, fmt
):
    response = post(
        api, fmt, api_key=api_key, service_code="vandalism",
        description="Someone smashed the bus shelter.", **PRIZREN,
    )  # fmt: skip
    assert response.status_code == 200
    record = requests_of(response, fmt)[0]
    concern = Concern.objects.get(pk=record["service_request_id"])
    assert record["service_request_id"] == concern.open311_id
    assert concern.tracking_code != concern.open311_id
    # The code is in the notice only: never the id, never a token.
    assert "token" not in record
    match = re.search(
        r"Your tracking code: (\S+)\. Follow the concern at (\S+)\.$",
        record["service_notice"],
    )
    assert match is not None, record["service_notice"]
    code, url = match.groups()
    assert code == concern.tracking_code
    assert url == f"http://testserver/en/concerns/{code}/"
    assert api.get(url).status_code == 200
    # The token endpoint maps the code to the id.
    response = api.get(f"{BASE}tokens/{code}.{fmt}")
    assert response.status_code == 200
    assert requests_of(response, fmt) == [
        {"service_request_id": concern.open311_id, "token": code}
    ]


def test_the_post_notice_speaks_the_language_asked_for(client, api_key):
    response = client.post(
        f"{BASE}requests.json?locale=sr-Latn",
        {"api_key": api_key, "service_code": "drugs", "description": "Dealing."}
        | PRIZREN,
    )
    assert response.status_code == 200
    concern = Concern.objects.get(pk=response.json()[0]["service_request_id"])
    notice = response.json()[0]["service_notice"]
    assert notice.endswith(
        f"http://testserver/sr-latn/concerns/{concern.tracking_code}/."
    )


# GET one request


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_one_request_shows_its_public_facts_blurred(api, fmt):
    concern = raise_concern(lat=42.213949, lon=20.739749)
    response = api.get(f"{BASE}requests/{concern.open311_id}.{fmt}")
    assert response.status_code == 200
    records = requests_of(response, fmt)
    assert len(records) == 1
    record = records[0]
    assert list(record) == [
        "service_request_id", "status", "status_notes", "service_name",
        "service_code", "description", "agency_responsible", "service_notice",
        "requested_datetime", "updated_datetime", "expected_datetime", "address",
        "address_id", "zipcode", "lat", "long", "media_url",
    ]  # fmt: skip
    assert record["service_request_id"] == concern.open311_id == str(concern.pk)
    assert concern.tracking_code not in response.content.decode()
    assert record["status"] == "open"
    assert record["status_notes"] == ""
    assert record["service_name"] == "Traffic safety and speeding"
    assert record["service_code"] == "traffic-safety"
    assert record["description"] == "Cars race past the school."
    assert record["agency_responsible"] == concern.sector.station.name_en
    assert record["service_notice"] == SPEED_NOTICE
    for name in ("requested_datetime", "updated_datetime", "expected_datetime"):
        assert W3C.match(record[name]), record[name]
    assert record["requested_datetime"] == (
        timezone.localtime(concern.submitted_at).isoformat(timespec="seconds")
    )
    expected = concern.submitted_at + datetime.timedelta(days=14)
    assert record["expected_datetime"] == (
        timezone.localtime(expected).isoformat(timespec="seconds")
    )
    assert (record["lat"], record["long"]) == ("42.214", "20.74")
    # Snapped to a 0.002° grid: at least ~100 m of doubt in every direction.
    for value in (record["lat"], record["long"]):
        assert round(float(value) * 1000) % 2 == 0
    for empty in ("address", "address_id", "zipcode", "media_url"):
        assert record[empty] == ""
    assert b"42.213949" not in response.content
    assert b"20.739749" not in response.content


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_an_unknown_request_is_404(api, fmt):
    concern = raise_concern()
    unknown = str(concern.pk + 1000)
    for request_id in (
        unknown,
        "ABCD-EFGH-JKMN",
        "0",
        "-1",
        "1.0",
        "²",
        "99999999999999999999999",
        # A tracking code is not a request id.
        concern.tracking_code,
        concern.tracking_code.replace("-", "").lower(),
    ):
        response = api.get(f"{BASE}requests/{request_id}.{fmt}")
        assert response.status_code == 404, request_id
        assert errors_of(response, fmt) == [
            (404, f"No request has the id “{request_id}”.")
        ]


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_hidden_and_sensitive_requests_are_404_by_id(api, fmt, officer):
    hidden = raise_concern()
    concern_moderate(concern=hidden, hidden=True, by=officer)
    sensitive = raise_concern("youth-at-risk", description="A boy sleeps outside.")
    unknown = str(max(hidden.pk, sensitive.pk) + 1)
    # The same answer as for an id nobody has: nothing to count them by.
    for request_id in (hidden.open311_id, sensitive.open311_id, unknown):
        response = api.get(f"{BASE}requests/{request_id}.{fmt}")
        assert response.status_code == 404
        assert errors_of(response, fmt) == [
            (404, f"No request has the id “{request_id}”.")
        ]
        assert b"sleeps" not in response.content


def test_status_notes_are_the_latest_public_reply(api, officer):
    concern = raise_concern()
    concern_reply(
        concern=concern, by=officer, text="We will patrol there.", public=True
    )
    concern_reply(
        concern=concern, by=officer, text="Internal: plate known.", public=False
    )
    concern_reporter_message(concern=concern, text="My neighbour Besa saw it too.")
    url = f"{BASE}requests/{concern.open311_id}.json"
    record = api.get(url).json()[0]
    assert record["status_notes"] == "We will patrol there."
    assert record["status"] == "open"
    concern_resolve(concern=concern, by=officer, text="Speed bumps were installed.")
    response = api.get(url)
    record = response.json()[0]
    assert record["status"] == "closed"
    assert record["status_notes"] == "Speed bumps were installed."
    assert record["expected_datetime"] is None
    concern.refresh_from_db()
    assert record["updated_datetime"] == (
        timezone.localtime(concern.closed_at).isoformat(timespec="seconds")
    )
    assert b"Internal" not in response.content
    assert b"Besa" not in response.content


def test_a_referred_request_names_the_institution_responsible(api, officer):
    concern = raise_concern("street-lighting")
    concern_refer(concern=concern, by=officer, institution="Municipality of Prizren")
    record = api.get(f"{BASE}requests/{concern.open311_id}.json").json()[0]
    assert record["agency_responsible"] == "Municipality of Prizren"
    assert record["status"] == "closed"
    assert record["status_notes"] == "Referred to Municipality of Prizren."


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_a_description_no_officer_published_is_not_shown(api, fmt):
    concern = raise_concern(description="Arben Krasniqi sells drugs", published=False)
    response = api.get(f"{BASE}requests/{concern.open311_id}.{fmt}")
    assert response.status_code == 200
    record = requests_of(response, fmt)[0]
    assert not record["description"]
    assert b"Krasniqi" not in response.content


def test_text_is_escaped_in_xml_and_kept_exactly(api):
    text = 'Fights & "noise" after 22:00, 3 < 5 cars; ok > fine\x01'
    concern = raise_concern(description=text)
    response = api.get(f"{BASE}requests/{concern.open311_id}.xml")
    record = requests_of(response, "xml")[0]
    assert record["description"] == concern.description.replace("\x01", "")
    assert "3 < 5" in record["description"]
    assert '& "noise"' in record["description"]
    json_record = api.get(f"{BASE}requests/{concern.open311_id}.json").json()[0]
    assert json_record["description"] == concern.description


# GET requests: lists, filters, pages


def quiet_concerns():
    """Concerns in the quiet stretch: a day apart, newest last."""
    specs = [
        ("traffic-safety", 0),
        ("vandalism", 1),
        ("drugs", 2),
        ("vandalism", 3),
        ("traffic-safety", 4),
    ]
    return [
        raise_concern(code, at=QUIET + datetime.timedelta(days=days))
        for code, days in specs
    ]


def listed(api, fmt="json", **query):
    response = api.get(f"{BASE}requests.{fmt}", query)
    assert response.status_code == 200, response.content
    return [record["service_request_id"] for record in requests_of(response, fmt)]


QUIET_WINDOW = {
    "start_date": "2019-02-28T00:00:00Z",
    "end_date": "2019-03-31T00:00:00+01:00",
}


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_requests_list_public_concerns_newest_first(api, fmt):
    concerns = quiet_concerns()
    ids = [c.open311_id for c in reversed(concerns)]
    assert listed(api, fmt, **QUIET_WINDOW) == ids


def test_requests_default_to_the_last_90_days(api):
    old = quiet_concerns()
    fresh = raise_concern()
    ninety_one = raise_concern(at=timezone.now() - datetime.timedelta(days=91))
    ids = listed(api)
    assert fresh.open311_id in ids
    assert ninety_one.open311_id not in ids
    assert not {c.open311_id for c in old} & set(ids)


def test_requests_filter_by_dates(api):
    concerns = quiet_concerns()
    ids = listed(
        api, start_date="2019-03-02T00:00:00Z", end_date="2019-03-04T00:00:00Z"
    )
    assert ids == [concerns[2].open311_id, concerns[1].open311_id]
    # A date alone covers the whole day; start_date alone the 90 days after.
    assert listed(api, start_date="2019-03-02", end_date="2019-03-03") == [
        concerns[2].open311_id, concerns[1].open311_id,
    ]  # fmt: skip
    assert listed(api, start_date="2019-03-04T00:00:00Z") == [
        concerns[4].open311_id, concerns[3].open311_id,
    ]  # fmt: skip
    assert listed(api, end_date="2019-03-01T13:00:00+01:00") == [concerns[0].open311_id]


def test_requests_filter_by_service_codes(api):
    concerns = quiet_concerns()
    assert listed(api, service_code="vandalism", **QUIET_WINDOW) == [
        concerns[3].open311_id, concerns[1].open311_id,
    ]  # fmt: skip
    assert listed(api, service_code="drugs,traffic-safety", **QUIET_WINDOW) == [
        concerns[4].open311_id, concerns[2].open311_id,
        concerns[0].open311_id,
    ]  # fmt: skip
    assert listed(api, service_code="potholes", **QUIET_WINDOW) == []


def test_requests_filter_by_status(api, officer):
    concerns = quiet_concerns()
    concern_resolve(concern=concerns[1], by=officer, text="Painted over.")
    concern_refer(concern=concerns[2], by=officer, institution="Municipality")
    closed = [concerns[2].open311_id, concerns[1].open311_id]
    open_ = [c.open311_id for c in (concerns[4], concerns[3], concerns[0])]
    assert listed(api, status="closed", **QUIET_WINDOW) == closed
    assert listed(api, status="open", **QUIET_WINDOW) == open_
    assert listed(api, status="open,closed", **QUIET_WINDOW) == (
        listed(api, **QUIET_WINDOW)
    )
    assert len(listed(api, **QUIET_WINDOW)) == 5


def test_requests_by_id_override_every_other_filter(api):
    concerns = quiet_concerns()
    wanted = f"{concerns[0].open311_id}, {concerns[3].open311_id},NOPE,-1,²"
    assert listed(
        api, service_request_id=wanted, service_code="drugs", status="closed",
        start_date="2030-01-01T00:00:00Z",
    ) == [concerns[3].open311_id, concerns[0].open311_id]  # fmt: skip
    # Tracking codes are not ids; ids that are no id at all find nothing.
    assert listed(api, service_request_id=concerns[0].tracking_code) == []
    assert listed(api, service_request_id="NOPE,0,99999999999999999999999") == []


def test_hidden_concerns_are_never_listed(api, officer):
    concerns = quiet_concerns()
    concern_moderate(concern=concerns[0], hidden=True, by=officer)
    sensitive = raise_concern("youth-at-risk", at=QUIET)
    ids = listed(api, **QUIET_WINDOW)
    assert concerns[0].open311_id not in ids
    assert sensitive.open311_id not in ids
    assert len(ids) == 4
    for concern in (concerns[0], sensitive):
        assert listed(api, service_request_id=concern.open311_id) == []
        response = api.get(f"{BASE}requests/{concern.open311_id}.json")
        assert response.status_code == 404


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_requests_come_in_pages(api, fmt):
    concerns = [c.open311_id for c in reversed(quiet_concerns())]
    assert listed(api, fmt, page_size="2", **QUIET_WINDOW) == concerns[:2]
    assert listed(api, fmt, page="2", page_size="2", **QUIET_WINDOW) == concerns[2:4]
    assert listed(api, fmt, page="3", page_size="2", **QUIET_WINDOW) == concerns[4:]
    assert listed(api, fmt, page="4", page_size="2", **QUIET_WINDOW) == []


def test_at_most_1000_requests_come_at_once(api):
    concern = raise_concern(at=QUIET)
    Concern.objects.bulk_create(
        [
            Concern(
                tracking_code=f"LOTS-{n:04d}-AAAA",
                category=concern.category,
                description="Many.",
                latitude=concern.latitude,
                longitude=concern.longitude,
                sector=concern.sector,
                source="web",
                submitted_at=QUIET,
            )
            for n in range(1000)
        ]
    )
    assert len(listed(api, **QUIET_WINDOW)) == 1000
    assert len(listed(api, page="2", **QUIET_WINDOW)) == 1


@pytest.mark.parametrize("fmt", ["xml", "json"])
@pytest.mark.parametrize(
    ("query", "messages"),
    [
        (
            {"start_date": "yesterday"},
            [
                "start_date must be a date and time in the W3C format, for "
                "example 2010-01-01T00:00:00Z."
            ],
        ),
        (
            {"start_date": "2019-13-01T00:00:00Z", "end_date": "2019-03-01T25:00"},
            [
                "start_date must be a date and time in the W3C format, for "
                "example 2010-01-01T00:00:00Z.",
                "end_date must be a date and time in the W3C format, for "
                "example 2010-01-01T00:00:00Z.",
            ],
        ),
        (
            {"start_date": "2019-03-02T00:00:00Z", "end_date": "2019-03-01T00:00:00Z"},
            ["start_date must not be after end_date."],
        ),
        (
            {"start_date": "2019-01-01T00:00:00Z", "end_date": "2019-06-01T00:00:00Z"},
            ["start_date and end_date may not be more than 90 days apart."],
        ),
        ({"status": "pending"}, ["status must be open, closed or both."]),
        ({"page": "0"}, ["page must be a whole number from 1 to 1000000."]),
        (
            {"page_size": "1001", "page": "x"},
            [
                "page must be a whole number from 1 to 1000000.",
                "page_size must be a whole number from 1 to 1000.",
            ],
        ),
    ],
)
def test_bad_filters_are_400_and_say_why(api, fmt, query, messages):
    response = api.get(f"{BASE}requests.{fmt}", query)
    assert response.status_code == 400
    assert errors_of(response, fmt) == [(400, m) for m in messages]


@pytest.mark.parametrize(
    ("language", "messages"),
    [
        (
            "sr",
            [
                "start_date мора бити датум и време у W3C формату, на пример "
                "2010-01-01T00:00:00Z.",
                "status мора бити open, closed или оба.",
            ],
        ),
        (
            "sr-latn",
            [
                "start_date mora biti datum i vreme u W3C formatu, na primer "
                "2010-01-01T00:00:00Z.",
                "status mora biti open, closed ili oba.",
            ],
        ),
    ],
)
def test_parameter_names_and_values_stay_as_they_are_typed_in_serbian(
    client, language, messages
):
    response = client.get(
        f"{BASE}requests.json",
        {"start_date": "yesterday", "status": "pending"},
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert response.status_code == 400
    assert errors_of(response, "json") == [(400, m) for m in messages]


def test_a_post_in_serbian_cyrillic_names_the_parameters_as_typed(client, api_key):
    response = client.post(
        f"{BASE}requests.json",
        {"api_key": api_key, "service_code": "drugs", "lat": "42.2"},
        HTTP_ACCEPT_LANGUAGE="sr",
    )
    assert response.status_code == 400
    assert errors_of(response, "json") == [(400, "Пошаљите и lat и long.")]
    response = client.post(
        f"{BASE}requests.json", {"service_code": "drugs"}, HTTP_ACCEPT_LANGUAGE="sr"
    )
    assert response.status_code == 403
    assert errors_of(response, "json") == [(403, "api_key није наведен.")]
    response = client.get(f"{BASE}requests.csv", HTTP_ACCEPT_LANGUAGE="sr")
    assert errors_of(response, "xml") == [
        (404, "Непознат формат „csv“: користите xml или json.")
    ]


def test_empty_parameters_count_as_not_sent(api):
    concern = raise_concern()
    codes = listed(
        api, service_code="", status="", start_date="", end_date="", page="",
        page_size="", service_request_id="",
    )  # fmt: skip
    assert concern.open311_id in codes


def test_a_list_answers_in_few_queries(api, django_assert_max_num_queries):
    quiet_concerns()
    with django_assert_max_num_queries(6):
        assert len(listed(api, **QUIET_WINDOW)) == 5


# Tracking codes stay secret


def test_no_get_response_ever_shows_a_tracking_code(api, api_key, officer):
    concerns = quiet_concerns()
    concerns.append(raise_concern())
    concern_reply(concern=concerns[-1], by=officer, text="We patrol.", public=True)
    concern_resolve(concern=concerns[0], by=officer, text="Speed bumps.")
    hidden = raise_concern()
    concern_moderate(concern=hidden, hidden=True, by=officer)
    concerns += [hidden, raise_concern("youth-at-risk")]
    response = post(
        api, api_key=api_key, service_code="vandalism", description="Graffiti.",
        **PRIZREN,
    )  # fmt: skip
    concerns.append(Concern.objects.get(pk=response.json()[0]["service_request_id"]))
    ids = [concern.open311_id for concern in concerns]
    secrets = set()
    for concern in concerns:
        code = concern.tracking_code
        secrets |= {code, code.lower(), code.replace("-", ""), code[:9], code[5:]}
    paths = ["", "discovery.{fmt}", "services.{fmt}", "requests.{fmt}"]
    paths += [f"services/{c.code}.{{fmt}}" for c in Category.objects.all()]
    paths += [f"requests/{request_id}.{{fmt}}" for request_id in ids]
    queries = [
        {},
        QUIET_WINDOW,
        {"service_request_id": ",".join(ids)},
        {"status": "closed", **QUIET_WINDOW},
    ]
    seen = 0
    for fmt in ("xml", "json"):
        for path in paths:
            for query in queries if path.startswith("requests.") else [{}]:
                response = api.get(BASE + path.format(fmt=fmt), query)
                assert response.status_code in (200, 404), path
                content = response.content.decode()
                for secret in secrets:
                    assert secret not in content, (path, query)
                    assert secret.upper() not in content.upper(), (path, query)
                seen += content.count("service_request_id")
    assert seen > len(concerns)


# API keys


def test_create_api_key_prints_a_key_that_is_stored_only_as_a_hash(db):
    out = io.StringIO()
    call_command("create_api_key", "FixMyStreet Kosova", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == (
        "Open311 API key for FixMyStreet Kosova (shown only this once; keep it secret):"
    )
    key = lines[1]
    assert len(key) >= 40
    api_key = ApiKey.objects.get(name="FixMyStreet Kosova")
    assert api_key.key_hash == hashlib.sha256(key.encode()).hexdigest()
    assert key not in json.dumps(list(ApiKey.objects.values()), default=str)
    assert api_key.revoked_at is None
    assert open311_services.api_key_authenticate(key=key) == api_key


def test_status_history_of_a_concern_raised_via_open311_is_its_own(api, api_key):
    response = post(
        api, api_key=api_key, service_code="drugs", description="Dealing.", **PRIZREN
    )
    concern = Concern.objects.get(pk=response.json()[0]["service_request_id"])
    assert list(concern.updates.values_list("kind", "to_status")) == [
        (ConcernUpdate.Kind.STATUS, "submitted")
    ]
