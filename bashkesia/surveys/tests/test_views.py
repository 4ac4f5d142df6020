import pytest
from django.core.cache import cache

from bashkesia.surveys.models import Response
from bashkesia.surveys.views import COOKIE_SALT, cookie_name

from .factories import make_responses, make_survey, municipality, sectors_of

pytestmark = pytest.mark.django_db
LANGUAGES = ["sq", "sr-latn", "sr", "en"]


def answer(client, survey, **data):
    values = {"sector": sectors_of()[0].code, "trust": "tend_to", "website": ""}
    values.update(data)
    return client.post(f"/en/surveys/{survey.slug}/", values)


@pytest.mark.parametrize("language", LANGUAGES)
def test_survey_pages_render_in_every_language(client, language):
    survey = make_survey()
    make_responses(survey, sectors_of()[0], 12, trust="tend_to")
    for path in (
        "",
        f"{survey.slug}/",
        f"{survey.slug}/thanks/",
        f"{survey.slug}/results/",
    ):
        response = client.get(f"/{language}/surveys/{path}")
        assert response.status_code == 200, path
    page = client.get(f"/{language}/surveys/{survey.slug}/").content.decode()
    assert 'name="trust"' in page
    assert 'name="website"' in page


def test_a_citizen_answers_once_and_gets_a_cookie(client):
    survey = make_survey()
    response = answer(client, survey, gender="female", safe_night="very_unsafe")
    assert response.status_code == 302
    assert response["Location"] == f"/en/surveys/{survey.slug}/thanks/"
    stored = Response.objects.get(survey=survey)
    assert (stored.trust, stored.safe_night, stored.gender) == (
        "tend_to",
        "very_unsafe",
        "female",
    )
    cookie = response.cookies[cookie_name(survey)]
    assert cookie["httponly"]
    again = answer(client, survey)
    assert again.status_code == 409
    assert (
        "You have already answered this survey from this browser. Thank you!"
        in again.content.decode()
    )
    assert Response.objects.filter(survey=survey).count() == 1
    page = client.get(f"/en/surveys/{survey.slug}/").content.decode()
    assert "data-already-answered" in page
    assert 'name="trust"' not in page


def test_a_forged_cookie_counts_for_nothing(client):
    survey = make_survey()
    client.cookies[cookie_name(survey)] = "forged"
    assert answer(client, survey).status_code == 302
    assert client.cookies[cookie_name(survey)].value != "forged"
    assert COOKIE_SALT


def test_the_place_can_be_a_settlement_name_or_a_location(client):
    survey = make_survey()
    response = answer(client, survey, sector="", place="Prizren")
    assert response.status_code == 302
    assert Response.objects.get(survey=survey).municipality.code == "PRZ"
    sector = sectors_of()[1]
    other = client.__class__()
    response = answer(
        other,
        survey,
        sector="",
        lat=sector.centre_latitude,
        lon=sector.centre_longitude,
    )
    assert response.status_code == 302
    assert Response.objects.filter(survey=survey).count() == 2


@pytest.mark.parametrize(
    ("data", "status", "message"),
    [
        ({"sector": ""}, 400,
         "Say where you live: choose your sector, type your village or use your "
         "location."),
        ({"sector": "", "place": "Atlantis"}, 400,
         "No village, town or neighbourhood has that name."),
        ({"sector": "", "lat": "48.85", "lon": "2.35"}, 400,
         "Your location is outside Kosovo: choose your sector."),
        ({"sector": "PRI-01"}, 400, "Select a valid choice."),
        ({"trust": "maybe"}, 400, "Select a valid choice."),
        ({"trust": ""}, 400, "Answer at least one question."),
    ],
)  # fmt: skip
def test_bad_answers_get_a_400_and_a_message(client, data, status, message):
    survey = make_survey()
    response = answer(client, survey, **data)
    assert response.status_code == status
    assert message in response.content.decode()
    assert not Response.objects.filter(survey=survey).exists()


