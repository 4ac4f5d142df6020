"""Messages to reporters. Sent after the transaction commits."""

from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from .models import Concern


def reporter_notify_submitted(*, concern: Concern, base_url: str) -> None:
    """E-mail the tracking code to a reporter who gave an address."""
    if not concern.reporter_email:
        return

    def send() -> None:
        with translation.override(concern.language):
            link = base_url + reverse("concerns:track", args=[concern.tracking_code])
            send_mail(
                _("Your concern %(code)s") % {"code": concern.tracking_code},
                _(
                    "Thank you. Your concern reached police sector %(sector)s.\n\n"
                    "Tracking code: %(code)s\nFollow it here: %(link)s\n\n"
                    "This address is not watched around the clock: in an "
                    "emergency call 192."
                )
                % {
                    "sector": concern.sector.code,
                    "code": concern.tracking_code,
                    "link": link,
                },
                None,
                [concern.reporter_email],
                fail_silently=True,
            )

    transaction.on_commit(send)
