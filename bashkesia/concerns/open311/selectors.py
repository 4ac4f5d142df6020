"""Every read Open311 makes: services, public requests, one request."""

import datetime
from dataclasses import dataclass

from django.db.models import Max, OuterRef, QuerySet, Subquery
from django.http import Http404
from django.utils.translation import gettext as _

from bashkesia.concerns.models import (
    CLOSED_STATUSES,
    Category,
    Concern,
    ConcernUpdate,
)
from bashkesia.concerns.selectors import category_list_public
from bashkesia.territory.models import Settlement


def service_list() -> QuerySet[Category]:
    return category_list_public()


def service_get(*, code: str) -> Category:
    """Return the category in use with this code, or raise ``Http404``."""
    category = category_list_public().filter(code=code).first()
    if category is None:
        raise Http404(_("No service has the code “%(code)s”.") % {"code": code})
    return category


def services_changed_at() -> datetime.datetime | None:
    return Category.objects.aggregate(changed=Max("updated_at"))["changed"]


def _latest_public_note() -> Subquery:
    notes = (
        ConcernUpdate.objects.filter(
            concern=OuterRef("pk"),
            is_public=True,
            kind__in=[ConcernUpdate.Kind.REPLY, ConcernUpdate.Kind.STATUS],
        )
        .exclude(text="")
        .order_by("-at", "-id")
        .values("text")[:1]
    )
    return Subquery(notes)


def _with_details(concerns: QuerySet[Concern]) -> QuerySet[Concern]:
    return (
        concerns.select_related("category", "sector__station")
        .defer("sector__boundary")
        .annotate(status_notes=_latest_public_note())
    )


def tracking_code_normal(code: str) -> str:
    """Return ``code`` as stored: upper case, dashes in place."""
    raw = "".join(ch for ch in code.upper() if ch.isalnum())
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}" if len(raw) == 12 else code.strip()


# The largest primary key a BigAutoField holds.
_MAX_PK = 2**63 - 1


def concern_pk(service_request_id: str) -> int | None:
    """Return the primary key a ``service_request_id`` names, or None.

    The public id is the concern's primary key (``Concern.open311_id``),
    never its tracking code: that is the reporter's secret.
    """
    text = service_request_id.strip()
    if not (text.isascii() and text.isdigit()):
        return None
    pk = int(text)
    return pk if 1 <= pk <= _MAX_PK else None


def _public(concerns: QuerySet[Concern]) -> QuerySet[Concern]:
    """Leave out hidden concerns and those of sensitive categories."""
    return concerns.filter(is_hidden=False, category__is_sensitive=False)


@dataclass(frozen=True)
class RequestFilters:
    """GET requests filters, already checked (see ``params``)."""

    service_request_ids: list[str] | None
    service_codes: list[str] | None
    start: datetime.datetime
    end: datetime.datetime
    statuses: set[str] | None
    page: int
    page_size: int


def request_list_public(*, filters: RequestFilters) -> QuerySet[Concern]:
    """Return one page of public concerns, newest first.

    Hidden concerns and those of sensitive categories are never among them.
    Asked for by ``service_request_ids``, the other filters do not apply (as
    the spec says).
    """
    concerns = _public(Concern.objects.all())
    if filters.service_request_ids is not None:
        pks = [
            pk
            for text in filters.service_request_ids
            if (pk := concern_pk(text)) is not None
        ]
        concerns = concerns.filter(pk__in=pks)
    else:
        concerns = concerns.filter(
            submitted_at__gte=filters.start, submitted_at__lte=filters.end
        )
        if filters.service_codes is not None:
            concerns = concerns.filter(category__code__in=filters.service_codes)
        if filters.statuses == {"open"}:
            concerns = concerns.exclude(status__in=CLOSED_STATUSES)
        elif filters.statuses == {"closed"}:
            concerns = concerns.filter(status__in=CLOSED_STATUSES)
    offset = (filters.page - 1) * filters.page_size
    return _with_details(concerns).order_by("-submitted_at", "-id")[
        offset : offset + filters.page_size
    ]


def request_get(*, service_request_id: str) -> Concern:
    """Return the public concern with this id, or raise ``Http404``.

    Hidden concerns and those of sensitive categories are not found either,
    so that nobody learns of them by trying one id after another; their
    reporters follow them on the website, with the tracking code.
    """
    pk = concern_pk(service_request_id)
    concern = None
    if pk is not None:
        concern = _with_details(_public(Concern.objects.filter(pk=pk))).first()
    if concern is None:
        raise Http404(
            _("No request has the %(name)s “%(value)s”.")
            % {"name": "id", "value": service_request_id}
        )
    return concern


def request_get_by_token(*, token: str) -> Concern:
    """Return the concern a token stands for: the token is its tracking code.

    Only the reporter, who was given the code, holds it; the answer maps it
    to the public ``service_request_id``.
    """
    concern = Concern.objects.filter(tracking_code=tracking_code_normal(token)).first()
    if concern is None:
        raise Http404(
            _("No request has the %(name)s “%(value)s”.")
            % {"name": "token", "value": token}
        )
    return concern


def settlement_get_by_address_id(*, address_id: str) -> Settlement | None:
    """Return the settlement an ``address_id`` (its GeoNames id) names."""
    if not address_id.isdigit():
        return None
    return Settlement.objects.filter(geonames_id=int(address_id)).first()
