"""The officer's side of concerns: the inbox of their scope, a concern's record
and the actions on it, the response-time targets and figures.

Scope (demo sign-ins): "officer" serves in PRZ-01; "leader" leads PRZ-01 to
PRZ-04; "commander" commands station PRZ (with substations PRZ-ZH and PRZ-SR);
"coordinator" reads the Prizren region (PZ, which also holds SUH);
"directorate" and "director" read Kosovo; "clerk" and "admin" have no concerns.
PEJ is a station of another region.
"""

import datetime
import json
import re
import time
import urllib.request

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bashkesia.concerns import services
from bashkesia.concerns import staff_selectors as selectors
from bashkesia.concerns.categories import categories_seed
from bashkesia.concerns.models import (
    Category,
    Concern,
    ConcernPhoto,
    ConcernUpdate,
    Status,
)
from bashkesia.core import clock
from bashkesia.demo.accounts import DEMO_LOGINS
from bashkesia.officers.models import Officer
from bashkesia.staff.views import concerns as views
from bashkesia.territory.models import Sector

from .conftest import current_officer_of, sign_in

PRIZREN = (42.2139, 20.7397)  # sector PRZ-01
PEJA = (42.6591, 20.2883)  # sector PEJ-01
INBOX = "/en/staff/concerns/"
FIGURES = "/en/staff/concerns/figures/"

OFFICER, LEADER, COMMANDER = "officer", "leader", "commander"
COORDINATOR, DIRECTORATE, DIRECTOR = "coordinator", "directorate", "director"
CLERK, ADMIN = "clerk", "admin"
EVERYONE = [OFFICER, LEADER, COMMANDER, COORDINATOR, DIRECTORATE, DIRECTOR]
EVERYONE += [CLERK, ADMIN]
HANDLERS = {OFFICER, LEADER, COMMANDER, DIRECTORATE}
READERS_OF_PRZ01 = HANDLERS | {COORDINATOR, DIRECTOR}


@pytest.fixture(autouse=True)
def _categories(db):
    categories_seed()


@pytest.fixture
def at(monkeypatch):
    """Move the clock: ``at(moment)`` makes the app believe it is then."""

    def move(moment: datetime.datetime) -> datetime.datetime:
        monkeypatch.setattr(clock, "now", lambda: moment)
        return moment

    return move


def as_user(username: str) -> Client:
    client = Client()
    client.user = get_user_model().objects.get(username=username)
    return sign_in(client, client.user)


def raise_concern(
    point=PRIZREN, category="traffic-safety", text="Cars race past the school.", **kw
) -> Concern:
    concern, created = services.concern_submit(
        category=Category.objects.get(code=category),
        description=text,
        latitude=point[0],
        longitude=point[1],
        source="web",
        **kw,
    )
    assert created
    return concern


def in_sector(code: str) -> tuple[float, float]:
    sector = Sector.objects.get(code=code)
    return sector.centre_latitude, sector.centre_longitude


def named_reporter(consent: bool) -> dict:
    return {
        "is_anonymous": False,
        "reporter_name": "Drita Berisha",
        "reporter_email": "drita.berisha@example.org",
        "reporter_phone": "+383 44 987 654",
        "consent_to_contact": consent,
    }


def detail(concern: Concern) -> str:
    return f"/en/staff/concerns/{concern.tracking_code}/"


def act(client: Client, concern: Concern, action: str, data: dict | None = None):
    """Post ``action`` with its form's fields (prefixed as the page does)."""
    fields = {f"{action}-{name}": value for name, value in (data or {}).items()}
    return client.post(f"{detail(concern)}{action}/", fields)


def html(response) -> str:
    return response.content.decode()


# Routing and scope


def test_concerns_are_routed_to_the_sector_at_their_point():
    assert raise_concern(PRIZREN).sector.code == "PRZ-01"
    assert raise_concern(PEJA).sector.code == "PEJ-01"
    assert raise_concern(in_sector("PRZ-10")).sector.station.code == "PRZ-ZH"


