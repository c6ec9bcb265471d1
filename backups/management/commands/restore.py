from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from backups.services import database_restore


class Command(BaseCommand):
    help = "Replace the whole database with a snapshot written by `backup`."

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE")
        parser.add_argument("--no-input", action="store_false", dest="interactive")

    def handle(self, *args, file, interactive, **options):
        if interactive:
            answer = input(f"Replace every row in the database with {file}? Type 'yes' to continue: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled; nothing changed.")
        try:
            database_restore(path=file)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(f"Restored the database from {file}")
