"""What the training tests share: a course, sessions, forum members of
station PRZ, and the people who run or read the training."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from bashkesia.accounts.models import Role
from bashkesia.core import clock
from bashkesia.partnership.models import Forum, ForumKind
from bashkesia.partnership.tests.test_meetings_services import make_forum, member
from bashkesia.staff.tests.conftest import make_person
from bashkesia.training import services
from bashkesia.training.models import Audience, Course, Enrolment, TrainingSession

DAY = datetime.timedelta(days=1)


def trainer():
    return get_user_model().objects.get(username="trainer")


def people():
    """Return the demo trainer, directorate staff, the Director General, the
    Prizren commander, a sector officer."""

    class People:
        trainer_ = trainer()
        directorate = make_person(Role.DIRECTORATE_STAFF)
        director = make_person(Role.DIRECTOR_GENERAL)
        commander = make_person(Role.STATION_COMMANDER)
        officer = make_person(Role.SECTOR_OFFICER)

    return People


def course(**changes) -> Course:
    fields = {
        "by": trainer(),
        "code": "SARA-201",
        "title_sq": "Zgjidhja e problemeve me modelin SARA",
        "title_sr_latn": "Rešavanje problema po modelu SARA",
        "title_en": "Problem solving with the SARA model",
        "curriculum_sq": "Skanimi\nAnaliza",
        "curriculum_en": "Scanning\nAnalysis\n\nResponse",
        "hours": 24,
        "audience": Audience.EVSB,
    }
    fields.update(changes)
    return services.course_create(**fields)


def session(of: Course, *, starts_in: int = 10, days: int = 2, **changes):
    """Plan a session of ``of`` starting ``starts_in`` days from today (a
    past one is written directly: the service plans from today on)."""
    start = clock.today() + starts_in * DAY
    fields = {
        "course": of,
        "starts_on": start,
        "ends_on": start + (days - 1) * DAY,
        "capacity": 3,
        "trainers": "Arta Hoxha",
    }
    fields.update(changes)
    if start < clock.today():
        return TrainingSession.objects.create(**fields)
    return services.session_create(by=trainer(), **fields)


def forum_with_members(count: int = 4, *, name: str = "Arbana") -> tuple[Forum, list]:
    forum = make_forum(ForumKind.KLSP, name=name)
    members = [member(forum, f"Member {name} {n}") for n in range(count)]
    return forum, members


def run_back(session_: TrainingSession, days: int) -> None:
    """Move a session ``days`` days into the past (as if time had passed)."""
    TrainingSession.objects.filter(pk=session_.pk).update(
        starts_on=session_.starts_on - days * DAY,
        ends_on=session_.ends_on - days * DAY,
    )
    session_.refresh_from_db()


def finished(session_: TrainingSession, memberships: list) -> list[Enrolment]:
    """Enrol ``memberships``, move the session into the past, record them
    present and completed; return their enrolments."""
    by = trainer()
    enrolments = services.enrolments_create(
        session=session_, memberships=memberships, by=by
    )
    run_back(session_, 30)
    done = []
    for enrolment in enrolments:
        services.attendance_record(enrolment=enrolment, by=by, attended=True)
        done.append(services.enrolment_complete(enrolment=enrolment, by=by))
    return done


def refused(call, message: str) -> None:
    with pytest.raises(ValidationError) as error:
        call()
    assert error.value.message_dict == {NON_FIELD_ERRORS: [message]}


def field_refused(call, errors: dict) -> None:
    with pytest.raises(ValidationError) as error:
        call()
    assert error.value.message_dict == errors
