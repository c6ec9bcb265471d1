"""Who may add articles: the navigation, the upload page, the API and the import command all ask can_add_articles."""

import pytest
from django.contrib.auth.models import Group, Permission, User

from core.roles import can_add_articles

pytestmark = pytest.mark.django_db


def _add_article() -> Permission:
    return Permission.objects.get(content_type__app_label="claims", codename="add_article")


def test_reviewers_and_admins_may_add_articles_and_annotators_may_not(annotator, reviewer, admin_user):
    assert (can_add_articles(annotator), can_add_articles(reviewer), can_add_articles(admin_user)) == (
        False,
        True,
        True,
    )


def test_an_annotator_given_the_permission_alone_may_add_articles(annotator):
    annotator.user_permissions.add(_add_article())
    assert can_add_articles(User.objects.get(pk=annotator.pk))


def test_an_annotator_in_another_group_with_the_permission_may_add_articles(annotator):
    uploaders = Group.objects.create(name="uploaders")
    uploaders.permissions.add(_add_article())
    annotator.groups.add(uploaders)
    assert can_add_articles(User.objects.get(pk=annotator.pk))


def test_an_inactive_user_with_the_permission_may_not(annotator):
    annotator.user_permissions.add(_add_article())
    annotator.is_active = False
    annotator.save()
    assert not can_add_articles(User.objects.get(pk=annotator.pk))


def test_the_check_is_one_query(annotator, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert not can_add_articles(annotator)
