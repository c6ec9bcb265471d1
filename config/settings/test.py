"""Test settings: fast hashing, no secret needed, the database from DATABASE_URL (SQLite by default)."""

from .base import *  # noqa: F403
from .base import env

SECRET_KEY = env.str("SECRET_KEY", default="test-only-not-secret")
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "jobs": {"BACKEND": "django.core.files.storage.InMemoryStorage"},  # the test worker is a thread of the test
}

# --- security (issue 17) ---
# Most tests sign staff in with force_login, which passes no second factor; tests/security turn the production
# value (on) back on where they test it. The CSP stays enforced (from base) so browser tests prove it.
STAFF_REQUIRE_2FA = False
# --- end security ---


# Tasks sent outside the tests that start a real worker (tests/jobs/conftest.py) go to an in-process queue.
CELERY_BROKER_URL = "memory://"
CELERY_BROKER_TRANSPORT_OPTIONS = {}

CLAIMDESK_PUBLIC_URL = env.str("CLAIMDESK_PUBLIC_URL", default="https://factcheck.example.org")
