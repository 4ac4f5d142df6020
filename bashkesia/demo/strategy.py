"""Demo strategy: an illustrative 2021–2025 strategy shaped like the real
integrated strategy for intelligence-led and community policing (5
objectives, 27 sub-objectives, 99 activities). Its objectives are not the
real ones (those are not public): the strategy is labelled illustrative on
every page.

``demo_strategy_load()`` is idempotent: a strategy already there is left as
it is. Run after the partners, partnership, surveys and training demos (the
computed indicators count their data).
"""

import datetime
import random
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from bashkesia.core.text import latin_to_cyrillic
from bashkesia.partners.models import Partner
from bashkesia.strategy.models import (
    Activity,
    ActivityStatus,
    ActivityUpdate,
    Indicator,
    Measurement,
    Objective,
    Strategy,
    SubObjective,
)
from bashkesia.strategy.services.indicators import indicators_recalculate

SLUG = "integrated-strategy-2021-2025"

# Each objective: its title (sq, sr-latn, en), its sub-objectives' topics
# (sq, sr-latn, en), its responsible unit and the partners it works with.
OBJECTIVES = [
    (
        (
            "Besimi dhe partneriteti ndërmjet policisë dhe komuniteteve",
            "Poverenje i partnerstvo između policije i zajednica",
            "Trust and partnership between the police and communities",
        ),
        [
            (
                "njohja e policit të sektorit",
                "poznavanje sektorskog policajca",
                "knowing the sector officer",
            ),
            (
                "komunikimi me publikun",
                "komunikacija sa javnošću",
                "communication with the public",
            ),
            (
                "komunitetet joshumicë",
                "nevećinske zajednice",
                "non-majority communities",
            ),
            ("të rinjtë dhe shkollat", "mladi i škole", "young people and schools"),
            (
                "gratë dhe barazia gjinore",
                "žene i rodna ravnopravnost",
                "women and gender equality",
            ),
            (
                "ankesat dhe përgjegjshmëria",
                "pritužbe i odgovornost",
                "complaints and accountability",
            ),
        ],
        "Drejtoria për Policim në Bashkësi dhe Parandalim",
        ["osce", "kwn", "save-the-children"],
    ),
    (
        (
            "Policimi në sektor dhe zgjidhja e problemeve",
            "Sektorski rad policije i rešavanje problema",
            "Sector policing and problem solving",
        ),
        [
            (
                "caktimi i policëve në sektorë",
                "raspoređivanje policajaca po sektorima",
                "assigning officers to sectors",
            ),
            ("prioritetet e sektorit", "prioriteti sektora", "sector priorities"),
            ("metoda SARA", "SARA metoda", "the SARA method"),
            ("shqetësimet e qytetarëve", "zabrinutosti građana", "citizens' concerns"),
            ("patrullimi në këmbë", "pešačke patrole", "foot patrols"),
        ],
        "Drejtoritë rajonale të policisë",
        ["icitap", "mpb"],
    ),
    (
        (
            "Policimi i udhëhequr nga inteligjenca dhe parandalimi i krimit",
            "Rad policije vođen obaveštajnim podacima i prevencija kriminala",
            "Intelligence-led policing and crime prevention",
        ),
        [
            (
                "analiza e informatave nga komuniteti",
                "analiza informacija iz zajednice",
                "analysis of information from the community",
            ),
            ("parandalimi i vjedhjeve", "prevencija krađa", "burglary prevention"),
            ("siguria në trafik", "bezbednost saobraćaja", "road safety"),
            ("dhuna në familje", "nasilje u porodici", "domestic violence"),
            (
                "parandalimi i radikalizmit",
                "prevencija radikalizma",
                "preventing radicalisation",
            ),
            ("krimi kibernetik", "sajber kriminal", "cybercrime"),
        ],
        "Departamenti për Hetime dhe Drejtoria për Parandalim",
        ["icitap", "undp", "kcss"],
    ),
    (
        (
            "Forumet e sigurisë dhe pjesëmarrja e qytetarëve",
            "Forumi bezbednosti i učešće građana",
            "Safety forums and citizens' participation",
        ),
        [
            (
                "komitetet lokale për siguri publike (KLSP)",
                "lokalni komiteti za javnu bezbednost (LKJB)",
                "local public safety committees (KLSP)",
            ),
            (
                "këshillat komunalë për siguri në bashkësi (KKSB)",
                "opštinski saveti za bezbednost u zajednici (OSBZ)",
                "municipal community safety councils (KKSB)",
            ),
            (
                "ekipet vepruese për siguri në bashkësi (EVSB)",
                "akcioni timovi za bezbednost u zajednici (AGBZ)",
                "community safety action teams (EVSB)",
            ),
            ("takimet publike", "javni sastanci", "public meetings"),
            (
                "bashkëpunimi me komunat",
                "saradnja sa opštinama",
                "cooperation with municipalities",
            ),
        ],
        "Zyra për Koordinimin e Sigurisë në Bashkësi",
        ["komuna-prishtine", "komuna-prizren", "komuna-mitrovice-veri", "osce"],
    ),
    (
        (
            "Trajnimi, kapacitetet dhe vlerësimi",
            "Obuka, kapaciteti i evaluacija",
            "Training, capacity and evaluation",
        ),
        [
            (
                "trajnimi i policëve të sektorit",
                "obuka sektorskih policajaca",
                "training sector officers",
            ),
            (
                "trajnimi i anëtarëve të forumeve",
                "obuka članova foruma",
                "training forum members",
            ),
            (
                "anketat e sigurisë dhe besimit",
                "ankete o bezbednosti i poverenju",
                "safety and trust surveys",
            ),
            (
                "monitorimi i planit të veprimit",
                "praćenje akcionog plana",
                "monitoring the action plan",
            ),
            ("shkëmbimi i përvojave", "razmena iskustava", "sharing experience"),
        ],
        "Akademia e Kosovës për Siguri Publike",
        ["aksp", "osce", "icitap"],
    ),
]

