"""Every change to the training of forum members: courses, sessions,
enrolments, attendance, completion and certificates.

Only those who run the training (``permissions.can_manage_training``) call
these; each refuses with a ``ValidationError`` in the person's words, and
writes all of its change or nothing.
"""

import datetime
from collections.abc import Iterable

from django.contrib.auth.models import User
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from bashkesia.core import clock
from bashkesia.core.text import clean_text, latin_to_cyrillic
from bashkesia.partners.models import Partner
from bashkesia.partnership.models import ForumStatus, Membership

from . import permissions
from .codes import code_new
from .models import Audience, Certificate, Course, Enrolment, TrainingSession

Status = Enrolment.Status
LANGUAGES = ("sq", "sr-latn", "sr", "en")


# Helpers


def _refuse(message: str) -> ValidationError:
    return ValidationError({NON_FIELD_ERRORS: [message]})


def _require_manager(by: User) -> None:
    if not permissions.can_manage_training(by):
        raise PermissionDenied(_("You do not run the training of forum members."))


def _locked_session(session: TrainingSession) -> TrainingSession:
    return (
        TrainingSession.objects.select_for_update()
        .select_related("course")
        .get(pk=session.pk)
    )


def _locked_enrolment(enrolment: Enrolment) -> Enrolment:
    return (
        Enrolment.objects.select_for_update()
        .select_related("session__course", "membership")
        .get(pk=enrolment.pk)
    )


# Courses


def _course_fields(
    *,
    code: str,
    title_sq: str,
    title_sr_latn: str,
    title_en: str,
    curriculum_sq: str,
    curriculum_sr_latn: str,
    curriculum_en: str,
    hours: int,
    audience: str,
    is_active: bool,
) -> dict:
    """Return the course's columns; the Cyrillic texts are written from the
    Serbian Latin ones."""
    title_sr_latn = clean_text(title_sr_latn)
    curriculum_sr_latn = clean_text(curriculum_sr_latn)
    return {
        "code": clean_text(code).upper(),
        "title_sq": clean_text(title_sq),
        "title_sr_latn": title_sr_latn,
        "title_sr": latin_to_cyrillic(title_sr_latn),
        "title_en": clean_text(title_en),
        "curriculum_sq": clean_text(curriculum_sq),
        "curriculum_sr_latn": curriculum_sr_latn,
        "curriculum_sr": latin_to_cyrillic(curriculum_sr_latn),
        "curriculum_en": clean_text(curriculum_en),
        "hours": hours,
        "audience": audience,
        "is_active": is_active,
    }


def _course_check(course: Course) -> None:
    errors: dict[str, list[str]] = {}
    if not course.code or not all(c.isalnum() or c == "-" for c in course.code):
        errors["code"] = [
            _("Give a code of capital letters, digits and dashes, such as CP-101.")
        ]
    elif Course.objects.filter(code=course.code).exclude(pk=course.pk).exists():
        errors["code"] = [
            _("Another course has the code %(code)s.") % {"code": course.code}
        ]
    if not course.title_sq:
        errors["title_sq"] = [_("Give the course's title in Albanian.")]
    if course.hours is None or course.hours < 1:
        errors["hours"] = [_("A course lasts at least one hour.")]
    if course.audience not in Audience.values:
        errors["audience"] = [_("Choose who the course is for.")]
    if errors:
        raise ValidationError(errors)
    course.full_clean()


@transaction.atomic
def course_create(
    *,
    by: User,
    code: str,
    title_sq: str,
    hours: int,
    audience: str,
    title_sr_latn: str = "",
    title_en: str = "",
    curriculum_sq: str = "",
    curriculum_sr_latn: str = "",
    curriculum_en: str = "",
    is_active: bool = True,
) -> Course:
    """Add a course to the Office's offer."""
    _require_manager(by)
    course = Course(
        **_course_fields(
            code=code,
            title_sq=title_sq,
            title_sr_latn=title_sr_latn,
            title_en=title_en,
            curriculum_sq=curriculum_sq,
            curriculum_sr_latn=curriculum_sr_latn,
            curriculum_en=curriculum_en,
            hours=hours,
            audience=audience,
            is_active=is_active,
        )
    )
    _course_check(course)
    course.save()
    return course


