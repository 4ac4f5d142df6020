"""Every read of the partners list and of what each partner does with the
police.

``partner_work`` gathers a partner's work from the sources in
``WORK_SOURCES``: campaigns, safety forums, activities of the published
strategies and training sessions, each read through its relation to
``Partner``.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Partner


def partner_list_public(*, kind: str | None = None) -> QuerySet[Partner]:
    """Return the active partners (of ``kind`` when given), by kind and
    name."""
    partners = Partner.objects.filter(is_active=True)
    if kind:
        partners = partners.filter(kind=kind)
    return partners.order_by("kind", "name_sq")


def partner_groups_public(*, kind: str | None = None) -> list[tuple[str, Any, list]]:
    """Return the active partners grouped by kind, in the order of the
    kinds: (kind, its label, partners) for each kind that has any."""
    partners = list(partner_list_public(kind=kind))
    groups = []
    for value, label in Partner.Kind.choices:
        members = sorted(
            (partner for partner in partners if partner.kind == value),
            key=lambda partner: partner.name.casefold(),
        )
        if members:
            groups.append((value, label, members))
    return groups


def partner_get_public(*, slug: str) -> Partner:
    """Return the partner ``slug`` (an inactive one too: its history stays
    public) or raise ``Http404``."""
    partner = Partner.objects.filter(slug=slug).first()
    if partner is None:
        raise Http404(_("No partner has the address “%(slug)s”.") % {"slug": slug})
    return partner


def partner_list_for_staff(*, active: bool | None = None) -> QuerySet[Partner]:
    partners = Partner.objects.all()
    if active is not None:
        partners = partners.filter(is_active=active)
    return partners.order_by("kind", "name_sq")


def partner_get_for_staff(*, slug: str) -> Partner:
    partner = Partner.objects.filter(slug=slug).first()
    if partner is None:
        raise Http404(_("No partner has the address “%(slug)s”.") % {"slug": slug})
    return partner


def partner_choices() -> QuerySet[Partner]:
    """Return the partners a campaign or a forum may name: active ones."""
    return Partner.objects.filter(is_active=True).order_by("kind", "name_sq")


# What a partner does with the police


@dataclass(frozen=True)
class WorkSource:
    """One kind of work a partner takes part in: its key, its heading, how to
    fetch a partner's items (public ones only), the template of one, and
    its name in the API."""

    key: str
    title: str | Promise
    fetch: Callable[[Partner], list]
    template: str
    name: Callable[[Any], str] = str


@dataclass
class WorkSection:
    key: str
    title: str | Promise
    items: list
    template: str
    name: Callable[[Any], str] = str


def _campaigns(partner: Partner) -> list:
    from bashkesia.campaigns.selectors import campaign_list_of_partner

    return list(campaign_list_of_partner(partner=partner))


def _forums(partner: Partner) -> list:
    from bashkesia.partnership.models import ForumStatus

    return list(
        partner.forums.filter(status__in=(ForumStatus.ACTIVE, ForumStatus.DISSOLVED))
        .select_related("municipality")
        .defer("municipality__boundary")
        .order_by("municipality__name_sq", "kind", "name_sq")
    )


def _strategy_activities(partner: Partner) -> list:
    return list(
        partner.strategy_activities.filter(strategy__published=True)
        .select_related("strategy", "sub_objective__objective")
        .order_by("strategy__start_year", "sub_objective__objective__number", "pk")
    )


def _training_sessions(partner: Partner) -> list:
    from bashkesia.training.models import TrainingSession

    return list(
        partner.training_sessions.exclude(status=TrainingSession.Status.CANCELLED)
        .select_related("course")
        .order_by("-starts_on")
    )


WORK_SOURCES: list[WorkSource] = [
    WorkSource(
        "campaigns",
        gettext_lazy("Campaigns"),
        _campaigns,
        "partners/work/_campaign.html",
        lambda campaign: campaign.title,
    ),
    WorkSource(
        "forums",
        gettext_lazy("Safety forums"),
        _forums,
        "partners/work/_forum.html",
        lambda forum: forum.name,
    ),
    WorkSource(
        "activities",
        gettext_lazy("Activities of the strategy"),
        _strategy_activities,
        "partners/work/_activity.html",
        lambda activity: f"{activity.number} {activity.description}",
    ),
    WorkSource(
        "training",
        gettext_lazy("Training sessions"),
        _training_sessions,
        "partners/work/_training_session.html",
        lambda session: (
            f"{session.course.title} ({session.starts_on:%Y-%m-%d}, "
            f"{session.ends_on:%Y-%m-%d})"
        ),
    ),
]


def partner_work(partner: Partner) -> dict[str, WorkSection]:
    """Return what ``partner`` does with the police, by kind of work (in the
    order of ``WORK_SOURCES``): only what the public may see."""
    return {
        source.key: WorkSection(
            key=source.key,
            title=source.title,
            items=source.fetch(partner),
            template=source.template,
            name=source.name,
        )
        for source in WORK_SOURCES
    }


def partner_choices_for_forum(forum) -> QuerySet[Partner]:
    """Return the partners a forum may name: active ones and those it
    already names."""
    return (
        Partner.objects.filter(Q(is_active=True) | Q(forums=forum))
        .distinct()
        .order_by("kind", "name_sq")
    )
