"""Every permission decision of the product, in one place.

Views, APIs and the admin ask these predicates; none decides by itself. A
user's roles come from their active ``RoleGrant`` rows; sector officers and
leaders reach the sectors of their linked officer's current assignments.
"""

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Q, QuerySet

from bashkesia.concerns.models import Concern
from bashkesia.core import clock
from bashkesia.officers.models import Officer, SectorAssignment
from bashkesia.partnership.models import (
    Forum,
    ForumKind,
    ForumStatus,
    MemberRole,
    Membership,
    Problem,
)
from bashkesia.territory.models import Sector, Station

from .models import Role, RoleGrant

AnyUser = User | AnonymousUser
KOSOVO_WIDE_READERS = {Role.DIRECTORATE_STAFF, Role.DIRECTOR_GENERAL}
STAFF_ROLES = set(Role)


def grants(user: AnyUser) -> list[RoleGrant]:
    """Return the user's active role grants (memoised on the user object)."""
    if not user.is_authenticated or not user.is_active:
        return []
    cached = getattr(user, "_bashkesia_grants", None)
    if cached is None:
        cached = list(
            RoleGrant.objects.filter(user=user, revoked_at__isnull=True).select_related(
                "station", "region"
            )
        )
        user._bashkesia_grants = cached  # type: ignore[union-attr,attr-defined]
    return cached


def roles(user: AnyUser) -> set[str]:
    return {grant.role for grant in grants(user)}


def has_role(user: AnyUser, *wanted: str) -> bool:
    return bool(roles(user) & set(wanted))


def is_staff_member(user: AnyUser) -> bool:
    """Return whether the user holds any role (and so needs a second factor)."""
    return bool(grants(user))


def _stations(user: AnyUser, role: str) -> list[int]:
    return [g.station_id for g in grants(user) if g.role == role and g.station_id]


def _regions(user: AnyUser, role: str) -> list[int]:
    return [g.region_id for g in grants(user) if g.role == role and g.region_id]


def _assigned_sector_ids(user: AnyUser, kind: str) -> list[int]:
    """Return the sectors the user's officer works today as ``kind``
    (memoised on the user object, like ``grants``: one query a request)."""
    if user.pk is None:
        return []
    day = clock.today()
    memo = user.__dict__.setdefault("_bashkesia_assigned", {})
    if (kind, day) not in memo:
        memo[(kind, day)] = list(
            SectorAssignment.objects.filter(
                Q(end_date__isnull=True) | Q(end_date__gte=day),
                officer__user_id=user.pk,
                kind=kind,
                start_date__lte=day,
            ).values_list("sector_id", flat=True)
        )
    return memo[(kind, day)]


def _station_scope(station_ids: list[int]) -> Q:
    # A station's scope includes its substations.
    return Q(station_id__in=station_ids) | Q(station__parent_id__in=station_ids)


def sectors_in_scope(user: AnyUser) -> QuerySet[Sector]:
    """Return the sectors the user may see in the back office."""
    role_set = roles(user)
    if not role_set:
        return Sector.objects.none()
    if role_set & KOSOVO_WIDE_READERS:
        return Sector.objects.all()
    scope = Q(pk__in=[])
    if Role.REGIONAL_COORDINATOR in role_set:
        scope |= Q(
            municipality__region_id__in=_regions(user, Role.REGIONAL_COORDINATOR)
        )
    if Role.STATION_COMMANDER in role_set:
        scope |= _station_scope(_stations(user, Role.STATION_COMMANDER))
    if Role.SECTOR_LEADER in role_set:
        scope |= Q(
            pk__in=_assigned_sector_ids(user, SectorAssignment.Kind.SECTOR_LEADER)
        )
    if Role.SECTOR_OFFICER in role_set:
        scope |= Q(
            pk__in=_assigned_sector_ids(user, SectorAssignment.Kind.SECTOR_OFFICER)
        )
    return Sector.objects.filter(scope)


# The roles whose scope holds sectors and the officers working them.
TERRITORIAL_ROLES = {
    Role.SECTOR_OFFICER,
    Role.SECTOR_LEADER,
    Role.STATION_COMMANDER,
    Role.REGIONAL_COORDINATOR,
    Role.DIRECTORATE_STAFF,
    Role.DIRECTOR_GENERAL,
}