# What an activity does (sq, sr-latn, en), followed by its topic.
ACTIONS = [
    (
        "Hartimi i procedurës standarde",
        "Izrada standardne procedure",
        "Drafting a standard procedure",
    ),
    ("Trajnimi i zyrtarëve", "Obuka službenika", "Training officers"),
    ("Fushata informuese", "Informativna kampanja", "Information campaign"),
    (
        "Takime të rregullta me komunitetin",
        "Redovni sastanci sa zajednicom",
        "Regular meetings with the community",
    ),
    (
        "Projekt pilot në dy rajone",
        "Pilot projekat u dva regiona",
        "Pilot project in two regions",
    ),
    ("Vlerësimi vjetor", "Godišnja procena", "Yearly assessment"),
    ("Udhëzues për policët", "Vodič za policajce", "Guide for officers"),
    ("Raport publik", "Javni izveštaj", "Public report"),
]

SUB_COUNTS = [6, 5, 6, 5, 5]  # 27
# 99 activities: four under each of the first 18 sub-objectives, three under
# the other nine.
ACTIVITY_COUNTS = [4] * 18 + [3] * 9

# (code, owner: objective number or sub-objective number, names, unit,
# baseline, target, direction, frequency, formula or "" (manual),
# manual yearly values 2021..2024)
INDICATORS = [
    (
        "I-1.1",
        "1",
        (
            "Qytetarët që e njohin policin e sektorit",
            "Građani koji poznaju sektorskog policajca",
            "Citizens who know their sector officer",
        ),
        "%",
        "38",
        "60",
        "increase",
        "yearly",
        "citizens_knowing_sector_officer",
        [],
    ),
    (
        "I-1.2",
        "1",
        ("Besimi në polici", "Poverenje u policiju", "Trust in the police"),
        "%",
        "68",
        "80",
        "increase",
        "yearly",
        "",
        ["68", "71", "73", "76"],
    ),
    (
        "I-2.1",
        "2",
        (
            "Shqetësimet e zgjidhura brenda afatit",
            "Zabrinutosti rešene u roku",
            "Concerns resolved within target",
        ),
        "%",
        "60",
        "85",
        "increase",
        "quarterly",
        "concerns_resolved_within_target",
        [],
    ),
    (
        "I-2.2",
        "2.2",
        (
            "Prioritetet e sektorit të trajtuara",
            "Prioriteti sektora po kojima je postupljeno",
            "Sector priorities acted on",
        ),
        "%",
        "50",
        "80",
        "increase",
        "yearly",
        "sector_priorities_acted_on",
        [],
    ),
    (
        "I-3.1",
        "3",
        (
            "Vjedhjet e raportuara për 10 000 banorë",
            "Prijavljene krađe na 10 000 stanovnika",
            "Reported burglaries per 10,000 residents",
        ),
        "",
        "24",
        "18",
        "decrease",
        "yearly",
        "",
        ["24", "23.1", "21.4", "20.2"],
    ),
    (
        "I-3.2",
        "3.3",
        (
            "Aksidentet me të lënduar",
            "Saobraćajne nezgode sa povređenima",
            "Injury road accidents",
        ),
        "",
        "4100",
        "3500",
        "decrease",
        "yearly",
        "",
        ["4100", "3980", "3890", "3720"],
    ),
    (
        "I-4.1",
        "4",
        ("KLSP aktive", "Aktivni LKJB", "Active KLSPs"),
        "",
        "30",
        "45",
        "increase",
        "yearly",
        "active_klsps",
        [],
    ),
    (
        "I-4.2",
        "4",
        (
            "Takimet e forumeve për tremujor",
            "Sastanci foruma po tromesečju",
            "Forum meetings held per quarter",
        ),
        "",
        "20",
        "40",
        "increase",
        "quarterly",
        "forum_meetings_per_quarter",
        [],
    ),
    (
        "I-5.1",
        "5.2",
        (
            "Anëtarët e forumeve të trajnuar",
            "Obučeni članovi foruma",
            "Forum members trained",
        ),
        "",
        "0",
        "300",
        "increase",
        "yearly",
        "forum_members_trained",
        [],
    ),
    (
        "I-5.2",
        "5",
        (
            "Policët e trajnuar në policim në bashkësi",
            "Policajci obučeni za rad policije u zajednici",
            "Officers trained in community policing",
        ),
        "%",
        "35",
        "90",
        "increase",
        "yearly",
        "",
        ["35", "48", "61", "72"],
    ),
]


