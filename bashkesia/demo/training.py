"""Made-up training at the Community Safety Coordination Office (Vushtrri):
six courses, about twenty-five sessions over three years (held ones in the
past, a few to come), demo forum members enrolled, their attendance,
completions and certificates.

``load_demo`` adds them once, after the partnership demo (whose forums and
members they enrol). Rows are written in bulk, not through the services, and
dates are relative to today.
"""

import datetime
import random
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from bashkesia.core import clock
from bashkesia.core.text import latin_to_cyrillic
from bashkesia.partners.models import Partner
from bashkesia.partnership.models import ForumStatus, Membership
from bashkesia.training.codes import ALPHABET, GROUP, LENGTH, PREFIX
from bashkesia.training.models import (
    Audience,
    Certificate,
    Course,
    Enrolment,
    TrainingSession,
)

SEED = 2008
SESSIONS = 25
UPCOMING = 4
SPACING = datetime.timedelta(days=42)
TRAINERS = [
    "Besnik Morina, Valbona Krasniqi",
    "Arta Hoxha, Milan Jovanović",
    "Fatmir Berisha, Teuta Gashi",
    "Driton Shala, Ana Petrović",
]

# (code, hours, audience, (sq, sr-latn, en) title, (sq, sr-latn, en) topics)
COURSES = [
    (
        "CP-101",
        16,
        Audience.MIXED,
        (
            "Policimi në bashkësi dhe roli i komiteteve lokale të sigurisë",
            "Policija u zajednici i uloga lokalnih komiteta za bezbednost",
            "Community policing and the role of local safety committees",
        ),
        (
            "Parimet e policimit në bashkësi\nKLSP, KKSB dhe EVSB: detyrat dhe "
            "bazat ligjore\nBashkëpunimi me policinë e sektorit\nTakimet publike "
            "dhe procesverbalet",
            "Principi policije u zajednici\nLKJB, OSBZ i AGBZ: zadaci i pravni "
            "osnov\nSaradnja sa sektorskim policajcem\nJavni sastanci i zapisnici",
            "Principles of community policing\nKLSP, KKSB and EVSB: duties and "
            "legal basis\nWorking with the sector officer\nPublic meetings and "
            "minutes",
        ),
    ),
    (
        "SARA-201",
        24,
        Audience.EVSB,
        (
            "Zgjidhja e problemeve me modelin SARA",
            "Rešavanje problema po modelu SARA",
            "Problem solving with the SARA model",
        ),
        (
            "Skanimi: gjetja e problemit\nAnaliza: shkaqet dhe të dhënat\n"
            "Reagimi: plani me partnerët\nVlerësimi: a funksionoi?",
            "Skeniranje: prepoznavanje problema\nAnaliza: uzroci i podaci\n"
            "Odgovor: plan sa partnerima\nProcena: da li je uspelo?",
            "Scanning: finding the problem\nAnalysis: causes and data\n"
            "Response: a plan with partners\nAssessment: did it work?",
        ),
    ),
    (
        "COM-110",
        12,
        Audience.KLSP,
        (
            "Komunikimi dhe ndërmjetësimi i konflikteve në bashkësi",
            "Komunikacija i posredovanje u sukobima u zajednici",
            "Communication and conflict mediation in the community",
        ),
        (
            "Dëgjimi aktiv\nNdërmjetësimi i mosmarrëveshjeve në lagje\n"
            "Komunikimi me mediat",
            "Aktivno slušanje\nPosredovanje u sporovima u naselju\n"
            "Komunikacija sa medijima",
            "Active listening\nMediating neighbourhood disputes\nTalking to the media",
        ),
    ),
    (
        "CHS-120",
        8,
        Audience.KKSB,
        (
            "Siguria e fëmijëve dhe e shkollave",
            "Bezbednost dece i škola",
            "Safety of children and schools",
        ),
        (
            "Rruga e sigurt për në shkollë\nDhuna dhe ngacmimi në shkolla\n"
            "Siguria në internet",
            "Bezbedan put do škole\nNasilje i vršnjačko zlostavljanje u školi\n"
            "Bezbednost na internetu",
            "A safe way to school\nViolence and bullying at school\nSafety online",
        ),
    ),
    (
        "GEN-130",
        8,
        Audience.MIXED,
        (
            "Gjinia dhe siguria në bashkësi",
            "Rod i bezbednost u zajednici",
            "Gender and community safety",
        ),
        (
            "Dhuna në familje: njohja dhe referimi\nGratë në forumet e sigurisë\n"
            "Hapësirat publike të sigurta",
            "Nasilje u porodici: prepoznavanje i upućivanje\nŽene u forumima "
            "za bezbednost\nBezbedni javni prostori",
            "Domestic violence: recognising and referring\nWomen in the safety "
            "forums\nSafe public spaces",
        ),
    ),
    (
        "CPT-140",
        16,
        Audience.POLICE,
        (
            "Parandalimi i krimit përmes dizajnit të mjedisit",
            "Prevencija kriminala kroz oblikovanje okruženja",
            "Crime prevention through environmental design",
        ),
        (
            "Ndriçimi dhe dukshmëria\nHapësirat e braktisura\n"
            "Ecja e sigurisë me banorët",
            "Osvetljenje i vidljivost\nNapušteni prostori\n"
            "Bezbednosna šetnja sa stanovnicima",
            "Lighting and visibility\nAbandoned spaces\nSafety walks with residents",
        ),
    ),
]


