"""Every read of concerns."""

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from bashkesia.territory.models import Sector

from .models import CLOSED_STATUSES, Category, Concern, ConcernUpdate


def category_list_public() -> QuerySet[Category]:
    """Categories a citizen may choose (and Open311 lists as services)."""
    return Category.objects.filter(is_active=True).order_by("order", "code")


def concern_get_by_tracking_code(*, tracking_code: str) -> Concern:
    """Return the concern with this code (any case, dashes optional) or 404."""
    raw = "".join(ch for ch in tracking_code.upper() if ch.isalnum())
    code = f"{raw[:4]}-{raw[4:8]}-{raw[8:]}" if len(raw) == 12 else tracking_code
    concern = (
        Concern.objects.select_related("category", "sector__municipality")
        .filter(tracking_code=code)
        .first()
    )
    if concern is None:
        raise Http404(
            _("No concern has the tracking code “%(code)s”.") % {"code": code}
        )
    return concern


def concern_public_updates(*, concern: Concern) -> QuerySet[ConcernUpdate]:
    """The history a reporter (or the public) sees: never internal notes."""
    return concern.updates.filter(is_public=True).order_by("at", "id")


def category_list_shown_publicly() -> QuerySet[Category]:
    """Categories whose concerns may appear on public pages."""
    return category_list_public().filter(is_sensitive=False)


def concern_list_public(
    *, sector: Sector, status: str = "", category: Category | None = None
) -> QuerySet[Concern]:
    """Return a sector's concerns anyone may see, newest first.

    Never hidden ones, never those of a sensitive category. ``status`` is
    ``"open"``, ``"closed"`` or empty for both.
    """
    concerns = Concern.objects.filter(
        sector=sector, is_hidden=False, category__is_sensitive=False
    )
    if status == "open":
        concerns = concerns.exclude(status__in=CLOSED_STATUSES)
    elif status == "closed":
        concerns = concerns.filter(status__in=CLOSED_STATUSES)
    if category is not None:
        concerns = concerns.filter(category=category)
    return (
        concerns.select_related("category")
        .only(
            "pk", "category", "status", "latitude", "longitude",
            "public_description", "submitted_at", "closed_at",
        )
        .order_by("-submitted_at", "-pk")
    )  # fmt: skip