@pytest.mark.parametrize(
    ("username", "visible"),
    [
        (OFFICER, {"PRZ-01"}),
        (LEADER, {"PRZ-01", "PRZ-02"}),
        (COMMANDER, {"PRZ-01", "PRZ-02", "PRZ-10"}),
        (COORDINATOR, {"PRZ-01", "PRZ-02", "PRZ-10", "SUH-01"}),
        (DIRECTORATE, {"PRZ-01", "PRZ-02", "PRZ-10", "SUH-01", "PEJ-01"}),
        (DIRECTOR, {"PRZ-01", "PRZ-02", "PRZ-10", "SUH-01", "PEJ-01"}),
        (CLERK, set()),
        (ADMIN, set()),
    ],
)
def test_the_inbox_lists_exactly_the_concerns_of_the_users_scope(username, visible):
    concerns = {
        code: raise_concern(PRIZREN if code == "PRZ-01" else in_sector(code))
        for code in ["PRZ-01", "PRZ-02", "PRZ-10", "SUH-01", "PEJ-01"]
    }
    response = as_user(username).get(INBOX)
    assert response.status_code == 200
    page = html(response)
    for code, concern in concerns.items():
        assert (concern.tracking_code in page) == (code in visible), code
    count = len(visible)
    assert f"{count} concern{'' if count == 1 else 's'}" in page


def test_the_navigation_offers_concerns_only_to_users_with_sectors():
    assert 'href="/en/staff/concerns/"' in html(as_user(OFFICER).get("/en/staff/"))
    assert 'href="/en/staff/concerns/"' not in html(as_user(CLERK).get("/en/staff/"))


def test_filtering_the_inbox_by_a_sector_outside_the_scope_is_refused():
    peja = raise_concern(PEJA)
    response = as_user(OFFICER).get(INBOX, {"sector": "PEJ-01"})
    assert response.status_code == 400
    assert (
        "Select a valid choice. That choice is not one of the available choices."
        in html(response)
    )
    assert peja.tracking_code not in html(response)


@pytest.mark.parametrize("username", EVERYONE)
def test_a_concern_page_opens_only_within_scope(username):
    own = raise_concern(PRIZREN)
    other_station = raise_concern(PEJA)
    client = as_user(username)
    expected = 200 if username in READERS_OF_PRZ01 else 403
    assert client.get(detail(own)).status_code == expected
    expected = 200 if username in {DIRECTORATE, DIRECTOR} else 403
    assert client.get(detail(other_station)).status_code == expected


def test_an_unknown_tracking_code_is_not_found():
    response = as_user(OFFICER).get("/en/staff/concerns/ABCD-EFGH-JKMN/")
    assert response.status_code == 404


def test_a_tracking_code_is_found_in_any_case_and_without_dashes():
    concern = raise_concern()
    code = concern.tracking_code.replace("-", "").lower()
    response = as_user(OFFICER).get(f"/en/staff/concerns/{code}/")
    assert response.status_code == 200
    assert f"Concern {concern.tracking_code}" in html(response)


def test_anonymous_visitors_are_sent_to_sign_in():
    concern = raise_concern()
    for path in (INBOX, detail(concern), FIGURES):
        response = Client().get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/en/accounts/login/?next=")


# The reporter's identity


CONTACT = ["Drita Berisha", "drita.berisha@example.org", "+383 44 987 654"]


@pytest.mark.parametrize("username", sorted(READERS_OF_PRZ01))
def test_only_handlers_see_the_contact_of_a_reporter_who_agreed(username):
    concern = raise_concern(**named_reporter(consent=True))
    page = html(as_user(username).get(detail(concern)))
    for item in CONTACT:
        assert (item in page) == (username in HANDLERS), item


@pytest.mark.parametrize("username", sorted(READERS_OF_PRZ01))
def test_nobody_sees_the_identity_of_a_reporter_who_did_not_agree(username):
    concern = raise_concern(**named_reporter(consent=False))
    page = html(as_user(username).get(detail(concern)))
    for item in CONTACT:
        assert item not in page
    assert "data-reporter-contact" not in page
    assert "The reporter did not agree to be contacted" in page


