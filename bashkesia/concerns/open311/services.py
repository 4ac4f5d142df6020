"""Every write Open311 makes: API keys, and concerns its clients raise."""

import hashlib
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.translation import gettext as _

from bashkesia.concerns import questions
from bashkesia.concerns.models import ApiKey, Concern
from bashkesia.concerns.services import concern_submit
from bashkesia.core import clock
from bashkesia.core.text import clean_text
from bashkesia.territory.selectors import settlement_search

from . import selectors
from .params import Submission

# The parameter's name stands in messages as it is typed, in every language.
KEY_NAME = {"name": "api_key"}


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def api_key_create(*, name: str) -> tuple[ApiKey, str]:
    """Make a key for the client ``name``; return it with the key itself.

    Only the key's hash is stored: the key cannot be shown again.
    """
    name = clean_text(name)
    if not name:
        raise ValidationError(_("Name the client the key is for."))
    key = secrets.token_urlsafe(32)
    api_key = ApiKey(name=name[:100], key_hash=_digest(key), created_at=clock.now())
    api_key.full_clean()
    api_key.save()
    return api_key, key


@transaction.atomic
def api_key_revoke(*, api_key: ApiKey) -> ApiKey:
    if api_key.revoked_at is None:
        api_key.revoked_at = clock.now()
        api_key.save(update_fields=["revoked_at"])
    return api_key


def api_key_authenticate(*, key: str) -> ApiKey:
    """Return the valid key ``key`` and note its use; else ``PermissionDenied``."""
    if not key:
        raise PermissionDenied(_("%(name)s was not provided.") % KEY_NAME)
    api_key = ApiKey.objects.filter(key_hash=_digest(key)).first()
    if api_key is None:
        raise PermissionDenied(_("The %(name)s is not valid.") % KEY_NAME)
    if api_key.revoked_at is not None:
        raise PermissionDenied(_("The %(name)s has been revoked.") % KEY_NAME)
    ApiKey.objects.filter(pk=api_key.pk).update(last_used_at=clock.now())
    return api_key


def _location(form: Submission, messages: list[str]) -> tuple[float, float] | None:
    """Return the point of the form: lat/long, address_string, address_id."""
    if form.lat is not None and form.long is not None:
        return form.lat, form.long
    if form.address_string:
        # Written from the most specific part to the most general: the first
        # part naming a place wins ("Rruga e Shkronjave 5, Prizren").
        parts = [form.address_string] + [
            part for part in form.address_string.split(",") if part.strip()
        ]
        for part in parts:
            matches = settlement_search(query=part, limit=1)
            if matches:
                return matches[0].latitude, matches[0].longitude
        messages.append(
            _("No place in Kosovo matches the %(name)s “%(address)s”.")
            % {"name": "address_string", "address": form.address_string}
        )
        return None
    if form.address_id:
        settlement = selectors.settlement_get_by_address_id(address_id=form.address_id)
        if settlement is not None:
            return settlement.latitude, settlement.longitude
        messages.append(
            _("No place has the %(name)s “%(address_id)s”.")
            % {"name": "address_id", "address_id": form.address_id}
        )
        return None
    messages.append(
        _(
            "A location is required: %(lat)s and %(long)s, an %(address_string)s "
            "or an %(address_id)s."
        )
        % {
            "lat": "lat",
            "long": "long",
            "address_string": "address_string",
            "address_id": "address_id",
        }
    )
    return None


@transaction.atomic
def service_request_submit(
    *, form: Submission, language: str, api_key: ApiKey
) -> Concern:
    """Raise the concern an Open311 client sent: the same as one from the site.

    The reporter is anonymous unless the form names them or gives a contact;
    an e-mail or telephone number means they may be contacted. Answers to
    the service's questions are kept as the concern's answers; a
    ``media_url`` is added to the description. Raise ``Http404`` for an
    unknown service and ``ValidationError`` for anything else wrong; then
    nothing is stored.
    """
    category = selectors.service_get(code=form.service_code)
    messages: list[str] = []
    point = _location(form, messages)
    answers: dict[str, list[str]] = {}
    try:
        answers = questions.answers_clean(category, form.attributes, language=language)
    except ValidationError as error:
        messages.extend(error.messages)
    description = clean_text(form.description)
    if form.media_url:
        try:
            URLValidator(schemes=["http", "https"])(form.media_url)
        except ValidationError:
            messages.append(
                _("The %(name)s must be an %(http)s or %(https)s address.")
                % {"name": "media_url", "http": "http", "https": "https"}
            )
        else:
            if description:
                description = f"{description}\n\nmedia_url: {form.media_url}"
    if messages or point is None:
        raise ValidationError(messages)
    contact = bool(form.email or form.phone)
    concern, _created = concern_submit(
        category=category,
        description=description,
        latitude=point[0],
        longitude=point[1],
        source=Concern.Source.OPEN311,
        is_anonymous=not (contact or form.reporter_name),
        reporter_name=form.reporter_name,
        reporter_email=form.email,
        reporter_phone=form.phone,
        consent_to_contact=contact,
        language=language,
        address=form.address_string,
        answers=answers,
        api_key=api_key,
    )
    return concern
