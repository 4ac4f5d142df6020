"""The checks every partnership service makes, collected into one error dict
so that a form shows every problem at once."""

from django.core.exceptions import ValidationError
from django.db.models import Model
from django.utils.translation import gettext as _

from bashkesia.core.text import clean_text

from ..models import TEXT_LIMIT

Errors = dict[str, list[str]]


def text_checked(
    errors: Errors,
    field: str,
    value: str,
    *,
    empty: str | None,
    limit: int = TEXT_LIMIT,
) -> str:
    """Return ``value`` cleaned; record in ``errors`` that it is empty (with
    the message ``empty``; None: it may be) or longer than ``limit``."""
    value = clean_text(value)
    if not value and empty is not None:
        errors[field] = [empty]
    elif len(value) > limit:
        errors[field] = [
            _("Write at most %(limit)s characters (this has %(count)s).")
            % {"limit": limit, "count": len(value)}
        ]
    return value


def model_checked(
    errors: Errors, instance: Model, *, exclude: list[str], constraints: bool = True
) -> None:
    """Add the model's own validation errors to ``errors`` (the service's own
    messages first). ``constraints=False`` where the service checks them
    itself, in its own words."""
    try:
        instance.full_clean(
            exclude=exclude, validate_unique=False, validate_constraints=constraints
        )
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, messages)


def errors_raise(errors: Errors) -> None:
    """Raise ``errors`` if there are any."""
    if errors:
        raise ValidationError(errors)
