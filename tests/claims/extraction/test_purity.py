import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _in_fresh_interpreter(*statements: str) -> None:
    """Extract from one sentence in a new interpreter, then run the statements (asserts on ``sys.modules``)."""
    code = "import sys; import claims.extraction as x; x.extract_claims('A said that B happened today.');"
    subprocess.run([sys.executable, "-c", code + ";".join(statements)], cwd=ROOT, check=True)


def test_importing_extraction_does_not_import_django_or_models():
    _in_fresh_interpreter(
        "assert 'django' not in sys.modules, 'django imported'",
        "assert 'claims.models' not in sys.modules, 'models imported'",
    )


def test_plain_text_extraction_does_not_load_the_html_library():
    # trafilatura takes about a second to import; a worker extracting plain text should not pay for it
    _in_fresh_interpreter(
        "import claims.extraction.html as h",
        "assert not h.looks_like_html('A said so.')",
        "assert 'trafilatura' not in sys.modules, 'trafilatura imported'",
    )
