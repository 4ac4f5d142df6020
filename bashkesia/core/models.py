"""Building blocks shared by the domain apps."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


LANGUAGE_FIELDS = {
    "sq": "name_sq",
    "sr-latn": "name_sr_latn",
    "sr": "name_sr",
    "en": "name_en",
}


LANGUAGE_SUFFIXES = {
    "sq": "sq",
    "sr-latn": "sr_latn",
    "sr": "sr",
    "en": "en",
}


def multilingual(field: str) -> property:
    """A read-only property giving ``<field>_<suffix>`` in the active language,
    the Albanian text when that one is blank.

    For text kept in four columns (``title_sq``, ``title_sr_latn``,
    ``title_sr``, ``title_en``): ``title = multilingual("title")``.
    """

    def read(instance) -> str:
        suffix = LANGUAGE_SUFFIXES.get(get_language() or "sq", "sq")
        return getattr(instance, f"{field}_{suffix}") or getattr(
            instance, f"{field}_sq"
        )

    return property(read, doc=f"The {field} in the active language.")


class MultilingualNameModel(models.Model):
    """A name in Albanian, Serbian (Latin and Cyrillic) and English."""

    name_sq = models.CharField(_("name (Albanian)"), max_length=200)
    name_sr_latn = models.CharField(_("name (Serbian, Latin)"), max_length=200)
    name_sr = models.CharField(_("name (Serbian, Cyrillic)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)

    class Meta:
        abstract = True

    @property
    def name(self) -> str:
        """Return the name in the active language, Albanian when it is blank."""
        return self.name_in(get_language() or "sq")

    def name_in(self, language: str) -> str:
        field = LANGUAGE_FIELDS.get(language, "name_sq")
        return getattr(self, field) or self.name_sq

    @property
    def names(self) -> dict[str, str]:
        return {language: self.name_in(language) for language in LANGUAGE_FIELDS}


class Revision(models.Model):
    """A counter bumped whenever a body of data that processes cache changes.

    Server processes keep in-memory indexes (the sector locator); they compare
    the counter they built from with this row to know when to rebuild.
    """

    name = models.CharField(max_length=50, unique=True)
    # A random token rather than a count: a rolled-back bump can never be
    # confused with a later committed one.
    value = models.CharField(max_length=32)

    def __str__(self) -> str:
        return f"{self.name}@{self.value}"


class AuditEntry(models.Model):
    """One recorded change; written once, never changed or deleted."""

    class Action(models.TextChoices):
        CREATE = "create", _("created")
        UPDATE = "update", _("changed")
        DELETE = "delete", _("deleted")

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        "auth.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    actor_name = models.CharField(_("who (as then)"), max_length=150, blank=True)
    address = models.GenericIPAddressField(_("from address"), null=True, blank=True)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.PROTECT, verbose_name=_("kind")
    )
    object_id = models.CharField(_("record"), max_length=64)
    object_repr = models.CharField(_("record (as then)"), max_length=200)
    changes = models.JSONField(_("changes"), default=dict)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit trail")

    def __str__(self) -> str:
        who = self.actor_name or "-"
        return f"{self.at:%Y-%m-%d %H:%M} {who} {self.action} {self.object_repr}"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            raise PermissionError("Audit entries are never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Audit entries are never deleted.")
