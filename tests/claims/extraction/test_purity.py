import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_importing_extraction_does_not_import_django_or_models():
    code = (
        "import sys; import claims.extraction as x; x.extract_claims('A said that B happened today.');"
        "assert 'django' not in sys.modules, 'django imported';"
        "assert 'claims.models' not in sys.modules, 'models imported'"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
