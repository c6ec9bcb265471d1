from django.core.management.base import BaseCommand

from seeds.services import seeds_load


class Command(BaseCommand):
    help = "Load the seed articles (and their extracted claims). Running it again changes nothing."

    def handle(self, *args, **options):
        results = seeds_load()
        created = sum(r.created for r in results)
        claims = sum(r.claims_created for r in results)
        self.stdout.write(
            f"Seed articles: {created} loaded with {claims} claims, {len(results) - created} already present."
        )
