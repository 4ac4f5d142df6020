"""The Django admin, behind the same sign-in, second factor and roles as the
back office."""

from urllib.parse import urlencode

from django.contrib import admin
from django.shortcuts import redirect
from django.urls import reverse


class BashkesiaAdminSite(admin.AdminSite):
    site_header = "Bashkësia"
    site_title = "Bashkësia"

    def has_permission(self, request) -> bool:
        from bashkesia.accounts.decorators import is_verified
        from bashkesia.accounts.permissions import can_use_admin

        return (
            request.user.is_active
            and request.user.is_staff
            and is_verified(request)
            and can_use_admin(request.user)
        )

    def login(self, request, extra_context=None):
        """Sign in through the product's own sign-in (password, then code)."""
        target = request.GET.get("next") or reverse("admin:index")
        return redirect(f"{reverse('accounts:login')}?{urlencode({'next': target})}")
