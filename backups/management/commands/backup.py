from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from backups.services import database_backup


class Command(BaseCommand):
    help = "Write a consistent snapshot of the database to var/backups/ (or --output FILE)."

    def add_arguments(self, parser):
        parser.add_argument("--output", metavar="FILE")

    def handle(self, *args, output=None, **options):
        try:
            path = database_backup(path=output)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(f"Backup written to {path}")
