"""Every write to concerns: submission, the lifecycle, replies, moderation.

Each transition is one service call that records who, when and why as a
``ConcernUpdate``; a transition the lifecycle does not allow is refused with a
``ValidationError`` saying so.
"""

import datetime
import secrets

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from bashkesia.core import clock, photos
from bashkesia.core.text import clean_text
from bashkesia.officers.models import Officer
from bashkesia.territory.selectors import sector_id_at_point

from . import notifications, questions
from .models import (
    CLOSED_STATUSES,
    ApiKey,
    Category,
    Concern,
    ConcernPhoto,
    ConcernUpdate,
    Status,
)
from .staff_selectors import officers_for_concern

# Unambiguous letters and digits (no 0/O, 1/I/L).
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
REOPEN_WITHIN = datetime.timedelta(days=30)
MAX_PHOTOS = 3

# From each status, the statuses a concern may move to.
TRANSITIONS: dict[str, set[str]] = {
    Status.SUBMITTED: {
        Status.ACKNOWLEDGED, Status.IN_PROGRESS, Status.RESOLVED, Status.REFERRED,
        Status.NOT_POLICE, Status.DUPLICATE,
    },
    Status.ACKNOWLEDGED: {
        Status.IN_PROGRESS, Status.RESOLVED, Status.REFERRED, Status.NOT_POLICE,
        Status.DUPLICATE,
    },
    Status.IN_PROGRESS: {
        Status.RESOLVED, Status.REFERRED, Status.NOT_POLICE, Status.DUPLICATE,
    },
    Status.REOPENED: {Status.IN_PROGRESS},
    Status.RESOLVED: {Status.REOPENED},
    Status.REFERRED: set(),
    Status.NOT_POLICE: set(),
    Status.DUPLICATE: set(),
}  # fmt: skip


def tracking_code_new() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def concern_submit(
    *,
    category: Category,
    description: str,
    latitude: float,
    longitude: float,
    source: str,
    is_anonymous: bool = True,
    reporter_name: str = "",
    reporter_email: str = "",
    reporter_phone: str = "",
    consent_to_contact: bool = False,
    language: str = "sq",
    address: str = "",
    photo_files: list[UploadedFile] | None = None,
    idempotency_key: str | None = None,
    answers: dict[str, list[str]] | None = None,
    api_key: ApiKey | None = None,
) -> tuple[Concern, bool]:
    """Store a citizen's concern, routed to the sector at its point.

    ``answers`` answer the category's extra questions, ``{code: [values]}``
    (see ``questions``). Return ``(concern, created)``: a submission
    repeating an earlier ``idempotency_key`` returns the first concern and
    ``False``. Raise ``ValidationError`` for bad input (all problems at once;
    those with the answers under ``answers``); then nothing is stored.
    """
    if idempotency_key:
        earlier = Concern.objects.filter(idempotency_key=idempotency_key).first()
        if earlier is not None:
            return earlier, False
    errors: dict[str, list[str]] = {}
    description = clean_text(description)
    if not description:
        errors["description"] = [_("Describe what worries you.")]
    if not category.is_active:
        errors["category"] = [_("This category is not in use.")]
    try:
        # The messages are in the active language: so are the labels in them.
        clean_answers = questions.answers_clean(
            category, answers, language=get_language() or language
        )
    except ValidationError as error:
        clean_answers = {}
        errors["answers"] = error.messages
    sector_id = sector_id_at_point(lat=latitude, lon=longitude)
    if sector_id is None:
        errors["location"] = [
            _("The place is outside Kosovo: no police sector covers it.")
        ]
    if not is_anonymous and not (reporter_email or reporter_phone):
        errors["reporter_email"] = [
            _("Give an e-mail address or a telephone number, or stay anonymous.")
        ]
    if consent_to_contact and is_anonymous:
        consent_to_contact = False  # nobody to contact
    files = photo_files or []
    if len(files) > MAX_PHOTOS:
        errors["photos"] = [_("Add at most %(count)s photos.") % {"count": MAX_PHOTOS}]
    prepared = []
    for upload in files[:MAX_PHOTOS]:
        try:
            prepared.append(photos.photo_prepare(upload))
        except ValidationError as error:
            errors.setdefault("photos", []).extend(error.messages)
    if errors or sector_id is None:
        raise ValidationError(errors)
    now = clock.now()
    try:
        with transaction.atomic():
            concern = Concern(
                tracking_code=tracking_code_new(),
                category=category,
                description=description,
                answers=clean_answers,
                latitude=latitude,
                longitude=longitude,
                address=clean_text(address)[:200],
                sector_id=sector_id,
                is_anonymous=is_anonymous,
                reporter_name="" if is_anonymous else clean_text(reporter_name)[:120],
                reporter_email="" if is_anonymous else reporter_email.strip(),
                reporter_phone="" if is_anonymous else clean_text(reporter_phone)[:40],
                consent_to_contact=consent_to_contact,
                language=language,
                source=source,
                idempotency_key=idempotency_key or None,
                api_key=api_key,
                submitted_at=now,
                is_hidden=category.is_sensitive,
            )
            concern.full_clean(exclude=["sector", "category"])
            concern.save()
            for image in prepared:
                photo = ConcernPhoto(concern=concern, at=now)
                photo.image.save(image.name, image, save=False)
                photo.save()
            ConcernUpdate.objects.create(
                concern=concern,
                kind=ConcernUpdate.Kind.STATUS,
                to_status=Status.SUBMITTED,
                is_public=True,
                at=now,
            )
            notifications.reporter_notify_submitted(concern=concern)
            notifications.officers_notify_new(concern=concern)
    except IntegrityError:
        # A concurrent submission with the same key won the race.
        if idempotency_key:
            return Concern.objects.get(idempotency_key=idempotency_key), False
        raise
    return concern, True


