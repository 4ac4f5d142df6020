from django.urls import path

from .views import events, forums, meetings, priorities, requests

app_name = "partnership"
urlpatterns = [
    # Forums (views/forums.py)
    path("forums/", forums.forum_list, name="forum-list"),
    path(
        "forums/representation/",
        forums.representation,
        name="representation",
    ),
    path("forums/<int:pk>/", forums.forum_detail, name="forum"),
    # -- end of forums
    # KLSP requests (views/requests.py)
    path("forums/request/", requests.request_new, name="request-new"),
    path(
        "forums/request/settlements/",
        requests.request_settlements,
        name="request-settlements",
    ),
    path("forums/requests/", requests.request_lookup, name="request-lookup"),
    path(
        "forums/requests/<str:code>/",
        requests.request_track,
        name="request-track",
    ),
    # -- end of requests
    # Meetings (views/meetings.py)
    path(
        "forums/<int:forum_pk>/meetings/<int:pk>/",
        meetings.meeting_detail,
        name="meeting",
    ),
    path(
        "forums/<int:forum_pk>/meetings/<int:pk>/record.pdf",
        meetings.meeting_pdf,
        name="meeting-pdf",
    ),
    # -- end of meetings
    # Events (views/events.py)
    path("events/", events.event_list, name="event-list"),
    path("events/<int:pk>/", events.event_detail, name="event"),
    # -- end of events
    # Priorities (views/priorities.py)
    path(
        "sectors/<str:code>/priorities/",
        priorities.sector_priorities,
        name="sector-priorities",
    ),
    # -- end of priorities
]
