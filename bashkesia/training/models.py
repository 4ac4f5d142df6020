"""Training of forum members at the Community Safety Coordination Office
(Vushtrri): courses, sessions, enrolment, attendance, certificates.

A course is taught in sessions; forum members (partnership ``Membership``
seats) enrol, attend and complete a session; a completed enrolment earns one
certificate, verified by anyone with its code. A certificate keeps the
holder's name, the course's title, hours and dates as they were when it was
issued.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bashkesia.core.models import TimeStampedModel, multilingual
from bashkesia.partners.models import Partner
from bashkesia.partnership.models import Membership

TEXT_LIMIT = 8000
TITLE_LIMIT = 200


class Audience(models.TextChoices):
    KLSP = "klsp", _("KLSP members")
    KKSB = "kksb", _("KKSB members")
    EVSB = "evsb", _("EVSB members")
    POLICE = "police", _("police officers")
    MIXED = "mixed", _("mixed groups")


class Course(TimeStampedModel):
    """A course of the Office: what it teaches, for whom, in how many hours."""

    code = models.CharField(
        _("code"),
        max_length=20,
        unique=True,
        help_text=_("Capital letters, digits and dashes, such as CP-101."),
    )
    title_sq = models.CharField(_("title (Albanian)"), max_length=TITLE_LIMIT)
    title_sr_latn = models.CharField(
        _("title (Serbian, Latin)"), max_length=TITLE_LIMIT, blank=True
    )
    title_sr = models.CharField(
        _("title (Serbian, Cyrillic)"), max_length=TITLE_LIMIT, blank=True
    )
    title_en = models.CharField(
        _("title (English)"), max_length=TITLE_LIMIT, blank=True
    )
    curriculum_sq = models.TextField(
        _("curriculum (Albanian)"), max_length=TEXT_LIMIT, blank=True
    )
    curriculum_sr_latn = models.TextField(
        _("curriculum (Serbian, Latin)"), max_length=TEXT_LIMIT, blank=True
    )
    curriculum_sr = models.TextField(
        _("curriculum (Serbian, Cyrillic)"), max_length=TEXT_LIMIT, blank=True
    )
    curriculum_en = models.TextField(
        _("curriculum (English)"), max_length=TEXT_LIMIT, blank=True
    )
    hours = models.PositiveSmallIntegerField(_("hours"))
    audience = models.CharField(_("audience"), max_length=8, choices=Audience.choices)
    is_active = models.BooleanField(_("offered"), default=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    title = multilingual("title")
    curriculum = multilingual("curriculum")

    class Meta:
        ordering = ["code"]
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        constraints = [
            models.CheckConstraint(
                condition=Q(hours__gte=1), name="training_course_has_hours"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title_en or self.title_sq}"

    def get_absolute_url(self) -> str:
        return reverse("training:course", args=[self.code])

    @property
    def curriculum_items(self) -> list[str]:
        return [line.strip() for line in self.curriculum.splitlines() if line.strip()]


class TrainingSession(TimeStampedModel):
    """A course taught on given days, at a place, by trainers, to at most
    ``capacity`` forum members."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        HELD = "held", _("held")
        CANCELLED = "cancelled", _("cancelled")

    course = models.ForeignKey(
        Course,
        on_delete=models.PROTECT,
        related_name="sessions",
        verbose_name=_("course"),
    )
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    # Blank: the Office itself (shown translated, see ``place_label``).
    place = models.CharField(_("place"), max_length=TITLE_LIMIT, blank=True)
    trainers = models.CharField(_("trainers"), max_length=TITLE_LIMIT, blank=True)
    capacity = models.PositiveSmallIntegerField(_("places"))
    partners = models.ManyToManyField(
        Partner,
        blank=True,
        related_name="training_sessions",
        verbose_name=_("partners"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    cancelled_reason = models.TextField(
        _("why it was cancelled"), max_length=TEXT_LIMIT, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["starts_on", "pk"]
        verbose_name = _("training session")
        verbose_name_plural = _("training sessions")
        indexes = [models.Index(fields=["status", "starts_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="training_session_days_in_order",
            ),
            models.CheckConstraint(
                condition=Q(capacity__gte=1), name="training_session_has_places"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.course.code} {self.starts_on:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        """Sessions are listed on their course's public page."""
        return self.course.get_absolute_url()

    @property
    def place_label(self) -> str:
        return self.place or str(DEFAULT_PLACE)


DEFAULT_PLACE = _(
    "Community Safety Coordination Office, Kosovo Academy for Public Safety, Vushtrri"
)


class Enrolment(TimeStampedModel):
    """A forum member's place in a session, and how it went."""

    class Status(models.TextChoices):
        ENROLLED = "enrolled", _("enrolled")
        ATTENDED = "attended", _("attended")
        COMPLETED = "completed", _("completed")
        WITHDRAWN = "withdrawn", _("withdrawn")
        NO_SHOW = "no_show", _("did not attend")

    session = models.ForeignKey(
        TrainingSession,
        on_delete=models.CASCADE,
        related_name="enrolments",
        verbose_name=_("training session"),
    )
    membership = models.ForeignKey(
        Membership,
        on_delete=models.PROTECT,
        related_name="training_enrolments",
        verbose_name=_("forum member"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ENROLLED
    )
    attendance_recorded_at = models.DateTimeField(
        _("attendance recorded"), null=True, blank=True
    )
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    enrolled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("enrolled by"),
    )

    class Meta:
        ordering = ["session", "membership__name", "pk"]
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "membership"],
                name="training_enrolment_once_per_session",
            ),
            models.CheckConstraint(
                condition=~Q(status="completed") | Q(completed_at__isnull=False),
                name="training_completion_has_a_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.membership.name} · {self.session}"

    @property
    def takes_a_place(self) -> bool:
        return self.status != self.Status.WITHDRAWN


class Certificate(models.Model):
    """The certificate of a completed enrolment, as it was issued."""

    enrolment = models.OneToOneField(
        Enrolment,
        on_delete=models.PROTECT,
        related_name="certificate",
        verbose_name=_("enrolment"),
    )
    code = models.CharField(_("verification code"), max_length=13, unique=True)
    holder_name = models.CharField(_("holder"), max_length=120)
    course_code = models.CharField(_("course code"), max_length=20)
    course_title_sq = models.CharField(
        _("course title (Albanian)"), max_length=TITLE_LIMIT
    )
    course_title_sr_latn = models.CharField(
        _("course title (Serbian, Latin)"), max_length=TITLE_LIMIT, blank=True
    )
    course_title_sr = models.CharField(
        _("course title (Serbian, Cyrillic)"), max_length=TITLE_LIMIT, blank=True
    )
    course_title_en = models.CharField(
        _("course title (English)"), max_length=TITLE_LIMIT, blank=True
    )
    hours = models.PositiveSmallIntegerField(_("hours"))
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    language = models.CharField(
        _("language of the certificate"), max_length=8, choices=settings.LANGUAGES
    )
    issued_at = models.DateTimeField(_("issued"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("issued by"),
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_reason = models.TextField(
        _("why it was revoked"), max_length=TEXT_LIMIT, blank=True
    )
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )

    course_title = multilingual("course_title")

    class Meta:
        ordering = ["-issued_at", "-pk"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True) | ~Q(revoked_reason=""),
                name="training_revocation_has_a_reason",
            )
        ]

    def __str__(self) -> str:
        return self.code

    def get_absolute_url(self) -> str:
        return reverse("training:verify-code", args=[self.code])

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None
