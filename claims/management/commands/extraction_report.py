from django.core.management.base import BaseCommand

from claims.selectors import extraction_rule_report


class Command(BaseCommand):
    help = (
        "For each extraction rule, how many of the claims it made reviewers flagged as not a claim or fixed by "
        "hand, worst share first: the rules to fix next, from the team's own data."
    )

    def handle(self, *args, **options):
        report = extraction_rule_report()
        if not report:
            self.stdout.write("No extracted claims yet.")
            return
        self.stdout.write(f"{'rule':<40} {'claims':>7} {'flagged':>8} {'share':>6} {'edited':>7} {'share':>6}")
        for row in report:
            self.stdout.write(
                f"{row.rule:<40} {row.claims:>7} {row.flagged:>8} {row.flagged_share:>6.1%} "
                f"{row.edited:>7} {row.edited_share:>6.1%}"
            )
