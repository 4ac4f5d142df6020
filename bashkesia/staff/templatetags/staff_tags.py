"""The back office's navigation: only what the user may use."""

from django import template

from bashkesia.accounts import permissions
from bashkesia.campaigns.permissions import uses_campaigns_back_office
from bashkesia.partners.permissions import can_manage_partners
from bashkesia.strategy import permissions as strategy_permissions
from bashkesia.surveys.permissions import uses_surveys_back_office
from bashkesia.training import permissions as training_permissions

register = template.Library()


@register.inclusion_tag("staff/_nav.html", takes_context=True)
def staff_nav(context) -> dict:
    user = context["request"].user
    return {
        "request": context["request"],
        "show_sectors": permissions.has_territorial_scope(user),
        "show_officers": permissions.has_territorial_scope(user),
        "show_events": permissions.publishes_events(user),
        "show_forums": permissions.can_use_forums_back_office(user),
        "show_statistics": permissions.uses_statistics_back_office(user),
        # Issue 8, each from its app's permissions module.
        "show_partners": can_manage_partners(user),
        "show_campaigns": uses_campaigns_back_office(user),
        "show_surveys": uses_surveys_back_office(user),
        "show_training": training_permissions.can_view_training(user),
        # Editors only, from roles: reporters find their activities on the
        # dashboard (a query here would run on every back-office page).
        "show_strategy": strategy_permissions.edits_strategy(user),
        "show_audit": permissions.can_view_audit(user),
        "show_users": permissions.can_manage_users(user),
        "show_admin": permissions.can_use_admin(user),
    }
