"""Keep the in-process sector locator and its caches current.

Signals are used only for this cache invalidation: any saved or deleted
territory or officer row gives the territory a new revision, so every server
process rebuilds its locator and the responses it memoised.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from bashkesia.core.revisions import revision_bump

from .locator import TERRITORY, locator
from .models import Municipality, Region, Sector, Station


def territory_changed(**kwargs) -> None:
    revision_bump(name=TERRITORY)
    transaction.on_commit(locator.invalidate)


for model in (Region, Municipality, Station, Sector):
    post_save.connect(territory_changed, sender=model, dispatch_uid=f"rev-{model}")
    post_delete.connect(territory_changed, sender=model, dispatch_uid=f"del-{model}")
