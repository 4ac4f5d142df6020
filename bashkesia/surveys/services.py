"""Every write of surveys: staff create, edit, publish and close them; the
public answers them, once per browser and within a limit per address."""

import hashlib
import hmac
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bashkesia.core import clock
from bashkesia.partnership.models import AgeBand, Community, Gender
from bashkesia.territory.models import Municipality, Sector

from . import permissions
from .models import AddressTally, Ballot, Response, Survey
from .questions import QUESTIONS

ALREADY_ANSWERED = gettext_lazy(
    "You have already answered this survey from this browser. Thank you!"
)
PROFILE_CHOICES: dict[str, set[str]] = {
    "gender": set(Gender.values),
    "age_band": set(AgeBand.values),
    "community": set(Community.values),
}
EDITABLE_FIELDS = (
    "slug",
    "title_sq",
    "title_sr_latn",
    "title_sr",
    "title_en",
    "introduction_sq",
    "introduction_sr_latn",
    "introduction_sr",
    "introduction_en",
    "municipality",
    "opens_on",
    "closes_on",
    "minimum_sample",
)


def digest(*, survey: Survey, kind: str, value: str) -> str:
    """Return a keyed hash of ``value`` for ``survey``: HMAC-SHA256 with the
    secret key, different per survey, so no one can reverse it or follow a
    browser or address from one survey to another."""
    message = f"survey:{survey.pk}:{kind}:{value}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def _answers_per_address() -> int:
    return settings.BASHKESIA_SURVEY_ANSWERS_PER_ADDRESS


def _check_scope(*, by: User, municipality: Municipality | None) -> None:
    if not permissions.can_manage_scope(by, municipality):
        raise PermissionDenied(
            _("You may run surveys only of your own municipality.")
            if municipality is not None or not permissions.uses_surveys_back_office(by)
            else _("Only the directorate runs surveys of all Kosovo.")
        )


def _check_manage(*, by: User, survey: Survey) -> None:
    if not permissions.can_manage_survey(by, survey):
        raise PermissionDenied(_("This survey is not in your area."))


@transaction.atomic
def survey_create(
    *,
    by: User,
    slug: str,
    title_sq: str,
    opens_on,
    closes_on,
    municipality: Municipality | None = None,
    title_sr_latn: str = "",
    title_sr: str = "",
    title_en: str = "",
    introduction_sq: str = "",
    introduction_sr_latn: str = "",
    introduction_sr: str = "",
    introduction_en: str = "",
    minimum_sample: int = 10,
) -> Survey:
    """Create a survey as a draft (asking the standard questions)."""
    _check_scope(by=by, municipality=municipality)
    survey = Survey(
        slug=slug,
        title_sq=title_sq,
        title_sr_latn=title_sr_latn,
        title_sr=title_sr,
        title_en=title_en,
        introduction_sq=introduction_sq,
        introduction_sr_latn=introduction_sr_latn,
        introduction_sr=introduction_sr,
        introduction_en=introduction_en,
        municipality=municipality,
        opens_on=opens_on,
        closes_on=closes_on,
        minimum_sample=minimum_sample,
        created_by=by,
    )
    survey.full_clean()
    survey.save()
    return survey


@transaction.atomic
def survey_update(*, survey: Survey, by: User, **fields: Any) -> Survey:
    """Change a draft survey; once published its wording and dates stand."""
    _check_manage(by=by, survey=survey)
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Not editable: {', '.join(sorted(unknown))}")
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    if survey.status != Survey.Status.DRAFT:
        raise ValidationError(
            _("Only a draft survey can be changed; this one is already published.")
        )
    if "municipality" in fields:
        _check_scope(by=by, municipality=fields["municipality"])
    for name, value in fields.items():
        setattr(survey, name, value)
    survey.full_clean()
    survey.save()
    return survey


@transaction.atomic
def survey_publish(*, survey: Survey, by: User) -> Survey:
    """Publish a draft: it opens to answers from its first day."""
    _check_manage(by=by, survey=survey)
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    if survey.is_published:
        raise ValidationError(_("This survey is already published."))
    if survey.closes_on < clock.today():
        raise ValidationError(
            _("This survey's last day has passed: change its dates first.")
        )
    survey.is_published = True
    survey.save(update_fields=["is_published", "updated_at"])
    return survey


