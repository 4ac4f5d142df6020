"""Police and community together: safety forums, their members and meetings,
the action items that come out of them, public events, sector priorities and
problem-solving (SARA).

Forums come in three kinds (see GLOSSARY.md): a KLSP (local public safety
committee) in a village or neighbourhood, set up on the citizens' request or
the station commander's proposal and approved by the commander, then the
Director General; a KKSB (municipal community safety council), one per
municipality, chaired by the mayor, members appointed by the assembly; an
EVSB (community safety action team), a volunteer team run as a project.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bashkesia.concerns.models import Concern
from bashkesia.core.models import MultilingualNameModel, TimeStampedModel
from bashkesia.officers.models import Officer
from bashkesia.partners.models import Partner
from bashkesia.territory.models import Municipality, Sector, Settlement, Station

TEXT_LIMIT = 4000
TITLE_LIMIT = 200


# Forums


class ForumKind(models.TextChoices):
    KLSP = "klsp", _("Local Public Safety Committee (KLSP)")
    KKSB = "kksb", _("Municipal Community Safety Council (KKSB)")
    EVSB = "evsb", _("Community Safety Action Team (EVSB)")


class ForumStatus(models.TextChoices):
    # A KLSP's way in: requested by citizens (the station commander decides)
    # or proposed by the commander; then the Director General decides.
    REQUESTED = "requested", _("requested, awaiting the station commander")
    AWAITING_APPROVAL = (
        "awaiting_approval",
        _("awaiting the Director General's approval"),
    )
    ACTIVE = "active", _("active")
    REJECTED = "rejected", _("not approved")
    DISSOLVED = "dissolved", _("dissolved")


class Forum(MultilingualNameModel, TimeStampedModel):
    """A KLSP, KKSB or EVSB: where police and community meet."""

    class Origin(models.TextChoices):
        CITIZENS = "citizens", _("requested by citizens")
        STATION = "station", _("proposed by the station commander")
        DIRECTORATE = "directorate", _("set up by the directorate")

    kind = models.CharField(_("kind"), max_length=4, choices=ForumKind.choices)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ForumStatus.choices,
        default=ForumStatus.ACTIVE,
    )
    origin = models.CharField(
        _("set up"),
        max_length=12,
        choices=Origin.choices,
        default=Origin.DIRECTORATE,
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="forums",
        verbose_name=_("municipality"),
    )
    station = models.ForeignKey(
        Station,
        on_delete=models.PROTECT,
        related_name="forums",
        verbose_name=_("police station"),
        help_text=_("The station whose commander looks after the forum."),
    )
    sectors = models.ManyToManyField(
        Sector, blank=True, related_name="forums", verbose_name=_("police sectors")
    )
    settlements = models.ManyToManyField(
        Settlement,
        blank=True,
        related_name="forums",
        verbose_name=_("villages and neighbourhoods"),
    )
    area_description = models.CharField(_("area"), max_length=TITLE_LIMIT, blank=True)
    purpose = models.TextField(_("purpose"), max_length=TEXT_LIMIT, blank=True)
    # Staff only: the commander's security analysis behind a proposal.
    security_analysis = models.TextField(
        _("security analysis"), max_length=TEXT_LIMIT, blank=True
    )
    notice_days = models.PositiveSmallIntegerField(
        _("public notice of meetings (days ahead)"), default=7
    )
    established_on = models.DateField(_("established"), null=True, blank=True)
    dissolved_on = models.DateField(_("dissolved"), null=True, blank=True)
    status_reason = models.TextField(
        _("reason"),
        max_length=TEXT_LIMIT,
        blank=True,
        help_text=_("Why it was not approved or was dissolved."),
    )
    # An EVSB is run as a project.
    goal = models.TextField(_("goal"), max_length=TEXT_LIMIT, blank=True)
    partners = models.CharField(_("partners"), max_length=TITLE_LIMIT, blank=True)
    starts_on = models.DateField(_("project starts"), null=True, blank=True)
    ends_on = models.DateField(_("project ends"), null=True, blank=True)
    outcome = models.TextField(_("outcome"), max_length=TEXT_LIMIT, blank=True)
    partner_organisations = models.ManyToManyField(
        Partner,
        blank=True,
        related_name="forums",
        verbose_name=_("partner organisations"),
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["municipality__name_sq", "kind", "name_sq"]
        verbose_name = _("safety forum")
        verbose_name_plural = _("safety forums")
        constraints = [
            # One KKSB per municipality (a dissolved one may be followed by a
            # new one).
            models.UniqueConstraint(
                fields=["municipality"],
                condition=Q(kind="kksb") & ~Q(status="dissolved"),
                name="partnership_one_kksb_per_municipality",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                name="partnership_forum_project_dates_in_order",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("partnership:forum", args=[self.pk])

    @property
    def is_public(self) -> bool:
        """Return whether the public pages show the forum."""
        return self.status in (ForumStatus.ACTIVE, ForumStatus.DISSOLVED)


class ForumRequest(TimeStampedModel):
    """Citizens' written request to set up a KLSP.

    The requesters follow it with ``tracking_code``; their names and contact
    are seen only by the police handling it.
    """

    forum = models.OneToOneField(
        Forum,
        on_delete=models.CASCADE,
        related_name="request",
        verbose_name=_("safety forum"),
    )
    tracking_code = models.CharField(_("tracking code"), max_length=14, unique=True)
    requesters = models.TextField(
        _("requesters"),
        max_length=TEXT_LIMIT,
        help_text=_("The names of the citizens who ask, one a line."),
    )
    reasons = models.TextField(_("reasons"), max_length=TEXT_LIMIT)
    contact_name = models.CharField(_("contact person"), max_length=120)
    contact_email = models.EmailField(_("e-mail"), blank=True)
    contact_phone = models.CharField(_("telephone"), max_length=40, blank=True)
    language = models.CharField(_("language"), max_length=7, default="sq")

    class Meta:
        verbose_name = _("request for a KLSP")
        verbose_name_plural = _("requests for a KLSP")

    def __str__(self) -> str:
        return self.tracking_code

    def get_absolute_url(self) -> str:
        return reverse("partnership:request-track", args=[self.tracking_code])

    @property
    def requester_names(self) -> list[str]:
        return [line.strip() for line in self.requesters.splitlines() if line.strip()]


class ForumStep(models.Model):
    """One step in a forum's life: who did what, when and why."""

    class Action(models.TextChoices):
        REQUESTED = "requested", _("requested by citizens")
        PROPOSED = "proposed", _("proposed by the station commander")
        STATION_APPROVED = "station_approved", _("approved by the station commander")
        STATION_REJECTED = "station_rejected", _("rejected by the station commander")
        APPROVED = "approved", _("approved by the Director General")
        REJECTED = "rejected", _("rejected by the Director General")
        ESTABLISHED = "established", _("established")
        DISSOLVED = "dissolved", _("dissolved")

    forum = models.ForeignKey(
        Forum,
        on_delete=models.CASCADE,
        related_name="steps",
        verbose_name=_("safety forum"),
    )
    action = models.CharField(_("step"), max_length=20, choices=Action.choices)
    at = models.DateTimeField(_("when"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    reason = models.TextField(_("reason"), max_length=TEXT_LIMIT, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("forum step")
        verbose_name_plural = _("forum steps")

    def __str__(self) -> str:
        return f"{self.forum} · {self.get_action_display()}"


# Members


class MemberRole(models.TextChoices):
    CHAIR = "chair", _("chair")
    DEPUTY = "deputy", _("deputy chair")
    SECRETARY = "secretary", _("secretary")
    POLICE = "police", _("police representative")
    MUNICIPAL = "municipal", _("municipal representative")
    MEMBER = "member", _("member")


class Gender(models.TextChoices):
    FEMALE = "female", _("woman")
    MALE = "male", _("man")
    UNDISCLOSED = "undisclosed", _("not stated")


class Community(models.TextChoices):
    """Kosovo's communities, as the census and the forums' rules name them."""

    ALBANIAN = "albanian", _("Albanian")
    SERB = "serb", _("Serb")
    BOSNIAK = "bosniak", _("Bosniak")
    TURKISH = "turkish", _("Turkish")
    ROMA = "roma", _("Roma")
    ASHKALI = "ashkali", _("Ashkali")
    EGYPTIAN = "egyptian", _("Egyptian")
    GORANI = "gorani", _("Gorani")
    OTHER = "other", _("other")
    UNDISCLOSED = "undisclosed", _("not stated")


class AgeBand(models.TextChoices):
    YOUTH = "under_25", _("under 25")
    ADULT = "25_64", _("25 to 64")
    SENIOR = "65_plus", _("65 and over")
    UNDISCLOSED = "undisclosed", _("not stated")


class Membership(TimeStampedModel):
    """A person's seat in a forum, from one day to another.

    The name of a civilian member is public only with their consent; police
    and municipal representatives serve in public office.
    """

    forum = models.ForeignKey(
        Forum,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("safety forum"),
    )
    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role"), max_length=10, choices=MemberRole.choices)
    organisation = models.CharField(
        _("organisation"), max_length=TITLE_LIMIT, blank=True
    )
    gender = models.CharField(
        _("gender"), max_length=12, choices=Gender.choices, default=Gender.UNDISCLOSED
    )
    community = models.CharField(
        _("community"),
        max_length=12,
        choices=Community.choices,
        default=Community.UNDISCLOSED,
    )
    age_band = models.CharField(
        _("age"), max_length=12, choices=AgeBand.choices, default=AgeBand.UNDISCLOSED
    )
    name_is_public = models.BooleanField(
        _("agrees to their name being public"), default=False
    )
    # What the member reads: their training certificates are written in it.
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="sq"
    )
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("until"), null=True, blank=True)
    appointment_reference = models.CharField(
        _("appointment decision"),
        max_length=120,
        blank=True,
        help_text=_("For a KKSB: the municipal assembly's decision, e.g. 01-016/24."),
    )
    # A police representative is an officer; a secretary or chair who keeps
    # the forum's record signs in with an account.
    officer = models.ForeignKey(
        Officer,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="forum_memberships",
        verbose_name=_("officer"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="forum_memberships",
        verbose_name=_("account"),
    )

    class Meta:
        ordering = ["forum", "start_date", "pk"]
        verbose_name = _("forum member")
        verbose_name_plural = _("forum members")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="partnership_membership_dates_in_order",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} · {self.get_role_display()}"

    def is_current(self, day: datetime.date) -> bool:
        return self.start_date <= day and (
            self.end_date is None or self.end_date >= day
        )

    @property
    def public_name(self) -> str:
        """Return the name the public may see, or "" (shown as the role)."""
        in_office = self.role in (MemberRole.POLICE, MemberRole.MUNICIPAL)
        return self.name if (self.name_is_public or in_office) else ""


class WorkPlan(TimeStampedModel):
    """A KKSB's annual work plan, adopted by the municipal assembly; its items
    are ``ActionItem`` rows tracked through the year."""

    forum = models.ForeignKey(
        Forum,
        on_delete=models.CASCADE,
        related_name="work_plans",
        verbose_name=_("safety forum"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    adopted_on = models.DateField(_("adopted by the assembly"), null=True, blank=True)
    assembly_reference = models.CharField(
        _("assembly decision"), max_length=120, blank=True
    )

    class Meta:
        ordering = ["forum", "-year"]
        verbose_name = _("annual work plan")
        verbose_name_plural = _("annual work plans")
        constraints = [
            models.UniqueConstraint(
                fields=["forum", "year"], name="partnership_one_work_plan_a_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.forum} · {self.year}"


# Meetings


class Meeting(TimeStampedModel):
    """A meeting of a forum: scheduled, then held (or cancelled)."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("scheduled")
        HELD = "held", _("held")
        CANCELLED = "cancelled", _("cancelled")

    forum = models.ForeignKey(
        Forum,
        on_delete=models.CASCADE,
        related_name="meetings",
        verbose_name=_("safety forum"),
    )
    title = models.CharField(_("title"), max_length=TITLE_LIMIT)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=TITLE_LIMIT, blank=True)
    online_link = models.URLField(_("online link"), blank=True)
    is_public = models.BooleanField(_("open to the public"), default=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SCHEDULED
    )
    agenda = models.TextField(
        _("agenda"), max_length=TEXT_LIMIT, blank=True, help_text=_("One item a line.")
    )
    # When the public was told; compared with the forum's notice rule.
    notice_given_at = models.DateTimeField(
        _("public notice given"), null=True, blank=True
    )
    cancelled_reason = models.TextField(
        _("why it was cancelled"), max_length=TEXT_LIMIT, blank=True
    )
    # Attendance: the members present, and the citizens counted at the door
    # ({"total": n, "gender": {...}, "community": {...}, "age_band": {...}},
    # keys from Gender, Community and AgeBand).
    members_present = models.ManyToManyField(
        Membership,
        blank=True,
        related_name="meetings_attended",
        verbose_name=_("members present"),
    )
    citizens = models.JSONField(_("citizens present"), default=dict, blank=True)
    # A KKSB's monthly meeting hears the station commander's security report.
    security_report = models.TextField(
        _("station commander's security report"), max_length=20000, blank=True
    )
    security_report_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("report by"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("scheduled by"),
    )

    class Meta:
        ordering = ["-starts_at", "-pk"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        indexes = [models.Index(fields=["forum", "-starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True)
                | Q(ends_at__gte=models.F("starts_at")),
                name="partnership_meeting_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("partnership:meeting", args=[self.forum_id, self.pk])

    @property
    def agenda_items(self) -> list[str]:
        return [line.strip() for line in self.agenda.splitlines() if line.strip()]


class Minutes(models.Model):
    """A version of a meeting's minutes.

    The secretary drafts them; the next meeting approves them. Approved
    minutes never change: a correction is a new version, approved in turn.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        APPROVED = "approved", _("approved")

    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.CASCADE,
        related_name="minutes",
        verbose_name=_("meeting"),
    )
    version = models.PositiveSmallIntegerField(_("version"))
    text = models.TextField(_("minutes"), max_length=50000)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("drafted by"),
    )
    drafted_at = models.DateTimeField(_("drafted"))
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    approved_at_meeting = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="minutes_approved",
        verbose_name=_("approved at the meeting"),
    )
    correction_note = models.CharField(
        _("what the correction changes"), max_length=TITLE_LIMIT, blank=True
    )

    class Meta:
        ordering = ["meeting", "version"]
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "version"], name="partnership_minutes_version_once"
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(approved_at__isnull=False),
                name="partnership_approved_minutes_have_a_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.meeting} · v{self.version}"


class Recommendation(models.Model):
    """A recommendation a meeting ended with."""

    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.CASCADE,
        related_name="recommendations",
        verbose_name=_("meeting"),
    )
    text = models.TextField(_("recommendation"), max_length=TEXT_LIMIT)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["meeting", "order", "pk"]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")

    def __str__(self) -> str:
        return self.text[:80]


