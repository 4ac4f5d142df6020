"""The demo training: loaded after the partnership demo, fast, once."""

import time

import pytest

from bashkesia.demo.partnership import demo_partnership_load
from bashkesia.demo.training import demo_training_load
from bashkesia.training.models import Certificate, Course, Enrolment, TrainingSession

pytestmark = pytest.mark.django_db


def test_the_demo_training_loads_quickly_and_once():
    demo_partnership_load()
    started = time.monotonic()
    summary = demo_training_load()
    assert time.monotonic() - started < 2
    assert (summary.courses, summary.sessions) == (6, 25)
    assert TrainingSession.objects.filter(status="planned").count() >= 3
    held = TrainingSession.objects.filter(status="held").order_by("-starts_on")
    assert held.count() >= 20
    # The latest held session waits for its completions.
    assert Enrolment.objects.filter(session=held[0], status="attended").exists()
    assert not Enrolment.objects.filter(session=held[0], status="completed").exists()
    assert Certificate.objects.count() == summary.certificates > 100
    assert Certificate.objects.filter(revoked_at__isnull=False).count() == 1
    assert demo_training_load().courses == 0
    assert Course.objects.count() == 6
