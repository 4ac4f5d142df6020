"""Forums and events in the JSON API (/api/v1/), and the sector's events in
the data.police.uk-compatible API (/api/policeuk/)."""

import datetime

import pytest
from django.utils import timezone

from bashkesia.core import clock
from bashkesia.partnership.models import (
    Event,
    ForumKind,
    ForumStatus,
    Meeting,
    MemberRole,
    Membership,
    Minutes,
)
from bashkesia.territory.models import Municipality, Settlement, Station

from .event_factories import EventFactory, ForumFactory, in_days, sector

pytestmark = pytest.mark.django_db

V1 = "/api/v1/"
ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en"}


def get(client, path, status=200, **headers):
    response = client.get(V1 + path, **{**ENGLISH, **headers})
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    return response.json()


@pytest.fixture
def forums():
    """A KLSP and a KKSB of Prizren, a dissolved EVSB of Pejë and forums the
    public does not see."""
    peja = sector("PEJ-01")
    return {
        "klsp": ForumFactory(name_en="KLSP Tusus"),
        "kksb": ForumFactory(
            kind=ForumKind.KKSB, name_en="KKSB Prizren", established_on=None
        ),
        "evsb": ForumFactory(
            kind=ForumKind.EVSB,
            status=ForumStatus.DISSOLVED,
            municipality=peja.municipality,
            station=Station.objects.get(code="PEJ"),
            sectors=[peja],
            name_en="EVSB Safe Roads",
            goal="Safer school crossings.",
            partners="OSCE",
            starts_on=datetime.date(2024, 4, 1),
            ends_on=datetime.date(2024, 10, 1),
            outcome="Three crossings painted.",
            dissolved_on=datetime.date(2024, 10, 2),
        ),
        "requested": ForumFactory(status=ForumStatus.REQUESTED),
        "awaiting": ForumFactory(status=ForumStatus.AWAITING_APPROVAL),
        "rejected": ForumFactory(status=ForumStatus.REJECTED),
    }


def iso(moment: datetime.datetime) -> str:
    """Return ``moment`` as the API writes it: ISO 8601 in UTC."""
    return moment.astimezone(datetime.UTC).isoformat().replace("+00:00", "Z")


def ids(items) -> list[int]:
    return [item["id"] for item in items]


# Forums --------------------------------------------------------------------------


def test_forums_lists_the_forums_the_public_sees(client, forums):
    listed = get(client, "forums")
    assert sorted(ids(listed)) == sorted(
        forums[name].pk for name in ("klsp", "kksb", "evsb")
    )
    klsp = next(item for item in listed if item["id"] == forums["klsp"].pk)
    assert klsp == {
        "id": forums["klsp"].pk,
        "type": "KLSP",
        "type_label": "Local Public Safety Committee (KLSP)",
        "name": "KLSP Tusus",
        "municipality": {"code": "PRZ", "name": "Prizren"},
        "status": "active",
        "established_on": "2024-03-01",
        "dissolved_on": None,
        "url": f"http://testserver/en/forums/{forums['klsp'].pk}/",
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("municipality=prz", ["klsp", "kksb"]),
        ("municipality=PEJ", ["evsb"]),
        ("type=kksb", ["kksb"]),
        ("type=EVSB", ["evsb"]),
        ("status=dissolved", ["evsb"]),
        ("status=active&type=klsp", ["klsp"]),
    ],
)
def test_forums_are_filtered_by_municipality_type_and_status(
    client, forums, query, expected
):
    assert sorted(ids(get(client, f"forums?{query}"))) == sorted(
        forums[name].pk for name in expected
    )


@pytest.mark.parametrize(
    ("query", "detail"),
    [
        ("municipality=XXX", "No municipality has the code “XXX”."),
        ("type=council", "Unknown forum type “council”: use klsp, kksb or evsb."),
        ("status=requested", "Unknown status “requested”: use active or dissolved."),
    ],
)
def test_a_bad_forum_filter_is_refused(client, query, detail):
    assert get(client, f"forums?{query}", status=400) == {"detail": detail}


@pytest.mark.parametrize(
    ("language", "query", "detail"),
    [
        (
            "sr",
            "type=council",
            "Непозната врста форума „council”: користите klsp, kksb или evsb.",
        ),
        (
            "sr",
            "status=requested",
            "Непознат статус „requested”: користите active или dissolved.",
        ),
        (
            "sr-latn",
            "type=council",
            "Nepoznata vrsta foruma „council”: koristite klsp, kksb ili evsb.",
        ),
        (
            "sq",
            "status=requested",
            "Status i panjohur “requested”: përdorni active ose dissolved.",
        ),
    ],
)
def test_the_values_to_type_stay_as_they_are_typed_in_every_language(
    client, language, query, detail
):
    answer = get(client, f"forums?{query}", status=400, HTTP_ACCEPT_LANGUAGE=language)
    assert answer == {"detail": detail}


