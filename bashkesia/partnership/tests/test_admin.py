"""The partnership records are listed, searched and opened in the admin,
read only."""

import datetime

import pytest

from bashkesia.core import clock
from bashkesia.partnership.models import (
    Event,
    Forum,
    ForumKind,
    Meeting,
    Problem,
    SectorPriority,
)
from bashkesia.territory.models import Sector


@pytest.fixture
def records(db):
    sector = Sector.objects.select_related("station", "municipality").get(code="PRZ-01")
    forum = Forum.objects.create(
        kind=ForumKind.KLSP,
        name_sq="KLSP Arbana",
        name_sr_latn="LKJB Arbana",
        name_sr="ЛКЈБ Арбана",
        name_en="KLSP Arbana",
        municipality=sector.municipality,
        station=sector.station,
    )
    meeting = Meeting.objects.create(
        forum=forum, title="Takimi i rregullt", starts_at=clock.now(), place="Shkolla"
    )
    Event.objects.create(
        kind=Event.Kind.FORUM_MEETING,
        title=meeting.title,
        starts_at=meeting.starts_at,
        municipality=sector.municipality,
        forum=forum,
        meeting=meeting,
    )
    SectorPriority.objects.create(
        sector=sector,
        issue="Shpejtësia pranë shkollës",
        issue_date=datetime.date(2026, 9, 1),
    )
    Problem.objects.create(station=sector.station, sector=sector, title="Vjedhje")
    return forum


@pytest.mark.parametrize(
    "model", [Forum, Meeting, Event, SectorPriority, Problem], ids=lambda m: m.__name__
)
def test_the_admin_lists_searches_and_opens_each_record_read_only(
    sign_in, records, model
):
    client = sign_in("directorate")
    base = f"/en/admin/partnership/{model._meta.model_name}/"
    assert client.get(base).status_code == 200
    assert client.get(base, {"q": "pr"}).status_code == 200
    first = model.objects.order_by("pk").first()
    page = client.get(f"{base}{first.pk}/change/")
    assert page.status_code == 200
    assert b'name="_save"' not in page.content
    assert client.get(f"{base}add/").status_code == 403


def test_a_commander_cannot_open_the_admin(sign_in, records):
    response = sign_in("commander").get("/en/admin/partnership/forum/")
    assert response.status_code == 302
