"""Settings shared by every environment. All configuration comes from the environment via django-environ."""

import secrets
from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF

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
    # --- security (issue 17): second factor (TOTP + backup codes), CSP, audit trail ---
    "django_otp",
    "django_otp.plugins.otp_static",
    "django_otp.plugins.otp_totp",
    "two_factor",
    "csp",
    "security",
    # --- end security ---
    "core",
    "claims",
    "annotations",
    "matching",
    "jobs",
    "webhooks",  # issue 15: signed event deliveries
    "web",
    "seeds",
    "backups",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # security (issue 17): outside all but the static files, so every page (error pages, the lockout page) has it
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # --- security (issue 17): who passed a second factor, and staff made to use one ---
    "django_otp.middleware.OTPMiddleware",
    "security.middleware.StaffSecondFactorMiddleware",
    # --- end security ---
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
# --- security (issue 17): client address, lockout, second factor, CSP, audit trail. See SECURITY.md. ---
# How many reverse proxies in front of the app append to X-Forwarded-For. 0: the socket's address is the client's
# (nothing in the header is trusted). Behind one proxy (nginx with $proxy_add_x_forwarded_for) set 1. Lockouts,
# API throttling and the audit trail all use this address (security.client.client_address).
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

# Login throttling against password guessing: 5 failures for one username from one client address lock that pair,
# never the username for everyone (so nobody can lock an account out from elsewhere). The cool-off runs from the
# last failure.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=1.0)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Attempts while locked do not push the end of the lockout back, so the time the lockout page gives holds.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_CLIENT_IP_CALLABLE = "security.client.client_address"
AXES_USERNAME_CALLABLE = "security.client.sign_in_username"
AXES_LOCKOUT_CALLABLE = "security.views.locked_out"
AXES_ENABLE_ADMIN = False  # security.admin registers the attempts with an unlock that is audited
AXES_DISABLE_ACCESS_LOG = True  # sign-ins are in the audit trail (security.models.AuditEvent)

# Second factor: TOTP apps (QR code enrolment) and backup codes, through django-two-factor-auth. Staff and
# superusers must use it where STAFF_REQUIRE_2FA is on (production); others may.
STAFF_REQUIRE_2FA = env.bool("STAFF_REQUIRE_2FA", default=True)
OTP_TOTP_ISSUER = "ClaimDesk"
TWO_FACTOR_PATCH_ADMIN = True  # the admin's login page sends people to the two-factor sign-in
TWO_FACTOR_REMEMBER_COOKIE_AGE = None  # no "trust this browser": every sign-in asks for the code

# Content-Security-Policy (django-csp): scripts only from our origin or with the request's nonce; no inline
# script, no inline event handler, no eval. Local settings send it report-only.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "connect-src": [SELF],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# Security events (sign-ins, failures, lockouts, unlocks, tokens, role and staff changes) are kept this long;
# `manage.py purge_audit_trail` deletes older ones (run it daily).
AUDIT_RETENTION_DAYS = env.int("AUDIT_RETENTION_DAYS", default=365)
# --- end security ---

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
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Parameters sent apart from the SQL, so psycopg prepares a statement the connection has run a few times and
    # PostgreSQL stops planning it again (the review page's queries repeat on every request: about a third of its
    # time). Behind PgBouncer in transaction pooling older than 1.21, prepared statements break: set it to false.
    DATABASES["default"].setdefault("OPTIONS", {})["server_side_binding"] = env.bool(
        "DATABASE_SERVER_SIDE_BINDING", default=True
    )
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# Persistent connections: a web or worker process keeps its connection between requests instead of opening one per
# request (on PostgreSQL a new server process and its set-up each time). Off unless set: `runserver` starts a thread
# per request, which would leave one connection per thread. Production settings turn it on.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
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
    # Uploads waiting for a worker and export snapshots. Every web process and worker must see the same files:
    # one machine's var/, a shared volume, or an object store (any Django storage backend) for several machines.
    "jobs": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": env.path("JOB_FILES_ROOT", default=str(VAR_DIR / "jobs"))},
    },
}

LOGIN_URL = "login"  # the two-factor sign-in (security.urls)
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
        # security (issue 17): counted per client address as TRUSTED_PROXY_COUNT defines it
        "security.throttling.AnonRateThrottle",
        "security.throttling.UserRateThrottle",
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
        {"name": "webhooks", "description": "Signed event deliveries to your URLs, and their log (admins)."},
    ],
    "ENUM_NAME_OVERRIDES": {
        "VerdictEnum": "annotations.models.Verdict",
        "ClaimStatusEnum": "claims.models.ClaimStatus",
        "SourceKindEnum": "claims.models.SourceKind",
        "WebhookEventEnum": "webhooks.models.WebhookEvent",  # webhooks (issue 15)
    },
}

