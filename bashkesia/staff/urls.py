from django.urls import path

from .views import audit, dashboard, officers, sectors, security, users

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