def test_bad_answers_are_refused_in_the_persons_language(client):
    survey = make_survey()
    response = client.post(
        f"/sq/surveys/{survey.slug}/", {"sector": sectors_of()[0].code}
    )
    assert response.status_code == 400
    assert 'lang="sq"' in response.content.decode()


def test_the_honeypot_stores_nothing(client):
    survey = make_survey()
    response = answer(client, survey, website="http://spam.example")
    assert response.status_code == 400
    assert not Response.objects.filter(survey=survey).exists()


def test_too_many_answers_from_one_address_get_429(client, settings):
    settings.BASHKESIA_SURVEY_ANSWERS_PER_ADDRESS = 1
    survey = make_survey()
    assert answer(client, survey).status_code == 302
    response = answer(client.__class__(), survey)
    assert response.status_code == 429
    assert "Too many answers to this survey came from your connection." in (
        response.content.decode()
    )
    cache.clear()


def test_closed_draft_and_unknown_surveys(client):
    from bashkesia.core import clock

    closed = make_survey(closed_at=clock.now())
    page = client.get(f"/en/surveys/{closed.slug}/")
    assert page.status_code == 200
    assert "This survey is closed and takes no more answers." in page.content.decode()
    response = answer(client, closed)
    assert response.status_code == 400
    assert "This survey is closed and takes no more answers." in (
        response.content.decode()
    )
    draft = make_survey(is_published=False)
    for path in ("", "results/", "thanks/"):
        assert client.get(f"/en/surveys/{draft.slug}/{path}").status_code == 404
    assert answer(client, draft).status_code == 404
    assert client.get("/en/surveys/no-such-survey/").status_code == 404


def test_results_suppress_small_sectors_and_show_sample_sizes(client):
    survey = make_survey()
    first, second = sectors_of()[:2]
    make_responses(survey, first, 14, safe_night="very_unsafe")
    make_responses(survey, second, 3, safe_night="very_safe")
    page = client.get(f"/en/surveys/{survey.slug}/results/?question=safe_night")
    text = page.content.decode()
    assert page.status_code == 200
    assert "too few answers to show" in text
    assert "(sample: 17 answers)" in text
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="chart"' in text
    # The second sector's share is hidden: 100% of 3 appears nowhere.
    assert f"{second.code} {second.name}</th>\n" in text or second.code in text
    assert "data-places" in text


def test_results_of_a_kosovo_wide_survey_by_municipality_and_its_sectors(client):
    survey = make_survey(municipality=None)
    make_responses(survey, sectors_of("PRZ")[0], 12, trust="tend_to")
    make_responses(survey, sectors_of("PRI")[0], 12, trust="none")
    page = client.get(f"/en/surveys/{survey.slug}/results/?question=trust")
    text = page.content.decode()
    assert 'data-places="municipalities"' in text
    assert "Choose a municipality to see its sectors." in text
    page = client.get(
        f"/en/surveys/{survey.slug}/results/?question=trust&municipality=PRZ"
    )
    assert 'data-places="sectors"' in page.content.decode()


@pytest.mark.parametrize(
    "query", ["?question=colour", "?municipality=XXX&question=trust"]
)
def test_results_with_bad_choices_get_400(client, query):
    survey = make_survey(municipality=None)
    make_responses(survey, sectors_of("PRZ")[0], 12, trust="tend_to")
    response = client.get(f"/en/surveys/{survey.slug}/results/{query}")
    assert response.status_code == 400
    assert "Select a valid choice." in response.content.decode()


def test_the_sector_page_invites_to_an_open_survey(client):
    sector = sectors_of()[0]
    page = client.get(f"/en/sectors/{sector.code}/").content.decode()
    assert "Tell us how safe you feel" not in page
    survey = make_survey(municipality=municipality())
    page = client.get(f"/en/sectors/{sector.code}/").content.decode()
    assert "Tell us how safe you feel" in page
    assert f"/en/surveys/{survey.slug}/" in page


def test_the_footer_links_the_surveys(client):
    assert 'href="/en/surveys/"' in client.get("/en/").content.decode()
