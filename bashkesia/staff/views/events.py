"""Back office: community events on the public calendar.

Those who act in a sector (``sectors_acted_in``: its officers and leader,
the station commander, directorate staff) publish, change and cancel its
community events. Forum meetings reach the calendar from their meeting and
are only listed here.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from bashkesia.accounts import permissions
from bashkesia.accounts.decorators import staff_view
from bashkesia.core import clock
from bashkesia.partnership.event_forms import EventForm
from bashkesia.partnership.models import Event
from bashkesia.partnership.selectors import events as selectors
from bashkesia.partnership.services import events as services

from .common import form_errors_from, paginate


def _sectors(request: HttpRequest):
    """Return the sectors where the user publishes events; 403 if none."""
    sectors = (
        permissions.sectors_acted_in(request.user)
        .select_related("municipality")
        .defer("boundary", "municipality__boundary")
        .order_by("code")
    )
    if not sectors.exists():
        raise PermissionDenied
    return sectors


@staff_view
@require_GET
def event_list(request: HttpRequest) -> HttpResponse:
    _sectors(request)
    past = request.GET.get("past") == "1"
    events = selectors.event_list_for_staff(user=request.user, past=past)
    return render(
        request,
        "staff/events/list.html",
        {"page_obj": paginate(request, events), "past": past, "now": clock.now()},
    )


@staff_view
@require_http_methods(["GET", "POST"])
def event_create(request: HttpRequest) -> HttpResponse:
    sectors = _sectors(request)
    form = EventForm(
        request.POST if request.method == "POST" else None,
        sectors=sectors,
        initial={"sector": request.GET.get("sector", "").upper() or None},
    )
    context = {"form": form, "event": None}
    if request.method == "GET":
        return render(request, "staff/events/form.html", context)
    if not form.is_valid():
        return render(request, "staff/events/form.html", context, status=400)
    try:
        event = services.event_create(by=request.user, **form.cleaned_data)
    except ValidationError as error:
        form_errors_from(form, error)
        return render(request, "staff/events/form.html", context, status=400)
    messages.success(
        request,
        _("“%(title)s” is on the public calendar.") % {"title": event.title},
    )
    return redirect("staff:event-list")


def _locked(request: HttpRequest, event: Event) -> HttpResponse | None:
    """Return the page that says why ``event`` cannot change here, if so."""
    if event.kind == Event.Kind.FORUM_MEETING:
        reason = _("This event is a forum meeting: change the meeting instead.")
    elif event.is_cancelled:
        reason = _("This event was cancelled; it can no longer change.")
    else:
        return None
    return render(
        request,
        "staff/events/locked.html",
        {"event": event, "reason": reason},
        status=400 if request.method == "POST" else 200,
    )


@staff_view
@require_http_methods(["GET", "POST"])
def event_edit(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.event_get_for_staff(user=request.user, pk=pk)
    locked = _locked(request, event)
    if locked is not None:
        return locked
    form = EventForm(
        request.POST if request.method == "POST" else None,
        sectors=_sectors(request),
        initial=EventForm.initial_from(event),
    )
    context = {"form": form, "event": event}
    if request.method == "GET":
        return render(request, "staff/events/form.html", context)
    if not form.is_valid():
        return render(request, "staff/events/form.html", context, status=400)
    try:
        event = services.event_update(event=event, by=request.user, **form.cleaned_data)
    except ValidationError as error:
        form_errors_from(form, error)
        return render(request, "staff/events/form.html", context, status=400)
    messages.success(
        request,
        _("“%(title)s” was changed; subscribed calendars will follow.")
        % {"title": event.title},
    )
    return redirect("staff:event-list")


@staff_view
@require_http_methods(["GET", "POST"])
def event_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.event_get_for_staff(user=request.user, pk=pk)
    locked = _locked(request, event)
    if locked is not None:
        return locked
    context = {"event": event, "error": None}
    if request.method == "GET":
        return render(request, "staff/events/cancel.html", context)
    try:
        services.event_cancel(event=event, by=request.user)
    except ValidationError as error:
        context["error"] = " ".join(error.messages)
        return render(request, "staff/events/cancel.html", context, status=400)
    messages.success(
        request,
        _("“%(title)s” is cancelled; the calendar says so until the day passes.")
        % {"title": event.title},
    )
    return redirect("staff:event-list")
