"""The Celery application. Settings come from Django's (CELERY_* in config/settings/base.py)."""

import os

from celery import Celery
from celery.signals import worker_ready

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

app = Celery("claimdesk")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_ready.connect
def _resume_on_start(**kwargs):
    """A worker that starts picks up jobs whose worker vanished and purges expired snapshots."""
    from jobs.tasks import jobs_housekeeping

    jobs_housekeeping.delay()
