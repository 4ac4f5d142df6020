"""Officers: the list, creating one, an officer's page, public profile and
account."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from bashkesia.accounts import permissions
from bashkesia.accounts.decorators import staff_view
from bashkesia.accounts.services import officer_link_user
from bashkesia.officers import services as officer_services
from bashkesia.officers.forms import (
    OfficerAccountForm,
    OfficerCreateForm,
    OfficerProfileForm,
)

from .. import selectors
from ..forms import OfficerFilterForm
from .common import form_errors_from, paginate

# The service's (model) field names, as the profile form calls them.
PROFILE_FORM_FIELDS = {"public_phone": "phone", "public_email": "email"}


@staff_view
@require_GET
def officer_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = OfficerFilterForm(
        request.GET, stations=selectors.officer_station_choices(user=user)
    )
    status = 200
    station, query = None, ""
    if form.is_valid():
        station, query = form.cleaned_data["station"], form.cleaned_data["q"]
    else:
        status = 400
    officers = selectors.officer_list_for_user(user=user, station=station, query=query)
    context = {
        "form": form,
        "page_obj": paginate(request, officers),
        "can_create": permissions.can_manage_officers(user),
    }
    return render(request, "staff/officer_list.html", context, status=status)


@staff_view
@require_http_methods(["GET", "POST"])
def officer_create(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not permissions.can_manage_officers(user):
        raise PermissionDenied(_("You cannot create officers."))
    form = OfficerCreateForm(
        request.POST or None,
        stations=permissions.stations_for_officer_management(user).order_by("code"),
    )
    if request.method == "POST":
        if form.is_valid():
            try:
                officer = officer_services.officer_create(**form.cleaned_data)
            except ValidationError as error:
                form_errors_from(form, error)
            else:
                messages.success(
                    request,
                    _("Officer %(name)s (%(badge)s) was created.")
                    % {"name": officer.full_name, "badge": officer.badge_number},
                )
                return redirect("staff:officer-detail", badge=officer.badge_number)
        return render(request, "staff/officer_create.html", {"form": form}, status=400)
    return render(request, "staff/officer_create.html", {"form": form})


@staff_view
@require_GET
def officer_detail(request: HttpRequest, badge: str) -> HttpResponse:
    user = request.user
    officer = selectors.officer_get_for_user(user=user, badge=badge)
    can_view_audit = permissions.can_view_audit(user)
    context = {
        "officer": officer,
        "assignments": selectors.officer_assignment_history(officer=officer),
        "audit_entries": (
            selectors.officer_audit_entries(officer=officer) if can_view_audit else None
        ),
        "can_edit": permissions.can_edit_officer_profile(user, officer),
        "can_link": permissions.can_link_accounts(user),
    }
    return render(request, "staff/officer_detail.html", context)


@staff_view
@require_http_methods(["GET", "POST"])
def officer_edit(request: HttpRequest, badge: str) -> HttpResponse:
    """Edit the public profile: photo, telephone, e-mail, short bios."""
    user = request.user
    officer = selectors.officer_get_for_user(user=user, badge=badge)
    if not permissions.can_edit_officer_profile(user, officer):
        raise PermissionDenied(_("You cannot edit this officer's profile."))
    if request.method == "GET":
        form = OfficerProfileForm(initial=OfficerProfileForm.initial_for(officer))
        return render(
            request, "staff/officer_edit.html", {"form": form, "officer": officer}
        )
    form = OfficerProfileForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            officer_services.officer_profile_update(
                officer=officer, **form.cleaned_data
            )
        except ValidationError as error:
            form_errors_from(form, error, PROFILE_FORM_FIELDS)
        else:
            messages.success(request, _("The public profile was saved."))
            return redirect("staff:officer-detail", badge=officer.badge_number)
    return render(
        request,
        "staff/officer_edit.html",
        {"form": form, "officer": officer},
        status=400,
    )


@staff_view
@require_http_methods(["GET", "POST"])
def officer_account(request: HttpRequest, badge: str) -> HttpResponse:
    """Link the officer to the user account they sign in with, or unlink."""
    user = request.user
    officer = selectors.officer_get_for_user(user=user, badge=badge)
    if not permissions.can_link_accounts(user):
        raise PermissionDenied(_("You cannot link officers to accounts."))
    form = OfficerAccountForm(request.POST or None)
    context = {"form": form, "officer": officer}
    if request.method == "GET":
        return render(request, "staff/officer_account.html", context)
    if request.POST.get("action") == "unlink":
        officer_link_user(officer=officer, user=None)
        messages.success(request, _("The officer is no longer linked to an account."))
        return redirect("staff:officer-detail", badge=officer.badge_number)
    if form.is_valid():
        try:
            officer_link_user(officer=officer, user=form.cleaned_data["username"])
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(
                request,
                _("The officer now signs in as %(username)s.")
                % {"username": officer.user.get_username()},
            )
            return redirect("staff:officer-detail", badge=officer.badge_number)
    return render(request, "staff/officer_account.html", context, status=400)
