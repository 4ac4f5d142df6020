from django.urls import path

from .views import (
    alerts,
    audit,
    concerns,
    dashboard,
    events,
    forums,
    meetings,
    officers,
    priorities,
    problems,
    sectors,
    security,
    users,
)

app_name = "staff"
urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("sectors/", sectors.sector_list, name="sector-list"),
    path("sectors/<str:code>/", sectors.sector_workspace, name="sector-workspace"),
    path("sectors/<str:code>/assign/", sectors.sector_assign, name="sector-assign"),
    path(
        "sectors/<str:code>/assignments/<int:assignment_id>/end/",
        sectors.assignment_end,
        name="assignment-end",
    ),
    path("sectors/<str:code>/propose/", sectors.sector_propose, name="sector-propose"),
    path("officers/", officers.officer_list, name="officer-list"),
    path("officers/new/", officers.officer_create, name="officer-create"),
    path("officers/<str:badge>/", officers.officer_detail, name="officer-detail"),
    path("officers/<str:badge>/edit/", officers.officer_edit, name="officer-edit"),
    path(
        "officers/<str:badge>/account/",
        officers.officer_account,
        name="officer-account",
    ),
    path("audit/", audit.audit_list, name="audit"),
    path("users/", users.user_list, name="user-list"),
    path("users/new/", users.user_new, name="user-create"),
    path("users/<int:user_id>/", users.user_detail, name="user-detail"),
    path("users/<int:user_id>/roles/", users.user_role_grant, name="user-role-grant"),
    path(
        "users/<int:user_id>/roles/<int:grant_id>/revoke/",
        users.user_role_revoke,
        name="user-role-revoke",
    ),
    path("security/", security.security, name="security"),
    path(
        "security/recovery-codes/",
        security.recovery_codes,
        name="recovery-codes",
    ),
]

# Concerns (issue 5): the inbox, the figures, a concern and its actions.
CONCERN = "concerns/<str:tracking_code>/"
urlpatterns += [
    path("alerts/", alerts.alert_list, name="alert-list"),
    path("alerts/new/", alerts.alert_create, name="alert-create"),
    path("alerts/<int:pk>/withdraw/", alerts.alert_withdraw, name="alert-withdraw"),
    path("concerns/", concerns.concern_inbox, name="concern-inbox"),
    path("concerns/figures/", concerns.concern_figures, name="concern-figures"),
    path(CONCERN, concerns.concern_detail, name="concern-detail"),
    path(
        CONCERN + "acknowledge/",
        concerns.concern_acknowledge,
        name="concern-acknowledge",
    ),
    path(CONCERN + "start/", concerns.concern_start, name="concern-start"),
    path(CONCERN + "assign/", concerns.concern_assign, name="concern-assign"),
    path(CONCERN + "reply/", concerns.concern_reply, name="concern-reply"),
    path(CONCERN + "note/", concerns.concern_note, name="concern-note"),
    path(CONCERN + "resolve/", concerns.concern_resolve, name="concern-resolve"),
    path(CONCERN + "refer/", concerns.concern_refer, name="concern-refer"),
    path(
        CONCERN + "not-police/",
        concerns.concern_not_police,
        name="concern-not-police",
    ),
    path(CONCERN + "merge/", concerns.concern_merge, name="concern-merge"),
    path(CONCERN + "moderate/", concerns.concern_moderate, name="concern-moderate"),
    path(CONCERN + "publish/", concerns.concern_publish, name="concern-publish"),
    # Partnership (issue 6). Forums and KLSP requests (views/forums.py)
    # -- end of forums
    # Meetings, minutes, action items, work plans (views/meetings.py)
    # -- end of meetings
    # Community events (views/events.py)
    # -- end of events
    # Sector priorities (views/priorities.py)
    # -- end of priorities
    # Problem-solving (views/problems.py)
    # -- end of problems
]
