"""Demo sector priorities ("you said, we did"), problems worked through SARA,
and the community events of the public calendar."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.utils import timezone

from bashkesia.partnership.models import (
    Event,
    ForumKind,
    Meeting,
    Problem,
    ProblemAction,
    SectorPriority,
)
from bashkesia.territory.models import Sector

from . import texts
from .context import Context, backdate
from .forums import ForumPlan, area_words

# The demo sector officer's sector: some of its problems are theirs.
OFFICER_SECTOR = "PRZ-01"
PROBLEM_STAGES = (
    [Problem.Stage.SCANNING] * 4
    + [Problem.Stage.ANALYSIS] * 5
    + [Problem.Stage.RESPONSE] * 7
    + [Problem.Stage.ASSESSMENT] * 4
    + [Problem.Stage.CLOSED] * 5
)
# How long ago a problem at each stage was opened (days).
OPENED_DAYS_AGO = {
    Problem.Stage.SCANNING: (5, 30),
    Problem.Stage.ANALYSIS: (20, 60),
    Problem.Stage.RESPONSE: (40, 120),
    Problem.Stage.ASSESSMENT: (100, 200),
    Problem.Stage.CLOSED: (150, 400),
}


@dataclass
class ProblemPlan:
    sector: Sector
    theme: str
    stage: str
    # The sector priority it shares with the public, if any.
    public: bool


def fills(ctx: Context, sector: Sector) -> dict[str, str]:
    """Return the place words a sector's priorities and problems use."""
    rng = ctx.rng
    lang = ctx.lang(sector.municipality)
    place = ctx.sector_place(sector)
    name = place.name(lang)
    words = area_words("village", lang, name)
    if place.is_town:
        street = rng.choice(texts.STREETS[lang])
        park = rng.choice(texts.PARKS_TOWN[lang])
        in_place = (
            f"u gradu {name}" if lang else texts.IN_TOWN_SQ.get(name, f"në {name}")
        )
    else:
        street = texts.VILLAGE_ROAD[lang].format(**words)
        park = rng.choice(texts.PARKS_VILLAGE[lang]).format(**words)
        in_place = f"u selu {name}" if lang else f"në fshatin {name}"
    return {
        **words,
        "street": street,
        "park": park,
        "school": rng.choice(texts.SCHOOLS[lang]),
        "in_place": in_place,
    }


def _themes(ctx: Context, sector: Sector) -> list[str]:
    town = ctx.sector_place(sector).is_town
    return texts.TOWN_PRIORITIES if town else texts.VILLAGE_PRIORITIES


def problems_plan(ctx: Context) -> list[ProblemPlan]:
    """Return ~25 problems across stations, four in Prizren's own."""
    rng = ctx.rng
    stages = list(PROBLEM_STAGES)
    rng.shuffle(stages)
    prizren = [s for s in ctx.sectors if s.station.code == "PRZ"]
    officer = [s for s in prizren if s.code == OFFICER_SECTOR]
    picked = officer * 2 + rng.sample([s for s in prizren if s not in officer], 2)
    # The demo officer's problems are under way.
    stages[:2] = [Problem.Stage.RESPONSE, Problem.Stage.ANALYSIS]
    others = [m for m in ctx.municipalities if m.code != "PRZ"]
    for municipality in rng.sample(others, len(stages) - len(picked)):
        picked.append(rng.choice(ctx.sectors_of[municipality.pk]))
    plans = []
    for sector, stage in zip(picked, stages, strict=True):
        themes = [t for t in _themes(ctx, sector) if t in texts.PROBLEMS]
        taken = {p.theme for p in plans if p.sector is sector}
        theme = rng.choice([t for t in themes if t not in taken] or themes)
        public = stage != Problem.Stage.SCANNING and rng.random() < 0.65
        plans.append(ProblemPlan(sector, theme, stage, public))
    return plans


