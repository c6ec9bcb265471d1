"""Settings shared by every environment. All configuration comes from the environment via django-environ."""

import secrets
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)


def local_secret_key() -> str:
    """A key generated once per checkout into var/, so local runs need no setup and nothing secret is committed."""
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "simple_history",
    "axes",
    "core",
    "claims",
    "annotations",
    "matching",
    "web",
    "seeds",
    "backups",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into a 429 page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Login throttling against password guessing: 5 failures for one username from one address lock it for an hour.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=1.0)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.roles",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'claimdesk.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers (exports, the review queue) run while an annotator writes; IMMEDIATE avoids
    # "database is locked" upgrades inside write transactions.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = env.str("TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

REST_FRAMEWORK = {
    # Token first, so an anonymous request gets 401 with `WWW-Authenticate: Token` rather than a bare 403.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    # Our JSON parser: a malformed or deeply nested body is a 400, and a view may accept more than 2.5 MB.
    "DEFAULT_PARSER_CLASSES": [
        "core.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "core.exception_handlers.api_exception_handler",
    # Against scraping and runaway clients; an export is one request however many rows it streams.
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env.str("API_THROTTLE_ANON", default="60/minute"),
        "user": env.str("API_THROTTLE_USER", default="3000/minute"),
    },
}

# Throttle counts and the like live here; set CACHE_URL (e.g. redis://127.0.0.1:6379/1) when several processes
# serve the app so they share one count.
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://claimdesk")}

SPECTACULAR_SETTINGS = {
    "TITLE": "ClaimDesk API",
    "DESCRIPTION": (
        "Articles, sourced claims, sources, annotations and streamed exports.\n\n"
        "**Authentication**: send `Authorization: Token <key>` (a key from `manage.py issue_token USERNAME` or the "
        "admin's Tokens page), or use a signed-in browser session (then unsafe methods need the `X-CSRFToken` "
        "header). No credentials, or a wrong key, is a 401.\n\n"
        "**Roles**: annotators label claims; reviewers and admins also add articles, adjudicate, read agreement, "
        "the exports and ClaimReview; only staff delete labels. Anything else is a 403.\n\n"
        "**Blind labelling**: an annotator sees only their own labels, and a claim's consensus (`verdict`, "
        "`status`, `label_count`) only once they have labelled it; the `verdict` and `status` filters reach only "
        "those claims, and sources' `verdict_counts` are null for them.\n\n"
        "**Pages**: claims and annotations come in cursor pages (`page_size` up to 500; follow `next` until it is "
        "null); articles and sources in numbered pages of 50 (`page`, with a `count`).\n\n"
        '**Errors** are JSON: `{"detail": "..."}`, or for invalid input and query parameters an object from '
        "field (or parameter) name to a list of messages. Unknown fields in a request body are refused."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "config.openapi.add_error_responses",
    ],
    "COMPONENT_SPLIT_REQUEST": True,
    "TAGS": [
        {"name": "articles", "description": "News articles and the claims extracted from them."},
        {"name": "claims", "description": "Sourced claims: a statement and who made it; adjudication, ClaimReview."},
        {"name": "sources", "description": "Who made the claims."},
        {"name": "annotations", "description": "Labels: one verdict per claim and annotator."},
        {"name": "review", "description": "The review queue for annotators."},
        {"name": "agreement", "description": "Inter-annotator agreement (reviewers and admins)."},
        {"name": "export", "description": "Streamed exports of every claim (reviewers and admins)."},
    ],
    "ENUM_NAME_OVERRIDES": {
        "VerdictEnum": "annotations.models.Verdict",
        "ClaimStatusEnum": "claims.models.ClaimStatus",
        "SourceKindEnum": "claims.models.SourceKind",
    },
}

# Domain settings.
LABELS_PER_CLAIM = env.int("LABELS_PER_CLAIM", default=2)
REVIEW_RESERVATION_SECONDS = env.int("REVIEW_RESERVATION_SECONDS", default=300)
ARTICLE_MAX_BYTES = env.int("ARTICLE_MAX_BYTES", default=2 * 1024 * 1024)
CLAIMREVIEW_AUTHOR_NAME = env.str("CLAIMREVIEW_AUTHOR_NAME", default="ClaimDesk")
CLAIMREVIEW_AUTHOR_URL = env.str("CLAIMREVIEW_AUTHOR_URL", default="")
# Your organisation's public site, where reviews are published: ClaimReview's `url` and `@id` are built on it
# (never on the request's host, which is this internal tool). CLAIMREVIEW_PATH takes {id} and {article_id}.
CLAIMDESK_PUBLIC_URL = env.str("CLAIMDESK_PUBLIC_URL", default="")
CLAIMREVIEW_PATH = env.str("CLAIMREVIEW_PATH", default="/claims/{id}/")
