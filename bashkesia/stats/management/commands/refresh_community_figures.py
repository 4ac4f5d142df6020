import time

from django.core.management.base import BaseCommand

from bashkesia.stats.community import (
    community_months_all,
    community_months_due,
    community_months_refresh,
)


class Command(BaseCommand):
    help = (
        "Recompute the community-policing figures (run daily from cron): the "
        "current and previous month and every month changed since it was "
        "computed; with --all, every month."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--all",
            action="store_true",
            help=(
                "Recompute every month (after an import, deleted data or a "
                "changed category target)."
            ),
        )

    def handle(self, *args, **options) -> None:
        started = time.monotonic()
        months = community_months_all() if options["all"] else community_months_due()
        rows = community_months_refresh(months=months)
        span = f"{months[0]:%Y-%m} to {months[-1]:%Y-%m}" if months else "none"
        self.stdout.write(
            self.style.SUCCESS(
                f"Community figures: {len(months)} months refreshed ({span}), "
                f"{rows} rows, in {time.monotonic() - started:.1f} s."
            )
        )