class ActionItem(TimeStampedModel):
    """Something a forum agreed to do: who, by when, and how it goes.

    Comes from a meeting's recommendation or a KKSB's annual work plan.
    """

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        IN_PROGRESS = "in_progress", _("in progress")
        DONE = "done", _("done")
        DROPPED = "dropped", _("dropped")

    forum = models.ForeignKey(
        Forum,
        on_delete=models.CASCADE,
        related_name="action_items",
        verbose_name=_("safety forum"),
    )
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="action_items",
        verbose_name=_("agreed at"),
    )
    recommendation = models.ForeignKey(
        Recommendation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="action_items",
        verbose_name=_("recommendation"),
    )
    work_plan = models.ForeignKey(
        WorkPlan,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="items",
        verbose_name=_("annual work plan"),
    )
    title = models.CharField(_("action"), max_length=TITLE_LIMIT)
    owner = models.CharField(_("owner"), max_length=TITLE_LIMIT)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.OPEN
    )
    closed_on = models.DateField(_("closed"), null=True, blank=True)

    class Meta:
        ordering = ["deadline", "pk"]
        verbose_name = _("action item")
        verbose_name_plural = _("action items")

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.OPEN, self.Status.IN_PROGRESS)

    def is_overdue(self, day: datetime.date) -> bool:
        return self.is_open and self.deadline is not None and self.deadline < day


