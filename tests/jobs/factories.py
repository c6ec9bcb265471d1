import factory

from jobs.models import Job, JobKind
from tests.factories import UserFactory


class JobFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Job

    kind = JobKind.IMPORT
    started_by = factory.SubFactory(UserFactory)
    params = factory.LazyFunction(lambda: {"name": "batch.jsonl", "file": "imports/x/batch.jsonl"})
