from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from bashkesia.core.audit import acting_as
from bashkesia.strategy.importers import StrategyImportRejected, strategy_import
from bashkesia.strategy.models import Strategy


class Command(BaseCommand):
    help = (
        "Import a strategy and its action plan from an XLSX workbook (sheets "
        "strategy, objectives, sub_objectives, activities, indicators, "
        "measurements) or from CSV files named after their sheets. Every row is "
        "checked first: one problem and nothing is written. A strategy already "
        "imported (the same slug) is updated in place."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("files", nargs="+", help="one XLSX file, or CSV files")
        parser.add_argument(
            "--strategy",
            help="the slug of the strategy files without a 'strategy' sheet update",
        )
        parser.add_argument(
            "--user",
            help="import as this user (default: the system, recorded as nobody)",
        )
        parser.add_argument(
            "--language",
            default=None,
            help="the language of the messages (sq, sr-latn, sr, en)",
        )

    def handle(self, *args, **options) -> None:
        with translation.override(options["language"] or translation.get_language()):
            self._import(options)

    def _import(self, options) -> None:
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"There is no user {options['user']}.")
        chosen = None
        if options["strategy"]:
            chosen = Strategy.objects.filter(slug=options["strategy"]).first()
            if chosen is None:
                raise CommandError(f"There is no strategy {options['strategy']}.")
        files = []
        for name in options["files"]:
            path = Path(name)
            try:
                files.append((path.name, path.read_bytes()))
            except OSError as error:
                raise CommandError(
                    f"{path}: cannot be read: {error.strerror}"
                ) from error
        try:
            with acting_as(user):
                result = strategy_import(files=files, by=user, strategy=chosen)
        except PermissionDenied as error:
            raise CommandError(str(error)) from error
        except StrategyImportRejected as rejected:
            raise CommandError(
                f"{', '.join(options['files'])}: nothing was imported, "
                f"{len(rejected.problems)} problem(s):\n"
                + "\n".join(str(problem) for problem in rejected.problems)
            ) from rejected
        strategy = result.strategy
        verb = "created" if result.created_strategy else "updated"
        self.stdout.write(self.style.SUCCESS(f"Strategy {strategy.slug} {verb}."))
        for sheet, counts in result.counts.items():
            self.stdout.write(
                f"{sheet}: {counts.created} new, {counts.updated} changed, "
                f"{counts.unchanged} unchanged."
            )
