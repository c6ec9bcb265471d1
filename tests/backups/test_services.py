import pytest
from django.core.exceptions import ValidationError

from annotations.models import Annotation, Verdict
from annotations.selectors import claim_history
from annotations.services import annotation_submit
from backups.services import database_backup, database_restore
from claims.models import Article
from tests.claims.factories import ClaimFactory


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_restore_brings_back_every_annotation_and_its_history(tmp_path, annotator, second_annotator):
    claim = ClaimFactory()
    annotation_submit(claim=claim, annotator=annotator, verdict=Verdict.VERIFIED)
    annotation_submit(claim=claim, annotator=annotator, verdict=Verdict.DISPUTED, note="changed my mind")
    annotation_submit(claim=claim, annotator=second_annotator, verdict=Verdict.DISPUTED)
    before = sorted(Annotation.objects.values_list("annotator__username", "verdict", "note"))
    history_before = [(e.what, e.action, e.changes) for e in claim_history(claim=claim)]

    snapshot = database_backup(path=tmp_path / ("snapshot" + (".sqlite3" if _sqlite() else ".pgdump")))
    Article.objects.all().delete()
    Annotation.history.all().delete()
    assert not Annotation.objects.exists()

    database_restore(path=snapshot)

    assert sorted(Annotation.objects.values_list("annotator__username", "verdict", "note")) == before
    assert [(e.what, e.action, e.changes) for e in claim_history(claim=claim)] == history_before


def _sqlite():
    from django.db import connection

    return connection.vendor == "sqlite"


@pytest.mark.django_db
def test_restore_refuses_a_missing_or_foreign_file(tmp_path):
    with pytest.raises(ValidationError, match="No backup file"):
        database_restore(path=tmp_path / "nope.sqlite3")
    wrong = tmp_path / "notes.txt"
    wrong.write_text("hello")
    with pytest.raises(ValidationError, match="is not a"):
        database_restore(path=wrong)
