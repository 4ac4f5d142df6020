import pytest

from bashkesia.alerts.models import Alert
from bashkesia.concerns.models import Concern
from bashkesia.demo.concerns import demo_concerns_load
from bashkesia.territory.selectors import sector_id_at_point

pytestmark = pytest.mark.django_db


def test_demo_concerns_fill_the_sector_pages_once(client, run_tasks):
    added = demo_concerns_load()
    assert added > 200
    assert demo_concerns_load() == 0  # once only
    concerns = Concern.objects.filter(idempotency_key__startswith="demo-")
    assert concerns.count() == added
    assert not concerns.filter(category__is_sensitive=True).exists()
    for concern in concerns[:50]:
        assert sector_id_at_point(lat=concern.latitude, lon=concern.longitude) in (
            concern.sector_id,
            None,
        )
    assert Alert.objects.filter(sector__municipality__code="PRI").count() == 8
    # A demo e-mails nobody.
    assert run_tasks() == 0
    sector = concerns.exclude(public_description="").first().sector
    page = client.get(f"/en/sectors/{sector.code}/concerns/").content.decode()
    assert (
        concerns.filter(sector=sector)
        .exclude(public_description="")
        .first()
        .public_description
        in page
    )
