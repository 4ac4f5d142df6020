"""Officers in the back office: the list, creating one, an officer's page, the
public profile (seen on the public page at once) and the account link."""

import datetime
import io

from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image

from bashkesia.accounts.models import Role, RoleGrant
from bashkesia.accounts.services import user_create
from bashkesia.core.models import AuditEntry
from bashkesia.officers.models import Officer
from bashkesia.officers.services import assignment_end, assignment_start
from bashkesia.officers.tests.factories import OfficerFactory
from bashkesia.territory.models import Sector, Station

from .conftest import current_officer_of, says


def officer_type() -> ContentType:
    return ContentType.objects.get_for_model(Officer)


def profile(**changes) -> dict:
    return {
        "phone": "",
        "email": "",
        "bio_sq": "",
        "bio_sr_latn": "",
        "bio_sr": "",
        "bio_en": "",
    } | changes


def own_officer(client) -> Officer:
    return Officer.objects.get(user=client.user)


# The list


def test_the_list_filters_by_station(client_as):
    client = client_as(Role.DIRECTORATE_STAFF)
    suh = Station.objects.get(code="SUH")
    response = client.get("/en/staff/officers/", {"station": suh.pk})
    html = response.content.decode()
    assert says(html, f"{Officer.objects.filter(station=suh).count()} officers")
    assert current_officer_of("PRZ-01").badge_number not in html


def test_the_list_searches_names_without_accents_or_script(client_as):
    client = client_as(Role.DIRECTORATE_STAFF)
    officer = OfficerFactory(
        first_name="Zenë",
        last_name="Çekaj",
        first_name_cyrl="Зене",
        last_name_cyrl="Чекај",
    )
    for query in ("zene cekaj", "Çekaj", "Чекај", officer.badge_number.lower()):
        html = client.get("/en/staff/officers/", {"q": query}).content.decode()
        assert f"/en/staff/officers/{officer.badge_number}/" in html, query
        assert says(html, "1 officer"), query


def test_a_commander_s_list_holds_only_their_station_s_officers(client_as):
    client = client_as(Role.STATION_COMMANDER)
    for code, found in (
        ("PRZ-02", "1 officer"),
        ("PRZ-10", "1 officer"),
        ("PEJ-01", "0 officers"),
    ):
        badge = current_officer_of(code).badge_number
        html = client.get("/en/staff/officers/", {"q": badge}).content.decode()
        assert says(html, found), code


def test_an_unknown_station_in_the_filter_is_refused(client_as):
    client = client_as(Role.STATION_COMMANDER)
    pej = Station.objects.get(code="PEJ")
    response = client.get("/en/staff/officers/", {"station": pej.pk})
    assert response.status_code == 400
    assert "Select a valid choice." in response.content.decode()


# Creating


def new_officer(station: str, **changes) -> dict:
    return {
        "badge_number": "tn0042",
        "rank": "officer",
        "role": "sector_officer",
        "first_name": "Arta",
        "last_name": "Hoxha",
        "station": Station.objects.get(code=station).pk,
        "public_phone": "+383 38 200 300",
        "public_email": "arta.hoxha@example.org",
    } | changes


def test_a_commander_creates_an_officer_of_their_station(client_as):
    client = client_as(Role.STATION_COMMANDER)
    response = client.post("/en/staff/officers/new/", new_officer("PRZ-ZH"))
    assert response.status_code == 302
    assert response["Location"] == "/en/staff/officers/TN0042/"
    officer = Officer.objects.get(badge_number="TN0042")
    assert (officer.station.code, officer.full_name) == ("PRZ-ZH", "Arta Hoxha")
    entry = AuditEntry.objects.get(
        content_type=officer_type(), object_id=str(officer.pk), action="create"
    )
    assert entry.actor == client.user
    assert entry.changes["badge_number"] == [None, "TN0042"]


def test_a_taken_badge_number_is_refused(client_as):
    client = client_as(Role.DIRECTORATE_STAFF)
    taken = current_officer_of("PRZ-01").badge_number
    response = client.post(
        "/en/staff/officers/new/", new_officer("PRZ", badge_number=taken.lower())
    )
    assert response.status_code == 400
    assert (
        f"An officer with badge number {taken} exists already."
        in response.content.decode()
    )


