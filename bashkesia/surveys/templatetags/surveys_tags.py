"""The invitation to answer a survey, on the sector's page."""

from django import template

from bashkesia.surveys.selectors import survey_open_for_sector

register = template.Library()


@register.inclusion_tag("surveys/_invitation.html")
def survey_invitation(sector) -> dict:
    return {"survey": survey_open_for_sector(sector=sector)}
