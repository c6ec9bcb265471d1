from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from claims.importers import ImportFileError, expand_paths, iter_records
from claims.services import article_ingest


def _reason(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        return "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in error.message_dict.items())
    return " ".join(error.messages)


class Command(BaseCommand):
    help = "Import articles from .txt files (first line is the title) and .jsonl files, and extract their claims."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="FILE_OR_DIR")

    def handle(self, *args, paths, **options):
        files = expand_paths(paths)
        missing = [str(p) for p in files if not p.exists()]
        if missing:
            raise CommandError(f"No such file or directory: {', '.join(missing)}")
        imported = skipped = 0
        failures: list[str] = []
        progress = tqdm(total=len(files), unit="file", disable=None, file=self.stderr._out)
        for path in files:
            for record in iter_records(path):
                if isinstance(record, ImportFileError):
                    failures.append(str(record))
                    continue
                try:
                    result = article_ingest(
                        title=record.title,
                        body=record.body,
                        url=record.url,
                        publisher=record.publisher,
                        published_at=record.published_at,
                    )
                except ValidationError as error:
                    failures.append(f"{record.label}: {_reason(error)}")
                    continue
                if result.created:
                    imported += 1
                else:
                    skipped += 1
            progress.update(1)
        progress.close()
        for failure in failures:
            self.stderr.write(f"failed: {failure}")
        self.stdout.write(f"Imported {imported}, skipped {skipped} as duplicates, failed {len(failures)}.")
        if failures:
            raise CommandError(f"{len(failures)} article(s) could not be imported; the rest were imported.")
