"""Shared shape of the importer commands: one file in, all or nothing."""

from django.core.management.base import BaseCommand, CommandError

from bashkesia.territory.importers import ImportRejected


class ImportCommand(BaseCommand):
    noun = "rows"

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="the file to import")

    def handle(self, *args, **options) -> None:
        try:
            count = self.run_import(options["file"])
        except ImportRejected as exc:
            raise CommandError(
                f"{options['file']}: nothing was imported, "
                f"{len(exc.problems)} problem(s):\n" + "\n".join(exc.problems)
            ) from exc
        self.stdout.write(self.style.SUCCESS(f"Imported {count} {self.noun}."))

    def run_import(self, path: str) -> int:
        raise NotImplementedError
