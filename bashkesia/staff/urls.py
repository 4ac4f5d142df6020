from django.urls import path

from .views import (
    alerts,
    audit,
    campaigns,
    concerns,
    dashboard,
    events,
    forums,
    meetings,
    officers,
    partners,
    priorities,
    problems,
    proposals,
    sectors,
    security,
    statistics,
    strategy,
    strategy_import,
    surveys,
    training,
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
    path("proposals/", proposals.proposal_list, name="proposal-list"),
    path(
        "proposals/<int:pk>/decide/",
        proposals.proposal_decide,
        name="proposal-decide",
    ),
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
    path("forums/", forums.forum_list, name="forum-list"),
    path("forums/propose/", forums.klsp_propose, name="klsp-propose"),
    path("forums/new/", forums.forum_create, name="forum-create"),
    path("forums/<int:pk>/", forums.forum_detail, name="forum-detail"),
    path(
        "forums/<int:pk>/station-decision/",
        forums.forum_station_decide,
        name="forum-station-decide",
    ),
    path(
        "forums/<int:pk>/final-decision/",
        forums.forum_final_decide,
        name="forum-final-decide",
    ),
    path("forums/<int:pk>/dissolve/", forums.forum_dissolve, name="forum-dissolve"),
    path("forums/<int:pk>/edit/", forums.forum_edit, name="forum-edit"),
    path(
        "forums/<int:pk>/members/new/",
        forums.member_add,
        name="forum-member-add",
    ),
    path(
        "forums/<int:pk>/members/<int:member_pk>/edit/",
        forums.member_edit,
        name="forum-member-edit",
    ),
    path(
        "forums/<int:pk>/members/<int:member_pk>/end/",
        forums.member_end,
        name="forum-member-end",
    ),
    # -- end of forums
    # Meetings, minutes, action items, work plans (views/meetings.py)
    path("forums/<int:pk>/meetings/", meetings.forum_meetings, name="forum-meetings"),
    path("forums/<int:pk>/actions/", meetings.forum_actions, name="forum-actions"),
    path(
        "forums/<int:pk>/work-plans/",
        meetings.forum_work_plans,
        name="forum-work-plans",
    ),
    path("meetings/<int:pk>/", meetings.meeting_detail, name="meeting-detail"),
    path("meetings/<int:pk>/record.pdf", meetings.meeting_pdf, name="meeting-pdf"),
    path("meetings/<int:pk>/edit/", meetings.meeting_edit, name="meeting-edit"),
    path("meetings/<int:pk>/cancel/", meetings.meeting_cancel, name="meeting-cancel"),
    path("meetings/<int:pk>/held/", meetings.meeting_held, name="meeting-held"),
    path(
        "meetings/<int:pk>/attendance/",
        meetings.meeting_attendance,
        name="meeting-attendance",
    ),
    path("meetings/<int:pk>/minutes/", meetings.minutes_draft, name="meeting-minutes"),
    path(
        "meetings/<int:pk>/minutes/approve/",
        meetings.minutes_approve,
        name="meeting-minutes-approve",
    ),
    path(
        "meetings/<int:pk>/minutes/correct/",
        meetings.minutes_correct,
        name="meeting-minutes-correct",
    ),
    path(
        "meetings/<int:pk>/recommendations/",
        meetings.recommendation_add,
        name="meeting-recommendation",
    ),
    path(
        "meetings/<int:pk>/actions/",
        meetings.meeting_action_item,
        name="meeting-action-item",
    ),
    path(
        "meetings/<int:pk>/security-report/",
        meetings.security_report,
        name="meeting-security-report",
    ),
    path(
        "actions/<int:pk>/update/",
        meetings.action_item_update,
        name="action-item-update",
    ),
    path(
        "work-plans/<int:pk>/adopt/",
        meetings.work_plan_adopt,
        name="work-plan-adopt",
    ),
    path("work-plans/<int:pk>/items/", meetings.work_plan_item, name="work-plan-item"),
    # -- end of meetings
    # Community events (views/events.py)
    path("events/", events.event_list, name="event-list"),
    path("events/new/", events.event_create, name="event-create"),
    path("events/<int:pk>/edit/", events.event_edit, name="event-edit"),
    path("events/<int:pk>/cancel/", events.event_cancel, name="event-cancel"),
    # -- end of events
    # Sector priorities (views/priorities.py)
    path("priorities/", priorities.priority_list, name="priority-list"),
    path("priorities/new/", priorities.priority_create, name="priority-create"),
    path("priorities/<int:pk>/", priorities.priority_detail, name="priority-detail"),
    path("priorities/<int:pk>/edit/", priorities.priority_edit, name="priority-edit"),
    path(
        "priorities/<int:pk>/action/",
        priorities.priority_record_action,
        name="priority-action",
    ),
    path(
        "priorities/<int:pk>/close/", priorities.priority_close, name="priority-close"
    ),
    # -- end of priorities
    # Problem-solving (views/problems.py)
    path("problems/", problems.problem_list, name="problem-list"),
    path("problems/new/", problems.problem_create, name="problem-create"),
    path("problems/<int:pk>/", problems.problem_detail, name="problem-detail"),
    path("problems/<int:pk>/edit/", problems.problem_edit, name="problem-edit"),
    path(
        "problems/<int:pk>/advance/", problems.problem_advance, name="problem-advance"
    ),
    path(
        "problems/<int:pk>/actions/",
        problems.problem_action_add,
        name="problem-action-add",
    ),
    path(
        "problems/<int:pk>/actions/<int:action_id>/",
        problems.problem_action_edit,
        name="problem-action-edit",
    ),
    path(
        "problems/<int:pk>/publish/", problems.problem_publish, name="problem-publish"
    ),
    # -- end of problems
]

