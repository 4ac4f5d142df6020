import time

from bashkesia.demo.surveys import (
    NATIONAL_ANSWERS,
    NATIONAL_SLUG,
    PRISHTINA_SLUG,
    demo_surveys_load,
)
from bashkesia.surveys import selectors
from bashkesia.surveys.models import Response, Survey


def test_demo_surveys_load_fast_once_with_plausible_shares(db):
    started = time.monotonic()
    summary = demo_surveys_load()
    assert time.monotonic() - started < 2
    assert summary.surveys == 2
    assert demo_surveys_load().surveys == 0  # idempotent
    national = Survey.objects.get(slug=NATIONAL_SLUG)
    assert national.status == Survey.Status.CLOSED
    assert Response.objects.filter(survey=national).count() == NATIONAL_ANSWERS
    prishtina = Survey.objects.get(slug=PRISHTINA_SLUG)
    assert prishtina.is_open
    assert 200 <= Response.objects.filter(survey=prishtina).count() <= 400
    results = selectors.survey_results(survey=national)
    day = results.result("safe_day").overall.share
    night = results.result("safe_night").overall.share
    assert night < day
    assert 68 <= results.result("trust").overall.share <= 82
    assert 28 <= results.result("knows_officer").overall.share <= 42
