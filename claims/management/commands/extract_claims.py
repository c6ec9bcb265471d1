import json

from django.core.management.base import BaseCommand, CommandError

from claims.extraction import EXTRACTOR_VERSION, extract_claims
from claims.extraction.explain import explanation_lines
from claims.importers import ImportFileError, expand_paths, read_article_text


class Command(BaseCommand):
    help = (
        "Print the claims extracted from text files and web pages (.html/.htm, or a file holding an HTML document); "
        "offsets are into each file's UTF-8 text, or into the article text found in a page. Touches no database."
    )
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="FILE_OR_DIR")
        parser.add_argument("--format", choices=["jsonl", "table"], default="jsonl")
        parser.add_argument(
            "--explain", action="store_true", help="print the rules and vetoes that made each claim or dropped a cue"
        )

    def handle(self, *args, paths, format, explain=False, **options):
        failures = 0
        for path in expand_paths(paths):
            try:
                text = read_article_text(path)
            except ImportFileError as error:
                self.stderr.write(f"{path}: {error}")
                failures += 1
                continue
            if explain:
                self.stdout.write(f"== {path.name}")
                self.stdout.write("\n".join(explanation_lines(text)))
                continue
            claims = extract_claims(text)
            if format == "table":
                self._table(path.name, claims)
                continue
            for claim in claims:
                row = {
                    "article": path.name,
                    "text": claim.text,
                    "start": claim.start,
                    "end": claim.end,
                    "source": claim.source,
                    "source_kind": claim.source_kind,
                    "source_mention": claim.source_mention,
                    "cue": claim.cue,
                    "quote": claim.is_direct_quote,
                    "confidence": round(claim.confidence, 3),
                    "extraction_rule": claim.rule_id,
                    "extractor_version": EXTRACTOR_VERSION,
                }
                self.stdout.write(json.dumps(row, ensure_ascii=False))
        if failures:
            raise CommandError(f"{failures} file(s) could not be read.")

    def _table(self, name: str, claims) -> None:
        self.stdout.write(f"== {name}: {len(claims)} claims")
        for claim in claims:
            text = claim.text if len(claim.text) <= 90 else claim.text[:87] + "..."
            source = claim.source or "?"
            quote = "Q" if claim.is_direct_quote else " "
            self.stdout.write(f"{claim.start:>6}-{claim.end:<6} {quote} {source[:28]:<28} {claim.cue[:16]:<16} {text}")
