"""Signing in (password, then the second factor), out, and out everywhere."""

import io

import segno
from django.contrib.auth import authenticate, login, logout
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import formats, timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from bashkesia.core.audit import client_address

from . import security
from .decorators import SESSION_VERIFIED, is_verified
from .forms import CodeForm, SignInForm
from .middleware import mark_signed_in
from .permissions import is_staff_member


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("staff:dashboard")


def _locked_message(until) -> str:
    return _(
        "Too many failed attempts to sign in. You can try again after %(time)s."
    ) % {"time": formats.time_format(timezone.localtime(until), "TIME_FORMAT")}


@require_http_methods(["GET", "POST"])
def sign_in(request: HttpRequest) -> HttpResponse:
    form = SignInForm(request.POST if request.method == "POST" else None)
    context = {"form": form, "next": _next_url(request)}
    if request.method == "GET":
        return render(request, "accounts/sign_in.html", context)
    if not form.is_valid():
        return render(request, "accounts/sign_in.html", context, status=400)
    username = form.cleaned_data["username"]
    address = client_address(request)
    until = security.lockout_until(username=username, address=address)
    if until is not None:
        context["error"] = _locked_message(until)
        return render(request, "accounts/sign_in.html", context, status=429)
    user = authenticate(
        request, username=username, password=form.cleaned_data["password"]
    )
    if user is None:
        security.attempt_record(username=username, address=address, succeeded=False)
        context["error"] = _("The username or password is not right.")
        return render(request, "accounts/sign_in.html", context, status=400)
    if security.demo_login_refused(user):
        context["error"] = _("Demo accounts cannot sign in on this server.")
        return render(request, "accounts/sign_in.html", context, status=403)
    security.attempt_record(username=username, address=address, succeeded=True)
    security.account_language_set(user, language=request.LANGUAGE_CODE)
    login(request, user)
    mark_signed_in(request)
    request.session[SESSION_VERIFIED] = False
    if is_staff_member(user):
        return redirect(f"{reverse('accounts:second-factor')}?next={context['next']}")
    return redirect(context["next"] if "next" in request.POST else "web:home")


def _qr_svg(uri: str) -> str:
    buffer = io.BytesIO()
    segno.make(uri, error="m").save(
        buffer, kind="svg", scale=5, border=2, xmldecl=False, svgns=True, dark="#111"
    )
    return buffer.getvalue().decode()


@require_http_methods(["GET", "POST"])
def second_factor(request: HttpRequest) -> HttpResponse:
    """Enrol (first time) or check the TOTP code of a signed-in staff user."""
    if not request.user.is_authenticated:
        return redirect("accounts:login")
    next_url = _next_url(request)
    if is_verified(request):
        return redirect(next_url)
    account = security.account_for(request.user)
    enrolling = not account.has_second_factor
    if enrolling:
        security.totp_enrolment_start(account=account)
    form = CodeForm(request.POST if request.method == "POST" else None)
    context = {"form": form, "next": next_url, "enrolling": enrolling}
    if enrolling:
        uri = security.totp_provisioning_uri(account)
        context.update(qr_svg=_qr_svg(uri), secret=account.totp_secret)
    if request.method == "GET":
        return render(request, "accounts/second_factor.html", context)
    username = request.user.get_username()
    address = client_address(request)
    until = security.lockout_until(username=username, address=address)
    if until is not None:
        context["error"] = _locked_message(until)
        return render(request, "accounts/second_factor.html", context, status=429)
    if not form.is_valid():
        return render(request, "accounts/second_factor.html", context, status=400)
    code = form.cleaned_data["code"]
    if enrolling:
        recovery_codes = security.totp_confirm(account=account, code=code)
        if recovery_codes is None:
            security.attempt_record(username=username, address=address, succeeded=False)
            context["error"] = _(
                "That code is not right. Check the time on your phone."
            )
            return render(request, "accounts/second_factor.html", context, status=400)
        request.session[SESSION_VERIFIED] = True
        return render(
            request,
            "accounts/recovery_codes.html",
            {"codes": recovery_codes, "next": next_url},
        )
    if security.totp_verify(account=account, code=code) or security.recovery_code_use(
        account=account, code=code
    ):
        request.session.cycle_key()
        request.session[SESSION_VERIFIED] = True
        return redirect(next_url)
    security.attempt_record(username=username, address=address, succeeded=False)
    context["error"] = _("That code is not right, or it was used already.")
    return render(request, "accounts/second_factor.html", context, status=400)


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("web:home")


@require_POST
def sign_out_everywhere(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        security.sign_out_everywhere(user=request.user)
    logout(request)
    return redirect("web:home")


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password-reset-done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password-reset-complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"
