"""Every write to the safety forums: the KLSP establishment chain, setting up
a KKSB or an EVSB, editing and dissolving a forum, and its members.

A KLSP comes in two ways: citizens ask for one (the station commander
approves or rejects the request) or the commander proposes one from a
security analysis; either way the Director General gives final approval and
the forum becomes active. Each step is one service call that checks who may
take it (``PermissionDenied``) and that the forum's status allows it
(``ValidationError`` saying why not), records who, when and why as a
``ForumStep`` and tells the people involved (after the commit).
"""

import datetime
import re

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from bashkesia.accounts import permissions
from bashkesia.accounts.models import Role, RoleGrant
from bashkesia.concerns.services import tracking_code_new
from bashkesia.core import clock
from bashkesia.core.text import (
    albanian_to_cyrillic,
    clean_text,
    cyrillic_to_latin,
    latin_to_cyrillic,
)
from bashkesia.officers.models import Officer
from bashkesia.partners.models import Partner
from bashkesia.territory.models import Municipality, Sector, Settlement, Station

from .. import notifications
from ..models import (
    TITLE_LIMIT,
    Forum,
    ForumKind,
    ForumRequest,
    ForumStatus,
    ForumStep,
    MemberRole,
    Membership,
)
from ..selectors.forums import station_family_ids, station_main
from .checks import Errors, errors_raise, model_checked
from .meetings import meeting_cancel_upcoming

MIN_REQUESTERS = 2
NAME_LIMIT = 200
NAME_FIELDS = ["name_sq", "name_sr_latn", "name_sr", "name_en"]
CYRILLIC = re.compile("[\u0400-\u04ff]")
# The fields forum_update changes besides the names.
UPDATABLE = [
    "purpose",
    "area_description",
    "notice_days",
    "security_analysis",
    "goal",
    "partners",
    "starts_on",
    "ends_on",
    "outcome",
]
# The seats whose holder keeps the forum's record with an account.
RECORD_KEEPERS = (MemberRole.CHAIR, MemberRole.SECRETARY)


# Names in four languages


def _names_from_one(name: str, *, language: str) -> dict[str, str]:
    """Return a forum's four names from the one a citizen wrote.

    Serbian (in either script) gives both Serbian spellings; Albanian or
    English stays as written, and in Cyrillic reads as Serbian media write
    Albanian names.
    """
    if CYRILLIC.search(name):
        latin = cyrillic_to_latin(name)
        return {
            "name_sq": latin,
            "name_sr_latn": latin,
            "name_sr": name,
            "name_en": latin,
        }
    serbian = language in ("sr", "sr-latn")
    return {
        "name_sq": name,
        "name_sr_latn": name,
        "name_sr": latin_to_cyrillic(name) if serbian else albanian_to_cyrillic(name),
        "name_en": name,
    }


def _names(*, name_sq: str, name_sr_latn: str = "", name_en: str = "") -> dict:
    """Return a forum's four names: the Albanian one is required, the
    Serbian (Latin) and English ones default to it; the Cyrillic one is the
    Serbian name transliterated."""
    name_sq = clean_text(name_sq)[:NAME_LIMIT]
    name_sr_latn = clean_text(name_sr_latn)[:NAME_LIMIT]
    name_en = clean_text(name_en)[:NAME_LIMIT]
    return {
        "name_sq": name_sq,
        "name_sr_latn": name_sr_latn or name_sq,
        "name_sr": latin_to_cyrillic(name_sr_latn)
        if name_sr_latn
        else albanian_to_cyrillic(name_sq),
        "name_en": name_en or name_sq,
    }


# Helpers


def _locked(forum: Forum) -> Forum:
    return Forum.objects.select_for_update().get(pk=forum.pk)


def _step(forum: Forum, action: str, by: User | None, reason: str = "") -> ForumStep:
    return ForumStep.objects.create(
        forum=forum, action=action, by=by, reason=reason, at=clock.now()
    )


def _sectors_of(settlements: list[Settlement]) -> set[Sector]:
    return {s.sector for s in settlements if s.sector is not None}