def problems_write(
    ctx: Context, plans: list[ProblemPlan], words: dict[int, dict]
) -> dict[tuple[int, str], Problem]:
    """Write the problems with their actions and concerns; return them by
    (sector, theme)."""
    rng = ctx.rng
    problems, opened, actions = [], [], []
    concern_links = []
    for plan in plans:
        sector = plan.sector
        lang = ctx.lang(sector.municipality)
        fill = words[sector.pk]
        text = texts.PROBLEMS[plan.theme]
        before = rng.randint(6, 14)
        after = rng.randint(1, max(1, before // 3))
        numbers = {"n": before, "m": after}
        order = list(Problem.Stage)
        reached = order.index(plan.stage)
        low, high = OPENED_DAYS_AGO[plan.stage]
        opened_on = ctx.days_ago(low, high)
        problem = Problem(
            station=sector.station,
            sector=sector,
            title=text["title"][lang].format(**fill)[:200],
            stage=plan.stage,
            scanning=text["scanning"][lang].format(**fill, **numbers),
            opened_by_id=(
                ctx.user_id("officer") if sector.code == OFFICER_SECTOR else None
            ),
            is_demo=True,
        )
        if reached >= order.index(Problem.Stage.ANALYSIS):
            problem.analysis = text["analysis"][lang]
        if reached >= order.index(Problem.Stage.ASSESSMENT):
            problem.assessment = text["assessment"][lang].format(**numbers)
            problem.measured_how = text["measured"][lang]
        if plan.stage == Problem.Stage.CLOSED:
            problem.result = rng.choice(
                [Problem.Result.WORKED, Problem.Result.WORKED, Problem.Result.PARTLY]
            )
            problem.closed_on = opened_on + datetime.timedelta(
                days=rng.randint(90, (ctx.today - opened_on).days)
            )
        problems.append(problem)
        opened.append(ctx.at(opened_on, 10, rng.randint(0, 59)))
        if reached >= order.index(Problem.Stage.RESPONSE):
            for index, pair in enumerate(text["actions"]):
                description, owner, partner = pair[lang]
                if reached > order.index(Problem.Stage.RESPONSE):
                    status = ProblemAction.Status.DONE
                else:
                    status = [
                        ProblemAction.Status.DONE,
                        ProblemAction.Status.IN_PROGRESS,
                        ProblemAction.Status.PLANNED,
                    ][min(index, 2)]
                if owner == texts.PROBLEM_OWNERS_SECTOR[lang]:
                    owner = f"{owner} {sector.code}"
                actions.append(
                    ProblemAction(
                        problem=problem,
                        description=description,
                        owner=owner,
                        partner=partner,
                        due_date=opened_on + datetime.timedelta(days=30 + 20 * index),
                        status=status,
                    )
                )
        category = texts.PRIORITIES[plan.theme][0]
        related = [
            c for c in ctx.concerns_of.get(sector.pk, []) if c.category.code == category
        ]
        for concern in related[:3]:
            concern_links.append((problem, concern))
    Problem.objects.bulk_create(problems, batch_size=500)
    backdate(problems, opened)
    ProblemAction.objects.bulk_create(actions, batch_size=500)
    Problem.concerns.through.objects.bulk_create(
        [
            Problem.concerns.through(problem_id=p.pk, concern_id=c.pk)
            for p, c in concern_links
        ]
    )
    return {
        (plan.sector.pk, plan.theme): problem
        for plan, problem in zip(plans, problems, strict=True)
        if plan.public
    }


def _meetings_by_sector(
    forums: list[ForumPlan], held: list[Meeting]
) -> tuple[dict[int, list[Meeting]], dict[int, list[Meeting]]]:
    """Return the held meetings of the KLSPs covering each sector, and of
    each municipality's KKSB."""
    by_forum: dict[int, list[Meeting]] = defaultdict(list)
    for meeting in held:
        by_forum[meeting.forum_id].append(meeting)
    local: dict[int, list[Meeting]] = defaultdict(list)
    council: dict[int, list[Meeting]] = defaultdict(list)
    for plan in forums:
        found = by_forum.get(plan.forum.pk, [])
        if plan.kind == ForumKind.KLSP:
            for sector in plan.sectors:
                local[sector.pk] += found
        elif plan.kind == ForumKind.KKSB:
            council[plan.forum.municipality_id] += found
    return local, council


def priorities_write(
    ctx: Context,
    words: dict[int, dict],
    problems: dict[tuple[int, str], Problem],
    forums: list[ForumPlan],
    held: list[Meeting],
) -> int:
    """Write two to four priorities a sector, some addressed in the past;
    return how many."""
    rng = ctx.rng
    local, council = _meetings_by_sector(forums, held)
    problem_themes: dict[int, list[str]] = defaultdict(list)
    for sector_id, theme in problems:
        problem_themes[sector_id].append(theme)
    priorities, links = [], []
    for sector in ctx.sectors:
        lang = ctx.lang(sector.municipality)
        fill = words[sector.pk]
        count = rng.choice([2, 3, 3, 4])
        forced = problem_themes.get(sector.pk, [])
        rest = [t for t in _themes(ctx, sector) if t not in forced]
        themes = (forced + rng.sample(rest, count))[:count]
        history = rng.choice([0, 1, 1]) if count == 2 else rng.choice([1, 1, 2])
        for index, theme in enumerate(themes):
            category, issue, action = texts.PRIORITIES[theme]
            problem = problems.get((sector.pk, theme))
            past = index >= count - history
            if problem is not None:
                past = problem.stage == Problem.Stage.CLOSED
            issued = ctx.days_ago(200, 540) if past else ctx.days_ago(10, 150)
            meeting = _meeting_near(
                ctx, local[sector.pk], council[sector.municipality_id], issued
            )
            if meeting is not None:
                issued = timezone.localdate(meeting.starts_at)
            priority = SectorPriority(
                sector=sector,
                issue=issue[lang].format(**fill),
                issue_date=issued,
                status=SectorPriority.Status.CURRENT,
                meeting=meeting,
                problem=problem,
                is_demo=True,
            )
            if past:
                priority.status = (
                    SectorPriority.Status.DROPPED
                    if rng.random() < 0.08
                    else SectorPriority.Status.ADDRESSED
                )
            acted = past and priority.status == SectorPriority.Status.ADDRESSED
            if acted or (not past and rng.random() < 0.5):
                priority.action = action[lang]
                latest = ctx.today - datetime.timedelta(days=1)
                acted_on = issued + datetime.timedelta(days=rng.randint(7, 60))
                priority.action_date = max(issued, min(acted_on, latest))
            priorities.append(priority)
            related = [
                c
                for c in ctx.concerns_of.get(sector.pk, [])
                if c.category.code == category
            ]
            if related and rng.random() < 0.7:
                for concern in related[:2]:
                    links.append((priority, concern))
    SectorPriority.objects.bulk_create(priorities, batch_size=500)
    backdate(priorities, [ctx.at(p.issue_date, 15) for p in priorities])
    SectorPriority.concerns.through.objects.bulk_create(
        [
            SectorPriority.concerns.through(sectorpriority_id=p.pk, concern_id=c.pk)
            for p, c in links
        ],
        batch_size=500,
    )
    return len(priorities)


def _meeting_near(
    ctx: Context,
    local: list[Meeting],
    council: list[Meeting],
    day: datetime.date,
) -> Meeting | None:
    """Return a held meeting within six weeks before ``day`` where the
    priority may have been agreed (a KLSP's first, else the KKSB's, for
    about half the priorities), or None."""
    if ctx.rng.random() < 0.5:
        return None
    window = datetime.timedelta(days=42)
    for meetings in (local, council):
        near = [
            m
            for m in meetings
            if day - window <= timezone.localdate(m.starts_at) <= day
        ]
        if near:
            return near[-1]
    return None


def community_events_write(ctx: Context, words: dict[int, dict]) -> int:
    """Write "meet your sector officers" days, school visits and campaign
    events, most in the next quarter; return how many."""
    rng = ctx.rng
    events = []

    def sector_event(sector: Sector, kind: str, title: str, text: str, **when):
        lang = ctx.lang(sector.municipality)
        fill = words[sector.pk]
        places = texts.EVENT_PLACES[lang]
        # A school visit is at the school.
        where = places[0] if kind == Event.Kind.SCHOOL_VISIT else rng.choice(places)
        place = where.format(school=fill["school"], place=fill["place"])
        events.append(
            Event(
                kind=kind,
                title=title[:200],
                description=text,
                place=place,
                municipality_id=sector.municipality_id,
                sector=sector,
                is_demo=True,
                **when,
            )
        )

    def moment(
        days: tuple[int, int], hours: tuple[int, int], weekdays=(0, 1, 2, 3, 4)
    ) -> dict:
        day = ctx.weekday_near(
            ctx.today + datetime.timedelta(days=rng.randint(*days)), weekdays
        )
        starts = ctx.at(day, hours[0])
        return {"starts_at": starts, "ends_at": ctx.at(day, hours[1])}

    officer_sector = [s for s in ctx.sectors if s.code == OFFICER_SECTOR]
    others = [s for s in ctx.sectors if s.code != OFFICER_SECTOR]
    meet = officer_sector + rng.sample(others, 59)
    past = rng.sample(others, 15)
    # In the next quarter, and a few held in the last two months.
    windows = [(s, (3, 88)) for s in meet] + [(s, (-60, -8)) for s in past]
    for sector, days in windows:
        lang = ctx.lang(sector.municipality)
        title, text = texts.MEET_OFFICERS
        name = sector.name_sr_latn if lang else sector.name_sq
        if rng.random() < 0.3:
            when = moment(days, (10, 12), weekdays=(5,))
        else:
            when = moment(days, (17, 19))
        sector_event(
            sector,
            Event.Kind.MEET_OFFICERS,
            title[lang].format(sector=name),
            text[lang].format(code=sector.code),
            **when,
        )
    for sector in rng.sample(others, 24):
        lang = ctx.lang(sector.municipality)
        (title, text) = rng.choice(texts.SCHOOL_VISITS)
        sector_event(
            sector,
            Event.Kind.SCHOOL_VISIT,
            title[lang].format(school=words[sector.pk]["school"]),
            text[lang],
            **moment((5, 85), (10, 11)),
        )
    # Campaign events: a few municipalities each, on the campaign's day when
    # it falls in the quarter (16 days of activism start on 25 November).
    campaigns = [
        (Event.Kind.CAMPAIGN, None),
        (Event.Kind.CAMPAIGN, (11, 25)),
        (Event.Kind.CAMPAIGN, (12, 20)),
        (Event.Kind.OTHER, None),
    ]
    horizon = ctx.today + datetime.timedelta(days=90)
    for (title, text), (kind, day) in zip(texts.CAMPAIGNS, campaigns, strict=True):
        for municipality in rng.sample(ctx.municipalities, 3):
            lang = ctx.lang(municipality)
            when = moment((7, 80), (11, 13))
            if day is not None:
                for year in (ctx.today.year, ctx.today.year + 1):
                    fixed = datetime.date(year, *day)
                    if ctx.today < fixed <= horizon:
                        when = {
                            "starts_at": ctx.at(fixed, 11),
                            "ends_at": ctx.at(fixed, 13),
                        }
                        break
            events.append(
                Event(
                    kind=kind,
                    title=title[lang],
                    description=text[lang],
                    place=(
                        f"Centralni trg, {municipality.name_sr_latn}"
                        if lang
                        else f"Sheshi qendror, {municipality.name_sq}"
                    ),
                    municipality=municipality,
                    is_demo=True,
                    **when,
                )
            )
    Event.objects.bulk_create(events, batch_size=500)
    backdate(
        events,
        [
            min(e.starts_at, ctx.now) - datetime.timedelta(days=rng.randint(7, 20))
            for e in events
        ],
    )
    return len(events)
