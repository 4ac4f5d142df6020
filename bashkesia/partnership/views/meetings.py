"""Public pages of a forum's meetings, and their record as PDF."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from ..models import Meeting
from ..pdf import meeting_record_filename, meeting_record_pdf
from ..selectors import meetings as selectors


@require_GET
def meeting_detail(request: HttpRequest, forum_pk: int, pk: int) -> HttpResponse:
    meeting = selectors.meeting_get_public(forum_pk=forum_pk, pk=pk)
    record = selectors.meeting_record(meeting=meeting)
    upcoming = meeting.status == Meeting.Status.SCHEDULED
    context = {
        "meeting": meeting,
        "forum": meeting.forum,
        "record": record,
        "event": selectors.meeting_event(meeting=meeting) if upcoming else None,
    }
    return render(request, "partnership/meetings/detail.html", context)


@require_GET
@never_cache
def meeting_pdf(request: HttpRequest, forum_pk: int, pk: int) -> HttpResponse:
    meeting = selectors.meeting_get_public(forum_pk=forum_pk, pk=pk)
    record = selectors.meeting_record(meeting=meeting)
    response = HttpResponse(meeting_record_pdf(record), content_type="application/pdf")
    filename = meeting_record_filename(meeting)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
