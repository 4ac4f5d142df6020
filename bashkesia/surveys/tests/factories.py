"""Surveys and responses for tests, written directly (no services)."""

import datetime
import itertools

from django.utils import timezone

from bashkesia.core import clock
from bashkesia.surveys.models import Response, Survey
from bashkesia.territory.models import Municipality, Sector

_numbers = itertools.count(1)


def municipality(code: str = "PRZ") -> Municipality:
    return Municipality.objects.get(code=code)


def sectors_of(code: str = "PRZ") -> list[Sector]:
    return list(Sector.objects.filter(municipality__code=code).order_by("code"))


def make_survey(**fields) -> Survey:
    today = clock.today()
    number = next(_numbers)
    values = {
        "slug": f"survey-{number}",
        "title_sq": f"Anketa {number}",
        "title_en": f"Survey {number}",
        "municipality": municipality(),
        "opens_on": today - datetime.timedelta(days=10),
        "closes_on": today + datetime.timedelta(days=10),
        "is_published": True,
        "minimum_sample": 10,
    }
    values.update(fields)
    return Survey.objects.create(**values)


def make_responses(
    survey: Survey, sector: Sector, count: int, *, day=None, **answers
) -> list[Response]:
    when = (
        datetime.datetime.combine(
            day, datetime.time(12), tzinfo=timezone.get_current_timezone()
        )
        if day
        else clock.now()
    )
    return Response.objects.bulk_create(
        Response(
            survey=survey,
            sector=sector,
            municipality_id=sector.municipality_id,
            submitted_at=when,
            **answers,
        )
        for _ in range(count)
    )
