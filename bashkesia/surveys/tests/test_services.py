import datetime

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError

from bashkesia.core import clock
from bashkesia.surveys import services
from bashkesia.surveys.models import AddressTally, Ballot, Response, Survey

from .factories import make_survey, municipality, sectors_of

pytestmark = pytest.mark.django_db

ANSWERS = {"safe_day": "very_safe", "safe_night": "a_bit_unsafe", "trust": "tend_to"}


def submit(survey, **overrides):
    values = {
        "survey": survey,
        "sector": sectors_of()[0],
        "answers": ANSWERS,
        "profile": {"gender": "female"},
        "token": "token-1",
        "address": "192.0.2.1",
    }
    values.update(overrides)
    return services.response_submit(**values)


def test_a_response_keeps_place_and_answers_and_nothing_of_the_person():
    survey = make_survey()
    response = submit(survey)
    assert response.sector == sectors_of()[0]
    assert response.municipality.code == "PRZ"
    assert response.safe_night == "a_bit_unsafe"
    assert response.worry == ""
    assert response.gender == "female"
    stored = " ".join(
        str(v) for v in Response.objects.values().get(pk=response.pk).values()
    )
    assert "token-1" not in stored
    assert "192.0.2.1" not in stored
    ballot = Ballot.objects.get(survey=survey)
    assert ballot.token_digest == services.digest(
        survey=survey, kind="token", value="token-1"
    )
    tally = AddressTally.objects.get(survey=survey)
    assert "192.0.2.1" not in tally.address_digest
    assert tally.count == 1


def test_the_keyed_hash_differs_per_survey():
    first, second = make_survey(), make_survey()
    assert services.digest(survey=first, kind="address", value="192.0.2.1") != (
        services.digest(survey=second, kind="address", value="192.0.2.1")
    )


def test_a_browser_answers_a_survey_once():
    survey = make_survey()
    submit(survey)
    with pytest.raises(ValidationError) as error:
        submit(survey, address="192.0.2.2")
    assert error.value.messages == [
        "You have already answered this survey from this browser. Thank you!"
    ]
    assert error.value.code == "already_answered"
    assert Response.objects.filter(survey=survey).count() == 1
    # The same browser may answer another survey.
    submit(make_survey())


def test_answers_from_one_address_are_limited(settings):
    settings.BASHKESIA_SURVEY_ANSWERS_PER_ADDRESS = 2
    survey = make_survey()
    submit(survey, token="a")
    submit(survey, token="b")
    with pytest.raises(ValidationError) as error:
        submit(survey, token="c")
    assert error.value.code == "too_many"
    assert error.value.messages == [
        "Too many answers to this survey came from your connection. "
        "Thank you for your interest."
    ]
    assert Response.objects.filter(survey=survey).count() == 2
    assert not Ballot.objects.filter(
        survey=survey,
        token_digest=services.digest(survey=survey, kind="token", value="c"),
    ).exists()
    submit(survey, token="c", address="192.0.2.9")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"closed_at": "now"}, "This survey is closed and takes no more answers."),
        ({"is_published": False}, "This survey is closed and takes no more answers."),
    ],
)
def test_a_survey_not_open_refuses_answers(fields, message):
    if fields.get("closed_at") == "now":
        fields["closed_at"] = clock.now()
    survey = make_survey(**fields)
    with pytest.raises(ValidationError) as error:
        submit(survey)
    if survey.is_published:
        assert error.value.messages == [message]
    else:
        assert error.value.messages == [
            "This survey is not open: it takes answers from "
            f"{survey.opens_on.isoformat()} to {survey.closes_on.isoformat()}."
        ]
    assert not Response.objects.filter(survey=survey).exists()
    assert not Ballot.objects.filter(survey=survey).exists()


def test_a_survey_after_its_last_day_refuses_answers(today):
    survey = make_survey()
    today(survey.closes_on + datetime.timedelta(days=1))
    with pytest.raises(ValidationError) as error:
        submit(survey)
    assert error.value.messages == ["This survey is closed and takes no more answers."]


@pytest.mark.parametrize(
    ("answers", "profile", "field", "message"),
    [
        ({"trust": "maybe"}, {}, "trust", "Choose one of the answers offered."),
        ({"trust": "tend_to"}, {"age_band": "99"}, "age_band",
         "Choose one of the answers offered."),
        ({}, {"gender": "male"}, "__all__", "Answer at least one question."),
        ({"favourite_colour": "blue"}, {}, "__all__",
         "These are not questions of the survey: favourite_colour."),
    ],
)  # fmt: skip
def test_bad_answers_are_refused_with_messages(answers, profile, field, message):
    survey = make_survey()
    with pytest.raises(ValidationError) as error:
        submit(survey, answers=answers, profile=profile)
    assert error.value.message_dict[field] == [message]
    assert not Response.objects.filter(survey=survey).exists()
    assert not Ballot.objects.filter(survey=survey).exists()
    assert not AddressTally.objects.filter(survey=survey, count__gt=0).exists()


