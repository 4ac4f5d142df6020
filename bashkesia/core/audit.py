"""The audit trail: every change to audited models, who made it and from where.

Recording hangs on model signals so that no path (service, admin, command)
can change an audited row without a trace; that completeness is why signals
are used here, against the usual rule. The acting user and address come from
``AuditMiddleware`` (or ``acting_as`` in commands and tests).
"""

import contextlib
import contextvars
import datetime
import decimal
import hashlib
import json
from collections.abc import Iterator
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.fields.files import FieldFile
from django.db.models.signals import post_delete, post_save, pre_save
from django.http import HttpRequest

_actor: contextvars.ContextVar[tuple[Any, str | None]] = contextvars.ContextVar(
    "audit_actor", default=(None, None)
)
# Never recorded: secrets and bookkeeping.
HIDDEN_FIELDS = {"password", "totp_secret", "last_login", "updated_at", "created_at"}


@contextlib.contextmanager
def acting_as(user: Any, address: str | None = None) -> Iterator[None]:
    """Attribute the changes made inside the block to ``user`` at ``address``."""
    token = _actor.set((user, address))
    try:
        yield
    finally:
        _actor.reset(token)


def client_address(request: HttpRequest) -> str | None:
    return request.META.get("REMOTE_ADDR")


class AuditMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        user = getattr(request, "user", None)
        actor = user if user is not None and user.is_authenticated else None
        with acting_as(actor, client_address(request)):
            return self.get_response(request)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime.date | datetime.datetime | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, FieldFile):
        return value.name or ""
    if isinstance(value, dict | list):
        # Boundaries and the like: a fingerprint says that they changed.
        text = json.dumps(value, sort_keys=True)
        if len(text) > 500:
            digest = hashlib.sha256(text.encode()).hexdigest()[:12]
            return f"<{len(text)} bytes, sha256 {digest}>"
    return value


def _values(instance: models.Model) -> dict[str, Any]:
    values = {}
    for field in instance._meta.concrete_fields:
        if field.name in HIDDEN_FIELDS:
            continue
        values[field.attname] = _plain(getattr(instance, field.attname))
    return values


def _record(instance: models.Model, action: str, changes: dict) -> None:
    from .models import AuditEntry

    actor, address = _actor.get()
    AuditEntry.objects.create(
        actor=actor if actor is not None and actor.pk else None,
        actor_name=str(actor) if actor is not None else "",
        address=address,
        action=action,
        content_type=ContentType.objects.get_for_model(type(instance)),
        object_id=str(instance.pk),
        object_repr=str(instance)[:200],
        changes=changes,
    )


def _before_save(sender, instance, **kwargs) -> None:
    old = None
    if instance.pk is not None:
        old = sender._default_manager.filter(pk=instance.pk).first()
    instance._audit_before = _values(old) if old is not None else None


def _after_save(sender, instance, created, **kwargs) -> None:
    before = getattr(instance, "_audit_before", None)
    after = _values(instance)
    if created or before is None:
        _record(instance, "create", {k: [None, v] for k, v in after.items()})
        return
    changes = {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}
    if changes:
        _record(instance, "update", changes)


def _after_delete(sender, instance, **kwargs) -> None:
    _record(instance, "delete", {k: [v, None] for k, v in _values(instance).items()})


def audit(*model_classes: type[models.Model]) -> None:
    """Record every save and delete of these models in the audit trail."""
    for model in model_classes:
        uid = f"audit-{model._meta.label}"
        pre_save.connect(_before_save, sender=model, dispatch_uid=uid)
        post_save.connect(_after_save, sender=model, dispatch_uid=uid)
        post_delete.connect(_after_delete, sender=model, dispatch_uid=uid)
