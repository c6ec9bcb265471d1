"""The three roles, checked the same way by the UI, the API and the admin."""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.db.models import Q

ANNOTATOR = "annotator"
REVIEWER = "reviewer"


def _in_group(user, name: str) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    cache = getattr(user, "_claimdesk_groups", None)
    if cache is None:
        cache = set(user.groups.values_list("name", flat=True))
        user._claimdesk_groups = cache
    return name in cache


def is_admin(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_staff)


def is_reviewer(user) -> bool:
    """Reviewers adjudicate and see everyone's labels; admins can do all of that too."""
    return is_admin(user) or _in_group(user, REVIEWER)


def is_annotator(user) -> bool:
    """Anyone who may label claims: annotators, reviewers and admins."""
    return is_reviewer(user) or _in_group(user, ANNOTATOR)


def can_add_articles(user) -> bool:
    """Reviewers get the permission from their group; admins (staff) may do everything; an admin may also give it
    to one annotator or to another group. One query, where has_perm would load all of the user's permissions in
    two (it is asked on every full page, for the navigation)."""
    if is_admin(user) or getattr(user, "is_superuser", False):
        return True
    if not (getattr(user, "is_authenticated", False) and user.is_active):
        return False
    from django.contrib.auth.models import Permission

    return (
        Permission.objects.filter(content_type__app_label="claims", codename="add_article")
        .filter(Q(user=user) | Q(group__user=user))
        .exists()
    )


def role_required(test):
    """View decorator: 403 (not a login redirect) for a signed-in user whose role does not pass `test`."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not test(request.user):
                raise PermissionDenied("Your role cannot do this.")
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
