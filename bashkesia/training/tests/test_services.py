"""The training through its services: every rule, allowed and refused, and
nothing half-written when one is refused."""

import pytest
from django.core.exceptions import PermissionDenied

from bashkesia.core.audit import acting_as
from bashkesia.core.models import AuditEntry
from bashkesia.partnership.models import ForumStatus
from bashkesia.partnership.tests.test_meetings_services import member
from bashkesia.training import services
from bashkesia.training.codes import code_normalise
from bashkesia.training.models import Certificate, Course, Enrolment, TrainingSession

from .helpers import (
    DAY,
    course,
    field_refused,
    finished,
    forum_with_members,
    people,
    refused,
    run_back,
    session,
    trainer,
)

pytestmark = pytest.mark.django_db
Status = Enrolment.Status


# Courses


def test_a_course_is_added_with_its_cyrillic_title_written_from_the_latin():
    added = course(code="sara-201 ")
    assert added.code == "SARA-201"
    assert added.title_sr == "Решавање проблема по моделу САРА"
    # Outside a request the tests read English; blank lines are no topic.
    assert added.curriculum_items == ["Scanning", "Analysis", "Response"]


def test_a_course_needs_a_code_a_title_hours_and_an_audience():
    field_refused(
        lambda: course(code="SARA 201", title_sq=" ", hours=0, audience="nobody"),
        {
            "code": [
                "Give a code of capital letters, digits and dashes, such as CP-101."
            ],
            "title_sq": ["Give the course's title in Albanian."],
            "hours": ["A course lasts at least one hour."],
            "audience": ["Choose who the course is for."],
        },
    )
    assert not Course.objects.filter(code="SARA 201").exists()


def test_two_courses_cannot_share_a_code():
    course()
    field_refused(
        lambda: course(title_sq="Tjetër"),
        {"code": ["Another course has the code SARA-201."]},
    )


def test_a_course_is_changed_and_an_issued_certificate_keeps_its_title():
    sara = course()
    planned = session(sara)
    forum, members = forum_with_members(1)
    (enrolment,) = finished(planned, members)
    certificate = services.certificate_issue(
        enrolment=enrolment, by=trainer(), language="en"
    )
    services.course_update(
        course=sara,
        by=trainer(),
        code="SARA-202",
        title_sq="SARA e re",
        title_en="The new SARA",
        hours=30,
        audience="mixed",
    )
    certificate.refresh_from_db()
    assert (certificate.course_code, certificate.course_title_en) == (
        "SARA-201",
        "Problem solving with the SARA model",
    )
    assert certificate.hours == 24


@pytest.mark.parametrize("who", ["commander", "officer"])
def test_only_who_runs_the_training_adds_courses(who):
    person = getattr(people(), who)
    with pytest.raises(PermissionDenied):
        course(by=person)


@pytest.mark.parametrize("who", ["trainer_", "directorate", "director"])
def test_the_office_the_directorate_and_the_director_general_run_it(who):
    assert course(by=getattr(people(), who)).pk


def test_changes_are_in_the_audit_trail():
    with acting_as(trainer()):
        added = course()
    entry = AuditEntry.objects.get(
        object_id=str(added.pk), action="create", content_type__model="course"
    )
    assert entry.actor.username == "trainer"


# Sessions


def test_a_session_is_planned_at_the_office_by_default():
    planned = session(course(), place="")
    assert planned.status == TrainingSession.Status.PLANNED
    assert planned.place_label == (
        "Community Safety Coordination Office, Kosovo Academy for Public "
        "Safety, Vushtrri"
    )


def test_a_session_cannot_start_in_the_past_nor_end_before_it_starts():
    sara = course()
    today = sara.created_at.date()
    field_refused(
        lambda: services.session_create(
            by=trainer(),
            course=sara,
            starts_on=today - DAY,
            ends_on=today,
            capacity=5,
        ),
        {"starts_on": ["A new session cannot start in the past."]},
    )
    field_refused(
        lambda: session(sara, starts_in=5, days=-1),
        {"ends_on": ["The last day cannot come before the first day."]},
    )


