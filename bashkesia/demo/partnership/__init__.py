"""Made-up partnership data, so that the forums, the calendar and the sector
pages of a demo show police and community at work.

A KKSB in every municipality, about forty KLSPs in villages and town
neighbourhoods (some still on their way through the approval chain, one
refused, one dissolved), thirty EVSBs run as projects; their members; a year
of meetings with attendance, minutes, recommendations and action items, and
the next quarter scheduled; a KKSB's annual work plan; two to four priorities
in every sector; problems worked through SARA; community events.

``load_demo`` adds them once, after the territory, officers, demo sign-ins
and demo concerns: every row is marked ``is_demo`` (or hangs from one that
is). The rows are written in bulk, not through the services: a demo must not
e-mail anybody, and must load in seconds. Content is in Albanian, or in
Serbian (Latin) where Serbs are the majority; dates are relative to today.
"""

from dataclasses import dataclass

from django.db import transaction

from bashkesia.demo.accounts import demo_secretary_seat_link
from bashkesia.partnership.models import Forum, ForumKind, Membership

from .context import context_load
from .forums import forums_plan, forums_write
from .meetings import meetings_write
from .priorities import (
    community_events_write,
    fills,
    priorities_write,
    problems_plan,
    problems_write,
)

SEED = 2013


@dataclass
class PartnershipSummary:
    kksb: int = 0
    klsp: int = 0
    evsb: int = 0
    members: int = 0
    meetings: int = 0
    minutes: int = 0
    action_items: int = 0
    events: int = 0
    priorities: int = 0
    problems: int = 0

    def __str__(self) -> str:
        return (
            f"{self.kksb} KKSBs, {self.klsp} KLSPs, {self.evsb} EVSBs with "
            f"{self.members} members; {self.meetings} meetings, {self.minutes} "
            f"minutes, {self.action_items} action items; {self.events} calendar "
            f"events; {self.priorities} sector priorities; {self.problems} "
            "problems"
        )


@transaction.atomic
def demo_partnership_load(seed: int = SEED) -> PartnershipSummary:
    """Add the demo forums, meetings, priorities, problems and events unless
    they are there (then return zero counts); link the demo secretary's
    sign-in to their seat either way.

    Needs the territory and officers of ``demo_load``; the demo concerns are
    linked where they exist.
    """
    summary = PartnershipSummary()
    if not Forum.objects.filter(is_demo=True).exists():
        summary = _load(seed)
    demo_secretary_seat_link()
    return summary


def _load(seed: int) -> PartnershipSummary:
    ctx = context_load(seed)
    plans = forums_plan(ctx)
    forums_write(ctx, plans)
    counts = meetings_write(ctx, plans)
    words = {sector.pk: fills(ctx, sector) for sector in ctx.sectors}
    problems = problems_plan(ctx)
    public_problems = problems_write(ctx, problems, words)
    priorities = priorities_write(ctx, words, public_problems, plans, counts.held)
    events = community_events_write(ctx, words)
    kinds = [plan.kind for plan in plans]
    return PartnershipSummary(
        kksb=kinds.count(ForumKind.KKSB),
        klsp=kinds.count(ForumKind.KLSP),
        evsb=kinds.count(ForumKind.EVSB),
        members=Membership.objects.filter(forum__is_demo=True).count(),
        meetings=counts.meetings,
        minutes=counts.minutes,
        action_items=counts.action_items,
        events=counts.events + events,
        priorities=priorities,
        problems=len(problems),
    )
