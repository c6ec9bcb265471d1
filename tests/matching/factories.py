import factory

from matching.models import ClaimMatch, MatchStatus
from tests.claims.factories import ClaimFactory


class ClaimMatchFactory(factory.django.DjangoModelFactory):
    """A pair of claims in two articles; `claim` is created first, so it has the lower id as the model requires."""

    class Meta:
        model = ClaimMatch

    claim = factory.SubFactory(ClaimFactory)
    other = factory.SubFactory(ClaimFactory)
    score = 0.8
    status = MatchStatus.SUGGESTED
