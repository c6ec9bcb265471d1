from django.apps import AppConfig


class WebConfig(AppConfig):
    """The ways in over HTTP (pages and REST API) that combine claims, annotations and matching. Nothing imports it."""

    name = "web"
