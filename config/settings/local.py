"""Local development: `make run`. Debug on, a secret generated once into var/."""

from .base import *  # noqa: F403
from .base import env, local_secret_key

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env.str("SECRET_KEY", default="") or local_secret_key()
CLAIMDESK_PUBLIC_URL = env.str("CLAIMDESK_PUBLIC_URL", default="http://127.0.0.1:8000")
