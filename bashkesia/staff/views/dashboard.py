"""The dashboard: the user's roles and scope at a glance."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from bashkesia.accounts import permissions
from bashkesia.accounts.decorators import staff_view
from bashkesia.accounts.permissions import can_review_sector_proposals
from bashkesia.concerns import staff_selectors as concern_selectors
from bashkesia.core import clock
from bashkesia.stats import staff_selectors as statistics_selectors
from bashkesia.strategy import selectors as strategy_selectors

from .. import selectors

DASHBOARD_SECTORS = 12
DASHBOARD_PROPOSALS = 20
DASHBOARD_ACTIVITIES = 10


@staff_view
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    user = request.user
    sectors = selectors.sector_list_for_user(user=user)
    own_officer = selectors.officer_of_user(user=user)
    context = {
        "grants": permissions.grants(user),
        "territorial": permissions.has_territorial_scope(user),
        "sectors": sectors[:DASHBOARD_SECTORS],
        "sector_count": sectors.count(),
        "officer_count": permissions.officers_in_scope(user).count(),
        "stations": selectors.station_figures(user=user),
        "own_officer": own_officer,
        "can_edit_own_profile": own_officer is not None
        and permissions.can_edit_officer_profile(user, own_officer),
        "proposals": (
            selectors.proposal_list_open()[:DASHBOARD_PROPOSALS]
            if can_review_sector_proposals(user)
            else None
        ),
    }
    # Concerns (issue 5): the counts needing attention, None without a scope.
    context["concern_attention"] = concern_selectors.concern_attention(
        user=user, now=clock.now()
    )
    # Daily statistics (issue 7): days to enter and days to confirm.
    if permissions.uses_statistics_back_office(user):
        context["statistics_missing"] = len(
            statistics_selectors.days_not_entered(user=user)
        )
        context["statistics_awaiting"] = (
            statistics_selectors.days_awaiting_confirmation(user=user).count()
        )
    # The strategy (issue 8): the activities the user reports on.
    context["reported_activities"] = list(
        strategy_selectors.activity_list_reported_by(user=user)[:DASHBOARD_ACTIVITIES]
    )
    return render(request, "staff/dashboard.html", context)
