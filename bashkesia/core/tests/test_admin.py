"""Every model of the domain has a working admin, closed to non-staff."""

import pytest
from django.contrib.auth import get_user_model

from bashkesia.officers.models import Officer, SectorAssignment
from bashkesia.territory.models import Municipality, Region, Sector, Settlement, Station

MODELS = [Region, Municipality, Station, Sector, Settlement, Officer, SectorAssignment]


@pytest.fixture
def admin_client(client, db):
    client.login(username="admin", password="bashkesia-demo")
    return client


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_the_admin_lists_searches_and_opens_each_model(admin_client, model):
    meta = model._meta
    base = f"/en/admin/{meta.app_label}/{meta.model_name}/"
    assert admin_client.get(base).status_code == 200
    assert admin_client.get(base, {"q": "pr"}).status_code == 200
    first = model.objects.order_by("pk").first()
    assert admin_client.get(f"{base}{first.pk}/change/").status_code == 200


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_a_user_without_staff_rights_is_sent_to_log_in(client, db, model):
    get_user_model().objects.create_user(username="citizen", password="x-Secret-9")
    client.login(username="citizen", password="x-Secret-9")
    meta = model._meta
    response = client.get(f"/en/admin/{meta.app_label}/{meta.model_name}/")
    assert response.status_code == 302


def test_sectors_are_not_added_by_hand(admin_client):
    assert admin_client.get("/en/admin/territory/sector/add/").status_code == 403
