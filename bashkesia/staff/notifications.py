"""Who hears of the back office's own decisions, and what they read.

Called inside the service's transaction: the e-mail is a background task
stored with it, sent after it commits (see ``bashkesia.notifications``).
"""

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from bashkesia.notifications.services import email_enqueue, site_url

from .models import SectorChangeProposal

ACCEPTED_SUBJECT = gettext_noop("Your proposal for sector %(sector)s is accepted")
DECLINED_SUBJECT = gettext_noop("Your proposal for sector %(sector)s is declined")
DECISION_BODY = gettext_noop(
    "The directorate decided on your proposal to change sector %(sector)s "
    "(%(date)s): %(status)s.\n\nIts answer: %(response)s\n\nYour proposal: "
    "%(text)s\n\nOpen the sector: %(link)s"
)


def proposer_notify_decision(*, proposal: SectorChangeProposal) -> None:
    """Tell the commander who proposed the change what the directorate
    decided, in their language (if they have an e-mail address)."""
    proposer = proposal.proposed_by
    if not proposer.email:
        return
    account = getattr(proposer, "account", None)
    language = getattr(account, "language", "") or "sq"
    accepted = proposal.status == SectorChangeProposal.Status.ACCEPTED
    with translation.override(language):
        sector = proposal.sector
        values = {
            "sector": sector.code,
            "date": proposal.created_at.date().isoformat(),
            "status": proposal.get_status_display(),
            "response": proposal.response or "-",
            "text": proposal.text,
            "link": site_url(
                "staff:sector-workspace", language=language, args=[sector.code]
            ),
        }
        email_enqueue(
            to=proposer.email,
            subject=_(ACCEPTED_SUBJECT if accepted else DECLINED_SUBJECT) % values,
            body=_(DECISION_BODY) % values,
        )
