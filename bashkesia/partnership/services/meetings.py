"""A forum's record: meetings and their attendance, minutes, recommendations,
action items, a KKSB's annual work plan and the station commander's security
report.

The forum's secretary or chair keeps the record
(``permissions.can_keep_forum_record``); the commander of the forum's station
files a KKSB's security reports (``permissions.can_file_security_report``).
A public meeting is mirrored in the public calendar by an ``Event`` that these
services keep in step (``_event_sync``).

Minutes are drafted by the secretary and approved at a later meeting of the
same forum. Approved minutes never change: a correction is a new version,
drafted and approved in turn.
"""

import datetime
from collections.abc import Iterable, Mapping

from django.contrib.auth.models import User
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bashkesia.accounts import permissions
from bashkesia.core import clock
from bashkesia.core.text import clean_text

from ..models import (
    TEXT_LIMIT,
    TITLE_LIMIT,
    ActionItem,
    ActionItemUpdate,
    AgeBand,
    Community,
    Event,
    Forum,
    ForumKind,
    ForumStatus,
    Gender,
    Meeting,
    Membership,
    Minutes,
    Recommendation,
    WorkPlan,
)
from .checks import Errors, errors_raise, model_checked, text_checked

MINUTES_LIMIT = 50000
REPORT_LIMIT = 20000
REFERENCE_LIMIT = 120
# The breakdowns of the citizens counted at a meeting, with their keys.
BREAKDOWNS: dict[str, type[Gender] | type[Community] | type[AgeBand]] = {
    "gender": Gender,
    "community": Community,
    "age_band": AgeBand,
}
CLOSED_ITEM = (ActionItem.Status.DONE, ActionItem.Status.DROPPED)


# Helpers


def _refuse(message: str) -> ValidationError:
    return ValidationError({NON_FIELD_ERRORS: [message]})


def _require_keeper(by: User, forum: Forum) -> None:
    if not permissions.can_keep_forum_record(by, forum):
        raise PermissionDenied(_("You do not keep the record of this forum."))


def _locked(meeting: Meeting) -> Meeting:
    """Return the meeting locked for the rest of the transaction."""
    return (
        Meeting.objects.select_for_update().select_related("forum").get(pk=meeting.pk)
    )


def _meeting_day(meeting: Meeting) -> datetime.date:
    return timezone.localdate(meeting.starts_at)


def _has_started(meeting: Meeting) -> bool:
    return meeting.starts_at <= clock.now()


def _notice_warning(forum: Forum, starts_at: datetime.datetime) -> str | None:
    """Return the warning to show when the public is told of a meeting later
    than the forum's rule asks (None: in time)."""
    ahead = starts_at - clock.now()
    if ahead >= datetime.timedelta(days=forum.notice_days):
        return None
    if ahead <= datetime.timedelta(0):
        return _(
            "This meeting has already started: the public had no notice ahead of "
            "it (this forum's rule is %(rule)s days)."
        ) % {"rule": forum.notice_days}
    return ngettext(
        "Public notice is given %(days)s day ahead; this forum's rule is "
        "%(rule)s days.",
        "Public notice is given %(days)s days ahead; this forum's rule is "
        "%(rule)s days.",
        ahead.days,
    ) % {"days": ahead.days, "rule": forum.notice_days}


def _meeting_fields(
    meeting: Meeting,
    *,
    title: str,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime | None,
    place: str,
    online_link: str,
    is_public: bool,
    agenda: str,
) -> Errors:
    """Put the cleaned values on ``meeting``; return the problems found."""
    errors: Errors = {}
    meeting.title = text_checked(
        errors, "title", title, empty=_("Give the meeting a title."), limit=TITLE_LIMIT
    )
    meeting.starts_at = starts_at
    meeting.ends_at = ends_at
    meeting.place = text_checked(errors, "place", place, empty=None, limit=TITLE_LIMIT)
    meeting.online_link = (online_link or "").strip()
    meeting.is_public = is_public
    agenda_lines = [clean_text(line) for line in (agenda or "").splitlines()]
    meeting.agenda = "\n".join(line for line in agenda_lines if line)
    if len(meeting.agenda) > TEXT_LIMIT:
        errors["agenda"] = [
            _("Write at most %(limit)s characters (this has %(count)s).")
            % {"limit": TEXT_LIMIT, "count": len(meeting.agenda)}
        ]
    if not meeting.place and not meeting.online_link:
        errors["place"] = [_("Say where the meeting is held, or give an online link.")]
    if ends_at is not None and ends_at < starts_at:
        errors["ends_at"] = [_("The meeting cannot end before it starts.")]
    return errors


