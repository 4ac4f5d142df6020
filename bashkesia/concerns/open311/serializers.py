"""GeoReport v2 documents: plain structures rendered as XML or JSON.

One structure gives both formats, as the spec's Spark convention maps them: a
list is a JSON array and, in XML, an element whose children repeat the
singular tag (``<services><service>``); ``None`` is JSON ``null`` and an empty
XML element; booleans are ``true``/``false``.
"""

import datetime
import json
import re
from typing import Any
from xml.etree import ElementTree as ET  # noqa: S405 (writing, never parsing)

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from bashkesia.concerns import questions
from bashkesia.concerns.models import Category, Concern, blur

FORMATS = {
    "xml": "text/xml; charset=utf-8",
    "json": "application/json; charset=utf-8",
}
SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
# The tag of each item of a list, by the tag of the list.
ITEM_TAGS = {
    "services": "service",
    "service_requests": "request",
    "errors": "error",
    "attributes": "attribute",
    "values": "value",
    "endpoints": "endpoint",
    "formats": "format",
}
# Characters XML 1.0 cannot carry, even escaped.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def render(data: Any, *, fmt: str, root: str, status: int = 200) -> HttpResponse:
    """Return ``data`` as a GeoReport document in ``fmt`` (xml or json)."""
    if fmt == "json":
        body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    else:
        body = to_xml(root, data)
    return HttpResponse(body, status=status, content_type=FORMATS[fmt])


def to_xml(root: str, data: Any) -> str:
    element = ET.Element(root)
    _fill(element, data)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(
        element, encoding="unicode"
    )


def _fill(element: ET.Element, value: Any) -> None:
    if isinstance(value, dict):
        for tag, child in value.items():
            _fill(ET.SubElement(element, tag), child)
    elif isinstance(value, list):
        for child in value:
            _fill(ET.SubElement(element, ITEM_TAGS[element.tag]), child)
    elif isinstance(value, bool):
        element.text = "true" if value else "false"
    elif value is not None and value != "":
        element.text = _NOT_XML.sub("", str(value))


def errors(status: int, descriptions: list[str]) -> list[dict[str, Any]]:
    return [{"code": status, "description": text} for text in descriptions]


def w3c(moment: datetime.datetime | None) -> str | None:
    """Return ``moment`` as a W3C datetime with its UTC offset."""
    if moment is None:
        return None
    return timezone.localtime(moment).isoformat(timespec="seconds")


def discovery(*, url: str, changeset: datetime.datetime | None) -> dict[str, Any]:
    contact = settings.BASHKESIA_DIRECTORATE_EMAIL or (
        settings.BASHKESIA_DIRECTORATE_PHONE
    )
    changed = w3c(changeset) or ""
    return {
        "changeset": changed,
        "contact": _("Kosovo Police, community policing and prevention: %(contact)s")
        % {"contact": contact},
        "key_service": _(
            "The Kosovo Police issue API keys for raising concerns on request: "
            "%(contact)s"
        )
        % {"contact": contact},
        "endpoints": [
            {
                "specification": SPECIFICATION,
                "url": url,
                "changeset": changed,
                "type": "test" if settings.DEBUG else "production",
                "formats": ["text/xml", "application/json"],
            }
        ],
    }


def _service_description(category: Category) -> str:
    if category.kind == Category.Kind.REFERRAL:
        text = _(
            "Not a police matter: the police pass it on to the institution responsible."
        )
    else:
        text = _("A police matter, handled by the police sector where it happens.")
    if category.is_sensitive:
        text = " ".join([text, _("Never shown publicly.")])
    return text


def service_notice(category: Category) -> str:
    """Return what happens to a concern of ``category`` once it is raised."""
    if category.kind == Category.Kind.REFERRAL:
        return _(
            "The police will pass this on to the institution responsible and "
            "follow it up within %(days)s days. In an emergency call %(number)s."
        ) % {
            "days": category.resolve_within_days,
            "number": settings.BASHKESIA_EMERGENCY_NUMBER,
        }
    return _(
        "The police sector where this happens will acknowledge it within "
        "%(hours)s hours and aims to resolve it within %(days)s days. In an "
        "emergency call %(number)s."
    ) % {
        "hours": category.acknowledge_within_hours,
        "days": category.resolve_within_days,
        "number": settings.BASHKESIA_EMERGENCY_NUMBER,
    }


