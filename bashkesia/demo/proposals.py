"""Demo sector change proposals: the Prizren commander's, two open for the
directorate to decide and one it accepted, so that both sides of the page
have something to show.

``demo_proposals_load()`` adds them once (when the commander has none) and
returns how many it added. Made up, like every demo record.
"""

from django.contrib.auth import get_user_model
from django.db import transaction

from bashkesia.core import clock
from bashkesia.staff import services
from bashkesia.staff.models import SectorChangeProposal
from bashkesia.territory.models import Sector

# (sector, proposal, the directorate's answer or "" for open)
PROPOSALS = [
    (
        "PRZ-02",
        "Lagjja e re pranë lumit Bistrica i përket më shumë sektorit PRZ-03: "
        "patrullat arrijnë atje më shpejt nga ana tjetër e urës. (demo)",
        "",
    ),
    (
        "PRZ-05",
        "Sektori ka vetëm një zyrtar që nga pensionimi i kolegut; propozojmë "
        "një zyrtar të dytë për sezonin turistik. (demo)",
        "",
    ),
    (
        "PRZ-01",
        "Emri i sektorit të shkruhet edhe me emrin e lagjes, siç e njohin "
        "banorët. (demo)",
        "Pranohet: emri ndryshohet në administratë këtë javë. (demo)",
    ),
]


@transaction.atomic
def demo_proposals_load() -> int:
    users = get_user_model().objects
    commander = users.filter(username="commander").first()
    directorate = users.filter(username="directorate").first()
    if commander is None or directorate is None:
        return 0
    if SectorChangeProposal.objects.filter(proposed_by=commander).exists():
        return 0
    sectors = Sector.objects.defer("boundary").in_bulk(
        [code for code, _text, _answer in PROPOSALS], field_name="code"
    )
    added = 0
    for code, text, answer in PROPOSALS:
        if code not in sectors:
            continue
        proposal = services.sector_change_propose(
            sector=sectors[code], proposed_by=commander, text=text
        )
        if answer:
            # Written directly, not through sector_change_decide: loading
            # the demo e-mails nobody.
            proposal.status = SectorChangeProposal.Status.ACCEPTED
            proposal.decided_by = directorate
            proposal.decided_at = clock.now()
            proposal.response = answer
            proposal.full_clean()
            proposal.save()
        added += 1
    return added