def _transition(
    *, concern: Concern, to: str, by: User | None, text: str = "", public: bool = True
) -> Concern:
    if to not in TRANSITIONS[concern.status]:
        raise ValidationError(
            _("A concern that is “%(from)s” cannot become “%(to)s”.")
            % {"from": concern.get_status_display(), "to": Status(to).label}
        )
    now = clock.now()
    previous = concern.status
    concern.status = to
    if to == Status.ACKNOWLEDGED or (
        concern.acknowledged_at is None and to != Status.REOPENED
    ):
        concern.acknowledged_at = concern.acknowledged_at or now
    concern.closed_at = now if to in CLOSED_STATUSES else None
    concern.save(
        update_fields=["status", "acknowledged_at", "closed_at", "duplicate_of",
                       "referred_to", "updated_at"]
    )  # fmt: skip
    update = ConcernUpdate.objects.create(
        concern=concern,
        kind=ConcernUpdate.Kind.STATUS,
        author=by,
        text=clean_text(text),
        from_status=previous,
        to_status=to,
        is_public=public,
        at=now,
    )
    if to == Status.REOPENED:
        notifications.officers_notify_reopened(concern=concern)
    else:
        notifications.reporter_notify_update(concern=concern, update=update)
    return concern


def _locked(concern: Concern) -> Concern:
    return Concern.objects.select_for_update().get(pk=concern.pk)


@transaction.atomic
def concern_acknowledge(*, concern: Concern, by: User) -> Concern:
    return _transition(concern=_locked(concern), to=Status.ACKNOWLEDGED, by=by)


@transaction.atomic
def concern_start(*, concern: Concern, by: User, text: str = "") -> Concern:
    return _transition(
        concern=_locked(concern), to=Status.IN_PROGRESS, by=by, text=text
    )


@transaction.atomic
def concern_resolve(*, concern: Concern, by: User, text: str) -> Concern:
    if not clean_text(text):
        raise ValidationError(_("Tell the reporter how the concern was resolved."))
    return _transition(concern=_locked(concern), to=Status.RESOLVED, by=by, text=text)


@transaction.atomic
def concern_refer(
    *, concern: Concern, by: User, institution: str, text: str = ""
) -> Concern:
    institution = clean_text(institution)
    if not institution:
        raise ValidationError(_("Name the institution the concern goes to."))
    concern = _locked(concern)
    concern.referred_to = institution[:200]
    message = clean_text(text) or _("Referred to %(institution)s.") % {
        "institution": institution
    }
    return _transition(concern=concern, to=Status.REFERRED, by=by, text=message)


@transaction.atomic
def concern_not_police(*, concern: Concern, by: User, reason: str) -> Concern:
    if not clean_text(reason):
        raise ValidationError(_("Give the reason the reporter will see."))
    return _transition(
        concern=_locked(concern), to=Status.NOT_POLICE, by=by, text=reason
    )