# The public calendar


def _event_sync(meeting: Meeting) -> Event | None:
    """Keep the calendar entry of ``meeting`` in step with it: a public
    meeting has one (marked cancelled when the meeting is), a closed one none.
    Every change calendar clients must see bumps the entry's SEQUENCE."""
    event = Event.objects.filter(meeting=meeting).first()
    if not meeting.is_public:
        if event is not None:
            event.delete()
        return None
    forum = meeting.forum
    sector_ids = list(forum.sectors.values_list("pk", flat=True)[:2])
    fields = {
        "kind": Event.Kind.FORUM_MEETING,
        "forum_id": forum.pk,
        "municipality_id": forum.municipality_id,
        "sector_id": sector_ids[0] if len(sector_ids) == 1 else None,
        "title": meeting.title,
        "description": "\n".join(meeting.agenda_items),
        "starts_at": meeting.starts_at,
        "ends_at": meeting.ends_at,
        "place": meeting.place,
        "online_link": meeting.online_link,
        "is_cancelled": meeting.status == Meeting.Status.CANCELLED,
    }
    if event is None:
        event = Event(meeting=meeting, created_by_id=meeting.created_by_id, **fields)
        event.full_clean(exclude=["created_by"], validate_unique=False)
        event.save()
        return event
    changed = [name for name, value in fields.items() if getattr(event, name) != value]
    if changed:
        for name in changed:
            setattr(event, name, fields[name])
        event.sequence += 1
        event.full_clean(exclude=["created_by"], validate_unique=False)
        event.save(update_fields=[*changed, "sequence", "updated_at"])
    return event


# Meetings


@transaction.atomic
def meeting_schedule(
    *,
    forum: Forum,
    title: str,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime | None = None,
    place: str = "",
    online_link: str = "",
    is_public: bool = True,
    agenda: str = "",
    by: User,
) -> tuple[Meeting, str | None]:
    """Schedule a meeting of an active forum; return it and a warning when a
    public meeting is announced later than the forum's notice rule (a warning,
    not a refusal). A public meeting enters the public calendar."""
    _require_keeper(by, forum)
    if forum.status != ForumStatus.ACTIVE:
        raise _refuse(_("Only an active forum holds meetings."))
    meeting = Meeting(forum=forum, created_by=by)
    errors = _meeting_fields(
        meeting,
        title=title,
        starts_at=starts_at,
        ends_at=ends_at,
        place=place,
        online_link=online_link,
        is_public=is_public,
        agenda=agenda,
    )
    model_checked(errors, meeting, exclude=["forum", "created_by"], constraints=False)
    errors_raise(errors)
    warning = None
    if is_public:
        meeting.notice_given_at = clock.now()
        warning = _notice_warning(forum, starts_at)
    meeting.save()
    _event_sync(meeting)
    return meeting, warning


@transaction.atomic
def meeting_update(
    *,
    meeting: Meeting,
    title: str,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime | None = None,
    place: str = "",
    online_link: str = "",
    is_public: bool = True,
    agenda: str = "",
    by: User,
) -> tuple[Meeting, str | None]:
    """Change a meeting that is not cancelled; return it and the notice
    warning when the public is told of it (again) now: it became public, or
    a public meeting moved. The calendar entry follows."""
    _require_keeper(by, meeting.forum)
    meeting = _locked(meeting)
    if meeting.status == Meeting.Status.CANCELLED:
        raise _refuse(_("A cancelled meeting cannot be changed."))
    was_public, old_start = meeting.is_public, meeting.starts_at
    errors = _meeting_fields(
        meeting,
        title=title,
        starts_at=starts_at,
        ends_at=ends_at,
        place=place,
        online_link=online_link,
        is_public=is_public,
        agenda=agenda,
    )
    if meeting.status == Meeting.Status.HELD and starts_at > clock.now():
        errors.setdefault("starts_at", []).append(
            _("The meeting was held: it cannot start in the future.")
        )
    model_checked(errors, meeting, exclude=["forum", "created_by"], constraints=False)
    errors_raise(errors)
    warning = None
    if not is_public:
        meeting.notice_given_at = None
    elif not was_public or starts_at != old_start:
        meeting.notice_given_at = clock.now()
        if meeting.status == Meeting.Status.SCHEDULED:
            warning = _notice_warning(meeting.forum, starts_at)
    meeting.save()
    _event_sync(meeting)
    return meeting, warning


