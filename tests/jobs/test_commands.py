"""`manage.py import_articles` (in jobs: it combines claims, annotations and the queue). Its other tests, from when
it lived in claims, are in tests/claims/test_commands.py."""

import io

import pytest
from django.core.management import call_command

from jobs.models import Job

pytestmark = pytest.mark.django_db


def test_import_articles_async_hands_its_account_and_label_choice_to_the_job(reviewer, tmp_path):
    (tmp_path / "a.jsonl").write_text('{"body": "Title\\nThe mayor said so."}\n', encoding="utf-8")
    call_command("import_articles", "--async", str(tmp_path), stdout=io.StringIO())
    call_command("import_articles", "--async", "--as", "rev", "--without-labels", str(tmp_path), stdout=io.StringIO())
    shell, as_reviewer = Job.objects.order_by("pk")
    assert (shell.started_by, shell.params["operator"], shell.params["leave_out_labels"]) == (None, True, False)
    assert (as_reviewer.started_by, as_reviewer.params["operator"], as_reviewer.params["leave_out_labels"]) == (
        reviewer,
        False,
        True,
    )