def _clean_forum(forum: Forum, errors: Errors, exclude: list[str]) -> None:
    """Add the model's own complaints to ``errors`` (ours come first; the
    names are checked by the callers)."""
    model_checked(errors, forum, exclude=[*exclude, *NAME_FIELDS], constraints=False)


def _check_area(
    *,
    municipality: Municipality,
    sectors: list[Sector],
    settlements: list[Settlement],
    errors: Errors,
    station_ids: list[int] | None = None,
) -> None:
    """Check the sectors and settlements lie in ``municipality`` (and, with
    ``station_ids``, in those stations' sectors)."""
    outside = [s for s in settlements if s.municipality_id != municipality.pk]
    outside_sectors = [s for s in sectors if s.municipality_id != municipality.pk]
    if outside or outside_sectors:
        errors["settlements"] = [
            _("The area must lie in %(municipality)s.")
            % {"municipality": municipality.name}
        ]
        return
    if station_ids is not None:
        foreign = [
            s
            for s in settlements
            if s.sector is None or s.sector.station_id not in station_ids
        ]
        foreign_sectors = [s for s in sectors if s.station_id not in station_ids]
        if foreign or foreign_sectors:
            errors["settlements"] = [
                _("The area must lie in the sectors of your station.")
            ]


def _kksb_taken(municipality: Municipality, *, but: Forum | None = None) -> bool:
    others = Forum.objects.filter(municipality=municipality, kind=ForumKind.KKSB)
    if but is not None:
        others = others.exclude(pk=but.pk)
    return others.exclude(status=ForumStatus.DISSOLVED).exists()


def _check_project(
    *,
    kind: str,
    goal: str,
    starts_on: datetime.date | None,
    ends_on: datetime.date | None,
    errors: Errors,
) -> None:
    if kind != ForumKind.EVSB:
        return
    if not goal:
        errors["goal"] = [_("Say what the action team sets out to do.")]
    if starts_on and ends_on and ends_on < starts_on:
        errors["ends_on"] = [_("The project cannot end before it starts.")]


# The KLSP chain


def _request_station(settlements: list[Settlement], errors: Errors) -> Station | None:
    """Return the station whose sectors hold the settlements: a substation
    when all lie in it, else its parent station."""
    stations = {sector.station for sector in _sectors_of(settlements)}
    if len(stations) == 1:
        return stations.pop()
    parents = {station.parent or station for station in stations}
    if len(parents) == 1:
        return parents.pop()
    if parents:
        errors["settlements"] = [
            _(
                "These villages and neighbourhoods belong to different police "
                "stations: ask for one committee in one station's area."
            )
        ]
    return None


@transaction.atomic
def klsp_request_submit(
    *,
    name: str,
    municipality: Municipality,
    settlements: list[Settlement],
    requesters: str,
    reasons: str,
    contact_name: str,
    contact_email: str = "",
    contact_phone: str = "",
    language: str = "sq",
) -> ForumRequest:
    """Store citizens' written request for a KLSP in their village or
    neighbourhood, for the commander of the station whose sectors hold it.

    ``requesters`` are the names of the citizens who ask, one a line (two at
    least). Return the request, whose tracking code they follow it by.
    """
    errors: Errors = {}
    name = clean_text(name)[:NAME_LIMIT]
    requesters = "\n".join(
        line for line in (clean_text(r) for r in requesters.splitlines()) if line
    )
    reasons = clean_text(reasons)
    contact_name = clean_text(contact_name)[:120]
    if not name:
        errors["name"] = [_("Give the committee a name, such as your village's.")]
    if len(requesters.splitlines()) < MIN_REQUESTERS:
        errors["requesters"] = [
            _("Name at least two citizens who ask for the committee, one a line.")
        ]
    if not reasons:
        errors["reasons"] = [_("Say why your area needs a committee.")]
    if not contact_name:
        errors["contact_name"] = [_("Name the person the police may contact.")]
    station = None
    if not settlements:
        errors["settlements"] = [
            _("Choose the villages or neighbourhoods the committee is for.")
        ]
    elif any(s.municipality_id != municipality.pk for s in settlements):
        errors["settlements"] = [
            _(
                "The villages and neighbourhoods must all be in one "
                "municipality, %(municipality)s."
            )
            % {"municipality": municipality.name}
        ]
    elif any(s.sector_id is None for s in settlements):
        errors["settlements"] = [
            _("%(settlement)s lies in no police sector: choose another place.")
            % {"settlement": next(s for s in settlements if s.sector_id is None).name}
        ]
    else:
        station = _request_station(settlements, errors)
    forum = Forum(
        kind=ForumKind.KLSP,
        status=ForumStatus.REQUESTED,
        origin=Forum.Origin.CITIZENS,
        municipality=municipality,
        station=station,
        **_names_from_one(name, language=language),
    )
    request = ForumRequest(
        tracking_code=tracking_code_new(),
        requesters=requesters,
        reasons=reasons,
        contact_name=contact_name,
        contact_email=contact_email.strip(),
        contact_phone=clean_text(contact_phone)[:40],
        language=language,
    )
    _clean_forum(forum, errors, exclude=["municipality", "station"])
    try:
        request.full_clean(exclude=["forum"])
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, messages)
    errors_raise(errors)
    forum.save()
    forum.settlements.set(settlements)
    forum.sectors.set(_sectors_of(settlements))
    request.forum = forum
    request.save()
    _step(forum, ForumStep.Action.REQUESTED, None)
    notifications.requesters_notify_submitted(request=request)
    notifications.commanders_notify_request(forum=forum)
    return request


