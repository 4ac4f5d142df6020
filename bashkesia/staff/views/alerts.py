"""Sector alerts: the list of the user's sectors' alerts, publishing one,
withdrawing one."""

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from bashkesia.accounts import permissions
from bashkesia.accounts.decorators import staff_view
from bashkesia.alerts import selectors, services
from bashkesia.alerts.models import BODY_LIMIT, TITLE_LIMIT, Alert
from bashkesia.core import clock
from bashkesia.territory.models import Sector

from .common import form_errors_from, paginate


class AlertForm(forms.Form):
    sector = forms.ModelChoiceField(
        label=gettext_lazy("Sector"),
        queryset=Sector.objects.none(),
        to_field_name="code",
        empty_label=gettext_lazy("Choose a sector"),
    )
    kind = forms.ChoiceField(
        label=gettext_lazy("Kind"),
        choices=Alert.Kind.choices,
        help_text=gettext_lazy(
            "An alert is a warning people should act on; a notice is good to know."
        ),
    )
    title = forms.CharField(label=gettext_lazy("Title"), max_length=TITLE_LIMIT)
    body = forms.CharField(
        label=gettext_lazy("Text"),
        max_length=BODY_LIMIT,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy(
            "What happened, where, and what people should do. No names of "
            "victims or suspects."
        ),
    )
    shown_until = forms.DateField(
        label=gettext_lazy("Shown on the sector's page until"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, sectors, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sector"].queryset = sectors
        self.fields["sector"].label_from_instance = lambda sector: (
            f"{sector.code} {sector.name}"
        )


@staff_view
@require_GET
def alert_list(request: HttpRequest) -> HttpResponse:
    if not permissions.sectors_in_scope(request.user).exists():
        raise PermissionDenied
    alerts = selectors.alert_list_for_staff(user=request.user)
    return render(
        request,
        "staff/alert_list.html",
        {
            "page_obj": paginate(request, alerts),
            "publish_sector_ids": set(
                permissions.sectors_acted_in(request.user).values_list("pk", flat=True)
            ),
            "today": clock.today(),
        },
    )


@staff_view
@require_http_methods(["GET", "POST"])
def alert_create(request: HttpRequest) -> HttpResponse:
    sectors = permissions.sectors_acted_in(request.user).order_by("code")
    if not sectors.exists():
        raise PermissionDenied
    initial = {
        "kind": Alert.Kind.ALERT,
        "shown_until": clock.today() + datetime.timedelta(days=14),
        "sector": request.GET.get("sector", "").upper() or None,
    }
    form = AlertForm(
        request.POST if request.method == "POST" else None,
        sectors=sectors,
        initial=initial,
    )
    context = {"form": form}
    if request.method == "GET":
        return render(request, "staff/alert_create.html", context)
    if not form.is_valid():
        return render(request, "staff/alert_create.html", context, status=400)
    try:
        alert = services.alert_publish(**form.cleaned_data, by=request.user)
    except ValidationError as error:
        form_errors_from(form, error)
        return render(request, "staff/alert_create.html", context, status=400)
    messages.success(
        request,
        _("Published to sector %(sector)s and e-mailed to %(count)s subscribers.")
        % {"sector": alert.sector.code, "count": alert.recipients},
    )
    return redirect("staff:alert-list")


@staff_view
@require_POST
def alert_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    alert = selectors.alert_get_for_staff(user=request.user, pk=pk)
    if not permissions.can_publish_alert(request.user, alert.sector):
        raise PermissionDenied
    services.alert_withdraw(alert=alert, by=request.user)
    messages.success(
        request,
        _("“%(title)s” is no longer shown on the sector's page.")
        % {"title": alert.title},
    )
    return redirect("staff:alert-list")
