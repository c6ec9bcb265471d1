import factory

from annotations.models import Annotation, Verdict
from tests.claims.factories import ClaimFactory
from tests.factories import UserFactory


class AnnotationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Annotation

    claim = factory.SubFactory(ClaimFactory)
    annotator = factory.SubFactory(UserFactory)
    verdict = Verdict.VERIFIED
    note = ""