def test_forum_names_and_urls_follow_the_accept_language_header(client, forums):
    pk = forums["klsp"].pk
    for language, name in [
        ("sq", forums["klsp"].name_sq),
        ("sr-latn", forums["klsp"].name_sr_latn),
        ("sr", forums["klsp"].name_sr),
        ("en", "KLSP Tusus"),
    ]:
        listed = get(client, "forums?type=klsp", HTTP_ACCEPT_LANGUAGE=language)
        assert listed[0]["name"] == name
        assert listed[0]["url"] == f"http://testserver/{language}/forums/{pk}/"


def test_a_forum_shows_its_area_members_and_upcoming_meetings(client, forums):
    forum = forums["klsp"]
    village = Settlement.objects.filter(sector__code="PRZ-02").order_by("pk").first()
    forum.settlements.set([village])
    since = clock.today() - datetime.timedelta(days=100)
    seats = [
        ("Drita Krasniqi", MemberRole.CHAIR, True),
        ("Secret Member", MemberRole.MEMBER, False),
        ("Officer Berisha", MemberRole.POLICE, False),
        ("Former Chair", MemberRole.MEMBER, True),
    ]
    for name, role, public in seats:
        Membership.objects.create(
            forum=forum,
            name=name,
            role=role,
            name_is_public=public,
            start_date=since,
            end_date=clock.today() - datetime.timedelta(days=1)
            if name == "Former Chair"
            else None,
        )
    Meeting.objects.create(forum=forum, title="Next", starts_at=in_days(10))
    Meeting.objects.create(
        forum=forum, title="Closed", starts_at=in_days(11), is_public=False
    )
    Meeting.objects.create(forum=forum, title="Last", starts_at=in_days(-10))

    data = get(client, f"forums/{forum.pk}")
    assert data["purpose"] == "Safety on the way to school."
    assert data["station"] == {"code": "PRZ", "name": "Prizren Police Station"}
    assert data["sectors"] == [{"code": "PRZ-02", "name": sector("PRZ-02").name_en}]
    assert data["settlements"] == [
        {"geonames_id": village.geonames_id, "name": village.name_sq}
    ]
    assert data["members"] == [
        {"name": "Drita Krasniqi", "role": "chair", "role_label": "chair"},
        {"name": "Officer Berisha", "role": "police",
         "role_label": "police representative"},
        {"name": None, "role": "member", "role_label": "member"},
    ]  # fmt: skip
    assert data["upcoming_meetings"] == 1
    assert data["project"] is None


def test_a_forum_never_shows_a_civilian_members_name_without_consent(client, forums):
    Membership.objects.create(
        forum=forums["klsp"],
        name="Hidden Person",
        role=MemberRole.SECRETARY,
        start_date=clock.today(),
    )
    response = client.get(f"{V1}forums/{forums['klsp'].pk}", **ENGLISH)
    assert "Hidden Person" not in response.content.decode()


def test_an_evsb_shows_its_project(client, forums):
    data = get(client, f"forums/{forums['evsb'].pk}")
    assert data["status"] == "dissolved"
    assert data["dissolved_on"] == "2024-10-02"
    assert data["project"] == {
        "goal": "Safer school crossings.",
        "partners": "OSCE",
        "starts_on": "2024-04-01",
        "ends_on": "2024-10-01",
        "outcome": "Three crossings painted.",
    }


def test_a_forums_request_and_security_analysis_never_show(client, forums):
    forum = forums["klsp"]
    forum.security_analysis = "Drug dealing near the school, names known."
    forum.save()
    body = client.get(f"{V1}forums/{forum.pk}", **ENGLISH).content.decode()
    assert "Drug dealing" not in body
    assert "security_analysis" not in body


@pytest.mark.parametrize("name", ["requested", "awaiting", "rejected"])
def test_a_forum_the_public_does_not_see_is_not_found(client, forums, name):
    pk = forums[name].pk
    detail = {"detail": "No public safety forum has this number."}
    assert get(client, f"forums/{pk}", status=404) == detail
    assert get(client, f"forums/{pk}/meetings", status=404) == detail


def test_not_found_is_said_in_the_language_asked_for(client, forums):
    english = get(client, "forums/999999", status=404)["detail"]
    albanian = get(client, "forums/999999", status=404, HTTP_ACCEPT_LANGUAGE="sq")
    assert english == "No public safety forum has this number."
    assert set(albanian) == {"detail"}


