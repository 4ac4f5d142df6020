from django.contrib.auth import logout

from bashkesia.core import clock

from .decorators import SESSION_SIGNED_IN_AT
from .models import Account


class SessionGuardMiddleware:
    """End sessions that "sign out everywhere" revoked."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            try:
                valid_after = user.account.sessions_valid_after
            except Account.DoesNotExist:
                valid_after = None
            signed_in_at = request.session.get(SESSION_SIGNED_IN_AT, 0)
            if valid_after and signed_in_at < valid_after.timestamp():
                logout(request)
        return self.get_response(request)


def mark_signed_in(request) -> None:
    request.session[SESSION_SIGNED_IN_AT] = clock.now().timestamp()