@transaction.atomic
def course_update(
    *,
    course: Course,
    by: User,
    code: str,
    title_sq: str,
    hours: int,
    audience: str,
    title_sr_latn: str = "",
    title_en: str = "",
    curriculum_sq: str = "",
    curriculum_sr_latn: str = "",
    curriculum_en: str = "",
    is_active: bool = True,
) -> Course:
    """Change a course. Certificates already issued keep what they say."""
    _require_manager(by)
    fields = _course_fields(
        code=code,
        title_sq=title_sq,
        title_sr_latn=title_sr_latn,
        title_en=title_en,
        curriculum_sq=curriculum_sq,
        curriculum_sr_latn=curriculum_sr_latn,
        curriculum_en=curriculum_en,
        hours=hours,
        audience=audience,
        is_active=is_active,
    )
    course = Course.objects.select_for_update().get(pk=course.pk)
    for name, value in fields.items():
        setattr(course, name, value)
    _course_check(course)
    course.save(update_fields=[*fields, "updated_at"])
    return course


# Sessions


def _session_check(session: TrainingSession, *, taken: int = 0) -> None:
    errors: dict[str, list[str]] = {}
    if session.starts_on and session.ends_on and session.ends_on < session.starts_on:
        errors["ends_on"] = [_("The last day cannot come before the first day.")]
    if session.capacity is None or session.capacity < 1:
        errors["capacity"] = [_("A session has at least one place.")]
    elif session.capacity < taken:
        errors["capacity"] = [
            _(
                "%(taken)s members are enrolled already: the session needs at "
                "least as many places."
            )
            % {"taken": taken}
        ]
    if errors:
        raise ValidationError(errors)
    session.full_clean(exclude=["course"])


@transaction.atomic
def session_create(
    *,
    by: User,
    course: Course,
    starts_on: datetime.date,
    ends_on: datetime.date,
    capacity: int,
    trainers: str = "",
    place: str = "",
    partners: Iterable[Partner] = (),
) -> TrainingSession:
    """Plan a session of an offered course, from today on."""
    _require_manager(by)
    if not course.is_active:
        raise _refuse(_("This course is no longer offered."))
    if starts_on < clock.today():
        raise ValidationError(
            {"starts_on": [_("A new session cannot start in the past.")]}
        )
    session = TrainingSession(
        course=course,
        starts_on=starts_on,
        ends_on=ends_on,
        capacity=capacity,
        trainers=clean_text(trainers),
        place=clean_text(place),
        created_by=by,
    )
    _session_check(session)
    session.save()
    session.partners.set(list(partners))
    return session


@transaction.atomic
def session_update(
    *,
    session: TrainingSession,
    by: User,
    starts_on: datetime.date,
    ends_on: datetime.date,
    capacity: int,
    trainers: str = "",
    place: str = "",
    partners: Iterable[Partner] = (),
) -> TrainingSession:
    """Change a planned session's days, place, trainers, places or partners."""
    _require_manager(by)
    session = _locked_session(session)
    if session.status != TrainingSession.Status.PLANNED:
        raise _refuse(_("Only a planned session can be changed."))
    taken = session.enrolments.exclude(status=Status.WITHDRAWN).count()
    session.starts_on, session.ends_on = starts_on, ends_on
    session.capacity = capacity
    session.trainers, session.place = clean_text(trainers), clean_text(place)
    _session_check(session, taken=taken)
    session.save(
        update_fields=[
            "starts_on",
            "ends_on",
            "capacity",
            "trainers",
            "place",
            "updated_at",
        ]
    )
    session.partners.set(list(partners))
    return session


@transaction.atomic
def session_cancel(
    *, session: TrainingSession, by: User, reason: str
) -> TrainingSession:
    """Cancel a planned session; its enrolments stay on record."""
    _require_manager(by)
    session = _locked_session(session)
    if session.status == TrainingSession.Status.CANCELLED:
        raise _refuse(_("The session is cancelled already."))
    if session.status == TrainingSession.Status.HELD:
        raise _refuse(_("A session that was held cannot be cancelled."))
    reason = clean_text(reason)
    if not reason:
        raise ValidationError({"reason": [_("Say why the session is cancelled.")]})
    session.status = TrainingSession.Status.CANCELLED
    session.cancelled_reason = reason
    session.save(update_fields=["status", "cancelled_reason", "updated_at"])
    return session


