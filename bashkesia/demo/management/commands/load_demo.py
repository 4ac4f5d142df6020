import time

from django.core.management.base import BaseCommand, CommandError

from bashkesia.demo.campaigns import demo_campaigns_load
from bashkesia.demo.concerns import demo_concerns_load
from bashkesia.demo.loader import demo_load
from bashkesia.demo.partners import demo_partners_load
from bashkesia.demo.partnership import demo_partnership_load
from bashkesia.demo.proposals import demo_proposals_load
from bashkesia.demo.strategy import demo_strategy_load
from bashkesia.demo.surveys import demo_surveys_load
from bashkesia.demo.training import demo_training_load
from bashkesia.stats.community import community_months_all, community_months_refresh
from bashkesia.territory.importers import ImportRejected


class Command(BaseCommand):
    help = (
        "Load the demo data: real territory; made-up sectors, officers, "
        "concerns, safety forums, sector priorities and events."
    )

    def handle(self, *args, **options) -> None:
        try:
            summary = demo_load()
            concerns = demo_concerns_load()
        except ImportRejected as exc:
            raise CommandError(
                "Demo data rejected:\n" + "\n".join(exc.problems)
            ) from exc
        started = time.monotonic()
        partnership = demo_partnership_load()
        seconds = time.monotonic() - started
        # The community-policing figures of every month, from all of the above.
        community_months_refresh(months=community_months_all())
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data loaded: {summary.regions} regional directorates, "
                f"{summary.municipalities} municipalities, {summary.settlements} "
                f"settlements, {summary.stations} stations, {summary.sectors} "
                f"sectors, {summary.officers} officers; {concerns} new demo "
                "concerns."
            )
        )
        if partnership.kksb:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo partnership data loaded in {seconds:.1f} s: {partnership}."
                )
            )
        else:
            self.stdout.write("Demo partnership data already there: nothing added.")
        # Partners and campaigns (before what names partners).
        partners, campaigns = demo_partners_load(), demo_campaigns_load()
        self.stdout.write(f"Demo partners: {partners}; campaigns: {campaigns}.")
        # Training enrols the partnership demo's forum members.
        training = demo_training_load()
        self.stdout.write(
            f"Demo training: {training if training.courses else 'already there'}."
        )
        self.stdout.write(f"Demo surveys: {demo_surveys_load()} added.")
        self.stdout.write(f"Demo sector proposals: {demo_proposals_load()} added.")
        # The strategy last: its computed indicators count all of the above.
        strategy = demo_strategy_load()
        self.stdout.write(
            f"Demo strategy: {strategy if strategy.activities else 'already there'}."
        )