def test_an_anonymous_reporter_stays_anonymous():
    concern = raise_concern()
    page = html(as_user(DIRECTORATE).get(detail(concern)))
    assert "The reporter chose to stay anonymous." in page
    assert "data-reporter-contact" not in page


def test_the_inbox_never_shows_a_reporters_contact():
    raise_concern(**named_reporter(consent=True))
    page = html(as_user(OFFICER).get(INBOX))
    for item in CONTACT:
        assert item not in page


# Actions: who may


def action_data(action: str) -> dict:
    """Return valid data for ``action`` on a fresh concern of PRZ-01."""
    return {
        "acknowledge": {},
        "start": {"text": ""},
        "assign": {"officer": current_officer_of("PRZ-01").badge_number},
        "reply": {"text": "We know the place."},
        "note": {"text": "Ask the school."},
        "resolve": {"text": "A speed bump is built."},
        "refer": {"institution": "Municipality of Prizren"},
        "not-police": {"reason": "A private dispute."},
        "merge": {"into": raise_concern().tracking_code},
        "moderate": {"hidden": "1"},
    }[action]


ACTIONS = ["acknowledge", "start", "assign", "reply", "note", "resolve", "refer"]
ACTIONS += ["not-police", "merge", "moderate"]


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("username", EVERYONE)
def test_only_those_who_handle_a_concern_may_act_on_it(username, action):
    concern = raise_concern()
    data = action_data(action)
    before = (concern.status, concern.updates.count(), concern.is_hidden)
    response = act(as_user(username), concern, action, data)
    concern.refresh_from_db()
    after = (concern.status, concern.updates.count(), concern.is_hidden)
    if username in HANDLERS:
        assert response.status_code == 302, html(response)[-3000:]
        assert response["Location"] == detail(concern)
        assert after != before
    else:
        assert response.status_code == 403
        assert after == before


@pytest.mark.parametrize("username", EVERYONE)
def test_only_those_who_handle_a_concern_see_the_forms(username):
    concern = raise_concern()
    response = as_user(username).get(detail(concern))
    page = html(response)
    for action in ACTIONS:
        form = f'action="{detail(concern)}{action}/"'
        assert (form in page) == (username in HANDLERS), action


def test_actions_take_only_posts():
    concern = raise_concern()
    client = as_user(OFFICER)
    for action in ACTIONS:
        assert client.get(f"{detail(concern)}{action}/").status_code == 405
    assert concern.updates.count() == 1


def test_an_officer_cannot_act_on_another_stations_concern():
    concern = raise_concern(PEJA)
    for action, data in [("acknowledge", {}), ("note", {"text": "Mine now."})]:
        assert act(as_user(OFFICER), concern, action, data).status_code == 403
    assert concern.updates.count() == 1


# Actions: what they do


def test_acknowledging_records_who_and_when(at):
    concern = raise_concern()
    moment = at(concern.submitted_at + datetime.timedelta(hours=2))
    client = as_user(OFFICER)
    response = act(client, concern, "acknowledge")
    assert response.status_code == 302
    concern.refresh_from_db()
    assert (concern.status, concern.acknowledged_at) == (Status.ACKNOWLEDGED, moment)
    update = concern.updates.latest("at")
    assert (update.kind, update.author, update.from_status, update.to_status) == (
        ConcernUpdate.Kind.STATUS,
        client.user,
        Status.SUBMITTED,
        Status.ACKNOWLEDGED,
    )
    page = html(client.get(detail(concern)))
    assert f"Concern {concern.tracking_code} is acknowledged." in page
    assert 'data-author="officer"' in page
    assert "<span data-transition>submitted → acknowledged</span>" in page


def test_starting_work_with_a_word_to_the_reporter():
    concern = raise_concern()
    response = act(as_user(LEADER), concern, "start", {"text": "We patrol there."})
    assert response.status_code == 302
    concern.refresh_from_db()
    assert concern.status == Status.IN_PROGRESS
    update = concern.updates.latest("at")
    assert (update.text, update.is_public) == ("We patrol there.", True)