def test_the_place_is_required_and_within_the_survey_municipality():
    survey = make_survey()
    with pytest.raises(ValidationError) as error:
        submit(survey, sector=None)
    assert error.value.message_dict["sector"] == [
        "Say where you live: choose your police sector."
    ]
    elsewhere = sectors_of("PRI")[0]
    with pytest.raises(ValidationError) as error:
        submit(survey, sector=elsewhere)
    assert error.value.message_dict["sector"] == [
        f"Police sector {elsewhere.code} is not in Prizren, the municipality "
        "this survey asks about."
    ]
    # A Kosovo-wide survey takes any sector.
    national = make_survey(municipality=None)
    assert submit(national, sector=elsewhere).municipality.code == "PRI"


# Staff side ------------------------------------------------------------


def user(username):
    return User.objects.get(username=username)


def create(by, **overrides):
    today = clock.today()
    values = {
        "slug": "safety-2027",
        "title_sq": "Siguria 2027",
        "municipality": municipality(),
        "opens_on": today,
        "closes_on": today + datetime.timedelta(days=30),
    }
    values.update(overrides)
    return services.survey_create(by=by, **values)


def test_directorate_creates_kosovo_wide_and_commander_only_own_municipality():
    survey = create(user("directorate"), municipality=None, slug="all-kosovo")
    assert survey.status == Survey.Status.DRAFT
    assert survey.created_by.username == "directorate"
    assert create(user("director"), slug="dg").is_national is False
    assert create(user("commander"), slug="prz").municipality.code == "PRZ"
    with pytest.raises(PermissionDenied) as error:
        create(user("commander"), slug="pri", municipality=municipality("PRI"))
    assert str(error.value) == "You may run surveys only of your own municipality."
    with pytest.raises(PermissionDenied) as error:
        create(user("commander"), slug="kosovo", municipality=None)
    assert str(error.value) == "Only the directorate runs surveys of all Kosovo."
    with pytest.raises(PermissionDenied):
        create(user("officer"), slug="officer")
    assert not Survey.objects.filter(slug__in=["pri", "kosovo", "officer"]).exists()


def test_bad_dates_and_duplicate_slugs_are_refused():
    today = clock.today()
    with pytest.raises(ValidationError) as error:
        create(user("directorate"), closes_on=today - datetime.timedelta(days=1))
    assert error.value.message_dict["closes_on"] == [
        "A survey cannot close before it opens."
    ]
    create(user("directorate"))
    with pytest.raises(ValidationError) as error:
        create(user("directorate"))
    assert "slug" in error.value.message_dict


def test_a_draft_is_edited_then_published_then_closed_and_no_longer_edited():
    directorate = user("directorate")
    survey = create(directorate)
    survey = services.survey_update(
        survey=survey, by=directorate, title_en="Safety 2027"
    )
    assert survey.title_en == "Safety 2027"
    survey = services.survey_publish(survey=survey, by=directorate)
    assert survey.status == Survey.Status.OPEN
    with pytest.raises(ValidationError) as error:
        services.survey_update(survey=survey, by=directorate, title_en="Other")
    assert error.value.messages == [
        "Only a draft survey can be changed; this one is already published."
    ]
    with pytest.raises(ValidationError) as error:
        services.survey_publish(survey=survey, by=directorate)
    assert error.value.messages == ["This survey is already published."]
    survey = services.survey_close(survey=survey, by=directorate)
    assert survey.status == Survey.Status.CLOSED
    assert survey.closes_on == clock.today()
    with pytest.raises(ValidationError) as error:
        services.survey_close(survey=survey, by=directorate)
    assert error.value.messages == ["This survey is already closed."]


def test_a_draft_cannot_be_closed_nor_published_after_its_last_day(today):
    directorate = user("directorate")
    survey = create(directorate)
    with pytest.raises(ValidationError) as error:
        services.survey_close(survey=survey, by=directorate)
    assert error.value.messages == ["A draft survey cannot be closed: it never opened."]
    today(survey.closes_on + datetime.timedelta(days=1))
    with pytest.raises(ValidationError) as error:
        services.survey_publish(survey=survey, by=directorate)
    assert error.value.messages == [
        "This survey's last day has passed: change its dates first."
    ]
    survey.refresh_from_db()
    assert not survey.is_published


def test_a_commander_cannot_touch_another_municipality_survey():
    survey = make_survey(municipality=municipality("PRI"), is_published=False)
    with pytest.raises(PermissionDenied):
        services.survey_publish(survey=survey, by=user("commander"))
    with pytest.raises(PermissionDenied):
        services.survey_update(survey=survey, by=user("commander"), title_sq="x")
    survey.refresh_from_db()
    assert not survey.is_published
