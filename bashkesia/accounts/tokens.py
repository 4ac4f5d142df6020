"""API tokens: keys other systems present to write through the JSON API as
one user, within that user's scope.

A token is made by ``manage.py create_api_token USERNAME NAME`` (the key is
shown once; only its SHA-256 is stored), listed and revoked in the admin, and
presented as ``Authorization: Bearer <key>``.
"""

import hashlib
import secrets

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.errors import HttpError
from ninja.security import HttpBearer

from bashkesia.core import clock
from bashkesia.core.text import clean_text

from .models import ApiToken

NAME_LIMIT = 100


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def api_token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    """Make a token for ``user`` named ``name`` (the system that uses it);
    return it with the key itself, which cannot be shown again."""
    name = clean_text(name)
    if not name:
        raise ValidationError({"name": _("Name the system the token is for.")})
    if len(name) > NAME_LIMIT:
        raise ValidationError(
            {
                "name": _("Write at most %(limit)s characters (this has %(count)s).")
                % {"limit": NAME_LIMIT, "count": len(name)}
            }
        )
    if not user.is_active:
        raise ValidationError(
            _("%(username)s cannot sign in: their account is disabled.")
            % {"username": user.username}
        )
    key = secrets.token_urlsafe(32)
    token = ApiToken(
        user=user, name=name, key_hash=_digest(key), created_at=clock.now()
    )
    token.full_clean()
    token.save()
    return token, key


@transaction.atomic
def api_token_revoke(*, token: ApiToken) -> ApiToken:
    """Revoke ``token``: it no longer authenticates (revoking twice is a
    no-op)."""
    if token.revoked_at is None:
        token.revoked_at = clock.now()
        token.save(update_fields=["revoked_at"])
    return token


def api_token_authenticate(*, key: str) -> ApiToken:
    """Return the valid token ``key`` with its user and note its use;
    otherwise raise ``HttpError`` 401 saying why."""
    token = (
        ApiToken.objects.select_related("user").filter(key_hash=_digest(key)).first()
        if key
        else None
    )
    if token is None or not token.user.is_active:
        raise HttpError(401, _("The API token is not valid."))
    if token.revoked_at is not None:
        raise HttpError(401, _("The API token has been revoked."))
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=clock.now())
    return token


class ApiTokenAuth(HttpBearer):
    """``Authorization: Bearer <key>``: the token's user, or 401 with a
    ``detail`` (no header or another scheme: "Authentication is
    required.")."""

    def authenticate(self, request: HttpRequest, token: str) -> User:
        return api_token_authenticate(key=token.strip()).user


api_token = ApiTokenAuth()
