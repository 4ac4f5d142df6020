"""Who may do what: role grants with scopes, second factors, sign-in attempts."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from bashkesia.core.models import TimeStampedModel
from bashkesia.territory.models import Region, Station


class Role(models.TextChoices):
    SECTOR_OFFICER = "sector_officer", _("sector officer")
    SECTOR_LEADER = "sector_leader", _("sector leader")
    STATION_COMMANDER = "station_commander", _("station commander")
    REGIONAL_COORDINATOR = "regional_coordinator", _("regional coordinator")
    DIRECTORATE_STAFF = "directorate_staff", _("directorate staff")
    DIRECTOR_GENERAL = "director_general", _("Director General")
    STATISTICS_CLERK = "statistics_clerk", _("statistics clerk")
    FORUM_SECRETARY = "forum_secretary", _("forum secretary")
    # The Community Safety Coordination Office (Vushtrri): courses, sessions,
    # enrolments and certificates, Kosovo-wide.
    TRAINING_COORDINATOR = "training_coordinator", _("training coordinator")
    ADMINISTRATOR = "administrator", _("administrator")


# Which scope each role needs. Sector officers and leaders take theirs from
# the officer's current assignments; Kosovo-wide roles need none.
STATION_ROLES = {Role.STATION_COMMANDER}
REGION_ROLES = {Role.REGIONAL_COORDINATOR}
STATION_OR_REGION_ROLES = {Role.STATISTICS_CLERK}
OFFICER_ROLES = {Role.SECTOR_OFFICER, Role.SECTOR_LEADER}


class RoleGrant(TimeStampedModel):
    """A role held by a user, within a scope, until revoked."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="role_grants",
        verbose_name=_("user"),
    )
    role = models.CharField(_("role"), max_length=24, choices=Role.choices)
    station = models.ForeignKey(
        Station,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="role_grants",
        verbose_name=_("police station"),
    )
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="role_grants",
        verbose_name=_("regional directorate"),
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("granted by"),
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        ordering = ["user__username", "role"]
        verbose_name = _("role")
        verbose_name_plural = _("roles")

    def __str__(self) -> str:
        scope = self.station or self.region or ""
        return f"{self.user} · {self.get_role_display()} {scope}".strip()

    def clean(self) -> None:
        has_station, has_region = (
            self.station_id is not None,
            self.region_id is not None,
        )
        if self.role in STATION_ROLES and (not has_station or has_region):
            raise ValidationError(
                _("A station commander needs a station, and only that.")
            )
        if self.role in REGION_ROLES and (not has_region or has_station):
            raise ValidationError(
                _("A regional coordinator needs a regional directorate, and only that.")
            )
        if self.role in STATION_OR_REGION_ROLES and has_station == has_region:
            raise ValidationError(
                _(
                    "A statistics clerk needs either a station or a regional "
                    "directorate."
                )
            )
        if self.role == Role.FORUM_SECRETARY:
            raise ValidationError(_("Forum secretaries are appointed with the forums."))
        if self.role not in STATION_ROLES | REGION_ROLES | STATION_OR_REGION_ROLES and (
            has_station or has_region
        ):
            raise ValidationError(_("This role has no station or region scope."))


class Account(TimeStampedModel):
    """Security state of a user: second factor, demo flag, global sign-out."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="account",
        verbose_name=_("user"),
    )
    totp_secret = models.CharField(_("TOTP secret"), max_length=64, blank=True)
    totp_confirmed_at = models.DateTimeField(
        _("second factor set up"), null=True, blank=True
    )
    totp_last_step = models.BigIntegerField(default=0)
    sessions_valid_after = models.DateTimeField(
        _("sessions valid after"), null=True, blank=True
    )
    is_demo = models.BooleanField(_("demo account"), default=False)
    # The language of the site when the user last signed in: their e-mails'.
    language = models.CharField(
        _("language"), max_length=8, default=settings.LANGUAGE_CODE
    )

    class Meta:
        verbose_name = _("account security")
        verbose_name_plural = _("account security")

    def __str__(self) -> str:
        return str(self.user)

    @property
    def has_second_factor(self) -> bool:
        return bool(self.totp_secret and self.totp_confirmed_at)


class RecoveryCode(models.Model):
    """A one-time code that stands in for the second factor (stored hashed)."""

    account = models.ForeignKey(
        Account, on_delete=models.CASCADE, related_name="recovery_codes"
    )
    code_hash = models.CharField(max_length=200)
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.account} recovery code"


class SignInAttempt(models.Model):
    """A try at signing in, kept to lock out guessing."""

    username = models.CharField(max_length=254, db_index=True)
    address = models.GenericIPAddressField(null=True, db_index=True)
    succeeded = models.BooleanField(default=False)
    at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.username} {self.address} {'ok' if self.succeeded else 'failed'}"


class ApiToken(models.Model):
    """A key another system presents (``Authorization: Bearer``) to write
    through the API as ``user``, within the user's scope.

    Only the SHA-256 of the key is stored: the key itself is shown once, when
    ``manage.py create_api_token`` makes it.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("user"),
    )
    name = models.CharField(_("name"), max_length=100)
    key_hash = models.CharField(
        _("key (SHA-256)"), max_length=64, unique=True, editable=False
    )
    created_at = models.DateTimeField(_("created"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)

    class Meta:
        ordering = ["user__username", "name", "created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.user} · {self.name}"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None
