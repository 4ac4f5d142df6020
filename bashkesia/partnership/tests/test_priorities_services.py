"""Sector priorities: set by those who act in the sector, linked only to the
sector's concerns and to a meeting of its municipality's forums, changed
while current, addressed once an action is recorded.

Demo sign-ins: "officer" serves in PRZ-01, "leader" leads PRZ-01 to PRZ-04,
"commander" commands station PRZ, "coordinator" reads the Prizren region,
"directorate" acts everywhere, "director" reads everywhere.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError

from bashkesia.concerns.categories import categories_seed
from bashkesia.concerns.models import Category, Concern
from bashkesia.concerns.services import concern_submit
from bashkesia.core import clock
from bashkesia.partnership.models import (
    Forum,
    ForumKind,
    Meeting,
    Problem,
    SectorPriority,
)
from bashkesia.partnership.services.priorities import (
    priority_close,
    priority_create,
    priority_record_action,
    priority_update,
)
from bashkesia.territory.models import Municipality, Sector, Station

pytestmark = pytest.mark.django_db

PRIZREN = (42.2139, 20.7397)  # in sector PRZ-01


@pytest.fixture(autouse=True)
def _fresh(db):
    """Concern categories, and no priority or problem (whatever the demo data
    holds)."""
    categories_seed()
    SectorPriority.objects.all().delete()
    Problem.objects.all().delete()


def user(username: str):
    return get_user_model().objects.get(username=username)


def sector(code: str) -> Sector:
    return Sector.objects.get(code=code)


def raise_concern(code: str = "PRZ-01", **fields) -> Concern:
    """Return a new concern raised in sector ``code``."""
    if code == "PRZ-01":
        latitude, longitude = PRIZREN
    else:
        where = sector(code)
        latitude, longitude = where.centre_latitude, where.centre_longitude
    concern, _created = concern_submit(
        category=Category.objects.get(code="traffic-safety"),
        description=fields.pop("description", "Cars race past the school."),
        latitude=latitude,
        longitude=longitude,
        source="web",
        **fields,
    )
    assert concern.sector.code == code
    return concern


def meeting(
    *,
    municipality: str = "PRZ",
    days_ago: int = 10,
    status: str = Meeting.Status.HELD,
    is_public: bool = True,
    forum_name: str = "Safer school roads team",
) -> Meeting:
    """Return a meeting of a new action team (EVSB) of ``municipality``."""
    forum = Forum.objects.create(
        kind=ForumKind.EVSB,
        name_sq=forum_name,
        name_sr_latn=forum_name,
        name_sr=forum_name,
        name_en=forum_name,
        municipality=Municipality.objects.get(code=municipality),
        station=Station.objects.get(code=municipality),
    )
    return Meeting.objects.create(
        forum=forum,
        title="Monthly meeting",
        starts_at=clock.now() - datetime.timedelta(days=days_ago),
        status=status,
        is_public=is_public,
    )


def days_ago(days: int) -> datetime.date:
    return clock.today() - datetime.timedelta(days=days)


def create(**changes) -> SectorPriority:
    fields = {
        "sector": sector("PRZ-01"),
        "issue": "Speeding past the primary school at home time.",
        "issue_date": days_ago(5),
        "by": user("officer"),
    }
    fields.update(changes)
    return priority_create(**fields)


def refusal(error: ValidationError) -> dict[str, list[str]]:
    return error.value.message_dict  # type: ignore[attr-defined]


# Setting a priority


def test_an_officer_sets_a_priority_with_its_concerns_and_meeting():
    first, second = raise_concern(), raise_concern()
    agreed_at = meeting(days_ago=5)
    code = first.tracking_code.lower().replace("-", "")
    priority = create(concerns=[code, second.pk], meeting=agreed_at)
    priority.refresh_from_db()
    assert priority.status == SectorPriority.Status.CURRENT
    assert priority.sector.code == "PRZ-01"
    assert priority.issue == "Speeding past the primary school at home time."
    assert priority.issue_date == days_ago(5)
    assert priority.meeting == agreed_at
    assert priority.created_by == user("officer")
    assert set(priority.concerns.all()) == {first, second}
    assert priority.action == "" and priority.action_date is None


def test_the_issue_is_kept_as_plain_text():
    priority = create(issue="  <b>Speeding</b> near the school ")
    assert priority.issue == "Speeding near the school"


@pytest.mark.parametrize(
    ("username", "code"),
    [
        ("leader", "PRZ-04"),
        ("commander", "PRZ-05"),
        ("commander", "PRZ-10"),  # of the substation PRZ-ZH
        ("directorate", "PEJ-01"),
    ],
)
def test_those_who_act_in_a_sector_set_its_priorities(username, code):
    priority = create(sector=sector(code), by=user(username))
    assert priority.sector.code == code


@pytest.mark.parametrize(
    ("username", "code"),
    [
        ("officer", "PRZ-02"),
        ("leader", "PEJ-01"),
        ("commander", "PEJ-01"),
        ("coordinator", "PRZ-01"),
        ("director", "PRZ-01"),
        ("clerk", "PRZ-01"),
        ("admin", "PRZ-01"),
    ],
)
def test_nobody_else_sets_a_sectors_priorities(username, code):
    with pytest.raises(PermissionDenied) as error:
        create(sector=sector(code), by=user(username))
    assert str(error.value) == f"You cannot set the priorities of sector {code}."
    assert not SectorPriority.objects.filter(sector__code=code).exists()


def test_an_empty_issue_and_a_future_date_are_refused_together():
    with pytest.raises(ValidationError) as error:
        create(issue=" <p> </p> ", issue_date=clock.today() + datetime.timedelta(1))
    assert refusal(error) == {
        "issue": ["Say what the community asked the police to tackle."],
        "issue_date": ["The issue date cannot be in the future."],
    }
    assert not SectorPriority.objects.exists()


def test_an_issue_of_today_is_accepted_and_an_overlong_one_refused():
    assert create(issue_date=clock.today()).issue_date == clock.today()
    with pytest.raises(ValidationError) as error:
        create(issue="x" * 4001)
    assert refusal(error) == {
        "issue": ["Write at most 4000 characters (this has 4001)."]
    }


def test_only_concerns_of_the_sector_are_linked():
    elsewhere = raise_concern("PRZ-02")
    with pytest.raises(ValidationError) as error:
        create(concerns=[elsewhere.tracking_code, "ZZZZ-ZZZZ-ZZZZ", 999999])
    assert refusal(error) == {
        "concerns": [
            f"Concern {elsewhere.tracking_code} is not of sector PRZ-01.",
            "No concern has the tracking code “ZZZZ-ZZZZ-ZZZZ”.",
            "No concern has the number 999999.",
        ]
    }
    assert not SectorPriority.objects.exists()


def test_a_concern_named_twice_is_linked_once():
    concern = raise_concern()
    priority = create(concerns=[concern.tracking_code, concern.pk])
    assert list(priority.concerns.all()) == [concern]


def test_the_meeting_must_be_of_a_forum_of_the_sectors_municipality():
    with pytest.raises(ValidationError) as error:
        create(meeting=meeting(municipality="PEJ"))
    assert refusal(error) == {
        "meeting": [
            "Choose a meeting of a forum of Prizren, the sector's municipality."
        ]
    }


def test_a_cancelled_meeting_or_one_after_the_issue_date_is_refused():
    with pytest.raises(ValidationError) as error:
        create(meeting=meeting(status=Meeting.Status.CANCELLED))
    assert refusal(error) == {
        "meeting": ["That meeting was cancelled: nothing was agreed at it."]
    }
    with pytest.raises(ValidationError) as error:
        create(issue_date=days_ago(20), meeting=meeting(days_ago=10))
    assert refusal(error) == {
        "meeting": [
            "The meeting took place after the issue date: it cannot be where "
            "the priority was agreed."
        ]
    }


def test_the_problem_must_be_of_the_same_sector():
    problem = Problem.objects.create(
        station=Station.objects.get(code="PRZ"),
        sector=sector("PRZ-02"),
        title="Burglaries in the new blocks",
    )
    with pytest.raises(ValidationError) as error:
        create(problem=problem)
    assert refusal(error) == {
        "problem": ["That problem is of sector PRZ-02, not PRZ-01."]
    }


# Changing a current priority


def test_a_current_priority_is_reworded_and_relinked():
    old, new = raise_concern(), raise_concern()
    priority = create(concerns=[old.pk])
    changed = priority_update(
        priority=priority,
        by=user("leader"),
        issue="Speeding on the main road at school time.",
        concerns=[new.tracking_code],
    )
    changed.refresh_from_db()
    assert changed.issue == "Speeding on the main road at school time."
    assert list(changed.concerns.all()) == [new]


def test_an_update_refuses_an_empty_issue_and_foreign_concerns():
    elsewhere = raise_concern("PRZ-02")
    priority = create()
    with pytest.raises(ValidationError) as error:
        priority_update(
            priority=priority,
            by=user("officer"),
            issue="",
            concerns=[elsewhere.tracking_code],
        )
    assert refusal(error) == {
        "issue": ["Say what the community asked the police to tackle."],
        "concerns": [f"Concern {elsewhere.tracking_code} is not of sector PRZ-01."],
    }


def test_readers_cannot_change_a_priority():
    priority = create()
    for username in ("coordinator", "director"):
        with pytest.raises(PermissionDenied):
            priority_update(
                priority=priority, by=user(username), issue="Other", concerns=[]
            )
        with pytest.raises(PermissionDenied):
            priority_record_action(
                priority=priority,
                by=user(username),
                action="Patrols",
                action_date=clock.today(),
            )
        with pytest.raises(PermissionDenied):
            priority_close(priority=priority, by=user(username), status="dropped")
    priority.refresh_from_db()
    assert priority.issue == "Speeding past the primary school at home time."


# What was done


def test_the_action_is_recorded_and_a_later_one_replaces_it():
    priority = create(issue_date=days_ago(10))
    priority_record_action(
        priority=priority,
        by=user("officer"),
        action="Patrols at the school gate at 8:00 and 12:30.",
        action_date=days_ago(10),
    )
    priority = priority_record_action(
        priority=priority,
        by=user("officer"),
        action="Speed checks with the traffic unit; two humps asked of the town.",
        action_date=days_ago(1),
    )
    priority.refresh_from_db()
    assert priority.action == (
        "Speed checks with the traffic unit; two humps asked of the town."
    )
    assert priority.action_date == days_ago(1)


def test_the_action_date_lies_between_the_issue_date_and_today():
    priority = create(issue_date=days_ago(10))
    with pytest.raises(ValidationError) as error:
        priority_record_action(
            priority=priority,
            by=user("officer"),
            action="Patrols.",
            action_date=days_ago(11),
        )
    assert refusal(error) == {
        "action_date": [
            "The action date cannot be before the issue date, "
            f"{days_ago(10).isoformat()}."
        ]
    }
    with pytest.raises(ValidationError) as error:
        priority_record_action(
            priority=priority,
            by=user("officer"),
            action="",
            action_date=clock.today() + datetime.timedelta(days=1),
        )
    assert refusal(error) == {
        "action": ["Say what the police did about it."],
        "action_date": ["The action date cannot be in the future."],
    }
    priority.refresh_from_db()
    assert priority.action == "" and priority.action_date is None


# Closing


def test_a_priority_is_addressed_only_once_an_action_is_recorded():
    priority = create()
    with pytest.raises(ValidationError) as error:
        priority_close(priority=priority, by=user("officer"), status="addressed")
    assert refusal(error) == {
        "status": ["Record what the police did before marking the priority addressed."]
    }
    priority_record_action(
        priority=priority,
        by=user("officer"),
        action="Patrols.",
        action_date=clock.today(),
    )
    closed = priority_close(priority=priority, by=user("officer"), status="addressed")
    assert closed.status == SectorPriority.Status.ADDRESSED
    assert SectorPriority.objects.get().status == "addressed"


def test_a_priority_is_dropped_without_an_action():
    closed = priority_close(priority=create(), by=user("leader"), status="dropped")
    assert closed.status == SectorPriority.Status.DROPPED


def test_closing_as_current_is_refused():
    with pytest.raises(ValidationError) as error:
        priority_close(priority=create(), by=user("officer"), status="current")
    assert refusal(error) == {
        "status": ["Choose “addressed” or “no longer a priority”."]
    }


def test_a_closed_priority_no_longer_changes():
    priority = priority_close(priority=create(), by=user("officer"), status="dropped")
    message = (
        "This priority is closed (“no longer a priority”); only a current one changes."
    )
    attempts = [
        lambda: priority_update(
            priority=priority, by=user("officer"), issue="Other", concerns=[]
        ),
        lambda: priority_record_action(
            priority=priority,
            by=user("officer"),
            action="Patrols.",
            action_date=clock.today(),
        ),
        lambda: priority_close(
            priority=priority, by=user("officer"), status="addressed"
        ),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError) as error:
            attempt()
        assert error.value.messages == [message]
    priority.refresh_from_db()
    assert priority.status == "dropped" and priority.action == ""
