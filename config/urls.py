from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.static import serve

from bashkesia.partnership.views import events as event_views
from bashkesia.web import views as web_views

urlpatterns = [
    path("favicon.ico", web_views.favicon),
    path("api/", include("bashkesia.api.urls")),
    path("open311/v2/", include("bashkesia.concerns.open311.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    # The events' iCalendar feeds: one address for every language (?lang=).
    path("events.ics", event_views.ical_all, name="events-ical"),
    path(
        "events/municipality/<str:code>.ics",
        event_views.ical_municipality,
        name="events-ical-municipality",
    ),
    path(
        "events/sector/<str:code>.ics",
        event_views.ical_sector,
        name="events-ical-sector",
    ),
    path("events/forum/<int:pk>.ics", event_views.ical_forum, name="events-ical-forum"),
    path("events/<int:pk>.ics", event_views.ical_event, name="event-ical"),
]
urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("accounts/", include("bashkesia.accounts.urls")),
    path("staff/", include("bashkesia.staff.urls")),
    path("", include("bashkesia.web.urls")),
    path("", include("bashkesia.territory.urls")),
    path("", include("bashkesia.concerns.urls")),
    path("", include("bashkesia.subscriptions.urls")),
    path("", include("bashkesia.alerts.urls")),
    path("", include("bashkesia.partnership.urls")),
    path("", include("bashkesia.stats.urls")),
    path("", include("bashkesia.partners.urls")),
    path("", include("bashkesia.campaigns.urls")),
    path("", include("bashkesia.surveys.urls")),
    path("", include("bashkesia.training.urls")),
    path("", include("bashkesia.strategy.urls")),
    prefix_default_language=True,
)
# Officer photos. Behind a front web server, let it serve MEDIA_ROOT instead.
urlpatterns += [
    path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT}),
]

handler404 = "bashkesia.core.views.page_not_found"
handler500 = "bashkesia.core.views.server_error"
