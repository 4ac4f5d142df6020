"""The forums' public pages: the list, a forum's page, representativeness,
citizens' request for a KLSP and its tracking page."""

import datetime
import json
import re

import pytest
from django.core.cache import cache
from django.utils.html import escape

from bashkesia.core import clock
from bashkesia.partnership.models import (
    ActionItem,
    Forum,
    ForumRequest,
    ForumStatus,
    Meeting,
    MemberRole,
    Membership,
    Minutes,
    Recommendation,
)
from bashkesia.partnership.selectors.forums import forum_list_for_sector
from bashkesia.partnership.services.forums import (
    forum_create,
    forum_dissolve,
    klsp_final_decide,
    klsp_station_decide,
)
from bashkesia.territory.models import Sector

from .forums_helpers import (
    REQUESTERS,
    forum_people,
    kksb_in,
    meeting_in,
    municipality,
    place,
    propose,
    station,
    submit,
)

pytestmark = pytest.mark.django_db

LANGUAGES = ["sq", "sr-latn", "sr", "en"]


@pytest.fixture
def people():
    return forum_people()


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


def page(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status
    return response.content.decode()


def active_klsp(people) -> Forum:
    forum = propose(people.commander, name_sq="KLSP Billushë")
    klsp_final_decide(forum=forum, by=people.director, approve=True)
    forum.refresh_from_db()
    return forum


def member(forum: Forum, **fields) -> Membership:
    values = {
        "forum": forum,
        "name": "Besa Morina",
        "role": MemberRole.MEMBER,
        "start_date": clock.today() - datetime.timedelta(days=30),
        "gender": "female",
        "community": "albanian",
        "age_band": "25_64",
    }
    values.update(fields)
    return Membership.objects.create(**values)


# The list


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_list_shows_active_forums_in_each_language(client, people, language):
    forum = active_klsp(people)
    html = page(client, f"/{language}/forums/?municipality=PRZ&kind=klsp")
    assert f'href="/{language}/forums/{forum.pk}/"' in html
    assert forum.name_in(language) in html


def test_the_list_never_shows_requests_proposals_or_rejected_forums(client, people):
    requested = submit().forum
    proposed = propose(people.commander, name_sq="KLSP Propozuar")
    rejected = propose(people.commander, name_sq="KLSP Refuzuar")
    klsp_final_decide(forum=rejected, by=people.director, approve=False, reason="No.")
    html = page(client, "/en/forums/?municipality=PRZ&dissolved=on")
    for forum in (requested, proposed, rejected):
        assert f'data-forum="{forum.pk}"' not in html


def test_dissolved_forums_are_listed_only_when_asked_for_and_marked(client, people):
    forum = active_klsp(people)
    forum_dissolve(forum=forum, by=people.commander, reason="Merged.")
    assert f'data-forum="{forum.pk}"' not in page(
        client, "/en/forums/?municipality=PRZ"
    )
    html = page(client, "/en/forums/?municipality=PRZ&dissolved=on")
    row = re.search(rf'<tr data-forum="{forum.pk}">.*?</tr>', html, re.S).group(0)
    assert "data-dissolved" in row


def test_the_list_filters_by_municipality_and_kind(client, people):
    klsp = active_klsp(people)
    kksb = kksb_in(people, "SUH")
    html = page(client, "/en/forums/?municipality=SUH")
    assert f'data-forum="{kksb.pk}"' in html
    assert f'data-forum="{klsp.pk}"' not in html
    html = page(client, "/en/forums/?kind=kksb&municipality=PRZ")
    assert f'data-forum="{klsp.pk}"' not in html


def test_a_bad_filter_answers_400(client):
    html = page(client, "/en/forums/?municipality=XXX&kind=club", status=400)
    assert (
        "Select a valid choice. That choice is not one of the available choices."
        in html
    )
    assert "Select a valid choice. club is not one of the available choices." in html


def test_the_site_navigation_links_the_forums(client):
    assert 'href="/sq/forums/"' in page(client, "/sq/")


# A forum's page


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_forums_page_renders_in_each_language(client, people, language):
    forum = active_klsp(people)
    html = page(client, f"/{language}/forums/{forum.pk}/")
    assert forum.name_in(language) in html
    assert escape(forum.purpose) in html
    assert 'id="forum-map-data"' in html


@pytest.mark.parametrize("status", ["requested", "awaiting_approval", "rejected"])
def test_a_forum_that_is_not_public_is_not_found(client, people, status):
    forum = submit().forum
    Forum.objects.filter(pk=forum.pk).update(status=status)
    html = page(client, f"/en/forums/{forum.pk}/", status=404)
    assert "No public safety forum has this number." in html


def test_a_dissolved_forum_says_so_and_why(client, people):
    forum = active_klsp(people)
    forum_dissolve(forum=forum, by=people.commander, reason="Merged with Atmagjë.")
    html = page(client, f"/en/forums/{forum.pk}/")
    assert "This forum was dissolved on" in html
    assert "Merged with Atmagjë." in html


def test_members_names_are_public_only_with_consent_or_in_office(client, people):
    forum = active_klsp(people)
    member(forum, name="Drita Consenting", name_is_public=True, role="chair")
    member(forum, name="Agron Private", organisation="Private NGO")
    member(forum, name="Toger Hasani", role=MemberRole.POLICE)
    member(forum, name="Zyrtar Komunal", role=MemberRole.MUNICIPAL)
    member(
        forum,
        name="Ended Seat",
        name_is_public=True,
        end_date=clock.today() - datetime.timedelta(days=1),
    )
    html = page(client, f"/en/forums/{forum.pk}/")
    chair = re.search(r"<dd data-chair>(.*?)</dd>", html, re.S).group(1)
    assert "Drita Consenting" in chair
    for name in ("Toger Hasani", "Zyrtar Komunal"):
        assert name in html
    for private in ("Agron Private", "Private NGO", "Ended Seat"):
        assert private not in html
    assert "name not published" in html


def test_a_chair_without_consent_is_shown_by_role_only(client, people):
    forum = active_klsp(people)
    member(forum, name="Hidden Chair", role="chair")
    html = page(client, f"/en/forums/{forum.pk}/")
    assert "Hidden Chair" not in html
    assert "a member of the community (name not published)" in html


def test_the_map_draws_the_forums_sectors_and_villages(client, people):
    forum = active_klsp(people)
    html = page(client, f"/en/forums/{forum.pk}/")
    data = json.loads(
        re.search(
            r'<script id="forum-map-data" type="application/json">(.*?)</script>',
            html,
            re.S,
        ).group(1)
    )
    kinds = [
        (feature["geometry"]["type"], feature["properties"].get("code"))
        for feature in data["features"]
    ]
    assert ("Point", None) in kinds
    assert any(code == "PRZ-04" for _kind, code in kinds)
    assert '<script src="/static/web/js/map.js"></script>' in html


def test_a_kksb_without_an_area_covers_its_municipality(client, people):
    forum = kksb_in(people, "MAM")
    html = page(client, f"/en/forums/{forum.pk}/")
    assert 'href="/en/sectors/MAM-01/"' in html


def test_meetings_recommendations_and_action_items_are_shown(client, people):
    forum = active_klsp(people)
    now = clock.now()
    upcoming = Meeting.objects.create(
        forum=forum, title="Spring meeting", starts_at=now + datetime.timedelta(days=9)
    )
    closed = Meeting.objects.create(
        forum=forum,
        title="Closed session",
        is_public=False,
        starts_at=now + datetime.timedelta(days=10),
    )
    held = Meeting.objects.create(
        forum=forum,
        title="Winter meeting",
        status=Meeting.Status.HELD,
        starts_at=now - datetime.timedelta(days=40),
    )
    Minutes.objects.create(
        meeting=held,
        version=1,
        text="Minutes.",
        status=Minutes.Status.APPROVED,
        drafted_at=now - datetime.timedelta(days=39),
        approved_at=now - datetime.timedelta(days=10),
    )
    draft_only = Meeting.objects.create(
        forum=forum,
        title="Autumn meeting",
        status=Meeting.Status.HELD,
        starts_at=now - datetime.timedelta(days=80),
    )
    Minutes.objects.create(meeting=draft_only, version=1, text="Draft.", drafted_at=now)
    Recommendation.objects.create(meeting=held, text="Light the school road.")
    ActionItem.objects.create(
        forum=forum,
        meeting=held,
        title="Ask the municipality for street lights",
        owner="Municipality",
        deadline=clock.today() - datetime.timedelta(days=5),
    )
    ActionItem.objects.create(
        forum=forum,
        meeting=held,
        title="Patrol at school time",
        owner="Police",
        deadline=clock.today() + datetime.timedelta(days=5),
    )
    html = page(client, f"/en/forums/{forum.pk}/")
    upcoming_part = re.search(
        r"<ul class=\"plain\" data-upcoming>(.*?)</ul>", html, re.S
    )
    assert upcoming.get_absolute_url() in upcoming_part.group(1)
    assert "Closed session" not in html
    assert closed.get_absolute_url() not in html
    past = re.search(r"data-past-meetings>(.*?)</ul>", html, re.S).group(1)
    assert held.get_absolute_url() in past
    assert "Autumn meeting" not in past
    assert "Light the school road." in html
    items = re.search(r"data-action-items>(.*?)</table>", html, re.S).group(1)
    rows = re.findall(r"<tr>(.*?)</tr>", items, re.S)
    overdue = [row for row in rows if "data-overdue" in row]
    assert len(overdue) == 1
    assert "Ask the municipality for street lights" in overdue[0]


# "Next meeting" and calendar links are worded per language.
CALENDAR_LINKS = {
    "sq": ("Takimet e forumit në kalendarin e ngjarjeve", "Kalendari i forumit"),
    "sr-latn": ("Sastanci foruma u kalendaru događaja", "Kalendar foruma"),
    "sr": ("Састанци форума у календару догађаја", "Календар форума"),
    "en": ("The forum's meetings in the events calendar", "The forum's calendar"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_forums_page_links_its_calendar_feed_and_its_events(client, people, language):
    forum = active_klsp(people)
    html = page(client, f"/{language}/forums/{forum.pk}/")
    links = re.search(r"<p data-forum-calendar>(.*?)</p>", html, re.S).group(1)
    events, feed = CALENDAR_LINKS[language]
    assert f'<a href="/{language}/events/?forum={forum.pk}">{events}</a>' in links
    assert (
        f'<a href="/events/forum/{forum.pk}.ics?lang={language}" '
        f'type="text/calendar">{feed} (iCalendar)</a>'
    ) in links
    response = client.get(f"/events/forum/{forum.pk}.ics?lang={language}")
    assert response.status_code == 200


def test_a_dissolved_forum_lists_no_meeting_to_come_and_no_feed(client, people):
    forum = kksb_in(people, "PRZ")
    meeting = meeting_in(forum, people.directorate, days=9, title="May meeting")
    html = page(client, f"/en/forums/{forum.pk}/")
    assert meeting.get_absolute_url() in re.search(
        r"data-upcoming>(.*?)</ul>", html, re.S
    ).group(1)
    forum_dissolve(forum=forum, by=people.commander, reason="A new assembly.")
    html = page(client, f"/en/forums/{forum.pk}/")
    assert "data-upcoming" not in html
    assert "May meeting" not in html
    assert "No public meeting is scheduled." in html
    assert f"/events/forum/{forum.pk}.ics" not in html
    assert f'href="/en/events/?forum={forum.pk}"' in html


def test_an_evsb_shows_its_project(client, people):
    evsb = forum_create(
        by=people.directorate,
        kind="evsb",
        municipality=municipality(),
        station=station(),
        name_sq="EVSB Rrugët e sigurta",
        goal="Safe routes to school.",
        partners="OSCE, ICITAP",
        starts_on=datetime.date(2026, 3, 1),
        ends_on=datetime.date(2026, 12, 31),
    )
    html = page(client, f"/en/forums/{evsb.pk}/")
    project = re.search(r"data-project>(.*?)</section>", html, re.S).group(1)
    assert "Safe routes to school." in project
    assert "OSCE, ICITAP" in project
    assert "not assessed yet" in project


# Representativeness


def test_the_forums_page_shows_who_sits_in_it(client, people):
    forum = active_klsp(people)
    member(forum, gender="female", age_band="under_25", community="roma")
    member(forum, gender="male", community="albanian")
    member(forum, gender="female", community="undisclosed")
    member(forum, gender="male", community="serb", age_band="under_25")
    html = page(client, f"/en/forums/{forum.pk}/")
    row = re.search(r"data-representation>.*?<tbody>(.*?)</tbody>", html, re.S)
    cells = [c.strip() for c in re.findall(r"<td>(.*?)</td>", row.group(1), re.S)]
    assert cells == ["4", "2 (50%)", "2 (50%)", "2 (50%)"]
    assert "(Albanian)" in html


def test_representation_counts_serbs_as_the_majority_where_they_are(client, people):
    forum = kksb_in(people, "GRA")
    member(forum, community="serb", appointment_reference="1")
    member(forum, community="albanian", appointment_reference="2")
    member(forum, community="roma", appointment_reference="3")
    html = page(client, "/en/forums/representation/?municipality=GRA")
    row = re.search(r'<tr data-municipality="GRA">(.*?)</tr>', html, re.S).group(1)
    cells = [c.strip() for c in re.findall(r"<td>(.*?)</td>", row, re.S)]
    assert cells[-1] == "2 (67%)"
    forum_row = re.search(rf'<tr data-forum="{forum.pk}">(.*?)</tr>', html, re.S)
    assert forum_row is not None


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_representation_page_renders_in_each_language(client, people, language):
    forum = kksb_in(people, "MAM")
    member(forum, gender="female", appointment_reference="1")
    html = page(client, f"/{language}/forums/representation/?municipality=MAM")
    assert 'data-municipality="MAM"' in html
    assert f'data-forum="{forum.pk}"' in html


def test_the_representation_page_refuses_a_bad_filter(client):
    html = page(client, "/en/forums/representation/?kind=club", status=400)
    assert "Select a valid choice. club is not one of the available choices." in html


# Citizens' request


def request_form(**changes) -> dict:
    data = {
        "name": "KLSP Atmagjë",
        "municipality": "PRZ",
        "settlements": [str(place("Atmagjë").pk), str(place("Billushë").pk)],
        "requesters": REQUESTERS,
        "reasons": "Cars speed through the village at night.",
        "contact_name": "Arbër Krasniqi",
        "contact_email": "arber@example.org",
        "contact_phone": "+383 44 123 456",
        "website": "",
    }
    data.update(changes)
    return data


PRIVATE = ("Arbër", "Vlora Gashi", "Dritan Hoxha", "arber@example.org", "123 456")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_request_form_says_it_is_not_for_emergencies(client, language):
    html = page(client, f"/{language}/forums/request/")
    assert "192" in html
    assert 'hx-get="/' + language + '/forums/request/settlements/"' in html


def test_the_form_offers_the_villages_of_the_chosen_municipality(client):
    html = page(client, "/en/forums/request/?municipality=PRZ")
    assert f'value="{place("Atmagjë").pk}"' in html
    assert "Atmagjë (PRZ-02)" in html
    assert f'value="{place("Peqan", "SUH").pk}"' not in html
    fragment = page(client, "/en/forums/request/settlements/?municipality=SUH")
    assert fragment.lstrip().startswith('<div id="settlement-choices"')
    assert "Peqan" in fragment
    assert "Atmagjë" not in fragment


def test_without_javascript_the_villages_button_keeps_what_was_written(client):
    response = client.post(
        "/en/forums/request/",
        request_form(municipality="SUH", settlements=[], show_settlements="1"),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Peqan" in html
    assert "Cars speed through the village at night." in html
    assert "field-error" not in html
    assert not ForumRequest.objects.exists()


def test_citizens_send_a_request_and_follow_it_without_their_names(client, people):
    response = client.post("/en/forums/request/", request_form())
    assert response.status_code == 302
    request = ForumRequest.objects.get(contact_email="arber@example.org")
    assert response["Location"] == f"/en/forums/requests/{request.tracking_code}/"
    assert request.language == "en"
    html = page(client, response["Location"])
    assert (
        "Thank you. Your request reached the commander of the police station." in html
    )
    assert request.tracking_code in html
    assert 'data-status="requested"' in html
    assert "Atmagjë" in html
    for private in PRIVATE:
        assert private not in html


@pytest.mark.parametrize(
    ("language", "keep"),
    [
        ("sq", "Ruajeni këtë kod ndjekjeje për ta ndjekur:"),
        ("sr-latn", "Sačuvajte ovaj kod za praćenje da biste ga pratili:"),
        ("sr", "Сачувајте овај код за праћење да бисте га пратили:"),
        ("en", "Keep this tracking code to follow it:"),
    ],
)
def test_the_tracking_code_is_given_in_words_fit_for_a_request(client, language, keep):
    response = client.post(f"/{language}/forums/request/", request_form())
    assert response.status_code == 302
    assert keep in page(client, response["Location"])


def test_the_tracking_page_shows_each_step_by_role_never_by_name(client, people):
    request = submit()
    people.commander.first_name, people.commander.last_name = "Komandant", "Emri"
    people.commander.save()
    klsp_station_decide(
        forum=request.forum,
        by=people.commander,
        approve=True,
        reason="The village needs it.",
    )
    klsp_final_decide(forum=request.forum, by=people.director, approve=True)
    html = page(client, f"/en/forums/requests/{request.tracking_code}/")
    steps = re.findall(r'<li data-step="(\w+)">', html)
    assert steps == ["requested", "station_approved", "approved", "established"]
    assert "Approved by the station commander" in html
    assert "The village needs it." in html
    assert f'href="/en/forums/{request.forum.pk}/"' in html
    for private in (*PRIVATE, "Komandant", people.commander.username):
        assert private not in html
    assert people.director.username not in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_tracking_page_renders_in_each_language(client, language):
    request = submit()
    html = page(client, f"/{language}/forums/requests/{request.tracking_code}/")
    assert request.tracking_code in html


def test_the_public_forum_page_never_shows_the_requesters(client, people):
    request = submit()
    klsp_station_decide(forum=request.forum, by=people.commander, approve=True)
    klsp_final_decide(forum=request.forum, by=people.director, approve=True)
    html = page(client, f"/en/forums/{request.forum.pk}/")
    for private in PRIVATE:
        assert private not in html
    assert request.tracking_code not in html
    assert request.reasons not in html


def test_a_request_is_found_by_its_code_in_any_case(client):
    request = submit()
    code = request.tracking_code
    response = client.get("/en/forums/requests/?code=" + code.lower().replace("-", ""))
    assert response.status_code == 302
    assert response["Location"] == f"/en/forums/requests/{code}/"
    response = client.get(f"/en/forums/requests/{code.lower()}/")
    assert response["Location"] == f"/en/forums/requests/{code}/"


def test_an_unknown_code_is_not_found(client):
    html = page(client, "/en/forums/requests/?code=AAAA-BBBB-CCCC", status=404)
    assert "No request for a KLSP has the tracking code “AAAA-BBBB-CCCC”." in html
    page(client, "/en/forums/requests/?code=", status=400)


def test_a_request_with_problems_answers_400_with_the_reasons(client):
    response = client.post(
        "/en/forums/request/",
        request_form(name="", requesters="Only One", reasons="", settlements=[]),
    )
    assert response.status_code == 400
    html = response.content.decode()
    for message in (
        "Give the committee a name, such as your village&#x27;s.",
        "Name at least two citizens who ask for the committee, one a line.",
        "Say why your area needs a committee.",
        "Choose the villages or neighbourhoods the committee is for.",
    ):
        assert message in html
    assert not ForumRequest.objects.exists()


def test_a_request_across_municipalities_answers_400(client):
    data = request_form(
        settlements=[str(place("Atmagjë").pk), str(place("Peqan", "SUH").pk)]
    )
    response = client.post("/en/forums/request/", data)
    assert response.status_code == 400
    assert (
        "The villages and neighbourhoods must all be in one municipality, Prizren."
        in response.content.decode()
    )


def test_a_request_without_a_municipality_answers_400(client):
    response = client.post("/en/forums/request/", request_form(municipality=""))
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()


def test_a_robot_filling_the_hidden_field_is_ignored(client):
    response = client.post("/en/forums/request/", request_form(website="spam"))
    assert response.status_code == 400
    assert not ForumRequest.objects.exists()


def test_too_many_requests_from_one_address_answer_429(client, settings):
    settings.BASHKESIA_FORUM_REQUESTS_PER_HOUR = 2
    for _ in range(2):
        assert client.post("/en/forums/request/", request_form()).status_code == 302
    response = client.post("/en/forums/request/", request_form())
    assert response.status_code == 429
    assert (
        "Too many messages from your connection in a short time. "
        "Please try again later." in response.content.decode()
    )
    assert ForumRequest.objects.count() == 2


def test_statuses_are_shown_for_each_stage(client, people):
    request = submit()
    url = f"/en/forums/requests/{request.tracking_code}/"
    assert "Next: the commander of the police station" in page(client, url)
    klsp_station_decide(forum=request.forum, by=people.commander, approve=True)
    assert "Next: the Director General of Police" in page(client, url)
    klsp_final_decide(
        forum=request.forum, by=people.director, approve=False, reason="Covered."
    )
    html = page(client, url)
    assert 'data-status="rejected"' in html
    assert "Covered." in html
    assert Forum.objects.get(pk=request.forum.pk).status == ForumStatus.REJECTED


def test_an_unknown_municipality_lists_no_villages(client):
    fragment = page(client, "/en/forums/request/settlements/?municipality=XXX")
    assert "Choose the municipality first" in fragment
    assert 'type="checkbox"' not in fragment


def test_an_unknown_tracking_page_is_not_found(client):
    html = page(client, "/en/forums/requests/ZZZZ-ZZZZ-ZZZZ/", status=404)
    assert "No request for a KLSP has the tracking code “ZZZZ-ZZZZ-ZZZZ”." in html


# The sector page: its safety forums


SECTOR_FORUMS = {
    "sq": ("Forumet e sigurisë këtu", "Takimi i radhës:"),
    "sr-latn": ("Forumi bezbednosti ovde", "Sledeći sastanak:"),
    "sr": ("Форуми безбедности овде", "Следећи састанак:"),
    "en": ("Safety forums here", "Next meeting:"),
}


def forums_block(html: str) -> str:
    return re.search(r"<section[^>]*data-sector-forums>(.*?)</section>", html, re.S)[1]


def forum_items(html: str) -> list[str]:
    return re.findall(r'<li class="card" data-forum="(\d+)">', forums_block(html))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_sector_page_lists_its_forums_with_their_next_meeting(
    client, people, language
):
    klsp = active_klsp(people)  # Billushë, in PRZ-04
    kksb = kksb_in(people, "PRZ")
    soon = meeting_in(klsp, people.directorate, days=5, title="Rruga e shkollës")
    meeting_in(klsp, people.directorate, days=40, title="Takimi i verës")
    meeting_in(klsp, people.directorate, days=3, title="Closed", is_public=False)
    html = page(client, f"/{language}/sectors/PRZ-04/")
    block = forums_block(html)
    heading, next_meeting = SECTOR_FORUMS[language]
    assert heading in block
    # The committee of the sector's villages first, then the municipality's.
    assert forum_items(html) == [str(klsp.pk), str(kksb.pk)]
    assert f'<a href="/{language}/forums/{klsp.pk}/">{klsp.name_in(language)}</a>' in (
        block
    )
    assert f'href="/{language}/forums/{kksb.pk}/"' in block
    item = re.search(rf'data-forum="{klsp.pk}">(.*?)</li>', block, re.S)[1]
    assert next_meeting in item
    assert f'href="/{language}/forums/{klsp.pk}/meetings/{soon.pk}/"' in item
    assert "Rruga e shkollës" in item
    assert "Takimi i verës" not in item
    assert "Closed" not in item
    assert f'href="/{language}/forums/?municipality=PRZ"' in block


def test_the_sector_page_lists_only_the_forums_of_its_area(client, people):
    klsp = active_klsp(people)  # PRZ-04
    requested = submit().forum  # Atmagjë (PRZ-02) and Billushë (PRZ-04)
    kksb = kksb_in(people, "PRZ")
    other_kksb = kksb_in(people, "SUH")
    evsb = forum_create(
        by=people.directorate,
        kind="evsb",
        municipality=municipality(),
        station=station(),
        name_sq="EVSB Rrugët e sigurta",
        goal="Safe routes to school.",
        settlements=[place("Atmagjë")],
    )
    assert forum_items(page(client, "/en/sectors/PRZ-02/")) == [
        str(evsb.pk),
        str(kksb.pk),
    ]
    shown = forum_items(page(client, "/en/sectors/PRZ-04/"))
    assert shown == [str(klsp.pk), str(kksb.pk)]
    assert str(requested.pk) not in shown
    assert forum_items(page(client, "/en/sectors/SUH-01/")) == [str(other_kksb.pk)]


def test_a_sector_without_forums_says_so(client):
    html = page(client, "/en/sectors/PEJ-01/")
    assert "No safety forum covers this sector yet." in forums_block(html)


def test_a_forums_change_shows_on_the_sector_page_at_once(client, people):
    # The page's cached fragments (per territory revision and day) must not
    # keep a forum that is dissolved or hide one that is established.
    forum = propose(people.commander, name_sq="KLSP Billushë")
    meeting_in_kksb = meeting_in(kksb_in(people, "PRZ"), people.directorate, days=7)
    assert str(forum.pk) not in forum_items(page(client, "/en/sectors/PRZ-04/"))
    klsp_final_decide(forum=forum, by=people.director, approve=True)
    assert str(forum.pk) in forum_items(page(client, "/en/sectors/PRZ-04/"))
    html = page(client, "/en/sectors/PRZ-04/")
    assert meeting_in_kksb.get_absolute_url() in forums_block(html)
    forum_dissolve(forum=meeting_in_kksb.forum, by=people.commander, reason="New.")
    html = page(client, "/en/sectors/PRZ-04/")
    assert forum_items(html) == [str(forum.pk)]
    assert meeting_in_kksb.get_absolute_url() not in html


def test_the_forums_of_a_sector_are_read_in_two_queries(
    people, django_assert_num_queries
):
    meeting_in(active_klsp(people), people.directorate, days=5)
    meeting_in(kksb_in(people, "PRZ"), people.directorate, days=6)
    sector = Sector.objects.get(code="PRZ-04")
    with django_assert_num_queries(2):
        forums = forum_list_for_sector(sector=sector, now=clock.now())
        assert [len(forum.next_meetings) for forum in forums] == [1, 1]
