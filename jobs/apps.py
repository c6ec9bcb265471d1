from django.apps import AppConfig


class JobsConfig(AppConfig):
    """Background jobs on Celery: imports, re-extraction, matching rebuilds and export snapshots."""

    name = "jobs"
    verbose_name = "Background jobs"
