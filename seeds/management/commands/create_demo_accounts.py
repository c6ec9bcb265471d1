from django.core.management.base import BaseCommand

from seeds.services import demo_accounts_ensure, demo_accounts_file


class Command(BaseCommand):
    help = "Create the demo accounts (admin, annotator1, annotator2, reviewer) with generated passwords."

    def handle(self, *args, **options):
        accounts = demo_accounts_ensure()
        if any(a.created for a in accounts):
            self.stdout.write("Demo accounts (passwords shown once; also kept in var/demo_accounts.txt):")
            for account in accounts:
                self.stdout.write(f"  {account.role:<10} {account.username:<12} {account.password}")
        else:
            self.stdout.write(f"Demo accounts already exist; their passwords are in {demo_accounts_file()}.")
