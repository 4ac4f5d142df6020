from django.contrib.admin.apps import AdminConfig


class BashkesiaAdminConfig(AdminConfig):
    """The Django admin on the project's site (see ``admin_site``)."""

    default_site = "bashkesia.core.admin_site.BashkesiaAdminSite"
