from django.apps import AppConfig


class WebConfig(AppConfig):
    """The ways in over HTTP (pages and REST API) that combine claims, annotations and matching. Nothing imports it."""

    name = "web"

    def ready(self):
        # Export snapshots are written by a worker but take the API's claim filters, which live here.
        from jobs.services import article_query_register, export_query_register
        from web.api.jobs import export_claims, reextract_articles

        export_query_register(export_claims)
        article_query_register(reextract_articles)
