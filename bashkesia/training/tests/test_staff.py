"""The back office's training pages: who may see and do what, each action
with its exact status and message, in four languages."""

import pytest

from bashkesia.territory.models import Station
from bashkesia.training import services
from bashkesia.training.models import Certificate, Course, Enrolment, TrainingSession

from .helpers import (
    course,
    finished,
    forum_with_members,
    run_back,
    session,
    trainer,
)

pytestmark = pytest.mark.django_db
LANGUAGES = ["sq", "sr-latn", "sr", "en"]


@pytest.fixture
def planned():
    return session(course(), capacity=3)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("who", ["trainer", "directorate", "director"])
def test_who_runs_the_training_sees_its_home_in_four_languages(
    sign_in, planned, who, language
):
    response = sign_in(who).get(f"/{language}/staff/training/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'data-session="{planned.pk}"' in html
    assert 'data-course="SARA-201"' in html
    assert f'href="/{language}/staff/training/"' in html  # the menu


def test_a_commander_reads_only_the_enrolments_of_their_stations_forums(
    sign_in, planned
):
    forum, members = forum_with_members(1)  # station PRZ: the demo commander's
    services.enrolments_create(session=planned, memberships=members, by=trainer())
    other_forum, others = forum_with_members(1, name="Elsewhere")
    other_forum.station = Station.objects.get(code="SUH")
    other_forum.save()
    services.enrolments_create(session=planned, memberships=others, by=trainer())
    client = sign_in("commander")
    response = client.get("/en/staff/training/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Member Arbana 0" in html
    assert "Member Elsewhere 0" not in html
    assert client.get(f"/en/staff/training/sessions/{planned.pk}/").status_code == 403
    assert client.get("/en/staff/training/courses/new/").status_code == 403


@pytest.mark.parametrize("who", ["officer", "clerk", "secretary"])
def test_other_staff_are_refused(sign_in, planned, who):
    client = sign_in(who)
    assert client.get("/en/staff/training/").status_code == 403
    assert client.get(f"/en/staff/training/sessions/{planned.pk}/").status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client, planned):
    response = client.get(f"/en/staff/training/sessions/{planned.pk}/")
    assert response.status_code == 302
    assert "/en/accounts/login/" in response["Location"]


def test_a_course_is_added_and_edited_and_bad_input_is_400(sign_in):
    client = sign_in("trainer")
    assert client.get("/en/staff/training/courses/new/").status_code == 200
    data = {
        "code": "gen-130",
        "title_sq": "Gjinia dhe siguria në bashkësi",
        "title_sr_latn": "Rod i bezbednost u zajednici",
        "title_en": "Gender and community safety",
        "hours": "8",
        "audience": "mixed",
        "is_active": "on",
    }
    response = client.post("/en/staff/training/courses/new/", data)
    assert response.status_code == 302
    added = Course.objects.get(code="GEN-130")
    assert added.title_sr == "Род и безбедност у заједници"
    response = client.post("/en/staff/training/courses/new/", {**data, "title_sq": ""})
    assert response.status_code == 400
    assert "Another course has the code GEN-130." in response.content.decode()
    assert "Give the course&#x27;s title in Albanian." in response.content.decode()
    response = client.post(
        "/en/staff/training/courses/GEN-130/edit/", {**data, "hours": "10"}
    )
    assert response.status_code == 302
    added.refresh_from_db()
    assert added.hours == 10
    assert client.get("/en/staff/training/courses/NOPE/edit/").status_code == 404


def test_a_session_is_planned_changed_and_cancelled(sign_in):
    course()
    client = sign_in("trainer")
    assert client.get("/en/staff/training/sessions/new/").status_code == 200
    today = Course.objects.get().created_at.date()
    data = {
        "course": "SARA-201",
        "starts_on": (today.replace(year=today.year + 1)).isoformat(),
        "ends_on": (today.replace(year=today.year + 1)).isoformat(),
        "capacity": "20",
        "trainers": "Arta Hoxha",
    }
    response = client.post("/en/staff/training/sessions/new/", data)
    assert response.status_code == 302
    planned = TrainingSession.objects.get()
    response = client.post(
        "/en/staff/training/sessions/new/", {**data, "starts_on": "2001-01-01"}
    )
    assert response.status_code == 400
    assert "A new session cannot start in the past." in response.content.decode()
    response = client.post(
        f"/en/staff/training/sessions/{planned.pk}/edit/",
        {**data, "capacity": "25"},
    )
    assert response.status_code == 302
    planned.refresh_from_db()
    assert planned.capacity == 25
    response = client.post(
        f"/en/staff/training/sessions/{planned.pk}/cancel/", {"cancel-reason": ""}
    )
    assert response.status_code == 400
    assert "Say why the session is cancelled." in response.content.decode()
    response = client.post(
        f"/en/staff/training/sessions/{planned.pk}/cancel/",
        {"cancel-reason": "The trainer is ill."},
    )
    assert response.status_code == 302
    planned.refresh_from_db()
    assert planned.status == "cancelled"


def test_members_are_enrolled_by_forum_and_the_capacity_is_kept(sign_in, planned):
    forum, members = forum_with_members(4)
    client = sign_in("trainer")
    url = f"/en/staff/training/sessions/{planned.pk}/enrol/"
    assert client.get(url).status_code == 200
    assert client.get(url, {"forum": "999999"}).status_code == 400
    response = client.get(url, {"forum": forum.pk})
    assert response.status_code == 200
    assert "Member Arbana 3" in response.content.decode()
    response = client.post(
        f"{url}?forum={forum.pk}", {"members": [m.pk for m in members]}
    )
    assert response.status_code == 400
    assert "The session is full: all 3 places are taken." in response.content.decode()
    assert not Enrolment.objects.exists()
    response = client.post(
        f"{url}?forum={forum.pk}", {"members": [m.pk for m in members[:2]]}
    )
    assert response.status_code == 302
    assert Enrolment.objects.count() == 2


def test_attendance_completion_and_certificates_from_the_session_page(sign_in, planned):
    forum, members = forum_with_members(3)
    first, second, third = services.enrolments_create(
        session=planned, memberships=members, by=trainer()
    )
    client = sign_in("trainer")
    response = client.post(
        f"/en/staff/training/enrolments/{first.pk}/attendance/", {"attended": "yes"}
    )
    assert response.status_code == 400
    assert (
        "Attendance is recorded once the session has begun."
        in response.content.decode()
    )
    run_back(planned, 30)
    for enrolment, attended in ((first, "yes"), (second, "yes"), (third, "no")):
        response = client.post(
            f"/en/staff/training/enrolments/{enrolment.pk}/attendance/",
            {"attended": attended},
        )
        assert response.status_code == 302
    response = client.post(f"/en/staff/training/enrolments/{third.pk}/complete/")
    assert response.status_code == 400
    assert (
        "Only a member who attended can complete the course."
        in response.content.decode()
    )
    for enrolment in (first, second):
        response = client.post(
            f"/en/staff/training/enrolments/{enrolment.pk}/complete/"
        )
        assert response.status_code == 302
    response = client.post(
        f"/en/staff/training/enrolments/{first.pk}/certificate/", {"language": "en"}
    )
    assert response.status_code == 302
    response = client.post(
        f"/en/staff/training/sessions/{planned.pk}/certificates/", {"language": "sq"}
    )
    assert response.status_code == 302
    assert Certificate.objects.count() == 2
    response = client.post(
        f"/en/staff/training/sessions/{planned.pk}/certificates/", {"language": "sq"}
    )
    assert response.status_code == 400
    assert (
        "No completed enrolment of this session awaits a certificate."
        in response.content.decode()
    )
    page = client.get(f"/en/staff/training/sessions/{planned.pk}/")
    assert page.status_code == 200


def test_a_certificate_is_downloaded_and_revoked_with_a_reason(sign_in, planned):
    forum, members = forum_with_members(1, name="Zhur")
    (enrolment,) = finished(planned, members)
    certificate = services.certificate_issue(
        enrolment=enrolment, by=trainer(), language="en"
    )
    client = sign_in("trainer")
    base = f"/en/staff/training/certificates/{certificate.code}/"
    assert client.get(base).status_code == 200
    document = client.get(base + "certificate.pdf")
    assert document.status_code == 200
    assert document["Content-Type"] == "application/pdf"
    assert document.content.startswith(b"%PDF")
    response = client.post(base + "revoke/", {"reason": " "})
    assert response.status_code == 400
    assert "Say why the certificate is revoked." in response.content.decode()
    response = client.post(base + "revoke/", {"reason": "Left on the first day."})
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.is_revoked
    commander = sign_in("commander")
    assert commander.get(base).status_code == 403
    assert commander.get(base + "certificate.pdf").status_code == 403


def test_a_forum_s_back_office_page_shows_what_its_members_completed(sign_in):
    forum, members = forum_with_members(2)
    done = finished(session(course()), members[:1])
    certificate = services.certificate_issue(
        enrolment=done[0], by=trainer(), language="en"
    )
    url = f"/en/staff/forums/{forum.pk}/"
    html = sign_in("commander").get(url).content.decode()
    cell = html.split(f'data-training="{members[0].pk}"')[1].split("</td>")[0]
    assert "Problem solving with the SARA model" in cell
    # The certificate's page is the training managers'.
    assert certificate.code not in cell
    empty = html.split(f'data-training="{members[1].pk}"')[1].split("</td>")[0]
    assert "SARA" not in empty
    directorate = sign_in("directorate").get(url).content.decode()
    assert f"/en/staff/training/certificates/{certificate.code}/" in directorate


def test_certificates_are_offered_in_each_member_s_language(sign_in, planned):
    forum, members = forum_with_members(2)
    members[1].language = "sr"
    members[1].save()
    first, second = finished(planned, members)
    client = sign_in("trainer")
    html = client.get(f"/en/staff/training/sessions/{planned.pk}/").content.decode()
    chosen = html.split(f'id="language-{second.pk}"')[1].split("</select>")[0]
    assert '<option value="sr" selected>' in chosen
    chosen = html.split(f'id="language-{first.pk}"')[1].split("</select>")[0]
    assert '<option value="sq" selected>' in chosen
    assert "Each member&#x27;s own language" in html
    response = client.post(
        f"/en/staff/training/sessions/{planned.pk}/certificates/", {"language": ""}
    )
    assert response.status_code == 302
    assert dict(Certificate.objects.values_list("enrolment_id", "language")) == {
        first.pk: "sq",
        second.pk: "sr",
    }
    response = client.post(
        f"/en/staff/training/sessions/{planned.pk}/certificates/", {"language": "xx"}
    )
    assert response.status_code == 400