@transaction.atomic
def meeting_cancel(*, meeting: Meeting, reason: str, by: User) -> Meeting:
    """Cancel a scheduled meeting, saying why; its calendar entry says it is
    cancelled."""
    _require_keeper(by, meeting.forum)
    meeting = _locked(meeting)
    if meeting.status == Meeting.Status.HELD:
        raise _refuse(_("A meeting that was held cannot be cancelled."))
    if meeting.status == Meeting.Status.CANCELLED:
        raise _refuse(_("The meeting is already cancelled."))
    errors: Errors = {}
    reason = text_checked(
        errors,
        "reason",
        reason,
        empty=_("Say why the meeting is cancelled."),
        limit=TEXT_LIMIT,
    )
    errors_raise(errors)
    return _cancelled(meeting, reason)


def _cancelled(meeting: Meeting, reason: str) -> Meeting:
    """Mark ``meeting`` (locked, scheduled) cancelled for ``reason``; its
    calendar entry says so, with a new SEQUENCE."""
    meeting.status = Meeting.Status.CANCELLED
    meeting.cancelled_reason = reason
    meeting.save(update_fields=["status", "cancelled_reason", "updated_at"])
    _event_sync(meeting)
    return meeting


@transaction.atomic
def meeting_cancel_upcoming(*, forum: Forum, reason: str) -> list[Meeting]:
    """Cancel every scheduled meeting of ``forum`` that has not started yet,
    for ``reason``, as ``meeting_cancel`` does (calendars hear of it).

    For ``forum_dissolve``, in its transaction: the caller has checked that
    the user may dissolve the forum, which need not make them its record's
    keeper. Return the meetings cancelled, soonest first.
    """
    upcoming = (
        Meeting.objects.select_for_update()
        .select_related("forum")
        .filter(
            forum=forum,
            status=Meeting.Status.SCHEDULED,
            starts_at__gt=clock.now(),
        )
        .order_by("starts_at", "pk")
    )
    return [_cancelled(meeting, reason[:TEXT_LIMIT]) for meeting in upcoming]


@transaction.atomic
def meeting_mark_held(*, meeting: Meeting, by: User) -> Meeting:
    """Record that a scheduled meeting took place (not before it starts)."""
    _require_keeper(by, meeting.forum)
    meeting = _locked(meeting)
    if meeting.status == Meeting.Status.CANCELLED:
        raise _refuse(_("A cancelled meeting cannot be marked as held."))
    if meeting.status == Meeting.Status.HELD:
        raise _refuse(_("The meeting is already marked as held."))
    if not _has_started(meeting):
        raise _refuse(_("A meeting cannot be marked as held before it starts."))
    meeting.status = Meeting.Status.HELD
    meeting.save(update_fields=["status", "updated_at"])
    return meeting