def has_territorial_scope(user: AnyUser) -> bool:
    """Return whether the user's roles give them sectors and officers to see
    (without a query: the back office's menu asks on every page)."""
    return bool(roles(user) & TERRITORIAL_ROLES)


def can_view_sector(user: AnyUser, sector: Sector) -> bool:
    return sectors_in_scope(user).filter(pk=sector.pk).exists()


def can_assign_in_sector(user: AnyUser, sector: Sector) -> bool:
    """Directorate staff anywhere; a commander in their station; a leader in
    the sectors they lead."""
    role_set = roles(user)
    if Role.DIRECTORATE_STAFF in role_set:
        return True
    if (
        Role.STATION_COMMANDER in role_set
        and Sector.objects.filter(
            _station_scope(_stations(user, Role.STATION_COMMANDER)), pk=sector.pk
        ).exists()
    ):
        return True
    return Role.SECTOR_LEADER in role_set and sector.pk in _assigned_sector_ids(
        user, SectorAssignment.Kind.SECTOR_LEADER
    )


def can_propose_sector_change(user: AnyUser, sector: Sector) -> bool:
    return Sector.objects.filter(
        _station_scope(_stations(user, Role.STATION_COMMANDER)), pk=sector.pk
    ).exists()


def stations_for_officer_management(user: AnyUser) -> QuerySet[Station]:
    """Return the stations where the user may create and manage officers."""
    if has_role(user, Role.DIRECTORATE_STAFF):
        return Station.objects.all()
    ids = _stations(user, Role.STATION_COMMANDER)
    return Station.objects.filter(Q(pk__in=ids) | Q(parent_id__in=ids))


def can_manage_officers(user: AnyUser) -> bool:
    return has_role(user, Role.DIRECTORATE_STAFF, Role.STATION_COMMANDER)


def officers_in_scope(user: AnyUser) -> QuerySet[Officer]:
    """Return the officers the user may see in the back office."""
    role_set = roles(user)
    if not role_set:
        return Officer.objects.none()
    if role_set & KOSOVO_WIDE_READERS:
        return Officer.objects.all()
    day = clock.today()
    current = Q(assignments__start_date__lte=day) & (
        Q(assignments__end_date__isnull=True) | Q(assignments__end_date__gte=day)
    )
    scope = Q(user=user) if user.is_authenticated else Q(pk__in=[])
    scope |= current & Q(assignments__sector__in=sectors_in_scope(user))
    if Role.STATION_COMMANDER in role_set:
        scope |= Q(station__in=stations_for_officer_management(user))
    if Role.REGIONAL_COORDINATOR in role_set:
        regions = _regions(user, Role.REGIONAL_COORDINATOR)
        scope |= Q(station__municipality__region_id__in=regions) | Q(
            region_id__in=regions
        )
    return Officer.objects.filter(scope).distinct()


def can_view_officer(user: AnyUser, officer: Officer) -> bool:
    return officers_in_scope(user).filter(pk=officer.pk).exists()


def can_edit_officer_profile(user: AnyUser, officer: Officer) -> bool:
    """The officer themself, directorate staff, or their station's commander."""
    if user.is_authenticated and officer.user_id == user.pk and is_staff_member(user):
        return True
    if not can_manage_officers(user):
        return False
    return (
        officer.station_id is not None
        and stations_for_officer_management(user).filter(pk=officer.station_id).exists()
    ) or has_role(user, Role.DIRECTORATE_STAFF)


def can_link_accounts(user: AnyUser) -> bool:
    return has_role(user, Role.DIRECTORATE_STAFF)


def can_manage_users(user: AnyUser) -> bool:
    return has_role(user, Role.DIRECTORATE_STAFF, Role.ADMINISTRATOR)


def roles_grantable_by(user: AnyUser) -> list[str]:
    """Return the roles the user may grant and revoke: administrators any,
    directorate staff any but administrator (who runs the system, and so
    could lift any limit set here)."""
    if not can_manage_users(user):
        return []
    if has_role(user, Role.ADMINISTRATOR):
        return list(Role)
    return [role for role in Role if role != Role.ADMINISTRATOR]


def can_view_audit(user: AnyUser) -> bool:
    return has_role(user, Role.DIRECTORATE_STAFF, Role.ADMINISTRATOR)


