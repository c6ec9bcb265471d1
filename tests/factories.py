import factory
from django.contrib.auth import get_user_model

PASSWORD = "correct horse battery staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


def sign_in_form(username: str, password: str = PASSWORD) -> dict[str, str]:
    """The sign-in form's first step as a browser posts it (django-two-factor-auth's wizard prefixes its fields)."""
    return {"login_view-current_step": "auth", "auth-username": username, "auth-password": password}