def test_a_public_reply_and_an_internal_note_are_kept_apart():
    concern = raise_concern()
    client = as_user(OFFICER)
    response = act(client, concern, "reply", {"text": "We know the place."})
    assert response.status_code == 302
    assert act(client, concern, "note", {"text": "Ask the school."}).status_code == 302
    reply, note = concern.updates.order_by("at", "id")[1:]
    assert (reply.kind, reply.text, reply.is_public, reply.author) == (
        ConcernUpdate.Kind.REPLY,
        "We know the place.",
        True,
        client.user,
    )
    assert (note.kind, note.text, note.is_public, note.author) == (
        ConcernUpdate.Kind.NOTE,
        "Ask the school.",
        False,
        client.user,
    )
    page = html(client.get(detail(concern)))
    assert "We know the place." in page and "Ask the school." in page
    assert '<span class="badge">internal</span>' in page


def test_an_empty_reply_is_refused_with_the_services_message():
    concern = raise_concern()
    response = act(as_user(OFFICER), concern, "reply", {"text": "  <b></b> "})
    assert response.status_code == 400
    assert "Write something first." in html(response)
    assert concern.updates.count() == 1


def test_resolving_needs_a_public_text():
    concern = raise_concern()
    client = as_user(OFFICER)
    response = act(client, concern, "resolve", {"text": ""})
    assert response.status_code == 400
    assert "Tell the reporter how the concern was resolved." in html(response)
    response = act(client, concern, "resolve", {"text": "A speed bump is built."})
    assert response.status_code == 302
    concern.refresh_from_db()
    assert concern.status == Status.RESOLVED
    update = concern.updates.latest("at")
    assert (update.text, update.is_public, update.author) == (
        "A speed bump is built.",
        True,
        client.user,
    )


def test_a_refused_transition_answers_400_with_the_services_message():
    concern = raise_concern()
    client = as_user(OFFICER)
    act(client, concern, "resolve", {"text": "Done."})
    response = act(client, concern, "acknowledge")
    assert response.status_code == 400
    assert "A concern that is “resolved” cannot become “acknowledged”." in html(
        response
    )
    concern.refresh_from_db()
    assert concern.status == Status.RESOLVED


def test_referring_records_the_institution():
    concern = raise_concern(category="street-lighting", text="The lamp is out.")
    client = as_user(COMMANDER)
    response = act(client, concern, "refer", {"institution": "", "text": ""})
    assert response.status_code == 400
    assert "Name the institution the concern goes to." in html(response)
    response = act(client, concern, "refer", {"institution": "Municipality of Prizren"})
    assert response.status_code == 302
    concern.refresh_from_db()
    assert (concern.status, concern.referred_to) == (
        Status.REFERRED,
        "Municipality of Prizren",
    )
    assert concern.updates.latest("at").text == "Referred to Municipality of Prizren."


def test_not_a_police_matter_needs_a_reason_the_reporter_sees():
    concern = raise_concern()
    client = as_user(OFFICER)
    response = act(client, concern, "not-police", {"reason": ""})
    assert response.status_code == 400
    assert "Give the reason the reporter will see." in html(response)
    reason = "A private dispute between neighbours: see a mediator."
    assert act(client, concern, "not-police", {"reason": reason}).status_code == 302
    concern.refresh_from_db()
    assert concern.status == Status.NOT_POLICE
    update = concern.updates.latest("at")
    assert (update.text, update.is_public) == (reason, True)


def test_merging_a_duplicate_into_a_concern_in_scope():
    first, second = raise_concern(), raise_concern()
    client = as_user(OFFICER)
    code = first.tracking_code.lower()
    assert act(client, second, "merge", {"into": code}).status_code == 302
    second.refresh_from_db()
    assert (second.status, second.duplicate_of) == (Status.DUPLICATE, first)
    page = html(client.get(detail(first)))
    assert f'href="{detail(second)}"' in page  # listed among its duplicates


