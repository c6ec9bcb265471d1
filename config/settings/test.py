"""Test settings: fast hashing, no secret needed, the database from DATABASE_URL (SQLite by default)."""

from .base import *  # noqa: F403
from .base import env

SECRET_KEY = env.str("SECRET_KEY", default="test-only-not-secret")
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CLAIMDESK_PUBLIC_URL = env.str("CLAIMDESK_PUBLIC_URL", default="https://factcheck.example.org")
