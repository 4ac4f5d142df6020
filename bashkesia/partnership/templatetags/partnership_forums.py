"""The safety forums on other pages: the forums of a sector."""

from django import template

from bashkesia.core import clock
from bashkesia.territory.models import Sector

from ..models import Forum
from ..selectors.forums import forum_list_for_sector

register = template.Library()


@register.simple_tag
def sector_forums(sector: Sector) -> list[Forum]:
    """Return the active forums of ``sector``, each with its next public
    meeting (see ``selectors.forums.forum_list_for_sector``)."""
    return forum_list_for_sector(sector=sector, now=clock.now())
