"""Public campaign pages, the staff back office and the API."""

import datetime

import pytest
from django.contrib.auth import get_user_model

from bashkesia.campaigns import services
from bashkesia.campaigns.models import Campaign, Material
from bashkesia.partners.tests.helpers import make_partner

from .helpers import TODAY, coordinator_of, make_campaign, pdf_upload, png_upload

pytestmark = pytest.mark.django_db
LANGUAGES = ["sq", "sr-latn", "sr", "en"]


@pytest.fixture(autouse=True)
def _today(today):
    today(TODAY)


@pytest.fixture
def campaigns():
    partner = make_partner("osce-test", name="OSCE test")
    running = make_campaign("running", title="Drive safely", partners=[partner])
    ended = make_campaign(
        "ended",
        title="Lay down the weapons",
        regions=["PZ"],
        starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(2025, 2, 1),
    )
    ended.title_sr_latn = "Spustite oružje"
    ended.save()
    pristina = make_campaign("pristina", title="Safe schools", regions=["PR"])
    draft = make_campaign("draft", title="Secret draft", published=False)
    return {"running": running, "ended": ended, "pristina": pristina, "draft": draft}


def slugs(response) -> list[str]:
    return [c.slug for c in response.context["page_obj"]]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_list_and_a_campaign_render_in_every_language(client, campaigns, language):
    response = client.get(f"/{language}/campaigns/")
    assert response.status_code == 200
    assert set(slugs(response)) == {"running", "ended", "pristina"}
    response = client.get(f"/{language}/campaigns/running/")
    assert response.status_code == 200
    assert "osce-test" in response.content.decode()


def test_drafts_are_not_public(client, campaigns):
    assert client.get("/en/campaigns/draft/").status_code == 404
    assert client.get("/en/campaigns/no-such-campaign/").status_code == 404


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("period=current", {"running", "pristina"}),
        ("period=past", {"ended"}),
        ("region=PZ", {"running", "ended"}),
        ("theme=drive", {"running"}),
        ("theme=oruzje", {"ended"}),  # Serbian, accents left out
        ("target_group=drivers", {"running", "ended", "pristina"}),
        ("target_group=elderly", set()),
    ],
)
def test_filters(client, campaigns, query, expected):
    response = client.get(f"/en/campaigns/?{query}")
    assert response.status_code == 200
    assert set(slugs(response)) == expected


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("region=XX", "No regional directorate has this code."),
        ("period=tomorrow", "Choose running now, upcoming or ended campaigns."),
        ("target_group=cats", "No target group is called this."),
    ],
)
def test_bad_filters_answer_400_with_a_message(client, campaigns, query, message):
    response = client.get(f"/en/campaigns/?{query}")
    assert response.status_code == 400
    assert message in response.content.decode()


def test_the_page_shows_reach_totals_materials_and_partners(client, campaigns):
    campaign = campaigns["running"]
    directorate = get_user_model().objects.get(username="directorate")
    for number in (100, 250):
        services.reach_add(
            campaign=campaign,
            by=directorate,
            date=TODAY,
            channel="leaflets",
            measure="people_reached",
            number=number,
        )
    material = services.material_add(
        campaign=campaign, by=directorate, title="Leaflet", upload=pdf_upload()
    )
    response = client.get("/en/campaigns/running/")
    assert response.context["totals"] == [("people_reached", "people reached", 350)]
    html = response.content.decode()
    assert material.get_absolute_url() in html
    download = client.get(material.get_absolute_url())
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"] == 'attachment; filename="leaflet.pdf"'
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_a_drafts_material_is_not_downloadable(client, campaigns):
    directorate = get_user_model().objects.get(username="directorate")
    material = services.material_add(
        campaign=campaigns["draft"], by=directorate, title="Poster", upload=png_upload()
    )
    assert client.get(material.get_absolute_url()).status_code == 404


# The back office


