"""Demo meetings: a year of them held, with attendance, minutes approved at
the next meeting, security reports, recommendations and action items; the
next quarter scheduled; a KKSB's work plan; the calendar entries of the
public ones."""

import calendar
import datetime
import zlib
from dataclasses import dataclass, field

from django.utils import timezone

from bashkesia.partnership.models import (
    ActionItem,
    ActionItemUpdate,
    AgeBand,
    Event,
    ForumKind,
    ForumStatus,
    Gender,
    Meeting,
    Membership,
    Minutes,
    Recommendation,
    WorkPlan,
)

from . import texts
from .context import Context, backdate, officer_gender
from .forums import ForumPlan

KKSB_RECESS = 8  # August: the councils do not meet.


@dataclass
class MeetingPlan:
    meeting: Meeting
    plan: ForumPlan
    present: list[Membership] = field(default_factory=list)
    recommendations: list[tuple[Recommendation, tuple]] = field(default_factory=list)


@dataclass
class MeetingCounts:
    # The meetings held, for the priorities agreed at them.
    held: list[Meeting] = field(default_factory=list)
    meetings: int = 0
    minutes: int = 0
    recommendations: int = 0
    action_items: int = 0
    updates: int = 0
    work_plans: int = 0
    events: int = 0


def _add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    return datetime.date(day.year + month // 12, month % 12 + 1, 1)


def _days(ctx: Context, plan: ForumPlan) -> list[tuple[datetime.date, int]]:
    """Return the days (and starting hours) of a forum's meetings over the
    past year and the next quarter."""
    rng = ctx.rng
    horizon = ctx.today + datetime.timedelta(days=92)
    year_ago = ctx.today - datetime.timedelta(days=365)
    days: list[tuple[datetime.date, int]] = []
    if plan.kind == ForumKind.KKSB:
        base = rng.randint(6, 20)
        hour = rng.choice([10, 10, 11, 12])
        first = _add_months(ctx.today.replace(day=1), -12)
        for offset in range(16):
            month = _add_months(first, offset)
            if month.month == KKSB_RECESS:
                continue
            day = ctx.weekday_near(month.replace(day=base))
            if year_ago < day <= horizon:
                days.append((day, hour))
        return days
    if plan.meets_from is None or plan.meets_until is None:
        return days
    if plan.kind == ForumKind.KLSP:
        step, weekdays = (42, 56), (1, 2, 3)
    else:
        step, weekdays = (56, 84), (0, 2, 4)
    if plan.forum.status == ForumStatus.DISSOLVED:
        # Backwards from the last meeting it held.
        day = plan.meets_until
        while day >= plan.meets_from:
            days.insert(0, (day, 18))
            day -= datetime.timedelta(days=rng.randint(*step))
        return days
    day = ctx.weekday_near(plan.meets_from, weekdays)
    while day <= plan.meets_until:
        hour = 17 if day.month in (11, 12, 1, 2) else 18
        days.append((day, hour if plan.kind == ForumKind.KLSP else 16))
        day = ctx.weekday_near(
            day + datetime.timedelta(days=rng.randint(*step)), weekdays
        )
    return days


def _agenda(ctx: Context, plan: ForumPlan, first: bool) -> list[str]:
    rng, lang = ctx.rng, plan.lang
    items = [] if first else [texts.MINUTES_ITEM[lang]]
    if plan.kind == ForumKind.KKSB:
        items.append(texts.KKSB_REPORT_ITEM[lang])
        topics = rng.sample(texts.KKSB_TOPICS, rng.randint(1, 2))
    elif plan.kind == ForumKind.KLSP:
        topics = rng.sample(texts.KLSP_TOPICS, rng.randint(2, 3))
    else:
        topics = rng.sample(texts.EVSB_TOPICS, 2)
    items += [topic[lang] for topic in topics]
    items.append(texts.OTHER_ITEM[lang])
    return items


def _title(plan: ForumPlan, day: datetime.date) -> str:
    lang = plan.lang
    return texts.MEETING_TITLES[plan.kind][lang].format(
        month=texts.MONTHS[lang][day.month - 1],
        year=day.year,
        place=plan.place.name(lang),
        project=plan.project[0][lang] if plan.project else "",
    )


def _place(ctx: Context, plan: ForumPlan) -> str:
    lang = plan.lang
    fill = {"school": plan.school, "place": plan.place.name(lang)}
    if plan.kind == ForumKind.KKSB:
        return texts.KKSB_PLACES[lang].format(
            municipality=ctx.municipality_name(plan.forum.municipality, lang)
        )
    if plan.kind == ForumKind.KLSP:
        # Each committee meets in the same place.
        places = texts.KLSP_PLACES[lang]
        return places[zlib.crc32(plan.forum.name_sq.encode()) % len(places)].format(
            **fill
        )
    return ctx.rng.choice(texts.EVSB_PLACES[lang]).format(**fill)


def _citizens(ctx: Context, plan: ForumPlan, total: int) -> dict:
    """Return the citizens counted at the door, as the attendance service
    stores them (groups with nobody left out)."""
    rng = ctx.rng
    if total == 0:
        return {"total": 0}
    women = round(total * rng.uniform(0.15, 0.45))
    men = max(0, total - women - (1 if total > 6 and rng.random() < 0.3 else 0))
    municipality = plan.forum.municipality
    community: dict[str, int] = {}
    counted = 0
    for _ in range(total):
        if rng.random() < 0.1:
            continue  # not stated
        key = ctx.community(municipality, majority=rng.random() < 0.8)
        community[key] = community.get(key, 0) + 1
        counted += 1
    youth = round(total * rng.uniform(0.05, 0.25))
    seniors = round(total * rng.uniform(0.05, 0.2))
    adults = max(0, total - youth - seniors - rng.randint(0, 1))
    result = {"total": total}
    gender = {
        key: value
        for key, value in ((Gender.FEMALE, women), (Gender.MALE, men))
        if value
    }
    age = {
        key: value
        for key, value in (
            (AgeBand.YOUTH, youth),
            (AgeBand.ADULT, adults),
            (AgeBand.SENIOR, seniors),
        )
        if value
    }
    for name, counts in (
        ("gender", gender),
        ("community", community),
        ("age_band", age),
    ):
        if counts:
            result[name] = {str(key): value for key, value in counts.items()}
    return result


def _security_report(ctx: Context, plan: ForumPlan, day: datetime.date) -> str:
    rng, lang = ctx.rng, plan.lang
    size = len(plan.sectors)
    crimes = rng.randint(4 * size, 9 * size)
    accidents = rng.randint(3 * size, 6 * size)
    station = plan.forum.station
    # The report covers the month before the meeting.
    month = _add_months(day.replace(day=1), -1)
    return texts.SECURITY_REPORT[lang].format(
        station=station.name_sr_latn if lang else station.name_sq,
        month=texts.MONTHS[lang][month.month - 1],
        year=month.year,
        crimes=crimes,
        thefts=crimes // 3,
        burglaries=crimes // 8,
        solved=rng.randint(45, 75),
        accidents=accidents,
        injured=accidents // 3,
        fatal=rng.choice([0, 0, 0, 0, 1]),
        tickets=rng.randint(150 * size, 400 * size) // 10 * 10,
        weapons=rng.randint(0, 4),
        talks=rng.randint(2 * size, 5 * size),
    )


def _plan_meetings(ctx: Context, plan: ForumPlan) -> list[MeetingPlan]:
    rng = ctx.rng
    forum = plan.forum
    public_share = {ForumKind.KKSB: 0.9, ForumKind.KLSP: 0.85, ForumKind.EVSB: 0.5}
    commander = ctx.commander.get(forum.station_id)
    result = []
    for index, (day, hour) in enumerate(_days(ctx, plan)):
        starts = ctx.at(day, hour)
        ends = starts + datetime.timedelta(minutes=rng.choice([90, 105, 120]))
        online = plan.kind == ForumKind.EVSB and rng.random() < 0.25
        hybrid = not online and rng.random() < 0.05
        founded = forum.established_on or ctx.today
        first = index == 0 and founded > ctx.today - datetime.timedelta(days=365)
        agenda = _agenda(ctx, plan, first)
        meeting = Meeting(
            forum=forum,
            title=_title(plan, day),
            starts_at=starts,
            ends_at=ends,
            place="" if online else _place(ctx, plan),
            online_link=(
                texts.ONLINE_LINK.format(
                    slug=f"{zlib.crc32(forum.name_sq.encode()):08x}-{day:%Y%m%d}"
                )
                if online or hybrid
                else ""
            ),
            is_public=rng.random() < public_share[plan.kind],
            agenda="\n".join(agenda),
        )
        if ends < ctx.now:
            notice_days = (
                rng.randint(7, 14) if rng.random() < 0.9 else rng.randint(2, 5)
            )
            meeting.notice_given_at = ctx.at(
                day - datetime.timedelta(days=notice_days), 9
            )
            if rng.random() < 0.06 and index > 0:
                meeting.status = Meeting.Status.CANCELLED
                meeting.cancelled_reason = rng.choice(texts.CANCEL_REASONS)[plan.lang]
            else:
                meeting.status = Meeting.Status.HELD
        else:
            meeting.status = Meeting.Status.SCHEDULED
            meeting.notice_given_at = ctx.now - datetime.timedelta(
                days=rng.randint(1, 6), hours=rng.randint(0, 8)
            )
        item = MeetingPlan(meeting=meeting, plan=plan)
        if meeting.status == Meeting.Status.HELD:
            seats = [m for m in plan.members if m.is_current(day)]
            item.present = [
                m for m in seats if rng.random() < (0.97 if m.officer_id else 0.85)
            ]
            if not item.present and seats:
                item.present = seats[:1]
            crowd = {
                ForumKind.KKSB: (0, 12),
                ForumKind.KLSP: (4, 35),
                ForumKind.EVSB: (0, 15),
            }[plan.kind]
            meeting.citizens = _citizens(
                ctx, plan, rng.randint(*crowd) if meeting.is_public else 0
            )
            if plan.kind == ForumKind.KKSB:
                meeting.security_report = _security_report(ctx, plan, day)
                meeting.security_report_by_id = commander.user_id if commander else None
            count = rng.randint(1, 3 if plan.kind != ForumKind.EVSB else 2)
            for order, entry in enumerate(rng.sample(texts.RECOMMENDATIONS, count)):
                item.recommendations.append(
                    (
                        Recommendation(
                            meeting=meeting, text=entry[0][plan.lang], order=order
                        ),
                        entry,
                    )
                )
        result.append(item)
    return result


def _minutes_text(ctx: Context, item: MeetingPlan) -> str:
    plan, meeting = item.plan, item.meeting
    lang = plan.lang
    local = timezone.localtime(meeting.starts_at)
    discussion = ctx.rng.sample(texts.DISCUSSION, 3)
    if plan.kind == ForumKind.KKSB:
        commander = ctx.commander.get(plan.forum.station_id)
        if commander is not None:
            said = texts.REPORT_PRESENTED[officer_gender(commander)]
            name = commander.full_name
            discussion.insert(0, (said[0].format(name=name), said[1].format(name=name)))
    return texts.MINUTES[lang].format(
        forum=plan.forum.name_sr_latn if lang else plan.forum.name_sq,
        date=local.strftime("%d.%m.%Y"),
        time=local.strftime("%H:%M"),
        end=timezone.localtime(meeting.ends_at).strftime("%H:%M"),
        place=meeting.place or meeting.online_link,
        members=len(item.present),
        citizens=meeting.citizens.get("total", 0),
        agenda="\n".join(
            f"{n}. {line}" for n, line in enumerate(meeting.agenda_items, start=1)
        ),
        discussion="\n".join(f"- {pair[lang]}" for pair in discussion),
        recommendations="\n".join(
            f"{n}. {rec.text}"
            for n, (rec, _) in enumerate(item.recommendations, start=1)
        ),
    )


def _item_status(ctx: Context, deadline: datetime.date) -> str:
    roll = ctx.rng.random()
    if deadline < ctx.today:
        if roll < 0.68:
            return ActionItem.Status.DONE
        if roll < 0.84:
            return ActionItem.Status.IN_PROGRESS
        if roll < 0.95:
            return ActionItem.Status.OPEN
        return ActionItem.Status.DROPPED
    return ActionItem.Status.OPEN if roll < 0.5 else ActionItem.Status.IN_PROGRESS


@dataclass
class Followed:
    """An action item with what its follow-up needs: the forum's language,
    who keeps the record, and the day it was agreed."""

    item: ActionItem
    lang: int
    by: int | None
    since: datetime.date
    created: datetime.datetime


def _close(ctx: Context, followed: Followed) -> list[ActionItemUpdate]:
    """Set when the item closed and return the updates that led there."""
    rng, lang, since = ctx.rng, followed.lang, followed.since
    item, by = followed.item, followed.by
    updates = []
    latest = ctx.today - datetime.timedelta(days=1)

    def moment(day: datetime.date) -> datetime.datetime:
        return ctx.at(min(max(day, since), latest), 14, rng.randint(0, 59))

    if item.status in (ActionItem.Status.DONE, ActionItem.Status.DROPPED):
        end = min(item.deadline + datetime.timedelta(days=14), latest)
        span = max(0, (end - since).days)
        item.closed_on = since + datetime.timedelta(days=rng.randint(span // 3, span))
        if rng.random() < 0.5 or item.status == ActionItem.Status.DROPPED:
            updates.append(
                ActionItemUpdate(
                    item=item,
                    text=texts.UPDATES[item.status][lang],
                    status=item.status,
                    at=moment(item.closed_on),
                    by_id=by,
                )
            )
    elif item.status == ActionItem.Status.IN_PROGRESS:
        updates.append(
            ActionItemUpdate(
                item=item,
                text=texts.UPDATES["in_progress"][lang],
                status=item.status,
                at=moment(since + datetime.timedelta(days=rng.randint(5, 20))),
                by_id=by,
            )
        )
    elif item.deadline < ctx.today and rng.random() < 0.4:
        updates.append(
            ActionItemUpdate(
                item=item,
                text=texts.UPDATES["open"][lang],
                status=item.status,
                at=moment(item.deadline + datetime.timedelta(days=3)),
                by_id=by,
            )
        )
    return updates


def _work_plan(ctx: Context, plan: ForumPlan) -> tuple[WorkPlan, list[ActionItem]]:
    rng, lang = ctx.rng, plan.lang
    year = ctx.today.year
    adopted = datetime.date(year - 1, 12, rng.randint(10, 28))
    work_plan = WorkPlan(
        forum=plan.forum,
        year=year,
        adopted_on=adopted,
        assembly_reference=f"01-{rng.randint(11, 180):03d}/{adopted.year}",
    )
    items = []
    for title, owner, month in rng.sample(texts.WORK_PLAN_ITEMS, rng.randint(5, 8)):
        deadline = datetime.date(year, month, calendar.monthrange(year, month)[1])
        item = ActionItem(
            forum=plan.forum,
            work_plan=work_plan,
            title=title[lang],
            owner=owner[lang],
            deadline=deadline,
            status=_item_status(ctx, deadline),
        )
        items.append(item)
    return work_plan, items


def meetings_write(ctx: Context, plans: list[ForumPlan]) -> MeetingCounts:
    """Write every demo forum's meetings and what came out of them."""
    rng = ctx.rng
    counts = MeetingCounts()
    items: list[MeetingPlan] = []
    by_forum: dict[int, list[MeetingPlan]] = {}
    for plan in plans:
        planned = _plan_meetings(ctx, plan)
        by_forum[plan.forum.pk] = planned
        items += planned
    meetings = [item.meeting for item in items]
    Meeting.objects.bulk_create(meetings, batch_size=500)
    backdate(
        meetings,
        [
            min(m.notice_given_at or m.starts_at, m.starts_at)
            - datetime.timedelta(days=rng.randint(1, 7))
            for m in meetings
        ],
    )
    counts.meetings = len(meetings)
    counts.held = [m for m in meetings if m.status == Meeting.Status.HELD]
    Meeting.members_present.through.objects.bulk_create(
        [
            Meeting.members_present.through(
                meeting_id=item.meeting.pk, membership_id=member.pk
            )
            for item in items
            for member in item.present
        ],
        batch_size=1000,
    )

    # Minutes: each held meeting's, approved at the forum's next held one.
    minutes = []
    for plan in plans:
        held = [
            item
            for item in by_forum[plan.forum.pk]
            if item.meeting.status == Meeting.Status.HELD
        ]
        secretary = plan.secretary()
        for index, item in enumerate(held):
            meeting = item.meeting
            following = held[index + 1].meeting if index + 1 < len(held) else None
            drafted = meeting.starts_at + datetime.timedelta(
                days=rng.randint(1, 5), hours=rng.randint(0, 5)
            )
            latest = (
                following.starts_at - datetime.timedelta(hours=20)
                if following
                else ctx.now - datetime.timedelta(hours=1)
            )
            drafted = max(min(drafted, latest), meeting.ends_at)
            record = Minutes(
                meeting=meeting,
                version=1,
                text=_minutes_text(ctx, item),
                drafted_by_id=secretary.user_id if secretary else None,
                drafted_at=drafted,
            )
            if following is not None:
                record.status = Minutes.Status.APPROVED
                record.approved_at = following.starts_at + datetime.timedelta(
                    minutes=rng.randint(5, 20)
                )
                record.approved_at_meeting = following
            minutes.append(record)
    Minutes.objects.bulk_create(minutes, batch_size=500)
    counts.minutes = len(minutes)

    # Recommendations and the action items they lead to.
    recommendations = [rec for item in items for rec, _ in item.recommendations]
    Recommendation.objects.bulk_create(recommendations, batch_size=500)
    counts.recommendations = len(recommendations)
    followed: list[Followed] = []
    for item in items:
        plan = item.plan
        secretary = plan.secretary()
        day = timezone.localdate(item.meeting.starts_at)
        for rec, (_, owner) in item.recommendations:
            deadline = day + datetime.timedelta(days=rng.randint(21, 70))
            action = ActionItem(
                forum=plan.forum,
                meeting=item.meeting,
                recommendation=rec,
                title=rec.text[:200],
                owner=owner[plan.lang],
                deadline=deadline,
                status=_item_status(ctx, deadline),
            )
            followed.append(
                Followed(
                    item=action,
                    lang=plan.lang,
                    by=secretary.user_id if secretary else None,
                    since=day,
                    created=item.meeting.ends_at + datetime.timedelta(hours=2),
                )
            )
    work_plans = []
    for plan in plans:
        if plan.kind != ForumKind.KKSB:
            continue
        work_plan, plan_items = _work_plan(ctx, plan)
        work_plans.append(work_plan)
        secretary = plan.secretary()
        for action in plan_items:
            followed.append(
                Followed(
                    item=action,
                    lang=plan.lang,
                    by=secretary.user_id if secretary else None,
                    since=work_plan.adopted_on,
                    created=ctx.at(work_plan.adopted_on, 12),
                )
            )
    WorkPlan.objects.bulk_create(work_plans, batch_size=500)
    backdate(work_plans, [ctx.at(w.adopted_on, 12) for w in work_plans])
    counts.work_plans = len(work_plans)
    updates = []
    for entry in followed:
        updates += _close(ctx, entry)
    action_items = [entry.item for entry in followed]
    ActionItem.objects.bulk_create(action_items, batch_size=500)
    backdate(action_items, [entry.created for entry in followed])
    counts.action_items = len(action_items)
    ActionItemUpdate.objects.bulk_create(updates, batch_size=500)
    counts.updates = len(updates)

    # The public calendar mirrors every public meeting.
    events = []
    for item in items:
        meeting, forum = item.meeting, item.plan.forum
        if not meeting.is_public:
            continue
        sectors = item.plan.sectors
        events.append(
            Event(
                kind=Event.Kind.FORUM_MEETING,
                title=meeting.title,
                description="\n".join(meeting.agenda_items),
                starts_at=meeting.starts_at,
                ends_at=meeting.ends_at,
                place=meeting.place,
                online_link=meeting.online_link,
                municipality_id=forum.municipality_id,
                sector=sectors[0] if len(sectors) == 1 else None,
                forum=forum,
                meeting=meeting,
                is_cancelled=meeting.status == Meeting.Status.CANCELLED,
                is_demo=True,
            )
        )
    Event.objects.bulk_create(events, batch_size=500)
    backdate(events, [e.meeting.created_at for e in events])
    counts.events = len(events)
    return counts
