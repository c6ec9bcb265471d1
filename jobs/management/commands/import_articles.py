"""`manage.py import_articles`: a way in like the upload page. It lives in jobs, the lowest app above everything it
calls: claims reads the files, annotations brings in the claims' labels, jobs queues `--async` files."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from annotations.services import articles_import
from claims.importers import expand_paths, iter_records
from core.roles import can_add_articles
from jobs.services import job_import_start


class Command(BaseCommand):
    help = (
        "Import articles from .txt files (first line is the title), .jsonl files and web pages (.html/.htm: the "
        "article found in the page, with its title, publisher, date and URL), and extract their claims. JSONL "
        "article records with `claims` (articles.jsonl?claims=true) keep those claims, with their labels and "
        "adjudications: the operator at the shell imports as an admin unless --as names another account."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="FILE_OR_DIR")
        parser.add_argument(
            "--async",
            dest="background",
            action="store_true",
            help="Queue each file as a background job for the workers (see /jobs/) instead of importing here.",
        )
        parser.add_argument(
            "--as",
            dest="username",
            metavar="USERNAME",
            help="Import as this account (it creates the articles; labels only if it is an admin). "
            "Default: the operator at the shell, who may import labels and is recorded as nobody.",
        )
        parser.add_argument(
            "--without-labels",
            action="store_true",
            help="Import the claims of claim records without their `annotations` and `adjudication`.",
        )

    def handle(self, *args, paths, background=False, username=None, without_labels=False, **options):
        user = self._user(username) if username else None
        files = expand_paths(paths)
        missing = [str(p) for p in files if not p.exists()]
        if missing:
            raise CommandError(f"No such file or directory: {', '.join(missing)}")
        if background:
            self._queue(files, user=user, leave_out_labels=without_labels)
            return
        progress = tqdm(total=len(files), unit="file", disable=None, file=self.stderr._out)

        def records():
            for path in files:
                yield from iter_records(path)
                progress.update(1)

        report = articles_import(
            records=records(), created_by=user, operator=user is None, leave_out_labels=without_labels
        )
        progress.close()
        for failure in report.errors:
            self.stderr.write(f"failed: {failure}")
        failed = len(report.errors)
        self.stdout.write(f"Imported {report.created}, skipped {report.existing} as duplicates, failed {failed}.")
        if failed:
            raise CommandError(f"{failed} article(s) could not be imported; the rest were imported.")

    def _user(self, username: str):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        if not can_add_articles(user):
            raise CommandError(f"{username!r} cannot add articles (make them a reviewer or an admin).")
        return user

    def _queue(self, files, *, user, leave_out_labels: bool):
        refused = 0
        for path in files:
            try:
                with path.open("rb") as handle:
                    job = job_import_start(
                        user=user, name=path.name, file=File(handle), leave_out_labels=leave_out_labels
                    )
            except ValidationError as error:
                self.stderr.write(f"failed: {' '.join(error.messages)}")
                refused += 1
                continue
            self.stdout.write(f"Queued {path} as job {job.pk}: follow it at /jobs/{job.pk}/ or /api/jobs/{job.pk}/.")
        if refused:
            raise CommandError(f"{refused} file(s) could not be queued; the rest were.")
