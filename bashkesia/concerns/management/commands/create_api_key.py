from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from bashkesia.concerns.open311.services import api_key_create


class Command(BaseCommand):
    help = (
        "Make an Open311 API key for a client and print it. Only its hash is "
        "stored: the key is shown this once."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("name", help="who the key is for, e.g. an app's name")

    def handle(self, *args, **options) -> None:
        try:
            api_key, key = api_key_create(name=options["name"])
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(
            f"Open311 API key for {api_key.name} (shown only this once; "
            "keep it secret):"
        )
        self.stdout.write(key)
