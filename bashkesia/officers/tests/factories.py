import factory

from bashkesia.officers.models import Officer, Rank, Role, SectorAssignment
from bashkesia.territory.tests.factories import SectorFactory, StationFactory


class OfficerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Officer

    badge_number = factory.Sequence(lambda n: f"T{n:05d}")
    rank = Rank.OFFICER
    role = Role.SECTOR_OFFICER
    first_name = "Arta"
    last_name = factory.Sequence(lambda n: f"Krasniqi{n}")
    public_phone = "+383 38 111 222"
    public_email = factory.LazyAttribute(
        lambda o: f"{o.badge_number.lower()}@example.org"
    )
    personal_phone = "+383 44 999 888"
    internal_notes = "Private: on leave in December."
    station = factory.SubFactory(StationFactory)


class SectorAssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SectorAssignment

    officer = factory.SubFactory(OfficerFactory)
    sector = factory.SubFactory(SectorFactory)
    start_date = factory.Faker("date_between", start_date="-3y", end_date="-1d")
