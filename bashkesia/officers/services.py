"""Every write to officers and their sector assignments."""

import datetime
from functools import partial

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from bashkesia.core import clock, photos
from bashkesia.territory.models import Region, Sector, Station

from .models import Officer, SectorAssignment


@transaction.atomic
def officer_upsert(
    *,
    badge_number: str,
    rank: str,
    role: str,
    first_name: str,
    last_name: str,
    first_name_cyrl: str = "",
    last_name_cyrl: str = "",
    public_phone: str = "",
    public_email: str = "",
    station: Station | None = None,
    region: Region | None = None,
    is_demo: bool = False,
) -> Officer:
    """Create the officer with ``badge_number``, or update it in place."""
    officer = Officer.objects.filter(badge_number=badge_number).first() or Officer(
        badge_number=badge_number
    )
    officer.rank = rank
    officer.role = role
    officer.first_name = first_name
    officer.last_name = last_name
    officer.first_name_cyrl = first_name_cyrl
    officer.last_name_cyrl = last_name_cyrl
    officer.public_phone = public_phone
    officer.public_email = public_email
    officer.station = station
    officer.region = region
    officer.is_demo = is_demo
    officer.full_clean()
    officer.save()
    return officer


@transaction.atomic
def assignment_start(
    *,
    officer: Officer,
    sector: Sector,
    kind: str = SectorAssignment.Kind.SECTOR_OFFICER,
    start_date: datetime.date | None = None,
    end_date: datetime.date | None = None,
) -> SectorAssignment:
    """Assign ``officer`` to ``sector`` from ``start_date`` (today).

    An identical assignment (same officer, sector, kind and start) is returned
    as it is, so loading the same data twice changes nothing. An officer
    cannot hold two overlapping assignments of one kind to one sector.
    """
    start_date = start_date or clock.today()
    existing = SectorAssignment.objects.filter(
        officer=officer, sector=sector, kind=kind, start_date=start_date
    ).first()
    if existing is not None:
        if existing.end_date != end_date:
            existing.end_date = end_date
            existing.full_clean()
            existing.save(update_fields=["end_date", "updated_at"])
        return existing
    overlapping = SectorAssignment.objects.filter(
        officer=officer, sector=sector, kind=kind
    ).exclude(end_date__lt=start_date)
    if end_date is not None:
        overlapping = overlapping.exclude(start_date__gt=end_date)
    if overlapping.exists():
        raise ValidationError(
            _("%(officer)s is already assigned to sector %(code)s then.")
            % {"officer": officer.full_name, "code": sector.code}
        )
    assignment = SectorAssignment(
        officer=officer,
        sector=sector,
        kind=kind,
        start_date=start_date,
        end_date=end_date,
    )
    assignment.full_clean()
    assignment.save()
    return assignment


@transaction.atomic
def assignment_end(
    *, assignment: SectorAssignment, end_date: datetime.date | None = None
) -> SectorAssignment:
    """End an assignment on ``end_date`` (today); the record stays as history."""
    assignment.end_date = end_date or clock.today()
    assignment.full_clean()
    assignment.save(update_fields=["end_date", "updated_at"])
    return assignment


@transaction.atomic
def officer_create(
    *,
    badge_number: str,
    rank: str,
    role: str,
    first_name: str,
    last_name: str,
    first_name_cyrl: str = "",
    last_name_cyrl: str = "",
    public_phone: str = "",
    public_email: str = "",
    station: Station | None = None,
    region: Region | None = None,
) -> Officer:
    """Create a new officer; refuse a badge number that is taken (any case)."""
    if Officer.objects.filter(badge_number__iexact=badge_number).exists():
        raise ValidationError(
            {
                "badge_number": _(
                    "An officer with badge number %(badge)s exists already."
                )
                % {"badge": badge_number}
            }
        )
    return officer_upsert(
        badge_number=badge_number,
        rank=rank,
        role=role,
        first_name=first_name,
        last_name=last_name,
        first_name_cyrl=first_name_cyrl,
        last_name_cyrl=last_name_cyrl,
        public_phone=public_phone,
        public_email=public_email,
        station=station,
        region=region,
    )


PROFILE_FIELDS = [
    "public_phone",
    "public_email",
    "bio_sq",
    "bio_sr_latn",
    "bio_sr",
    "bio_en",
    "photo",
    "updated_at",
]


@transaction.atomic
def officer_profile_update(
    *,
    officer: Officer,
    phone: str,
    email: str,
    bio_sq: str,
    bio_sr_latn: str,
    bio_sr: str,
    bio_en: str,
    photo: UploadedFile | None = None,
    remove_photo: bool = False,
) -> Officer:
    """Update the public profile of ``officer``: contact, bios and photo.

    A new ``photo`` is re-encoded without metadata (see ``photos``) and
    replaces the old one, whose file is deleted once the change is
    committed; ``remove_photo`` drops the photo. Every problem (the photo's
    and the fields') is raised together as one ``ValidationError``, and then
    nothing is written.
    """
    errors: dict[str, list[str]] = {}
    prepared = None
    if photo is not None:
        try:
            prepared = photos.photo_prepare(photo)
        except ValidationError as error:
            errors["photo"] = error.messages
    officer.public_phone = phone.strip()
    officer.public_email = email.strip()
    officer.bio_sq = bio_sq.strip()
    officer.bio_sr_latn = bio_sr_latn.strip()
    officer.bio_sr = bio_sr.strip()
    officer.bio_en = bio_en.strip()
    try:
        officer.full_clean()
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    if errors:
        officer.refresh_from_db()
        raise ValidationError(errors)
    old_name = officer.photo.name
    storage = officer.photo.storage
    if prepared is not None:
        officer.photo.save(prepared.name, prepared, save=False)
    elif remove_photo:
        officer.photo = ""
    new_name = officer.photo.name
    try:
        officer.save(update_fields=PROFILE_FIELDS)
    except Exception:
        if prepared is not None:
            storage.delete(new_name)
        raise
    if old_name and old_name != new_name:
        transaction.on_commit(partial(storage.delete, old_name))
    return officer