@transaction.atomic
def klsp_propose(
    *,
    by: User,
    station: Station,
    name_sq: str,
    name_sr_latn: str = "",
    name_en: str = "",
    purpose: str,
    security_analysis: str,
    area_description: str = "",
    sectors: list[Sector] | None = None,
    settlements: list[Settlement] | None = None,
    notice_days: int = 7,
) -> Forum:
    """The station commander proposes a KLSP in their station's area, from
    a security analysis; it goes to the Director General for approval."""
    if not permissions.can_propose_klsp(by, station):
        raise PermissionDenied(_("Only the station's commander proposes a KLSP."))
    sectors, settlements = list(sectors or []), list(settlements or [])
    errors: Errors = {}
    names = _names(name_sq=name_sq, name_sr_latn=name_sr_latn, name_en=name_en)
    purpose, security_analysis = clean_text(purpose), clean_text(security_analysis)
    if not names["name_sq"]:
        errors["name_sq"] = [_("Give the committee a name.")]
    if not purpose:
        errors["purpose"] = [_("Say what the committee is for.")]
    if not security_analysis:
        errors["security_analysis"] = [
            _("Give the security analysis behind the proposal.")
        ]
    if not sectors and not settlements:
        errors["settlements"] = [
            _("Choose the villages, neighbourhoods or sectors the committee covers.")
        ]
    else:
        _check_area(
            municipality=station.municipality,
            sectors=sectors,
            settlements=settlements,
            errors=errors,
            station_ids=station_family_ids(station=station),
        )
    forum = Forum(
        kind=ForumKind.KLSP,
        status=ForumStatus.AWAITING_APPROVAL,
        origin=Forum.Origin.STATION,
        municipality=station.municipality,
        station=station,
        purpose=purpose,
        security_analysis=security_analysis,
        area_description=clean_text(area_description)[:TITLE_LIMIT],
        notice_days=notice_days,
        **names,
    )
    _clean_forum(forum, errors, exclude=["municipality", "station"])
    errors_raise(errors)
    forum.save()
    forum.sectors.set({*sectors, *_sectors_of(settlements)})
    forum.settlements.set(settlements)
    _step(forum, ForumStep.Action.PROPOSED, by)
    notifications.director_general_notify_awaiting(forum=forum)
    return forum


def _check_klsp(forum: Forum) -> None:
    if forum.kind != ForumKind.KLSP:
        raise ValidationError(
            _("Only a local public safety committee (KLSP) goes through approval.")
        )


def _reason_required(reason: str, message: str) -> str:
    reason = clean_text(reason)
    if not reason:
        raise ValidationError({"reason": [message]})
    return reason


