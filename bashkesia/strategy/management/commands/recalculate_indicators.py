from django.core.management.base import BaseCommand

from bashkesia.strategy.services.indicators import indicators_recalculate


class Command(BaseCommand):
    help = (
        "Recalculate the strategy's computed indicators: every period of each "
        "one's frequency up to the last complete period. Safe to run again "
        "(from cron, e.g. daily)."
    )

    def handle(self, *args, **options) -> None:
        result = indicators_recalculate()
        self.stdout.write(
            self.style.SUCCESS(
                f"Computed indicators: {result.created} measurement(s) written, "
                f"{result.updated} updated, {result.unchanged} unchanged, "
                f"{result.skipped} period(s) without data."
            )
        )