def test_merging_into_itself_is_refused():
    concern = raise_concern()
    response = act(as_user(OFFICER), concern, "merge", {"into": concern.tracking_code})
    assert response.status_code == 400
    assert "A concern cannot be a duplicate of itself." in html(response)


def test_merging_into_a_concern_out_of_scope_is_refused():
    concern, peja = raise_concern(), raise_concern(PEJA)
    response = act(as_user(OFFICER), concern, "merge", {"into": peja.tracking_code})
    assert response.status_code == 400
    assert (
        f"No concern in your scope has the tracking code “{peja.tracking_code}”."
        in html(response)
    )
    concern.refresh_from_db()
    assert concern.status == Status.SUBMITTED


def test_assigning_to_an_officer_of_the_sector_and_back_to_nobody():
    concern = raise_concern()
    client = as_user(COMMANDER)
    officer = current_officer_of("PRZ-01")
    response = act(client, concern, "assign", {"officer": officer.badge_number})
    assert response.status_code == 302
    concern.refresh_from_db()
    assert concern.assigned_to == officer
    note = concern.updates.latest("at")
    assert (note.kind, note.author, note.is_public) == (
        ConcernUpdate.Kind.NOTE,
        client.user,
        False,
    )
    assert act(client, concern, "assign", {"officer": ""}).status_code == 302
    concern.refresh_from_db()
    assert concern.assigned_to is None


def test_assigning_to_an_officer_out_of_scope_is_refused():
    concern = raise_concern()
    stranger = current_officer_of("PEJ-01")
    response = act(
        as_user(COMMANDER), concern, "assign", {"officer": stranger.badge_number}
    )
    assert response.status_code == 400
    assert (
        "Select a valid choice. That choice is not one of the available choices."
        in html(response)
    )
    concern.refresh_from_db()
    assert concern.assigned_to is None


def test_hiding_and_showing_a_concern_on_public_pages():
    concern = raise_concern()
    client = as_user(OFFICER)
    assert act(client, concern, "moderate", {"hidden": "1"}).status_code == 302
    concern.refresh_from_db()
    assert concern.is_hidden
    assert act(client, concern, "moderate", {"hidden": "0"}).status_code == 302
    concern.refresh_from_db()
    assert not concern.is_hidden


def test_a_sensitive_concern_cannot_be_shown():
    concern = raise_concern(category="domestic-violence", text="Shouting nightly.")
    assert concern.is_hidden
    client = as_user(OFFICER)
    assert "Hide from public pages" not in html(client.get(detail(concern)))
    response = act(client, concern, "moderate", {"hidden": "0"})
    assert response.status_code == 400
    assert "Concerns of a sensitive category are never public." in html(response)
    concern.refresh_from_db()
    assert concern.is_hidden


def test_a_read_only_reader_sees_the_history_but_no_forms():
    concern = raise_concern()
    act(as_user(OFFICER), concern, "note", {"text": "Ask the school."})
    page = html(as_user(COORDINATOR).get(detail(concern)))
    assert "Ask the school." in page
    assert "Act on this concern" not in page
    assert f'action="{detail(concern)}' not in page


def test_the_page_offers_only_the_steps_the_lifecycle_allows():
    concern = raise_concern()
    client = as_user(OFFICER)
    page = html(client.get(detail(concern)))
    assert 'id="acknowledge"' in page and 'id="resolve"' in page
    act(client, concern, "resolve", {"text": "Done."})
    page = html(client.get(detail(concern)))
    assert 'id="acknowledge"' not in page and 'id="resolve"' not in page
    assert 'id="reply"' in page


