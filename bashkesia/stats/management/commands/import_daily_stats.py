from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from bashkesia.stats.importers import StatisticsImportRejected, daily_statistics_import


class Command(BaseCommand):
    help = (
        "Enter or correct stations' daily figures from a CSV file "
        "(station,day,fatal_accidents,injury_accidents,noninjury_accidents,"
        "traffic_tickets,arrests,in_custody,police_detention,"
        "sent_to_serve_sentence). Every row is checked first: one problem and "
        "nothing is written."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="the CSV file (UTF-8)")
        parser.add_argument(
            "--user",
            help=(
                "import as this user, within the stations they enter "
                "(default: the system, every station, recorded as nobody)"
            ),
        )

    def handle(self, *args, **options) -> None:
        path = Path(options["file"])
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"There is no user {options['user']}.")
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"{path}: cannot be read: {error.strerror}") from error
        try:
            result = daily_statistics_import(data=data, file_name=path.name, by=user)
        except StatisticsImportRejected as rejected:
            raise CommandError(
                f"{path}: nothing was imported, {len(rejected.problems)} "
                "problem(s):\n" + "\n".join(str(p) for p in rejected.problems)
            ) from rejected
        self.stdout.write(
            self.style.SUCCESS(
                f"{path}: {result.created} day(s) entered, {result.updated} "
                f"corrected, {result.unchanged} unchanged."
            )
        )
