"""Concerns: the inbox of the user's scope, a concern's record with the actions
on it, and the response-time figures.

Every action posts to its own address, calls one service and comes back to
the concern with a message; a step the lifecycle refuses answers 400 with the
service's own words.
"""

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from bashkesia.accounts import permissions
from bashkesia.accounts.decorators import staff_view
from bashkesia.concerns import services
from bashkesia.concerns import staff_selectors as selectors
from bashkesia.concerns.models import DESCRIPTION_LIMIT, Concern, Status
from bashkesia.concerns.questions import answers_display
from bashkesia.core import clock
from bashkesia.core.fields import ListedChoiceField
from bashkesia.core.widgets import FastSelect
from bashkesia.officers.models import Officer

from .common import form_errors_from

# 25 rows, like GitHub's issue list: a screen or two to triage from the top;
# filters narrow the rest. (50 rows cost ~8 ms more per page, bench/inbox.py.)
INBOX_PER_PAGE = 25


# Forms


class InboxFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        choices=[
            ("", gettext_lazy("All")),
            ("open", gettext_lazy("Open (not closed)")),
            *Status.choices,
        ],
        required=False,
        widget=FastSelect,
    )
    category = ListedChoiceField(
        label=gettext_lazy("Category"),
        required=False,
        empty_label=gettext_lazy("All categories"),
    )
    sector = ListedChoiceField(
        label=gettext_lazy("Sector"),
        required=False,
        empty_label=gettext_lazy("All my sectors"),
    )
    overdue = forms.BooleanField(label=gettext_lazy("Overdue only"), required=False)
    mine = forms.BooleanField(label=gettext_lazy("Assigned to me"), required=False)

    def __init__(self, *args, categories, sectors, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].set_objects(
            categories, label=lambda category: category.name
        )
        self.fields["sector"].set_objects(
            sectors, label=lambda sector: f"{sector.code} {sector.name}"
        )


def _text_field(label, *, max_length: int = DESCRIPTION_LIMIT) -> forms.CharField:
    """Return a text box whose emptiness the service judges (and words)."""
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "required": True}),
    )


class AcknowledgeForm(forms.Form):
    pass


class StartForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("A word to the reporter (optional; they see it)"),
        max_length=DESCRIPTION_LIMIT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AssignForm(forms.Form):
    officer = forms.ModelChoiceField(
        label=gettext_lazy("Officer"),
        queryset=Officer.objects.none(),
        to_field_name="badge_number",
        required=False,
        empty_label=gettext_lazy("Nobody"),
    )

    def __init__(self, *args, officers, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = officers
        self.fields["officer"].label_from_instance = lambda officer: (
            f"{officer.display_name} ({officer.badge_number})"
        )


class ReplyForm(forms.Form):
    text = _text_field(gettext_lazy("Public reply (the reporter sees it)"))


class NoteForm(forms.Form):
    text = _text_field(gettext_lazy("Internal note (only the police see it)"))


class ResolveForm(forms.Form):
    text = _text_field(gettext_lazy("How it was resolved (the reporter sees it)"))


class ReferForm(forms.Form):
    institution = forms.CharField(
        label=gettext_lazy("Institution"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"required": True}),
        help_text=gettext_lazy("For example the municipality, a school, a utility."),
    )
    text = forms.CharField(
        label=gettext_lazy("Message to the reporter (optional; they see it)"),
        max_length=DESCRIPTION_LIMIT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class NotPoliceForm(forms.Form):
    reason = _text_field(gettext_lazy("Reason (the reporter sees it)"))


class MergeForm(forms.Form):
    into = forms.CharField(
        label=gettext_lazy("Tracking code of the concern it repeats"),
        max_length=20,
    )

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_into(self) -> Concern:
        code = self.cleaned_data["into"]
        into = selectors.concern_find_in_scope(user=self.user, tracking_code=code)
        if into is None:
            raise ValidationError(
                _("No concern in your scope has the tracking code “%(code)s”.")
                % {"code": code.strip()}
            )
        return into


class ModerateForm(forms.Form):
    hidden = forms.TypedChoiceField(
        choices=[("1", gettext_lazy("hide")), ("0", gettext_lazy("show"))],
        coerce=lambda value: value == "1",
        widget=forms.HiddenInput,
    )


class PublishForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Description shown on public pages"),
        max_length=DESCRIPTION_LIMIT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy(
            "Take out names, addresses, telephone numbers and anything else "
            "that says who someone is. Empty: no description is shown."
        ),
    )


