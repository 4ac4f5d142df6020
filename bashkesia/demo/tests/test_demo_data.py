"""The demo data set the suite loads once: real territory, sound sectors."""

import numpy as np
import shapely
from django.contrib.auth import get_user_model

from bashkesia.demo.loader import demo_load
from bashkesia.officers.models import Officer, Role, SectorAssignment
from bashkesia.officers.selectors import officers_by_sector
from bashkesia.territory.geometry import area_km2
from bashkesia.territory.locator import SectorIndex
from bashkesia.territory.models import Municipality, Region, Sector, Settlement, Station


def test_the_real_territory_is_all_there(db):
    assert Region.objects.count() == 8
    assert Municipality.objects.count() == 38
    assert Settlement.objects.count() == 2503
    assert Station.objects.filter(municipality__code="PRI").count() == 3
    assert set(
        Station.objects.filter(kind=Station.Kind.SUBSTATION).values_list(
            "code", flat=True
        )
    ) == {"PRZ-ZH", "PRZ-SR", "SUH-MU", "DRA-KR"}


def test_every_municipality_has_three_to_fifteen_sectors(db):
    for municipality in Municipality.objects.all():
        assert 3 <= municipality.sectors.count() <= 15, municipality.code


def test_sectors_tile_every_municipality_without_gaps_or_overlaps(db):
    for municipality in Municipality.objects.all():
        sectors = [sector.geometry for sector in municipality.sectors.all()]
        union = shapely.unary_union(sectors)
        gap_or_excess = area_km2(union.symmetric_difference(municipality.geometry))
        overlap = sum(area_km2(s) for s in sectors) - area_km2(union)
        assert gap_or_excess < 0.001, municipality.code
        assert abs(overlap) < 0.001, municipality.code


def test_every_point_in_kosovo_has_exactly_one_sector(db):
    sectors = list(Sector.objects.all())
    kosovo = shapely.unary_union([m.geometry for m in Municipality.objects.all()])
    rng = np.random.default_rng(2012)
    min_x, min_y, max_x, max_y = kosovo.bounds
    points = shapely.points(
        rng.uniform(min_x, max_x, 4000), rng.uniform(min_y, max_y, 4000)
    )
    inside = points[shapely.contains(kosovo, points)]
    covering = np.zeros(len(inside), dtype=int)
    for sector in sectors:
        covering += shapely.contains(sector.geometry, inside)
    assert len(inside) > 1500
    assert covering.tolist() == [1] * len(inside)
    outside = points[~shapely.intersects(kosovo, points)]
    index = SectorIndex.build((s.id, s.code, s.boundary) for s in sectors)
    lons, lats = shapely.get_x(outside), shapely.get_y(outside)
    assert set(index.locate_many(lons, lats).tolist()) == {-1}


def test_every_settlement_lies_in_its_own_sector(db):
    index = SectorIndex.build(Sector.objects.values_list("id", "code", "boundary"))
    settlements = list(Settlement.objects.all())
    located = index.locate_many(
        [s.longitude for s in settlements], [s.latitude for s in settlements]
    )
    assert [s.sector_id for s in settlements] == located.tolist()
    mismatched = [
        s.name_sq
        for s in Settlement.objects.select_related("sector")
        if s.sector.municipality_id != s.municipality_id
    ]
    assert mismatched == []


def test_every_sector_has_two_to_six_officers_and_a_leader(db):
    by_sector = officers_by_sector()
    for sector in Sector.objects.all():
        kinds = [a.kind for a in by_sector[sector.id]]
        officers = kinds.count(SectorAssignment.Kind.SECTOR_OFFICER)
        assert 2 <= officers <= 6, sector.code
        assert kinds.count(SectorAssignment.Kind.SECTOR_LEADER) == 1, sector.code


def test_every_station_has_a_commander_and_every_region_a_coordinator(db):
    commanded = set(
        Officer.objects.filter(role=Role.STATION_COMMANDER).values_list(
            "station", flat=True
        )
    )
    assert commanded == set(Station.objects.values_list("id", flat=True))
    coordinated = set(
        Officer.objects.filter(role=Role.REGIONAL_COORDINATOR).values_list(
            "region", flat=True
        )
    )
    assert coordinated == set(Region.objects.values_list("id", flat=True))


def test_assignment_history_is_kept(db):
    ended = SectorAssignment.objects.filter(end_date__isnull=False)
    assert ended.exists()
    assert all(
        a.officer.assignments.filter(end_date__isnull=True).exists() for a in ended[:20]
    )


def test_officers_in_serb_majority_areas_have_serbian_names_in_both_scripts(db):
    officer = Officer.objects.filter(station__municipality__code="LEP").first()
    assert officer.last_name_cyrl
    assert officer.last_name.endswith(("ić", "ović", "ević"))


def test_made_up_data_is_marked_as_demo(db):
    assert not Sector.objects.filter(is_demo=False).exists()
    assert not Officer.objects.filter(is_demo=False).exists()
    assert not Station.objects.filter(is_demo=False).exists()


def test_loading_the_demo_again_changes_nothing(db):
    def snapshot():
        return (
            list(
                Sector.objects.order_by("code").values_list(
                    "code", "name_sq", "station__code", "area_km2"
                )
            ),
            list(
                Officer.objects.order_by("badge_number").values_list(
                    "badge_number", "last_name", "station__code"
                )
            ),
            SectorAssignment.objects.count(),
            list(
                Settlement.objects.order_by("geonames_id").values_list(
                    "geonames_id", "sector__code"
                )
            ),
        )

    before = snapshot()
    demo_load()
    assert snapshot() == before


def test_every_role_has_a_demo_sign_in_with_its_second_factor(db):
    from bashkesia.accounts.permissions import roles
    from bashkesia.demo.accounts import DEMO_LOGINS

    for login in DEMO_LOGINS:
        user = get_user_model().objects.get(username=login.username)
        assert user.check_password("bashkesia-demo")
        assert user.account.is_demo
        assert user.account.has_second_factor
        assert roles(user) == {login.role}


def test_demo_officers_are_linked_to_their_sign_ins(db):
    officer = Officer.objects.get(user__username="officer")
    assert officer.assignments.filter(sector__code="PRZ-01", end_date=None).exists()
