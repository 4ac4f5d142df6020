"""Officer changes alter what the locator's memoised responses show."""

from django.db.models.signals import post_delete, post_save

from bashkesia.territory.signals import territory_changed

from .models import Officer, SectorAssignment

for model in (Officer, SectorAssignment):
    post_save.connect(territory_changed, sender=model, dispatch_uid=f"rev-{model}")
    post_delete.connect(territory_changed, sender=model, dispatch_uid=f"del-{model}")
