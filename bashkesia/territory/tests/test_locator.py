import numpy as np
import pytest

from bashkesia.territory.locator import SectorIndex, locator
from bashkesia.territory.models import Sector
from bashkesia.territory.selectors import sector_id_at_point

from .factories import SectorFactory, square

# Two squares side by side sharing the border x = 0.1, listed out of order.
ROWS = [(2, "TST-02", square(0.1, 0)), (1, "TST-01", square(0, 0))]


@pytest.fixture
def index():
    return SectorIndex.build(ROWS)


def test_a_point_inside_a_sector_finds_it(index):
    assert index.locate(0.05, 0.05) == 1
    assert index.locate(0.15, 0.05) == 2


def test_a_point_outside_every_sector_finds_none(index):
    assert index.locate(5, 5) is None


def test_a_point_on_a_shared_border_goes_to_the_first_code(index):
    assert index.locate(0.1, 0.05) == 1
    assert index.locate(0.1, 0.1) == 1


def test_batch_lookups_agree_with_single_ones(index):
    rng = np.random.default_rng(7)
    lons, lats = rng.uniform(-0.05, 0.25, 500), rng.uniform(-0.05, 0.15, 500)
    singles = [index.locate(lon, lat) for lon, lat in zip(lons, lats, strict=True)]
    expected = [-1 if hit is None else hit for hit in singles]
    assert index.locate_many(lons, lats).tolist() == expected
    assert index.locate_many(np.array([0.1]), np.array([0.05])).tolist() == [1]


def test_an_empty_index_finds_nothing():
    index = SectorIndex.build([])
    assert index.locate(0, 0) is None
    assert index.locate_many(np.array([0.0]), np.array([0.0])).tolist() == [-1]


def test_the_locator_follows_sectors_saved_in_another_process(db):
    assert sector_id_at_point(lat=0.05, lon=0.05) is None
    # A save anywhere bumps the territory revision the locator checks.
    sector = SectorFactory(boundary=square(0, 0))
    assert sector_id_at_point(lat=0.05, lon=0.05) == sector.id
    Sector.objects.filter(id=sector.id).delete()
    assert sector_id_at_point(lat=0.05, lon=0.05) is None


def test_the_locator_keeps_its_index_while_nothing_changes(db):
    first = locator.index()
    assert locator.index() is first
