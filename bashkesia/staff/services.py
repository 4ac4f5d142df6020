"""Every write the back office makes of its own records."""

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from bashkesia.core import clock
from bashkesia.territory.models import Sector

from . import notifications
from .models import SectorChangeProposal


@transaction.atomic
def sector_change_propose(
    *, sector: Sector, proposed_by: User, text: str
) -> SectorChangeProposal:
    """Record a proposal to change ``sector``, open for the directorate.

    The caller has checked that ``proposed_by`` may propose it.
    """
    proposal = SectorChangeProposal(
        sector=sector,
        proposed_by=proposed_by,
        text=text.strip(),
        created_at=clock.now(),
    )
    proposal.full_clean()
    proposal.save()
    return proposal


@transaction.atomic
def sector_change_decide(
    *,
    proposal: SectorChangeProposal,
    decided_by: User,
    accepted: bool,
    response: str = "",
) -> SectorChangeProposal:
    """Accept or decline an open proposal, with the directorate's answer
    (required to decline: the commander reads why). The proposer is told by
    e-mail once the decision commits.

    The caller has checked that ``decided_by`` may decide; a proposal already
    decided (by someone else meanwhile, too) is refused.
    """
    proposal = SectorChangeProposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.status != SectorChangeProposal.Status.OPEN:
        raise ValidationError(
            _("This proposal was already %(status)s on %(date)s.")
            % {
                "status": proposal.get_status_display(),
                "date": date_format(
                    timezone.localtime(proposal.decided_at), "SHORT_DATE_FORMAT"
                )
                if proposal.decided_at
                else "",
            },
            code="decided",
        )
    response = response.strip()
    if not accepted and not response:
        raise ValidationError(
            {
                "response": _(
                    "Say why the proposal is declined: the commander reads it."
                )
            },
            code="required",
        )
    proposal.status = (
        SectorChangeProposal.Status.ACCEPTED
        if accepted
        else SectorChangeProposal.Status.DECLINED
    )
    proposal.decided_by = decided_by
    proposal.decided_at = clock.now()
    proposal.response = response
    proposal.full_clean()
    proposal.save()
    notifications.proposer_notify_decision(proposal=proposal)
    return proposal