ACTION_FORMS: dict[str, type[forms.Form]] = {
    "acknowledge": AcknowledgeForm,
    "start": StartForm,
    "assign": AssignForm,
    "reply": ReplyForm,
    "note": NoteForm,
    "resolve": ResolveForm,
    "refer": ReferForm,
    "not-police": NotPoliceForm,
    "merge": MergeForm,
    "moderate": ModerateForm,
    "publish": PublishForm,
}


def _action_form(
    request: HttpRequest, concern: Concern, action: str, data=None
) -> forms.Form:
    """Return the form of ``action`` on ``concern`` (bound when ``data``)."""
    kwargs: dict = {"prefix": action}
    if action == "assign":
        kwargs["officers"] = selectors.concern_officer_choices(
            user=request.user, concern=concern
        )
        if data is None and concern.assigned_to is not None:
            kwargs["initial"] = {"officer": concern.assigned_to.badge_number}
    elif action == "merge":
        kwargs["user"] = request.user
    elif action == "moderate" and data is None:
        kwargs["initial"] = {"hidden": "0" if concern.is_hidden else "1"}
    elif action == "publish" and data is None:
        kwargs["initial"] = {"text": concern.public_description or concern.description}
    return ACTION_FORMS[action](data, **kwargs)


# The inbox and the figures


@staff_view
@require_GET
def concern_inbox(request: HttpRequest) -> HttpResponse:
    user = request.user
    now = clock.now()
    form = InboxFilterForm(
        request.GET,
        categories=selectors.inbox_category_choices(),
        sectors=selectors.inbox_sector_choices(user=user),
    )
    filters: dict = {}
    if form.is_valid():
        data = form.cleaned_data
        filters = {
            "status": data["status"],
            "category": data["category"],
            "sector": data["sector"],
            "overdue": data["overdue"],
            "mine": data["mine"],
        }
    concerns = selectors.concern_list_for_inbox(user=user, now=now, **filters)
    paginator = selectors.InboxPaginator(
        concerns,
        INBOX_PER_PAGE,
        count_all=selectors.inbox_counts_all(
            status=filters.get("status", ""), overdue=filters.get("overdue", False)
        ),
    )
    page_obj = paginator.get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page_obj": page_obj,
        "rows": selectors.inbox_rows(page_obj, now=now),
        "now": now,
    }
    status = 200 if form.is_valid() else 400
    return render(request, "staff/concerns/inbox.html", context, status=status)


@staff_view
@require_GET
def concern_figures(request: HttpRequest) -> HttpResponse:
    figures = selectors.concern_figures(user=request.user, now=clock.now())
    context = {
        "figures": figures,
        "window_days": selectors.FIGURES_WINDOW.days,
    }
    return render(request, "staff/concerns/figures.html", context)


# One concern


def _detail(
    request: HttpRequest,
    concern: Concern,
    *,
    bound: tuple[str, forms.Form] | None = None,
    status: int = 200,
) -> HttpResponse:
    """Render the record of ``concern`` (already permission-checked), with the
    action forms when the user handles it; ``bound`` keeps a posted form with
    its errors."""
    user = request.user
    now = clock.now()
    can_handle = permissions.can_handle_concern(user, concern)
    context = {
        "concern": concern,
        "targets": selectors.concern_targets(concern=concern, now=now),
        "now": now,
        "history": selectors.concern_history(concern=concern),
        "photos": selectors.concern_photo_list(concern=concern),
        "answers": answers_display(concern.category, concern.answers),
        "duplicates": selectors.concern_duplicate_list(concern=concern),
        "can_handle": can_handle,
        "can_see_contact": permissions.can_see_reporter_contact(user, concern),
    }
    if can_handle:
        action_forms = {
            action: _action_form(request, concern, action) for action in ACTION_FORMS
        }
        if bound:
            action_forms[bound[0]] = bound[1]
        context["forms"] = {
            action.replace("-", "_"): form for action, form in action_forms.items()
        }
        context["available"] = _available_actions(concern, failed=bound and bound[0])
    return render(request, "staff/concerns/detail.html", context, status=status)