def test_a_course_no_longer_offered_gets_no_new_session():
    sara = course(is_active=False)
    refused(lambda: session(sara), "This course is no longer offered.")


def test_places_cannot_drop_below_the_members_enrolled():
    planned = session(course(), capacity=3)
    forum, members = forum_with_members(3)
    services.enrolments_create(session=planned, memberships=members, by=trainer())
    field_refused(
        lambda: services.session_update(
            session=planned,
            by=trainer(),
            starts_on=planned.starts_on,
            ends_on=planned.ends_on,
            capacity=2,
        ),
        {
            "capacity": [
                "3 members are enrolled already: the session needs at least as "
                "many places."
            ]
        },
    )


def test_a_cancellation_needs_a_reason_and_happens_once():
    planned = session(course())
    field_refused(
        lambda: services.session_cancel(session=planned, by=trainer(), reason=" "),
        {"reason": ["Say why the session is cancelled."]},
    )
    services.session_cancel(session=planned, by=trainer(), reason="Trainer ill")
    planned.refresh_from_db()
    assert planned.status == TrainingSession.Status.CANCELLED
    refused(
        lambda: services.session_cancel(session=planned, by=trainer(), reason="x"),
        "The session is cancelled already.",
    )
    refused(
        lambda: services.session_update(
            session=planned,
            by=trainer(),
            starts_on=planned.starts_on,
            ends_on=planned.ends_on,
            capacity=5,
        ),
        "Only a planned session can be changed.",
    )


def test_a_held_session_cannot_be_cancelled():
    planned = session(course())
    forum, members = forum_with_members(1)
    finished(planned, members)
    refused(
        lambda: services.session_cancel(session=planned, by=trainer(), reason="x"),
        "A session that was held cannot be cancelled.",
    )


# Enrolment


def test_members_are_enrolled_up_to_the_places_and_no_further():
    planned = session(course(), capacity=3)
    forum, members = forum_with_members(4)
    services.enrolments_create(session=planned, memberships=members[:3], by=trainer())
    refused(
        lambda: services.enrolment_create(
            session=planned, membership=members[3], by=trainer()
        ),
        "The session is full: all 3 places are taken.",
    )


def test_enrolling_too_many_at_once_enrols_none():
    planned = session(course(), capacity=3)
    forum, members = forum_with_members(4)
    refused(
        lambda: services.enrolments_create(
            session=planned, memberships=members, by=trainer()
        ),
        "The session is full: all 3 places are taken.",
    )
    assert not Enrolment.objects.filter(session=planned).exists()


def test_a_member_is_not_enrolled_twice_but_may_come_back_after_withdrawing():
    planned = session(course())
    forum, members = forum_with_members(1)
    enrolment = services.enrolment_create(
        session=planned, membership=members[0], by=trainer()
    )
    refused(
        lambda: services.enrolment_create(
            session=planned, membership=members[0], by=trainer()
        ),
        "Member Arbana 0 is enrolled in this session already.",
    )
    services.enrolment_withdraw(enrolment=enrolment, by=trainer())
    again = services.enrolment_create(
        session=planned, membership=members[0], by=trainer()
    )
    assert (again.pk, again.status) == (enrolment.pk, Status.ENROLLED)


def test_a_withdrawal_frees_the_place():
    planned = session(course(), capacity=1)
    forum, members = forum_with_members(2)
    first = services.enrolment_create(
        session=planned, membership=members[0], by=trainer()
    )
    services.enrolment_withdraw(enrolment=first, by=trainer())
    refused(
        lambda: services.enrolment_withdraw(enrolment=first, by=trainer()),
        "The member has withdrawn already.",
    )
    assert services.enrolment_create(
        session=planned, membership=members[1], by=trainer()
    ).pk


def test_a_member_whose_seat_ended_or_whose_forum_is_not_active_cannot_enrol():
    planned = session(course())
    forum, members = forum_with_members(1)
    today = planned.created_at.date()
    gone = member(forum, "Former Member", start=today - 90 * DAY, end=today - DAY)
    refused(
        lambda: services.enrolment_create(
            session=planned, membership=gone, by=trainer()
        ),
        "Former Member does not hold a seat in the forum today.",
    )
    forum.status = ForumStatus.DISSOLVED
    forum.save()
    refused(
        lambda: services.enrolment_create(
            session=planned, membership=members[0], by=trainer()
        ),
        "Member Arbana 0's forum is not active: its members cannot enrol.",
    )


