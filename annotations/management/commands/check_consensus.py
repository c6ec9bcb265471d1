from django.core.management.base import BaseCommand, CommandError

from annotations.services import claims_check_consensus


class Command(BaseCommand):
    help = (
        "Recompute every claim's label count, status and consensus verdict from its labels and adjudication and "
        "report any claim whose stored values differ (exit status 1). With --fix, repair them (exit status 0)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--fix", action="store_true", help="Repair each claim that has drifted.")

    def handle(self, *args, fix: bool = False, **options):
        drifts = claims_check_consensus(fix=fix)
        for drift in drifts:
            stored, expected = drift.stored, drift.expected
            self.stdout.write(
                f"claim {drift.claim_id}: stored {stored.status}/{stored.verdict or '-'}/{stored.label_count} labels, "
                f"its labels say {expected.status}/{expected.verdict or '-'}/{expected.label_count} labels"
                + (" (fixed)" if fix else "")
            )
        if not drifts:
            self.stdout.write(self.style.SUCCESS("Every claim's status, verdict and label count match its labels."))
        elif fix:
            self.stdout.write(self.style.SUCCESS(f"Repaired {len(drifts)} claim(s)."))
        else:
            raise CommandError(f"{len(drifts)} claim(s) disagree with their labels; run with --fix to repair them.")
