"""Every read of subscriptions."""

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from .models import Subscription


def subscription_find_by_token(*, token: str) -> Subscription | None:
    if not token:
        return None
    return Subscription.objects.select_related("sector").filter(token=token).first()


def subscription_get_by_token(*, token: str) -> Subscription:
    subscription = subscription_find_by_token(token=token)
    if subscription is None:
        raise Http404(
            _("This subscription does not exist: it may have been ended already.")
        )
    return subscription


def subscribers_confirmed(*, sector_id: int) -> QuerySet[Subscription]:
    return Subscription.objects.filter(
        sector_id=sector_id, confirmed_at__isnull=False
    ).order_by("pk")


def subscriber_count(*, sector_id: int) -> int:
    return subscribers_confirmed(sector_id=sector_id).count()