# The status each lifecycle action moves a concern to.
STATUS_ACTIONS = {
    "acknowledge": Status.ACKNOWLEDGED,
    "start": Status.IN_PROGRESS,
    "resolve": Status.RESOLVED,
    "refer": Status.REFERRED,
    "not-police": Status.NOT_POLICE,
    "merge": Status.DUPLICATE,
}


def _available_actions(concern: Concern, *, failed: str | None) -> dict[str, bool]:
    """Return which action forms to offer: the steps the lifecycle allows
    from the concern's status, and the one that just failed (to show why)."""
    allowed = services.TRANSITIONS.get(concern.status, set())
    available = {
        action: to in allowed or action == failed
        for action, to in STATUS_ACTIONS.items()
    }
    # A sensitive concern stays hidden: nothing to switch, nothing to publish.
    available["moderate"] = (
        not (concern.category.is_sensitive and concern.is_hidden)
        or failed == "moderate"
    )
    available["publish"] = not concern.category.is_sensitive or failed == "publish"
    return {action.replace("-", "_"): shown for action, shown in available.items()}


@staff_view
@require_GET
def concern_detail(request: HttpRequest, tracking_code: str) -> HttpResponse:
    concern = selectors.concern_get_for_user(
        user=request.user, tracking_code=tracking_code
    )
    return _detail(request, concern)


def _act(
    request: HttpRequest,
    tracking_code: str,
    action: str,
    perform: Callable[[Concern, dict], str],
) -> HttpResponse:
    """Check the user handles the concern, validate the action's form, and
    call ``perform(concern, cleaned_data)``, which calls one service and
    returns the message of success."""
    concern = selectors.concern_get_for_user(
        user=request.user, tracking_code=tracking_code
    )
    if not permissions.can_handle_concern(request.user, concern):
        raise PermissionDenied(
            _("You cannot act on concern %(code)s.") % {"code": concern.tracking_code}
        )
    form = _action_form(request, concern, action, request.POST)
    if form.is_valid():
        try:
            message = perform(concern, form.cleaned_data)
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(request, message)
            return redirect("staff:concern-detail", tracking_code=concern.tracking_code)
    return _detail(request, concern, bound=(action, form), status=400)


@staff_view
@require_POST
def concern_acknowledge(request: HttpRequest, tracking_code: str) -> HttpResponse:
    def perform(concern: Concern, data: dict) -> str:
        services.concern_acknowledge(concern=concern, by=request.user)
        return _("Concern %(code)s is acknowledged.") % {"code": concern.tracking_code}

    return _act(request, tracking_code, "acknowledge", perform)


@staff_view
@require_POST
def concern_start(request: HttpRequest, tracking_code: str) -> HttpResponse:
    def perform(concern: Concern, data: dict) -> str:
        services.concern_start(concern=concern, by=request.user, text=data["text"])
        return _("Work on concern %(code)s has started.") % {
            "code": concern.tracking_code
        }

    return _act(request, tracking_code, "start", perform)


@staff_view
@require_POST
def concern_assign(request: HttpRequest, tracking_code: str) -> HttpResponse:
    def perform(concern: Concern, data: dict) -> str:
        officer = data["officer"]
        services.concern_assign(concern=concern, officer=officer, by=request.user)
        if officer is None:
            return _("Concern %(code)s is assigned to nobody now.") % {
                "code": concern.tracking_code
            }
        return _("Concern %(code)s is assigned to %(officer)s.") % {
            "code": concern.tracking_code,
            "officer": officer.display_name,
        }

    return _act(request, tracking_code, "assign", perform)


