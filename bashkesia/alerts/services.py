"""Publishing and withdrawing sector alerts."""

import datetime

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from bashkesia.core import clock
from bashkesia.core.text import clean_text
from bashkesia.notifications.services import site_url
from bashkesia.subscriptions.services import subscribers_notify
from bashkesia.territory.models import Sector

from .models import Alert

LONGEST = datetime.timedelta(days=90)


@transaction.atomic
def alert_publish(
    *,
    sector: Sector,
    kind: str,
    title: str,
    body: str,
    shown_until: datetime.date,
    by: User,
) -> Alert:
    """Publish an alert to ``sector``: on its page, and to its subscribers."""
    today = clock.today()
    errors: dict[str, list[str]] = {}
    title, body = clean_text(title), clean_text(body)
    if not title:
        errors["title"] = [_("Give the alert a title.")]
    if not body:
        errors["body"] = [_("Write what people should know or do.")]
    if shown_until < today:
        errors["shown_until"] = [_("The last day cannot be in the past.")]
    elif shown_until > today + LONGEST:
        errors["shown_until"] = [_("An alert is shown for 90 days at most.")]
    alert = Alert(
        sector=sector,
        kind=kind,
        title=title,
        body=body,
        shown_until=shown_until,
        published_at=clock.now(),
        published_by=by,
    )
    try:
        alert.full_clean(exclude=["published_by", "sector"])
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, messages)
    if errors:
        raise ValidationError(errors)
    alert.save()

    def message(language: str) -> tuple[str, str]:
        label = alert.get_kind_display().capitalize()
        subject = f"{label} · {sector.code}: {alert.title}"
        link = _("On the sector's page: %(link)s") % {"link": _site(alert, language)}
        return subject, f"{alert.title}\n\n{alert.body}\n\n{link}"

    alert.recipients = subscribers_notify(sector=sector, message=message)
    alert.save(update_fields=["recipients"])
    return alert


def _site(alert: Alert, language: str) -> str:
    return site_url(
        "alerts:detail", language=language, args=[alert.sector.code, alert.pk]
    )


@transaction.atomic
def alert_withdraw(*, alert: Alert, by: User) -> Alert:
    """Take an alert off the sector's page (it was wrong, or is over)."""
    if alert.withdrawn_at is None:
        alert.withdrawn_at = clock.now()
        alert.save(update_fields=["withdrawn_at"])
    return alert
