import pytest

from .factories import make_responses, make_survey, sectors_of

pytestmark = pytest.mark.django_db


def test_the_api_lists_published_surveys_only(client):
    published = make_survey()
    draft = make_survey(is_published=False)
    body = client.get("/api/v1/surveys").json()
    slugs = [survey["slug"] for survey in body]
    assert published.slug in slugs
    assert draft.slug not in slugs
    item = next(s for s in body if s["slug"] == published.slug)
    assert item["status"] == "open"
    assert item["municipality"]["code"] == "PRZ"
    assert item["minimum_sample"] == 10
    assert item["results_url"].endswith(f"/surveys/{published.slug}/results/")


def test_the_api_results_suppress_like_the_page(client):
    survey = make_survey()
    first, second, third = sectors_of()[:3]
    make_responses(survey, first, 12, trust="tend_to")
    make_responses(survey, second, 11, trust="none")
    make_responses(survey, third, 12, trust="complete")
    body = client.get(
        f"/api/v1/surveys/{survey.slug}/results", HTTP_ACCEPT_LANGUAGE="en"
    ).json()
    assert body["respondents"] == 35
    trust = next(q for q in body["questions"] if q["code"] == "trust")
    assert trust["overall"]["n"] == 35
    assert trust["overall"]["share"] == round(100 * 24 / 35, 1)
    assert {a["value"]: a["count"] for a in trust["answers"]}["none"] == 11
    sectors = {s["code"]: s for s in trust["sectors"]}
    assert sectors[first.code]["n"] == 12
    assert sectors[first.code]["share"] == 100.0
    worry = next(q for q in body["questions"] if q["code"] == "worry")
    assert worry["overall"] == {
        "code": "PRZ",
        "name": "Prizren",
        "suppressed": True,
        "n": None,
        "share": None,
        "counts": None,
    }
    assert worry["answers"] == []


def test_the_api_hides_small_sectors(client):
    survey = make_survey()
    first, second = sectors_of()[:2]
    make_responses(survey, first, 20, trust="tend_to")
    make_responses(survey, second, 4, trust="none")
    body = client.get(f"/api/v1/surveys/{survey.slug}/results").json()
    trust = next(q for q in body["questions"] if q["code"] == "trust")
    assert all(s["suppressed"] and s["n"] is None for s in trust["sectors"])


@pytest.mark.parametrize("language", ["sq", "en"])
def test_an_unknown_or_draft_survey_is_404_in_the_callers_language(client, language):
    draft = make_survey(is_published=False)
    for slug in ("nothing-here", draft.slug):
        response = client.get(
            f"/api/v1/surveys/{slug}/results", HTTP_ACCEPT_LANGUAGE=language
        )
        assert response.status_code == 404
        if language == "en":
            assert response.json() == {
                "detail": "No survey is published at this address."
            }
