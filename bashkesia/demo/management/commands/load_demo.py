import time

from django.core.management.base import BaseCommand, CommandError

from bashkesia.demo.concerns import demo_concerns_load
from bashkesia.demo.loader import demo_load
from bashkesia.demo.partnership import demo_partnership_load
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