@transaction.atomic
def survey_close(*, survey: Survey, by: User) -> Survey:
    """Close a published survey now, before its last day."""
    _check_manage(by=by, survey=survey)
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    if not survey.is_published:
        raise ValidationError(_("A draft survey cannot be closed: it never opened."))
    if survey.status == Survey.Status.CLOSED:
        raise ValidationError(_("This survey is already closed."))
    today = clock.today()
    survey.closed_at = clock.now()
    survey.closes_on = max(min(survey.closes_on, today), survey.opens_on)
    survey.save(update_fields=["closed_at", "closes_on", "updated_at"])
    return survey


def _clean_answers(answers: dict[str, str], profile: dict[str, str]) -> dict:
    """Return the response's fields from ``answers`` and ``profile``, blank
    for what was not answered; raise ``ValidationError`` by question."""
    problems: dict[str, list[str]] = {}
    cleaned: dict[str, str] = {}
    unknown = set(answers) - {question.code for question in QUESTIONS}
    if unknown:
        problems["__all__"] = [
            _("These are not questions of the survey: %(codes)s.")
            % {"codes": ", ".join(sorted(unknown))}
        ]
    for question in QUESTIONS:
        value = (answers.get(question.code) or "").strip()
        if value and value not in question.values:
            problems[question.code] = [_("Choose one of the answers offered.")]
        cleaned[question.code] = value
    for name, allowed in PROFILE_CHOICES.items():
        value = (profile.get(name) or "").strip()
        if value and value not in allowed:
            problems[name] = [_("Choose one of the answers offered.")]
        cleaned[name] = value
    if not problems and not any(cleaned[q.code] for q in QUESTIONS):
        problems["__all__"] = [_("Answer at least one question.")]
    if problems:
        raise ValidationError(problems)
    return cleaned


def _check_place(*, survey: Survey, sector: Sector | None) -> Sector:
    if sector is None:
        raise ValidationError(
            {"sector": _("Say where you live: choose your police sector.")}
        )
    municipality = survey.municipality
    if municipality is not None and sector.municipality_id != municipality.pk:
        raise ValidationError(
            {
                "sector": _(
                    "Police sector %(code)s is not in %(municipality)s, the "
                    "municipality this survey asks about."
                )
                % {"code": sector.code, "municipality": municipality.name}
            }
        )
    return sector


@transaction.atomic
def response_submit(
    *,
    survey: Survey,
    sector: Sector | None,
    answers: dict[str, str],
    profile: dict[str, str] | None = None,
    token: str,
    address: str | None,
) -> Response:
    """Record one person's answers to an open survey.

    ``token`` is the random value of the browser's signed cookie for this
    survey: a token that answered before is refused. ``address`` is the
    client's address: people answering from one shared connection (a
    household, an office, a school) are counted together, and after
    ``BASHKESIA_SURVEY_ANSWERS_PER_ADDRESS`` answers the survey refuses
    more. Both are kept only as keyed hashes, apart from the response,
    which holds the answers and the place alone.
    """
    if not survey.is_open:
        raise ValidationError(
            _("This survey is not open: it takes answers from %(opens)s to %(closes)s.")
            % {
                "opens": survey.opens_on.isoformat(),
                "closes": survey.closes_on.isoformat(),
            }
            if survey.status != Survey.Status.CLOSED
            else _("This survey is closed and takes no more answers."),
            code="not_open",
        )
    sector = _check_place(survey=survey, sector=sector)
    fields = _clean_answers(answers, profile or {})
    if not token:
        raise ValidationError(
            _("Your browser must accept cookies to answer."), code="no_token"
        )
    token_digest = digest(survey=survey, kind="token", value=token)
    if Ballot.objects.filter(survey=survey, token_digest=token_digest).exists():
        raise ValidationError(ALREADY_ANSWERED, code="already_answered")
    if address:
        address_digest = digest(survey=survey, kind="address", value=address)
        tally, _created = AddressTally.objects.select_for_update().get_or_create(
            survey=survey, address_digest=address_digest
        )
        if tally.count >= _answers_per_address():
            raise ValidationError(
                _(
                    "Too many answers to this survey came from your connection. "
                    "Thank you for your interest."
                ),
                code="too_many",
            )
        AddressTally.objects.filter(pk=tally.pk).update(count=F("count") + 1)
    try:
        with transaction.atomic():
            Ballot.objects.create(survey=survey, token_digest=token_digest)
    except IntegrityError as error:  # the same browser, twice at once
        raise ValidationError(ALREADY_ANSWERED, code="already_answered") from error
    response = Response(
        survey=survey,
        sector=sector,
        municipality_id=sector.municipality_id,
        submitted_at=clock.now(),
        **fields,
    )
    response.full_clean()
    response.save()
    return response
