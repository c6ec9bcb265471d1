"""ClaimDesk claim extraction: pure-Python pipeline turning an article into sourced claims.

Stages (each importable and testable on its own):

1. :mod:`.segmentation` — lines (hard boundaries) and nupunkt sentences;
2. :mod:`.boilerplate`  — page furniture filter;
3. :mod:`.attribution`  — cue lexicon (:mod:`.lexicon`) and the ``Attributor`` protocol;
4. :mod:`.speakers`     — pronoun/role/name resolution, source kinds and keys;
5. :mod:`.pipeline`     — ``extract_claims`` gluing them together (quotations across sentences
   and paragraphs are handled there, with :mod:`.quotes`).

Claim spans: ``claim.text == article[claim.start:claim.end]``; the span is the attributed statement
without its quotation marks and without trailing ``, ; : .``.  This package must not import Django.
"""

from .attribution import Attributor, RuleAttributor
from .pipeline import extract_claims
from .records import ExtractedClaim
from .speakers import kind_of, source_key, source_surname_key
from .version import EXTRACTOR_VERSION

__all__ = [
    "EXTRACTOR_VERSION",
    "Attributor",
    "ExtractedClaim",
    "RuleAttributor",
    "extract_claims",
    "kind_of",
    "source_key",
    "source_surname_key",
]
