"""Every write of the partners list: create, change, deactivate, reactivate.

Only directorate staff and the Director General may. An inactive partner
leaves the public list but keeps its page and its history (the campaigns,
forums, activities and trainings it took part in).
"""

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from bashkesia.core.text import clean_text, fold

from .models import Partner
from .permissions import can_manage_partners
from .texts import names_in_four, text_in_four


def _check(user: User) -> None:
    if not can_manage_partners(user):
        raise PermissionDenied(_("You may not manage the list of partners."))


def _slug_for(partner: Partner, slug: str) -> str:
    """Return the partner's short address: the one given, or one made from
    its acronym or English name."""
    slug = slugify(slug.strip())
    if slug:
        return slug[:60]
    base = slugify(fold(partner.acronym or partner.name_en or partner.name_sq))[:50]
    base = base or "partner"
    candidate, number = base, 2
    taken = Partner.objects.exclude(pk=partner.pk)
    while taken.filter(slug=candidate).exists():
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def _fill(
    partner: Partner,
    *,
    kind: str,
    name_sq: str,
    name_sr_latn: str,
    name_en: str,
    acronym: str,
    description_sq: str,
    description_sr_latn: str,
    description_en: str,
    website: str,
    slug: str,
) -> Partner:
    errors: dict[str, list[str]] = {}
    names = names_in_four(sq=name_sq, sr_latn=name_sr_latn, en=name_en)
    if not names["sq"]:
        errors["name_sq"] = [_("Give the partner's name in Albanian.")]
    if kind not in Partner.Kind.values:
        errors["kind"] = [_("Choose what kind of organisation the partner is.")]
    for suffix, value in names.items():
        setattr(partner, f"name_{suffix}", value)
    texts = text_in_four(
        sq=description_sq, sr_latn=description_sr_latn, en=description_en
    )
    for suffix, value in texts.items():
        setattr(partner, f"description_{suffix}", value)
    partner.kind = kind
    partner.acronym = clean_text(acronym)[:30]
    partner.website = (website or "").strip()
    partner.slug = _slug_for(partner, slug)
    if Partner.objects.exclude(pk=partner.pk).filter(slug=partner.slug).exists():
        errors["slug"] = [
            _("Another partner has the short address “%(slug)s”.")
            % {"slug": partner.slug}
        ]
    try:
        names_missing = (
            ["name_sr_latn", "name_sr", "name_en"] if not names["sq"] else []
        )
        partner.full_clean(exclude=[*errors, *names_missing])
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, messages)
    if errors:
        raise ValidationError(errors)
    return partner


@transaction.atomic
def partner_create(
    *,
    by: User,
    kind: str,
    name_sq: str,
    name_sr_latn: str = "",
    name_en: str = "",
    acronym: str = "",
    description_sq: str = "",
    description_sr_latn: str = "",
    description_en: str = "",
    website: str = "",
    slug: str = "",
) -> Partner:
    """Add a partner to the list (active)."""
    _check(by)
    partner = _fill(
        Partner(),
        kind=kind,
        name_sq=name_sq,
        name_sr_latn=name_sr_latn,
        name_en=name_en,
        acronym=acronym,
        description_sq=description_sq,
        description_sr_latn=description_sr_latn,
        description_en=description_en,
        website=website,
        slug=slug,
    )
    partner.save()
    return partner


@transaction.atomic
def partner_update(
    *,
    partner: Partner,
    by: User,
    kind: str,
    name_sq: str,
    name_sr_latn: str = "",
    name_en: str = "",
    acronym: str = "",
    description_sq: str = "",
    description_sr_latn: str = "",
    description_en: str = "",
    website: str = "",
    slug: str = "",
) -> Partner:
    """Change a partner's record (its short address too: links to the old
    one stop working)."""
    _check(by)
    partner = Partner.objects.select_for_update().get(pk=partner.pk)
    _fill(
        partner,
        kind=kind,
        name_sq=name_sq,
        name_sr_latn=name_sr_latn,
        name_en=name_en,
        acronym=acronym,
        description_sq=description_sq,
        description_sr_latn=description_sr_latn,
        description_en=description_en,
        website=website,
        slug=slug or partner.slug,
    )
    partner.save()
    return partner


@transaction.atomic
def partner_deactivate(*, partner: Partner, by: User) -> Partner:
    """Take a partner off the public list; its page and history stay."""
    _check(by)
    partner = Partner.objects.select_for_update().get(pk=partner.pk)
    if not partner.is_active:
        raise ValidationError(_("This partner is already inactive."))
    partner.is_active = False
    partner.save(update_fields=["is_active", "updated_at"])
    return partner


@transaction.atomic
def partner_reactivate(*, partner: Partner, by: User) -> Partner:
    """Put an inactive partner back on the public list."""
    _check(by)
    partner = Partner.objects.select_for_update().get(pk=partner.pk)
    if partner.is_active:
        raise ValidationError(_("This partner is already active."))
    partner.is_active = True
    partner.save(update_fields=["is_active", "updated_at"])
    return partner
