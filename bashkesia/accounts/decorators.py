"""Gatekeepers of the back office."""

from functools import wraps
from urllib.parse import urlencode

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse

from .permissions import is_staff_member

SESSION_VERIFIED = "bashkesia_second_factor"
SESSION_SIGNED_IN_AT = "bashkesia_signed_in_at"


def is_verified(request) -> bool:
    """Return whether this session passed the second factor."""
    return bool(request.session.get(SESSION_VERIFIED))


def staff_view(view):
    """Let in only signed-in users with a role who passed the second factor."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("accounts:login"))
        if not is_staff_member(request.user):
            raise PermissionDenied
        if not is_verified(request):
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('accounts:second-factor')}?{query}")
        return view(request, *args, **kwargs)

    return wrapped
