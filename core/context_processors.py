from functools import cache

from core.roles import can_add_articles, is_admin, is_reviewer


def roles(request):
    """What the signed-in user's role allows, for navigation and buttons: the same checks the views make.

    Each is a function the template calls only where it asks (a template calls callables), so an htmx partial
    that shows no navigation does not pay can_add_articles's permission queries.
    """
    user = getattr(request, "user", None)
    return {
        "is_reviewer": cache(lambda: is_reviewer(user)),
        "is_admin": cache(lambda: is_admin(user)),
        "can_add_articles": cache(lambda: can_add_articles(user)),
    }