# Domain settings.
LABELS_PER_CLAIM = env.int("LABELS_PER_CLAIM", default=2)
REVIEW_RESERVATION_SECONDS = env.int("REVIEW_RESERVATION_SECONDS", default=300)
ARTICLE_MAX_BYTES = env.int("ARTICLE_MAX_BYTES", default=2 * 1024 * 1024)
CLAIMREVIEW_AUTHOR_NAME = env.str("CLAIMREVIEW_AUTHOR_NAME", default="ClaimDesk")
CLAIMREVIEW_AUTHOR_URL = env.str("CLAIMREVIEW_AUTHOR_URL", default="")

# Background jobs (Celery). Production: CELERY_BROKER_URL=redis://127.0.0.1:6379/0. The default needs no server:
# kombu's filesystem transport keeps the queue as files under var/celery/, shared by the processes of one machine,
# so `make run` works on a fresh checkout. It does not redeliver a task whose worker was killed: use Redis for that.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="filesystem://")
_QUEUE_DIR = VAR_DIR / "celery" / "queue"
if CELERY_BROKER_URL.startswith("filesystem"):
    _QUEUE_DIR.mkdir(parents=True, exist_ok=True)
CELERY_BROKER_TRANSPORT_OPTIONS = (
    {"data_folder_in": str(_QUEUE_DIR), "data_folder_out": str(_QUEUE_DIR), "control_folder": str(_QUEUE_DIR.parent)}
    if CELERY_BROKER_URL.startswith("filesystem")
    # Redis: a task whose worker vanished goes back to the queue after this many seconds.
    # Each worker sweeps for such tasks every 10 s.
    else {
        "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=600),
        "unacked_restore_interval": 10,
        "unacked_restore_throttle": 1,
    }
)
CELERY_TASK_ACKS_LATE = True  # acknowledge after the task ran, so a killed worker's task is delivered again
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1  # chunks are long: one at a time per process, shared fairly among workers
CELERY_TASK_IGNORE_RESULT = True  # progress lives in the Job rows, not in a result backend
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULE = {
    "jobs-housekeeping": {"task": "jobs.tasks.jobs_housekeeping", "schedule": 300.0},
}
JOB_CHUNK_SIZE = env.int("JOB_CHUNK_SIZE", default=200)  # articles per task, each chunk one transaction
JOB_CHUNK_TRIES = env.int("JOB_CHUNK_TRIES", default=5)
JOB_STALE_SECONDS = env.int("JOB_STALE_SECONDS", default=600)  # no heartbeat this long: the job is sent again
IMPORT_INLINE_MAX_BYTES = env.int("IMPORT_INLINE_MAX_BYTES", default=1024 * 1024)  # larger uploads: a background job
EXPORT_SNAPSHOT_TTL = env.int("EXPORT_SNAPSHOT_TTL", default=24 * 3600)  # seconds a snapshot file is kept

# Your organisation's public site, where reviews are published: ClaimReview's `url` and `@id` are built on it
# (never on the request's host, which is this internal tool). CLAIMREVIEW_PATH takes {id} and {article_id}.
CLAIMDESK_PUBLIC_URL = env.str("CLAIMDESK_PUBLIC_URL", default="")
CLAIMREVIEW_PATH = env.str("CLAIMREVIEW_PATH", default="/claims/{id}/")

# --- webhooks (issue 15): each delivery is tried WEBHOOK_MAX_ATTEMPTS times, waiting WEBHOOK_RETRY_BASE_SECONDS
# and doubling (at most 10 minutes, below Redis's visibility timeout) between tries. ---
WEBHOOK_TIMEOUT_SECONDS = env.float("WEBHOOK_TIMEOUT_SECONDS", default=10.0)
WEBHOOK_MAX_ATTEMPTS = env.int("WEBHOOK_MAX_ATTEMPTS", default=8)
WEBHOOK_RETRY_BASE_SECONDS = env.int("WEBHOOK_RETRY_BASE_SECONDS", default=30)
# How long a process trusts its list of subscribed events (a change no webhook wants costs no query); a webhook
# saved in another process (the admin, while a worker imports) gets events at most this many seconds later.
WEBHOOK_EVENTS_CACHE_SECONDS = env.float("WEBHOOK_EVENTS_CACHE_SECONDS", default=5.0)
# --- end webhooks ---
