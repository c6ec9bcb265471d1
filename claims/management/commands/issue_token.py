from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from security.services import token_issue


class Command(BaseCommand):
    help = "Print USERNAME's API token (created on first use). Send it as `Authorization: Token <key>`."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--reset", action="store_true", help="Replace the existing token with a new one.")

    def handle(self, *args, username, reset, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        if not user.is_active:
            raise CommandError(f"The user {username!r} is inactive; activate the account first.")
        # Through the service so the audit trail records the token (and the revoked one on --reset).
        self.stdout.write(token_issue(user=user, replace=reset).key)