class ActionItemUpdate(models.Model):
    """Progress on an action item, with the status it moved to."""

    item = models.ForeignKey(
        ActionItem,
        on_delete=models.CASCADE,
        related_name="updates",
        verbose_name=_("action item"),
    )
    text = models.TextField(_("update"), max_length=TEXT_LIMIT)
    status = models.CharField(
        _("status"), max_length=12, choices=ActionItem.Status.choices
    )
    at = models.DateTimeField(_("when"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("action item update")
        verbose_name_plural = _("action item updates")

    def __str__(self) -> str:
        return f"{self.item} · {self.get_status_display()}"


# The public calendar


class Event(TimeStampedModel):
    """An entry of the public calendar: a forum's public meeting (kept in step
    with it) or a community event such as "meet your sector officers"."""

    class Kind(models.TextChoices):
        FORUM_MEETING = "forum_meeting", _("forum meeting")
        MEET_OFFICERS = "meet_officers", _("meet your sector officers")
        SCHOOL_VISIT = "school_visit", _("school visit")
        CAMPAIGN = "campaign", _("campaign event")
        OTHER = "other", _("community event")

    kind = models.CharField(_("kind"), max_length=14, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=TITLE_LIMIT)
    description = models.TextField(_("description"), max_length=TEXT_LIMIT, blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=TITLE_LIMIT, blank=True)
    online_link = models.URLField(_("online link"), blank=True)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="events",
        verbose_name=_("municipality"),
    )
    sector = models.ForeignKey(
        Sector,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("police sector"),
    )
    forum = models.ForeignKey(
        Forum,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("safety forum"),
    )
    meeting = models.OneToOneField(
        Meeting,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="event",
        verbose_name=_("meeting"),
    )
    is_cancelled = models.BooleanField(_("cancelled"), default=False)
    # RFC 5545 SEQUENCE: bumped on every change calendar clients must see.
    sequence = models.PositiveIntegerField(default=0, editable=False)
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
        ordering = ["starts_at", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [
            models.Index(fields=["starts_at"]),
            models.Index(fields=["sector", "starts_at"]),
            models.Index(fields=["municipality", "starts_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True)
                | Q(ends_at__gte=models.F("starts_at")),
                name="partnership_event_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("partnership:event", args=[self.pk])


# Sector priorities and problem-solving


class Problem(TimeStampedModel):
    """A problem worked through SARA: scanning, analysis, response,
    assessment. Staff only; it may become a public sector priority."""

    class Stage(models.TextChoices):
        SCANNING = "scanning", _("scanning")
        ANALYSIS = "analysis", _("analysis")
        RESPONSE = "response", _("response")
        ASSESSMENT = "assessment", _("assessment")
        CLOSED = "closed", _("closed")

    class Result(models.TextChoices):
        WORKED = "worked", _("it worked")
        PARTLY = "partly", _("it partly worked")
        DID_NOT = "did_not", _("it did not work")

    station = models.ForeignKey(
        Station,
        on_delete=models.PROTECT,
        related_name="problems",
        verbose_name=_("police station"),
    )
    sector = models.ForeignKey(
        Sector,
        on_delete=models.PROTECT,
        related_name="problems",
        verbose_name=_("police sector"),
    )
    title = models.CharField(_("problem"), max_length=TITLE_LIMIT)
    stage = models.CharField(
        _("stage"), max_length=10, choices=Stage.choices, default=Stage.SCANNING
    )
    scanning = models.TextField(
        _("what was observed"), max_length=TEXT_LIMIT, blank=True
    )
    concerns = models.ManyToManyField(
        Concern, blank=True, related_name="problems", verbose_name=_("concerns")
    )
    analysis = models.TextField(_("analysis"), max_length=TEXT_LIMIT, blank=True)
    assessment = models.TextField(_("assessment"), max_length=TEXT_LIMIT, blank=True)
    measured_how = models.TextField(
        _("measured how"), max_length=TEXT_LIMIT, blank=True
    )
    result = models.CharField(
        _("result"), max_length=8, choices=Result.choices, blank=True
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("opened by"),
    )
    closed_on = models.DateField(_("closed"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("problem")
        verbose_name_plural = _("problems")

    def __str__(self) -> str:
        return self.title


class ProblemAction(TimeStampedModel):
    """A step of a problem's response: what, by whom, with which partner."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        IN_PROGRESS = "in_progress", _("in progress")
        DONE = "done", _("done")

    problem = models.ForeignKey(
        Problem,
        on_delete=models.CASCADE,
        related_name="actions",
        verbose_name=_("problem"),
    )
    description = models.CharField(_("action"), max_length=TITLE_LIMIT)
    owner = models.CharField(_("owner"), max_length=TITLE_LIMIT)
    partner = models.CharField(_("partner"), max_length=TITLE_LIMIT, blank=True)
    due_date = models.DateField(_("due"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PLANNED
    )

    class Meta:
        ordering = ["problem", "due_date", "pk"]
        verbose_name = _("problem action")
        verbose_name_plural = _("problem actions")

    def __str__(self) -> str:
        return self.description


class SectorPriority(TimeStampedModel):
    """A priority a sector agreed with its community: the issue, and what the
    police did about it ("you said, we did")."""

    class Status(models.TextChoices):
        CURRENT = "current", _("current")
        ADDRESSED = "addressed", _("addressed")
        DROPPED = "dropped", _("no longer a priority")

    sector = models.ForeignKey(
        Sector,
        on_delete=models.CASCADE,
        related_name="priorities",
        verbose_name=_("police sector"),
    )
    issue = models.TextField(_("issue"), max_length=TEXT_LIMIT)
    issue_date = models.DateField(_("issue date"))
    action = models.TextField(_("action taken"), max_length=TEXT_LIMIT, blank=True)
    action_date = models.DateField(_("action date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.CURRENT
    )
    concerns = models.ManyToManyField(
        Concern, blank=True, related_name="priorities", verbose_name=_("concerns")
    )
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="priorities",
        verbose_name=_("agreed at"),
    )
    problem = models.ForeignKey(
        Problem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="priorities",
        verbose_name=_("problem"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("set by"),
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["sector", "-issue_date", "-pk"]
        verbose_name = _("sector priority")
        verbose_name_plural = _("sector priorities")
        indexes = [models.Index(fields=["sector", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(action_date__isnull=True)
                | Q(action_date__gte=models.F("issue_date")),
                name="partnership_priority_action_after_issue",
            )
        ]

    def __str__(self) -> str:
        return self.issue[:80]
