from django.core.management.base import BaseCommand

from bashkesia.subscriptions.services import subscriptions_prune


class Command(BaseCommand):
    help = (
        "Delete the addresses that asked to follow a sector and did not confirm "
        "within a week (run daily)."
    )

    def handle(self, *args, **options) -> None:
        count = subscriptions_prune()
        self.stdout.write(f"{count} unconfirmed subscriptions deleted.")
