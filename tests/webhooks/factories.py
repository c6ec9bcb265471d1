import factory

from webhooks.models import Webhook, WebhookEvent


class WebhookFactory(factory.django.DjangoModelFactory):
    """Made directly, not through webhook_create: tests point it at a local receiver (a loopback address)."""

    class Meta:
        model = Webhook

    url = "https://hooks.example.org/claimdesk"
    events = factory.LazyFunction(lambda: list(WebhookEvent.values))
