"""Back office: meetings, attendance, minutes, action items, work plans.

Everyone with the forum in scope (``permissions.forums_in_scope``) reads its
record; its secretary or chair keeps it (``can_keep_forum_record``); the
commander of its station files a KKSB's security reports. Every action posts
to its own address, calls one service and comes back with a message; what a
service refuses answers 400 with the service's own words.
"""

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from bashkesia.accounts import permissions
from bashkesia.accounts.decorators import staff_view
from bashkesia.core import clock
from bashkesia.partnership import meeting_forms as mf
from bashkesia.partnership.models import (
    ActionItem,
    Forum,
    ForumKind,
    ForumStatus,
    Meeting,
    Minutes,
    WorkPlan,
)
from bashkesia.partnership.pdf import meeting_record_filename, meeting_record_pdf
from bashkesia.partnership.selectors import meetings as selectors
from bashkesia.partnership.selectors.forums import forum_get_for_user
from bashkesia.partnership.services import meetings as services

from .common import form_errors_from, paginate

Perform = Callable[[Meeting, dict], str]


def _forum_public(forum: Forum) -> bool:
    return forum.status in (ForumStatus.ACTIVE, ForumStatus.DISSOLVED)


def _meeting_values(data: dict) -> dict:
    return {
        name: data[name]
        for name in (
            "title",
            "starts_at",
            "ends_at",
            "place",
            "online_link",
            "is_public",
            "agenda",
        )
    }


def _pdf_response(record: selectors.MeetingRecord) -> HttpResponse:
    response = HttpResponse(meeting_record_pdf(record), content_type="application/pdf")
    filename = meeting_record_filename(record.meeting)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# A forum's meetings


def _meetings_page(
    request: HttpRequest,
    forum: Forum,
    *,
    form: mf.MeetingForm | None = None,
    status: int = 200,
) -> HttpResponse:
    can_keep = permissions.can_keep_forum_record(request.user, forum)
    can_schedule = can_keep and forum.status == ForumStatus.ACTIVE
    if can_schedule and form is None:
        form = mf.MeetingForm(initial={"is_public": True}, prefix="schedule")
    context = {
        "forum": forum,
        "page_obj": paginate(request, selectors.meeting_list_for_forum(forum=forum)),
        "form": form if can_schedule else None,
        "can_keep": can_keep,
        "now": clock.now(),
    }
    return render(request, "staff/meetings/forum_meetings.html", context, status=status)


@staff_view
@require_http_methods(["GET", "POST"])
def forum_meetings(request: HttpRequest, pk: int) -> HttpResponse:
    forum = forum_get_for_user(user=request.user, pk=pk)
    if request.method == "GET":
        return _meetings_page(request, forum)
    if not permissions.can_keep_forum_record(request.user, forum):
        raise PermissionDenied(_("You do not keep the record of this forum."))
    form = mf.MeetingForm(request.POST, prefix="schedule")
    if form.is_valid():
        try:
            meeting, warning = services.meeting_schedule(
                forum=forum, by=request.user, **_meeting_values(form.cleaned_data)
            )
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(
                request,
                _("The meeting “%(title)s” is scheduled.") % {"title": meeting.title},
            )
            if warning:
                messages.warning(request, warning)
            return redirect("staff:meeting-detail", pk=meeting.pk)
    return _meetings_page(request, forum, form=form, status=400)


# One meeting