@staff_view
@require_POST
def concern_reply(request: HttpRequest, tracking_code: str) -> HttpResponse:
    def perform(concern: Concern, data: dict) -> str:
        services.concern_reply(
            concern=concern, by=request.user, text=data["text"], public=True
        )
        return _("Your reply is published on concern %(code)s.") % {
            "code": concern.tracking_code
        }

    return _act(request, tracking_code, "reply", perform)


@staff_view
@require_POST
def concern_note(request: HttpRequest, tracking_code: str) -> HttpResponse:
    def perform(concern: Concern, data: dict) -> str:
        services.concern_reply(
            concern=concern, by=request.user, text=data["text"], public=False
        )
        return _("Your internal note is added to concern %(code)s.") % {
            "code": concern.tracking_code
        }

    return _act(request, tracking_code, "note", perform)


@staff_view
@require_POST
def concern_resolve(request: HttpRequest, tracking_code: str) -> HttpResponse:
    def perform(concern: Concern, data: dict) -> str:
        services.concern_resolve(concern=concern, by=request.user, text=data["text"])
        return _("Concern %(code)s is resolved.") % {"code": concern.tracking_code}

    return _act(request, tracking_code, "resolve", perform)


@staff_view
@require_POST
def concern_refer(request: HttpRequest, tracking_code: str) -> HttpResponse:
    def perform(concern: Concern, data: dict) -> str:
        services.concern_refer(
            concern=concern,
            by=request.user,
            institution=data["institution"],
            text=data["text"],
        )
        return _("Concern %(code)s is referred to %(institution)s.") % {
            "code": concern.tracking_code,
            "institution": data["institution"].strip(),
        }

    return _act(request, tracking_code, "refer", perform)


@staff_view
@require_POST
def concern_not_police(request: HttpRequest, tracking_code: str) -> HttpResponse:
    def perform(concern: Concern, data: dict) -> str:
        services.concern_not_police(
            concern=concern, by=request.user, reason=data["reason"]
        )
        return _("Concern %(code)s is marked as not a police matter.") % {
            "code": concern.tracking_code
        }

    return _act(request, tracking_code, "not-police", perform)


@staff_view
@require_POST
def concern_merge(request: HttpRequest, tracking_code: str) -> HttpResponse:
    def perform(concern: Concern, data: dict) -> str:
        into = data["into"]
        services.concern_merge_duplicate(concern=concern, into=into, by=request.user)
        return _("Concern %(code)s is merged into %(into)s as a duplicate.") % {
            "code": concern.tracking_code,
            "into": into.tracking_code,
        }

    return _act(request, tracking_code, "merge", perform)


@staff_view
@require_POST
def concern_moderate(request: HttpRequest, tracking_code: str) -> HttpResponse:
    def perform(concern: Concern, data: dict) -> str:
        hidden = data["hidden"]
        services.concern_moderate(concern=concern, hidden=hidden, by=request.user)
        if hidden:
            return _("Concern %(code)s is hidden from public pages.") % {
                "code": concern.tracking_code
            }
        return _("Concern %(code)s is shown on public pages.") % {
            "code": concern.tracking_code
        }

    return _act(request, tracking_code, "moderate", perform)


@staff_view
@require_POST
def concern_publish(request: HttpRequest, tracking_code: str) -> HttpResponse:
    def perform(concern: Concern, data: dict) -> str:
        services.concern_publish_description(
            concern=concern, text=data["text"], by=request.user
        )
        if concern.public_description:
            return _("The description of %(code)s is published.") % {
                "code": concern.tracking_code
            }
        return _("The description of %(code)s is no longer public.") % {
            "code": concern.tracking_code
        }

    return _act(request, tracking_code, "publish", perform)
