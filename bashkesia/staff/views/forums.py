"""Back office: forums, KLSP requests and approvals, members.

The list shows first what waits for the user's decision (citizens' requests
for a commander, KLSPs awaiting final approval for the Director General).
A forum's record shows the decision forms only to whoever may decide; each
action posts to its own address, calls one service and comes back to the
record with a message, or answers 400 with the service's own words. Forums
outside the user's scope answer 404; actions the user may not take, 403.
"""

from collections.abc import Callable

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from bashkesia.accounts import permissions
from bashkesia.accounts.decorators import staff_view
from bashkesia.core import clock
from bashkesia.core.widgets import FastSelect
from bashkesia.officers.models import Officer
from bashkesia.partners.forms import PartnerChoiceField
from bashkesia.partners.selectors import partner_choices_for_forum
from bashkesia.partnership.forms import MunicipalityField, SettlementChoiceField
from bashkesia.partnership.models import (
    TEXT_LIMIT,
    TITLE_LIMIT,
    AgeBand,
    Community,
    Forum,
    ForumKind,
    ForumStatus,
    Gender,
    MemberRole,
    Membership,
)
from bashkesia.partnership.selectors import forums as selectors
from bashkesia.partnership.services import forums as services
from bashkesia.territory.models import Municipality, Sector, Station
from bashkesia.training import permissions as training_permissions
from bashkesia.training import selectors as training_selectors

from .common import form_errors_from, paginate

# Forms


class StaffForumFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        choices=[("", gettext_lazy("All")), *ForumStatus.choices],
        required=False,
    )
    kind = forms.ChoiceField(
        label=gettext_lazy("Kind"),
        choices=[("", gettext_lazy("All kinds")), *ForumKind.choices],
        required=False,
    )
    municipality = MunicipalityField(
        label=gettext_lazy("Municipality"),
        required=False,
        empty_label=gettext_lazy("All municipalities"),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = selectors.municipality_list_for_forms()


def _reason_field(label) -> forms.CharField:
    """Return a text box whose emptiness the service judges (and words)."""
    return forms.CharField(
        label=label,
        max_length=TEXT_LIMIT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DecisionForm(forms.Form):
    decision = forms.TypedChoiceField(
        label=gettext_lazy("Decision"),
        choices=[
            ("approve", gettext_lazy("Approve")),
            ("reject", gettext_lazy("Reject")),
        ],
        coerce=lambda value: value == "approve",
        widget=forms.RadioSelect,
    )
    reason = _reason_field(
        gettext_lazy("Reason (required to reject; the requesters read it)")
    )


class DissolveForm(forms.Form):
    reason = _reason_field(gettext_lazy("Why the forum is dissolved (public)"))


class StationChoiceField(forms.ModelChoiceField):
    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("widget", FastSelect)
        super().__init__(
            queryset=Station.objects.none(), to_field_name="code", **kwargs
        )

    def label_from_instance(self, station: Station) -> str:
        return f"{station.name} ({station.code})"


class SectorChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, sector: Sector) -> str:
        return f"{sector.code} {sector.name}"


def _names_fields(form: forms.Form) -> None:
    form.fields["name_sq"] = forms.CharField(
        label=gettext_lazy("Name (Albanian)"), max_length=200, required=False
    )
    form.fields["name_sr_latn"] = forms.CharField(
        label=gettext_lazy("Name (Serbian, Latin script)"),
        max_length=200,
        required=False,
        help_text=gettext_lazy(
            "Empty: the Albanian name. The Cyrillic name is written from it."
        ),
    )
    form.fields["name_en"] = forms.CharField(
        label=gettext_lazy("Name (English)"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("Empty: the Albanian name."),
    )


def _text(label, *, rows: int = 4, help_text="") -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=TEXT_LIMIT,
        required=False,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


def _date(label) -> forms.DateField:
    return forms.DateField(
        label=label, required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class ForumFieldsForm(forms.Form):
    """The fields of a forum's record; subclasses keep those they need."""

    def __init__(
        self,
        *args,
        sectors,
        settlements,
        kind: str,
        analysis: bool = False,
        outcome: bool = False,
        **kwargs,
    ) -> None:
        super().__init__(*args, **kwargs)
        _names_fields(self)
        self.fields["purpose"] = _text(gettext_lazy("Purpose (public)"))
        self.fields["area_description"] = forms.CharField(
            label=gettext_lazy("Area"),
            max_length=TITLE_LIMIT,
            required=False,
            help_text=gettext_lazy("In a few words, such as “the villages of Has”."),
        )
        self.fields["sectors"] = SectorChoiceField(
            label=gettext_lazy("Police sectors it covers"),
            queryset=sectors,
            required=False,
        )
        self.fields["settlements"] = SettlementChoiceField(
            label=gettext_lazy("Villages and neighbourhoods it covers"),
            queryset=settlements,
            required=False,
        )
        self.fields["notice_days"] = forms.IntegerField(
            label=gettext_lazy("Public notice of meetings (days ahead)"),
            min_value=0,
            max_value=60,
            initial=7,
        )
        if analysis:
            self.fields["security_analysis"] = _text(
                gettext_lazy("Security analysis (police only)"),
                rows=8,
                help_text=gettext_lazy(
                    "What the station's figures and the community say about "
                    "safety in the area: why it needs a committee."
                ),
            )
        if kind == ForumKind.EVSB:
            self.fields["goal"] = _text(gettext_lazy("Goal of the project"))
            self.fields["partners"] = forms.CharField(
                label=gettext_lazy("Partners"),
                max_length=TITLE_LIMIT,
                required=False,
                help_text=gettext_lazy("For example OSCE, the municipality, a school."),
            )
            self.fields["starts_on"] = _date(gettext_lazy("Project starts"))
            self.fields["ends_on"] = _date(gettext_lazy("Project ends"))
            if outcome:
                self.fields["outcome"] = _text(gettext_lazy("Outcome"))


class KlspProposeForm(ForumFieldsForm):
    field_order = ["station"]

    def __init__(self, *args, stations, **kwargs) -> None:
        station_ids = list(stations.values_list("pk", flat=True))
        super().__init__(
            *args,
            sectors=selectors.sector_list_for_stations(station_ids=station_ids),
            settlements=selectors.settlement_list_for_stations(station_ids=station_ids),
            kind=ForumKind.KLSP,
            analysis=True,
            **kwargs,
        )
        self.fields["station"] = StationChoiceField(label=gettext_lazy("Station"))
        self.fields["station"].queryset = stations
        self.order_fields(["station"])


class SetupStartForm(forms.Form):
    """Step one of setting up a forum: which kind, in which municipality."""

    kind = forms.ChoiceField(
        label=gettext_lazy("Kind"),
        choices=[
            (ForumKind.KKSB, ForumKind.KKSB.label),
            (ForumKind.EVSB, ForumKind.EVSB.label),
        ],
    )
    municipality = MunicipalityField(
        label=gettext_lazy("Municipality"),
        empty_label=gettext_lazy("Choose the municipality"),
    )

    def __init__(self, *args, municipalities, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities


class ForumCreateForm(ForumFieldsForm):
    def __init__(self, *args, municipality, kind, stations, **kwargs) -> None:
        super().__init__(
            *args,
            sectors=Sector.objects.filter(municipality=municipality)
            .defer("boundary")
            .order_by("code"),
            settlements=selectors.settlement_list_in_municipality(
                municipality=municipality
            ),
            kind=kind,
            **kwargs,
        )
        self.fields["station"] = StationChoiceField(
            label=gettext_lazy("Station that looks after it"),
            required=kind == ForumKind.EVSB,
            empty_label=gettext_lazy("The municipality's main station")
            if kind == ForumKind.KKSB
            else gettext_lazy("Choose the station"),
        )
        self.fields["station"].queryset = stations.filter(municipality=municipality)
        self.order_fields(["station"])


class ForumEditForm(ForumFieldsForm):
    def __init__(self, *args, forum: Forum, **kwargs) -> None:
        super().__init__(
            *args,
            sectors=Sector.objects.filter(municipality=forum.municipality_id)
            .defer("boundary")
            .order_by("code"),
            settlements=selectors.settlement_list_in_municipality(
                municipality=forum.municipality
            ),
            kind=forum.kind,
            analysis=forum.kind == ForumKind.KLSP,
            outcome=True,
            **kwargs,
        )
        self.fields["partner_organisations"] = PartnerChoiceField(
            label=gettext_lazy("Partner organisations"),
            queryset=partner_choices_for_forum(forum),
            required=False,
            help_text=gettext_lazy(
                "From the list of partners; the forum's page links to each."
            ),
        )


class AccountField(forms.CharField):
    """An account named by its username or e-mail address."""

    def clean(self, value):
        value = super().clean(value).strip()
        if not value:
            return None
        user = (
            get_user_model()
            .objects.filter(Q(username__iexact=value) | Q(email__iexact=value))
            .filter(is_active=True)
            .first()
        )
        if user is None:
            raise ValidationError(
                _("No active account has the username or e-mail “%(value)s”.")
                % {"value": value}
            )
        return user


class OfficerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, officer: Officer) -> str:
        return f"{officer.display_name} ({officer.badge_number})"


class MembershipForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=120, required=False)
    role = forms.ChoiceField(label=gettext_lazy("Role"), choices=MemberRole.choices)
    organisation = forms.CharField(
        label=gettext_lazy("Organisation"),
        max_length=TITLE_LIMIT,
        required=False,
        help_text=gettext_lazy("For example the municipality, a school, an NGO."),
    )
    gender = forms.ChoiceField(label=gettext_lazy("Gender"), choices=Gender.choices)
    community = forms.ChoiceField(
        label=gettext_lazy("Community"), choices=Community.choices
    )
    age_band = forms.ChoiceField(label=gettext_lazy("Age"), choices=AgeBand.choices)
    name_is_public = forms.BooleanField(
        label=gettext_lazy("Agrees to their name being public"), required=False
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Language"),
        choices=settings.LANGUAGES,
        help_text=gettext_lazy("The member's certificates are written in it."),
    )
    start_date = forms.DateField(
        label=gettext_lazy("From"), widget=forms.DateInput(attrs={"type": "date"})
    )
    end_date = _date(gettext_lazy("Until (empty: open-ended)"))
    appointment_reference = forms.CharField(
        label=gettext_lazy("Appointment decision"),
        max_length=120,
        required=False,
        help_text=gettext_lazy(
            "For a KKSB: the municipal assembly's decision, e.g. 01-016/24."
        ),
    )
    officer = OfficerChoiceField(
        label=gettext_lazy("Officer (for a police representative)"),
        queryset=Officer.objects.none(),
        to_field_name="badge_number",
        required=False,
        empty_label=gettext_lazy("None"),
        widget=FastSelect,
    )
    account = AccountField(
        label=gettext_lazy("Account (username or e-mail)"),
        max_length=254,
        required=False,
        help_text=gettext_lazy(
            "A chair or secretary with an account keeps the forum's record: "
            "meetings, attendance, minutes."
        ),
    )

    def __init__(self, *args, forum: Forum, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = selectors.officer_list_for_forum(forum=forum)


class MembershipEndForm(forms.Form):
    end_date = forms.DateField(
        label=gettext_lazy("Last day of the seat"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )


# The list


@staff_view
@require_GET
def forum_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not permissions.can_use_forums_back_office(user):
        raise PermissionDenied
    form = StaffForumFilterForm(request.GET)
    filters = form.cleaned_data if form.is_valid() else {}
    forums = selectors.forum_list_for_user(
        user=user,
        status=filters.get("status", ""),
        kind=filters.get("kind", ""),
        municipality=filters.get("municipality"),
    )
    context = {
        "form": form,
        "waiting": selectors.forum_list_waiting_for_user(user=user),
        "page_obj": paginate(request, forums),
        "can_propose": permissions.stations_for_klsp_proposal(user).exists(),
        "can_set_up": permissions.stations_for_forum_setup(user).exists(),
    }
    return render(
        request,
        "staff/forums/list.html",
        context,
        status=200 if form.is_valid() else 400,
    )


# One forum


def _detail(
    request: HttpRequest,
    forum: Forum,
    *,
    bound: tuple[str, forms.Form] | None = None,
    status: int = 200,
) -> HttpResponse:
    """Render the record of ``forum`` (already fetched within the user's
    scope); ``bound`` keeps a posted form with its errors."""
    user = request.user
    is_klsp = forum.kind == ForumKind.KLSP
    may = {
        "station_decide": is_klsp
        and forum.status == ForumStatus.REQUESTED
        and permissions.can_review_klsp_request(user, forum),
        "final_decide": is_klsp
        and forum.status == ForumStatus.AWAITING_APPROVAL
        and permissions.can_give_final_approval(user),
        "dissolve": forum.status == ForumStatus.ACTIVE
        and permissions.can_dissolve_forum(user, forum),
        "edit": forum.status != ForumStatus.REJECTED
        and permissions.can_edit_forum(user, forum),
        "manage_members": forum.status
        not in (ForumStatus.DISSOLVED, ForumStatus.REJECTED)
        and permissions.can_manage_members(user, forum),
    }
    action_forms: dict[str, forms.Form] = {
        "station_decide": DecisionForm(prefix="station"),
        "final_decide": DecisionForm(prefix="final"),
        "dissolve": DissolveForm(prefix="dissolve"),
    }
    if bound:
        action_forms[bound[0]] = bound[1]
        may[bound[0]] = True
    today = clock.today()
    members = list(selectors.membership_list_for_record(forum=forum))
    # The courses each member completed at the Office in Vushtrri (issue 8).
    trained = training_selectors.completed_by_membership(
        membership_ids=[member.pk for member in members]
    )
    context = {
        "forum": forum,
        "forum_request": selectors.forum_request_of(forum=forum),
        "can_view_record": permissions.can_view_forum_record(user, forum),
        "steps": selectors.forum_step_list(forum=forum),
        "members": [
            (member, member.is_current(today), trained.get(member.pk, []))
            for member in members
        ],
        "links_certificates": training_permissions.can_manage_training(user),
        "sectors": selectors.forum_sector_list(forum=forum),
        "settlements": selectors.forum_settlement_list(forum=forum),
        "representation": selectors.representation_of_forum(forum=forum, day=today),
        "may": may,
        "forms": action_forms,
        "today": today,
    }
    return render(request, "staff/forums/detail.html", context, status=status)


@staff_view
@require_GET
def forum_detail(request: HttpRequest, pk: int) -> HttpResponse:
    forum = selectors.forum_get_for_user(user=request.user, pk=pk)
    return _detail(request, forum)


def _act(
    request: HttpRequest,
    pk: int,
    action: str,
    form_class: type[forms.Form],
    allowed: Callable[[Forum], bool],
    perform: Callable[[Forum, dict], str],
) -> HttpResponse:
    """Fetch the forum within the user's scope, check ``allowed`` (else
    403), validate the action's form and call ``perform``, which calls one
    service and returns the message of success."""
    forum = selectors.forum_get_for_user(user=request.user, pk=pk)
    if not allowed(forum):
        raise PermissionDenied
    prefix = {"station_decide": "station", "final_decide": "final"}.get(action, action)
    form = form_class(request.POST, prefix=prefix)
    if form.is_valid():
        try:
            message = perform(forum, form.cleaned_data)
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(request, message)
            return redirect("staff:forum-detail", pk=forum.pk)
    forum.refresh_from_db()
    return _detail(request, forum, bound=(action, form), status=400)


@staff_view
@require_POST
def forum_station_decide(request: HttpRequest, pk: int) -> HttpResponse:
    def perform(forum: Forum, data: dict) -> str:
        services.klsp_station_decide(
            forum=forum,
            by=request.user,
            approve=data["decision"],
            reason=data["reason"],
        )
        if data["decision"]:
            return _("The request is approved and goes to the Director General.")
        return _("The request is rejected; the requesters are told why.")

    return _act(
        request,
        pk,
        "station_decide",
        DecisionForm,
        lambda forum: permissions.can_review_klsp_request(request.user, forum),
        perform,
    )


@staff_view
@require_POST
def forum_final_decide(request: HttpRequest, pk: int) -> HttpResponse:
    def perform(forum: Forum, data: dict) -> str:
        services.klsp_final_decide(
            forum=forum,
            by=request.user,
            approve=data["decision"],
            reason=data["reason"],
        )
        if data["decision"]:
            return _("The committee is established and shown on the public site.")
        return _("The committee is not approved; the station is told why.")

    return _act(
        request,
        pk,
        "final_decide",
        DecisionForm,
        lambda forum: permissions.can_give_final_approval(request.user),
        perform,
    )


@staff_view
@require_POST
def forum_dissolve(request: HttpRequest, pk: int) -> HttpResponse:
    def perform(forum: Forum, data: dict) -> str:
        services.forum_dissolve(forum=forum, by=request.user, reason=data["reason"])
        return _("The forum is dissolved.")

    return _act(
        request,
        pk,
        "dissolve",
        DissolveForm,
        lambda forum: permissions.can_dissolve_forum(request.user, forum),
        perform,
    )


# Proposing a KLSP, setting up a KKSB or an EVSB, editing a forum


def _forum_fields(data: dict) -> dict:
    """Return the service's arguments from a forum form's cleaned data."""
    fields = dict(data)
    fields["sectors"] = list(fields.get("sectors") or [])
    fields["settlements"] = list(fields.get("settlements") or [])
    return fields


@staff_view
@require_http_methods(["GET", "POST"])
def klsp_propose(request: HttpRequest) -> HttpResponse:
    stations = permissions.stations_for_klsp_proposal(request.user).order_by("code")
    if not stations.exists():
        raise PermissionDenied
    form = KlspProposeForm(
        request.POST if request.method == "POST" else None,
        stations=stations,
        initial={"station": stations.first().code, "notice_days": 7},
    )
    context = {"form": form}
    if request.method == "GET":
        return render(request, "staff/forums/propose.html", context)
    if not form.is_valid():
        return render(request, "staff/forums/propose.html", context, status=400)
    try:
        forum = services.klsp_propose(
            by=request.user, **_forum_fields(form.cleaned_data)
        )
    except ValidationError as error:
        form_errors_from(form, error)
        return render(request, "staff/forums/propose.html", context, status=400)
    messages.success(
        request,
        _("The committee is proposed and goes to the Director General for approval."),
    )
    return redirect("staff:forum-detail", pk=forum.pk)


def _setup_municipalities(stations) -> QuerySet[Municipality]:
    return selectors.municipality_list_for_forms().filter(
        pk__in=stations.values("municipality_id")
    )


@staff_view
@require_http_methods(["GET", "POST"])
def forum_create(request: HttpRequest) -> HttpResponse:
    """Set up a KKSB or an EVSB: first the kind and the municipality (a GET
    form), then the forum's record for that municipality."""
    stations = permissions.stations_for_forum_setup(request.user)
    if not stations.exists():
        raise PermissionDenied
    start = SetupStartForm(
        request.GET or None, municipalities=_setup_municipalities(stations)
    )
    if not start.is_bound or not start.is_valid():
        return render(
            request,
            "staff/forums/create_start.html",
            {"start": start},
            status=400 if start.is_bound else 200,
        )
    kind = start.cleaned_data["kind"]
    municipality: Municipality = start.cleaned_data["municipality"]
    form = ForumCreateForm(
        request.POST if request.method == "POST" else None,
        municipality=municipality,
        kind=kind,
        stations=stations,
        initial={"notice_days": 7},
    )
    context = {
        "form": form,
        "kind": kind,
        "kind_label": ForumKind(kind).label,
        "municipality": municipality,
    }
    if request.method == "GET":
        return render(request, "staff/forums/create.html", context)
    if not form.is_valid():
        return render(request, "staff/forums/create.html", context, status=400)
    try:
        forum = services.forum_create(
            by=request.user,
            kind=kind,
            municipality=municipality,
            **_forum_fields(form.cleaned_data),
        )
    except ValidationError as error:
        form_errors_from(form, error)
        return render(request, "staff/forums/create.html", context, status=400)
    messages.success(request, _("The forum is set up and shown on the public site."))
    return redirect("staff:forum-detail", pk=forum.pk)


def _edit_initial(forum: Forum) -> dict:
    return {
        "name_sq": forum.name_sq,
        "name_sr_latn": forum.name_sr_latn,
        "name_en": forum.name_en,
        "purpose": forum.purpose,
        "area_description": forum.area_description,
        "sectors": list(forum.sectors.values_list("pk", flat=True)),
        "settlements": list(forum.settlements.values_list("pk", flat=True)),
        "notice_days": forum.notice_days,
        "security_analysis": forum.security_analysis,
        "goal": forum.goal,
        "partners": forum.partners,
        "starts_on": forum.starts_on,
        "ends_on": forum.ends_on,
        "outcome": forum.outcome,
        "partner_organisations": list(
            forum.partner_organisations.values_list("pk", flat=True)
        ),
    }


@staff_view
@require_http_methods(["GET", "POST"])
def forum_edit(request: HttpRequest, pk: int) -> HttpResponse:
    forum = selectors.forum_get_for_user(user=request.user, pk=pk)
    if not permissions.can_edit_forum(request.user, forum):
        raise PermissionDenied
    form = ForumEditForm(
        request.POST if request.method == "POST" else None,
        forum=forum,
        initial=_edit_initial(forum),
    )
    context = {"form": form, "forum": forum}
    if request.method == "GET":
        return render(request, "staff/forums/edit.html", context)
    if not form.is_valid():
        return render(request, "staff/forums/edit.html", context, status=400)
    try:
        services.forum_update(
            forum=forum, by=request.user, **_forum_fields(form.cleaned_data)
        )
    except ValidationError as error:
        form_errors_from(form, error)
        return render(request, "staff/forums/edit.html", context, status=400)
    messages.success(request, _("The forum's record is saved."))
    return redirect("staff:forum-detail", pk=forum.pk)


# Members


def _member_fields(data: dict) -> dict:
    fields = dict(data)
    fields["user"] = fields.pop("account")
    return fields


def _members_forum(request: HttpRequest, pk: int) -> Forum:
    forum = selectors.forum_get_for_user(user=request.user, pk=pk)
    if not permissions.can_manage_members(request.user, forum):
        raise PermissionDenied
    return forum


@staff_view
@require_http_methods(["GET", "POST"])
def member_add(request: HttpRequest, pk: int) -> HttpResponse:
    forum = _members_forum(request, pk)
    form = MembershipForm(
        request.POST if request.method == "POST" else None,
        forum=forum,
        initial={
            "start_date": clock.today(),
            "role": MemberRole.MEMBER,
            "gender": Gender.UNDISCLOSED,
            "community": Community.UNDISCLOSED,
            "age_band": AgeBand.UNDISCLOSED,
            "language": get_language(),
        },
    )
    context = {"form": form, "forum": forum}
    if request.method == "GET":
        return render(request, "staff/forums/member_form.html", context)
    if not form.is_valid():
        return render(request, "staff/forums/member_form.html", context, status=400)
    try:
        membership = services.membership_add(
            forum=forum, by=request.user, **_member_fields(form.cleaned_data)
        )
    except ValidationError as error:
        form_errors_from(form, error)
        return render(request, "staff/forums/member_form.html", context, status=400)
    messages.success(
        request, _("%(name)s is a member now.") % {"name": membership.name}
    )
    return redirect("staff:forum-detail", pk=forum.pk)


def _member_initial(membership: Membership) -> dict:
    return {
        "name": membership.name,
        "role": membership.role,
        "organisation": membership.organisation,
        "gender": membership.gender,
        "community": membership.community,
        "age_band": membership.age_band,
        "name_is_public": membership.name_is_public,
        "language": membership.language,
        "start_date": membership.start_date,
        "end_date": membership.end_date,
        "appointment_reference": membership.appointment_reference,
        "officer": membership.officer.badge_number if membership.officer else None,
        "account": membership.user.get_username() if membership.user else "",
    }


@staff_view
@require_http_methods(["GET", "POST"])
def member_edit(request: HttpRequest, pk: int, member_pk: int) -> HttpResponse:
    forum = _members_forum(request, pk)
    membership = selectors.membership_get_for_forum(forum=forum, pk=member_pk)
    form = MembershipForm(
        request.POST if request.method == "POST" else None,
        forum=forum,
        initial=_member_initial(membership),
    )
    context = {"form": form, "forum": forum, "membership": membership}
    if request.method == "GET":
        return render(request, "staff/forums/member_form.html", context)
    if not form.is_valid():
        return render(request, "staff/forums/member_form.html", context, status=400)
    try:
        services.membership_update(
            membership=membership, by=request.user, **_member_fields(form.cleaned_data)
        )
    except ValidationError as error:
        form_errors_from(form, error)
        return render(request, "staff/forums/member_form.html", context, status=400)
    messages.success(
        request, _("The seat of %(name)s is saved.") % {"name": membership.name}
    )
    return redirect("staff:forum-detail", pk=forum.pk)


@staff_view
@require_POST
def member_end(request: HttpRequest, pk: int, member_pk: int) -> HttpResponse:
    forum = _members_forum(request, pk)
    membership = selectors.membership_get_for_forum(forum=forum, pk=member_pk)
    form = MembershipEndForm(request.POST)
    if form.is_valid():
        try:
            services.membership_end(
                membership=membership,
                by=request.user,
                end_date=form.cleaned_data["end_date"],
            )
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(
                request,
                _("The seat of %(name)s ends on %(day)s.")
                % {
                    "name": membership.name,
                    "day": date_format(form.cleaned_data["end_date"]),
                },
            )
            return redirect("staff:forum-detail", pk=forum.pk)
    context = {"form": form, "forum": forum, "membership": membership}
    return render(request, "staff/forums/member_end.html", context, status=400)