def _action_form(
    request: HttpRequest, meeting: Meeting, action: str, data=None
) -> forms.Form:
    """Return the form of ``action`` on ``meeting`` (bound when ``data``)."""
    prefix = {"prefix": action}
    if action == "edit":
        initial = mf.MeetingForm.initial_for(meeting) if data is None else None
        return mf.MeetingForm(data, initial=initial, **prefix)
    if action == "cancel":
        return mf.CancelForm(data, **prefix)
    if action == "held":
        return mf.HeldForm(data, **prefix)
    if action == "attendance":
        initial = mf.AttendanceForm.initial_for(meeting) if data is None else None
        return mf.AttendanceForm(
            data,
            initial=initial,
            members=selectors.membership_list_for_attendance(meeting=meeting),
            **prefix,
        )
    if action == "minutes":
        draft = selectors.minutes_draft_of(meeting=meeting)
        initial = {"text": draft.text} if draft and data is None else None
        return mf.MinutesDraftForm(data, initial=initial, **prefix)
    if action == "approve":
        return mf.MinutesApproveForm(
            data,
            meetings=selectors.meeting_list_for_approval(meeting=meeting),
            **prefix,
        )
    if action == "correct":
        approved = selectors.minutes_latest_approved(meeting=meeting)
        initial = {"text": approved.text} if approved and data is None else None
        return mf.MinutesCorrectForm(data, initial=initial, **prefix)
    if action == "recommendation":
        return mf.RecommendationForm(data, **prefix)
    if action == "action":
        return mf.ActionItemForm(
            data,
            recommendations=selectors.recommendation_list(meeting=meeting),
            **prefix,
        )
    if action == "report":
        initial = {"text": meeting.security_report} if data is None else None
        return mf.SecurityReportForm(data, initial=initial, **prefix)
    raise ValueError(action)


ACTIONS = [
    "edit",
    "cancel",
    "held",
    "attendance",
    "minutes",
    "approve",
    "correct",
    "recommendation",
    "action",
    "report",
]


def _available(
    request: HttpRequest, meeting: Meeting, versions: list[Minutes]
) -> dict[str, bool]:
    """Return which action forms the user is offered on ``meeting`` now."""
    user, forum = request.user, meeting.forum
    keep = permissions.can_keep_forum_record(user, forum)
    scheduled = meeting.status == Meeting.Status.SCHEDULED
    held = meeting.status == Meeting.Status.HELD
    draft = next((m for m in versions if m.status == Minutes.Status.DRAFT), None)
    latest = versions[0] if versions else None
    return {
        "edit": keep and meeting.status != Meeting.Status.CANCELLED,
        "cancel": keep and scheduled,
        "held": keep and scheduled and meeting.starts_at <= clock.now(),
        "attendance": keep and held,
        "minutes": keep and held and (latest is None or draft is not None),
        "approve": keep
        and draft is not None
        and selectors.meeting_list_for_approval(meeting=meeting).exists(),
        "correct": keep
        and latest is not None
        and latest.status == Minutes.Status.APPROVED,
        "recommendation": keep and held,
        "action": keep and held,
        "report": forum.kind == ForumKind.KKSB
        and meeting.status != Meeting.Status.CANCELLED
        and permissions.can_file_security_report(user, forum),
    }


def _detail(
    request: HttpRequest,
    meeting: Meeting,
    *,
    bound: tuple[str, forms.Form] | None = None,
    status: int = 200,
) -> HttpResponse:
    """Render the record of ``meeting`` (already permission-checked) with the
    forms the user may use; ``bound`` keeps a posted form with its errors."""
    versions = selectors.minutes_list(meeting=meeting)
    available = _available(request, meeting, versions)
    if bound:
        available[bound[0]] = True
    action_forms = {
        action: _action_form(request, meeting, action)
        for action, shown in available.items()
        if shown
    }
    if bound:
        action_forms[bound[0]] = bound[1]
    forum = meeting.forum
    context = {
        "meeting": meeting,
        "forum": forum,
        "record": selectors.meeting_record(meeting=meeting, staff=True),
        "versions": versions,
        "forms": action_forms,
        "available": available,
        "public_page": meeting.is_public and _forum_public(forum),
        "is_kksb": forum.kind == ForumKind.KKSB,
    }
    return render(request, "staff/meetings/detail.html", context, status=status)


@staff_view
@require_GET
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_get_for_user(user=request.user, pk=pk)
    return _detail(request, meeting)


@staff_view
@require_GET
@never_cache
def meeting_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_get_for_user(user=request.user, pk=pk)
    return _pdf_response(selectors.meeting_record(meeting=meeting, staff=True))


