from django.conf import settings
from django.core.management.base import BaseCommand

from bashkesia.demo.accounts import DEMO_LOGINS, PASSWORD


class Command(BaseCommand):
    help = "Print the demo sign-ins (one per role) with their current codes."

    def handle(self, *args, **options) -> None:
        if not settings.BASHKESIA_DEMO_LOGINS:
            self.stdout.write("Demo sign-ins are switched off (BASHKESIA_DEMO_LOGINS).")
            return
        self.stdout.write(
            f"Demo sign-ins (DEMO ONLY), password for all: {PASSWORD}\n"
            "Second factor: add the key to an authenticator app, or run "
            "`manage.py demo_logins` again for the current codes.\n"
        )
        self.stdout.write(
            f"{'username':<12} {'role':<22} {'scope':<8} {'TOTP key':<34} now"
        )
        for login in DEMO_LOGINS:
            self.stdout.write(
                f"{login.username:<12} {login.role:<22} {login.scope:<8} "
                f"{login.totp_secret:<34} {login.current_code()}"
            )
