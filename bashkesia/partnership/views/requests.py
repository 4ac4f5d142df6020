"""Citizens ask for a KLSP and follow their request by its tracking code."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from bashkesia.core.audit import client_address
from bashkesia.core.ratelimits import allow

from ..forms import KlspRequestForm, RequestLookupForm
from ..models import ForumStatus
from ..selectors import forums as selectors
from ..services.forums import klsp_request_submit

TEMPLATE = "partnership/forums/request_new.html"
JUST_SUBMITTED = "forum_request_just_submitted"


@require_http_methods(["GET", "POST"])
def request_new(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        form = KlspRequestForm(
            initial={"municipality": request.GET.get("municipality")}
        )
        return render(request, TEMPLATE, {"form": form})
    if request.POST.get("show_settlements"):
        # Without JavaScript, the "show its villages" button: the same form
        # again, as filled in, with the chosen municipality's villages.
        initial = {
            **request.POST.dict(),
            "settlements": request.POST.getlist("settlements"),
        }
        return render(request, TEMPLATE, {"form": KlspRequestForm(initial=initial)})
    form = KlspRequestForm(request.POST)
    context = {"form": form}
    if not allow(
        action="forum-request",
        address=client_address(request),
        limit=settings.BASHKESIA_FORUM_REQUESTS_PER_HOUR,
    ):
        context["error"] = _(
            "Too many messages from your connection in a short time. "
            "Please try again later."
        )
        return render(request, TEMPLATE, context, status=429)
    if not form.is_valid():
        return render(request, TEMPLATE, context, status=400)
    data = form.cleaned_data
    if data["website"]:
        # A robot filled in the hidden field: pretend nothing happened.
        return render(request, TEMPLATE, {"form": KlspRequestForm()}, status=400)
    try:
        forum_request = klsp_request_submit(
            name=data["name"],
            municipality=data["municipality"],
            settlements=list(data["settlements"]),
            requesters=data["requesters"],
            reasons=data["reasons"],
            contact_name=data["contact_name"],
            contact_email=data["contact_email"],
            contact_phone=data["contact_phone"],
            language=get_language() or settings.LANGUAGE_CODE,
        )
    except ValidationError as error:
        for field, problems in error.message_dict.items():
            form.add_error(field if field in form.fields else None, problems)
        return render(request, TEMPLATE, context, status=400)
    request.session[JUST_SUBMITTED] = forum_request.tracking_code
    return redirect(forum_request)


@require_GET
def request_settlements(request: HttpRequest) -> HttpResponse:
    """The villages of the chosen municipality, to tick (an htmx fragment)."""
    form = KlspRequestForm(initial={"municipality": request.GET.get("municipality")})
    return render(request, "partnership/forums/_settlements.html", {"form": form})


@require_GET
def request_lookup(request: HttpRequest) -> HttpResponse:
    form = RequestLookupForm(request.GET or None)
    if form.is_bound and form.is_valid():
        forum_request = selectors.forum_request_get_by_tracking_code(
            tracking_code=form.cleaned_data["code"]
        )
        return redirect(forum_request)
    return render(
        request,
        "partnership/forums/request_lookup.html",
        {"form": form},
        status=400 if form.is_bound else 200,
    )


@require_GET
def request_track(request: HttpRequest, code: str) -> HttpResponse:
    """The status of a request and every step, with its reason; never who
    asked nor who decided (only in which role)."""
    forum_request = selectors.forum_request_get_by_tracking_code(tracking_code=code)
    if forum_request.tracking_code != code:
        return redirect(forum_request)
    forum = forum_request.forum
    return render(
        request,
        "partnership/forums/request_track.html",
        {
            "forum_request": forum_request,
            "forum": forum,
            "settlements": selectors.forum_settlement_list(forum=forum),
            "steps": selectors.forum_step_list(forum=forum),
            "is_public": forum.status in (ForumStatus.ACTIVE, ForumStatus.DISSOLVED),
            "just_submitted": request.session.pop(JUST_SUBMITTED, None)
            == forum_request.tracking_code,
        },
    )
