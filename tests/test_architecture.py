"""The direction of dependency is enforced by import-linter (`make lint`); these tests prove the contracts bite."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = [
    "config",
    "web",
    "seeds",
    "backups",
    "webhooks",
    "jobs",
    "matching",
    "annotations",
    "claims",
    "core",
    "security",
]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint_copy(tmp_path: Path, extra: dict[str, str]) -> subprocess.CompletedProcess:
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__", "migrations"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    for name, source in extra.items():
        (tmp_path / name).write_text(source)
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=tmp_path, capture_output=True, text=True, env={"PYTHONPATH": "."}
    )


@pytest.mark.parametrize(
    ("module", "source"),
    [
        ("claims/probe.py", "import annotations.models\n"),
        ("claims/probe.py", "from matching import engine\n"),
        ("annotations/probe.py", "from web.views import review\n"),
        ("core/probe.py", "from claims import models\n"),
        ("security/probe.py", "from annotations import services\n"),
        ("claims/extraction/probe.py", "import django\n"),
        ("annotations/probe.py", "from webhooks import services\n"),  # events go up as signals instead
    ],
)
def test_lint_fails_when_a_lower_layer_imports_a_higher_one(tmp_path, module, source):
    result = _lint_copy(tmp_path, {module: source})
    assert result.returncode != 0, result.stdout
    assert "BROKEN" in result.stdout


def test_lint_passes_on_the_project_as_it_is(tmp_path):
    result = _lint_copy(tmp_path, {})
    assert result.returncode == 0, result.stdout + result.stderr
