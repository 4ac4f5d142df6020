"""Who hears of what happens to a concern, and what they read.

Every function here is called inside the transaction of the service that
makes the news true: the e-mails are background tasks stored with it, sent
after it commits (see ``bashkesia.notifications``). Messages never carry a
reporter's identity, nor the description: officers read those in the back
office, where access is checked and recorded.
"""

from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from bashkesia.core import clock
from bashkesia.notifications.services import email_enqueue, site_url
from bashkesia.officers.models import Officer

from .models import Concern, ConcernUpdate


def _track_url(concern: Concern) -> str:
    return site_url(
        "concerns:track", language=concern.language, args=[concern.tracking_code]
    )


def reporter_notify_submitted(*, concern: Concern) -> None:
    """E-mail the tracking code to a reporter who gave an address."""
    if not concern.reporter_email:
        return
    with translation.override(concern.language):
        email_enqueue(
            to=concern.reporter_email,
            subject=_("Your concern %(code)s") % {"code": concern.tracking_code},
            body=_(
                "Thank you. Your concern reached police sector %(sector)s.\n\n"
                "Tracking code: %(code)s\nFollow it here: %(link)s\n\n"
                "This address is not watched around the clock: in an "
                "emergency call 192."
            )
            % {
                "sector": concern.sector.code,
                "code": concern.tracking_code,
                "link": _track_url(concern),
            },
        )


def reporter_notify_update(*, concern: Concern, update: ConcernUpdate) -> None:
    """Tell a reporter who gave an address of a public reply or a new status."""
    if not concern.reporter_email or not update.is_public:
        return
    with translation.override(concern.language):
        lines = [
            _("There is news on your concern %(code)s.")
            % {"code": concern.tracking_code},
            _("Status: %(status)s") % {"status": concern.get_status_display()},
        ]
        if update.text:
            lines.append(_("The police wrote:") + "\n" + update.text)
        lines.append(_("Follow it here: %(link)s") % {"link": _track_url(concern)})
        email_enqueue(
            to=concern.reporter_email,
            subject=_("News on your concern %(code)s")
            % {"code": concern.tracking_code},
            body="\n\n".join(lines),
        )


def _officers_to_tell(concern: Concern) -> list[tuple[str, str]]:
    """Return ``(e-mail, language)`` of the officer on the concern.

    That is the officer it is assigned to; while it is assigned to nobody,
    every officer working its sector today. Only officers with an account
    and an address.
    """
    officers = Officer.objects.filter(is_active=True, user__is_active=True).exclude(
        user__email=""
    )
    if concern.assigned_to_id:
        officers = officers.filter(pk=concern.assigned_to_id)
    else:
        today = clock.today()
        officers = officers.filter(
            Q(assignments__end_date__isnull=True) | Q(assignments__end_date__gte=today),
            assignments__sector_id=concern.sector_id,
            assignments__start_date__lte=today,
        )
    rows = officers.values_list("user__email", "user__account__language").distinct()
    return [(email, language or "sq") for email, language in rows]


def _tell_officers(concern: Concern, *, subject: str, body: str) -> None:
    for email, language in _officers_to_tell(concern):
        with translation.override(language):
            link = site_url(
                "staff:concern-detail", language=language, args=[concern.tracking_code]
            )
            email_enqueue(
                to=email,
                subject=_(subject) % {"code": concern.tracking_code},
                body=_(body)
                % {
                    "code": concern.tracking_code,
                    "sector": concern.sector.code,
                    "category": concern.category.name_in(language),
                    "link": link,
                },
            )


# Marked for translation here, translated for each officer in _tell_officers.
NEW_SUBJECT = gettext_noop("New concern %(code)s")
NEW_BODY = gettext_noop(
    "A new concern (%(category)s) was raised in sector %(sector)s.\n\nOpen it: %(link)s"
)
MESSAGE_SUBJECT = gettext_noop("The reporter of %(code)s wrote")
MESSAGE_BODY = gettext_noop(
    "The reporter of concern %(code)s (%(category)s, sector %(sector)s) added "
    "information.\n\nOpen it: %(link)s"
)
REOPENED_SUBJECT = gettext_noop("Concern %(code)s was reopened")
REOPENED_BODY = gettext_noop(
    "The reporter reopened concern %(code)s (%(category)s, sector %(sector)s): "
    "it is not solved.\n\nOpen it: %(link)s"
)


def officers_notify_new(*, concern: Concern) -> None:
    _tell_officers(concern, subject=NEW_SUBJECT, body=NEW_BODY)


def officers_notify_reporter_message(*, concern: Concern) -> None:
    _tell_officers(concern, subject=MESSAGE_SUBJECT, body=MESSAGE_BODY)


def officers_notify_reopened(*, concern: Concern) -> None:
    _tell_officers(concern, subject=REOPENED_SUBJECT, body=REOPENED_BODY)
