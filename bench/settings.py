"""Benchmark-only settings: production-like (DEBUG off, local secret), plus the plain-DRF baseline URL.

Used by bench/export.py for its gunicorn server; never by ClaimDesk itself.
"""

from config.settings.local import *  # noqa: F403

DEBUG = False
ROOT_URLCONF = "bench.urls"
