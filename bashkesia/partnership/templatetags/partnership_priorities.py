"""The "you said, we did" box of a sector's public page."""

from django import template

from bashkesia.territory.models import Sector

from ..selectors.priorities import priority_list_current

register = template.Library()


@register.inclusion_tag("partnership/priorities/_sector.html")
def sector_priorities(sector: Sector) -> dict:
    """Render the sector's current priorities, each with what was done."""
    return {"sector": sector, "priorities": priority_list_current(sector=sector)}
