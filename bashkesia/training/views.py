"""The public pages of the training: the Office in Vushtrri and its courses,
upcoming sessions, trained members (counts only), and the verification of
certificates by their code (limited per address, against enumeration)."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from bashkesia.core import clock

from . import selectors
from .forms import VerifyForm
from .limits import lookups_allowed


@require_GET
def training_home(request: HttpRequest) -> HttpResponse:
    context = {
        "courses": selectors.course_list_public(),
        "sessions": selectors.session_list_upcoming(start=clock.today()),
        "by_municipality": selectors.trained_by_municipality(),
        "by_forum": selectors.trained_by_forum(),
        "trained_total": selectors.trained_total(),
        "verify_form": VerifyForm(),
    }
    return render(request, "training/home.html", context)


@require_GET
def course_detail(request: HttpRequest, code: str) -> HttpResponse:
    course = selectors.course_get_public(code=code)
    context = {
        "course": course,
        "sessions": selectors.session_list_upcoming(start=clock.today(), course=course),
        "held": selectors.session_list_held(course=course),
    }
    return render(request, "training/course.html", context)


@require_GET
def verify(request: HttpRequest) -> HttpResponse:
    """The form to type a code; a valid code goes to its page."""
    if "code" not in request.GET:
        return render(request, "training/verify.html", {"form": VerifyForm()})
    form = VerifyForm(request.GET)
    if not form.is_valid():
        return render(request, "training/verify.html", {"form": form}, status=400)
    return redirect("training:verify-code", code=form.cleaned_data["code"])


@require_GET
def verify_code(request: HttpRequest, code: str) -> HttpResponse:
    if not lookups_allowed(request):
        context = {
            "form": VerifyForm(initial={"code": code}),
            "error": _(
                "Too many look-ups from your connection in a short time. "
                "Please try again later."
            ),
        }
        return render(request, "training/verify.html", context, status=429)
    try:
        certificate = selectors.certificate_get_by_code(code=code)
    except Http404:
        context = {"code": code, "form": VerifyForm(initial={"code": code})}
        return render(request, "training/unknown.html", context, status=404)
    if certificate.code != code:
        # One address per certificate: a code typed in small letters or
        # without dashes goes to the canonical one.
        return redirect("training:verify-code", code=certificate.code)
    return render(request, "training/certificate.html", {"certificate": certificate})
