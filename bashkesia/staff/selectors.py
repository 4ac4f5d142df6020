"""Every read of the back office, and its permission-checked fetches.

A ``*_get_for_user`` fetch raises ``Http404`` when the record does not exist
and ``PermissionDenied`` when it is out of the user's scope.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from bashkesia.accounts import permissions
from bashkesia.accounts.models import Role, RoleGrant
from bashkesia.core import clock
from bashkesia.core.models import AuditEntry
from bashkesia.core.text import fold
from bashkesia.officers.models import Officer, SectorAssignment
from bashkesia.territory import selectors as territory_selectors
from bashkesia.territory.models import Sector, Station

from .models import SectorChangeProposal


def _current(prefix: str = "") -> Q:
    """Return the condition "current today" on assignments at ``prefix``."""
    day = clock.today()
    return Q(**{f"{prefix}start_date__lte": day}) & (
        Q(**{f"{prefix}end_date__isnull": True}) | Q(**{f"{prefix}end_date__gte": day})
    )


# Sectors


def sector_get_for_user(*, user: User, code: str) -> Sector:
    sector = territory_selectors.sector_get(code=code)
    if not permissions.can_view_sector(user, sector):
        raise PermissionDenied(
            _("Police sector %(code)s is not in your scope.") % {"code": sector.code}
        )
    return sector


def sector_list_for_user(*, user: User, query: str = "") -> QuerySet[Sector]:
    """Return the sectors in the user's scope with ``officer_count``, the
    number of officers in service currently assigned."""
    current = _current("assignments__") & Q(assignments__officer__is_active=True)
    sectors = (
        permissions.sectors_in_scope(user)
        .select_related("station", "municipality")
        .defer("boundary", "municipality__boundary")
        .annotate(
            officer_count=Count("assignments__officer", filter=current, distinct=True)
        )
    )
    words = query.split()
    for word in words:
        sectors = sectors.filter(
            Q(code__icontains=word)
            | Q(name_sq__icontains=word)
            | Q(name_sr_latn__icontains=word)
            | Q(name_sr__icontains=word)
            | Q(station__code__iexact=word)
        )
    return sectors.order_by("code")


def sector_assignment_history(*, sector: Sector) -> QuerySet[SectorAssignment]:
    return (
        SectorAssignment.objects.filter(sector=sector)
        .select_related("officer")
        .order_by("-start_date", "officer__last_name")
    )


def sector_assignment_get(*, sector: Sector, assignment_id: int) -> SectorAssignment:
    """Return an assignment of ``sector`` (the caller checked the sector)."""
    assignment = (
        SectorAssignment.objects.select_related("officer", "sector")
        .filter(sector=sector, pk=assignment_id)
        .first()
    )
    if assignment is None:
        raise Http404(_("This sector has no such assignment."))
    return assignment


def proposal_list_open() -> QuerySet[SectorChangeProposal]:
    return SectorChangeProposal.objects.filter(
        status=SectorChangeProposal.Status.OPEN
    ).select_related("sector", "proposed_by")


def proposal_list_for_sector(*, sector: Sector) -> QuerySet[SectorChangeProposal]:
    return SectorChangeProposal.objects.filter(sector=sector).select_related(
        "proposed_by", "decided_by"
    )


def proposal_list(*, status: str = "") -> QuerySet[SectorChangeProposal]:
    """Return the proposals (of ``status``, if given), newest first."""
    proposals = SectorChangeProposal.objects.select_related(
        "sector", "proposed_by", "decided_by"
    ).defer("sector__boundary")
    return proposals.filter(status=status) if status else proposals


def proposal_get(*, pk: int) -> SectorChangeProposal:
    proposal = (
        SectorChangeProposal.objects.select_related("sector", "proposed_by")
        .defer("sector__boundary")
        .filter(pk=pk)
        .first()
    )
    if proposal is None:
        raise Http404(_("No such proposal."))
    return proposal


# Officers


def officer_get_for_user(*, user: User, badge: str) -> Officer:
    officer = (
        Officer.objects.select_related("station", "region", "user")
        .filter(badge_number=badge.upper())
        .first()
    )
    if officer is None:
        raise Http404(
            _("No officer has the badge number %(badge)s.") % {"badge": badge}
        )
    if not permissions.can_view_officer(user, officer):
        raise PermissionDenied(
            _("Officer %(badge)s is not in your scope.")
            % {"badge": officer.badge_number}
        )
    return officer


def officer_of_user(*, user: User) -> Officer | None:
    """Return the officer the user signs in as, if any."""
    return Officer.objects.select_related("station").filter(user=user).first()


def _matching_ids(officers: QuerySet[Officer], query: str) -> list[int]:
    """Return the ids of ``officers`` whose names or badge contain every word.

    Matching ignores case, accents and script, as the public finder does.
    """
    words = fold(query).split()
    rows = officers.values_list(
        "pk",
        "badge_number",
        "first_name",
        "last_name",
        "first_name_cyrl",
        "last_name_cyrl",
    )
    found = []
    for pk, *texts in rows:
        haystack = fold(" ".join(texts))
        if all(word in haystack for word in words):
            found.append(pk)
    return found


def officer_list_for_user(
    *, user: User, station: Station | None = None, query: str = ""
) -> QuerySet[Officer]:
    officers = permissions.officers_in_scope(user)
    if station is not None:
        officers = officers.filter(station=station)
    if query.strip():
        officers = Officer.objects.filter(pk__in=_matching_ids(officers, query))
    else:
        officers = Officer.objects.filter(pk__in=officers.values("pk"))
    return officers.select_related("station", "region", "user").order_by(
        "last_name", "first_name", "badge_number"
    )


def officer_list_near_sector(
    *, officers: QuerySet[Officer], sector: Sector, limit: int = 200
) -> QuerySet[Officer]:
    """Return those of ``officers`` serving at the sector's station, its
    parent station or its substations (the likely ones to assign there)."""
    station = sector.station
    family = Q(station=station) | Q(station__parent=station)
    if station.parent_id:
        family |= Q(station_id=station.parent_id)
    return officers.filter(family).order_by("last_name", "first_name")[:limit]


def officer_station_choices(*, user: User) -> QuerySet[Station]:
    """Return the stations of the officers in the user's scope."""
    station_ids = permissions.officers_in_scope(user).values("station_id")
    return Station.objects.filter(pk__in=station_ids).order_by("code")


