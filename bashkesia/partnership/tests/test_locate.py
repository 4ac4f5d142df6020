"""/api/v1/locate tells what a sector's community agreed and where it meets
next, and follows changes at once."""

import datetime

from bashkesia.core import clock
from bashkesia.partnership.models import Event, SectorPriority
from bashkesia.territory.models import Sector

from .event_factories import ForumFactory, in_days
from .event_factories import sector as sector_of


def _locate(client, sector):
    return client.get(
        "/api/v1/locate",
        {"lat": sector.centre_latitude, "lon": sector.centre_longitude},
    )


def test_locate_gives_the_current_priorities_and_the_next_event(client, db):
    sector = Sector.objects.get(code="PRZ-01")
    first = _locate(client, sector).json()
    assert first["code"] == "PRZ-01"
    assert first["priorities"] == []
    assert first["next_event"] is None

    SectorPriority.objects.create(
        sector=sector,
        issue="Shpejtësia pranë shkollës",
        issue_date=datetime.date(2026, 10, 1),
        action="Kontrolle të shpejtësisë çdo mëngjes",
        action_date=datetime.date(2026, 10, 15),
    )
    SectorPriority.objects.create(
        sector=sector,
        issue="Zhurma natën",
        issue_date=datetime.date(2026, 3, 1),
        status=SectorPriority.Status.ADDRESSED,
    )
    starts = clock.now() + datetime.timedelta(days=3)
    event = Event.objects.create(
        kind=Event.Kind.MEET_OFFICERS,
        title="Takoni policët e sektorit",
        starts_at=starts,
        place="Sheshi",
        municipality=sector.municipality,
        sector=sector,
    )

    data = _locate(client, sector).json()
    assert data["priorities"] == [
        {
            "issue": "Shpejtësia pranë shkollës",
            "issue_date": "2026-10-01",
            "action": "Kontrolle të shpejtësisë çdo mëngjes",
            "action_date": "2026-10-15",
        }
    ]
    assert data["next_event"]["id"] == event.pk
    assert data["next_event"]["kind"] == "meet_officers"
    assert data["next_event"]["url"] == f"http://testserver/sq/events/{event.pk}/"


def test_the_sector_resource_carries_them_too(client, db):
    sector = Sector.objects.get(code="PRZ-01")
    data = client.get("/api/v1/sectors/PRZ-01").json()
    assert data["priorities"] == []
    assert data["next_event"] is None
    assert sector.code == data["code"]


def test_locate_follows_a_forums_area_and_status_at_once(client, db):
    """A forum's meeting concerns the sectors the forum covers, and only
    while the public sees the forum: locate's answer follows either change."""
    forum = ForumFactory(sectors=[sector_of("PRZ-02"), sector_of("PRZ-03")])
    event = Event.objects.create(
        kind=Event.Kind.FORUM_MEETING,
        title="Takimi i KLSP-së",
        starts_at=in_days(4),
        place="Shtëpia e Kulturës",
        municipality=forum.municipality,
        forum=forum,
    )
    prz03 = sector_of("PRZ-03")
    assert _locate(client, prz03).json()["next_event"]["id"] == event.pk

    forum.sectors.remove(prz03)
    assert _locate(client, prz03).json()["next_event"] is None

    forum.sectors.add(prz03)
    assert _locate(client, prz03).json()["next_event"]["id"] == event.pk
    forum.status = "awaiting_approval"
    forum.save(update_fields=["status"])
    assert _locate(client, prz03).json()["next_event"] is None
