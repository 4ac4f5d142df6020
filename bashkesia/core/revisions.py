"""Cross-process change tokens (see ``core.models.Revision``)."""

import uuid

from django.db import transaction

from .models import Revision


def revision_get(*, name: str) -> str:
    """Return the current token of the named body of data ("" if never set)."""
    value = Revision.objects.filter(name=name).values_list("value", flat=True).first()
    return value or ""


def revisions_get(*, names: list[str]) -> dict[str, str]:
    """Return the current tokens of the named bodies of data, in one query
    ("" for those never set)."""
    found = dict(Revision.objects.filter(name__in=names).values_list("name", "value"))
    return {name: found.get(name, "") for name in names}


@transaction.atomic
def revision_bump(*, name: str) -> None:
    """Give the named body of data a new token, when the transaction commits."""
    token = uuid.uuid4().hex
    if not Revision.objects.filter(name=name).update(value=token):
        Revision.objects.create(name=name, value=token)
