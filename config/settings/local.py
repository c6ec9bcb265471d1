"""Local development: `make run`. Debug on, a secret generated once into var/."""

from .base import *  # noqa: F403
from .base import CONTENT_SECURITY_POLICY, env, local_secret_key

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env.str("SECRET_KEY", default="") or local_secret_key()

# --- security (issue 17): relaxed for development only ---
# No second factor needed for the demo admin on a laptop (production requires it for staff).
STAFF_REQUIRE_2FA = env.bool("STAFF_REQUIRE_2FA", default=False)
# The policy is reported, not enforced, so Django's debug pages (inline script) keep working; the browser console
# still shows every violation.
CONTENT_SECURITY_POLICY_REPORT_ONLY = CONTENT_SECURITY_POLICY
CONTENT_SECURITY_POLICY = None
# --- end security ---

CLAIMDESK_PUBLIC_URL = env.str("CLAIMDESK_PUBLIC_URL", default="http://127.0.0.1:8000")
