import pytest
from rest_framework.authtoken.models import Token

from core.services import token_create, token_revoke

pytestmark = pytest.mark.django_db


def test_token_create_replaces_the_earlier_token(annotator):
    first = token_create(user=annotator)
    second = token_create(user=annotator)
    assert first.key != second.key
    assert list(Token.objects.filter(user=annotator).values_list("key", flat=True)) == [second.key]


def test_token_revoke_deletes_only_my_token(annotator, reviewer):
    token_create(user=annotator)
    theirs = token_create(user=reviewer)
    assert token_revoke(user=annotator)
    assert not token_revoke(user=annotator)
    assert list(Token.objects.values_list("key", flat=True)) == [theirs.key]
