"""Events about claims for the layers above (webhooks), which claims never imports: they connect receivers.

Each is sent by the service that made the change, once per change, only after its transaction commits: a change
that rolls back (a bulk action that fails half-way, an import line refused) sends nothing. A receiver that raises
is logged and the change stands (on_commit's `robust`).
"""

from django.db import transaction
from django.dispatch import Signal

# action: "created" or "updated"; claim_ids: the claims that one call of a service created or changed (their text,
# span, source, cue, quote flag or "not a claim" flag; labels and adjudications have their own signals).
claims_changed = Signal()
# claims: what each deleted claim was, as {"id", "article": {"id"}, "text", "start", "end"} (claim_deleted_record):
# once the deletion commits the claim is gone, so this is all that is left to tell. Its labels and adjudication went
# with it and send no signal of their own.
claims_deleted = Signal()


def send_on_commit(signal: Signal, **kwargs) -> None:
    """Send `signal` once the current transaction commits (at once outside one)."""
    transaction.on_commit(lambda: signal.send(sender=None, **kwargs), robust=True)
