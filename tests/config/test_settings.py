import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _manage(*args, **env):
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_SETTINGS_MODULE"}}
    clean.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def production_env(tmp_path):
    return {
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "claimdesk.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}",
    }


def test_production_settings_pass_check_deploy_without_warnings(production_env):
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **production_env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_settings_refuse_to_start_without_required_variables(production_env, missing):
    del production_env[missing]
    result = _manage("check", **production_env)
    assert result.returncode != 0
    assert f"Set the {missing} environment variable" in result.stderr


def _security_settings(**env) -> dict:
    code = (
        "import json; from django.conf import settings as s; print(json.dumps({"
        "'2fa': s.STAFF_REQUIRE_2FA, 'proxies': s.TRUSTED_PROXY_COUNT, "
        "'enforced': str((s.CONTENT_SECURITY_POLICY or {}).get('DIRECTIVES', {}).get('script-src')), "
        "'report_only': str((s.CONTENT_SECURITY_POLICY_REPORT_ONLY or {}).get('DIRECTIVES', {}).get('script-src'))}))"
    )
    result = _manage("shell", "-c", code, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_settings_require_a_second_factor_and_enforce_the_csp(production_env):
    values = _security_settings(**production_env)
    assert values["2fa"] is True
    assert values["proxies"] == 0  # the socket's address unless the deployment says how many proxies it runs
    assert "'self'" in values["enforced"]
    assert "unsafe" not in values["enforced"]
    assert values["report_only"] == "None"


def test_local_settings_report_the_csp_and_let_staff_in_with_a_password(tmp_path):
    values = _security_settings(
        DJANGO_SETTINGS_MODULE="config.settings.local", DATABASE_URL=f"sqlite:///{tmp_path / 'local.sqlite3'}"
    )
    assert values["2fa"] is False
    assert values["enforced"] == "None"
    assert "'self'" in values["report_only"]


def test_trusted_proxy_count_comes_from_the_environment(production_env):
    assert _security_settings(**production_env, TRUSTED_PROXY_COUNT="1")["proxies"] == 1
