"""Demo forums: a KKSB in every municipality, KLSPs in villages and town
neighbourhoods (in every state of their approval), EVSBs run as projects;
their members, the citizens' requests and every step of their lives."""

import datetime
import string
from dataclasses import dataclass, field

from bashkesia.concerns.services import CODE_ALPHABET
from bashkesia.core.text import fold
from bashkesia.officers.models import Officer
from bashkesia.partnership.models import (
    AgeBand,
    Community,
    Forum,
    ForumKind,
    ForumRequest,
    ForumStatus,
    ForumStep,
    Gender,
    MemberRole,
    Membership,
)
from bashkesia.territory.models import Municipality, Sector, Settlement

from . import texts
from .context import (
    TOWN_CODES,
    Context,
    Place,
    backdate,
    cyrl,
    officer_community,
    officer_gender,
)


def _language_of(community: str) -> str:
    """The language a demo member reads: Serbian (Latin) for Serbs, Bosniaks
    and Gorani, Albanian for the others."""
    serbian = {Community.SERB, Community.BOSNIAK, Community.GORANI}
    return "sr-latn" if community in serbian else "sq"


# The Director General in the demo took office then: later approvals are
# theirs (the demo "director" sign-in), earlier ones by a predecessor.
DIRECTOR_IN_OFFICE = datetime.date(2024, 1, 15)
# Stations whose commander signs in as the demo "commander".
COMMANDER_STATIONS = {"PRZ", "PRZ-ZH", "PRZ-SR"}
SECRETARY_MUNICIPALITY = "PRZ"

# KLSPs out of the ordinary, by municipality: waiting for the station
# commander (one in Prizren, where the demo commander works), for the
# Director General, refused, dissolved, or set up in the last months.
REQUESTED = ("GJI",)
AWAITING_CITIZENS = ("FER",)
AWAITING_PROPOSAL = ("VUS",)
REJECTED = ("KAM",)
DISSOLVED = ("SKE",)
RECENT = ("LIP", "ZUB")
# Municipalities too small for a village KLSP of their own in the demo.
NO_VILLAGE_KLSP = ("MIV", "MAM", "PAR", "KLL")
# EVSB projects that belong in a town.
TOWN_PROJECTS = (1, 8, 9)


@dataclass
class ForumPlan:
    """A forum about to be written, with what its meetings need to know."""

    forum: Forum
    lang: int
    sectors: list[Sector]
    settlements: list[Settlement]
    place: Place
    area: str  # "village", "neighbourhood", or "" for a KKSB
    school: str
    members: list[Membership] = field(default_factory=list)
    steps: list[ForumStep] = field(default_factory=list)
    request: ForumRequest | None = None
    request_at: datetime.datetime | None = None
    project: tuple | None = None
    # Meetings run from ``meets_from`` to ``meets_until`` (None: none).
    meets_from: datetime.date | None = None
    meets_until: datetime.date | None = None

    @property
    def kind(self) -> str:
        return self.forum.kind

    def secretary(self) -> Membership | None:
        seats = [m for m in self.members if m.role == MemberRole.SECRETARY]
        return seats[-1] if seats else None


def area_words(area: str, lang: int, place: str) -> dict[str, str]:
    """Return the words naming a KLSP's area, for ``str.format``."""
    sq, sr = texts.AREA_WORDS.get(area or "village", texts.AREA_WORDS["village"])
    if lang:
        return {
            "area_nom": sr[0],
            "area_nom_cap": sr[0].capitalize(),
            "area_gen": sr[1],
            "area_loc": sr[2],
            "area_acc": sr[0],
            "place": place,
        }
    return {
        "area_nom": sq[0],
        "area_nom_cap": sq[0].capitalize(),
        "area_gen": sq[1],
        "area_acc": sq[2],
        "area_loc": sq[2],
        "place": place,
    }