def can_use_admin(user: AnyUser) -> bool:
    """The Django admin: reference data for directorate staff, the system for
    administrators."""
    return has_role(user, Role.DIRECTORATE_STAFF, Role.ADMINISTRATOR)


def can_review_sector_proposals(user: AnyUser) -> bool:
    """Directorate staff read (and later decide) sector change proposals."""
    return has_role(user, Role.DIRECTORATE_STAFF)


def officers_assignable(user: AnyUser) -> QuerySet[Officer]:
    """Return the officers in service the user may assign to a sector.

    Officers in the user's scope; a station commander (who is not also
    directorate staff) only those of the stations they manage.
    """
    officers = officers_in_scope(user).filter(is_active=True)
    if has_role(user, Role.STATION_COMMANDER) and not has_role(
        user, Role.DIRECTORATE_STAFF
    ):
        officers = officers.filter(station__in=stations_for_officer_management(user))
    return officers


# Concerns


def concerns_in_scope(user: AnyUser) -> QuerySet[Concern]:
    """Return the concerns of the sectors in the user's scope.

    Statistics clerks and administrators, who have no sectors, see none.
    """
    # A list of ids, not a subquery, even for Kosovo-wide readers: with it
    # the planner reads through the concerns' (sector, status, submitted)
    # index and estimates well (measured on a million concerns).
    sector_ids = list(sectors_in_scope(user).values_list("pk", flat=True))
    return Concern.objects.filter(sector_id__in=sector_ids)


def can_handle_concern(user: AnyUser, concern: Concern) -> bool:
    """Return whether the user may act on the concern: those who act in its
    sector (``sectors_acted_in``). Regional coordinators and the Director
    General only read concerns."""
    return can_act_in_sector(user, concern.sector_id)


def sectors_acted_in(user: AnyUser) -> QuerySet[Sector]:
    """Return the sectors where the user acts (handles concerns, publishes
    alerts): directorate staff everywhere, a commander in their station,
    leaders and officers in the sectors they work."""
    role_set = roles(user)
    if Role.DIRECTORATE_STAFF in role_set:
        return Sector.objects.all()
    scope = Q(pk__in=[])
    if Role.STATION_COMMANDER in role_set:
        scope |= _station_scope(_stations(user, Role.STATION_COMMANDER))
    for role, kind in (
        (Role.SECTOR_LEADER, SectorAssignment.Kind.SECTOR_LEADER),
        (Role.SECTOR_OFFICER, SectorAssignment.Kind.SECTOR_OFFICER),
    ):
        if role in role_set:
            scope |= Q(pk__in=_assigned_sector_ids(user, kind))
    return Sector.objects.filter(scope)


def can_act_in_sector(user: AnyUser, sector_id: int) -> bool:
    if has_role(user, Role.DIRECTORATE_STAFF):
        return True
    return sectors_acted_in(user).filter(pk=sector_id).exists()


def can_publish_alert(user: AnyUser, sector: Sector) -> bool:
    return can_act_in_sector(user, sector.pk)


def can_see_reporter_contact(user: AnyUser, concern: Concern) -> bool:
    """Return whether the user may see who raised the concern and how to reach
    them: only those who handle it, only if the reporter gave their name and
    agreed to be contacted."""
    return (
        concern.consent_to_contact
        and not concern.is_anonymous
        and can_handle_concern(user, concern)
    )


# Partnership: forums, meetings, priorities and problems


def _commanded_station_ids(user: AnyUser) -> list[int]:
    """Return the stations the user commands, with their substations."""
    ids = _stations(user, Role.STATION_COMMANDER)
    if not ids:
        return []
    return [
        *ids,
        *Station.objects.filter(parent_id__in=ids).values_list("pk", flat=True),
    ]


def forums_in_scope(user: AnyUser) -> QuerySet[Forum]:
    """Return the forums the user sees in the back office, in every status:
    the directorate and the Director General all; a regional coordinator
    their region's; a commander their station's; a secretary or chair the
    forums whose record they keep."""
    role_set = roles(user)
    if role_set & KOSOVO_WIDE_READERS:
        return Forum.objects.all()
    scope = Q(pk__in=[])
    if Role.REGIONAL_COORDINATOR in role_set:
        scope |= Q(
            municipality__region_id__in=_regions(user, Role.REGIONAL_COORDINATOR)
        )
    if Role.STATION_COMMANDER in role_set:
        scope |= Q(station_id__in=_commanded_station_ids(user))
    if Role.FORUM_SECRETARY in role_set:
        scope |= Q(pk__in=_kept_forum_ids(user))
    return Forum.objects.filter(scope)


