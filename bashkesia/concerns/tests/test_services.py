"""The concern lifecycle: submission, routing, every transition, reopening."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from bashkesia.concerns.categories import categories_seed
from bashkesia.concerns.models import Category, Concern, ConcernUpdate, Status
from bashkesia.concerns.services import (
    TRANSITIONS,
    concern_acknowledge,
    concern_merge_duplicate,
    concern_not_police,
    concern_refer,
    concern_reopen,
    concern_reply,
    concern_resolve,
    concern_start,
    concern_submit,
)
from bashkesia.core import clock

PRIZREN = (42.2139, 20.7397)


@pytest.fixture
def officer_user(db):
    categories_seed()
    return get_user_model().objects.get(username="officer")


def submit(**overrides) -> Concern:
    fields = {
        "category": Category.objects.get(code="traffic-safety"),
        "description": "Cars race past the school every morning.",
        "latitude": PRIZREN[0],
        "longitude": PRIZREN[1],
        "source": Concern.Source.WEB,
        **overrides,
    }
    concern, _created = concern_submit(**fields)
    return concern


def test_a_concern_is_routed_to_the_sector_at_its_point(officer_user):
    concern = submit()
    assert concern.sector.code == "PRZ-01"
    assert concern.status == Status.SUBMITTED
    assert len(concern.tracking_code) == 14
    assert concern.updates.get().to_status == Status.SUBMITTED


def test_html_is_stripped_from_the_description(officer_user):
    concern = submit(description="<b>Loud</b> music <script>alert(1)</script>")
    assert concern.description == "Loud music alert(1)"


def test_bad_submissions_say_what_is_wrong_and_store_nothing(officer_user):
    before = Concern.objects.count()
    with pytest.raises(ValidationError) as error:
        submit(description="  ", latitude=44.8, longitude=20.4, is_anonymous=False)
    assert error.value.message_dict == {
        "description": ["Describe what worries you."],
        "location": ["The place is outside Kosovo: no police sector covers it."],
        "reporter_email": [
            "Give an e-mail address or a telephone number, or stay anonymous."
        ],
    }
    assert Concern.objects.count() == before


def test_an_anonymous_reporter_leaves_no_contact(officer_user):
    concern = submit(
        is_anonymous=True, reporter_name="Arta", reporter_email="a@example.org",
        consent_to_contact=True,
    )  # fmt: skip
    assert (concern.reporter_name, concern.reporter_email) == ("", "")
    assert concern.consent_to_contact is False


def test_an_idempotency_key_makes_a_retry_return_the_first_concern(officer_user):
    first, created = concern_submit(
        category=Category.objects.get(code="vandalism"), description="Graffiti",
        latitude=PRIZREN[0], longitude=PRIZREN[1], source="api", idempotency_key="k-1",
    )  # fmt: skip
    again, created_again = concern_submit(
        category=Category.objects.get(code="vandalism"), description="Graffiti",
        latitude=PRIZREN[0], longitude=PRIZREN[1], source="api", idempotency_key="k-1",
    )  # fmt: skip
    assert (created, created_again, again.pk) == (True, False, first.pk)


def test_sensitive_concerns_are_hidden_from_public_pages(officer_user):
    concern = submit(category=Category.objects.get(code="domestic-violence"))
    assert concern.is_hidden is True


def test_the_full_path_to_resolution_records_who_and_why(officer_user):
    concern = submit()
    concern_acknowledge(concern=concern, by=officer_user)
    concern_start(concern=concern, by=officer_user)
    concern_reply(
        concern=concern, by=officer_user, text="We patrol at 7:30.", public=True
    )
    concern_reply(
        concern=concern, by=officer_user, text="Plate seen: none.", public=False
    )
    concern_resolve(concern=concern, by=officer_user, text="Speed checks twice a week.")
    concern.refresh_from_db()
    assert concern.status == Status.RESOLVED
    assert concern.acknowledged_at is not None and concern.closed_at is not None
    kinds = list(concern.updates.values_list("kind", "to_status", "is_public"))
    assert kinds == [
        ("status", "submitted", True),
        ("status", "acknowledged", True),
        ("status", "in_progress", True),
        ("reply", "", True),
        ("note", "", False),
        ("status", "resolved", True),
    ]
    assert all(
        u.author == officer_user for u in concern.updates.exclude(to_status="submitted")
    )


@pytest.mark.parametrize("start", list(TRANSITIONS))
def test_every_refused_transition_says_so(officer_user, start):
    concern = submit()
    Concern.objects.filter(pk=concern.pk).update(status=start)
    concern.refresh_from_db()
    if Status.ACKNOWLEDGED not in TRANSITIONS[start]:
        with pytest.raises(ValidationError) as error:
            concern_acknowledge(concern=concern, by=officer_user)
        label = Status(start).label
        assert error.value.messages == [
            f"A concern that is “{label}” cannot become “acknowledged”."
        ]


def test_referral_not_police_and_duplicate_close_the_concern(officer_user):
    referred = concern_refer(
        concern=submit(category=Category.objects.get(code="street-lighting")),
        by=officer_user,
        institution="Municipality of Prizren",
    )
    assert (referred.status, referred.referred_to) == (
        "referred",
        "Municipality of Prizren",
    )
    refused = concern_not_police(
        concern=submit(), by=officer_user, reason="A civil dispute."
    )
    assert refused.updates.last().text == "A civil dispute."
    original = submit()
    duplicate = concern_merge_duplicate(
        concern=submit(), into=original, by=officer_user
    )
    assert duplicate.duplicate_of == original


def test_resolving_needs_a_word_to_the_reporter(officer_user):
    with pytest.raises(ValidationError) as error:
        concern_resolve(concern=submit(), by=officer_user, text=" ")
    assert error.value.messages == ["Tell the reporter how the concern was resolved."]


def test_a_reporter_reopens_within_30_days_only(officer_user, monkeypatch):
    concern = concern_resolve(concern=submit(), by=officer_user, text="Done.")
    reopened = concern_reopen(concern=concern, text="They are racing again.")
    assert reopened.status == Status.REOPENED
    concern_start(concern=reopened, by=officer_user)
    concern_resolve(concern=reopened, by=officer_user, text="Done again.")
    later = clock.now() + datetime.timedelta(days=31)
    monkeypatch.setattr(clock, "now", lambda: later)
    with pytest.raises(ValidationError) as error:
        concern_reopen(concern=reopened, text="Still.")
    assert error.value.messages == [
        "A concern can be reopened within 30 days of its resolution."
    ]


def test_only_a_resolved_concern_can_be_reopened(officer_user):
    with pytest.raises(ValidationError) as error:
        concern_reopen(concern=submit(), text="?")
    assert error.value.messages == ["Only a resolved concern can be reopened."]


def test_updates_are_kept_in_order(officer_user):
    concern = submit()
    assert list(concern.updates.all()) == list(
        ConcernUpdate.objects.filter(concern=concern).order_by("at", "id")
    )


def test_a_duplicate_cannot_be_the_original_of_another(officer_user):
    original = submit()
    duplicate = concern_merge_duplicate(
        concern=submit(), into=original, by=officer_user
    )
    with pytest.raises(ValidationError) as error:
        concern_merge_duplicate(concern=submit(), into=duplicate, by=officer_user)
    assert error.value.messages == [
        f"Concern {duplicate.tracking_code} is itself a duplicate: merge into the "
        "original."
    ]


def test_hiding_a_concern_is_recorded_in_its_history(officer_user):
    from bashkesia.concerns.services import concern_moderate

    concern = concern_moderate(concern=submit(), hidden=True, by=officer_user)
    note = concern.updates.last()
    assert (note.kind, note.text, note.author) == (
        "note",
        "Hidden from public pages.",
        officer_user,
    )