def test_photos_show_on_the_concern_page(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    concern = raise_concern()
    photo = ConcernPhoto(concern=concern, at=clock.now())
    photo.image.name = "concerns/street.jpg"
    photo.save()
    page = html(as_user(OFFICER).get(detail(concern)))
    assert '<img src="/media/concerns/street.jpg"' in page


def test_answers_to_the_categorys_questions_show_in_the_readers_language():
    concern = raise_concern(
        answers={"when": ["night"], "near-school": ["yes"]},
    )  # traffic-safety asks the seed questions
    client = as_user(OFFICER)
    page = html(client.get(detail(concern)))
    assert re.search(
        r"<dt>When does it happen most\?</dt>\s*<dd>\s*At night\s*</dd>", page
    )
    assert re.search(r"<dt>Is it near a school\?</dt>\s*<dd>\s*Yes\s*</dd>", page)
    page = html(client.get(detail(concern).replace("/en/", "/sr/")))
    assert re.search(r"<dt>Да ли је близу школе\?</dt>\s*<dd>\s*Да\s*</dd>", page)
    # Never in the inbox list.
    assert "At night" not in html(client.get(INBOX))


def test_a_concern_without_answers_shows_no_answers():
    page = html(as_user(OFFICER).get(detail(raise_concern())))
    assert "data-answers" not in page


# Targets and figures


def test_overdue_marks_follow_the_categorys_targets(at):
    start = at(clock.now())
    noise = raise_concern(category="public-order-noise")  # 12 hours, 7 days
    client = as_user(OFFICER)
    at(start + datetime.timedelta(hours=11))
    page = html(client.get(INBOX))
    assert 'data-overdue="acknowledge"' not in page
    at(start + datetime.timedelta(hours=13))
    fresh = raise_concern(category="public-order-noise")
    page = html(client.get(INBOX))
    row = page.split(f'data-concern="{noise.tracking_code}"')[1].split("</tr>")[0]
    assert "Not acknowledged in time" in row
    assert "Not resolved in time" not in row
    act(client, noise, "acknowledge")
    at(start + datetime.timedelta(days=8))
    page = html(client.get(INBOX))
    row = page.split(f'data-concern="{noise.tracking_code}"')[1].split("</tr>")[0]
    assert "Acknowledged late" in row
    assert "Not resolved in time" in row
    overdue = html(client.get(INBOX, {"overdue": "on"}))
    assert noise.tracking_code in overdue
    assert fresh.tracking_code in overdue  # 8 days minus 13 hours: past 7 days
    at(start + datetime.timedelta(hours=14))
    overdue = html(client.get(INBOX, {"overdue": "on"}))
    assert noise.tracking_code not in overdue  # acknowledged, within 7 days
    assert fresh.tracking_code not in overdue


def test_filters_by_status_category_and_assignment():
    traffic = raise_concern()
    noise = raise_concern(category="public-order-noise")
    client = as_user(OFFICER)
    act(client, noise, "acknowledge")
    mine = Officer.objects.get(user=client.user)
    act(client, traffic, "assign", {"officer": mine.badge_number})

    def listed(**filters) -> set[str]:
        page = html(client.get(INBOX, filters))
        return {
            c.tracking_code
            for c in (traffic, noise)
            if f'data-concern="{c.tracking_code}"' in page
        }

    assert listed(status="acknowledged") == {noise.tracking_code}
    assert listed(status="open") == {noise.tracking_code, traffic.tracking_code}
    assert listed(category="traffic-safety") == {traffic.tracking_code}
    assert listed(sector="PRZ-01") == {noise.tracking_code, traffic.tracking_code}
    assert listed(mine="on") == {traffic.tracking_code}
    assert client.get(INBOX, {"status": "lost"}).status_code == 400


def test_the_inbox_pages_by_twenty_five_newest_first(at):
    start = at(clock.now())
    codes = []
    for minute in range(26):
        at(start + datetime.timedelta(minutes=minute))
        codes.append(raise_concern().tracking_code)
    client = as_user(OFFICER)
    first = html(client.get(INBOX))
    assert "26 concerns" in first and "Page 1 of 2" in first
    assert first.index(codes[-1]) < first.index(codes[-2])
    assert codes[0] not in first
    assert codes[0] in html(client.get(INBOX, {"page": 2}))


def test_a_long_inbox_is_counted_only_some_pages_ahead(at, monkeypatch):
    # A station's inbox holds a hundred thousand concerns: the count stops
    # twenty pages past the page shown. Here two pages of ten rows.
    monkeypatch.setattr(selectors, "INBOX_PAGES_AHEAD", 2)
    monkeypatch.setattr(views, "INBOX_PER_PAGE", 10)
    start = at(clock.now())
    codes = []
    for minute in range(35):
        at(start + datetime.timedelta(minutes=minute))
        codes.append(raise_concern().tracking_code)
    codes.reverse()  # newest first, as listed
    client = as_user(OFFICER)
    first = html(client.get(INBOX))
    assert "20+ concerns" in first and "Page 1 of 2+" in first
    assert '?page=2" rel="next"' in first
    assert codes[9] in first and codes[10] not in first
    second = html(client.get(INBOX, {"page": 2}))
    assert "30+ concerns" in second and "Page 2 of 3+" in second
    assert 'rel="prev"' in second and '?page=3" rel="next"' in second
    assert codes[10] in second and codes[20] not in second
    last = html(client.get(INBOX, {"page": 4}))
    assert "35 concerns" in last and "Page 4 of 4" in last
    assert 'rel="next"' not in last
    assert codes[34] in last and codes[29] not in last
    # Past the end, or not a number: the last page, the first.
    assert "Page 4 of 4" in html(client.get(INBOX, {"page": 9}))
    assert "Page 1 of 2+" in html(client.get(INBOX, {"page": "x"}))
    # Open concerns, the work at hand, are always counted.
    assert "Page 1 of 4" in html(client.get(INBOX, {"status": "open"}))
    assert "35 concerns" in html(client.get(INBOX, {"status": "submitted"}))


def test_the_inbox_makes_the_same_queries_for_few_rows_and_many(
    django_assert_max_num_queries,
):
    client = as_user(COMMANDER)
    raise_concern()
    client.get(INBOX)  # warm the session and caches
    with CaptureQueriesContext(connection) as few:
        client.get(INBOX)
    for code in ["PRZ-01", "PRZ-02", "PRZ-10"] * 4:
        raise_concern(in_sector(code))
    Concern.objects.update(assigned_to=current_officer_of("PRZ-01"))
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(INBOX)


def test_figures_per_sector_and_station(at):
    start = at(clock.now() - datetime.timedelta(days=10))
    client = as_user(COMMANDER)
    fast, slow = raise_concern(), raise_concern()
    raise_concern(in_sector("PRZ-10"), category="public-order-noise")
    at(start + datetime.timedelta(hours=3))
    act(client, fast, "acknowledge")
    at(start + datetime.timedelta(hours=5))
    act(client, slow, "acknowledge")
    act(client, slow, "resolve", {"text": "Done."})
    at(start + datetime.timedelta(days=10))
    page = html(client.get(FIGURES))

    def figures(kind: str, code: str) -> dict[str, str]:
        row = page.split(f'data-{kind}="{code}"')[1].split("</tr>")[0]
        cells = row.split('data-figure="')[1:]
        return {
            cell.split('"')[0]: cell.split(">", 1)[1].split("<")[0].strip()
            for cell in cells
        }

    assert figures("sector", "PRZ-01") == {
        "open": "1",
        "overdue-acknowledge": "0",
        "overdue-resolve": "0",
        "median-hours": "4.0",
        "resolved": "1",
    }
    # 10 days old: past 12 hours to acknowledge and 7 days to resolve.
    assert figures("sector", "PRZ-10") == {
        "open": "1",
        "overdue-acknowledge": "1",
        "overdue-resolve": "1",
        "median-hours": "–",
        "resolved": "0",
    }
    assert figures("station", "PRZ")["open"] == "1"
    assert figures("station", "PRZ-ZH")["overdue-acknowledge"] == "1"
    assert figures("station", "total") == {
        "open": "2",
        "overdue-acknowledge": "1",
        "overdue-resolve": "1",
        "median-hours": "4.0",
        "resolved": "1",
    }
    assert 'data-sector="PEJ-01"' not in page


def test_the_dashboard_counts_the_concerns_needing_attention(at):
    start = at(clock.now())
    client = as_user(OFFICER)
    late = raise_concern(category="public-order-noise")
    at(start + datetime.timedelta(hours=13))
    raise_concern()
    response = act(
        client,
        late,
        "assign",
        {"officer": Officer.objects.get(user=client.user).badge_number},
    )
    assert response.status_code == 302
    page = html(client.get("/en/staff/"))
    for name, value in [
        ("new", 2),
        ("overdue-acknowledge", 1),
        ("overdue-resolve", 0),
        ("mine", 1),
    ]:
        found = re.search(rf'data-concerns="{name}">\s*(\d+)\s*<', page)
        assert int(found.group(1)) == value, name
    assert "Concerns needing attention" not in html(as_user(CLERK).get("/en/staff/"))


@pytest.mark.parametrize("language", ["sq", "sr-latn", "sr", "en"])
def test_the_concern_pages_are_in_each_language(language):
    concern = raise_concern()
    client = as_user(COMMANDER)
    for path in (
        "concerns/",
        f"concerns/{concern.tracking_code}/",
        "concerns/figures/",
    ):
        response = client.get(f"/{language}/staff/{path}")
        assert response.status_code == 200
        assert f'<html lang="{language}">' in html(response)


# In a real Chromium


def api(url: str, data: dict | None = None) -> dict:
    body = json.dumps(data).encode() if data is not None else None
    request = urllib.request.Request(
        url, data=body, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def pass_second_factor(page, login, console_errors) -> None:
    """Type the demo login's current code; if another test of this served
    site used it already (a code serves once), wait for the next one."""
    for _attempt in range(2):
        page.get_by_label("Code from your authenticator app").fill(login.current_code())
        page.get_by_role("button", name="Continue").click()
        page.wait_for_load_state()
        if "/second-factor/" not in page.url:
            return
        assert "That code is not right, or it was used already." in page.content()
        console_errors.clear()  # the refused code answered 400
        time.sleep(31 - time.time() % 30)
    raise AssertionError("The second factor was refused twice.")


@pytest.mark.browser
class TestInTheBrowser:
    """Against the served site, which has a database of its own: no test
    database here (and none may be touched while Playwright runs)."""

    @pytest.fixture(autouse=True)
    def _categories(self):
        pass

    def test_a_sector_officer_answers_and_resolves_a_concern(
        self, browser_context, served_site, screenshot, console_errors
    ):
        raised = api(
            served_site + "/api/v1/concerns",
            {
                "category": "traffic-safety",
                "description": "Cars race past the school every morning.",
                "lat": PRIZREN[0],
                "lon": PRIZREN[1],
            },
        )
        code = raised["tracking_code"]
        assert raised["sector"] == "PRZ-01"
        login = next(login for login in DEMO_LOGINS if login.username == OFFICER)
        page = browser_context(locale="en-GB").new_page()
        page.goto(served_site + "/en/accounts/login/")
        page.get_by_label("Username or e-mail").fill(OFFICER)
        page.get_by_label("Password").fill("bashkesia-demo")
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(re.compile(r"/en/accounts/second-factor/"))
        pass_second_factor(page, login, console_errors)
        assert "Concerns needing attention" in page.locator("main").inner_text()

        page.get_by_role("link", name="Concerns", exact=True).click()
        page.get_by_role("link", name=code).click()
        page.wait_for_url(re.compile(rf"/en/staff/concerns/{code}/$"))
        page.get_by_role("button", name="Acknowledge").click()
        page.get_by_label("Public reply (the reporter sees it)").fill(
            "We will patrol there at school time."
        )
        page.get_by_role("button", name="Publish the reply").click()
        page.get_by_label("How it was resolved (the reporter sees it)").fill(
            "Patrols every morning; a speed camera is asked for."
        )
        page.get_by_role("button", name="Resolve").click()
        page.wait_for_load_state()
        main = page.locator("main").inner_text()
        assert f"Concern {code} is resolved." in main
        screenshot(page)

        followed = api(f"{served_site}/api/v1/concerns/{code}")
        assert followed["status"] == "resolved"
        texts = [update["text"] for update in followed["updates"]]
        assert "We will patrol there at school time." in texts
        assert "Patrols every morning; a speed camera is asked for." in texts