@transaction.atomic
def concern_merge_duplicate(*, concern: Concern, into: Concern, by: User) -> Concern:
    if into.pk == concern.pk or into.duplicate_of_id == concern.pk:
        raise ValidationError(_("A concern cannot be a duplicate of itself."))
    if into.status == Status.DUPLICATE:
        raise ValidationError(
            _("Concern %(code)s is itself a duplicate: merge into the original.")
            % {"code": into.tracking_code}
        )
    concern = _locked(concern)
    concern.duplicate_of = into
    text = _("The same as concern %(code)s.") % {"code": into.tracking_code}
    return _transition(concern=concern, to=Status.DUPLICATE, by=by, text=text)


@transaction.atomic
def concern_reopen(*, concern: Concern, text: str) -> Concern:
    """The reporter reopens a resolved concern within 30 days."""
    concern = _locked(concern)
    if concern.status != Status.RESOLVED:
        raise ValidationError(_("Only a resolved concern can be reopened."))
    if concern.closed_at and clock.now() - concern.closed_at > REOPEN_WITHIN:
        raise ValidationError(
            _("A concern can be reopened within 30 days of its resolution.")
        )
    if not clean_text(text):
        raise ValidationError(_("Say why the concern is not solved."))
    return _transition(concern=concern, to=Status.REOPENED, by=None, text=text)


@transaction.atomic
def concern_reply(
    *, concern: Concern, by: User, text: str, public: bool
) -> ConcernUpdate:
    """A public reply to the reporter, or an internal note."""
    text = clean_text(text)
    if not text:
        raise ValidationError(_("Write something first."))
    update = ConcernUpdate.objects.create(
        concern=concern,
        kind=ConcernUpdate.Kind.REPLY if public else ConcernUpdate.Kind.NOTE,
        author=by,
        text=text,
        is_public=public,
        at=clock.now(),
    )
    notifications.reporter_notify_update(concern=concern, update=update)
    return update


@transaction.atomic
def concern_reporter_message(*, concern: Concern, text: str) -> ConcernUpdate:
    """More information from the reporter, on the tracking page."""
    text = clean_text(text)
    if not text:
        raise ValidationError(_("Write something first."))
    update = ConcernUpdate.objects.create(
        concern=concern,
        kind=ConcernUpdate.Kind.CITIZEN,
        text=text,
        is_public=True,
        at=clock.now(),
    )
    notifications.officers_notify_reporter_message(concern=concern)
    return update


@transaction.atomic
def concern_assign(*, concern: Concern, officer: Officer | None, by: User) -> Concern:
    """Give the concern to an officer in service at its station or sector
    (``None``: to nobody)."""
    if (
        officer is not None
        and not officers_for_concern(concern=concern).filter(pk=officer.pk).exists()
    ):
        raise ValidationError(
            _("%(officer)s does not serve at this concern's station or sector.")
            % {"officer": officer.display_name}
        )
    concern.assigned_to = officer
    concern.save(update_fields=["assigned_to", "updated_at"])
    ConcernUpdate.objects.create(
        concern=concern,
        kind=ConcernUpdate.Kind.NOTE,
        author=by,
        text=_("Assigned to %(officer)s.")
        % {"officer": officer.full_name if officer else "-"},
        at=clock.now(),
    )
    return concern


@transaction.atomic
def concern_moderate(*, concern: Concern, hidden: bool, by: User) -> Concern:
    """Show or hide a concern on public pages (separate from its status)."""
    if concern.category.is_sensitive and not hidden:
        raise ValidationError(_("Concerns of a sensitive category are never public."))
    concern.is_hidden = hidden
    concern.save(update_fields=["is_hidden", "updated_at"])
    ConcernUpdate.objects.create(
        concern=concern,
        kind=ConcernUpdate.Kind.NOTE,
        author=by,
        text=_("Hidden from public pages.") if hidden else _("Shown on public pages."),
        at=clock.now(),
    )
    return concern


@transaction.atomic
def concern_publish_description(*, concern: Concern, text: str, by: User) -> Concern:
    """Publish the description as the officer edited it (names and other
    personal details taken out); an empty text takes it off public pages."""
    if concern.category.is_sensitive:
        raise ValidationError(_("Concerns of a sensitive category are never public."))
    text = clean_text(text)
    concern.public_description = text
    concern.save(update_fields=["public_description", "updated_at"])
    ConcernUpdate.objects.create(
        concern=concern,
        kind=ConcernUpdate.Kind.NOTE,
        author=by,
        text=_("Description published.") if text else _("Description unpublished."),
        at=clock.now(),
    )
    return concern
