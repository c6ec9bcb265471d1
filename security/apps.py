from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "security"
    verbose_name = "Security"

    def ready(self):
        # Sign-ins, failures and lockouts happen inside django.contrib.auth and django-axes; their signals are the
        # only way to hear of them, so the audit trail listens there (our own models send no signals).
        from security import receivers  # noqa: F401
