from core.roles import can_add_articles, is_admin, is_reviewer


def roles(request):
    """What the signed-in user's role allows, for navigation and buttons: the same checks the views make."""
    user = getattr(request, "user", None)
    return {
        "is_reviewer": is_reviewer(user),
        "is_admin": is_admin(user),
        "can_add_articles": can_add_articles(user),
    }
