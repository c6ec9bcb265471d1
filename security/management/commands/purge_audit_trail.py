from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from security.services import audit_purge


class Command(BaseCommand):
    help = "Delete audit events older than AUDIT_RETENTION_DAYS (or --days). Run it daily, e.g. from cron."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Keep this many days instead of the setting.")

    def handle(self, *args, days, **options):
        days = settings.AUDIT_RETENTION_DAYS if days is None else days
        if days < 1:
            raise CommandError(f"--days must be at least 1 (got {days}); the trail is never emptied by accident.")
        cutoff = timezone.now() - timedelta(days=days)
        deleted = audit_purge(older_than=cutoff)
        self.stdout.write(
            f"Deleted {deleted} audit event(s) older than {days} days (before {cutoff:%Y-%m-%d %H:%M} UTC)."
        )
