"""The events calendar on other pages: a sector's next events."""

from django import template
from django.urls import reverse
from django.utils.translation import get_language

from bashkesia.territory.models import Sector

from ..selectors.events import event_list_next_in_sector

register = template.Library()


@register.inclusion_tag("partnership/events/_sector_events.html")
def sector_next_events(sector: Sector, limit: int = 3) -> dict:
    """Show the sector's next events (see ``selectors.events`` for which),
    with links to all of them and to the sector's iCalendar feed."""
    feed = reverse("events-ical-sector", args=[sector.code])
    return {
        "sector": sector,
        "events": event_list_next_in_sector(sector=sector, limit=limit),
        "feed_url": f"{feed}?lang={get_language()}",
    }
