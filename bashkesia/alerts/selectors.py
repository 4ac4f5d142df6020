"""Every read of sector alerts."""

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from bashkesia.accounts import permissions
from bashkesia.core import clock
from bashkesia.territory.models import Sector

from .models import Alert


def alert_list_current(*, sector: Sector) -> QuerySet[Alert]:
    """The alerts a sector's page shows today: published, not expired."""
    return Alert.objects.filter(
        sector=sector, withdrawn_at__isnull=True, shown_until__gte=clock.today()
    ).order_by("-published_at", "-pk")


def alert_list_public(*, sector: Sector) -> QuerySet[Alert]:
    """Every alert the sector was sent, newest first (not the withdrawn)."""
    return Alert.objects.filter(sector=sector, withdrawn_at__isnull=True).order_by(
        "-published_at", "-pk"
    )


def alert_get_public(*, sector: Sector, pk: int) -> Alert:
    alert = alert_list_public(sector=sector).filter(pk=pk).first()
    if alert is None:
        raise Http404(_("This alert does not exist or was withdrawn."))
    return alert


def alert_list_for_staff(*, user) -> QuerySet[Alert]:
    """The alerts of the sectors the user sees in the back office."""
    return (
        Alert.objects.filter(sector__in=permissions.sectors_in_scope(user))
        .select_related("sector", "published_by")
        .order_by("-published_at", "-pk")
    )


def alert_get_for_staff(*, user, pk: int) -> Alert:
    alert = alert_list_for_staff(user=user).filter(pk=pk).first()
    if alert is None:
        raise Http404(_("No alert of your sectors has this number."))
    return alert
