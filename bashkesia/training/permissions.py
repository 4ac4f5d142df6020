"""Who may do what with the training of forum members.

The Community Safety Coordination Office's training coordinators, with the
directorate staff and the Director General, run the courses, sessions,
enrolments and certificates Kosovo-wide. A station commander reads the
enrolments of the forums their station looks after (substations included).
"""

from django.db.models import Q

from bashkesia.accounts.models import Role
from bashkesia.accounts.permissions import AnyUser, grants, has_role, roles
from bashkesia.partnership.models import Forum
from bashkesia.territory.models import Station

MANAGERS = {Role.TRAINING_COORDINATOR, Role.DIRECTORATE_STAFF, Role.DIRECTOR_GENERAL}


def can_manage_training(user: AnyUser) -> bool:
    """Courses, sessions, enrolments, attendance and certificates (without a
    query: the back office's menu asks on every page)."""
    return has_role(user, *MANAGERS)


def can_view_training(user: AnyUser) -> bool:
    """The back office's training pages: managers, and station commanders
    (read-only, their forums' enrolments)."""
    return bool(roles(user) & (MANAGERS | {Role.STATION_COMMANDER}))


def forum_scope(user: AnyUser) -> Q:
    """Return the condition on ``Forum`` of the forums whose members'
    training the user may read: every forum for managers; a commander's
    station's, with its substations."""
    if can_manage_training(user):
        return Q()
    station_ids = [
        grant.station_id
        for grant in _commander_grants(user)
        if grant.station_id is not None
    ]
    if not station_ids:
        return Q(pk__in=[])
    return Q(station_id__in=station_ids) | Q(station__parent_id__in=station_ids)


def _commander_grants(user: AnyUser) -> list:
    return [grant for grant in grants(user) if grant.role == Role.STATION_COMMANDER]


def can_view_forum_training(user: AnyUser, forum: Forum) -> bool:
    return Forum.objects.filter(forum_scope(user), pk=forum.pk).exists()


def stations_read(user: AnyUser) -> list[Station]:
    """Return the stations a commander reads the forums' training of."""
    return [grant.station for grant in _commander_grants(user) if grant.station]
