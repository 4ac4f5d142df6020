"""Who may do what with surveys in the back office.

Directorate staff and the Director General manage every survey; a station
commander manages the surveys of their station's municipality (never a
Kosovo-wide one).
"""

from django.db.models import Q, QuerySet

from bashkesia.accounts.models import Role
from bashkesia.accounts.permissions import AnyUser, grants, has_role
from bashkesia.territory.models import Municipality

from .models import Survey

KOSOVO_WIDE = (Role.DIRECTORATE_STAFF, Role.DIRECTOR_GENERAL)


def _commanded_municipality_ids(user: AnyUser) -> set[int]:
    return {
        grant.station.municipality_id
        for grant in grants(user)
        if grant.role == Role.STATION_COMMANDER and grant.station is not None
    }


def uses_surveys_back_office(user: AnyUser) -> bool:
    return has_role(user, *KOSOVO_WIDE) or bool(_commanded_municipality_ids(user))


def survey_municipalities(user: AnyUser) -> QuerySet[Municipality]:
    """Return the municipalities whose surveys the user may manage."""
    if has_role(user, *KOSOVO_WIDE):
        return Municipality.objects.defer("boundary").order_by("name_sq")
    return (
        Municipality.objects.defer("boundary")
        .filter(pk__in=_commanded_municipality_ids(user))
        .order_by("name_sq")
    )


def may_run_national_surveys(user: AnyUser) -> bool:
    return has_role(user, *KOSOVO_WIDE)


def surveys_in_scope(user: AnyUser) -> Q:
    """Return the condition on surveys the user may see and manage."""
    if has_role(user, *KOSOVO_WIDE):
        return Q()
    return Q(municipality_id__in=_commanded_municipality_ids(user))


def can_manage_survey(user: AnyUser, survey: Survey) -> bool:
    if has_role(user, *KOSOVO_WIDE):
        return True
    return (
        survey.municipality_id is not None
        and survey.municipality_id in _commanded_municipality_ids(user)
    )


def can_manage_scope(user: AnyUser, municipality: Municipality | None) -> bool:
    """Return whether the user may run a survey of ``municipality`` (None:
    all Kosovo)."""
    if has_role(user, *KOSOVO_WIDE):
        return True
    return municipality is not None and municipality.pk in (
        _commanded_municipality_ids(user)
    )
