"""Every write of campaigns: the campaign, its publication, its materials
and its reach figures. Who may do what: ``permissions``."""

import datetime
from collections.abc import Iterable

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from bashkesia.core import clock
from bashkesia.core.text import clean_text, fold
from bashkesia.partners.models import Partner
from bashkesia.partners.texts import text_in_four
from bashkesia.partnership.models import Event
from bashkesia.territory.models import Region

from . import permissions
from .files import material_file_prepare
from .models import (
    TEXT_LIMIT,
    TITLE_LIMIT,
    Campaign,
    Channel,
    Material,
    Measure,
    ReachEntry,
    TargetGroup,
)

Errors = dict[str, list[str]]


def _slug_for(campaign: Campaign, slug: str) -> str:
    """Return the campaign's short address: the one given, or one made from
    its theme and starting year."""
    given = slugify(slug.strip())[:80]
    if given:
        return given
    theme = slugify(fold(campaign.title_en or campaign.title_sq))[:70] or "campaign"
    base = f"{theme}-{campaign.starts_on.year}" if campaign.starts_on else theme
    candidate, number = base, 2
    taken = Campaign.objects.exclude(pk=campaign.pk)
    while taken.filter(slug=candidate).exists():
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def _check_regions(user: User, regions: list[Region], errors: Errors) -> None:
    if permissions.manages_every_campaign(user):
        return
    allowed = permissions.coordinated_region_ids(user)
    if not regions:
        errors["regions"] = [
            _(
                "Choose your regional directorate: national campaigns are "
                "managed by the directorate."
            )
        ]
    elif any(region.pk not in allowed for region in regions):
        errors["regions"] = [
            _("You may choose only the regional directorate you coordinate.")
        ]


def _check_choices(
    values: Iterable[str], allowed: list[str], field: str, empty: str, errors: Errors
) -> list[str]:
    chosen = list(dict.fromkeys(values))
    if not chosen:
        errors[field] = [empty]
    elif any(value not in allowed for value in chosen):
        errors[field] = [_("Choose from the list.")]
    return chosen


def _fill(
    campaign: Campaign,
    *,
    by: User,
    title_sq: str,
    title_sr_latn: str,
    title_en: str,
    description_sq: str,
    description_sr_latn: str,
    description_en: str,
    target_groups: Iterable[str],
    channels: Iterable[str],
    starts_on: datetime.date,
    ends_on: datetime.date,
    regions: list[Region],
    partners: list[Partner],
    events: list[Event],
    slug: str,
) -> Errors:
    """Fill ``campaign`` with the cleaned values; return every problem."""
    errors: Errors = {}
    titles = text_in_four(
        sq=title_sq, sr_latn=title_sr_latn, en=title_en, limit=TITLE_LIMIT
    )
    if not titles["sq"]:
        errors["title_sq"] = [_("Give the campaign's theme in Albanian.")]
    texts = text_in_four(
        sq=description_sq,
        sr_latn=description_sr_latn,
        en=description_en,
        limit=TEXT_LIMIT,
    )
    for suffix in titles:
        setattr(campaign, f"title_{suffix}", titles[suffix])
        setattr(campaign, f"description_{suffix}", texts[suffix])
    campaign.target_groups = _check_choices(
        target_groups,
        TargetGroup.values,
        "target_groups",
        _("Choose at least one target group."),
        errors,
    )
    campaign.channels = _check_choices(
        channels,
        Channel.values,
        "channels",
        _("Choose at least one channel."),
        errors,
    )
    if starts_on and ends_on and ends_on < starts_on:
        errors["ends_on"] = [_("The campaign cannot end before it starts.")]
    campaign.starts_on, campaign.ends_on = starts_on, ends_on
    _check_regions(by, regions, errors)
    current = (
        set(campaign.partners.values_list("pk", flat=True)) if campaign.pk else set()
    )
    if any(not p.is_active and p.pk not in current for p in partners):
        errors["partners"] = [_("An inactive partner cannot join a campaign.")]
    outside = [
        event
        for event in events
        if starts_on
        and ends_on
        and not starts_on <= event.starts_at.date() <= ends_on
        and event.pk
        not in (
            set(campaign.events.values_list("pk", flat=True)) if campaign.pk else ()
        )
    ]
    if outside:
        errors["events"] = [
            _("The event “%(title)s” does not fall within the campaign's period.")
            % {"title": outside[0].title}
        ]
    campaign.slug = _slug_for(campaign, slug)
    if Campaign.objects.exclude(pk=campaign.pk).filter(slug=campaign.slug).exists():
        errors["slug"] = [
            _("Another campaign has the short address “%(slug)s”.")
            % {"slug": campaign.slug}
        ]
    try:
        campaign.full_clean(exclude=[*errors, "created_by"])
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, messages)
    return errors