@transaction.atomic
def klsp_station_decide(
    *, forum: Forum, by: User, approve: bool, reason: str = ""
) -> Forum:
    """The station commander approves citizens' request for a KLSP (it goes
    on to the Director General) or rejects it, with a reason."""
    if not permissions.can_review_klsp_request(by, forum):
        raise PermissionDenied(
            _("Only the commander of the forum's station decides on the request.")
        )
    forum = _locked(forum)
    _check_klsp(forum)
    if forum.status != ForumStatus.REQUESTED:
        raise ValidationError(
            _(
                "Only a request awaiting the station commander can be approved "
                "by the station."
            )
            if approve
            else _(
                "Only a request awaiting the station commander can be rejected "
                "by the station."
            )
        )
    if approve:
        forum.status = ForumStatus.AWAITING_APPROVAL
        step = _step(forum, ForumStep.Action.STATION_APPROVED, by, clean_text(reason))
    else:
        reason = _reason_required(
            reason, _("Give the reason the requesters will read.")
        )
        forum.status = ForumStatus.REJECTED
        forum.status_reason = reason
        step = _step(forum, ForumStep.Action.STATION_REJECTED, by, reason)
    forum.save(update_fields=["status", "status_reason", "updated_at"])
    notifications.requesters_notify_step(forum=forum, step=step)
    if approve:
        notifications.director_general_notify_awaiting(forum=forum)
    return forum


@transaction.atomic
def klsp_final_decide(
    *, forum: Forum, by: User, approve: bool, reason: str = ""
) -> Forum:
    """The Director General gives a KLSP final approval (it is established
    today and becomes public) or refuses it, with a reason."""
    if not permissions.can_give_final_approval(by):
        raise PermissionDenied(_("Only the Director General gives final approval."))
    forum = _locked(forum)
    _check_klsp(forum)
    if forum.status != ForumStatus.AWAITING_APPROVAL:
        raise ValidationError(
            _(
                "Only a committee awaiting the Director General's approval can "
                "be approved."
            )
            if approve
            else _(
                "Only a committee awaiting the Director General's approval can "
                "be rejected."
            )
        )
    if approve:
        forum.status = ForumStatus.ACTIVE
        forum.established_on = clock.today()
        step = _step(forum, ForumStep.Action.APPROVED, by, clean_text(reason))
        _step(forum, ForumStep.Action.ESTABLISHED, by)
    else:
        reason = _reason_required(
            reason, _("Give the reason the station and the requesters will read.")
        )
        forum.status = ForumStatus.REJECTED
        forum.status_reason = reason
        step = _step(forum, ForumStep.Action.REJECTED, by, reason)
    forum.save(
        update_fields=["status", "status_reason", "established_on", "updated_at"]
    )
    notifications.requesters_notify_step(forum=forum, step=step)
    notifications.commanders_notify_final(forum=forum, step=step)
    return forum


# KKSB and EVSB; any forum's record


