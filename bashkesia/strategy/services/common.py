"""What every strategy service shares: who may edit, the multilingual texts
and the rules' refusals collected into one error dict, so that a form shows
every problem at once."""

from collections.abc import Callable

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from bashkesia.core.text import albanian_to_cyrillic, clean_text, latin_to_cyrillic

from .. import permissions, rules

Errors = dict[str, list[str]]


def raise_if(errors: Errors) -> None:
    if errors:
        raise ValidationError(errors)


def only_editors(by: User) -> None:
    if not permissions.edits_strategy(by):
        raise PermissionDenied(
            _("Only directorate staff and the Director General edit the strategy.")
        )


def checked(errors: Errors, rule: Callable[..., None], *args, **kwargs) -> bool:
    """Apply one of ``rules``; record its refusal in ``errors`` (a field
    already refused keeps its first message). Return whether it passed."""
    try:
        rule(*args, **kwargs)
    except ValidationError as error:
        for field, messages in rules.messages_of(error).items():
            errors.setdefault(field, messages)
        return False
    return True


def too_long(errors: Errors, field: str, value: str, limit: int) -> None:
    if len(value) > limit:
        errors[field] = [
            _("Write at most %(limit)s characters (this has %(count)s).")
            % {"limit": limit, "count": len(value)}
        ]


def texts(
    errors: Errors,
    field: str,
    *,
    sq: str,
    sr_latn: str,
    en: str,
    limit: int,
    required: str | None,
) -> dict[str, str]:
    """Return the four columns of ``field`` from the three texts given,
    recording in ``errors`` an empty Albanian text or one too long."""
    values = {
        f"{field}_sq": clean_text(sq),
        f"{field}_sr_latn": clean_text(sr_latn),
        f"{field}_en": clean_text(en),
    }
    if not values[f"{field}_sq"] and required is not None:
        errors[f"{field}_sq"] = [required]
    for name, value in values.items():
        too_long(errors, name, value, limit)
    serbian = values[f"{field}_sr_latn"]
    values[f"{field}_sr"] = (
        latin_to_cyrillic(serbian)
        if serbian
        else albanian_to_cyrillic(values[f"{field}_sq"])
    )
    return values


def pks(instance) -> list[int]:
    """Return [the instance's id], or [] for a new one (to exclude it)."""
    return [instance.pk] if instance is not None and instance.pk else []


def apply(instance, values: dict) -> None:
    for name, value in values.items():
        setattr(instance, name, value)
