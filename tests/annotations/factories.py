import factory

from annotations.models import Annotation, Verdict
from annotations.services import claim_refresh_consensus
from tests.claims.factories import ClaimFactory
from tests.factories import UserFactory


class AnnotationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Annotation

    claim = factory.SubFactory(ClaimFactory)
    annotator = factory.SubFactory(UserFactory)
    verdict = Verdict.VERIFIED
    note = ""

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # Like every way in, a label made here keeps its claim's derived status (claim_refresh_consensus).
        annotation = super()._create(model_class, *args, **kwargs)
        claim_refresh_consensus(claim=annotation.claim)
        return annotation
