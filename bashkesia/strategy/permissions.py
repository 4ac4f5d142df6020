"""Who may do what with the strategy and action plan.

Directorate staff and the Director General edit everything: strategies,
objectives, sub-objectives, activities, indicators and measurements. An
activity's reporters (staff users named on it) update its status and
progress and enter the measurements of its indicators. Everyone reads the
published strategies.
"""

from bashkesia.accounts.models import Role
from bashkesia.accounts.permissions import AnyUser, has_role, is_staff_member

from .models import Activity, Indicator

EDITORS = (Role.DIRECTORATE_STAFF, Role.DIRECTOR_GENERAL)


def edits_strategy(user: AnyUser) -> bool:
    """Return whether the user edits every part of every strategy."""
    return has_role(user, *EDITORS)


def is_reporter(user: AnyUser, activity: Activity) -> bool:
    """Return whether the user is a staff member named on the activity."""
    if not is_staff_member(user):
        return False
    return activity.reporters.filter(pk=user.pk or 0).exists()


def reports_on(user: AnyUser, activity: Activity) -> bool:
    """Return whether the user may update the activity's status and
    progress."""
    return edits_strategy(user) or is_reporter(user, activity)


def measures(user: AnyUser, indicator: Indicator) -> bool:
    """Return whether the user may enter measurements of the indicator: an
    editor, or a reporter of the activity it measures."""
    if edits_strategy(user):
        return True
    return indicator.activity is not None and is_reporter(user, indicator.activity)


def uses_strategy_back_office(user: AnyUser) -> bool:
    """Return whether the back office shows the user the strategy: editors,
    and staff named as reporters on some activity."""
    if edits_strategy(user):
        return True
    if not is_staff_member(user):
        return False
    return Activity.objects.filter(reporters__pk=user.pk or 0).exists()
