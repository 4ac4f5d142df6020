"""A sector's alerts in public: the list, one alert, and an Atom feed."""

from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from bashkesia.territory.models import Sector
from bashkesia.territory.selectors import sector_get

from . import selectors
from .models import Alert

PER_PAGE = 20


@require_GET
def sector_alert_list(request: HttpRequest, code: str) -> HttpResponse:
    sector = sector_get(code=code)
    alerts = selectors.alert_list_public(sector=sector)
    page_obj = Paginator(alerts, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "alerts/list.html", {"sector": sector, "page_obj": page_obj})


@require_GET
def sector_alert_detail(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    sector = sector_get(code=code)
    alert = selectors.alert_get_public(sector=sector, pk=pk)
    return render(request, "alerts/detail.html", {"sector": sector, "alert": alert})


class SectorAlertFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, code: str) -> Sector:
        return sector_get(code=code)

    def title(self, sector: Sector) -> str:
        return _("Alerts of police sector %(code)s %(name)s") % {
            "code": sector.code,
            "name": sector.name,
        }

    def link(self, sector: Sector) -> str:
        return reverse("alerts:list", args=[sector.code])

    def items(self, sector: Sector):
        return selectors.alert_list_public(sector=sector)[:PER_PAGE]

    def item_title(self, alert: Alert) -> str:
        return f"{alert.get_kind_display().capitalize()}: {alert.title}"

    def item_description(self, alert: Alert) -> str:
        return alert.body

    def item_pubdate(self, alert: Alert):
        return alert.published_at
