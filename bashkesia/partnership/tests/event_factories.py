"""Test data of the events calendar, on the demo territory (Prizren: sectors
PRZ-01 to PRZ-08 of station PRZ; Pejë: PEJ-01)."""

import datetime

import factory
from django.utils import timezone

from bashkesia.core import clock
from bashkesia.partnership.models import Event, Forum, ForumKind, ForumStatus
from bashkesia.territory.models import Sector, Station


def sector(code: str) -> Sector:
    return Sector.objects.select_related("municipality", "station").get(code=code)


def in_days(days: float, hour: int = 18) -> datetime.datetime:
    """Return a moment ``days`` from now at ``hour`` o'clock (local time)."""
    moment = timezone.localtime(clock.now() + datetime.timedelta(days=days))
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


class ForumFactory(factory.django.DjangoModelFactory):
    """An active KLSP of Prizren covering PRZ-02."""

    class Meta:
        model = Forum
        skip_postgeneration_save = True

    kind = ForumKind.KLSP
    status = ForumStatus.ACTIVE
    municipality = factory.LazyFunction(lambda: sector("PRZ-02").municipality)
    station = factory.LazyFunction(lambda: Station.objects.get(code="PRZ"))
    name_sq = factory.Sequence(lambda n: f"KLSP Lagjja {n + 1}")
    name_sr_latn = factory.Sequence(lambda n: f"LKJB Naselje {n + 1}")
    name_sr = factory.Sequence(lambda n: f"ЛКЈБ Насеље {n + 1}")
    name_en = factory.Sequence(lambda n: f"KLSP Neighbourhood {n + 1}")
    purpose = "Safety on the way to school."
    established_on = datetime.date(2024, 3, 1)

    @factory.post_generation
    def sectors(self, create, extracted, **kwargs):
        if create:
            self.sectors.set(extracted if extracted is not None else [sector("PRZ-02")])


class EventFactory(factory.django.DjangoModelFactory):
    """A community event in PRZ-01 in three days, 18:00 to 19:30."""

    class Meta:
        model = Event

    kind = Event.Kind.MEET_OFFICERS
    title = factory.Sequence(lambda n: f"Meet your sector officers {n + 1}")
    description = "Coffee and questions with the officers of your sector."
    starts_at = factory.LazyFunction(lambda: in_days(3))
    ends_at = factory.LazyAttribute(
        lambda event: event.starts_at + datetime.timedelta(minutes=90)
    )
    place = "Shkolla Fillore Lidhja e Prizrenit"
    sector = factory.LazyFunction(lambda: sector("PRZ-01"))
    municipality = factory.SelfAttribute("sector.municipality")