@transaction.atomic
def forum_create(
    *,
    by: User,
    kind: str,
    municipality: Municipality,
    name_sq: str,
    name_sr_latn: str = "",
    name_en: str = "",
    station: Station | None = None,
    purpose: str = "",
    area_description: str = "",
    sectors: list[Sector] | None = None,
    settlements: list[Settlement] | None = None,
    notice_days: int = 7,
    goal: str = "",
    partners: str = "",
    starts_on: datetime.date | None = None,
    ends_on: datetime.date | None = None,
) -> Forum:
    """Set up a KKSB (one per municipality) or an EVSB: active at once.

    A KKSB's station defaults to the municipality's main station. Directorate
    staff set forums up anywhere, a station commander in their station.
    """
    sectors, settlements = list(sectors or []), list(settlements or [])
    errors: Errors = {}
    if kind not in (ForumKind.KKSB, ForumKind.EVSB):
        raise ValidationError(
            {
                "kind": [
                    _(
                        "A KLSP is requested by citizens or proposed by the "
                        "station commander, then approved."
                    )
                ]
            }
        )
    if station is None and kind == ForumKind.KKSB:
        station = station_main(municipality=municipality)
    if station is None:
        raise ValidationError(
            {"station": [_("Choose the police station that looks after the forum.")]}
        )
    if not permissions.can_set_up_forum(by, station):
        raise PermissionDenied(
            _("Only directorate staff or the station's commander set up a forum.")
        )
    if station.municipality_id != municipality.pk:
        errors["station"] = [
            _("The station must be in %(municipality)s.")
            % {"municipality": municipality.name}
        ]
    if kind == ForumKind.KKSB and _kksb_taken(municipality):
        errors["municipality"] = [
            _(
                "%(municipality)s already has a municipal community safety "
                "council (KKSB): there is one per municipality."
            )
            % {"municipality": municipality.name}
        ]
    names = _names(name_sq=name_sq, name_sr_latn=name_sr_latn, name_en=name_en)
    if not names["name_sq"]:
        errors["name_sq"] = [_("Give the forum a name.")]
    goal = clean_text(goal)
    _check_project(
        kind=kind, goal=goal, starts_on=starts_on, ends_on=ends_on, errors=errors
    )
    _check_area(
        municipality=municipality,
        sectors=sectors,
        settlements=settlements,
        errors=errors,
    )
    is_evsb = kind == ForumKind.EVSB
    forum = Forum(
        kind=kind,
        status=ForumStatus.ACTIVE,
        origin=Forum.Origin.DIRECTORATE
        if permissions.has_role(by, Role.DIRECTORATE_STAFF)
        else Forum.Origin.STATION,
        municipality=municipality,
        station=station,
        purpose=clean_text(purpose),
        area_description=clean_text(area_description)[:TITLE_LIMIT],
        notice_days=notice_days,
        established_on=clock.today(),
        goal=goal if is_evsb else "",
        partners=clean_text(partners)[:TITLE_LIMIT] if is_evsb else "",
        starts_on=starts_on if is_evsb else None,
        ends_on=ends_on if is_evsb else None,
        **names,
    )
    _clean_forum(forum, errors, exclude=["municipality", "station"])
    errors_raise(errors)
    forum.save()
    forum.sectors.set({*sectors, *_sectors_of(settlements)})
    forum.settlements.set(settlements)
    _step(forum, ForumStep.Action.ESTABLISHED, by)
    return forum


@transaction.atomic
def forum_update(
    *,
    forum: Forum,
    by: User,
    name_sq: str,
    name_sr_latn: str = "",
    name_en: str = "",
    purpose: str = "",
    area_description: str = "",
    sectors: list[Sector] | None = None,
    settlements: list[Settlement] | None = None,
    notice_days: int = 7,
    security_analysis: str = "",
    goal: str = "",
    partners: str = "",
    starts_on: datetime.date | None = None,
    ends_on: datetime.date | None = None,
    outcome: str = "",
    partner_organisations: list[Partner] | None = None,
) -> Forum:
    """Change a forum's names, area, purpose and (an EVSB's) project, and
    its partner organisations (None leaves them as they are).

    The kind, municipality and station stay; a rejected request stays as it
    was decided.
    """
    if not permissions.can_edit_forum(by, forum):
        raise PermissionDenied(_("You may not change this forum."))
    forum = _locked(forum)
    if forum.status == ForumStatus.REJECTED:
        raise ValidationError(_("A forum that was not approved cannot be changed."))
    sectors, settlements = list(sectors or []), list(settlements or [])
    errors: Errors = {}
    names = _names(name_sq=name_sq, name_sr_latn=name_sr_latn, name_en=name_en)
    if not names["name_sq"]:
        errors["name_sq"] = [_("Give the forum a name.")]
    goal = clean_text(goal)
    _check_project(
        kind=forum.kind, goal=goal, starts_on=starts_on, ends_on=ends_on, errors=errors
    )
    if forum.kind == ForumKind.KLSP and not sectors and not settlements:
        errors["settlements"] = [
            _("Choose the villages, neighbourhoods or sectors the committee covers.")
        ]
    else:
        _check_area(
            municipality=forum.municipality,
            sectors=sectors,
            settlements=settlements,
            errors=errors,
        )
    if partner_organisations is not None:
        current = set(forum.partner_organisations.values_list("pk", flat=True))
        if any(not p.is_active and p.pk not in current for p in partner_organisations):
            errors["partner_organisations"] = [
                _("An inactive partner cannot join a forum.")
            ]
    is_evsb = forum.kind == ForumKind.EVSB
    for field, value in names.items():
        setattr(forum, field, value)
    forum.purpose = clean_text(purpose)
    forum.area_description = clean_text(area_description)[:TITLE_LIMIT]
    forum.notice_days = notice_days
    forum.security_analysis = clean_text(security_analysis)
    forum.goal = goal if is_evsb else ""
    forum.partners = clean_text(partners)[:TITLE_LIMIT] if is_evsb else ""
    forum.starts_on = starts_on if is_evsb else None
    forum.ends_on = ends_on if is_evsb else None
    forum.outcome = clean_text(outcome) if is_evsb else ""
    _clean_forum(forum, errors, exclude=["municipality", "station"])
    errors_raise(errors)
    forum.save(update_fields=[*names, *UPDATABLE, "updated_at"])
    forum.sectors.set({*sectors, *_sectors_of(settlements)})
    forum.settlements.set(settlements)
    if partner_organisations is not None:
        forum.partner_organisations.set(partner_organisations)
    return forum


