from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from bashkesia.accounts.tokens import api_token_create


class Command(BaseCommand):
    help = (
        "Make an API token with which another system writes through the API "
        "as USERNAME (within that user's scope), and print it. Only its hash "
        "is stored: the key is shown this once."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("username", help="the user the system acts as")
        parser.add_argument("name", help="which system the token is for")

    def handle(self, *args, **options) -> None:
        user = get_user_model().objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"There is no user {options['username']}.")
        try:
            token, key = api_token_create(user=user, name=options["name"])
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(
            f"API token {token.name} for {user.username} (shown only this once; "
            "keep it secret; send it as 'Authorization: Bearer <key>'):"
        )
        self.stdout.write(key)