@transaction.atomic
def campaign_create(
    *,
    by: User,
    title_sq: str,
    title_sr_latn: str = "",
    title_en: str = "",
    description_sq: str = "",
    description_sr_latn: str = "",
    description_en: str = "",
    target_groups: Iterable[str],
    channels: Iterable[str],
    starts_on: datetime.date,
    ends_on: datetime.date,
    regions: Iterable[Region] = (),
    partners: Iterable[Partner] = (),
    events: Iterable[Event] = (),
    slug: str = "",
) -> Campaign:
    """Create a campaign as a draft (the public sees it once published).

    A regional coordinator gives it regions within their own; no regions
    means all of Kosovo, for the directorate only.
    """
    if not permissions.can_create_campaign(by):
        raise PermissionDenied(_("You may not create campaigns."))
    regions, partners, events = list(regions), list(partners), list(events)
    campaign = Campaign(created_by=by)
    errors = _fill(
        campaign,
        by=by,
        title_sq=title_sq,
        title_sr_latn=title_sr_latn,
        title_en=title_en,
        description_sq=description_sq,
        description_sr_latn=description_sr_latn,
        description_en=description_en,
        target_groups=target_groups,
        channels=channels,
        starts_on=starts_on,
        ends_on=ends_on,
        regions=regions,
        partners=partners,
        events=events,
        slug=slug,
    )
    if errors:
        raise ValidationError(errors)
    campaign.save()
    campaign.regions.set(regions)
    campaign.partners.set(partners)
    campaign.events.set(events)
    return campaign


def _locked(campaign: Campaign) -> Campaign:
    return Campaign.objects.select_for_update().get(pk=campaign.pk)


def _check_manager(user: User, campaign: Campaign) -> None:
    if not permissions.can_manage_campaign(user, campaign):
        raise PermissionDenied(_("You may not manage this campaign."))


@transaction.atomic
def campaign_update(
    *,
    campaign: Campaign,
    by: User,
    title_sq: str,
    title_sr_latn: str = "",
    title_en: str = "",
    description_sq: str = "",
    description_sr_latn: str = "",
    description_en: str = "",
    target_groups: Iterable[str],
    channels: Iterable[str],
    starts_on: datetime.date,
    ends_on: datetime.date,
    regions: Iterable[Region] = (),
    partners: Iterable[Partner] = (),
    events: Iterable[Event] = (),
    slug: str = "",
) -> Campaign:
    """Change a campaign (published or not)."""
    _check_manager(by, campaign)
    campaign = _locked(campaign)
    regions, partners, events = list(regions), list(partners), list(events)
    errors = _fill(
        campaign,
        by=by,
        title_sq=title_sq,
        title_sr_latn=title_sr_latn,
        title_en=title_en,
        description_sq=description_sq,
        description_sr_latn=description_sr_latn,
        description_en=description_en,
        target_groups=target_groups,
        channels=channels,
        starts_on=starts_on,
        ends_on=ends_on,
        regions=regions,
        partners=partners,
        events=events,
        slug=slug or campaign.slug,
    )
    if errors:
        raise ValidationError(errors)
    campaign.save()
    campaign.regions.set(regions)
    campaign.partners.set(partners)
    campaign.events.set(events)
    return campaign


