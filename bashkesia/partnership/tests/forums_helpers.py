"""What the forums' tests share: people in the Prizren scope, places, and
the steps of a KLSP (on top of the demo data the suite loads)."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from bashkesia.accounts.models import Role
from bashkesia.accounts.services import role_grant, user_create
from bashkesia.core import clock
from bashkesia.partnership.models import Forum, ForumKind, ForumStatus, Meeting
from bashkesia.partnership.services.forums import (
    forum_create,
    klsp_propose,
    klsp_request_submit,
)
from bashkesia.partnership.services.meetings import meeting_schedule
from bashkesia.staff.tests.conftest import make_person
from bashkesia.territory.models import Municipality, Settlement, Station

REQUESTERS = "Arbër Krasniqi\nVlora Gashi\nDritan Hoxha"


def place(name: str, municipality: str = "PRZ") -> Settlement:
    return Settlement.objects.select_related("sector__station").get(
        name_sq=name, municipality__code=municipality
    )


def municipality(code: str = "PRZ") -> Municipality:
    return Municipality.objects.get(code=code)


def station(code: str = "PRZ") -> Station:
    return Station.objects.get(code=code)


def commander_of(code: str, username: str):
    user = user_create(username=username, email=f"{username}@example.org")
    role_grant(user=user, role=Role.STATION_COMMANDER, station=station(code))
    return user


def forum_people():
    """Return the Prizren commander, the Director General, directorate
    staff, the Prizren region's coordinator, a sector officer, and
    Suharekë's commander."""

    class People:
        commander = make_person(Role.STATION_COMMANDER)
        director = make_person(Role.DIRECTOR_GENERAL)
        directorate = make_person(Role.DIRECTORATE_STAFF)
        coordinator = make_person(Role.REGIONAL_COORDINATOR)
        officer = make_person(Role.SECTOR_OFFICER)
        other_commander = commander_of("SUH", "t-suh-commander")

    return People


def submit(**changes):
    fields = {
        "name": "KLSP Atmagjë",
        "municipality": municipality(),
        "settlements": [place("Atmagjë"), place("Billushë")],
        "requesters": REQUESTERS,
        "reasons": "Cars speed through the village at night; the school road is dark.",
        "contact_name": "Arbër Krasniqi",
        "contact_email": "arber@example.org",
        "contact_phone": "+383 44 123 456",
        "language": "sq",
    }
    fields.update(changes)
    return klsp_request_submit(**fields)


def propose(by, **changes) -> Forum:
    fields = {
        "by": by,
        "station": station(),
        "name_sq": "KLSP Billushë",
        "purpose": "Residents and police meet monthly about the village's safety.",
        "security_analysis": "Eleven burglaries in 2025, four in the last quarter.",
        "settlements": [place("Billushë")],
    }
    fields.update(changes)
    return klsp_propose(**fields)


def steps(forum: Forum) -> list[str]:
    return list(forum.steps.order_by("at", "pk").values_list("action", flat=True))


def refused(call, message: str) -> None:
    with pytest.raises(ValidationError) as error:
        call()
    assert error.value.messages == [message]


def refused_with(call, errors: dict) -> None:
    with pytest.raises(ValidationError) as error:
        call()
    assert error.value.message_dict == errors


def kksb_in(people, code: str, **changes) -> Forum:
    """Set up the KKSB of municipality ``code`` (a demo one, if any, is
    dissolved first)."""
    Forum.objects.filter(kind="kksb", municipality__code=code).update(
        status=ForumStatus.DISSOLVED
    )
    fields = {
        "by": people.directorate,
        "kind": ForumKind.KKSB,
        "municipality": municipality(code),
        "name_sq": f"KKSB {code}",
    }
    fields.update(changes)
    return forum_create(**fields)


def meeting_in(forum: Forum, by, *, days: float, **changes) -> Meeting:
    """Schedule a meeting of ``forum`` ``days`` from now (before now when
    negative), public unless said, as its record's keeper ``by``."""
    fields = {
        "forum": forum,
        "by": by,
        "title": "Safety on the school road",
        "starts_at": clock.now() + datetime.timedelta(days=days),
        "place": "Shtëpia e Kulturës",
        "is_public": True,
    }
    fields.update(changes)
    meeting, _warning = meeting_schedule(**fields)
    return meeting