def test_a_forum_id_that_is_not_a_number_is_invalid_input(client):
    data = get(client, "forums/abc", status=422)
    assert data["detail"] == "Invalid input: forum_id: must be a whole number"


def test_a_forums_meetings_are_its_public_ones_latest_first(client, forums):
    forum = forums["klsp"]
    held = Meeting.objects.create(
        forum=forum,
        title="January",
        starts_at=in_days(-40),
        ends_at=in_days(-40, hour=20),
        place="Shkolla",
        status=Meeting.Status.HELD,
    )
    Minutes.objects.create(
        meeting=held,
        version=1,
        text="Agreed.",
        status=Minutes.Status.APPROVED,
        drafted_at=clock.now(),
        approved_at=clock.now(),
    )
    drafted = Meeting.objects.create(
        forum=forum, title="February", starts_at=in_days(-10),
        status=Meeting.Status.HELD, online_link="https://meet.example.org/f",
    )  # fmt: skip
    Minutes.objects.create(
        meeting=drafted, version=1, text="Draft.", drafted_at=clock.now()
    )
    Meeting.objects.create(
        forum=forum, title="Closed", starts_at=in_days(-5), is_public=False
    )
    upcoming = Meeting.objects.create(forum=forum, title="March", starts_at=in_days(9))

    data = get(client, f"forums/{forum.pk}/meetings")
    assert [meeting["title"] for meeting in data] == ["March", "February", "January"]
    assert data[2] == {
        "id": held.pk,
        "title": "January",
        "starts_at": iso(held.starts_at),
        "ends_at": iso(held.ends_at),
        "place": "Shkolla",
        "online_link": "",
        "status": "held",
        "url": f"http://testserver/en/forums/{forum.pk}/meetings/{held.pk}/",
        "has_approved_minutes": True,
    }
    assert data[1]["has_approved_minutes"] is False
    assert data[1]["online_link"] == "https://meet.example.org/f"
    assert data[0]["id"] == upcoming.pk
    assert data[0]["status"] == "scheduled"


# Events --------------------------------------------------------------------------


@pytest.fixture
def events():
    forum = ForumFactory()
    return {
        "forum": forum,
        "soon": EventFactory(title="Soon", starts_at=in_days(1)),
        "meeting": EventFactory(
            title="KLSP meeting",
            kind=Event.Kind.FORUM_MEETING,
            sector=sector("PRZ-02"),
            forum=forum,
            starts_at=in_days(2),
        ),
        "cancelled": EventFactory(
            title="Cancelled", starts_at=in_days(3), is_cancelled=True
        ),
        "peja": EventFactory(
            title="Peja", sector=sector("PEJ-01"), starts_at=in_days(20)
        ),
        "past": EventFactory(title="Past", starts_at=in_days(-5)),
        "hidden": EventFactory(
            title="Hidden",
            forum=ForumFactory(status=ForumStatus.REQUESTED),
            starts_at=in_days(4),
        ),
    }


def titles(items) -> list[str]:
    return [item["title"] for item in items]


def test_events_lists_the_upcoming_public_events_soonest_first(client, events):
    data = get(client, "events")
    assert titles(data) == ["Soon", "KLSP meeting", "Cancelled", "Peja"]
    soon = events["soon"]
    assert data[0] == {
        "id": soon.pk,
        "kind": "meet_officers",
        "kind_label": "meet your sector officers",
        "title": "Soon",
        "description": "Coffee and questions with the officers of your sector.",
        "starts_at": iso(soon.starts_at),
        "ends_at": iso(soon.ends_at),
        "place": "Shkolla Fillore Lidhja e Prizrenit",
        "online_link": "",
        "municipality": {"code": "PRZ", "name": "Prizren"},
        "sector": {"code": "PRZ-01", "name": sector("PRZ-01").name_en},
        "forum": None,
        "cancelled": False,
        "url": f"http://testserver/en/events/{soon.pk}/",
    }
    assert data[1]["forum"] == events["forum"].pk
    assert data[2]["cancelled"] is True


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("municipality=PEJ", ["Peja"]),
        ("sector=prz-01", ["Soon", "Cancelled"]),
        ("sector=PRZ-02", ["KLSP meeting"]),
        ("limit=2", ["Soon", "KLSP meeting"]),
    ],
)
def test_events_are_filtered(client, events, query, expected):
    assert titles(get(client, f"events?{query}")) == expected


def test_events_are_filtered_by_forum(client, events):
    assert titles(get(client, f"events?forum={events['forum'].pk}")) == ["KLSP meeting"]