@dataclass
class StrategySummary:
    objectives: int = 0
    sub_objectives: int = 0
    activities: int = 0
    updates: int = 0
    indicators: int = 0
    measurements: int = 0

    def __str__(self) -> str:
        return (
            f"{self.objectives} objectives, {self.sub_objectives} sub-objectives, "
            f"{self.activities} activities, {self.updates} updates, "
            f"{self.indicators} indicators, {self.measurements} measurements"
        )


def _cyrillic(sr_latn: str) -> str:
    return latin_to_cyrillic(sr_latn)


def _aware(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _steps(rng: random.Random, index: int) -> list[tuple[int, str]]:
    """Return an activity's (progress, status) steps over 2024–2025."""
    fate = index % 11
    if fate == 0:
        return []  # not started
    if fate == 5 and index % 3 == 0:
        return [(20, ActivityStatus.IN_PROGRESS), (20, ActivityStatus.CANCELLED)]
    count = rng.randint(2, 4)
    progress, steps = 0, []
    for step in range(count):
        progress = min(100, progress + rng.choice([10, 15, 20, 25, 30]))
        last = step == count - 1
        if last and fate in (1, 2, 3, 4):
            steps.append((100, ActivityStatus.COMPLETED))
        elif last and fate in (6, 7):
            steps.append((progress if progress < 100 else 90, ActivityStatus.DELAYED))
        else:
            status = ActivityStatus.IN_PROGRESS
            steps.append((min(progress, 95), status))
    return steps


@transaction.atomic
def demo_strategy_load() -> StrategySummary:
    """Load the illustrative strategy once; return what was added."""
    summary = StrategySummary()
    if Strategy.objects.filter(slug=SLUG).exists():
        return summary
    rng = random.Random(2021)  # noqa: S311 (made-up demo data)
    strategy = Strategy.objects.create(
        slug=SLUG,
        title_sq="Strategjia e integruar për policim në bashkësi 2021–2025 "
        "(ilustruese)",
        title_sr_latn="Integrisana strategija za rad policije u zajednici "
        "2021–2025 (ilustrativna)",
        title_sr=_cyrillic(
            "Integrisana strategija za rad policije u zajednici 2021–2025 "
            "(ilustrativna)"
        ),
        title_en="Integrated strategy for community policing 2021–2025 (illustrative)",
        description_sq=(
            "Një strategji ilustruese me formën e strategjisë së integruar për "
            "policim të udhëhequr nga inteligjenca dhe policim në bashkësi: 5 "
            "objektiva, 27 nën-objektiva dhe 99 aktivitete. Objektivat, "
            "aktivitetet dhe shifrat janë të sajuara për demonstrim."
        ),
        description_sr_latn=(
            "Ilustrativna strategija po uzoru na integrisanu strategiju za rad "
            "policije vođen obaveštajnim podacima i rad policije u zajednici: 5 "
            "ciljeva, 27 podciljeva i 99 aktivnosti. Ciljevi, aktivnosti i "
            "brojke su izmišljeni radi demonstracije."
        ),
        description_sr=_cyrillic(
            "Ilustrativna strategija po uzoru na integrisanu strategiju za rad "
            "policije vođen obaveštajnim podacima i rad policije u zajednici: 5 "
            "ciljeva, 27 podciljeva i 99 aktivnosti. Ciljevi, aktivnosti i "
            "brojke su izmišljeni radi demonstracije."
        ),
        description_en=(
            "An illustrative strategy shaped like the integrated strategy for "
            "intelligence-led and community policing: 5 objectives, 27 "
            "sub-objectives and 99 activities. The objectives, activities and "
            "figures are made up for demonstration."
        ),
        start_year=2021,
        end_year=2025,
        is_illustrative=True,
        published=True,
    )
    partners = {p.slug: p for p in Partner.objects.all()}
    users = {
        u.username: u
        for u in User.objects.filter(
            username__in=["officer", "commander", "coordinator", "directorate"]
        )
    }
    objectives, subs, activities = {}, {}, []
    activity_partners, activity_reporters = [], []
    counts = iter(ACTIVITY_COUNTS)
    for o_index, (titles, topics, unit, partner_slugs) in enumerate(OBJECTIVES, 1):
        objective = Objective.objects.create(
            strategy=strategy,
            number=str(o_index),
            position=o_index,
            title_sq=titles[0],
            title_sr_latn=titles[1],
            title_sr=_cyrillic(titles[1]),
            title_en=titles[2],
            # The first objective weighs double: trust is what the rest serves.
            weight=Decimal(2) if o_index == 1 else None,
        )
        objectives[str(o_index)] = objective
        for s_index, topic in enumerate(topics[: SUB_COUNTS[o_index - 1]], 1):
            number = f"{o_index}.{s_index}"
            sub = SubObjective.objects.create(
                objective=objective,
                number=number,
                position=s_index,
                title_sq=topic[0][0].upper() + topic[0][1:],
                title_sr_latn=topic[1][0].upper() + topic[1][1:],
                title_sr=_cyrillic(topic[1][0].upper() + topic[1][1:]),
                title_en=topic[2][0].upper() + topic[2][1:],
            )
            subs[number] = sub
            for a_index in range(1, next(counts) + 1):
                action = ACTIONS[(o_index * 7 + s_index * 3 + a_index) % len(ACTIONS)]
                year = 2021 + (a_index + s_index) % 4
                start = datetime.date(year, 1 + (a_index * 3) % 12, 1)
                end = datetime.date(min(year + 1 + a_index % 2, 2025), 12, 31)
                activity = Activity(
                    sub_objective=sub,
                    strategy=strategy,
                    number=f"{number}.{a_index}",
                    position=a_index,
                    description_sq=f"{action[0]}: {topic[0]}",
                    description_sr_latn=f"{action[1]}: {topic[1]}",
                    description_sr=_cyrillic(f"{action[1]}: {topic[1]}"),
                    description_en=f"{action[2]}: {topic[2]}",
                    responsible_unit=unit,
                    start=start,
                    end=end,
                    weight=Decimal(2) if a_index == 1 else None,
                )
                activities.append(activity)
                named = [partners[slug] for slug in partner_slugs if slug in partners]
                if named:
                    activity_partners.append(
                        (activity, named[(s_index + a_index) % len(named)])
                    )
                reporter = (
                    users.get("officer")
                    if number == "2.1"
                    else users.get("commander")
                    if o_index == 2
                    else users.get("directorate")
                )
                if reporter:
                    activity_reporters.append((activity, reporter))
    Activity.objects.bulk_create(activities)
    Activity.partners.through.objects.bulk_create(
        Activity.partners.through(activity_id=a.pk, partner_id=p.pk)
        for a, p in activity_partners
    )
    Activity.reporters.through.objects.bulk_create(
        Activity.reporters.through(activity_id=a.pk, user_id=u.pk)
        for a, u in activity_reporters
    )

    # Two years of updates, 2024–2025.
    updates, changed = [], []
    by = users.get("directorate")
    reporter_of = {id(activity): user for activity, user in activity_reporters}
    first_day = datetime.date(2024, 1, 8)
    for index, activity in enumerate(activities):
        steps = _steps(rng, index)
        progress, status = 0, ActivityStatus.NOT_STARTED
        day = first_day + datetime.timedelta(days=rng.randint(0, 120))
        for new_progress, new_status in steps:
            updates.append(
                ActivityUpdate(
                    activity=activity,
                    at=_aware(day, 10),
                    by=reporter_of.get(id(activity), by),
                    old_progress=progress,
                    new_progress=new_progress,
                    old_status=status,
                    new_status=new_status,
                    note="",
                )
            )
            progress, status = new_progress, new_status
            day += datetime.timedelta(days=rng.randint(60, 170))
            day = min(day, datetime.date(2025, 12, 15))
        if steps:
            activity.progress, activity.status = progress, status
            changed.append(activity)
    ActivityUpdate.objects.bulk_create(updates)
    Activity.objects.bulk_update(changed, ["progress", "status"])

    # Indicators, with the manual ones measured 2021–2024.
    made, measurements = [], []
    now = timezone.now()
    for (
        code,
        owner,
        names,
        unit,
        base,
        target,
        direction,
        freq,
        formula,
        values,
    ) in INDICATORS:
        links = (
            {"objective": objectives[owner]}
            if "." not in owner
            else {"sub_objective": subs[owner]}
        )
        indicator = Indicator.objects.create(
            strategy=strategy,
            code=code,
            name_sq=names[0],
            name_sr_latn=names[1],
            name_sr=_cyrillic(names[1]),
            name_en=names[2],
            unit=unit,
            baseline=Decimal(base),
            baseline_year=2021,
            target=Decimal(target),
            target_year=2025,
            direction=direction,
            frequency=freq,
            source="computed" if formula else "manual",
            formula=formula,
            **links,
        )
        made.append(indicator)
        for offset, value in enumerate(values):
            year = 2021 + offset
            measurements.append(
                Measurement(
                    indicator=indicator,
                    period_start=datetime.date(year, 1, 1),
                    period_end=datetime.date(year, 12, 31),
                    value=Decimal(value),
                    note="Ilustruese",
                    entered_by=by,
                    at=now,
                )
            )
    Measurement.objects.bulk_create(measurements)
    computed = indicators_recalculate(
        indicators=[indicator for indicator in made if indicator.formula]
    )
    summary.objectives = len(objectives)
    summary.sub_objectives = len(subs)
    summary.activities = len(activities)
    summary.updates = len(updates)
    summary.indicators = len(made)
    summary.measurements = len(measurements) + computed.created
    return summary