# Enrolment


def _enrol_one(session: TrainingSession, membership: Membership, by: User) -> Enrolment:
    """Enrol ``membership`` in the locked ``session`` (checked by the
    caller), or refuse."""
    day = clock.today()
    name = membership.name
    if membership.forum.status != ForumStatus.ACTIVE:
        raise _refuse(
            _("%(name)s's forum is not active: its members cannot enrol.")
            % {"name": name}
        )
    if not membership.is_current(day):
        raise _refuse(
            _("%(name)s does not hold a seat in the forum today.") % {"name": name}
        )
    existing = Enrolment.objects.filter(session=session, membership=membership).first()
    if existing is not None and existing.status != Status.WITHDRAWN:
        raise _refuse(
            _("%(name)s is enrolled in this session already.") % {"name": name}
        )
    taken = session.enrolments.exclude(status=Status.WITHDRAWN).count()
    if taken >= session.capacity:
        raise _refuse(
            _("The session is full: all %(capacity)s places are taken.")
            % {"capacity": session.capacity}
        )
    if existing is not None:
        existing.status = Status.ENROLLED
        existing.enrolled_by = by
        existing.save(update_fields=["status", "enrolled_by", "updated_at"])
        return existing
    return Enrolment.objects.create(
        session=session, membership=membership, enrolled_by=by
    )


def _session_open_for_enrolment(session: TrainingSession) -> None:
    if session.status != TrainingSession.Status.PLANNED:
        raise _refuse(_("Only a planned session takes enrolments."))
    if session.ends_on < clock.today():
        raise _refuse(_("The session is over: nobody can enrol any more."))


@transaction.atomic
def enrolment_create(
    *, session: TrainingSession, membership: Membership, by: User
) -> Enrolment:
    """Enrol a current forum member in a planned session with a free place
    (a member who withdrew may enrol again)."""
    return enrolments_create(session=session, memberships=[membership], by=by)[0]


@transaction.atomic
def enrolments_create(
    *, session: TrainingSession, memberships: Iterable[Membership], by: User
) -> list[Enrolment]:
    """Enrol several forum members at once: all of them or, if one is
    refused, none."""
    _require_manager(by)
    session = _locked_session(session)
    _session_open_for_enrolment(session)
    chosen = list(memberships)
    if not chosen:
        raise _refuse(_("Choose at least one member to enrol."))
    members = Membership.objects.select_related("forum").filter(
        pk__in=[membership.pk for membership in chosen]
    )
    try:
        return [_enrol_one(session, membership, by) for membership in members]
    except IntegrityError as error:  # enrolled at the same moment elsewhere
        raise _refuse(_("Someone enrolled these members meanwhile.")) from error


@transaction.atomic
def enrolment_withdraw(*, enrolment: Enrolment, by: User) -> Enrolment:
    """Free the member's place in a session that has not been held."""
    _require_manager(by)
    enrolment = _locked_enrolment(enrolment)
    if enrolment.status == Status.WITHDRAWN:
        raise _refuse(_("The member has withdrawn already."))
    if enrolment.status != Status.ENROLLED:
        raise _refuse(
            _("The attendance is recorded: the member can no longer withdraw.")
        )
    enrolment.status = Status.WITHDRAWN
    enrolment.save(update_fields=["status", "updated_at"])
    return enrolment


# Attendance and completion


@transaction.atomic
def attendance_record(*, enrolment: Enrolment, by: User, attended: bool) -> Enrolment:
    """Record whether the member attended a session that has begun; the
    session is then held."""
    _require_manager(by)
    enrolment = _locked_enrolment(enrolment)
    session = _locked_session(enrolment.session)
    if session.status == TrainingSession.Status.CANCELLED:
        raise _refuse(_("The session was cancelled: there is no attendance."))
    if session.starts_on > clock.today():
        raise _refuse(_("Attendance is recorded once the session has begun."))
    if enrolment.status in (Status.WITHDRAWN, Status.COMPLETED):
        raise _refuse(
            _("The attendance of a member who withdrew or completed stays as is.")
        )
    enrolment.status = Status.ATTENDED if attended else Status.NO_SHOW
    enrolment.attendance_recorded_at = clock.now()
    enrolment.save(update_fields=["status", "attendance_recorded_at", "updated_at"])
    if session.status != TrainingSession.Status.HELD:
        session.status = TrainingSession.Status.HELD
        session.save(update_fields=["status", "updated_at"])
    return enrolment


