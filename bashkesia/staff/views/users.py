"""Users and their roles: list, create, grant and revoke."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from bashkesia.accounts import permissions
from bashkesia.accounts.decorators import staff_view
from bashkesia.accounts.services import role_grant, role_revoke, user_create

from .. import selectors
from ..forms import RoleGrantForm, UserCreateForm, UserSearchForm
from .common import form_errors_from, paginate


def _check(request: HttpRequest) -> None:
    if not permissions.can_manage_users(request.user):
        raise PermissionDenied(_("You cannot manage users and roles."))


@staff_view
@require_GET
def user_list(request: HttpRequest) -> HttpResponse:
    _check(request)
    form = UserSearchForm(request.GET)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    return render(
        request,
        "staff/user_list.html",
        {"form": form, "page_obj": paginate(request, selectors.user_list(query=query))},
        status=200 if form.is_valid() else 400,
    )


@staff_view
@require_http_methods(["GET", "POST"])
def user_new(request: HttpRequest) -> HttpResponse:
    """Create a user without a password: they choose one by password reset."""
    _check(request)
    form = UserCreateForm(request.POST or None)
    if request.method == "GET":
        return render(request, "staff/user_create.html", {"form": form})
    if form.is_valid():
        try:
            user = user_create(**form.cleaned_data)
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(
                request,
                _(
                    "The user %(username)s was created. They choose a password "
                    "with “Forgot your password?” on the sign-in page."
                )
                % {"username": user.get_username()},
            )
            return redirect("staff:user-detail", user_id=user.pk)
    return render(request, "staff/user_create.html", {"form": form}, status=400)


def _user_page(
    request: HttpRequest, target, form: RoleGrantForm | None = None, status: int = 200
) -> HttpResponse:
    roles = permissions.roles_grantable_by(request.user)
    context = {
        "target": target,
        "history": selectors.user_grant_history(target=target),
        "form": form or RoleGrantForm(roles=roles),
        "revocable_roles": roles,
    }
    return render(request, "staff/user_detail.html", context, status=status)


@staff_view
@require_GET
def user_detail(request: HttpRequest, user_id: int) -> HttpResponse:
    target = selectors.user_get_for_manager(user=request.user, user_id=user_id)
    return _user_page(request, target)


@staff_view
@require_POST
def user_role_grant(request: HttpRequest, user_id: int) -> HttpResponse:
    target = selectors.user_get_for_manager(user=request.user, user_id=user_id)
    form = RoleGrantForm(
        request.POST, roles=permissions.roles_grantable_by(request.user)
    )
    if form.is_valid():
        try:
            grant = role_grant(
                user=target, granted_by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(
                request,
                _("%(username)s is now %(role)s.")
                % {"username": target.get_username(), "role": grant.get_role_display()},
            )
            return redirect("staff:user-detail", user_id=target.pk)
    return _user_page(request, target, form=form, status=400)


@staff_view
@require_POST
def user_role_revoke(request: HttpRequest, user_id: int, grant_id: int) -> HttpResponse:
    target = selectors.user_get_for_manager(user=request.user, user_id=user_id)
    grant = selectors.grant_get_for_manager(
        user=request.user, target=target, grant_id=grant_id
    )
    if grant.role not in permissions.roles_grantable_by(request.user):
        raise PermissionDenied(
            _("Only an administrator grants or revokes the role %(role)s.")
            % {"role": grant.get_role_display()}
        )
    role_revoke(grant=grant)
    messages.success(
        request,
        _("%(username)s is no longer %(role)s.")
        % {"username": target.get_username(), "role": grant.get_role_display()},
    )
    return redirect("staff:user-detail", user_id=target.pk)
