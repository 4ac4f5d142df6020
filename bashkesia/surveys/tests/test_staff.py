import csv
import datetime
import io

import pytest

from bashkesia.core import clock
from bashkesia.surveys.models import Survey

from .factories import make_responses, make_survey, municipality, sectors_of

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    today = clock.today()
    data = {
        "slug": "safety-prizren",
        "title_sq": "Siguria në Prizren",
        "municipality": municipality().pk,
        "opens_on": today.isoformat(),
        "closes_on": (today + datetime.timedelta(days=30)).isoformat(),
        "minimum_sample": "10",
    }
    data.update(overrides)
    return data


def test_anonymous_is_sent_to_sign_in_and_roles_without_surveys_get_403(
    client, sign_in
):
    response = client.get("/en/staff/surveys/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")
    sign_in("officer")
    assert client.get("/en/staff/surveys/").status_code == 403
    assert client.get("/en/staff/surveys/new/").status_code == 403


@pytest.mark.parametrize("username", ["directorate", "director", "commander"])
def test_survey_managers_see_the_list_and_the_nav_item(client, sign_in, username):
    sign_in(username)
    page = client.get("/en/staff/surveys/")
    assert page.status_code == 200
    assert 'href="/en/staff/surveys/"' in client.get("/en/staff/").content.decode()


def test_a_commander_sees_only_their_municipality(client, sign_in):
    own = make_survey()
    other = make_survey(municipality=municipality("PRI"))
    national = make_survey(municipality=None)
    sign_in("commander")
    text = client.get("/en/staff/surveys/").content.decode()
    assert own.title_en in text
    assert other.title_en not in text
    assert national.title_en not in text
    assert client.get(f"/en/staff/surveys/{other.pk}/").status_code == 404
    assert (
        client.get(f"/en/staff/surveys/{national.pk}/responses.csv").status_code == 404
    )
    assert client.post(f"/en/staff/surveys/{other.pk}/close/").status_code == 404


def test_create_edit_publish_close_journey(client, sign_in):
    sign_in("commander")
    response = client.post("/en/staff/surveys/new/", form_data())
    survey = Survey.objects.get(slug="safety-prizren")
    assert response.status_code == 302
    assert response["Location"] == f"/en/staff/surveys/{survey.pk}/"
    assert survey.status == Survey.Status.DRAFT
    response = client.post(
        f"/en/staff/surveys/{survey.pk}/edit/", form_data(title_en="Safety in Prizren")
    )
    assert response.status_code == 302
    survey.refresh_from_db()
    assert survey.title_en == "Safety in Prizren"
    assert client.post(f"/en/staff/surveys/{survey.pk}/publish/").status_code == 302
    survey.refresh_from_db()
    assert survey.status == Survey.Status.OPEN
    # Published: no more edits.
    response = client.get(f"/en/staff/surveys/{survey.pk}/edit/")
    assert response.status_code == 302
    response = client.post(f"/en/staff/surveys/{survey.pk}/publish/")
    assert response.status_code == 400
    assert "This survey is already published." in response.content.decode()
    assert client.post(f"/en/staff/surveys/{survey.pk}/close/").status_code == 302
    survey.refresh_from_db()
    assert survey.status == Survey.Status.CLOSED


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"title_sq": ""}, "This field is required."),
        ({"closes_on": "2000-01-01"}, "A survey cannot close before it opens."),
        ({"minimum_sample": "2"}, "Ensure this value is greater than or equal to 5."),
        ({"slug": "not a slug"}, "Enter a valid “slug”"),
        ({"municipality": ""}, "This field is required."),
    ],
)
def test_bad_survey_forms_get_400_with_messages(client, sign_in, overrides, message):
    sign_in("commander")
    response = client.post("/en/staff/surveys/new/", form_data(**overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Survey.objects.filter(title_sq="Siguria në Prizren").exists()


def test_a_commander_cannot_pick_another_municipality(client, sign_in):
    sign_in("commander")
    response = client.post(
        "/en/staff/surveys/new/", form_data(municipality=municipality("PRI").pk)
    )
    assert response.status_code == 400
    assert "Select a valid choice." in response.content.decode()


def test_directorate_may_create_a_kosovo_wide_survey(client, sign_in):
    sign_in("directorate")
    response = client.post("/en/staff/surveys/new/", form_data(municipality=""))
    assert response.status_code == 302
    assert Survey.objects.get(slug="safety-prizren").is_national


def test_staff_results_show_suppressed_counts(client, sign_in):
    survey = make_survey()
    first, second = sectors_of()[:2]
    make_responses(survey, first, 14, trust="tend_to")
    make_responses(survey, second, 3, trust="none")
    sign_in("commander")
    text = client.get(f"/en/staff/surveys/{survey.pk}/?question=trust").content.decode()
    assert "too few answers to show" in text
    assert '<td class="number">3</td>' in text
    public = client.get(f"/en/surveys/{survey.slug}/results/?question=trust")
    assert (
        '<td class="number">3</td>'
        not in public.content.decode().split("places-heading")[1]
    )


def test_the_responses_download_as_anonymous_csv(client, sign_in):
    survey = make_survey()
    sector = sectors_of()[0]
    make_responses(survey, sector, 2, trust="tend_to", gender="male")
    sign_in("directorate")
    response = client.get(f"/en/staff/surveys/{survey.pk}/responses.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "submitted_on",
        "municipality",
        "sector",
        "safe_day",
        "safe_night",
        "worry",
        "trust",
        "knows_officer",
        "attended_forum",
        "gender",
        "age_band",
        "community",
    ]
    assert rows[1][:3] == [clock.today().isoformat(), "PRZ", sector.code]
    assert rows[1][6] == "tend_to"
    assert len(rows) == 3
