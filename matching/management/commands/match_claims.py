from django.core.management.base import BaseCommand

from matching.services import claim_matches_backfill


class Command(BaseCommand):
    help = "Index claims that have no match signatures yet and suggest their matches (all claims with --rebuild)."

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true", help="Drop the whole index first (engine changed).")

    def handle(self, *args, rebuild: bool = False, **options):
        done = claim_matches_backfill(rebuild=rebuild)
        self.stdout.write(self.style.SUCCESS(f"Matched {done} claims."))
