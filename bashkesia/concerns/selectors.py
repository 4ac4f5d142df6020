"""Every read of concerns."""

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from .models import Category, Concern, ConcernUpdate


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
