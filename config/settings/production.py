"""Production: every secret and host comes from the environment; refuses to start without them."""

from .base import *  # noqa: F403
from .base import DATABASES, env

DEBUG = False
SECRET_KEY = env.str("SECRET_KEY")  # required: ImproperlyConfigured when missing
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
# gunicorn's processes keep their database connection (base.py): a minute, checked before reuse.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- security (issue 17): enforced here whatever base.py's defaults become ---
STAFF_REQUIRE_2FA = env.bool("STAFF_REQUIRE_2FA", default=True)
# The CSP from base.py is enforced (not report-only). Behind the reverse proxy set TRUSTED_PROXY_COUNT=1, or every
# client has the proxy's address and a lockout would hit everyone using that username.
CONTENT_SECURITY_POLICY_REPORT_ONLY = None
# --- end security ---
