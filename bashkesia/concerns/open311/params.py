"""Reading GeoReport v2 parameters: each problem becomes one message.

A parameter sent empty counts as not sent, as the spec's "Optional
Arguments" require.
"""

import datetime
import math
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from bashkesia.core import clock

from .selectors import RequestFilters

WINDOW = datetime.timedelta(days=90)
PAGE_SIZE = 1000
_ATTRIBUTE = re.compile(r"^attribute\[([^\[\]]+)\](\[\])?$")
# Parameter names and values stand in messages as placeholders: they are
# typed as they are in every language, never translated or transliterated.
WINDOW_NAMES = {"start_date": "start_date", "end_date": "end_date"}
POINT_NAMES = {"lat": "lat", "long": "long"}


def _value(data: QueryDict, name: str) -> str:
    return (data.get(name) or "").strip()


def _list(data: QueryDict, name: str) -> list[str] | None:
    """Return a comma-separated (or repeated) parameter's items, or None."""
    items = [
        item.strip()
        for value in data.getlist(name)
        for item in value.split(",")
        if item.strip()
    ]
    return items or None


def _moment(text: str, *, name: str, end: bool) -> datetime.datetime:
    """Return a W3C datetime (or a date: its start, or its end for ``end``)."""
    moment = None
    try:
        # A date alone (parse_datetime would read it as its midnight).
        day = parse_date(text)
        if day is not None:
            moment = datetime.datetime.combine(
                day, datetime.time.max if end else datetime.time.min
            )
        else:
            moment = parse_datetime(text)
    except ValueError:
        moment = None
    if moment is None:
        raise ValidationError(
            _(
                "%(name)s must be a date and time in the W3C format, for "
                "example %(example)s."
            )
            % {"name": name, "example": "2010-01-01T00:00:00Z"}
        )
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def _positive(data: QueryDict, name: str, *, default: int, most: int) -> int:
    text = _value(data, name)
    if not text:
        return default
    if not text.isdigit() or not 1 <= int(text) <= most:
        raise ValidationError(
            _("%(name)s must be a whole number from 1 to %(most)s.")
            % {"name": name, "most": most}
        )
    return int(text)


def _window(
    data: QueryDict, messages: list[str]
) -> tuple[datetime.datetime, datetime.datetime]:
    moments: dict[str, datetime.datetime] = {}
    for name in ("start_date", "end_date"):
        text = _value(data, name)
        if text:
            try:
                moments[name] = _moment(text, name=name, end=name == "end_date")
            except ValidationError as error:
                messages.extend(error.messages)
    start, end = moments.get("start_date"), moments.get("end_date")
    if start is None:
        end = end or clock.now()
        return end - WINDOW, end
    if end is None:
        return start, start + WINDOW
    if start > end:
        messages.append(
            _("%(start_date)s must not be after %(end_date)s.") % WINDOW_NAMES
        )
    elif end - start > WINDOW:
        messages.append(
            _("%(start_date)s and %(end_date)s may not be more than 90 days apart.")
            % WINDOW_NAMES
        )
    return start, end


def request_filters(data: QueryDict) -> RequestFilters:
    """Return the filters of GET requests; raise ``ValidationError``.

    Without dates the window is the last 90 days; with one of them, the 90
    days after ``start_date`` or before ``end_date``; a window may not span
    more than 90 days. ``service_request_id`` overrides every other filter
    (not the pages).
    """
    messages: list[str] = []
    ids = _list(data, "service_request_id")
    start, end = clock.now() - WINDOW, clock.now()
    statuses = None
    if ids is None:
        start, end = _window(data, messages)
        statuses = _list(data, "status")
        if statuses is not None:
            statuses = [status.lower() for status in statuses]
            if set(statuses) - {"open", "closed"}:
                messages.append(
                    _("%(status)s must be %(open)s, %(closed)s or both.")
                    % {"status": "status", "open": "open", "closed": "closed"}
                )
    page = page_size = 1
    try:
        page = _positive(data, "page", default=1, most=10**6)
    except ValidationError as error:
        messages.extend(error.messages)
    try:
        page_size = _positive(data, "page_size", default=PAGE_SIZE, most=PAGE_SIZE)
    except ValidationError as error:
        messages.extend(error.messages)
    if messages:
        raise ValidationError(messages)
    return RequestFilters(
        service_request_ids=ids,
        service_codes=None if ids else _list(data, "service_code"),
        start=start,
        end=end,
        statuses=set(statuses) if statuses else None,
        page=page,
        page_size=page_size,
    )


@dataclass
class Submission:
    """A POST requests form, read but not yet checked against the service."""

    service_code: str
    lat: float | None = None
    long: float | None = None
    address_string: str = ""
    address_id: str = ""
    email: str = ""
    first_name: str = ""
    last_name: str = ""
    phone: str = ""
    description: str = ""
    media_url: str = ""
    attributes: dict[str, list[str]] = field(default_factory=dict)

    @property
    def reporter_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part)


def submission(data: QueryDict) -> Submission:
    """Return the POST requests form; raise ``ValidationError``.

    ``device_id`` and ``account_id`` are not kept. ``attribute[code]=value``
    and, for several values, ``attribute[code][]=value`` carry the answers to
    the service's questions.
    """
    code = _value(data, "service_code")
    if not code:
        raise ValidationError(
            _("%(name)s was not provided.") % {"name": "service_code"}
        )
    form = Submission(
        service_code=code,
        address_string=_value(data, "address_string"),
        address_id=_value(data, "address_id"),
        email=_value(data, "email"),
        first_name=_value(data, "first_name"),
        last_name=_value(data, "last_name"),
        phone=_value(data, "phone"),
        # Line breaks are allowed in a description: keep them.
        description=data.get("description") or "",
        media_url=_value(data, "media_url"),
    )
    lat, long = _value(data, "lat"), _value(data, "long")
    if lat or long:
        if not (lat and long):
            raise ValidationError(_("Send both %(lat)s and %(long)s.") % POINT_NAMES)
        try:
            form.lat, form.long = float(lat), float(long)
        except ValueError:
            form.lat = form.long = math.nan
        if not (
            math.isfinite(form.lat)
            and math.isfinite(form.long)
            and -90 <= form.lat <= 90
            and -180 <= form.long <= 180
        ):
            raise ValidationError(
                _(
                    "%(lat)s and %(long)s must be WGS84 degrees, for example "
                    "42.2139 and 20.7397."
                )
                % POINT_NAMES
            )
    for name in data:
        match = _ATTRIBUTE.match(name)
        if match:
            values = [value.strip() for value in data.getlist(name) if value.strip()]
            if values:
                form.attributes.setdefault(match.group(1), []).extend(values)
    return form
