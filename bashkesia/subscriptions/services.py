"""Every write to subscriptions, and the messages subscribers receive.

Double opt-in: asking sends a link to the address; only a confirmed address
receives the sector's news. Every message carries a one-click unsubscribe
(a link, and the ``List-Unsubscribe`` headers of RFC 8058).
"""

import datetime
import secrets
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _

from bashkesia.core import clock
from bashkesia.notifications.services import email_enqueue, site_url
from bashkesia.territory.models import Sector

from .models import Subscription
from .selectors import subscribers_confirmed


def _links(subscription: Subscription) -> tuple[str, str]:
    language, args = subscription.language, [subscription.token]
    return (
        site_url("subscriptions:confirm", language=language, args=args),
        site_url("subscriptions:unsubscribe", language=language, args=args),
    )


@transaction.atomic
def subscription_request(*, sector: Sector, email: str, language: str) -> None:
    """Ask ``email`` to confirm it wants the sector's news.

    Says nothing of whether the address was subscribed already (nobody
    learns who follows a sector): a confirmed address gets no new message,
    an unconfirmed one gets the link again.
    """
    email = (email or "").strip()
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError({"email": [_("Enter a valid e-mail address.")]}) from None
    subscription = Subscription.objects.filter(
        sector=sector, email__iexact=email
    ).first()
    if subscription is None:
        try:
            with transaction.atomic():
                subscription = Subscription.objects.create(
                    sector=sector,
                    email=email,
                    language=language,
                    token=secrets.token_urlsafe(32),
                    created_at=clock.now(),
                )
        except IntegrityError:  # the same address, at the same moment
            return
    elif subscription.is_confirmed:
        return
    confirm, unsubscribe = _links(subscription)
    with translation.override(subscription.language):
        email_enqueue(
            to=subscription.email,
            subject=_("Confirm: news of police sector %(sector)s")
            % {"sector": sector.code},
            body=_(
                "Someone, we hope you, asked for the alerts and news of police "
                "sector %(sector)s %(name)s to be sent to this address.\n\n"
                "To confirm, open: %(confirm)s\n\n"
                "If it was not you, do nothing: without confirmation you will "
                "receive nothing more."
            )
            % {
                "sector": sector.code,
                "name": sector.name_in(subscription.language),
                "confirm": confirm,
            },
            unsubscribe_url=unsubscribe,
        )


@transaction.atomic
def subscription_confirm(*, subscription: Subscription) -> Subscription:
    if subscription.confirmed_at is None:
        subscription.confirmed_at = clock.now()
        subscription.save(update_fields=["confirmed_at"])
    return subscription


@transaction.atomic
def subscription_end(*, subscription: Subscription) -> None:
    """End the subscription: the address is deleted."""
    Subscription.objects.filter(pk=subscription.pk).delete()


UNCONFIRMED_KEPT = datetime.timedelta(days=7)


@transaction.atomic
def subscriptions_prune() -> int:
    """Delete the addresses nobody confirmed within a week; return how many."""
    deleted, _by_model = Subscription.objects.filter(
        confirmed_at__isnull=True, created_at__lt=clock.now() - UNCONFIRMED_KEPT
    ).delete()
    return deleted


def subscribers_notify(
    *, sector: Sector, message: Callable[[str], tuple[str, str]]
) -> int:
    """E-mail every confirmed subscriber of ``sector``; return how many.

    ``message(language)`` returns the subject and body in that language;
    each message ends with the subscriber's own unsubscribe link. Call it
    inside the transaction that publishes the news.
    """
    rendered: dict[str, tuple[str, str]] = {}
    count = 0
    for subscription in subscribers_confirmed(sector_id=sector.pk):
        language = subscription.language
        with translation.override(language):
            if language not in rendered:
                rendered[language] = message(language)
            subject, body = rendered[language]
            _confirm, unsubscribe = _links(subscription)
            footer = _(
                "You receive this because you follow police sector %(sector)s. "
                "To stop, open: %(link)s"
            ) % {"sector": sector.code, "link": unsubscribe}
            email_enqueue(
                to=subscription.email,
                subject=subject,
                body=f"{body}\n\n-- \n{footer}",
                unsubscribe_url=unsubscribe,
            )
        count += 1
    return count