def test_anonymous_staff_pages_redirect_to_sign_in(client, campaigns):
    response = client.get("/en/staff/campaigns/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("username", ["officer", "commander", "clerk"])
def test_roles_without_campaigns_are_refused(sign_in, campaigns, username):
    client = sign_in(username)
    assert client.get("/en/staff/campaigns/").status_code == 403
    assert client.get("/en/staff/campaigns/new/").status_code == 403


def test_the_directorate_sees_every_campaign(sign_in, campaigns):
    response = sign_in("directorate").get("/en/staff/campaigns/")
    assert response.status_code == 200
    assert {c.slug for c in response.context["page_obj"]} == set(campaigns)


def test_a_coordinator_sees_national_and_their_regions_campaigns(sign_in, campaigns):
    client = sign_in("coordinator")  # Prizren
    response = client.get("/en/staff/campaigns/")
    assert {c.slug for c in response.context["page_obj"]} == {
        "running",
        "ended",
        "draft",
    }
    assert client.get("/en/staff/campaigns/pristina/").status_code == 404
    # National: reach only.
    response = client.get("/en/staff/campaigns/running/")
    assert response.status_code == 200
    assert response.context["can_manage"] is False
    assert response.context["can_add_reach"] is True
    assert client.get("/en/staff/campaigns/running/edit/").status_code == 403
    assert client.post("/en/staff/campaigns/running/publish/").status_code == 403
    assert client.get("/en/staff/campaigns/ended/edit/").status_code == 200


def test_a_coordinator_of_another_region_cannot_reach_prizrens(sign_in, campaigns):
    client = sign_in(coordinator_of("PR"))
    assert client.get("/en/staff/campaigns/ended/").status_code == 404
    response = client.post(
        "/en/staff/campaigns/ended/reach/",
        {
            "date": "2025-01-10",
            "channel": "radio",
            "measure": "broadcasts",
            "number": 2,
        },
    )
    assert response.status_code == 404


def test_the_directorate_creates_publishes_and_adds_files_and_reach(sign_in):
    client = sign_in("directorate")
    partner = make_partner("kwn-test", name="Women's network")
    assert client.get("/en/staff/campaigns/new/").status_code == 200
    response = client.post(
        "/en/staff/campaigns/new/",
        {
            "title_sq": "Thyej heshtjen",
            "title_en": "Break the silence",
            "description_sq": "Kundër dhunës në familje.",
            "target_groups": ["women"],
            "channels": ["social_media"],
            "starts_on": "2026-06-01",
            "ends_on": "2026-07-01",
            "partners": [partner.pk],
        },
    )
    assert response.status_code == 302
    campaign = Campaign.objects.get(slug="break-the-silence-2026")
    assert response["Location"] == "/en/staff/campaigns/break-the-silence-2026/"
    response = client.post(
        "/en/staff/campaigns/break-the-silence-2026/materials/",
        {"title": "Poster", "file": png_upload()},
    )
    assert response.status_code == 302
    response = client.post(
        "/en/staff/campaigns/break-the-silence-2026/reach/",
        {
            "date": "2026-06-10",
            "channel": "social_media",
            "measure": "post_views",
            "number": "5000",
        },
    )
    assert response.status_code == 302
    assert client.post(
        "/en/staff/campaigns/break-the-silence-2026/publish/"
    ).status_code == (302)
    campaign.refresh_from_db()
    assert campaign.is_published
    assert campaign.materials.count() == 1 and campaign.reach.count() == 1
    assert client.get("/en/partners/kwn-test/").context["work"]


def test_bad_campaign_input_answers_400_with_messages(sign_in):
    client = sign_in("directorate")
    response = client.post(
        "/en/staff/campaigns/new/",
        {"title_sq": "", "starts_on": "2026-06-01", "ends_on": "2026-05-01"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Give the campaign&#x27;s theme in Albanian." in html
    assert "The campaign cannot end before it starts." in html
    assert not Campaign.objects.exists()


def test_a_bad_upload_answers_400_with_its_message(sign_in, campaigns):
    client = sign_in("directorate")
    response = client.post(
        "/en/staff/campaigns/running/materials/",
        {
            "title": "Script",
            "file": png_upload("x.png").__class__(
                "x.png", b"<script>alert(1)</script>"
            ),
        },
    )
    assert response.status_code == 400
    assert (
        "Only PDF documents and PNG, JPEG or WebP images are accepted."
        in response.content.decode()
    )
    assert not Material.objects.exists()


def test_a_bad_reach_figure_answers_400(sign_in, campaigns):
    response = sign_in("directorate").post(
        "/en/staff/campaigns/running/reach/",
        {
            "date": "2026-06-30",
            "channel": "radio",
            "measure": "broadcasts",
            "number": 1,
        },
    )
    assert response.status_code == 400
    assert "The date cannot be in the future." in response.content.decode()


def test_publishing_twice_answers_400(sign_in, campaigns):
    response = sign_in("directorate").post("/en/staff/campaigns/running/publish/")
    assert response.status_code == 400
    assert "This campaign is already published." in response.content.decode()


# The API


def test_api_lists_published_campaigns_with_filters(client, campaigns):
    data = client.get("/api/v1/campaigns").json()
    assert {c["slug"] for c in data} == {"running", "ended", "pristina"}
    current = client.get("/api/v1/campaigns?current=true").json()
    assert {c["slug"] for c in current} == {"running", "pristina"}
    not_current = client.get("/api/v1/campaigns?current=false").json()
    assert {c["slug"] for c in not_current} == {"ended"}
    prizren = client.get("/api/v1/campaigns?region=pz").json()
    assert {c["slug"] for c in prizren} == {"running", "ended"}


def test_api_refuses_an_unknown_region(client, campaigns):
    response = client.get("/api/v1/campaigns?region=XX", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert response.json() == {"detail": "No regional directorate has the code “XX”."}


def test_api_campaign_detail(client, campaigns):
    data = client.get("/api/v1/campaigns/running", HTTP_ACCEPT_LANGUAGE="en").json()
    assert data["title"] == "Drive safely"
    assert data["status"] == "running"
    assert data["partners"] == [{"slug": "osce-test", "name": "OSCE test"}]
    assert data["target_group_labels"] == ["drivers"]
    assert client.get("/api/v1/campaigns/draft").status_code == 404
    response = client.get("/api/v1/campaigns/draft", HTTP_ACCEPT_LANGUAGE="en")
    assert response.json() == {
        "detail": "No published campaign has the address “draft”."
    }


def test_an_event_page_names_its_published_campaigns(client):
    from .test_services import _event

    event = _event(TODAY)
    make_campaign("road-safety", title="Drive safely").events.add(event)
    make_campaign("quiet", title="Not yet", published=False).events.add(event)
    page = client.get(f"/en/events/{event.pk}/").content.decode()
    assert "Part of the campaign" in page
    assert "/en/campaigns/road-safety/" in page
    assert "Not yet" not in page
