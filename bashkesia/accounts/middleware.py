from django.conf import settings
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


SESSION_RENEWED_AT = "bashkesia_renewed_at"
RENEW_EVERY = 60  # seconds


class SlidingSessionMiddleware:
    """Keep a session alive while it is used, for SESSION_COOKIE_AGE after
    the last request.

    The expiry is renewed at most once a minute: saving the session on every
    request (SESSION_SAVE_EVERY_REQUEST) would cost a database write per page.
    Sits after SessionMiddleware; requests without a session cookie are left
    alone, so public pages never start one.
    """

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            session = request.session
            now = clock.now().timestamp()
            renewed_at = session.get(SESSION_RENEWED_AT)
            if session.session_key and (
                renewed_at is None or now - renewed_at >= RENEW_EVERY
            ):
                session[SESSION_RENEWED_AT] = now
        return self.get_response(request)


def mark_signed_in(request) -> None:
    request.session[SESSION_SIGNED_IN_AT] = clock.now().timestamp()