def _names(kind: str, sq: str, sr: str, en: str) -> dict[str, str]:
    """Return the four name fields of a forum of ``kind`` in place ``sq``/
    ``sr`` (``en``: the name English readers know the place by)."""
    long_sq, long_sr, long_en = texts.KIND_NAMES[kind]
    return {
        "name_sq": f"{long_sq} – {sq}",
        "name_sr_latn": f"{long_sr} – {sr}",
        "name_sr": cyrl(f"{long_sr} – {sr}"),
        "name_en": f"{en} {long_en}",
    }


def _office_hours(ctx: Context, day: datetime.date) -> datetime.datetime:
    """Return a working day's moment on or after ``day``."""
    day = ctx.weekday_near(day, (0, 1, 2, 3, 4))
    return ctx.at(day, ctx.rng.randint(8, 15), ctx.rng.randint(0, 59))


def _tracking_code(ctx: Context) -> str:
    raw = "".join(ctx.rng.choice(CODE_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def _email(name: str) -> str:
    local = fold(name).replace(" ", ".")
    local = "".join(c for c in local if c in string.ascii_lowercase + ".")
    return f"{local}@example.org"


def _seat(
    ctx: Context,
    plan: ForumPlan,
    municipality: Municipality,
    spec: tuple,
    *,
    start: datetime.date,
    majority: str,
    words: dict[str, str],
    women: float,
) -> Membership:
    role, org_sq, org_sr, gender, age, community = spec
    lang = plan.lang
    gender = gender or ctx.gender(women)
    if community == "":
        community = (
            majority
            if ctx.rng.random() < 0.8
            else ctx.community(municipality, majority=False)
        )
    organisation = (org_sr if lang else org_sq).format(
        office=ctx.office(municipality, lang), school=plan.school, **words
    )
    return Membership(
        forum=plan.forum,
        name=ctx.person(community, gender),
        role=role,
        organisation=organisation,
        gender=gender,
        community=community,
        age_band=age or ctx.age_band(),
        name_is_public=role == MemberRole.MUNICIPAL or ctx.rng.random() < 0.67,
        start_date=start,
        language=_language_of(community),
    )


def _police(plan: ForumPlan, officer: Officer, start: datetime.date) -> Membership:
    station = plan.forum.station
    return Membership(
        forum=plan.forum,
        name=officer.full_name,
        role=MemberRole.POLICE,
        organisation=station.name_sr_latn if plan.lang else station.name_sq,
        gender=officer_gender(officer),
        community=officer_community(officer),
        age_band=AgeBand.ADULT,
        name_is_public=True,
        start_date=start,
        officer=officer,
        language=_language_of(officer_community(officer)),
    )


def _step(
    plan: ForumPlan,
    action: str,
    at: datetime.datetime,
    by: int | None = None,
    reason: str = "",
) -> None:
    plan.steps.append(
        ForumStep(forum=plan.forum, action=action, at=at, by_id=by, reason=reason)
    )


# KKSB


def _kksb(ctx: Context, municipality: Municipality) -> ForumPlan:
    rng = ctx.rng
    lang = ctx.lang(municipality)
    station = ctx.main_station[municipality.pk]
    sectors = ctx.sectors_of[municipality.pk]
    established = datetime.date(
        rng.randint(2013, 2016), rng.randint(1, 12), rng.randint(1, 28)
    )
    office = ctx.office(municipality, lang)
    forum = Forum(
        kind=ForumKind.KKSB,
        status=ForumStatus.ACTIVE,
        origin=Forum.Origin.DIRECTORATE,
        municipality=municipality,
        station=station,
        area_description=office,
        purpose=texts.KKSB_PURPOSE[lang].format(
            municipality_acc=office.replace("Komuna e", "komunën e", 1),
            municipality=municipality.name_sr_latn,
        ),
        notice_days=7,
        established_on=established,
        is_demo=True,
        **_names(
            ForumKind.KKSB,
            municipality.name_sq,
            municipality.name_sr_latn,
            municipality.name_en,
        ),
    )
    plan = ForumPlan(
        forum=forum,
        lang=lang,
        sectors=sectors,
        settlements=[],
        place=Place(municipality.name_sq, municipality.name_sr_latn, True),
        area="",
        school=rng.choice(texts.SCHOOLS[lang]),
        meets_from=ctx.today - datetime.timedelta(days=365),
    )
    _step(plan, ForumStep.Action.ESTABLISHED, ctx.at(established, 12))
    # The council sitting today was appointed by one decision of the
    # assembly, after the last local elections.
    appointed = ctx.days_ago(420, 1000)
    reference = f"01-{rng.randint(11, 180):03d}/{appointed.year}"
    majority = ctx.community(municipality, majority=True)
    chair_gender = ctx.gender(0.25)
    woman = chair_gender == Gender.FEMALE
    # The mayor, or more often the deputy mayor, chairs the council.
    if rng.random() < 0.4:
        titles = ("kryetare", "predsednica") if woman else ("kryetar", "predsednik")
    else:
        titles = (
            ("nënkryetare", "zamenica predsednika")
            if woman
            else ("nënkryetar", "zamenik predsednika")
        )
    chair_org = (
        f"{office} – {titles[1]} opštine"
        if lang
        else f"{office} – {titles[0]} {'e' if woman else 'i'} komunës"
    )
    seats = [
        Membership(
            forum=forum,
            name=ctx.person(majority, chair_gender),
            role=MemberRole.CHAIR,
            organisation=chair_org,
            gender=chair_gender,
            community=majority,
            age_band=AgeBand.ADULT,
            name_is_public=True,
            start_date=appointed,
            language=_language_of(majority),
        )
    ]
    commander = ctx.commander.get(station.pk)
    if commander is not None:
        seats.append(_police(plan, commander, appointed))
    leader = ctx.leader_of.get(sectors[0].pk)
    if leader is not None:
        seats.append(_police(plan, leader, appointed))
    size = rng.randint(8, 14)
    # Up to two non-majority communities have a seat of their own.
    for minority in ctx.minorities(municipality)[:2]:
        gender = ctx.gender(0.17)
        adjective = texts.COMMUNITY_ADJECTIVES[minority][lang]
        seats.append(
            Membership(
                forum=forum,
                name=ctx.person(minority, gender),
                role=MemberRole.MEMBER,
                organisation=texts.COMMUNITY_SEAT[gender][lang].format(
                    adjective=adjective
                ),
                gender=gender,
                community=minority,
                age_band=ctx.age_band(),
                name_is_public=rng.random() < 0.67,
                start_date=appointed,
                language=_language_of(minority),
            )
        )
    for spec in texts.KKSB_SEATS[: max(0, size - len(seats))]:
        seats.append(
            _seat(
                ctx,
                plan,
                municipality,
                spec,
                start=appointed,
                majority=majority,
                words={},
                women=0.17,
            )
        )
    for seat in seats:
        seat.appointment_reference = reference
    # Half the councils keep a seat of the previous mandate on record.
    if rng.random() < 0.5:
        former = _seat(
            ctx,
            plan,
            municipality,
            rng.choice(texts.KKSB_SEATS[2:]),
            start=max(established, appointed - datetime.timedelta(days=1460)),
            majority=majority,
            words={},
            women=0.17,
        )
        former.end_date = appointed - datetime.timedelta(days=1)
        former.appointment_reference = (
            f"01-{rng.randint(11, 180):03d}/{former.start_date.year}"
        )
        seats.insert(0, former)
    if municipality.code == SECRETARY_MUNICIPALITY:
        secretary = next(s for s in seats if s.role == MemberRole.SECRETARY)
        secretary.user_id = ctx.user_id("secretary")
    plan.members = seats
    return plan


# KLSP


def _klsp_places(ctx: Context) -> list[tuple[Municipality, Sector, list, Place, str]]:
    """Return where the demo KLSPs are: (municipality, sector, settlements,
    place, area), town neighbourhoods first, then one village a
    municipality (two in Prizren)."""
    rng = ctx.rng
    by_code = {m.code: m for m in ctx.municipalities}
    places = []
    for code, sq, sr in texts.NEIGHBOURHOODS:
        municipality = by_code[code]
        sectors = ctx.sectors_of[municipality.pk]
        sector, settlements = sectors[0], []
        for candidate in sectors:
            towns = [
                s
                for s in ctx.settlements_of.get(candidate.pk, [])
                if s.feature_code in TOWN_CODES
            ]
            if towns:
                sector, settlements = candidate, towns[:1]
                break
        if settlements:
            sq = f"{sq} ({settlements[0].name_sq})"
            sr = f"{sr} ({settlements[0].name_sr_latn})"
        places.append(
            (municipality, sector, settlements, Place(sq, sr, False), "neighbourhood")
        )
    for municipality in ctx.municipalities:
        if municipality.code in NO_VILLAGE_KLSP:
            continue
        candidates = [
            (sector, settlement)
            for sector in ctx.sectors_of[municipality.pk]
            for settlement in ctx.settlements_of.get(sector.pk, [])
            if settlement.feature_code == "PPL" and ctx.well_named(settlement)
        ]
        count = 2 if municipality.code == SECRETARY_MUNICIPALITY else 1
        if municipality.code == SECRETARY_MUNICIPALITY:
            # The request waiting for the demo commander: in the station's
            # own area, not a substation's.
            own = [c for c in candidates if c[0].station.code == "PRZ"]
            candidates = own
        for sector, settlement in rng.sample(candidates, count):
            neighbour = [
                s
                for s in ctx.settlements_of[sector.pk]
                if s.pk != settlement.pk
                and s.feature_code in ("PPL", "PPLL")
                and ctx.well_named(s)
            ]
            settlements = [settlement]
            if neighbour and rng.random() < 0.35:
                settlements.append(rng.choice(neighbour))
            places.append(
                (
                    municipality,
                    sector,
                    settlements,
                    Place(settlement.name_sq, settlement.name_sr_latn, False),
                    "village",
                )
            )
    return places


def _klsp(
    ctx: Context,
    municipality: Municipality,
    sector: Sector,
    settlements: list[Settlement],
    place: Place,
    area: str,
    state: str,
) -> ForumPlan:
    rng = ctx.rng
    lang = ctx.lang(municipality)
    name = place.name(lang)
    words = area_words(area, lang, name)
    station = sector.station
    en = place.sr if lang else place.sq  # how English readers know the place
    forum = Forum(
        kind=ForumKind.KLSP,
        municipality=municipality,
        station=station,
        area_description=(
            name
            if area == "neighbourhood"
            else ", ".join((s.name_sr_latn if lang else s.name_sq) for s in settlements)
        ),
        purpose=texts.KLSP_PURPOSE[lang].format(**words),
        notice_days=rng.choice([5, 7, 7]),
        is_demo=True,
        **_names(ForumKind.KLSP, place.sq, place.sr, en),
    )
    plan = ForumPlan(
        forum=forum,
        lang=lang,
        sectors=[sector],
        settlements=settlements,
        place=place,
        area=area,
        school=rng.choice(texts.SCHOOLS[lang]),
    )
    commander_id = (
        ctx.user_id("commander") if station.code in COMMANDER_STATIONS else None
    )
    citizens = state in ("requested", "awaiting_citizens", "rejected") or (
        state in ("active", "recent", "dissolved") and rng.random() < 0.55
    )
    forum.origin = Forum.Origin.CITIZENS if citizens else Forum.Origin.STATION
    if not citizens:
        forum.security_analysis = texts.SECURITY_ANALYSIS[lang].format(
            year=ctx.today.year - 1,
            thefts=rng.randint(6, 30),
            accidents=rng.randint(3, 18),
            fights=rng.randint(2, 12),
            concerns=rng.randint(3, 15),
            **words,
        )

    if state == "requested":
        first = _office_hours(ctx, ctx.days_ago(3, 12))
    elif state in ("awaiting_citizens", "awaiting_proposal"):
        first = _office_hours(ctx, ctx.days_ago(40, 60))
    elif state == "rejected":
        first = _office_hours(ctx, ctx.days_ago(70, 90))
    else:
        if state == "recent":
            established = ctx.days_ago(90, 240)
        elif state == "dissolved":
            established = datetime.date(2012, rng.randint(2, 11), rng.randint(1, 28))
        else:
            established = datetime.date(
                rng.randint(2010, 2023), rng.randint(1, 12), rng.randint(1, 28)
            )
        forum.established_on = established
        first = ctx.at(
            established - datetime.timedelta(days=rng.randint(45, 120)), 11, 20
        )
    plan.request_at = first
    if citizens:
        _step(plan, ForumStep.Action.REQUESTED, first)
        plan.request = _request(ctx, plan, municipality, words)
    else:
        _step(plan, ForumStep.Action.PROPOSED, first, commander_id)

    if state == "requested":
        forum.status = ForumStatus.REQUESTED
        return plan
    if state == "rejected":
        forum.status = ForumStatus.REJECTED
        forum.status_reason = texts.REJECTION_REASON[lang]
        _step(
            plan,
            ForumStep.Action.STATION_REJECTED,
            _office_hours(
                ctx, first.date() + datetime.timedelta(days=rng.randint(10, 20))
            ),
            commander_id,
            forum.status_reason,
        )
        return plan
    if citizens:
        if state == "awaiting_citizens":
            decided = _office_hours(ctx, ctx.days_ago(12, 25))
        else:
            decided = _office_hours(
                ctx, first.date() + datetime.timedelta(days=rng.randint(7, 30))
            )
        _step(plan, ForumStep.Action.STATION_APPROVED, decided, commander_id)
    if state in ("awaiting_citizens", "awaiting_proposal"):
        forum.status = ForumStatus.AWAITING_APPROVAL
        return plan

    approved = ctx.at(forum.established_on, 13)
    director_id = (
        ctx.user_id("director") if forum.established_on >= DIRECTOR_IN_OFFICE else None
    )
    _step(plan, ForumStep.Action.APPROVED, approved, director_id)
    _step(
        plan,
        ForumStep.Action.ESTABLISHED,
        approved + datetime.timedelta(minutes=1),
        director_id,
    )
    forum.status = ForumStatus.ACTIVE
    _klsp_members(ctx, plan, municipality, words)
    plan.meets_from = max(
        forum.established_on + datetime.timedelta(days=rng.randint(10, 25)),
        ctx.today - datetime.timedelta(days=365),
    )
    if state == "dissolved":
        # It stopped meeting ten months ago; dissolved four months ago.
        last = ctx.days_ago(280, 300)
        dissolved = ctx.days_ago(120, 140)
        plan.meets_until = last
        forum.status = ForumStatus.DISSOLVED
        forum.dissolved_on = dissolved
        forum.status_reason = texts.DISSOLUTION_REASON[lang].format(
            date=last.strftime("%d.%m.%Y"), **words
        )
        _step(
            plan,
            ForumStep.Action.DISSOLVED,
            ctx.at(dissolved, 10),
            None,
            forum.status_reason,
        )
        for member in plan.members:
            member.end_date = member.end_date or dissolved
    else:
        plan.meets_until = ctx.today + datetime.timedelta(days=90)
    return plan


def _request(
    ctx: Context, plan: ForumPlan, municipality: Municipality, words: dict
) -> ForumRequest:
    rng = ctx.rng
    majority = ctx.community(municipality, majority=True)
    requesters = [
        ctx.person(majority, ctx.gender(0.3)) for _ in range(rng.randint(3, 7))
    ]
    reasons = "\n\n".join(
        reason[plan.lang].format(**words)
        for reason in rng.sample(texts.REQUEST_REASONS, 2)
    )
    return ForumRequest(
        forum=plan.forum,
        tracking_code=_tracking_code(ctx),
        requesters="\n".join(requesters),
        reasons=reasons,
        contact_name=requesters[0],
        contact_email=_email(requesters[0]),
        contact_phone=f"+383 00 {rng.randint(100, 999)} {rng.randint(100, 999)}",
        language="sr-latn" if plan.lang else "sq",
    )


def _klsp_members(
    ctx: Context, plan: ForumPlan, municipality: Municipality, words: dict
) -> None:
    rng = ctx.rng
    forum = plan.forum
    start = forum.established_on
    majority = ctx.community(municipality, majority=True)
    size = rng.randint(6, 12)
    specs = list(texts.KLSP_SEATS)
    while len(specs) < size:
        specs.append(("member", "", "", "", "", ""))
    members = []
    for spec in specs[: size - 1]:
        women = 0.4 if spec[0] == MemberRole.SECRETARY else 0.15
        members.append(
            _seat(
                ctx,
                plan,
                municipality,
                spec,
                start=start,
                majority=majority,
                words=words,
                women=women,
            )
        )
    officers = ctx.officers_of.get(plan.sectors[0].pk, [])
    if officers:
        # The sector's officer took the seat when assigned there.
        members.insert(1, _police(plan, officers[0], start))
    # A third of the committees changed their chair along the way.
    if rng.random() < 0.33 and ctx.today - start > datetime.timedelta(days=800):
        chair = members[0]
        changed = start + datetime.timedelta(days=rng.randint(365, 700))
        successor = _seat(
            ctx,
            plan,
            municipality,
            texts.KLSP_SEATS[0],
            start=changed,
            majority=majority,
            words=words,
            women=0.15,
        )
        chair.end_date = changed - datetime.timedelta(days=1)
        members.append(successor)
    plan.members = members


# EVSB


def _evsb(
    ctx: Context, municipality: Municipality, index: int, project: tuple
) -> ForumPlan:
    rng = ctx.rng
    lang = ctx.lang(municipality)
    sectors = ctx.sectors_of[municipality.pk]
    settled = [
        (sector, settlement)
        for sector in sectors
        for settlement in ctx.settlements_of.get(sector.pk, [])
        if ctx.well_named(settlement)
    ] or [
        (sector, settlement)
        for sector in sectors
        for settlement in ctx.settlements_of.get(sector.pk, [])
    ]
    towns = [pair for pair in settled if pair[1].feature_code in TOWN_CODES]
    if index in TOWN_PROJECTS and towns:
        sector, settlement = towns[0]
    else:
        sector, settlement = rng.choice(settled)
    place = Place(settlement.name_sq, settlement.name_sr_latn, False)
    title, goal, partners, outcome = project
    name = place.name(lang)
    starts = ctx.days_ago(60, 720)
    ends = starts + datetime.timedelta(days=rng.randint(180, 540))
    forum = Forum(
        kind=ForumKind.EVSB,
        status=ForumStatus.ACTIVE,
        origin=rng.choice([Forum.Origin.STATION, Forum.Origin.DIRECTORATE]),
        municipality=municipality,
        station=sector.station,
        area_description=name,
        purpose=goal[lang],
        goal=goal[lang],
        partners=partners[lang],
        starts_on=starts,
        ends_on=ends,
        outcome=outcome[lang] if ends < ctx.today else "",
        established_on=starts,
        is_demo=True,
        name_sq=f"EVSB {place.sq} – {title[0]}",
        name_sr_latn=f"ATBZ {place.sr} – {title[1]}",
        name_sr=cyrl(f"ATBZ {place.sr} – {title[1]}"),
        name_en=f"{place.sr if lang else place.sq} Community Safety Action Team – "
        f"{title[2]}",
    )
    plan = ForumPlan(
        forum=forum,
        lang=lang,
        sectors=[sector],
        settlements=[settlement],
        place=place,
        area="village",
        school=rng.choice(texts.SCHOOLS[lang]),
        project=project,
        meets_from=max(starts, ctx.today - datetime.timedelta(days=365))
        + datetime.timedelta(days=rng.randint(5, 25)),
        meets_until=min(ends, ctx.today + datetime.timedelta(days=90)),
    )
    _step(plan, ForumStep.Action.ESTABLISHED, ctx.at(starts, 12))
    words = area_words("village", lang, name)
    majority = ctx.community(municipality, majority=True)
    size = rng.randint(5, 9)
    specs = list(texts.EVSB_SEATS)
    while len(specs) < size:
        specs.append(("member", "", "", "", "", ""))
    members = [
        _seat(
            ctx,
            plan,
            municipality,
            spec,
            start=starts,
            majority=majority,
            words=words,
            women=0.12,
        )
        for spec in specs[: size - 1]
    ]
    officers = ctx.officers_of.get(sector.pk, [])
    if officers:
        members.insert(1, _police(plan, officers[-1], starts))
    # A team stays on when its project ends: its members' seats go on.
    plan.members = members
    return plan


def forums_plan(ctx: Context) -> list[ForumPlan]:
    """Return every demo forum to write, in a fixed order."""
    rng = ctx.rng
    plans = [_kksb(ctx, municipality) for municipality in ctx.municipalities]
    requested_prz = False
    for municipality, sector, settlements, place, area in _klsp_places(ctx):
        code = municipality.code
        state = "active"
        if area == "village":
            if code == "PRZ" and not requested_prz and sector.station.code == "PRZ":
                state, requested_prz = "requested", True
            elif code in REQUESTED:
                state = "requested"
            elif code in AWAITING_CITIZENS:
                state = "awaiting_citizens"
            elif code in AWAITING_PROPOSAL:
                state = "awaiting_proposal"
            elif code in REJECTED:
                state = "rejected"
            elif code in DISSOLVED:
                state = "dissolved"
            elif code in RECENT:
                state = "recent"
        plans.append(_klsp(ctx, municipality, sector, settlements, place, area, state))
    with_settlements = [m for m in ctx.municipalities if len(_settled(ctx, m)) >= 3]
    chosen = [m for m in with_settlements if m.code == "PRZ"]
    others = [m for m in with_settlements if m.code != "PRZ"]
    chosen += rng.sample(others, 29)
    order = list(range(len(texts.EVSB_PROJECTS)))
    rng.shuffle(order)
    for i, municipality in enumerate(chosen):
        index = order[i % len(order)]
        plans.append(_evsb(ctx, municipality, index, texts.EVSB_PROJECTS[index]))
    return plans


def _settled(ctx: Context, municipality: Municipality) -> list[Settlement]:
    return [
        settlement
        for sector in ctx.sectors_of[municipality.pk]
        for settlement in ctx.settlements_of.get(sector.pk, [])
    ]


def forums_write(ctx: Context, plans: list[ForumPlan]) -> None:
    """Write the planned forums with their areas, requests, steps and
    members (a handful of bulk inserts)."""
    forums = [plan.forum for plan in plans]
    Forum.objects.bulk_create(forums, batch_size=500)
    backdate(forums, [plan.steps[0].at for plan in plans])
    Forum.sectors.through.objects.bulk_create(
        [
            Forum.sectors.through(forum_id=plan.forum.pk, sector_id=sector.pk)
            for plan in plans
            for sector in plan.sectors
        ],
        batch_size=500,
    )
    Forum.settlements.through.objects.bulk_create(
        [
            Forum.settlements.through(
                forum_id=plan.forum.pk, settlement_id=settlement.pk
            )
            for plan in plans
            for settlement in plan.settlements
        ],
        batch_size=500,
    )
    requests = [plan for plan in plans if plan.request is not None]
    for plan in requests:
        plan.request.forum = plan.forum
    ForumRequest.objects.bulk_create([p.request for p in requests], batch_size=500)
    backdate([p.request for p in requests], [p.request_at for p in requests])
    steps = [step for plan in plans for step in plan.steps]
    for plan in plans:
        for step in plan.steps:
            step.forum = plan.forum
    ForumStep.objects.bulk_create(steps, batch_size=500)
    members = []
    for plan in plans:
        for member in plan.members:
            member.forum = plan.forum
            members.append(member)
    Membership.objects.bulk_create(members, batch_size=500)
    backdate(members, [ctx.at(m.start_date, 9) for m in members])