@transaction.atomic
def forum_dissolve(*, forum: Forum, by: User, reason: str) -> Forum:
    """Dissolve an active forum, with the reason; its page stays public,
    marked as dissolved. Its scheduled meetings that have not started are
    cancelled for that reason (calendars hear of it); the requesters and the
    station's commanders (but the one dissolving it) are told."""
    if not permissions.can_dissolve_forum(by, forum):
        raise PermissionDenied(_("You may not dissolve this forum."))
    forum = _locked(forum)
    if forum.status != ForumStatus.ACTIVE:
        raise ValidationError(_("Only an active forum can be dissolved."))
    reason = _reason_required(reason, _("Give the reason the forum is dissolved."))
    forum.status = ForumStatus.DISSOLVED
    forum.dissolved_on = clock.today()
    forum.status_reason = reason
    forum.save(update_fields=["status", "dissolved_on", "status_reason", "updated_at"])
    step = _step(forum, ForumStep.Action.DISSOLVED, by, reason)
    meeting_cancel_upcoming(forum=forum, reason=reason)
    notifications.requesters_notify_step(forum=forum, step=step)
    notifications.commanders_notify_dissolved(forum=forum, step=step)
    return forum


# Members


def _check_membership(membership: Membership, errors: Errors) -> None:
    forum = membership.forum
    if not membership.name:
        errors["name"] = [_("Give the member's name.")]
    if membership.end_date and membership.end_date < membership.start_date:
        errors["end_date"] = [_("A seat cannot end before it starts.")]
    if forum.kind == ForumKind.KKSB and not membership.appointment_reference:
        errors["appointment_reference"] = [
            _(
                "A KKSB member is appointed by the municipal assembly: give "
                "the decision's reference."
            )
        ]
    if membership.role == MemberRole.CHAIR and not errors.get("end_date"):
        chairs = forum.memberships.filter(role=MemberRole.CHAIR).exclude(
            pk=membership.pk
        )
        if membership.end_date is not None:
            chairs = chairs.filter(start_date__lte=membership.end_date)
        overlapping = chairs.exclude(end_date__lt=membership.start_date)
        if overlapping.exists():
            errors["role"] = [
                _("The forum already has a chair in that period: end their seat first.")
            ]
    if membership.officer is not None and not membership.officer.is_active:
        errors["officer"] = [_("This officer is no longer in service.")]
    try:
        # The constraints are the rules checked above, in our words.
        membership.full_clean(
            exclude=["forum", "officer", "user"], validate_constraints=False
        )
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, messages)


def _record_keeper_sync(user: User | None) -> None:
    """Give the forum secretary role to whoever holds a chair or secretary
    seat with an account (from today or later), and take it back from whoever
    no longer does. The role is appointed with the forums, never by hand."""
    if user is None:
        return
    today = clock.today()
    keeps = Membership.objects.filter(
        user=user,
        role__in=RECORD_KEEPERS,
        forum__status__in=[
            ForumStatus.ACTIVE,
            ForumStatus.REQUESTED,
            ForumStatus.AWAITING_APPROVAL,
        ],
    ).exclude(end_date__lt=today)
    grants = RoleGrant.objects.filter(
        user=user, role=Role.FORUM_SECRETARY, revoked_at__isnull=True
    )
    if keeps.exists() and not grants.exists():
        # RoleGrant.clean refuses this role from the users' page on purpose.
        RoleGrant.objects.create(user=user, role=Role.FORUM_SECRETARY)
    elif not keeps.exists() and grants.exists():
        for grant in grants:
            grant.revoked_at = clock.now()
            grant.save(update_fields=["revoked_at", "updated_at"])
    user.__dict__.pop("_bashkesia_grants", None)


