"""The audit trail: who changed what, when, from where; read-only."""

from django.contrib.contenttypes.models import ContentType

from bashkesia.accounts.models import Role
from bashkesia.core.audit import acting_as
from bashkesia.core.models import AuditEntry
from bashkesia.officers.models import Officer
from bashkesia.officers.services import officer_upsert
from bashkesia.officers.tests.factories import OfficerFactory
from bashkesia.territory.models import Sector

AUDIT = "/en/staff/audit/"


def change_phone(officer: Officer, phone: str, actor) -> None:
    with acting_as(actor, "192.0.2.7"):
        officer_upsert(
            badge_number=officer.badge_number,
            rank=officer.rank,
            role=officer.role,
            first_name=officer.first_name,
            last_name=officer.last_name,
            public_phone=phone,
            public_email=officer.public_email,
            station=officer.station,
        )


def test_the_trail_shows_who_when_where_and_what_changed_newest_first(client_as):
    client = client_as(Role.ADMINISTRATOR)
    officer = OfficerFactory(public_phone="+383 38 111 222")
    change_phone(officer, "+383 38 999 000", client.user)
    html = client.get(AUDIT).content.decode()
    first_row = html[html.index("<tbody>") : html.index("</tr>", html.index("<tbody>"))]
    assert "t-administrator" in first_row
    assert "192.0.2.7" in first_row
    assert "Changed: officer" in first_row
    assert "Public telephone: +383 38 111 222 → +383 38 999 000" in first_row


def test_the_trail_filters_by_kind_of_record(client_as):
    client = client_as(Role.DIRECTORATE_STAFF)
    change_phone(OfficerFactory(), "+383 38 999 000", client.user)
    sector_type = ContentType.objects.get_for_model(Sector)
    html = client.get(AUDIT, {"kind": sector_type.pk}).content.decode()
    assert "Public telephone" not in html
    assert "Changed: officer" not in html


def test_the_trail_filters_by_user(client_as, person):
    client = client_as(Role.DIRECTORATE_STAFF)
    other = person(Role.ADMINISTRATOR)
    change_phone(OfficerFactory(), "+383 38 999 001", client.user)
    change_phone(OfficerFactory(), "+383 38 999 002", other)
    html = client.get(AUDIT, {"user": "T-ADMINISTRATOR"}).content.decode()
    assert "+383 38 999 002" in html
    assert "+383 38 999 001" not in html


def test_an_unknown_kind_is_refused(client_as):
    response = client_as(Role.DIRECTORATE_STAFF).get(AUDIT, {"kind": "999999"})
    assert response.status_code == 400
    assert "Select a valid choice." in response.content.decode()


def test_the_trail_cannot_be_written_through_the_back_office(client_as):
    client = client_as(Role.ADMINISTRATOR)
    count = AuditEntry.objects.count()
    assert client.post(AUDIT, {}).status_code == 405
    assert client.delete(AUDIT).status_code == 405
    assert AuditEntry.objects.count() == count
    html = client.get(AUDIT).content.decode()
    page = html[html.index("<h1>") : html.index("</main>")]
    assert 'method="post"' not in page