def _act(request: HttpRequest, pk: int, action: str, perform: Perform) -> HttpResponse:
    """Check the user may take ``action`` on the meeting, validate its form,
    and call ``perform(meeting, cleaned_data)``, which calls one service and
    returns the message of success."""
    meeting = selectors.meeting_get_for_user(user=request.user, pk=pk)
    forum = meeting.forum
    if action == "report":
        if not permissions.can_file_security_report(request.user, forum):
            raise PermissionDenied(
                _(
                    "Only the commander of this forum's station files its "
                    "security report."
                )
            )
    elif not permissions.can_keep_forum_record(request.user, forum):
        raise PermissionDenied(_("You do not keep the record of this forum."))
    form = _action_form(request, meeting, action, request.POST)
    if form.is_valid():
        try:
            message = perform(meeting, form.cleaned_data)
        except ValidationError as error:
            form_errors_from(
                form,
                error,
                {"members_present": "members"},
            )
        else:
            messages.success(request, message)
            return redirect("staff:meeting-detail", pk=meeting.pk)
    return _detail(request, meeting, bound=(action, form), status=400)


@staff_view
@require_POST
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    def perform(meeting: Meeting, data: dict) -> str:
        meeting, warning = services.meeting_update(
            meeting=meeting, by=request.user, **_meeting_values(data)
        )
        if warning:
            messages.warning(request, warning)
        return _("The meeting is saved.")

    return _act(request, pk, "edit", perform)


@staff_view
@require_POST
def meeting_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    def perform(meeting: Meeting, data: dict) -> str:
        services.meeting_cancel(meeting=meeting, reason=data["reason"], by=request.user)
        return _("The meeting is cancelled.")

    return _act(request, pk, "cancel", perform)


@staff_view
@require_POST
def meeting_held(request: HttpRequest, pk: int) -> HttpResponse:
    def perform(meeting: Meeting, data: dict) -> str:
        services.meeting_mark_held(meeting=meeting, by=request.user)
        return _("The meeting is marked as held.")

    return _act(request, pk, "held", perform)


@staff_view
@require_POST
def meeting_attendance(request: HttpRequest, pk: int) -> HttpResponse:
    def perform(meeting: Meeting, data: dict) -> str:
        services.attendance_record(
            meeting=meeting,
            members_present=data["members"],
            citizens=data["citizens"],
            by=request.user,
        )
        return _("The attendance is recorded.")

    return _act(request, pk, "attendance", perform)


@staff_view
@require_POST
def minutes_draft(request: HttpRequest, pk: int) -> HttpResponse:
    def perform(meeting: Meeting, data: dict) -> str:
        minutes = services.minutes_draft(
            meeting=meeting, text=data["text"], by=request.user
        )
        return _("Version %(version)s of the minutes is saved as a draft.") % {
            "version": minutes.version
        }

    return _act(request, pk, "minutes", perform)


@staff_view
@require_POST
def minutes_approve(request: HttpRequest, pk: int) -> HttpResponse:
    def perform(meeting: Meeting, data: dict) -> str:
        draft = selectors.minutes_draft_of(meeting=meeting)
        if draft is None:
            raise ValidationError(_("These minutes have no draft to approve."))
        minutes = services.minutes_approve(
            minutes=draft, at_meeting=data["at_meeting"], by=request.user
        )
        return _("Version %(version)s of the minutes is approved.") % {
            "version": minutes.version
        }

    return _act(request, pk, "approve", perform)


@staff_view
@require_POST
def minutes_correct(request: HttpRequest, pk: int) -> HttpResponse:
    def perform(meeting: Meeting, data: dict) -> str:
        approved = selectors.minutes_latest_approved(meeting=meeting)
        if approved is None:
            raise ValidationError(_("These minutes are not approved yet."))
        minutes = services.minutes_correct(
            minutes=approved,
            text=data["text"],
            correction_note=data["correction_note"],
            by=request.user,
        )
        return _(
            "Version %(version)s of the minutes is drafted: it is approved at a "
            "later meeting."
        ) % {"version": minutes.version}

    return _act(request, pk, "correct", perform)


