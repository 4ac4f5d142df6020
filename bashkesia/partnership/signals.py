"""Keep the sector answers that servers memoise current.

Signals are used only for this cache invalidation: a saved or deleted sector
priority or event gives the community data a new revision, so every server
process forgets the sector bodies it memoised (``/api/v1/locate`` carries a
sector's priorities and next event). So does a forum's change: its status
decides whether the public sees its meetings, and its area which sectors they
concern.
"""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from bashkesia.core.revisions import revision_bump
from bashkesia.territory.locator import COMMUNITY, locator

from .models import Event, Forum, SectorPriority


def community_changed(**kwargs) -> None:
    revision_bump(name=COMMUNITY)
    transaction.on_commit(locator.forget_memo)


def area_changed(*, action: str, **kwargs) -> None:
    if action in ("post_add", "post_remove", "post_clear"):
        community_changed()


for model in (SectorPriority, Event, Forum):
    post_save.connect(community_changed, sender=model, dispatch_uid=f"rev-{model}")
    post_delete.connect(community_changed, sender=model, dispatch_uid=f"del-{model}")
for area in (Forum.sectors.through, Forum.settlements.through):
    m2m_changed.connect(area_changed, sender=area, dispatch_uid=f"area-{area}")