# General statistics (issue 7, views/statistics.py)
urlpatterns += [
    path("statistics/", statistics.statistics_list, name="statistics-list"),
    path("statistics/new/", statistics.statistics_enter, name="statistics-enter"),
    path("statistics/import/", statistics.statistics_import, name="statistics-import"),
    path(
        "statistics/confirm/",
        statistics.statistics_confirm_many,
        name="statistics-confirm-many",
    ),
    path(
        "statistics/<int:pk>/",
        statistics.statistics_detail,
        name="statistics-detail",
    ),
    path(
        "statistics/<int:pk>/correct/",
        statistics.statistics_correct,
        name="statistics-correct",
    ),
    path(
        "statistics/<int:pk>/confirm/",
        statistics.statistics_confirm,
        name="statistics-confirm",
    ),
]

# Issue 8: each block is its feature's (views/<feature>.py); keep them apart.
# Partners (views/partners.py)
urlpatterns += [
    path("partners/", partners.partner_list, name="partner-list"),
    path("partners/new/", partners.partner_create, name="partner-create"),
    path("partners/<slug:slug>/edit/", partners.partner_edit, name="partner-edit"),
    path(
        "partners/<slug:slug>/deactivate/",
        partners.partner_deactivate,
        name="partner-deactivate",
    ),
    path(
        "partners/<slug:slug>/reactivate/",
        partners.partner_reactivate,
        name="partner-reactivate",
    ),
]
# Campaigns (views/campaigns.py)
CAMPAIGN = "campaigns/<slug:slug>/"
urlpatterns += [
    path("campaigns/", campaigns.campaign_list, name="campaign-list"),
    path("campaigns/new/", campaigns.campaign_create, name="campaign-create"),
    path(CAMPAIGN, campaigns.campaign_detail, name="campaign-detail"),
    path(CAMPAIGN + "edit/", campaigns.campaign_edit, name="campaign-edit"),
    path(CAMPAIGN + "publish/", campaigns.campaign_publish, name="campaign-publish"),
    path(
        CAMPAIGN + "unpublish/",
        campaigns.campaign_unpublish,
        name="campaign-unpublish",
    ),
    path(CAMPAIGN + "materials/", campaigns.material_add, name="campaign-material-add"),
    path(
        CAMPAIGN + "materials/<int:pk>/remove/",
        campaigns.material_remove,
        name="campaign-material-remove",
    ),
    path(CAMPAIGN + "reach/", campaigns.reach_add, name="campaign-reach-add"),
    path(
        CAMPAIGN + "reach/<int:pk>/remove/",
        campaigns.reach_remove,
        name="campaign-reach-remove",
    ),
]
# Surveys of safety and trust (views/surveys.py)
urlpatterns += [
    path("surveys/", surveys.survey_list, name="survey-list"),
    path("surveys/new/", surveys.survey_create, name="survey-create"),
    path("surveys/<int:pk>/", surveys.survey_detail, name="survey-detail"),
    path("surveys/<int:pk>/edit/", surveys.survey_edit, name="survey-edit"),
    path("surveys/<int:pk>/publish/", surveys.survey_publish, name="survey-publish"),
    path("surveys/<int:pk>/close/", surveys.survey_close, name="survey-close"),
    path("surveys/<int:pk>/responses.csv", surveys.survey_export, name="survey-export"),
]
# Training (views/training.py)
urlpatterns += [
    path("training/", training.training_home, name="training-home"),
    path(
        "training/courses/new/", training.course_create, name="training-course-create"
    ),
    path(
        "training/courses/<str:code>/edit/",
        training.course_edit,
        name="training-course-edit",
    ),
    path(
        "training/sessions/new/",
        training.session_create,
        name="training-session-create",
    ),
    path(
        "training/sessions/<int:pk>/", training.session_detail, name="training-session"
    ),
    path(
        "training/sessions/<int:pk>/edit/",
        training.session_edit,
        name="training-session-edit",
    ),
    path(
        "training/sessions/<int:pk>/cancel/",
        training.session_cancel,
        name="training-session-cancel",
    ),
    path(
        "training/sessions/<int:pk>/enrol/",
        training.session_enrol,
        name="training-session-enrol",
    ),
    path(
        "training/sessions/<int:pk>/certificates/",
        training.certificates_issue_all,
        name="training-certificates-issue-all",
    ),
    path(
        "training/enrolments/<int:pk>/attendance/",
        training.enrolment_attendance,
        name="training-enrolment-attendance",
    ),
    path(
        "training/enrolments/<int:pk>/complete/",
        training.enrolment_complete,
        name="training-enrolment-complete",
    ),
    path(
        "training/enrolments/<int:pk>/withdraw/",
        training.enrolment_withdraw,
        name="training-enrolment-withdraw",
    ),
    path(
        "training/enrolments/<int:pk>/certificate/",
        training.certificate_issue,
        name="training-certificate-issue",
    ),
    path(
        "training/certificates/<str:code>/",
        training.certificate_detail,
        name="training-certificate",
    ),
    path(
        "training/certificates/<str:code>/certificate.pdf",
        training.certificate_download,
        name="training-certificate-pdf",
    ),
    path(
        "training/certificates/<str:code>/revoke/",
        training.certificate_revoke,
        name="training-certificate-revoke",
    ),
]
# Strategy import (views/strategy_import.py), ahead of strategy/<slug>/.
urlpatterns += [
    path(
        "strategy/import/",
        strategy_import.strategy_import,
        name="strategy-import",
    ),
    path(
        "strategy/import/template.xlsx",
        strategy_import.strategy_import_template,
        name="strategy-import-template",
    ),
]
# Strategy and action plan (views/strategy.py)
urlpatterns += [
    path("strategy/", strategy.strategy_home, name="strategy-home"),
    path("strategy/new/", strategy.strategy_create, name="strategy-create"),
    path(
        "strategy/objectives/<int:pk>/edit/",
        strategy.objective_edit,
        name="strategy-objective-edit",
    ),
    path(
        "strategy/objectives/<int:pk>/sub-objectives/new/",
        strategy.sub_objective_create,
        name="strategy-subobjective-create",
    ),
    path(
        "strategy/sub-objectives/<int:pk>/edit/",
        strategy.sub_objective_edit,
        name="strategy-subobjective-edit",
    ),
    path(
        "strategy/sub-objectives/<int:pk>/activities/new/",
        strategy.activity_create,
        name="strategy-activity-create",
    ),
    path(
        "strategy/activities/<int:pk>/",
        strategy.activity_report,
        name="strategy-activity",
    ),
    path(
        "strategy/activities/<int:pk>/edit/",
        strategy.activity_edit,
        name="strategy-activity-edit",
    ),
    path(
        "strategy/<str:kind>/<int:pk>/indicators/new/",
        strategy.indicator_create,
        name="strategy-indicator-create",
    ),
    path(
        "strategy/indicators/<int:pk>/",
        strategy.indicator_detail,
        name="strategy-indicator",
    ),
    path(
        "strategy/indicators/<int:pk>/edit/",
        strategy.indicator_edit,
        name="strategy-indicator-edit",
    ),
    path(
        "strategy/measurements/<int:pk>/delete/",
        strategy.measurement_delete,
        name="strategy-measurement-delete",
    ),
    path("strategy/<slug:slug>/", strategy.strategy_detail, name="strategy-detail"),
    path("strategy/<slug:slug>/edit/", strategy.strategy_edit, name="strategy-edit"),
    path(
        "strategy/<slug:slug>/objectives/new/",
        strategy.objective_create,
        name="strategy-objective-create",
    ),
    path(
        "strategy/<slug:slug>/recalculate/",
        strategy.strategy_recalculate,
        name="strategy-recalculate",
    ),
]
