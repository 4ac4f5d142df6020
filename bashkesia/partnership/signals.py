"""Keep the sector answers that servers memoise current.

Signals are used only for this cache invalidation: a saved or deleted sector
priority or event gives the community data a new revision, so every server
process forgets the sector bodies it memoised (``/api/v1/locate`` carries a
sector's priorities and next event).
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from bashkesia.core.revisions import revision_bump
from bashkesia.territory.locator import COMMUNITY, locator

from .models import Event, SectorPriority


def community_changed(**kwargs) -> None:
    revision_bump(name=COMMUNITY)
    transaction.on_commit(locator.forget_memo)


for model in (SectorPriority, Event):
    post_save.connect(community_changed, sender=model, dispatch_uid=f"rev-{model}")
    post_delete.connect(community_changed, sender=model, dispatch_uid=f"del-{model}")