def test_a_cancelled_or_past_session_takes_no_enrolment():
    sara = course()
    forum, members = forum_with_members(1)
    cancelled = session(sara)
    services.session_cancel(session=cancelled, by=trainer(), reason="Flooding")
    refused(
        lambda: services.enrolment_create(
            session=cancelled, membership=members[0], by=trainer()
        ),
        "Only a planned session takes enrolments.",
    )
    past = session(sara, starts_in=-10)
    refused(
        lambda: services.enrolment_create(
            session=past, membership=members[0], by=trainer()
        ),
        "The session is over: nobody can enrol any more.",
    )


def test_enrolling_nobody_is_refused():
    refused(
        lambda: services.enrolments_create(
            session=session(course()), memberships=[], by=trainer()
        ),
        "Choose at least one member to enrol.",
    )


# Attendance and completion


def test_attendance_waits_for_the_session_to_begin_and_marks_it_held():
    planned = session(course())
    forum, members = forum_with_members(2)
    present, absent = services.enrolments_create(
        session=planned, memberships=members, by=trainer()
    )
    refused(
        lambda: services.attendance_record(
            enrolment=present, by=trainer(), attended=True
        ),
        "Attendance is recorded once the session has begun.",
    )
    run_back(planned, 10)
    services.attendance_record(enrolment=present, by=trainer(), attended=True)
    services.attendance_record(enrolment=absent, by=trainer(), attended=False)
    planned.refresh_from_db()
    assert planned.status == TrainingSession.Status.HELD
    assert [
        e.status for e in Enrolment.objects.filter(session=planned).order_by("pk")
    ] == [Status.ATTENDED, Status.NO_SHOW]
    refused(
        lambda: services.enrolment_withdraw(enrolment=absent, by=trainer()),
        "The attendance is recorded: the member can no longer withdraw.",
    )


def test_completion_needs_attendance_and_the_last_day():
    planned = session(course(), days=3)
    forum, members = forum_with_members(2)
    present, absent = services.enrolments_create(
        session=planned, memberships=members, by=trainer()
    )
    run_back(planned, 11)  # began yesterday, ends tomorrow
    services.attendance_record(enrolment=present, by=trainer(), attended=True)
    services.attendance_record(enrolment=absent, by=trainer(), attended=False)
    refused(
        lambda: services.enrolment_complete(enrolment=present, by=trainer()),
        "The course is completed on its last day, not before.",
    )
    run_back(planned, 1)
    refused(
        lambda: services.enrolment_complete(enrolment=absent, by=trainer()),
        "Only a member who attended can complete the course.",
    )
    done = services.enrolment_complete(enrolment=present, by=trainer())
    assert done.status == Status.COMPLETED and done.completed_at is not None
    refused(
        lambda: services.enrolment_complete(enrolment=present, by=trainer()),
        "The member has completed the course already.",
    )
    refused(
        lambda: services.attendance_record(
            enrolment=present, by=trainer(), attended=False
        ),
        "The attendance of a member who withdrew or completed stays as is.",
    )


def test_a_cancelled_session_has_no_attendance():
    planned = session(course())
    forum, members = forum_with_members(1)
    (enrolment,) = services.enrolments_create(
        session=planned, memberships=members, by=trainer()
    )
    services.session_cancel(session=planned, by=trainer(), reason="Snow")
    run_back(planned, 20)
    refused(
        lambda: services.attendance_record(
            enrolment=enrolment, by=trainer(), attended=True
        ),
        "The session was cancelled: there is no attendance.",
    )


# Certificates


