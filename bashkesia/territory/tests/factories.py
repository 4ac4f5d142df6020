"""Territory test data in a made-up place (around lon 0, lat 0), far from the
demo data of Kosovo that the suite loads once."""

import factory

from bashkesia.territory.models import Municipality, Region, Sector, Station


def square(x0: float, y0: float, size: float = 0.1) -> dict:
    """Return a GeoJSON polygon: the square with its south-west corner at x0, y0."""
    return {
        "type": "Polygon",
        "coordinates": [
            [
                [x0, y0],
                [x0 + size, y0],
                [x0 + size, y0 + size],
                [x0, y0 + size],
                [x0, y0],
            ]
        ],
    }


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("code",)

    code = "TT"
    slug = "test-region"
    name_sq = "Drejtoria Rajonale Test"
    name_sr_latn = "Regionalna direkcija Test"
    name_sr = "Регионална дирекција Тест"
    name_en = "Test Regional Directorate"


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ("code",)

    code = "TST"
    region = factory.SubFactory(RegionFactory)
    name_sq = "Testë"
    name_sr_latn = "Testovo"
    name_sr = "Тестово"
    name_en = "Testa"
    boundary = factory.LazyFunction(lambda: square(0, 0, 1))


class StationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Station
        django_get_or_create = ("code",)

    code = "TST"
    municipality = factory.SubFactory(MunicipalityFactory)
    name_sq = "Stacioni Policor Testë"
    name_sr_latn = "Policijska stanica Testovo"
    name_sr = "Полицијска станица Тестово"
    name_en = "Testa Police Station"
    latitude = 0.5
    longitude = 0.5
    telephone = "+383 38 000 000"


class SectorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sector

    code = factory.Sequence(lambda n: f"TST-{n + 1:02d}")
    station = factory.SubFactory(StationFactory)
    municipality = factory.SelfAttribute("station.municipality")
    name_sq = factory.Sequence(lambda n: f"Sektori {n + 1}")
    name_sr_latn = factory.SelfAttribute("name_sq")
    name_sr = factory.SelfAttribute("name_sq")
    name_en = factory.SelfAttribute("name_sq")
    boundary = factory.LazyFunction(lambda: square(0, 0))
    centre_latitude = 0.05
    centre_longitude = 0.05
    area_km2 = 123.0