@staff_view
@require_POST
def recommendation_add(request: HttpRequest, pk: int) -> HttpResponse:
    def perform(meeting: Meeting, data: dict) -> str:
        services.recommendation_add(meeting=meeting, text=data["text"], by=request.user)
        return _("The recommendation is added.")

    return _act(request, pk, "recommendation", perform)


@staff_view
@require_POST
def meeting_action_item(request: HttpRequest, pk: int) -> HttpResponse:
    def perform(meeting: Meeting, data: dict) -> str:
        item = services.action_item_create(
            forum=meeting.forum,
            meeting=meeting,
            recommendation=data["recommendation"],
            title=data["title"],
            owner=data["owner"],
            deadline=data["deadline"],
            by=request.user,
        )
        return _("The action item “%(title)s” is added.") % {"title": item.title}

    return _act(request, pk, "action", perform)


@staff_view
@require_POST
def security_report(request: HttpRequest, pk: int) -> HttpResponse:
    def perform(meeting: Meeting, data: dict) -> str:
        services.security_report_file(
            meeting=meeting, text=data["text"], by=request.user
        )
        return _("The security report is filed.")

    return _act(request, pk, "report", perform)


# A forum's action items


def _actions_page(
    request: HttpRequest,
    forum: Forum,
    *,
    bound: tuple[int, forms.Form] | None = None,
    status: int = 200,
) -> HttpResponse:
    today = clock.today()
    items = selectors.action_item_list_for_forum(forum=forum, day=today)
    can_keep = permissions.can_keep_forum_record(request.user, forum)
    rows = []
    for item in items:
        form = None
        if can_keep:
            if bound and bound[0] == item.pk:
                form = bound[1]
            else:
                form = mf.ActionItemUpdateForm(
                    initial={"status": item.status}, prefix=f"item-{item.pk}"
                )
        rows.append((item, form))
    context = {
        "forum": forum,
        "rows": rows,
        "can_keep": can_keep,
        "overdue_count": sum(1 for item in items if item.overdue),
        "open_count": sum(1 for item in items if item.is_open),
    }
    return render(request, "staff/meetings/forum_actions.html", context, status=status)


@staff_view
@require_GET
def forum_actions(request: HttpRequest, pk: int) -> HttpResponse:
    forum = forum_get_for_user(user=request.user, pk=pk)
    return _actions_page(request, forum)


@staff_view
@require_POST
def action_item_update(request: HttpRequest, pk: int) -> HttpResponse:
    item: ActionItem = selectors.action_item_get_for_user(user=request.user, pk=pk)
    forum = item.forum
    if not permissions.can_keep_forum_record(request.user, forum):
        raise PermissionDenied(_("You do not keep the record of this forum."))
    form = mf.ActionItemUpdateForm(request.POST, prefix=f"item-{item.pk}")
    if form.is_valid():
        try:
            services.action_item_update(
                item=item,
                text=form.cleaned_data["text"],
                status=form.cleaned_data["status"],
                by=request.user,
            )
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(
                request,
                _("The action item “%(title)s” is updated.") % {"title": item.title},
            )
            return redirect("staff:forum-actions", pk=forum.pk)
    forum = forum_get_for_user(user=request.user, pk=forum.pk)
    return _actions_page(request, forum, bound=(item.pk, form), status=400)


# A KKSB's work plans


