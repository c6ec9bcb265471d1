from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from security.models import AuditEvent
from tests.security.factories import AuditEventFactory

pytestmark = pytest.mark.django_db


def test_purge_deletes_events_older_than_the_retention_and_keeps_the_rest(production, capsys):
    production.AUDIT_RETENTION_DAYS = 30
    now = timezone.now()
    AuditEventFactory(at=now - timedelta(days=31), username="old")
    AuditEventFactory(at=now - timedelta(days=29), username="recent")
    call_command("purge_audit_trail")
    assert list(AuditEvent.objects.values_list("username", flat=True)) == ["recent"]
    assert "Deleted 1 audit event(s) older than 30 days" in capsys.readouterr().out


def test_purge_takes_the_days_to_keep_from_the_command_line(production):
    AuditEventFactory(at=timezone.now() - timedelta(days=8))
    call_command("purge_audit_trail", "--days", "7")
    assert not AuditEvent.objects.exists()


def test_purge_refuses_to_keep_less_than_a_day(production):
    AuditEventFactory()
    with pytest.raises(CommandError, match="at least 1"):
        call_command("purge_audit_trail", "--days", "0")
    assert AuditEvent.objects.count() == 1