def _kept_forum_ids(user: AnyUser) -> list[int]:
    """Return the forums whose record the user keeps today: they are its
    current secretary or chair, with an account linked to the seat."""
    if user.pk is None:
        return []
    day = clock.today()
    memo = user.__dict__.setdefault("_bashkesia_kept_forums", {})
    if day not in memo:
        memo[day] = list(
            Membership.objects.filter(
                Q(end_date__isnull=True) | Q(end_date__gte=day),
                user_id=user.pk,
                role__in=[MemberRole.SECRETARY, MemberRole.CHAIR],
                start_date__lte=day,
            ).values_list("forum_id", flat=True)
        )
    return memo[day]


def can_view_forum_record(user: AnyUser, forum: Forum) -> bool:
    """Return whether the user sees the forum's staff record (requests,
    requesters' contact, the security analysis, every meeting)."""
    return forums_in_scope(user).filter(pk=forum.pk).exists()


def can_propose_klsp(user: AnyUser, station: Station) -> bool:
    """A station commander proposes a KLSP in their own station's area."""
    return station.pk in _commanded_station_ids(user)


def can_review_klsp_request(user: AnyUser, forum: Forum) -> bool:
    """The commander of the forum's station approves or rejects citizens'
    request for a KLSP."""
    return forum.station_id in _commanded_station_ids(user)


def can_give_final_approval(user: AnyUser) -> bool:
    """The Director General gives (or refuses) a KLSP final approval."""
    return has_role(user, Role.DIRECTOR_GENERAL)


def can_set_up_forum(user: AnyUser, station: Station) -> bool:
    """Set up a KKSB or an EVSB, or dissolve a forum: directorate staff
    anywhere, a commander in their station."""
    return has_role(user, Role.DIRECTORATE_STAFF) or can_propose_klsp(user, station)


def can_dissolve_forum(user: AnyUser, forum: Forum) -> bool:
    return has_role(user, Role.DIRECTORATE_STAFF, Role.DIRECTOR_GENERAL) or (
        forum.station_id in _commanded_station_ids(user)
    )


def can_manage_members(user: AnyUser, forum: Forum) -> bool:
    """Record members and their seats: directorate staff, the commander of the
    forum's station, and the forum's secretary or chair."""
    return (
        has_role(user, Role.DIRECTORATE_STAFF)
        or forum.station_id in _commanded_station_ids(user)
        or can_keep_forum_record(user, forum)
    )


def can_keep_forum_record(user: AnyUser, forum: Forum) -> bool:
    """Schedule meetings, record attendance, draft and approve minutes, follow
    action items and the work plan: the forum's secretary or chair (holding
    the forum secretary role), and directorate staff."""
    if has_role(user, Role.DIRECTORATE_STAFF):
        return True
    return has_role(user, Role.FORUM_SECRETARY) and forum.pk in _kept_forum_ids(user)


def can_file_security_report(user: AnyUser, forum: Forum) -> bool:
    """The commander of the forum's station reports on security to a KKSB's
    meetings (directorate staff may file it for them)."""
    return forum.kind == ForumKind.KKSB and (
        has_role(user, Role.DIRECTORATE_STAFF)
        or forum.station_id in _commanded_station_ids(user)
    )


def can_manage_priorities(user: AnyUser, sector: Sector) -> bool:
    """Sector officers and leaders set their sectors' priorities (their
    commander and the directorate too): ``sectors_acted_in``."""
    return can_act_in_sector(user, sector.pk)


def problems_in_scope(user: AnyUser) -> QuerySet[Problem]:
    """Return the problems of the sectors in the user's scope (read)."""
    sector_ids = list(sectors_in_scope(user).values_list("pk", flat=True))
    return Problem.objects.filter(sector_id__in=sector_ids)


def can_work_problem(user: AnyUser, problem: Problem) -> bool:
    """Open and work a problem: those who act in its sector."""
    return can_act_in_sector(user, problem.sector_id)


def can_publish_event(user: AnyUser, sector: Sector) -> bool:
    """Publish a community event in a sector: those who act in it."""
    return can_act_in_sector(user, sector.pk)