def _work_plans_page(
    request: HttpRequest,
    forum: Forum,
    *,
    bound: tuple[str, forms.Form] | None = None,
    status: int = 200,
) -> HttpResponse:
    """Render the forum's work plans with their forms; ``bound`` is a posted
    form with its key: "create", "adopt-<pk>" or "item-<pk>"."""
    is_kksb = forum.kind == ForumKind.KKSB
    can_keep = permissions.can_keep_forum_record(request.user, forum)
    plans = (
        selectors.work_plan_list_for_forum(forum=forum, day=clock.today())
        if is_kksb
        else []
    )
    bound_forms = dict([bound]) if bound else {}
    rows = []
    for plan in plans:
        adopt = item = None
        if can_keep and plan.adopted_on is None:
            adopt = bound_forms.get(f"adopt-{plan.pk}") or mf.WorkPlanAdoptForm(
                prefix=f"adopt-{plan.pk}", initial={"adopted_on": clock.today()}
            )
            item = bound_forms.get(f"item-{plan.pk}") or mf.ActionItemForm(
                prefix=f"item-{plan.pk}"
            )
        rows.append((plan, adopt, item))
    create = None
    if can_keep and is_kksb and forum.status == ForumStatus.ACTIVE:
        create = bound_forms.get("create") or mf.WorkPlanForm(
            prefix="create", initial={"year": clock.today().year}
        )
    context = {
        "forum": forum,
        "is_kksb": is_kksb,
        "rows": rows,
        "create_form": create,
    }
    return render(
        request, "staff/meetings/forum_work_plans.html", context, status=status
    )


@staff_view
@require_http_methods(["GET", "POST"])
def forum_work_plans(request: HttpRequest, pk: int) -> HttpResponse:
    forum = forum_get_for_user(user=request.user, pk=pk)
    if request.method == "GET":
        return _work_plans_page(request, forum)
    if not permissions.can_keep_forum_record(request.user, forum):
        raise PermissionDenied(_("You do not keep the record of this forum."))
    form = mf.WorkPlanForm(request.POST, prefix="create")
    if form.is_valid():
        try:
            plan = services.work_plan_create(
                forum=forum, year=form.cleaned_data["year"], by=request.user
            )
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(
                request,
                _(
                    "The work plan for %(year)s is started: add its items, then record "
                    "its adoption."
                )
                % {"year": plan.year},
            )
            return redirect("staff:forum-work-plans", pk=forum.pk)
    return _work_plans_page(request, forum, bound=("create", form), status=400)


def _work_plan_act(
    request: HttpRequest,
    pk: int,
    key: str,
    make_form: Callable[..., forms.Form],
    perform: Callable[[WorkPlan, dict], str],
) -> HttpResponse:
    plan = selectors.work_plan_get_for_user(user=request.user, pk=pk)
    forum = plan.forum
    if not permissions.can_keep_forum_record(request.user, forum):
        raise PermissionDenied(_("You do not keep the record of this forum."))
    form = make_form(request.POST, prefix=f"{key}-{plan.pk}")
    if form.is_valid():
        try:
            message = perform(plan, form.cleaned_data)
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(request, message)
            return redirect("staff:forum-work-plans", pk=forum.pk)
    forum = forum_get_for_user(user=request.user, pk=forum.pk)
    return _work_plans_page(
        request, forum, bound=(f"{key}-{plan.pk}", form), status=400
    )


@staff_view
@require_POST
def work_plan_adopt(request: HttpRequest, pk: int) -> HttpResponse:
    def perform(plan: WorkPlan, data: dict) -> str:
        services.work_plan_adopt(
            work_plan=plan,
            assembly_reference=data["assembly_reference"],
            adopted_on=data["adopted_on"],
            by=request.user,
        )
        return _("The adoption of the work plan for %(year)s is recorded.") % {
            "year": plan.year
        }

    return _work_plan_act(request, pk, "adopt", mf.WorkPlanAdoptForm, perform)


@staff_view
@require_POST
def work_plan_item(request: HttpRequest, pk: int) -> HttpResponse:
    def perform(plan: WorkPlan, data: dict) -> str:
        item = services.action_item_create(
            forum=plan.forum,
            work_plan=plan,
            title=data["title"],
            owner=data["owner"],
            deadline=data["deadline"],
            by=request.user,
        )
        return _("The item “%(title)s” is added to the work plan.") % {
            "title": item.title
        }

    return _work_plan_act(request, pk, "item", mf.ActionItemForm, perform)
