"""Made-up surveys of safety and trust: a Kosovo-wide one closed in 2025
with about 1,500 answers, and an open one in Prishtinë with a few hundred.

Shares are in the ranges Kosovo's published surveys report: most people
feel safe by day, fewer after dark; about three in four trust the police;
a third know their sector officer; few have attended a forum meeting.
Written in bulk (fast, no services: nothing is e-mailed); ``load_demo``
adds them once, and re-running it changes nothing.
"""

import datetime
import random
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from bashkesia.core import clock
from bashkesia.partnership.models import AgeBand, Community, Gender
from bashkesia.surveys.models import Response, Survey
from bashkesia.surveys.questions import Safety, Trust, Worry, YesNo
from bashkesia.territory.models import Municipality, Sector

SEED = 2025
NATIONAL_SLUG = "siguria-dhe-besimi-2025"
PRISHTINA_SLUG = "prishtina-2026"
NATIONAL_ANSWERS = 1500
PRISHTINA_ANSWERS = 320


@dataclass
class SurveysSummary:
    surveys: int = 0
    responses: int = 0

    def __str__(self) -> str:
        return f"{self.surveys} surveys, {self.responses} responses"


def _scale(rng: random.Random, favourable: float, values: list[str]) -> str:
    """Pick an answer on a scale: ``values`` ordered from most favourable,
    the first half favourable with probability ``favourable``; a few
    "don't know"."""
    if rng.random() < 0.04:
        return "dont_know"
    half = len(values) // 2
    if rng.random() < favourable:
        return rng.choice(values[:half]) if half > 1 else values[0]
    return rng.choice(values[half:])


def _response(rng, survey, sector, when, shift: float) -> Response:
    safety = [
        Safety.VERY_SAFE,
        Safety.FAIRLY_SAFE,
        Safety.A_BIT_UNSAFE,
        Safety.VERY_UNSAFE,
    ]
    worry = [Worry.NOT_AT_ALL, Worry.NOT_VERY, Worry.FAIRLY, Worry.VERY]
    trust = [Trust.COMPLETE, Trust.TEND_TO, Trust.NEITHER, Trust.TEND_NOT, Trust.NONE]
    worry_answer = _scale(rng, 0.64 - shift, worry)
    return Response(
        survey=survey,
        sector=sector,
        municipality_id=sector.municipality_id,
        submitted_at=when,
        safe_day=_scale(rng, 0.86 + shift / 2, safety),
        safe_night=_scale(rng, 0.60 + shift, safety) if rng.random() > 0.02 else "",
        worry=worry_answer if rng.random() > 0.03 else "",
        trust=_scale(rng, 0.75 + shift, trust),
        knows_officer=(YesNo.YES if rng.random() < 0.35 + shift else YesNo.NO)
        if rng.random() > 0.03
        else "",
        attended_forum=YesNo.YES if rng.random() < 0.09 else YesNo.NO,
        gender=rng.choice([Gender.FEMALE, Gender.MALE, Gender.MALE, ""]),
        age_band=rng.choice(
            [AgeBand.YOUTH, AgeBand.ADULT, AgeBand.ADULT, AgeBand.SENIOR, ""]
        ),
        community=rng.choice(
            [Community.ALBANIAN] * 8 + [Community.SERB, Community.BOSNIAK, ""]
        ),
    )


def _moment(rng, start: datetime.date, end: datetime.date) -> datetime.datetime:
    day = start + datetime.timedelta(days=rng.randint(0, (end - start).days))
    zone = timezone.get_current_timezone()
    return datetime.datetime.combine(
        day, datetime.time(rng.randint(7, 22), rng.randint(0, 59)), tzinfo=zone
    )


def _answers(rng, survey, sectors, count, end) -> list[Response]:
    weights = [rng.uniform(0.3, 1.7) for _sector in sectors]
    shifts = {
        pk: rng.uniform(-0.08, 0.08) for pk in {s.municipality_id for s in sectors}
    }
    return [
        _response(
            rng,
            survey,
            sector,
            _moment(rng, survey.opens_on, end),
            shifts[sector.municipality_id],
        )
        for sector in rng.choices(sectors, weights=weights, k=count)
    ]


@transaction.atomic
def demo_surveys_load() -> SurveysSummary:
    """Add the demo surveys and their answers once; return what was added."""
    summary = SurveysSummary()
    rng = random.Random(SEED)
    today = clock.today()
    sectors = list(Sector.objects.defer("boundary").order_by("code"))
    if not sectors:
        return summary
    if not Survey.objects.filter(slug=NATIONAL_SLUG).exists():
        survey = Survey.objects.create(
            slug=NATIONAL_SLUG,
            title_sq="Siguria dhe besimi në polici 2025 (demo)",
            title_sr_latn="Bezbednost i poverenje u policiju 2025 (demo)",
            title_sr="Безбедност и поверење у полицију 2025 (демо)",
            title_en="Safety and trust in the police 2025 (demo)",
            introduction_sq="Anketë demonstruese: përgjigjet janë të sajuara.",
            introduction_sr_latn="Demonstraciona anketa: odgovori su izmišljeni.",
            introduction_sr="Демонстрациона анкета: одговори су измишљени.",
            introduction_en="A demonstration survey: the answers are made up.",
            opens_on=datetime.date(2025, 3, 1),
            closes_on=datetime.date(2025, 4, 30),
            is_published=True,
        )
        rows = _answers(rng, survey, sectors, NATIONAL_ANSWERS, survey.closes_on)
        Response.objects.bulk_create(rows, batch_size=500)
        summary.surveys += 1
        summary.responses += len(rows)
    prishtina = Municipality.objects.defer("boundary").filter(code="PRI").first()
    if prishtina is None:
        prishtina = Municipality.objects.defer("boundary").order_by("code").first()
    if prishtina and not Survey.objects.filter(slug=PRISHTINA_SLUG).exists():
        opens = max(
            today - datetime.timedelta(days=30), datetime.date(today.year, 1, 1)
        )
        survey = Survey.objects.create(
            slug=PRISHTINA_SLUG,
            title_sq=f"Sa të sigurt ndiheni në {prishtina.name_sq}? (demo)",
            title_sr_latn=(
                f"{prishtina.name_sr_latn}: koliko se bezbedno osećate? (demo)"
            ),
            title_sr=f"{prishtina.name_sr}: колико се безбедно осећате? (демо)",
            title_en=f"How safe do you feel in {prishtina.name_en}? (demo)",
            introduction_sq=(
                "Pesë minuta: na tregoni si ndiheni në lagjen tuaj. Anketë "
                "demonstruese."
            ),
            introduction_sr_latn=(
                "Pet minuta: recite nam kako se osećate u svom naselju. "
                "Demonstraciona anketa."
            ),
            introduction_sr=(
                "Пет минута: реците нам како се осећате у свом насељу. "
                "Демонстрациона анкета."
            ),
            introduction_en=(
                "Five minutes: tell us how you feel in your neighbourhood. "
                "A demonstration survey."
            ),
            municipality=prishtina,
            opens_on=opens,
            closes_on=today + datetime.timedelta(days=45),
            is_published=True,
        )
        local = [s for s in sectors if s.municipality_id == prishtina.pk]
        rows = _answers(rng, survey, local, PRISHTINA_ANSWERS, today)
        Response.objects.bulk_create(rows, batch_size=500)
        summary.surveys += 1
        summary.responses += len(rows)
    return summary
