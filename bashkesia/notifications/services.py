"""Enqueue messages: call inside the transaction that makes them true."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from .tasks import email_send


def site_url(view_name: str, *, language: str, args: list | None = None) -> str:
    """Return the absolute address of a page, in ``language``."""
    with translation.override(language):
        return settings.BASHKESIA_SITE_URL + reverse(view_name, args=args)


def email_enqueue(
    *, to: str, subject: str, body: str, unsubscribe_url: str = ""
) -> None:
    """Send ``body`` to ``to`` in the background, once the transaction commits.

    With ``unsubscribe_url`` the message carries a one-click unsubscribe
    (RFC 8058): mail programs show an unsubscribe button that POSTs to it.
    """
    headers = {"Auto-Submitted": "auto-generated"}
    if unsubscribe_url:
        headers["List-Unsubscribe"] = f"<{unsubscribe_url}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    email_send.enqueue(to=to, subject=subject, body=body, headers=headers)