def test_events_are_chosen_by_days(client, events):
    today = timezone.localdate(clock.now())
    past = timezone.localdate(events["past"].starts_at)
    third = timezone.localdate(events["cancelled"].starts_at)
    assert titles(get(client, f"events?from={past}&to={past}")) == ["Past"]
    assert titles(get(client, f"events?from={today}&to={third}")) == [
        "Soon",
        "KLSP meeting",
        "Cancelled",
    ]


@pytest.mark.parametrize(
    ("query", "status", "detail"),
    [
        ("municipality=XXX", 400, "No municipality has the code “XXX”."),
        ("sector=NOPE-01", 400, "No police sector has the code “NOPE-01”."),
        ("forum=999999", 400, "No public forum has the number 999999."),
        (
            "from=2030-02-01&to=2030-01-01",
            400,
            "The last day cannot come before the first day.",
        ),
        ("forum=abc", 422, "Invalid input: forum: must be a whole number"),
        ("limit=0", 422, "Invalid input: limit: must be at least 1"),
        ("limit=501", 422, "Invalid input: limit: must be at most 500"),
    ],
)
def test_a_bad_event_filter_is_refused(client, query, status, detail):
    assert get(client, f"events?{query}", status=status)["detail"] == detail


def test_a_date_that_is_no_date_is_invalid_input(client):
    data = get(client, "events?from=tomorrow", status=422)
    assert data["detail"].startswith("Invalid input: from: ")
    assert data["errors"][0]["field"] == "from"


def test_the_openapi_document_lists_the_new_endpoints(client):
    paths = client.get(V1 + "openapi.json").json()["paths"]
    for path in (
        "/api/v1/forums",
        "/api/v1/forums/{forum_id}",
        "/api/v1/forums/{forum_id}/meetings",
        "/api/v1/events",
    ):
        assert path in paths


# data.police.uk ------------------------------------------------------------------


POLICEUK = "/api/policeuk/"


def test_a_neighbourhoods_events_take_data_police_uks_shape(client, events):
    response = client.get(POLICEUK + "prizren/PRZ-01/events", **ENGLISH)
    assert response.status_code == 200
    data = response.json()
    soon = events["soon"]
    station = Station.objects.get(code="PRZ")
    start = timezone.localtime(soon.starts_at)
    assert data == [
        {
            "title": "Soon",
            "description": "Coffee and questions with the officers of your sector.",
            "type": "surgery",
            "address": "Shkolla Fillore Lidhja e Prizrenit",
            "start_date": start.strftime("%Y-%m-%dT%H:%M:%S"),
            "end_date": timezone.localtime(soon.ends_at).strftime("%Y-%m-%dT%H:%M:%S"),
            "contact_details": {
                key: value
                for key, value in {
                    "email": station.email,
                    "telephone": station.telephone,
                }.items()
                if value
            },
        }
    ]
    assert data[0]["start_date"].endswith(":00")
    assert "+" not in data[0]["start_date"]


def test_a_neighbourhoods_events_include_its_forums_meetings(client, events):
    data = client.get(POLICEUK + "prizren/PRZ-02/events", **ENGLISH).json()
    assert [(e["title"], e["type"]) for e in data] == [("KLSP meeting", "meeting")]


def test_police_uk_events_escape_html_and_give_null_for_what_is_missing(client):
    EventFactory(
        title="Online talk",
        description="Tom & Jerry <3",
        place="",
        online_link="https://meet.example.org/t",
        ends_at=None,
        kind=Event.Kind.CAMPAIGN,
    )
    EventFactory(title="Quiet", description="", kind=Event.Kind.SCHOOL_VISIT)
    data = client.get(POLICEUK + "prizren/PRZ-01/events", **ENGLISH).json()
    first, second = sorted(data, key=lambda e: e["title"])
    assert first["description"] == "Tom &amp; Jerry &lt;3"
    assert first["address"] == "https://meet.example.org/t"
    assert first["end_date"] is None
    assert first["type"] == "campaign"
    assert second["description"] is None
    assert second["type"] == "school visit"


def test_police_uk_events_of_an_unknown_neighbourhood_are_not_found(client):
    response = client.get(POLICEUK + "prizren/PEJ-01/events", **ENGLISH)
    assert response.status_code == 404


def test_municipality_names_in_events_follow_the_language(client, events):
    prizren = Municipality.objects.get(code="PRZ")
    data = get(client, "events?limit=1", HTTP_ACCEPT_LANGUAGE="sr")
    assert data[0]["municipality"]["name"] == prizren.name_sr
    assert data[0]["url"].startswith("http://testserver/sr/events/")