def service(category: Category) -> dict[str, Any]:
    language = get_language() or settings.LANGUAGE_CODE
    keywords = dict.fromkeys(
        name.replace(",", " ").strip() for name in category.names.values() if name
    )
    return {
        "service_code": category.code,
        "service_name": category.name_in(language),
        "description": _service_description(category),
        "metadata": bool(questions.question_list(category, language=language)),
        "type": "realtime",
        "keywords": ", ".join(keywords),
        "group": category.get_kind_display(),
    }


def question_attributes(category: Category) -> list[dict[str, Any]]:
    """Return the category's extra questions as GeoReport attributes (see
    ``bashkesia.concerns.questions`` for their shape)."""
    attributes = []
    for question in questions.question_list(category):
        attribute: dict[str, Any] = {
            "variable": True,
            "code": question.code,
            "datatype": question.datatype,
            "required": question.required,
            "datatype_description": question.description or None,
            "order": question.order,
            "description": question.label,
        }
        if question.is_list:
            attribute["values"] = [
                {"key": key, "name": name} for key, name in question.values
            ]
        attributes.append(attribute)
    return attributes


def service_definition(category: Category) -> dict[str, Any]:
    return {
        "service_code": category.code,
        "attributes": question_attributes(category),
    }


def service_request(concern: Concern) -> dict[str, Any]:
    """Return the public view of a concern: never anything about its reporter.

    The id is ``open311_id``, never the tracking code (the reporter's secret).
    The concern must carry ``status_notes`` (see ``selectors``). The text and
    place of a hidden concern, or of a sensitive category, are left out (the
    selectors do not return such concerns; this is a second guard).
    """
    language = get_language() or settings.LANGUAGE_CODE
    category = concern.category
    private = concern.is_hidden or category.is_sensitive
    closed = concern.is_closed
    agency = concern.referred_to or concern.sector.station.name_in(language)
    expected = None
    if not closed:
        expected = concern.submitted_at + datetime.timedelta(
            days=category.resolve_within_days
        )
    return {
        "service_request_id": concern.open311_id,
        "status": "closed" if closed else "open",
        "status_notes": getattr(concern, "status_notes", None) or None,
        "service_name": category.name_in(language),
        "service_code": category.code,
        # Only what an officer published: the reporter's words may name people.
        "description": None if private else (concern.public_description or None),
        "agency_responsible": agency,
        "service_notice": service_notice(category),
        "requested_datetime": w3c(concern.submitted_at),
        "updated_datetime": w3c(
            (concern.closed_at if closed else None) or concern.updated_at
        ),
        "expected_datetime": w3c(expected),
        # The reporter's own words for the place may say who they are.
        "address": "",
        "address_id": None,
        "zipcode": None,
        "lat": None if private else blur(concern.latitude),
        "long": None if private else blur(concern.longitude),
        # Photos are not published: they may show people.
        "media_url": None,
    }


def request_created(concern: Concern, *, track_url: str) -> dict[str, Any]:
    """Return the answer to a POST: the one place a tracking code is shown.

    The notice tells the reporter their tracking code and where, on the
    website, they follow the concern (``track_url``); the code is never a
    ``token`` nor the ``service_request_id``.
    """
    tracking = _("Your tracking code: %(code)s. Follow the concern at %(url)s.") % {
        "code": concern.tracking_code,
        "url": track_url,
    }
    return {
        "service_request_id": concern.open311_id,
        "service_notice": " ".join([service_notice(concern.category), tracking]),
        "account_id": None,
    }


def token(concern: Concern, token_id: str) -> dict[str, Any]:
    """Return what a token (a tracking code) stands for: the public id."""
    return {"service_request_id": concern.open311_id, "token": token_id}