@transaction.atomic
def campaign_publish(*, campaign: Campaign, by: User) -> Campaign:
    """Publish a draft campaign: it appears on the public pages, its
    partners' pages and the API."""
    _check_manager(by, campaign)
    campaign = _locked(campaign)
    if campaign.is_published:
        raise ValidationError(_("This campaign is already published."))
    if not campaign.description_sq:
        raise ValidationError(
            _("Describe the campaign in Albanian before publishing it.")
        )
    campaign.is_published = True
    campaign.published_at = clock.now()
    campaign.save(update_fields=["is_published", "published_at", "updated_at"])
    return campaign


@transaction.atomic
def campaign_unpublish(*, campaign: Campaign, by: User) -> Campaign:
    """Take a campaign off the public pages (it becomes a draft again)."""
    _check_manager(by, campaign)
    campaign = _locked(campaign)
    if not campaign.is_published:
        raise ValidationError(_("This campaign is not published."))
    campaign.is_published = False
    campaign.save(update_fields=["is_published", "updated_at"])
    return campaign


# Materials


@transaction.atomic
def material_add(*, campaign: Campaign, by: User, title: str, upload) -> Material:
    """Add a material (a PDF, or a PNG, JPEG or WebP image, at most 10 MB) to
    the campaign; an image is stored re-encoded without its metadata."""
    _check_manager(by, campaign)
    errors: Errors = {}
    title = clean_text(title)[:TITLE_LIMIT]
    if not title:
        errors["title"] = [_("Give the material a title.")]
    prepared = None
    try:
        prepared = material_file_prepare(upload)
    except ValidationError as error:
        errors["file"] = error.messages
    if errors or prepared is None:
        raise ValidationError(errors)
    material = Material(
        campaign=campaign,
        title=title,
        kind=prepared.kind,
        content_type=prepared.content_type,
        size=prepared.size,
        added_by=by,
    )
    material.file.save(prepared.content.name, prepared.content, save=False)
    try:
        material.save()
    except Exception:
        # No row, no file.
        material.file.storage.delete(material.file.name)
        raise
    return material


@transaction.atomic
def material_remove(*, material: Material, by: User) -> None:
    """Remove a material; its file is deleted once the change is committed."""
    _check_manager(by, material.campaign)
    name, storage = material.file.name, material.file.storage
    material.delete()
    transaction.on_commit(lambda: storage.delete(name))


# Reach


@transaction.atomic
def reach_add(
    *,
    campaign: Campaign,
    by: User,
    date: datetime.date,
    channel: str,
    measure: str,
    number: int,
    note: str = "",
) -> ReachEntry:
    """Record a reach figure: on ``date`` (within the campaign, not in the
    future), through ``channel``, ``number`` of ``measure``."""
    if not permissions.can_add_reach(by, campaign):
        raise PermissionDenied(_("You may not record reach figures of this campaign."))
    errors: Errors = {}
    if date is None:
        errors["date"] = [_("Give the date of the figure.")]
    elif date < campaign.starts_on:
        errors["date"] = [_("The date falls before the campaign started.")]
    elif date > clock.today():
        errors["date"] = [_("The date cannot be in the future.")]
    if channel not in Channel.values:
        errors["channel"] = [_("Choose the channel from the list.")]
    if measure not in Measure.values:
        errors["measure"] = [_("Choose what was counted from the list.")]
    if number is None or number < 0:
        errors["number"] = [_("Give a number of zero or more.")]
    entry = ReachEntry(
        campaign=campaign,
        date=date,
        channel=channel,
        measure=measure,
        number=number,
        note=clean_text(note)[:TITLE_LIMIT],
        recorded_by=by,
    )
    try:
        entry.full_clean(exclude=[*errors, "recorded_by"])
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, messages)
    if errors:
        raise ValidationError(errors)
    entry.save()
    return entry


@transaction.atomic
def reach_remove(*, entry: ReachEntry, by: User) -> None:
    """Remove a reach figure recorded by mistake: whoever manages the
    campaign, or who recorded it."""
    if not (
        permissions.can_manage_campaign(by, entry.campaign)
        or (
            entry.recorded_by_id == by.pk
            and permissions.can_add_reach(by, entry.campaign)
        )
    ):
        raise PermissionDenied(_("You may not remove this reach figure."))
    entry.delete()
