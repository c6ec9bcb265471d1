from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from claims.importers import expand_paths, iter_records
from claims.services import article_import_records


class Command(BaseCommand):
    help = (
        "Import articles from .txt files (first line is the title), .jsonl files and web pages (.html/.htm: the "
        "article found in the page, with its title, publisher, date and URL), and extract their claims."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="FILE_OR_DIR")
        parser.add_argument(
            "--async",
            dest="background",
            action="store_true",
            help="Queue each file as a background job for the workers (see /jobs/) instead of importing here.",
        )

    def handle(self, *args, paths, background=False, **options):
        files = expand_paths(paths)
        missing = [str(p) for p in files if not p.exists()]
        if missing:
            raise CommandError(f"No such file or directory: {', '.join(missing)}")
        if background:
            self._queue(files)
            return
        progress = tqdm(total=len(files), unit="file", disable=None, file=self.stderr._out)

        def records():
            for path in files:
                yield from iter_records(path)
                progress.update(1)

        report = article_import_records(records=records())
        progress.close()
        for failure in report.errors:
            self.stderr.write(f"failed: {failure}")
        failed = len(report.errors)
        self.stdout.write(f"Imported {report.created}, skipped {report.existing} as duplicates, failed {failed}.")
        if failed:
            raise CommandError(f"{failed} article(s) could not be imported; the rest were imported.")

    def _queue(self, files):
        # Imported here: claims sits below jobs, and only this option needs the queue.
        from jobs.services import job_import_start

        refused = 0
        for path in files:
            try:
                with path.open("rb") as handle:
                    job = job_import_start(user=None, name=path.name, file=File(handle))
            except ValidationError as error:
                self.stderr.write(f"failed: {' '.join(error.messages)}")
                refused += 1
                continue
            self.stdout.write(f"Queued {path} as job {job.pk}: follow it at /jobs/{job.pk}/ or /api/jobs/{job.pk}/.")
        if refused:
            raise CommandError(f"{refused} file(s) could not be queued; the rest were.")
