"""A sector's priorities at /api/policeuk/{force}/{neighbourhood}/priorities,
in data.police.uk's shape: current and past, the newest issue first, dates
as midnight timestamps, no action as null, never the linked concerns."""

import datetime

import pytest

from bashkesia.concerns.categories import categories_seed
from bashkesia.core import clock
from bashkesia.partnership.models import SectorPriority
from bashkesia.partnership.services.priorities import (
    priority_close,
    priority_create,
    priority_record_action,
)

from .test_priorities_services import raise_concern, sector, user

pytestmark = pytest.mark.django_db

URL = "/api/policeuk/prizren/PRZ-01/priorities"


@pytest.fixture(autouse=True)
def _only_these_priorities(db):
    """Start from no priority in PRZ-01, whatever the demo data holds."""
    categories_seed()
    SectorPriority.objects.filter(sector__code="PRZ-01").delete()


def day(days_ago: int) -> datetime.date:
    return clock.today() - datetime.timedelta(days=days_ago)


def stamp(value: datetime.date) -> str:
    return f"{value.isoformat()}T00:00:00"


def create(issue: str, days_ago: int, **fields) -> SectorPriority:
    return priority_create(
        sector=sector("PRZ-01"),
        issue=issue,
        issue_date=day(days_ago),
        by=user("officer"),
        **fields,
    )


def test_priorities_come_current_and_past_the_newest_issue_first(client):
    addressed = create("Burglaries in the old town", 90)
    priority_record_action(
        priority=addressed,
        by=user("officer"),
        action="Night patrols with the neighbourhood watch",
        action_date=day(60),
    )
    priority_close(priority=addressed, by=user("officer"), status="addressed")
    create("Speeding past the school", 10)
    dropped = create("Noise from the market", 30)
    priority_close(priority=dropped, by=user("officer"), status="dropped")

    response = client.get(URL, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == [
        {
            "issue": "Speeding past the school",
            "issue-date": stamp(day(10)),
            "action": None,
            "action-date": None,
        },
        {
            "issue": "Noise from the market",
            "issue-date": stamp(day(30)),
            "action": None,
            "action-date": None,
        },
        {
            "issue": "Burglaries in the old town",
            "issue-date": stamp(day(90)),
            "action": "Night patrols with the neighbourhood watch",
            "action-date": stamp(day(60)),
        },
    ]


def test_texts_are_escaped_as_data_police_uk_serves_html(client):
    priority = create("Cars & lorries speed past the school", 5)
    priority_record_action(
        priority=priority,
        by=user("officer"),
        action="Checks at 8 < 9 o'clock",
        action_date=day(1),
    )
    [item] = client.get(URL).json()
    assert item["issue"] == "Cars &amp; lorries speed past the school"
    assert item["action"] == "Checks at 8 &lt; 9 o&#x27;clock"


def test_the_linked_concerns_never_appear(client):
    concern = raise_concern(
        description="A grey van parks at the gate of Rruga e Shkollës 4.",
        is_anonymous=False,
        reporter_name="Drita Berisha",
        reporter_email="drita.berisha@example.org",
        consent_to_contact=True,
    )
    create("Speeding past the school", 5, concerns=[concern.pk])
    body = client.get(URL).content.decode()
    for private in (
        concern.tracking_code,
        "Drita Berisha",
        "drita.berisha@example.org",
        "grey van",
    ):
        assert private not in body
    [item] = client.get(URL).json()
    assert set(item) == {"issue", "issue-date", "action", "action-date"}


@pytest.mark.parametrize("language", ["sq", "sr-latn", "sr", "en"])
def test_the_same_priorities_answer_in_every_language(client, language):
    create("Speeding past the school", 5)
    response = client.get(URL, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    assert [item["issue"] for item in response.json()] == ["Speeding past the school"]


def test_a_sector_without_priorities_has_an_empty_list(client):
    create("Speeding past the school", 5)
    SectorPriority.objects.filter(sector__code="PRZ-02").delete()
    assert client.get("/api/policeuk/prizren/PRZ-02/priorities").json() == []


def test_an_unknown_neighbourhood_or_one_of_another_force_is_404(client):
    english = {"HTTP_ACCEPT_LANGUAGE": "en"}
    response = client.get("/api/policeuk/prizren/PRZ-99/priorities", **english)
    assert response.status_code == 404
    assert response.json() == {"detail": "No police sector has the code “PRZ-99”."}
    response = client.get("/api/policeuk/ferizaj/PRZ-01/priorities", **english)
    assert response.status_code == 404
    assert response.json() == {
        "detail": "Police sector PRZ-01 is not in Regional Police Directorate Ferizaj."
    }
