"""Who may do what with awareness campaigns.

Directorate staff and the Director General manage every campaign. A
regional coordinator manages the campaigns whose regions all lie within
their own (so never a national one, which has no regions) and records reach
figures of national campaigns and of those reaching their region.
"""

from django.db.models import Q, QuerySet

from bashkesia.accounts.models import Role
from bashkesia.accounts.permissions import AnyUser, grants, has_role
from bashkesia.territory.models import Region

from .models import Campaign

CAMPAIGN_MANAGERS = (Role.DIRECTORATE_STAFF, Role.DIRECTOR_GENERAL)


def manages_every_campaign(user: AnyUser) -> bool:
    return has_role(user, *CAMPAIGN_MANAGERS)


def coordinated_region_ids(user: AnyUser) -> set[int]:
    """Return the regions the user coordinates."""
    return {
        grant.region_id
        for grant in grants(user)
        if grant.role == Role.REGIONAL_COORDINATOR and grant.region_id
    }


def uses_campaigns_back_office(user: AnyUser) -> bool:
    """Return whether the user has campaigns to manage or report on (without
    a query: the menu asks on every page)."""
    return manages_every_campaign(user) or bool(coordinated_region_ids(user))


def regions_for_campaigns(user: AnyUser) -> QuerySet[Region]:
    """Return the regions the user may give the campaigns they manage."""
    if manages_every_campaign(user):
        return Region.objects.all()
    return Region.objects.filter(pk__in=coordinated_region_ids(user))


def campaigns_in_scope(user: AnyUser) -> QuerySet[Campaign]:
    """Return the campaigns the user sees in the back office: every one for
    the directorate; for a coordinator, national ones and those reaching
    their region."""
    if manages_every_campaign(user):
        return Campaign.objects.all()
    region_ids = coordinated_region_ids(user)
    if not region_ids:
        return Campaign.objects.none()
    national = Campaign.objects.filter(regions__isnull=True).values("pk")
    reaching = Campaign.objects.filter(regions__in=region_ids).values("pk")
    return Campaign.objects.filter(Q(pk__in=national) | Q(pk__in=reaching))


def can_create_campaign(user: AnyUser) -> bool:
    return uses_campaigns_back_office(user)


def can_manage_campaign(user: AnyUser, campaign: Campaign) -> bool:
    """Change, publish, add or remove materials: the directorate any; a
    coordinator one whose regions all lie within their own."""
    if manages_every_campaign(user):
        return True
    region_ids = coordinated_region_ids(user)
    if not region_ids or campaign.pk is None:
        return False
    campaign_regions = set(campaign.regions.values_list("pk", flat=True))
    return bool(campaign_regions) and campaign_regions <= region_ids


def can_add_reach(user: AnyUser, campaign: Campaign) -> bool:
    """Record a reach figure: whoever manages the campaign; a coordinator
    also for a national campaign or one reaching their region."""
    if can_manage_campaign(user, campaign):
        return True
    region_ids = coordinated_region_ids(user)
    if not region_ids:
        return False
    campaign_regions = set(campaign.regions.values_list("pk", flat=True))
    return not campaign_regions or bool(campaign_regions & region_ids)
