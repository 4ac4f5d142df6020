"""Partners: services, public pages, the back office, the API."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError

from bashkesia.campaigns.tests.helpers import make_campaign
from bashkesia.partners import services
from bashkesia.partners.models import Partner
from bashkesia.partners.selectors import partner_work

from .helpers import make_forum, make_partner

pytestmark = pytest.mark.django_db
LANGUAGES = ["sq", "sr-latn", "sr", "en"]


def user(username):
    return get_user_model().objects.get(username=username)


FIELDS = {
    "kind": "international",
    "name_sq": "Misioni i OSBE-së në Kosovë",
    "name_sr_latn": "Misija OEBS-a na Kosovu",
    "name_en": "OSCE Mission in Kosovo",
    "acronym": "OSBE",
    "description_sq": "Mbështet policimin në bashkësi.",
    "website": "https://www.osce.org/mission-in-kosovo",
}


def test_the_directorate_adds_a_partner_in_four_languages():
    partner = services.partner_create(by=user("directorate"), **FIELDS)
    assert partner.slug == "osbe"
    assert partner.name_sr == "Мисија ОЕБС-а на Косову"
    assert partner.is_active


def test_a_partner_needs_a_name_and_a_kind_and_nothing_is_written():
    with pytest.raises(ValidationError) as error:
        services.partner_create(
            by=user("director"), kind="club", name_sq="", website="not a url"
        )
    assert error.value.message_dict == {
        "name_sq": ["Give the partner's name in Albanian."],
        "kind": ["Choose what kind of organisation the partner is."],
        "website": ["Enter a valid URL."],
    }
    assert not Partner.objects.exists()


def test_two_partners_cannot_share_an_address():
    services.partner_create(by=user("directorate"), slug="osce", **FIELDS)
    with pytest.raises(ValidationError) as error:
        services.partner_create(by=user("directorate"), slug="osce", **FIELDS)
    assert error.value.message_dict == {
        "slug": ["Another partner has the short address “osce”."]
    }


@pytest.mark.parametrize("username", ["coordinator", "commander", "officer"])
def test_others_may_not_manage_partners(username):
    with pytest.raises(PermissionDenied):
        services.partner_create(by=user(username), **FIELDS)


def test_deactivating_keeps_the_history_and_hides_from_the_list(client):
    partner = make_partner("undp-test", name="UNDP test")
    make_campaign("weapons", partners=[partner])
    services.partner_deactivate(partner=partner, by=user("directorate"))
    with pytest.raises(ValidationError) as error:
        services.partner_deactivate(partner=partner, by=user("directorate"))
    assert error.value.messages == ["This partner is already inactive."]
    response = client.get("/en/partners/")
    assert "undp-test" not in response.content.decode()
    page = client.get("/en/partners/undp-test/")
    assert page.status_code == 200
    assert "No longer an active partner" in page.content.decode()
    assert "/en/campaigns/weapons/" in page.content.decode()
    services.partner_reactivate(partner=partner, by=user("directorate"))
    assert "undp-test" in client.get("/en/partners/").content.decode()


def test_partner_work_lists_published_campaigns_and_public_forums():
    partner = make_partner()
    published = make_campaign("published", partners=[partner])
    make_campaign("draft", partners=[partner], published=False)
    forum = make_forum()
    forum.partner_organisations.add(partner)
    work = partner_work(partner)
    assert list(work) == ["campaigns", "forums", "activities", "training"]
    assert work["campaigns"].items == [published]
    assert work["forums"].items == [forum]


def test_partner_work_lists_activities_of_published_strategies_and_sessions(client):
    from bashkesia.strategy.tests.factories import (
        make_activity,
        make_objective,
        make_strategy,
        make_sub,
    )
    from bashkesia.training.tests.helpers import course, session

    partner = make_partner()
    sub = make_sub(make_objective(make_strategy()), "1.1")
    activity = make_activity(sub, "1.1.2", progress=40)
    activity.partners.add(partner)
    hidden = make_sub(
        make_objective(make_strategy(slug="draft", published=False)), "1.1"
    )
    make_activity(hidden, "1.1.1").partners.add(partner)
    held = session(course(), starts_in=-20)
    held.partners.add(partner)

    work = partner_work(partner)
    assert work["activities"].items == [activity]
    assert work["training"].items == [held]
    page = client.get(f"/en/partners/{partner.slug}/").content.decode()
    assert activity.get_absolute_url() in page
    assert "#activity-1.1.2" in activity.get_absolute_url()
    assert held.course.get_absolute_url() in page
    api = client.get(f"/api/v1/partners/{partner.slug}").json()["work"]
    assert api["activities"][0]["name"].startswith("1.1.2 ")
    assert api["training"][0]["url"].endswith(held.course.get_absolute_url())


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pages_render_in_every_language(client, language):
    make_partner("ngo", kind="non_governmental", name="An NGO")
    make_partner("min", kind="governmental", name="A ministry")
    response = client.get(f"/{language}/partners/")
    assert response.status_code == 200
    assert [kind for kind, _label, _p in response.context["groups"]] == [
        "governmental",
        "non_governmental",
    ]
    assert client.get(f"/{language}/partners/ngo/").status_code == 200


def test_the_kind_filter_and_its_bad_input(client):
    make_partner("ngo", kind="non_governmental")
    make_partner("min", kind="governmental")
    response = client.get("/en/partners/?kind=governmental")
    assert [p.slug for _k, _l, ps in response.context["groups"] for p in ps] == ["min"]
    response = client.get("/en/partners/?kind=club")
    assert response.status_code == 400
    assert "No kind of partner is called this." in response.content.decode()
    assert client.get("/en/partners/nobody/").status_code == 404


def test_back_office_access(client, sign_in):
    make_partner("ngo")
    assert client.get("/en/staff/partners/").status_code == 302
    for username in ("coordinator", "officer"):
        assert sign_in(username).get("/en/staff/partners/").status_code == 403
    for username in ("directorate", "director"):
        assert sign_in(username).get("/en/staff/partners/").status_code == 200


def test_back_office_create_edit_deactivate(sign_in):
    client = sign_in("directorate")
    response = client.post("/en/staff/partners/new/", FIELDS)
    assert response.status_code == 302
    partner = Partner.objects.get(slug="osbe")
    response = client.post(
        "/en/staff/partners/osbe/edit/", {**FIELDS, "acronym": "OSCE"}
    )
    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.acronym == "OSCE"
    response = client.post("/en/staff/partners/osbe/deactivate/")
    assert response.status_code == 302
    partner.refresh_from_db()
    assert not partner.is_active
    assert client.get("/en/staff/partners/osbe/deactivate/").status_code == 405
    response = client.post("/en/staff/partners/new/", {**FIELDS, "name_sq": ""})
    assert response.status_code == 400
    assert "Give the partner&#x27;s name in Albanian." in response.content.decode()


def test_api(client):
    make_partner("ngo", kind="non_governmental", name="An NGO")
    make_partner("old", kind="governmental", is_active=False)
    partner = make_partner("min", kind="governmental", name="A ministry")
    make_campaign("with-ministry", partners=[partner], title="Drive safely")
    english = {"HTTP_ACCEPT_LANGUAGE": "en"}
    data = client.get("/api/v1/partners", **english).json()
    assert [p["slug"] for p in data] == ["min", "ngo"]
    assert [
        p["slug"] for p in client.get("/api/v1/partners?kind=governmental").json()
    ] == ["min"]
    response = client.get("/api/v1/partners?kind=club", **english)
    assert response.status_code == 400
    assert response.json() == {
        "detail": "Unknown kind “club”: use governmental, municipal, "
        "non_governmental, international."
    }
    detail = client.get("/api/v1/partners/min", **english).json()
    assert detail["name"] == "A ministry"
    assert detail["work"]["campaigns"] == [
        {"name": "Drive safely", "url": "http://testserver/en/campaigns/with-ministry/"}
    ]
    assert client.get("/api/v1/partners/nobody", **english).status_code == 404


def test_the_forum_edit_form_chooses_partners_and_the_forum_page_links_them(sign_in):
    partner = make_partner("osce-x", name="OSCE x")
    forum = make_forum()
    client = sign_in("directorate")
    page = client.get(f"/en/staff/forums/{forum.pk}/edit/")
    assert page.status_code == 200
    form = page.context["form"]
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and name != "partner_organisations"
    }
    data["partner_organisations"] = [partner.pk]
    response = client.post(f"/en/staff/forums/{forum.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert list(forum.partner_organisations.all()) == [partner]
    public = client.get(forum.get_absolute_url()).content.decode()
    assert "/en/partners/osce-x/" in public
