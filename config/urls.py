from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.static import serve

from bashkesia.web import views as web_views

urlpatterns = [
    path("favicon.ico", web_views.favicon),
    path("api/", include("bashkesia.api.urls")),
    path("open311/v2/", include("bashkesia.concerns.open311.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
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
    prefix_default_language=True,
)
# Officer photos. Behind a front web server, let it serve MEDIA_ROOT instead.
urlpatterns += [
    path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT}),
]

handler404 = "bashkesia.core.views.page_not_found"
handler500 = "bashkesia.core.views.server_error"
