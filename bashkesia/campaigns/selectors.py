"""Every read of campaigns: the public list and page, reach totals, the
back office's lists, a partner's and an event's campaigns."""

import datetime

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Prefetch, Q, QuerySet, Sum
from django.http import Http404
from django.utils.translation import gettext as _

from bashkesia.core import clock
from bashkesia.core.text import fold
from bashkesia.partners.models import Partner
from bashkesia.partnership.models import Event
from bashkesia.partnership.selectors.events import event_list_public
from bashkesia.territory.models import Region

from . import permissions
from .models import Campaign, CampaignStatus, Material, Measure, ReachEntry


def _with_relations(campaigns: QuerySet[Campaign]) -> QuerySet[Campaign]:
    return campaigns.prefetch_related(
        Prefetch("regions", queryset=Region.objects.order_by("code")),
        Prefetch("partners", queryset=Partner.objects.order_by("kind", "name_sq")),
    )


def campaign_list_public(
    *,
    theme: str = "",
    period: str = "",
    region: Region | None = None,
    target_group: str = "",
) -> list[Campaign]:
    """Return the published campaigns, the latest start first, filtered by
    words of their theme (any language, accents ignored), period (``current``
    = running, ``upcoming``, ``past`` = ended), a region (its campaigns and
    the national ones) and a target group."""
    today = clock.today()
    campaigns = Campaign.objects.filter(is_published=True)
    if period == "current":
        campaigns = campaigns.filter(starts_on__lte=today, ends_on__gte=today)
    elif period == "upcoming":
        campaigns = campaigns.filter(starts_on__gt=today)
    elif period == "past":
        campaigns = campaigns.filter(ends_on__lt=today)
    if region is not None:
        campaigns = campaigns.filter(
            Q(regions=region) | Q(regions__isnull=True)
        ).distinct()
    found = list(_with_relations(campaigns).order_by("-starts_on", "pk"))
    if target_group:
        found = [c for c in found if target_group in c.target_groups]
    if theme:
        words = fold(theme).split()
        found = [c for c in found if all(word in _theme_text(c) for word in words)]
    return found


def _theme_text(campaign: Campaign) -> str:
    return fold(
        " ".join(
            getattr(campaign, f"title_{suffix}")
            for suffix in ("sq", "sr_latn", "sr", "en")
        )
    )


def campaign_get_public(*, slug: str) -> Campaign:
    """Return the published campaign ``slug`` or raise ``Http404``."""
    campaign = (
        _with_relations(Campaign.objects.filter(is_published=True, slug=slug))
        .prefetch_related("materials")
        .first()
    )
    if campaign is None:
        raise Http404(
            _("No published campaign has the address “%(slug)s”.") % {"slug": slug}
        )
    return campaign


def campaign_events_public(*, campaign: Campaign) -> QuerySet[Event]:
    """Return the campaign's events the public may see, in order."""
    return event_list_public().filter(campaigns=campaign).order_by("starts_at", "pk")


def campaign_reach_totals(*, campaign: Campaign) -> list[tuple[str, str, int]]:
    """Return the campaign's reach totals per measure: (measure, label,
    total), in the order of the measures, only those recorded."""
    totals = dict(
        campaign.reach.values("measure")
        .annotate(total=Sum("number"))
        .values_list("measure", "total")
    )
    return [
        (value, str(label), totals[value])
        for value, label in Measure.choices
        if value in totals
    ]


def reach_list(*, campaign: Campaign) -> QuerySet[ReachEntry]:
    return campaign.reach.select_related("recorded_by").order_by("-date", "-pk")


def material_get_public(*, slug: str, pk: int) -> Material:
    """Return material ``pk`` of the published campaign ``slug`` or raise
    ``Http404``."""
    material = (
        Material.objects.filter(pk=pk, campaign__slug=slug, campaign__is_published=True)
        .select_related("campaign")
        .first()
    )
    if material is None:
        raise Http404(_("This campaign has no such material."))
    return material


def campaign_list_of_partner(*, partner: Partner) -> QuerySet[Campaign]:
    """Return the published campaigns ``partner`` took part in, latest
    first."""
    return partner.campaigns.filter(is_published=True).order_by("-starts_on", "pk")


def campaign_list_of_event(*, event: Event) -> QuerySet[Campaign]:
    """Return the published campaigns an event belongs to."""
    return event.campaigns.filter(is_published=True).order_by("-starts_on", "pk")


def campaign_list_api(
    *, current: bool | None = None, region: Region | None = None
) -> list[Campaign]:
    """Return the published campaigns for the API: ``current`` True = running
    today, False = not running; ``region`` = its campaigns and the national
    ones."""
    today = clock.today()
    campaigns = Campaign.objects.filter(is_published=True)
    running = Q(starts_on__lte=today, ends_on__gte=today)
    if current is True:
        campaigns = campaigns.filter(running)
    elif current is False:
        campaigns = campaigns.exclude(running)
    if region is not None:
        campaigns = campaigns.filter(
            Q(regions=region) | Q(regions__isnull=True)
        ).distinct()
    return list(_with_relations(campaigns).order_by("-starts_on", "pk"))


# Back office


def campaign_list_for_staff(
    *, user: User | AnonymousUser, status: str = ""
) -> QuerySet[Campaign]:
    """Return the campaigns in the user's scope, latest start first;
    ``status`` draft, published, or one of the date statuses."""
    today = clock.today()
    campaigns = permissions.campaigns_in_scope(user)
    if status == "draft":
        campaigns = campaigns.filter(is_published=False)
    elif status == "published":
        campaigns = campaigns.filter(is_published=True)
    elif status == CampaignStatus.RUNNING:
        campaigns = campaigns.filter(starts_on__lte=today, ends_on__gte=today)
    elif status == CampaignStatus.UPCOMING:
        campaigns = campaigns.filter(starts_on__gt=today)
    elif status == CampaignStatus.ENDED:
        campaigns = campaigns.filter(ends_on__lt=today)
    return _with_relations(campaigns).order_by("-starts_on", "pk")


def campaign_get_for_staff(*, user: User | AnonymousUser, slug: str) -> Campaign:
    """Return campaign ``slug`` of the user's scope or raise ``Http404``."""
    campaign = (
        _with_relations(permissions.campaigns_in_scope(user).filter(slug=slug))
        .prefetch_related("materials", "events")
        .first()
    )
    if campaign is None:
        raise Http404(
            _("No campaign of yours has the address “%(slug)s”.") % {"slug": slug}
        )
    return campaign


def event_choices_for_campaigns() -> QuerySet[Event]:
    """Return the events a campaign may link: public community events from
    three years back."""
    since = clock.now() - datetime.timedelta(days=3 * 366)
    return (
        event_list_public()
        .filter(starts_at__gte=since)
        .exclude(kind=Event.Kind.FORUM_MEETING)
        .order_by("-starts_at", "pk")
    )
