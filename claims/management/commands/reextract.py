from django.core.management.base import BaseCommand, CommandError

from claims.models import Article
from claims.services import article_reextract


class Command(BaseCommand):
    help = "Run the current extraction rules again. Annotated, flagged, edited and hand-added claims are kept."

    def add_arguments(self, parser):
        parser.add_argument("--article", type=int, action="append", metavar="ID", help="only this article (repeatable)")

    def handle(self, *args, article=None, **options):
        articles = Article.objects.order_by("pk")
        if article:
            articles = articles.filter(pk__in=article)
            missing = set(article) - set(articles.values_list("pk", flat=True))
            if missing:
                raise CommandError(f"No article with id {', '.join(map(str, sorted(missing)))}.")
        totals = {"added": 0, "removed": 0, "updated": 0, "kept": 0}
        for item in articles.iterator():
            result = article_reextract(article=item)
            totals["added"] += result.added
            totals["removed"] += result.removed
            totals["updated"] += result.updated
            totals["kept"] += result.kept_with_human_input
        self.stdout.write(
            "Re-extracted: {added} added, {removed} removed, {updated} refreshed, "
            "{kept} kept because people worked on them.".format(**totals)
        )
