from django.urls import path

from .views import events, forums, meetings, requests

app_name = "partnership"
urlpatterns = [
    # Forums (views/forums.py)
    # -- end of forums
    # KLSP requests (views/requests.py)
    # -- end of requests
    # Meetings (views/meetings.py)
    # -- end of meetings
    # Events (views/events.py)
    # -- end of events
]
