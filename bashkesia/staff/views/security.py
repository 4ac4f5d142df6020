"""Security of one's own account: sign out everywhere, new recovery codes."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_POST

from bashkesia.accounts import security as account_security
from bashkesia.accounts.decorators import staff_view


@staff_view
@require_GET
def security(request: HttpRequest) -> HttpResponse:
    return render(request, "staff/security.html")


@staff_view
@require_POST
def recovery_codes(request: HttpRequest) -> HttpResponse:
    """Replace the user's recovery codes and show the new ones, this once."""
    account = account_security.account_for(request.user)
    codes = account_security.recovery_codes_renew(account=account)
    response = render(request, "staff/recovery_codes.html", {"codes": codes})
    response["Cache-Control"] = "no-store"
    return response