def test_a_certificate_keeps_the_holder_and_course_as_issued_with_a_code():
    planned = session(course())
    forum, members = forum_with_members(1)
    (enrolment,) = finished(planned, members)
    certificate = services.certificate_issue(
        enrolment=enrolment, by=trainer(), language="sr-latn"
    )
    assert code_normalise(certificate.code) == certificate.code
    assert certificate.code.startswith("KSC-")
    assert (certificate.holder_name, certificate.course_code, certificate.hours) == (
        "Member Arbana 0",
        "SARA-201",
        24,
    )
    assert (certificate.starts_on, certificate.ends_on) == (
        planned.starts_on,
        planned.ends_on,
    )
    assert certificate.language == "sr-latn"
    assert certificate.issued_by.username == "trainer"


def test_no_certificate_before_completion_and_only_one_per_enrolment():
    planned = session(course())
    forum, members = forum_with_members(2)
    enrolled = services.enrolment_create(
        session=planned, membership=members[0], by=trainer()
    )
    refused(
        lambda: services.certificate_issue(
            enrolment=enrolled, by=trainer(), language="sq"
        ),
        "A certificate is issued only once the course is completed.",
    )
    planned2 = session(course(code="CP-101"))
    (done,) = finished(planned2, members[1:])
    services.certificate_issue(enrolment=done, by=trainer(), language="sq")
    refused(
        lambda: services.certificate_issue(enrolment=done, by=trainer(), language="sq"),
        "This enrolment has its certificate already.",
    )
    field_refused(
        lambda: services.certificate_issue(enrolment=done, by=trainer(), language="de"),
        {"language": ["Choose the certificate's language."]},
    )


def test_issuing_all_issues_the_completed_ones_without_a_certificate():
    planned = session(course(), capacity=5)
    forum, members = forum_with_members(4)
    first, second, third, fourth = finished(planned, members)
    services.certificate_issue(enrolment=first, by=trainer(), language="sq")
    Enrolment.objects.filter(pk=fourth.pk).update(
        status=Status.ATTENDED, completed_at=None
    )
    issued = services.certificates_issue_all(
        session=planned, by=trainer(), language="en"
    )
    assert sorted(c.enrolment_id for c in issued) == sorted([second.pk, third.pk])
    assert (
        len({c.code for c in Certificate.objects.all()}) == Certificate.objects.count()
    )
    refused(
        lambda: services.certificates_issue_all(
            session=planned, by=trainer(), language="en"
        ),
        "No completed enrolment of this session awaits a certificate.",
    )


def test_issuing_all_without_a_language_writes_each_in_its_member_s():
    planned = session(course(), capacity=5)
    forum, members = forum_with_members(2)
    members[1].language = "sr"
    members[1].save()
    finished(planned, members)
    issued = services.certificates_issue_all(session=planned, by=trainer())
    assert sorted((c.holder_name, c.language) for c in issued) == [
        (members[0].name, "sq"),
        (members[1].name, "sr"),
    ]


def test_revoking_needs_a_reason_and_happens_once():
    planned = session(course())
    forum, members = forum_with_members(1)
    (enrolment,) = finished(planned, members)
    certificate = services.certificate_issue(
        enrolment=enrolment, by=trainer(), language="sq"
    )
    field_refused(
        lambda: services.certificate_revoke(
            certificate=certificate, by=trainer(), reason=""
        ),
        {"reason": ["Say why the certificate is revoked."]},
    )
    services.certificate_revoke(
        certificate=certificate, by=trainer(), reason="Left on the first day."
    )
    certificate.refresh_from_db()
    assert certificate.is_revoked
    assert certificate.revoked_reason == "Left on the first day."
    refused(
        lambda: services.certificate_revoke(
            certificate=certificate, by=trainer(), reason="again"
        ),
        "The certificate is revoked already.",
    )


def test_a_commander_cannot_issue_or_revoke():
    planned = session(course())
    forum, members = forum_with_members(1)
    (enrolment,) = finished(planned, members)
    commander = people().commander
    with pytest.raises(PermissionDenied):
        services.certificate_issue(enrolment=enrolment, by=commander, language="sq")
    with pytest.raises(PermissionDenied):
        services.enrolment_create(
            session=session(course(code="X-1")),
            membership=members[0],
            by=commander,
        )
