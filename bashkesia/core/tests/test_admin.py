"""Every model of the domain has a working admin, closed to non-staff."""

import pytest
from django.contrib.auth import get_user_model

from bashkesia.officers.models import Officer, SectorAssignment
from bashkesia.territory.models import Municipality, Region, Sector, Settlement, Station

MODELS = [Region, Municipality, Station, Sector, Settlement, Officer, SectorAssignment]


@pytest.fixture
def admin_client(sign_in):
    return sign_in("directorate")


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_the_admin_lists_searches_and_opens_each_model(admin_client, model):
    meta = model._meta
    base = f"/en/admin/{meta.app_label}/{meta.model_name}/"
    assert admin_client.get(base).status_code == 200
    assert admin_client.get(base, {"q": "pr"}).status_code == 200
    first = model.objects.order_by("pk").first()
    assert admin_client.get(f"{base}{first.pk}/change/").status_code == 200


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
@pytest.mark.parametrize("username", ["officer", "commander", "director", "clerk"])
def test_roles_without_admin_rights_are_sent_to_sign_in(sign_in, model, username):
    client = sign_in(username)
    meta = model._meta
    response = client.get(f"/en/admin/{meta.app_label}/{meta.model_name}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/admin/login/")


def test_the_admin_asks_for_the_second_factor(client, db):
    user = get_user_model().objects.get(username="directorate")
    client.force_login(user)
    response = client.get("/en/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/admin/login/")


def test_the_admin_signs_in_through_the_products_sign_in(client, db):
    response = client.get("/en/admin/login/", {"next": "/en/admin/"})
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/?next=%2Fen%2Fadmin%2F"


def test_audit_entries_cannot_be_changed_in_the_admin(admin_client):
    from bashkesia.core.models import AuditEntry

    entry = AuditEntry.objects.first()
    base = "/en/admin/core/auditentry/"
    assert admin_client.get(base).status_code == 200
    assert admin_client.get(f"{base}add/").status_code == 403
    assert (
        admin_client.post(f"{base}{entry.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_sectors_are_not_added_by_hand(admin_client):
    assert admin_client.get("/en/admin/territory/sector/add/").status_code == 403
