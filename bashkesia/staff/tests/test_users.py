"""Users and roles: creating users without passwords, granting and revoking
roles within scopes (with the model's own messages), all in the audit trail."""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType

from bashkesia.accounts.models import Role, RoleGrant
from bashkesia.core.models import AuditEntry
from bashkesia.territory.models import Region, Station

from .conftest import sign_in


def test_a_user_is_created_without_a_password(client_as):
    client = client_as(Role.ADMINISTRATOR)
    response = client.post(
        "/en/staff/users/new/",
        {
            "username": " t-blerta ",
            "email": "blerta@example.org",
            "first_name": "Blerta",
            "last_name": "Gashi",
        },
    )
    user = get_user_model().objects.get(username="t-blerta")
    assert response.status_code == 302
    assert response["Location"] == f"/en/staff/users/{user.pk}/"
    assert not user.has_usable_password()
    assert user.get_full_name() == "Blerta Gashi"
    entry = AuditEntry.objects.get(
        content_type=ContentType.objects.get_for_model(user),
        object_id=str(user.pk),
        action="create",
    )
    assert entry.actor == client.user


def test_a_taken_username_or_e_mail_is_refused(client_as):
    client = client_as(Role.ADMINISTRATOR)
    response = client.post(
        "/en/staff/users/new/",
        {"username": "T-ADMINISTRATOR", "email": "x@example.org"},
    )
    assert response.status_code == 400
    assert "This username is taken." in response.content.decode()
    response = client.post(
        "/en/staff/users/new/",
        {"username": "t-new", "email": "T-ADMINISTRATOR@example.org"},
    )
    assert response.status_code == 400
    assert "Another account has this e-mail address." in response.content.decode()
    assert not get_user_model().objects.filter(username="t-new").exists()


def test_a_user_without_an_e_mail_is_refused(client_as):
    response = client_as(Role.ADMINISTRATOR).post(
        "/en/staff/users/new/", {"username": "t-new", "email": "not an address"}
    )
    assert response.status_code == 400
    assert "Enter a valid email address." in response.content.decode()


def test_the_user_list_shows_active_roles(client_as, person):
    client = client_as(Role.DIRECTORATE_STAFF)
    person(Role.STATION_COMMANDER)
    html = client.get("/en/staff/users/", {"q": "t-station"}).content.decode()
    assert "t-station_commander" in html
    assert "station commander" in html
    assert "(PRZ)" in html


def test_a_station_commander_role_needs_a_station(client_as, person):
    client = client_as(Role.ADMINISTRATOR)
    target = person("no_role", "t-target")
    response = client.post(
        f"/en/staff/users/{target.pk}/roles/",
        {"role": "station_commander", "region": Region.objects.get(code="PZ").pk},
    )
    assert response.status_code == 400
    assert "A station commander needs a station, and only that." in (
        response.content.decode()
    )
    assert not RoleGrant.objects.filter(user=target).exists()


def test_a_role_is_granted_in_a_scope_and_recorded(client_as, person):
    client = client_as(Role.DIRECTORATE_STAFF)
    target = person("no_role", "t-target")
    prz = Station.objects.get(code="PRZ")
    response = client.post(
        f"/en/staff/users/{target.pk}/roles/",
        {"role": "station_commander", "station": prz.pk},
    )
    assert response.status_code == 302
    grant = RoleGrant.objects.get(user=target)
    assert (grant.role, grant.station, grant.granted_by) == (
        "station_commander",
        prz,
        client.user,
    )
    entry = AuditEntry.objects.get(
        content_type=ContentType.objects.get_for_model(RoleGrant),
        object_id=str(grant.pk),
    )
    assert (entry.action, entry.actor) == ("create", client.user)
    # The new commander reaches the station's sectors.
    commander = sign_in(client_class_for(client), target)
    assert commander.get("/en/staff/sectors/PRZ-02/").status_code == 200


def client_class_for(client):
    return type(client)()


def test_a_revoked_role_ends_access(client_as, person):
    client = client_as(Role.ADMINISTRATOR)
    target = person(Role.DIRECTOR_GENERAL, "t-target")
    grant = RoleGrant.objects.get(user=target)
    response = client.post(f"/en/staff/users/{target.pk}/roles/{grant.pk}/revoke/")
    assert response.status_code == 302
    grant.refresh_from_db()
    assert grant.revoked_at is not None
    entry = AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(RoleGrant),
        object_id=str(grant.pk),
        action="update",
    ).get()
    assert entry.actor == client.user
    assert (
        sign_in(client_class_for(client), target).get("/en/staff/").status_code == 403
    )


def test_a_revoked_role_cannot_be_revoked_again(client_as, person):
    client = client_as(Role.ADMINISTRATOR)
    target = person(Role.DIRECTOR_GENERAL, "t-target")
    grant = RoleGrant.objects.get(user=target)
    url = f"/en/staff/users/{target.pk}/roles/{grant.pk}/revoke/"
    client.post(url)
    assert client.post(url).status_code == 404


def test_an_unknown_user_is_not_found(client_as):
    response = client_as(Role.ADMINISTRATOR).get("/en/staff/users/999999/")
    assert response.status_code == 404


def test_granting_is_post_only(client_as, person):
    client = client_as(Role.ADMINISTRATOR)
    target = person("no_role", "t-target")
    assert client.get(f"/en/staff/users/{target.pk}/roles/").status_code == 405


def test_only_an_administrator_grants_the_administrator_role(client_as, person):
    target = person("no_role", "t-target")
    url = f"/en/staff/users/{target.pk}/roles/"
    directorate = client_as(Role.DIRECTORATE_STAFF)
    page = directorate.get(f"/en/staff/users/{target.pk}/").content.decode()
    assert 'value="administrator"' not in page
    assert 'value="directorate_staff"' in page
    response = directorate.post(url, {"role": "administrator"})
    assert response.status_code == 400
    assert "Select a valid choice." in response.content.decode()
    assert not RoleGrant.objects.filter(user=target).exists()
    administrator = client_as(Role.ADMINISTRATOR)
    assert (
        'value="administrator"'
        in administrator.get(f"/en/staff/users/{target.pk}/").content.decode()
    )
    assert administrator.post(url, {"role": "administrator"}).status_code == 302
    assert RoleGrant.objects.get(user=target).role == "administrator"


def test_only_an_administrator_revokes_the_administrator_role(client_as, person):
    target = person(Role.ADMINISTRATOR, "t-target")
    grant = RoleGrant.objects.get(user=target)
    url = f"/en/staff/users/{target.pk}/roles/{grant.pk}/revoke/"
    directorate = client_as(Role.DIRECTORATE_STAFF)
    assert url not in directorate.get(f"/en/staff/users/{target.pk}/").content.decode()
    response = directorate.post(url)
    assert response.status_code == 403
    assert "Not allowed" in response.content.decode()
    grant.refresh_from_db()
    assert grant.revoked_at is None
    administrator = client_as(Role.ADMINISTRATOR)
    assert url in administrator.get(f"/en/staff/users/{target.pk}/").content.decode()
    assert administrator.post(url).status_code == 302
    grant.refresh_from_db()
    assert grant.revoked_at is not None