def officer_assignment_history(*, officer: Officer) -> QuerySet[SectorAssignment]:
    return (
        SectorAssignment.objects.filter(officer=officer)
        .select_related("sector")
        .order_by("-start_date", "sector__code")
    )


def officer_audit_entries(*, officer: Officer, limit: int = 10) -> list[AuditEntry]:
    """Return the latest audit entries of the officer and their assignments."""
    assignment_ids = [
        str(pk) for pk in officer.assignments.values_list("pk", flat=True)
    ]
    officer_type = ContentType.objects.get_for_model(Officer)
    assignment_type = ContentType.objects.get_for_model(SectorAssignment)
    entries = AuditEntry.objects.filter(
        Q(content_type=officer_type, object_id=str(officer.pk))
        | Q(content_type=assignment_type, object_id__in=assignment_ids)
    ).select_related("content_type")
    return list(entries[:limit])


# The dashboard


@dataclass(frozen=True)
class StationFigures:
    station: Station
    sectors: int
    officers: int
    unassigned: int


def station_figures(*, user: User) -> list[StationFigures]:
    """Return the figures of each station the user commands (with its
    substations): sectors, officers in service, and those of them without a
    current assignment."""
    figures = []
    # One or two stations per commander: a few counts each.
    for grant in permissions.grants(user):
        if grant.role != Role.STATION_COMMANDER or grant.station is None:
            continue
        station = grant.station
        family = Q(station=station) | Q(station__parent=station)
        officers = Officer.objects.filter(family, is_active=True)
        assigned = SectorAssignment.objects.filter(_current()).values("officer_id")
        figures.append(
            StationFigures(
                station=station,
                sectors=Sector.objects.filter(family).count(),
                officers=officers.count(),
                unassigned=officers.exclude(pk__in=assigned).count(),
            )
        )
    return figures


# The audit trail


def audit_kinds() -> QuerySet[ContentType]:
    """Return the kinds of record the audit trail has entries for."""
    used = AuditEntry.objects.values("content_type_id")
    return ContentType.objects.filter(pk__in=used).order_by("app_label", "model")


def audit_entry_list(
    *, content_type: ContentType | None = None, username: str = ""
) -> QuerySet[AuditEntry]:
    """Return audit entries, newest first, of a kind and by a user."""
    entries = AuditEntry.objects.select_related("content_type", "actor")
    if content_type is not None:
        entries = entries.filter(content_type=content_type)
    if username.strip():
        username = username.strip()
        entries = entries.filter(
            Q(actor__username__iexact=username) | Q(actor_name__iexact=username)
        )
    return entries.order_by("-at", "-id")


# Users and roles


def _active_grants() -> Prefetch:
    return Prefetch(
        "role_grants",
        queryset=RoleGrant.objects.filter(revoked_at__isnull=True).select_related(
            "station", "region"
        ),
        to_attr="active_grants",
    )


def user_list(*, query: str = "") -> QuerySet[User]:
    users = get_user_model().objects.prefetch_related(_active_grants())
    for word in query.split():
        users = users.filter(
            Q(username__icontains=word)
            | Q(email__icontains=word)
            | Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
        )
    return users.order_by("username")


def user_get_for_manager(*, user: User, user_id: int) -> User:
    if not permissions.can_manage_users(user):
        raise PermissionDenied(_("You cannot manage users and roles."))
    target = (
        get_user_model()
        .objects.select_related("officer")
        .prefetch_related(_active_grants())
        .filter(pk=user_id)
        .first()
    )
    if target is None:
        raise Http404(_("No such user."))
    return target


def user_grant_history(*, target: User) -> QuerySet[RoleGrant]:
    return (
        RoleGrant.objects.filter(user=target)
        .select_related("station", "region", "granted_by")
        .order_by("-created_at")
    )


def grant_get_for_manager(*, user: User, target: User, grant_id: int) -> RoleGrant:
    if not permissions.can_manage_users(user):
        raise PermissionDenied(_("You cannot manage users and roles."))
    grant = (
        RoleGrant.objects.select_related("user")
        .filter(user=target, pk=grant_id, revoked_at__isnull=True)
        .first()
    )
    if grant is None:
        raise Http404(_("This user holds no such role."))
    return grant
