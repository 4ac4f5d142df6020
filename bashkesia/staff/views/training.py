"""Training in the back office.

Those who run the training (``training.permissions.can_manage_training``)
keep the courses and sessions, enrol forum members (a forum, then its
current members), record attendance and completion, issue, print and revoke
certificates. Station commanders read the enrolments of their station's
forums. Each action posts to its own address, calls one service and comes
back with a message, or answers 400 with the service's own words; the
others get 403.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from bashkesia.accounts.decorators import staff_view
from bashkesia.core import clock
from bashkesia.core.widgets import FastSelect
from bashkesia.partners.models import Partner
from bashkesia.partnership.models import Forum, Membership
from bashkesia.training import permissions, selectors, services
from bashkesia.training.models import (
    TEXT_LIMIT,
    TITLE_LIMIT,
    Audience,
    Course,
    Enrolment,
    TrainingSession,
)
from bashkesia.training.pdf import (
    certificate_filename,
    certificate_pdf,
    verification_url,
)

from .common import form_errors_from, paginate

LANGUAGE_CHOICES = [
    ("sq", "Shqip"),
    ("sr-latn", "Srpski (latinica)"),
    ("sr", "Српски (ћирилица)"),
    ("en", "English"),
]


# Forms


def _text(label, *, rows: int = 4, help_text="") -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=TEXT_LIMIT,
        required=False,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


def _day(label) -> forms.DateField:
    return forms.DateField(label=label, widget=forms.DateInput(attrs={"type": "date"}))


class CourseForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=20,
        help_text=gettext_lazy("Capital letters, digits and dashes, such as CP-101."),
    )
    title_sq = forms.CharField(
        label=gettext_lazy("Title (Albanian)"), max_length=TITLE_LIMIT, required=False
    )
    title_sr_latn = forms.CharField(
        label=gettext_lazy("Title (Serbian, Latin script)"),
        max_length=TITLE_LIMIT,
        required=False,
        help_text=gettext_lazy(
            "Empty: the Albanian title. The Cyrillic title is written from it."
        ),
    )
    title_en = forms.CharField(
        label=gettext_lazy("Title (English)"),
        max_length=TITLE_LIMIT,
        required=False,
        help_text=gettext_lazy("Empty: the Albanian title."),
    )
    curriculum_sq = _text(
        gettext_lazy("Curriculum (Albanian)"),
        rows=6,
        help_text=gettext_lazy("One topic a line."),
    )
    curriculum_sr_latn = _text(
        gettext_lazy("Curriculum (Serbian, Latin script)"), rows=6
    )
    curriculum_en = _text(gettext_lazy("Curriculum (English)"), rows=6)
    hours = forms.IntegerField(label=gettext_lazy("Hours"), min_value=1, max_value=1000)
    audience = forms.ChoiceField(label=gettext_lazy("For"), choices=Audience.choices)
    is_active = forms.BooleanField(
        label=gettext_lazy("Offered"), required=False, initial=True
    )


class PartnersField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, partner: Partner) -> str:
        return partner.name


class SessionForm(forms.Form):
    starts_on = _day(gettext_lazy("First day"))
    ends_on = _day(gettext_lazy("Last day"))
    place = forms.CharField(
        label=gettext_lazy("Place"),
        max_length=TITLE_LIMIT,
        required=False,
        help_text=gettext_lazy(
            "Empty: the Office at the Kosovo Academy for Public Safety, Vushtrri."
        ),
    )
    trainers = forms.CharField(
        label=gettext_lazy("Trainers"),
        max_length=TITLE_LIMIT,
        required=False,
        help_text=gettext_lazy("Their names, separated by commas."),
    )
    capacity = forms.IntegerField(
        label=gettext_lazy("Places"), min_value=1, max_value=500
    )
    partners = PartnersField(
        label=gettext_lazy("Partners"),
        queryset=Partner.objects.filter(is_active=True),
        required=False,
    )


class SessionCreateForm(SessionForm):
    course = forms.ModelChoiceField(
        label=gettext_lazy("Course"),
        queryset=Course.objects.filter(is_active=True),
        to_field_name="code",
        empty_label=gettext_lazy("Choose the course"),
        widget=FastSelect,
    )
    field_order = ["course"]


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=TEXT_LIMIT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ForumField(forms.ModelChoiceField):
    def label_from_instance(self, forum: Forum) -> str:
        return f"{forum.name} · {forum.municipality.name}"


class ForumChoiceForm(forms.Form):
    forum = ForumField(
        label=gettext_lazy("Forum"),
        queryset=Forum.objects.none(),
        empty_label=gettext_lazy("Choose the forum"),
        widget=FastSelect,
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["forum"].queryset = selectors.forum_list_for_enrolment()


class MembersField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, membership: Membership) -> str:
        return f"{membership.name} · {membership.get_role_display()}"


class EnrolForm(forms.Form):
    members = MembersField(
        label=gettext_lazy("Members to enrol"), queryset=Membership.objects.none()
    )

    def __init__(self, *args, forum: Forum, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = selectors.membership_list_current(
            forum=forum, day=clock.today()
        )


class AttendanceForm(forms.Form):
    attended = forms.TypedChoiceField(
        label=gettext_lazy("Attendance"),
        choices=[
            ("yes", gettext_lazy("Attended")),
            ("no", gettext_lazy("Did not attend")),
        ],
        coerce=lambda value: value == "yes",
    )


class LanguageForm(forms.Form):
    language = forms.ChoiceField(
        label=gettext_lazy("Language of the certificate"),
        choices=LANGUAGE_CHOICES,
        help_text=gettext_lazy("The holder's choice."),
    )


class AllLanguagesForm(forms.Form):
    language = forms.ChoiceField(
        label=gettext_lazy("Language of the certificates"),
        choices=[("", gettext_lazy("Each member's own language")), *LANGUAGE_CHOICES],
        required=False,
    )


# Helpers


def _require_manager(request: HttpRequest) -> None:
    if not permissions.can_manage_training(request.user):
        raise PermissionDenied


def _course_initial(course: Course) -> dict:
    return {
        name: getattr(course, name)
        for name in CourseForm.base_fields
        if hasattr(course, name)
    }


def _session_initial(session: TrainingSession) -> dict:
    return {
        "starts_on": session.starts_on,
        "ends_on": session.ends_on,
        "place": session.place,
        "trainers": session.trainers,
        "capacity": session.capacity,
        "partners": list(session.partners.values_list("pk", flat=True)),
    }


# The home page and courses


@staff_view
@require_GET
def training_home(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not permissions.can_view_training(user):
        raise PermissionDenied
    if not permissions.can_manage_training(user):
        # A station commander: their forums' enrolments, read only.
        context = {
            "page_obj": paginate(request, selectors.enrolment_list_for_user(user=user)),
            "stations": permissions.stations_read(user),
        }
        return render(request, "staff/training/enrolments.html", context)
    today = clock.today()
    context = {
        "courses": selectors.course_list_for_staff(),
        "upcoming": selectors.session_list_for_staff(upcoming=True, today=today),
        "page_obj": paginate(
            request, selectors.session_list_for_staff(upcoming=False, today=today)
        ),
    }
    return render(request, "staff/training/home.html", context)


@staff_view
@require_http_methods(["GET", "POST"])
def course_create(request: HttpRequest) -> HttpResponse:
    _require_manager(request)
    form = CourseForm(
        request.POST if request.method == "POST" else None,
        initial={"is_active": True},
    )
    context = {"form": form}
    if request.method == "GET":
        return render(request, "staff/training/course_form.html", context)
    if form.is_valid():
        try:
            services.course_create(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(request, _("The course is added."))
            return redirect("staff:training-home")
    return render(request, "staff/training/course_form.html", context, status=400)


@staff_view
@require_http_methods(["GET", "POST"])
def course_edit(request: HttpRequest, code: str) -> HttpResponse:
    _require_manager(request)
    course = selectors.course_get_for_user(user=request.user, code=code)
    form = CourseForm(
        request.POST if request.method == "POST" else None,
        initial=_course_initial(course),
    )
    context = {"form": form, "course": course}
    if request.method == "GET":
        return render(request, "staff/training/course_form.html", context)
    if form.is_valid():
        try:
            services.course_update(course=course, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(request, _("The course is saved."))
            return redirect("staff:training-home")
    return render(request, "staff/training/course_form.html", context, status=400)


# Sessions


@staff_view
@require_http_methods(["GET", "POST"])
def session_create(request: HttpRequest) -> HttpResponse:
    _require_manager(request)
    form = SessionCreateForm(
        request.POST if request.method == "POST" else None,
        initial={"course": request.GET.get("course"), "capacity": 25},
    )
    context = {"form": form}
    if request.method == "GET":
        return render(request, "staff/training/session_form.html", context)
    if form.is_valid():
        data = form.cleaned_data
        try:
            session = services.session_create(
                by=request.user,
                course=data["course"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                capacity=data["capacity"],
                trainers=data["trainers"],
                place=data["place"],
                partners=data["partners"],
            )
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(request, _("The session is planned."))
            return redirect("staff:training-session", pk=session.pk)
    return render(request, "staff/training/session_form.html", context, status=400)


@staff_view
@require_http_methods(["GET", "POST"])
def session_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _require_manager(request)
    session = selectors.session_get_for_user(user=request.user, pk=pk)
    form = SessionForm(
        request.POST if request.method == "POST" else None,
        initial=_session_initial(session),
    )
    context = {"form": form, "session": session}
    if request.method == "GET":
        return render(request, "staff/training/session_form.html", context)
    if form.is_valid():
        try:
            services.session_update(
                session=session, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(request, _("The session is saved."))
            return redirect("staff:training-session", pk=session.pk)
    return render(request, "staff/training/session_form.html", context, status=400)


def _session_page(
    request: HttpRequest,
    session: TrainingSession,
    *,
    error_forms: dict[str, forms.Form] | None = None,
    status: int = 200,
) -> HttpResponse:
    enrolments = list(selectors.enrolment_list_for_session(session=session))
    context = {
        "session": session,
        "enrolments": enrolments,
        "taken": sum(1 for enrolment in enrolments if enrolment.takes_a_place),
        "waiting_certificates": sum(
            1
            for enrolment in enrolments
            if enrolment.status == Enrolment.Status.COMPLETED
            and not hasattr(enrolment, "certificate")
        ),
        "today": clock.today(),
        "cancel_form": ReasonForm(prefix="cancel"),
        "language_choices": LANGUAGE_CHOICES,  # each member's preselected
        "all_languages_form": AllLanguagesForm(),
        "forum_form": ForumChoiceForm(),
        **(error_forms or {}),
    }
    return render(request, "staff/training/session.html", context, status=status)


@staff_view
@require_GET
def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _require_manager(request)
    session = selectors.session_get_for_user(user=request.user, pk=pk)
    return _session_page(request, session)


@staff_view
@require_POST
def session_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    _require_manager(request)
    session = selectors.session_get_for_user(user=request.user, pk=pk)
    form = ReasonForm(request.POST, prefix="cancel")
    if form.is_valid():
        try:
            services.session_cancel(
                session=session, by=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(request, _("The session is cancelled."))
            return redirect("staff:training-session", pk=session.pk)
    return _session_page(
        request, session, error_forms={"cancel_form": form}, status=400
    )


# Enrolment


@staff_view
@require_http_methods(["GET", "POST"])
def session_enrol(request: HttpRequest, pk: int) -> HttpResponse:
    """Enrol members: first the forum (``?forum=``), then its current
    members."""
    _require_manager(request)
    session = selectors.session_get_for_user(user=request.user, pk=pk)
    choice = ForumChoiceForm(request.GET or None)
    if not choice.is_bound or not choice.is_valid():
        return render(
            request,
            "staff/training/enrol.html",
            {"session": session, "choice": choice},
            status=400 if choice.is_bound else 200,
        )
    forum = choice.cleaned_data["forum"]
    form = EnrolForm(request.POST if request.method == "POST" else None, forum=forum)
    context = {"session": session, "choice": choice, "forum": forum, "form": form}
    if request.method == "GET":
        return render(request, "staff/training/enrol.html", context)
    if form.is_valid():
        try:
            enrolled = services.enrolments_create(
                session=session,
                memberships=form.cleaned_data["members"],
                by=request.user,
            )
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)s member is enrolled.",
                    "%(count)s members are enrolled.",
                    len(enrolled),
                )
                % {"count": len(enrolled)},
            )
            return redirect("staff:training-session", pk=session.pk)
    return render(request, "staff/training/enrol.html", context, status=400)


def _enrolment_action(request: HttpRequest, pk: int, perform) -> HttpResponse:
    """Fetch the enrolment, call ``perform`` (one service, returning the
    message of success) and go back to its session; a refusal answers 400
    on the session's page with the service's words."""
    _require_manager(request)
    enrolment = selectors.enrolment_get_for_user(user=request.user, pk=pk)
    try:
        message = perform(enrolment)
    except ValidationError as error:
        session = selectors.session_get_for_user(
            user=request.user, pk=enrolment.session_id
        )
        return _session_page(
            request, session, error_forms={"errors": error.messages}, status=400
        )
    messages.success(request, message)
    return redirect("staff:training-session", pk=enrolment.session_id)


@staff_view
@require_POST
def enrolment_attendance(request: HttpRequest, pk: int) -> HttpResponse:
    form = AttendanceForm(request.POST)

    def perform(enrolment: Enrolment) -> str:
        if not form.is_valid():
            raise ValidationError(_("Say whether the member attended."))
        services.attendance_record(
            enrolment=enrolment,
            by=request.user,
            attended=form.cleaned_data["attended"],
        )
        return _("The attendance of %(name)s is recorded.") % {
            "name": enrolment.membership.name
        }

    return _enrolment_action(request, pk, perform)


@staff_view
@require_POST
def enrolment_complete(request: HttpRequest, pk: int) -> HttpResponse:
    def perform(enrolment: Enrolment) -> str:
        services.enrolment_complete(enrolment=enrolment, by=request.user)
        return _("%(name)s completed the course.") % {"name": enrolment.membership.name}

    return _enrolment_action(request, pk, perform)


@staff_view
@require_POST
def enrolment_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    def perform(enrolment: Enrolment) -> str:
        services.enrolment_withdraw(enrolment=enrolment, by=request.user)
        return _("%(name)s has withdrawn; the place is free.") % {
            "name": enrolment.membership.name
        }

    return _enrolment_action(request, pk, perform)


# Certificates


@staff_view
@require_POST
def certificate_issue(request: HttpRequest, pk: int) -> HttpResponse:
    form = LanguageForm(request.POST)

    def perform(enrolment: Enrolment) -> str:
        if not form.is_valid():
            raise ValidationError(_("Choose the certificate's language."))
        certificate = services.certificate_issue(
            enrolment=enrolment,
            by=request.user,
            language=form.cleaned_data["language"],
        )
        return _("Certificate %(code)s is issued to %(name)s.") % {
            "code": certificate.code,
            "name": certificate.holder_name,
        }

    return _enrolment_action(request, pk, perform)


@staff_view
@require_POST
def certificates_issue_all(request: HttpRequest, pk: int) -> HttpResponse:
    _require_manager(request)
    session = selectors.session_get_for_user(user=request.user, pk=pk)
    form = AllLanguagesForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Choose the certificate's language."))
        issued = services.certificates_issue_all(
            session=session, by=request.user, language=form.cleaned_data["language"]
        )
    except ValidationError as error:
        return _session_page(
            request, session, error_forms={"errors": error.messages}, status=400
        )
    messages.success(
        request,
        ngettext(
            "%(count)s certificate is issued.",
            "%(count)s certificates are issued.",
            len(issued),
        )
        % {"count": len(issued)},
    )
    return redirect("staff:training-session", pk=session.pk)


def _certificate_page(
    request: HttpRequest, certificate, *, form=None, status: int = 200
) -> HttpResponse:
    context = {
        "certificate": certificate,
        "verification_url": verification_url(certificate),
        "form": form or ReasonForm(),
    }
    return render(request, "staff/training/certificate.html", context, status=status)


@staff_view
@require_GET
def certificate_detail(request: HttpRequest, code: str) -> HttpResponse:
    _require_manager(request)
    certificate = selectors.certificate_get_for_user(user=request.user, code=code)
    return _certificate_page(request, certificate)


@staff_view
@require_GET
def certificate_download(request: HttpRequest, code: str) -> HttpResponse:
    _require_manager(request)
    certificate = selectors.certificate_get_for_user(user=request.user, code=code)
    response = HttpResponse(
        certificate_pdf(certificate), content_type="application/pdf"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{certificate_filename(certificate)}"'
    )
    return response


@staff_view
@require_POST
def certificate_revoke(request: HttpRequest, code: str) -> HttpResponse:
    _require_manager(request)
    certificate = selectors.certificate_get_for_user(user=request.user, code=code)
    form = ReasonForm(request.POST)
    if form.is_valid():
        try:
            services.certificate_revoke(
                certificate=certificate,
                by=request.user,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(request, _("The certificate is revoked."))
            return redirect("staff:training-certificate", code=certificate.code)
    return _certificate_page(request, certificate, form=form, status=400)