def _check_member_permission(forum: Forum, by: User) -> None:
    if not permissions.can_manage_members(by, forum):
        raise PermissionDenied(_("You may not change this forum's members."))


@transaction.atomic
def membership_add(
    *,
    forum: Forum,
    by: User,
    name: str,
    role: str,
    start_date: datetime.date,
    end_date: datetime.date | None = None,
    organisation: str = "",
    gender: str = "undisclosed",
    community: str = "undisclosed",
    age_band: str = "undisclosed",
    name_is_public: bool = False,
    appointment_reference: str = "",
    officer: Officer | None = None,
    user: User | None = None,
    language: str = "sq",
) -> Membership:
    """Give a person a seat in the forum.

    A forum has one chair at a time; a KKSB's members carry the municipal
    assembly's appointment decision. A chair or secretary with an account
    keeps the forum's record (meetings, minutes) from then on.
    """
    _check_member_permission(forum, by)
    forum = _locked(forum)
    if forum.status in (ForumStatus.DISSOLVED, ForumStatus.REJECTED):
        raise ValidationError(_("A dissolved or rejected forum takes no new members."))
    membership = Membership(
        forum=forum,
        name=clean_text(name)[:120],
        role=role,
        start_date=start_date,
        end_date=end_date,
        organisation=clean_text(organisation)[:TITLE_LIMIT],
        gender=gender,
        community=community,
        age_band=age_band,
        name_is_public=name_is_public,
        appointment_reference=clean_text(appointment_reference)[:120],
        officer=officer,
        user=user,
        language=language,
    )
    errors: Errors = {}
    _check_membership(membership, errors)
    errors_raise(errors)
    membership.save()
    _record_keeper_sync(user)
    return membership


@transaction.atomic
def membership_update(
    *,
    membership: Membership,
    by: User,
    name: str,
    role: str,
    start_date: datetime.date,
    end_date: datetime.date | None = None,
    organisation: str = "",
    gender: str = "undisclosed",
    community: str = "undisclosed",
    age_band: str = "undisclosed",
    name_is_public: bool = False,
    appointment_reference: str = "",
    officer: Officer | None = None,
    user: User | None = None,
    language: str = "sq",
) -> Membership:
    """Correct a seat: the person's details, role, dates and links."""
    _check_member_permission(membership.forum, by)
    membership.forum = _locked(membership.forum)
    previous_user = membership.user
    membership.name = clean_text(name)[:120]
    membership.role = role
    membership.start_date = start_date
    membership.end_date = end_date
    membership.organisation = clean_text(organisation)[:TITLE_LIMIT]
    membership.gender = gender
    membership.community = community
    membership.age_band = age_band
    membership.name_is_public = name_is_public
    membership.appointment_reference = clean_text(appointment_reference)[:120]
    membership.officer = officer
    membership.user = user
    membership.language = language
    errors: Errors = {}
    _check_membership(membership, errors)
    errors_raise(errors)
    membership.save()
    _record_keeper_sync(user)
    if previous_user is not None and previous_user != user:
        _record_keeper_sync(previous_user)
    return membership


@transaction.atomic
def membership_end(
    *, membership: Membership, by: User, end_date: datetime.date
) -> Membership:
    """End a seat on ``end_date`` (its last day)."""
    _check_member_permission(membership.forum, by)
    if membership.end_date is not None and membership.end_date < clock.today():
        raise ValidationError(_("This seat has already ended."))
    if end_date < membership.start_date:
        raise ValidationError({"end_date": [_("A seat cannot end before it starts.")]})
    membership.end_date = end_date
    membership.save(update_fields=["end_date", "updated_at"])
    _record_keeper_sync(membership.user)
    return membership