# Partnership: the forums' back office (issue 6, forums)


FORUM_ROLES = {
    Role.DIRECTORATE_STAFF,
    Role.DIRECTOR_GENERAL,
    Role.REGIONAL_COORDINATOR,
    Role.STATION_COMMANDER,
    Role.FORUM_SECRETARY,
}


def can_use_forums_back_office(user: AnyUser) -> bool:
    """Return whether the user's roles give them forums to see in the back
    office (without a query: the menu asks on every page)."""
    return bool(roles(user) & FORUM_ROLES)


def forums_awaiting_decision(user: AnyUser) -> QuerySet[Forum]:
    """Return the KLSPs waiting for the user's decision: citizens' requests
    in the stations they command; for the Director General, those awaiting
    final approval."""
    scope = Q(
        kind=ForumKind.KLSP,
        status=ForumStatus.REQUESTED,
        station_id__in=_commanded_station_ids(user),
    )
    if can_give_final_approval(user):
        scope |= Q(kind=ForumKind.KLSP, status=ForumStatus.AWAITING_APPROVAL)
    return Forum.objects.filter(scope)


def can_edit_forum(user: AnyUser, forum: Forum) -> bool:
    """Change a forum's record (names, area, purpose, project): those who
    set forums up in its station (directorate staff, its commander)."""
    return can_set_up_forum(user, forum.station)


def stations_for_klsp_proposal(user: AnyUser) -> QuerySet[Station]:
    """Return the stations where the user may propose a KLSP: those they
    command, with their substations."""
    return Station.objects.filter(pk__in=_commanded_station_ids(user))


def stations_for_forum_setup(user: AnyUser) -> QuerySet[Station]:
    """Return the stations where the user may set up a KKSB or an EVSB."""
    if has_role(user, Role.DIRECTORATE_STAFF):
        return Station.objects.all()
    return stations_for_klsp_proposal(user)


def publishes_events(user: AnyUser) -> bool:
    """Return whether the user's roles let them publish community events
    (without a query: the back office's menu asks on every page); where,
    ``sectors_acted_in`` says."""
    return has_role(
        user,
        Role.DIRECTORATE_STAFF,
        Role.STATION_COMMANDER,
        Role.SECTOR_LEADER,
        Role.SECTOR_OFFICER,
    )


# General statistics (issue 7)

STATISTICS_ROLES = {
    Role.STATISTICS_CLERK,
    Role.REGIONAL_COORDINATOR,
    Role.DIRECTORATE_STAFF,
}


def uses_statistics_back_office(user: AnyUser) -> bool:
    """Return whether the user enters or confirms daily statistics (without
    a query: the back office's menu asks on every page)."""
    return bool(roles(user) & STATISTICS_ROLES)


def stations_for_statistics_entry(user: AnyUser) -> QuerySet[Station]:
    """Return the stations whose daily figures the user enters and corrects:
    a clerk's station (with its substations) or region; every station for
    directorate staff."""
    if has_role(user, Role.DIRECTORATE_STAFF):
        return Station.objects.all()
    station_ids = _stations(user, Role.STATISTICS_CLERK)
    region_ids = _regions(user, Role.STATISTICS_CLERK)
    if not station_ids and not region_ids:
        return Station.objects.none()
    return Station.objects.filter(
        Q(pk__in=station_ids)
        | Q(parent_id__in=station_ids)
        | Q(municipality__region_id__in=region_ids)
    )


def can_enter_statistics(user: AnyUser, station: Station) -> bool:
    return stations_for_statistics_entry(user).filter(pk=station.pk).exists()


def stations_for_statistics_confirmation(user: AnyUser) -> QuerySet[Station]:
    """Return the stations whose daily figures the user confirms: those of
    the region of a regional coordinator or a regional statistics clerk;
    every station for directorate staff."""
    if has_role(user, Role.DIRECTORATE_STAFF):
        return Station.objects.all()
    region_ids = _regions(user, Role.REGIONAL_COORDINATOR) + _regions(
        user, Role.STATISTICS_CLERK
    )
    return Station.objects.filter(municipality__region_id__in=region_ids)


def can_confirm_statistics(user: AnyUser, station: Station) -> bool:
    return stations_for_statistics_confirmation(user).filter(pk=station.pk).exists()