def _count(value: object) -> int | None:
    """Return ``value`` as a count (a whole number, 0 or more) or None."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return None
    return value


def _citizens_checked(citizens: Mapping) -> tuple[dict, list[str]]:
    """Return the citizens' counts normalised (zero counts left out) and the
    problems found in them."""
    problems: list[str] = []
    unknown = set(citizens) - {"total", *BREAKDOWNS}
    if unknown:
        problems.append(
            _("Unknown groups of citizens: %(groups)s.")
            % {"groups": ", ".join(sorted(str(key) for key in unknown))}
        )
    total = _count(citizens.get("total", 0))
    if total is None:
        problems.append(_("The number of citizens must be a whole number, 0 or more."))
    result: dict = {"total": total or 0}
    names = {"gender": _("gender"), "community": _("community"), "age_band": _("age")}
    for breakdown, choices in BREAKDOWNS.items():
        counts = citizens.get(breakdown) or {}
        if not isinstance(counts, Mapping):
            problems.append(
                _("The citizens by %(breakdown)s must be counts by group.")
                % {"breakdown": names[breakdown]}
            )
            continue
        clean: dict[str, int] = {}
        for key, value in counts.items():
            if key not in choices.values:
                problems.append(
                    _("“%(key)s” is not a group of citizens by %(breakdown)s.")
                    % {"key": key, "breakdown": names[breakdown]}
                )
                continue
            count = _count(value)
            if count is None:
                problems.append(
                    _(
                        "Each number of citizens by %(breakdown)s must be a whole "
                        "number, 0 or more."
                    )
                    % {"breakdown": names[breakdown]}
                )
            elif count:
                clean[key] = count
        counted = sum(clean.values())
        if total is not None and counted > total:
            problems.append(
                _(
                    "The citizens counted by %(breakdown)s (%(counted)s) are more "
                    "than the total (%(total)s)."
                )
                % {"breakdown": names[breakdown], "counted": counted, "total": total}
            )
        if clean:
            result[breakdown] = clean
    return result, problems


@transaction.atomic
def attendance_record(
    *,
    meeting: Meeting,
    members_present: Iterable[Membership],
    citizens: Mapping,
    by: User,
) -> Meeting:
    """Record who attended a meeting that was held: the forum's members
    present (seats held on the meeting's day) and the citizens counted at the
    door, {"total": n, "gender": {...}, "community": {...}, "age_band":
    {...}} with keys from ``Gender``, ``Community`` and ``AgeBand``."""
    _require_keeper(by, meeting.forum)
    meeting = _locked(meeting)
    if meeting.status != Meeting.Status.HELD:
        raise _refuse(_("Record the attendance once the meeting is marked as held."))
    errors: Errors = {}
    day = _meeting_day(meeting)
    members = list(dict.fromkeys(members_present))
    strangers = [
        member.name
        for member in members
        if member.forum_id != meeting.forum_id or not member.is_current(day)
    ]
    if strangers:
        errors["members_present"] = [
            _("%(name)s was not a member of this forum on the day of the meeting.")
            % {"name": name}
            for name in strangers
        ]
    counts, problems = _citizens_checked(citizens)
    if problems:
        errors["citizens"] = problems
    errors_raise(errors)
    meeting.citizens = counts
    meeting.save(update_fields=["citizens", "updated_at"])
    meeting.members_present.set(members)
    return meeting


# Minutes


def _minutes_of(meeting: Meeting) -> list[Minutes]:
    return list(Minutes.objects.filter(meeting=meeting).order_by("version"))


@transaction.atomic
def minutes_draft(*, meeting: Meeting, text: str, by: User) -> Minutes:
    """Write the minutes of a meeting that was held, or rewrite their current
    draft (a meeting has one draft at most). Approved minutes never change:
    correct them with ``minutes_correct``."""
    _require_keeper(by, meeting.forum)
    meeting = _locked(meeting)
    if meeting.status != Meeting.Status.HELD:
        raise _refuse(_("Minutes are written for a meeting that was held."))
    errors: Errors = {}
    text = text_checked(
        errors, "text", text, empty=_("Write the minutes."), limit=MINUTES_LIMIT
    )
    versions = _minutes_of(meeting)
    latest = versions[-1] if versions else None
    if latest is not None and latest.status == Minutes.Status.APPROVED:
        raise _refuse(
            _(
                "The minutes of this meeting are approved and cannot change: "
                "write a correction instead."
            )
        )
    errors_raise(errors)
    if latest is None:
        latest = Minutes(meeting=meeting, version=1)
    latest.text = text
    latest.drafted_by = by
    latest.drafted_at = clock.now()
    latest.save()
    return latest


def _refuse_approved(minutes: Minutes) -> None:
    if minutes.status == Minutes.Status.APPROVED:
        raise _refuse(
            _(
                "Version %(version)s of these minutes is approved: approved "
                "minutes cannot change."
            )
            % {"version": minutes.version}
        )


@transaction.atomic
def minutes_approve(*, minutes: Minutes, at_meeting: Meeting, by: User) -> Minutes:
    """Approve draft minutes at a later meeting of the same forum that has
    started (held, or its start time passed)."""
    meeting = minutes.meeting
    _require_keeper(by, meeting.forum)
    _locked(meeting)
    minutes = Minutes.objects.select_for_update().get(pk=minutes.pk)
    _refuse_approved(minutes)
    if at_meeting.forum_id != meeting.forum_id:
        raise _refuse(_("Minutes are approved at a meeting of the same forum."))
    if at_meeting.pk == meeting.pk or at_meeting.starts_at <= meeting.starts_at:
        raise _refuse(
            _("Minutes are approved at a later meeting than the one they record.")
        )
    if at_meeting.status == Meeting.Status.CANCELLED:
        raise _refuse(_("A cancelled meeting cannot approve minutes."))
    if not _has_started(at_meeting):
        raise _refuse(_("The meeting that approves the minutes has not started yet."))
    minutes.status = Minutes.Status.APPROVED
    minutes.approved_at = clock.now()
    minutes.approved_at_meeting = at_meeting
    minutes.save(update_fields=["status", "approved_at", "approved_at_meeting"])
    return minutes


@transaction.atomic
def minutes_correct(
    *, minutes: Minutes, text: str, correction_note: str, by: User
) -> Minutes:
    """Correct approved minutes: draft their next version, saying what the
    correction changes; it is approved at a later meeting in turn."""
    meeting = minutes.meeting
    _require_keeper(by, meeting.forum)
    meeting = _locked(meeting)
    versions = _minutes_of(meeting)
    # Judge the minutes as they are stored, not as the caller last saw them.
    minutes = next(version for version in versions if version.pk == minutes.pk)
    if minutes.status != Minutes.Status.APPROVED:
        raise _refuse(
            _("Only approved minutes are corrected; change the draft instead.")
        )
    latest = versions[-1]
    if latest.status == Minutes.Status.DRAFT:
        raise _refuse(
            _("A correction of these minutes is already a draft: change it instead.")
        )
    if latest.pk != minutes.pk:
        raise _refuse(
            _("Correct the latest version of the minutes (version %(version)s).")
            % {"version": latest.version}
        )
    errors: Errors = {}
    text = text_checked(
        errors, "text", text, empty=_("Write the minutes."), limit=MINUTES_LIMIT
    )
    correction_note = text_checked(
        errors,
        "correction_note",
        correction_note,
        empty=_("Say what the correction changes."),
        limit=TITLE_LIMIT,
    )
    if not errors and text == minutes.text:
        errors["text"] = [_("The corrected text is the same as the approved one.")]
    errors_raise(errors)
    return Minutes.objects.create(
        meeting=meeting,
        version=latest.version + 1,
        text=text,
        correction_note=correction_note,
        drafted_by=by,
        drafted_at=clock.now(),
    )


# Recommendations and action items


@transaction.atomic
def recommendation_add(*, meeting: Meeting, text: str, by: User) -> Recommendation:
    """Add a recommendation a meeting that was held ended with."""
    _require_keeper(by, meeting.forum)
    meeting = _locked(meeting)
    if meeting.status != Meeting.Status.HELD:
        raise _refuse(_("Recommendations come from a meeting that was held."))
    errors: Errors = {}
    text = text_checked(
        errors, "text", text, empty=_("Write the recommendation."), limit=TEXT_LIMIT
    )
    errors_raise(errors)
    last = meeting.recommendations.aggregate(last=Max("order"))["last"]
    return Recommendation.objects.create(
        meeting=meeting, text=text, order=0 if last is None else last + 1
    )


@transaction.atomic
def action_item_create(
    *,
    forum: Forum,
    title: str,
    owner: str,
    deadline: datetime.date | None = None,
    meeting: Meeting | None = None,
    recommendation: Recommendation | None = None,
    work_plan: WorkPlan | None = None,
    by: User,
) -> ActionItem:
    """Record something the forum agreed to do: what, who, by when; agreed at
    a meeting (on one of its recommendations) or an item of a work plan that
    is not adopted yet."""
    _require_keeper(by, forum)
    errors: Errors = {}
    title = text_checked(
        errors, "title", title, empty=_("Say what is to be done."), limit=TITLE_LIMIT
    )
    owner = text_checked(
        errors, "owner", owner, empty=_("Say who does it."), limit=TITLE_LIMIT
    )
    if deadline is not None and deadline < clock.today():
        errors["deadline"] = [_("The deadline cannot be in the past.")]
    if recommendation is not None:
        if meeting is None:
            meeting = recommendation.meeting
        elif recommendation.meeting_id != meeting.pk:
            errors["recommendation"] = [
                _("The recommendation is not one of this meeting's.")
            ]
    if meeting is not None:
        if meeting.forum_id != forum.pk:
            raise _refuse(_("The meeting is not one of this forum's."))
        if meeting.status != Meeting.Status.HELD:
            raise _refuse(_("Action items are agreed at a meeting that was held."))
    if work_plan is not None:
        if work_plan.forum_id != forum.pk:
            raise _refuse(_("The work plan is not one of this forum's."))
        if work_plan.adopted_on is not None:
            raise _refuse(
                _("The work plan is adopted by the assembly: its items are fixed.")
            )
    errors_raise(errors)
    return ActionItem.objects.create(
        forum=forum,
        meeting=meeting,
        recommendation=recommendation,
        work_plan=work_plan,
        title=title,
        owner=owner,
        deadline=deadline,
    )


@transaction.atomic
def action_item_update(
    *, item: ActionItem, text: str, status: str, by: User
) -> ActionItemUpdate:
    """Record progress on an action item and the status it moves to. Done or
    dropped closes it; a closed item is reopened as in progress."""
    _require_keeper(by, item.forum)
    item = ActionItem.objects.select_for_update().get(pk=item.pk)
    errors: Errors = {}
    text = text_checked(
        errors, "text", text, empty=_("Say what happened."), limit=TEXT_LIMIT
    )
    if status not in ActionItem.Status.values:
        errors["status"] = [_("Choose a status.")]
    elif item.status in CLOSED_ITEM and status not in (
        item.status,
        ActionItem.Status.IN_PROGRESS,
    ):
        errors["status"] = [_("A closed action item is reopened as in progress.")]
    elif (
        item.status == ActionItem.Status.IN_PROGRESS
        and status == ActionItem.Status.OPEN
    ):
        errors["status"] = [_("An action item in progress cannot go back to open.")]
    errors_raise(errors)
    if status in CLOSED_ITEM and item.status not in CLOSED_ITEM:
        item.closed_on = clock.today()
    elif status not in CLOSED_ITEM:
        item.closed_on = None
    item.status = status
    item.save(update_fields=["status", "closed_on", "updated_at"])
    return ActionItemUpdate.objects.create(
        item=item, text=text, status=status, at=clock.now(), by=by
    )


# A KKSB's annual work plan and security reports


@transaction.atomic
def work_plan_create(*, forum: Forum, year: int, by: User) -> WorkPlan:
    """Start a KKSB's annual work plan (one a year); its items are action
    items, added until the municipal assembly adopts it."""
    _require_keeper(by, forum)
    if forum.kind != ForumKind.KKSB:
        raise _refuse(_("Only a KKSB has an annual work plan."))
    if forum.status != ForumStatus.ACTIVE:
        raise _refuse(_("Only an active forum makes a work plan."))
    this_year = clock.today().year
    if not this_year - 1 <= year <= this_year + 1:
        raise ValidationError(
            {"year": [_("A work plan is made for last year, this year or next year.")]}
        )
    if WorkPlan.objects.filter(forum=forum, year=year).exists():
        raise ValidationError(
            {
                "year": [
                    _("This forum already has a work plan for %(year)s.")
                    % {"year": year}
                ]
            }
        )
    return WorkPlan.objects.create(forum=forum, year=year)


@transaction.atomic
def work_plan_adopt(
    *,
    work_plan: WorkPlan,
    assembly_reference: str,
    adopted_on: datetime.date,
    by: User,
) -> WorkPlan:
    """Record that the municipal assembly adopted the work plan: its decision's
    reference and date."""
    _require_keeper(by, work_plan.forum)
    work_plan = (
        WorkPlan.objects.select_for_update()
        .select_related("forum")
        .get(pk=work_plan.pk)
    )
    if work_plan.adopted_on is not None:
        raise _refuse(_("This work plan is already adopted."))
    errors: Errors = {}
    assembly_reference = text_checked(
        errors,
        "assembly_reference",
        assembly_reference,
        empty=_("Give the reference of the assembly's decision."),
        limit=REFERENCE_LIMIT,
    )
    if adopted_on > clock.today():
        errors["adopted_on"] = [_("The assembly cannot have adopted it in the future.")]
    if not work_plan.items.exists():
        errors[NON_FIELD_ERRORS] = [_("Add the plan's items before it is adopted.")]
    errors_raise(errors)
    work_plan.assembly_reference = assembly_reference
    work_plan.adopted_on = adopted_on
    work_plan.save(update_fields=["assembly_reference", "adopted_on", "updated_at"])
    return work_plan


@transaction.atomic
def security_report_file(*, meeting: Meeting, text: str, by: User) -> Meeting:
    """File (or replace) the station commander's security report to a KKSB
    meeting that is not cancelled."""
    if meeting.forum.kind != ForumKind.KKSB:
        raise _refuse(_("Security reports are filed for KKSB meetings only."))
    if not permissions.can_file_security_report(by, meeting.forum):
        raise PermissionDenied(
            _("Only the commander of this forum's station files its security report.")
        )
    meeting = _locked(meeting)
    if meeting.status == Meeting.Status.CANCELLED:
        raise _refuse(_("A cancelled meeting hears no security report."))
    errors: Errors = {}
    text = text_checked(
        errors, "text", text, empty=_("Write the security report."), limit=REPORT_LIMIT
    )
    errors_raise(errors)
    meeting.security_report = text
    meeting.security_report_by = by
    meeting.save(update_fields=["security_report", "security_report_by", "updated_at"])
    return meeting