@transaction.atomic
def enrolment_complete(*, enrolment: Enrolment, by: User) -> Enrolment:
    """Record that a member who attended completed the course, once the
    session's last day has come."""
    _require_manager(by)
    enrolment = _locked_enrolment(enrolment)
    if enrolment.status == Status.COMPLETED:
        raise _refuse(_("The member has completed the course already."))
    if enrolment.status != Status.ATTENDED:
        raise _refuse(_("Only a member who attended can complete the course."))
    if enrolment.session.ends_on > clock.today():
        raise _refuse(_("The course is completed on its last day, not before."))
    enrolment.status = Status.COMPLETED
    enrolment.completed_at = clock.now()
    enrolment.save(update_fields=["status", "completed_at", "updated_at"])
    return enrolment


# Certificates


def _unique_code() -> str:
    for _attempt in range(20):
        code = code_new()
        if not Certificate.objects.filter(code=code).exists():
            return code
    raise RuntimeError("No free certificate code after 20 draws.")


def _issue(enrolment: Enrolment, by: User, language: str) -> Certificate:
    course, session = enrolment.session.course, enrolment.session
    certificate = Certificate(
        enrolment=enrolment,
        code=_unique_code(),
        holder_name=enrolment.membership.name,
        course_code=course.code,
        course_title_sq=course.title_sq,
        course_title_sr_latn=course.title_sr_latn,
        course_title_sr=course.title_sr,
        course_title_en=course.title_en,
        hours=course.hours,
        starts_on=session.starts_on,
        ends_on=session.ends_on,
        language=language,
        issued_at=clock.now(),
        issued_by=by,
    )
    certificate.full_clean(exclude=["enrolment"])
    certificate.save()
    return certificate


def _language_checked(language: str) -> str:
    if language not in LANGUAGES:
        raise ValidationError({"language": [_("Choose the certificate's language.")]})
    return language


@transaction.atomic
def certificate_issue(*, enrolment: Enrolment, by: User, language: str) -> Certificate:
    """Issue the certificate of a completed enrolment, in ``language`` (the
    holder's choice)."""
    _require_manager(by)
    language = _language_checked(language)
    enrolment = _locked_enrolment(enrolment)
    if enrolment.status != Status.COMPLETED:
        raise _refuse(_("A certificate is issued only once the course is completed."))
    if Certificate.objects.filter(enrolment=enrolment).exists():
        raise _refuse(_("This enrolment has its certificate already."))
    return _issue(enrolment, by, language)


@transaction.atomic
def certificates_issue_all(
    *, session: TrainingSession, by: User, language: str = ""
) -> list[Certificate]:
    """Issue the certificates of every completed enrolment of the session
    that has none yet: in ``language``, or each in its member's language
    when it is empty."""
    _require_manager(by)
    if language:
        language = _language_checked(language)
    session = _locked_session(session)
    waiting = list(
        # Lock the enrolments only: the certificates are the outer join.
        Enrolment.objects.select_for_update(of=("self",))
        .select_related("session__course", "membership")
        .filter(session=session, status=Status.COMPLETED, certificate__isnull=True)
        .order_by("pk")
    )
    if not waiting:
        raise _refuse(_("No completed enrolment of this session awaits a certificate."))
    return [
        _issue(enrolment, by, language or enrolment.membership.language)
        for enrolment in waiting
    ]


@transaction.atomic
def certificate_revoke(
    *, certificate: Certificate, by: User, reason: str
) -> Certificate:
    """Revoke a certificate: verification shows it revoked from now on."""
    _require_manager(by)
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.is_revoked:
        raise _refuse(_("The certificate is revoked already."))
    reason = clean_text(reason)
    if not reason:
        raise ValidationError({"reason": [_("Say why the certificate is revoked.")]})
    certificate.revoked_at = clock.now()
    certificate.revoked_reason = reason
    certificate.revoked_by = by
    certificate.save(update_fields=["revoked_at", "revoked_reason", "revoked_by"])
    return certificate
