"""Authentication of the JSON API's writes: the back office's own session.

A signed-in staff user who passed the second factor may write (within their
scope, which each endpoint checks); anyone else gets 401.
"""

from django.http import HttpRequest
from ninja.security import SessionAuth

from .decorators import is_verified
from .permissions import is_staff_member


class StaffSessionAuth(SessionAuth):
    """Django's session cookie (with CSRF), second factor passed, a role held."""

    def authenticate(self, request: HttpRequest, key):
        user = super().authenticate(request, key)
        if user and is_staff_member(user) and is_verified(request):
            return user
        return None


staff_session = StaffSessionAuth()