def test_an_officer_with_missing_or_bad_fields_is_not_created(client_as):
    client = client_as(Role.DIRECTORATE_STAFF)
    response = client.post(
        "/en/staff/officers/new/",
        new_officer("PRZ", last_name="", public_email="nope", rank="general"),
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "This field is required." in html
    assert "Enter a valid email address." in html
    assert "Select a valid choice. general is not one of the available choices." in html
    assert not Officer.objects.filter(badge_number="TN0042").exists()


# An officer's page


def test_the_officer_page_shows_profile_account_and_every_assignment(client_as):
    client = client_as(Role.DIRECTORATE_STAFF)
    officer = OfficerFactory(station=Station.objects.get(code="PRZ"))
    officer.user = user_create(username="t-linked", email="t-linked@example.org")
    officer.save()
    old = assignment_start(
        officer=officer,
        sector=Sector.objects.get(code="PRZ-03"),
        start_date=datetime.date(2020, 1, 6),
    )
    assignment_end(assignment=old, end_date=datetime.date(2023, 5, 31))
    assignment_start(
        officer=officer,
        sector=Sector.objects.get(code="PRZ-04"),
        start_date=datetime.date(2023, 6, 1),
    )
    html = client.get(f"/en/staff/officers/{officer.badge_number}/").content.decode()
    assert officer.public_phone in html
    assert "t-linked" in html
    assert "PRZ-03" in html
    assert "PRZ-04" in html
    for day in ("01/06/2020", "05/31/2023", "06/01/2023"):
        assert day in html, day
    assert "Recent changes" in html


def test_only_audit_readers_see_an_officer_s_recent_changes(client_as):
    officer = current_officer_of("PRZ-02")
    html = client_as(Role.STATION_COMMANDER).get(
        f"/en/staff/officers/{officer.badge_number}/"
    )
    assert html.status_code == 200
    assert "Recent changes" not in html.content.decode()


def test_an_unknown_badge_number_is_not_found(client_as):
    response = client_as(Role.DIRECTORATE_STAFF).get("/en/staff/officers/ZZ999/")
    assert response.status_code == 404


# The public profile


def test_an_officer_updates_their_phone_and_the_public_page_shows_it(client_as):
    client = client_as(Role.SECTOR_OFFICER)
    officer = own_officer(client)
    assert "+383 44 765 432" not in client.get("/en/sectors/PRZ-01/").content.decode()
    response = client.post(
        f"/en/staff/officers/{officer.badge_number}/edit/",
        profile(phone="+383 44 765 432", bio_en="Patrols the old town."),
    )
    assert response.status_code == 302
    assert response["Location"] == f"/en/staff/officers/{officer.badge_number}/"
    public = client.get("/en/sectors/PRZ-01/").content.decode()
    assert "+383 44 765 432" in public
    entry = AuditEntry.objects.filter(
        content_type=officer_type(), object_id=str(officer.pk), action="update"
    ).first()
    assert entry.actor == client.user
    assert entry.changes["public_phone"] == [officer.public_phone, "+383 44 765 432"]


def test_the_edit_form_starts_from_the_current_profile(client_as):
    client = client_as(Role.SECTOR_OFFICER)
    officer = own_officer(client)
    html = client.get(f"/en/staff/officers/{officer.badge_number}/edit/")
    assert f'value="{officer.public_phone}"' in html.content.decode()


def test_a_bad_phone_or_e_mail_is_refused_and_nothing_is_saved(client_as):
    client = client_as(Role.SECTOR_OFFICER)
    officer = own_officer(client)
    response = client.post(
        f"/en/staff/officers/{officer.badge_number}/edit/",
        profile(phone="call me maybe", email="nope"),
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Use only digits, spaces and + ( ) - / in a telephone number." in html
    assert "Enter a valid email address." in html
    assert Officer.objects.get(pk=officer.pk).public_phone == officer.public_phone


def gps_jpeg() -> bytes:
    exif = Image.Exif()
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (42.0, 12.0, 30.0),
    }
    buffer = io.BytesIO()
    Image.new("RGB", (1000, 1000), "navy").save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def test_an_officer_uploads_a_photo_stored_small_and_without_gps(client_as):
    client = client_as(Role.SECTOR_OFFICER)
    officer = own_officer(client)
    upload = SimpleUploadedFile("me.jpg", gps_jpeg(), content_type="image/jpeg")
    response = client.post(
        f"/en/staff/officers/{officer.badge_number}/edit/",
        profile(phone=officer.public_phone, photo=upload),
    )
    assert response.status_code == 302
    officer.refresh_from_db()
    with default_storage.open(officer.photo.name) as file:
        image = Image.open(file)
        assert image.size == (800, 800)
        assert image.getexif().get_ifd(ExifTags.IFD.GPSInfo) == {}
    public = client.get("/en/sectors/PRZ-01/").content.decode()
    assert officer.photo.url in public


def test_a_file_that_is_not_an_image_is_refused_with_a_message(client_as):
    client = client_as(Role.SECTOR_OFFICER)
    officer = own_officer(client)
    upload = SimpleUploadedFile("me.jpg", b"MZ\x90\x00 binary", "image/jpeg")
    response = client.post(
        f"/en/staff/officers/{officer.badge_number}/edit/",
        profile(phone="+383 44 111 000", photo=upload),
    )
    assert response.status_code == 400
    assert "This file is not an image, or it is damaged." in response.content.decode()
    officer.refresh_from_db()
    assert (officer.photo.name, officer.public_phone) == ("", "+383 38 111 222")


def test_a_photo_over_5_mb_is_refused_with_a_message(client_as):
    client = client_as(Role.SECTOR_OFFICER)
    officer = own_officer(client)
    upload = SimpleUploadedFile("me.jpg", b"\0" * (5 * 1024 * 1024 + 1), "image/jpeg")
    response = client.post(
        f"/en/staff/officers/{officer.badge_number}/edit/", profile(photo=upload)
    )
    assert response.status_code == 400
    assert "The photo is too large: at most 5 MB." in response.content.decode()


# The account link


def test_directorate_staff_link_an_officer_to_an_account(client_as):
    client = client_as(Role.DIRECTORATE_STAFF)
    officer = OfficerFactory(role="sector_officer")
    user = user_create(username="t-arta", email="t-arta@example.org")
    response = client.post(
        f"/en/staff/officers/{officer.badge_number}/account/",
        {"action": "link", "username": "T-ARTA"},
    )
    assert response.status_code == 302
    officer.refresh_from_db()
    assert officer.user == user
    assert RoleGrant.objects.get(user=user, revoked_at=None).role == "sector_officer"
    entry = AuditEntry.objects.filter(
        content_type=officer_type(), object_id=str(officer.pk), action="update"
    ).get()
    assert (entry.actor, entry.changes["user_id"]) == (client.user, [None, user.pk])


def test_an_unknown_username_is_refused(client_as):
    client = client_as(Role.DIRECTORATE_STAFF)
    officer = OfficerFactory()
    response = client.post(
        f"/en/staff/officers/{officer.badge_number}/account/",
        {"action": "link", "username": "nobody"},
    )
    assert response.status_code == 400
    assert "No user has the username nobody." in response.content.decode()


def test_an_account_of_another_officer_is_refused(client_as):
    client = client_as(Role.DIRECTORATE_STAFF)
    taken = own_officer(client)
    officer = OfficerFactory()
    response = client.post(
        f"/en/staff/officers/{officer.badge_number}/account/",
        {"action": "link", "username": client.user.username},
    )
    assert response.status_code == 400
    assert (
        f"This account already belongs to officer {taken.badge_number}."
        in response.content.decode()
    )
    officer.refresh_from_db()
    assert officer.user is None


def test_directorate_staff_unlink_an_account(client_as):
    client = client_as(Role.DIRECTORATE_STAFF)
    officer = OfficerFactory()
    officer.user = user_create(username="t-gone", email="t-gone@example.org")
    officer.save()
    response = client.post(
        f"/en/staff/officers/{officer.badge_number}/account/", {"action": "unlink"}
    )
    assert response.status_code == 302
    officer.refresh_from_db()
    assert officer.user is None


def test_a_commander_cannot_link_accounts(client_as):
    client = client_as(Role.STATION_COMMANDER)
    officer = current_officer_of("PRZ-02")
    response = client.post(
        f"/en/staff/officers/{officer.badge_number}/account/",
        {"action": "link", "username": client.user.username},
    )
    assert response.status_code == 403
