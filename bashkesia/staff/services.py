"""Every write the back office makes of its own records."""

from django.contrib.auth.models import User
from django.db import transaction

from bashkesia.core import clock
from bashkesia.territory.models import Sector

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
