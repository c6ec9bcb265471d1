import pytest
from django.db import IntegrityError

from annotations.models import Annotation, Verdict
from tests.annotations.factories import AnnotationFactory

pytestmark = pytest.mark.django_db


def test_database_refuses_second_annotation_by_same_annotator_on_same_claim():
    first = AnnotationFactory()
    with pytest.raises(IntegrityError):
        Annotation.objects.create(claim=first.claim, annotator=first.annotator, verdict=Verdict.DISPUTED)


def test_two_annotators_may_label_the_same_claim(annotator, second_annotator):
    first = AnnotationFactory(annotator=annotator)
    AnnotationFactory(claim=first.claim, annotator=second_annotator, verdict=Verdict.DISPUTED)
    assert first.claim.annotations.count() == 2


def test_database_refuses_unknown_verdict():
    annotation = AnnotationFactory()
    with pytest.raises(IntegrityError):
        Annotation.objects.filter(pk=annotation.pk).update(verdict="maybe")


def test_roles_exist_as_groups_with_permissions(annotator, reviewer):
    assert annotator.has_perm("annotations.add_annotation")
    assert not annotator.has_perm("annotations.view_annotation")
    assert reviewer.has_perm("annotations.view_annotation")
    assert not reviewer.has_perm("annotations.delete_annotation")
