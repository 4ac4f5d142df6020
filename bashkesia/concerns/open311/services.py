"""Every write Open311 makes: API keys, and concerns its clients raise."""

import hashlib
import math
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from bashkesia.concerns.models import ApiKey, Category, Concern
from bashkesia.concerns.services import clean_text, concern_submit
from bashkesia.core import clock
from bashkesia.territory.selectors import settlement_search

from . import selectors
from .params import Submission
from .serializers import LIST_DATATYPES, question_values, text_in


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
        raise PermissionDenied(_("api_key was not provided."))
    api_key = ApiKey.objects.filter(key_hash=_digest(key)).first()
    if api_key is None:
        raise PermissionDenied(_("The api_key is not valid."))
    if api_key.revoked_at is not None:
        raise PermissionDenied(_("The api_key has been revoked."))
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
            _("No place in Kosovo matches the address_string “%(address)s”.")
            % {"address": form.address_string}
        )
        return None
    if form.address_id:
        settlement = selectors.settlement_get_by_address_id(address_id=form.address_id)
        if settlement is not None:
            return settlement.latitude, settlement.longitude
        messages.append(
            _("No place has the address_id “%(address_id)s”.")
            % {"address_id": form.address_id}
        )
        return None
    messages.append(
        _("A location is required: lat and long, an address_string or an address_id.")
    )
    return None


def _answer_problem(question: dict, values: list[str], language: str) -> str | None:
    label = text_in(question.get("label"), language) or str(question["code"])
    datatype = question.get("datatype") or "string"
    if datatype in LIST_DATATYPES:
        keys = {key for key, _name in question_values(question, language)}
        if datatype == "singlevaluelist" and len(values) > 1:
            return _("Give one answer to “%(question)s”.") % {"question": label}
        for value in values:
            if keys and value not in keys:
                return _("“%(value)s” is not an answer to “%(question)s”.") % {
                    "value": value,
                    "question": label,
                }
    elif datatype == "number":
        for value in values:
            try:
                number = float(value)
            except ValueError:
                number = math.nan
            if not math.isfinite(number):
                return _("The answer to “%(question)s” must be a number.") % {
                    "question": label
                }
    elif datatype == "datetime":
        for value in values:
            try:
                moment = parse_datetime(value) or parse_date(value)
            except ValueError:
                moment = None
            if moment is None:
                return _("The answer to “%(question)s” must be a date and time.") % {
                    "question": label
                }
    return None


def _answers(
    category: Category, attributes: dict[str, list[str]], language: str
) -> tuple[list[str], list[str]]:
    """Return the answers as lines of text, and the problems with them."""
    lines, messages = [], []
    for question in category.questions or []:
        code = str(question["code"])
        label = text_in(question.get("label"), language) or code
        values = attributes.get(code, [])
        if not values:
            if question.get("required"):
                messages.append(_("Answer “%(question)s”.") % {"question": label})
            continue
        problem = _answer_problem(question, values, language)
        if problem:
            messages.append(problem)
            continue
        names = dict(question_values(question, language))
        shown = ", ".join(names.get(value, value) for value in values)
        lines.append(f"{label}: {shown}")
    return lines, messages


@transaction.atomic
def service_request_submit(*, form: Submission, language: str) -> Concern:
    """Raise the concern an Open311 client sent: the same as one from the site.

    The reporter is anonymous unless the form names them or gives a contact;
    an e-mail or telephone number means they may be contacted. Answers to
    the service's questions, and a ``media_url``, are added to the
    description. Raise ``Http404`` for an unknown service and
    ``ValidationError`` for anything else wrong; then nothing is stored.
    """
    category = selectors.service_get(code=form.service_code)
    messages: list[str] = []
    point = _location(form, messages)
    lines, problems = _answers(category, form.attributes, language)
    messages.extend(problems)
    if form.media_url:
        try:
            URLValidator(schemes=["http", "https"])(form.media_url)
        except ValidationError:
            messages.append(_("The media_url must be an http or https address."))
        else:
            lines.append(f"media_url: {form.media_url}")
    if messages or point is None:
        raise ValidationError(messages)
    description = clean_text(form.description)
    if description and lines:
        description = "\n\n".join([description, "\n".join(lines)])
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
    )
    return concern
