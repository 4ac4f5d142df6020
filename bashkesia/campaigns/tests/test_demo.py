import time

import pytest

from bashkesia.campaigns.models import Campaign, Material
from bashkesia.demo.campaigns import demo_campaigns_load
from bashkesia.demo.partners import demo_partners_load
from bashkesia.partners.models import Partner

pytestmark = pytest.mark.django_db


def test_the_demo_loads_fast_and_again_without_duplicates():
    started = time.monotonic()
    assert demo_partners_load() == 11
    assert demo_campaigns_load() == 8
    assert time.monotonic() - started < 2
    demo_partners_load()
    demo_campaigns_load()
    assert Partner.objects.count() == 11
    assert Campaign.objects.count() == 8
    assert Campaign.objects.filter(is_published=False).count() == 1
    assert Material.objects.count() == 16
    osce = Partner.objects.get(slug="osce")
    assert osce.name_sr == "Мисија ОЕБС-а на Косову"
    pdf = Material.objects.filter(kind="pdf").first()
    assert pdf.file.open("rb").read(5) == b"%PDF-"