@dataclass
class TrainingSummary:
    courses: int = 0
    sessions: int = 0
    enrolments: int = 0
    completed: int = 0
    certificates: int = 0

    def __str__(self) -> str:
        return (
            f"{self.courses} courses, {self.sessions} sessions, "
            f"{self.enrolments} enrolments, {self.completed} completed, "
            f"{self.certificates} certificates"
        )


def _courses() -> list[Course]:
    courses = []
    for code, hours, audience, titles, topics in COURSES:
        courses.append(
            Course(
                code=code,
                title_sq=titles[0],
                title_sr_latn=titles[1],
                title_sr=latin_to_cyrillic(titles[1]),
                title_en=titles[2],
                curriculum_sq=topics[0],
                curriculum_sr_latn=topics[1],
                curriculum_sr=latin_to_cyrillic(topics[1]),
                curriculum_en=topics[2],
                hours=hours,
                audience=audience,
                is_demo=True,
            )
        )
    return Course.objects.bulk_create(courses)


def _code(rng: random.Random, taken: set[str]) -> str:
    while True:
        body = "".join(rng.choice(ALPHABET) for _ in range(LENGTH))
        code = f"{PREFIX}-{body[:GROUP]}-{body[GROUP:]}"
        if code not in taken:
            taken.add(code)
            return code


def _moment(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _load(seed: int) -> TrainingSummary:
    rng = random.Random(seed)
    today = clock.today()
    summary = TrainingSummary()
    courses = _courses()
    summary.courses = len(courses)
    members = list(
        Membership.objects.filter(
            forum__is_demo=True, forum__status=ForumStatus.ACTIVE
        ).order_by("pk")
    )
    if not members:
        return summary
    partners = list(Partner.objects.filter(is_active=True).order_by("pk")[:6])
    first = today - (SESSIONS - UPCOMING) * SPACING
    sessions = []
    for number in range(SESSIONS):
        course = courses[number % len(courses)]
        starts_on = first + number * SPACING
        days = 1 + course.hours // 8
        ends_on = starts_on + datetime.timedelta(days=days - 1)
        sessions.append(
            TrainingSession(
                course=course,
                starts_on=starts_on,
                ends_on=ends_on,
                trainers=TRAINERS[number % len(TRAINERS)],
                capacity=rng.choice((20, 24, 25, 30)),
                status=TrainingSession.Status.HELD
                if ends_on < today
                else TrainingSession.Status.PLANNED,
                is_demo=True,
            )
        )
    sessions = TrainingSession.objects.bulk_create(sessions)
    summary.sessions = len(sessions)
    for session in sessions:
        if partners:
            session.partners.set(rng.sample(partners, k=min(2, len(partners))))
    held_sessions = [s for s in sessions if s.status == TrainingSession.Status.HELD]
    # The latest held session waits for its completions (and certificates).
    latest_held = held_sessions[-1] if held_sessions else None
    enrolments, outcomes = [], []
    for session in sessions:
        eligible = [
            member
            for member in members
            if member.start_date <= session.starts_on
            and (member.end_date is None or member.end_date >= session.starts_on)
        ]
        held = session.status == TrainingSession.Status.HELD
        count = min(len(eligible), rng.randint(12, session.capacity - 2))
        if not held:
            count = min(count, rng.randint(3, 10))
        for member in rng.sample(eligible, k=count):
            status = Enrolment.Status.ENROLLED
            if held:
                roll = rng.random()
                status = (
                    Enrolment.Status.NO_SHOW
                    if roll < 0.07
                    else Enrolment.Status.ATTENDED
                    if roll < 0.12
                    else Enrolment.Status.COMPLETED
                )
                if session is latest_held and status == Enrolment.Status.COMPLETED:
                    status = Enrolment.Status.ATTENDED
            enrolments.append(
                Enrolment(
                    session=session,
                    membership=member,
                    status=status,
                    attendance_recorded_at=_moment(session.starts_on, 17)
                    if held
                    else None,
                    completed_at=_moment(session.ends_on, 17)
                    if status == Enrolment.Status.COMPLETED
                    else None,
                )
            )
            outcomes.append(status)
    enrolments = Enrolment.objects.bulk_create(enrolments)
    summary.enrolments = len(enrolments)
    taken: set[str] = set()
    certificates = []
    for enrolment in enrolments:
        if enrolment.status != Enrolment.Status.COMPLETED:
            continue
        course, session = enrolment.session.course, enrolment.session
        issued_at = _moment(session.ends_on, 18)
        certificates.append(
            Certificate(
                enrolment=enrolment,
                code=_code(rng, taken),
                holder_name=enrolment.membership.name,
                course_code=course.code,
                course_title_sq=course.title_sq,
                course_title_sr_latn=course.title_sr_latn,
                course_title_sr=course.title_sr,
                course_title_en=course.title_en,
                hours=course.hours,
                starts_on=session.starts_on,
                ends_on=session.ends_on,
                language=enrolment.membership.language,
                issued_at=issued_at,
            )
        )
    if certificates:
        revoked = certificates[len(certificates) // 3]
        revoked.revoked_at = revoked.issued_at + datetime.timedelta(days=30)
        revoked.revoked_reason = "Issued by mistake for a member who left early."
    Certificate.objects.bulk_create(certificates)
    summary.completed = outcomes.count(Enrolment.Status.COMPLETED)
    summary.certificates = len(certificates)
    return summary


@transaction.atomic
def demo_training_load(seed: int = SEED) -> TrainingSummary:
    """Add the demo courses, sessions, enrolments and certificates unless
    they are there (then return zero counts). Needs the partnership demo's
    forums and members."""
    if Course.objects.filter(Q(is_demo=True)).exists():
        return TrainingSummary()
    return _load(seed)
