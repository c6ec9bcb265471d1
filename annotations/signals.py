"""Events about labels and adjudications for the layers above (webhooks), sent after commit like
claims.signals (claims.signals.send_on_commit): once per change, never for a change that rolled back."""

from django.dispatch import Signal

# action: "created", "updated" or "deleted"; label_id; claim_id (the claim it is or was on).
label_changed = Signal()
# action: "created", "updated" or "deleted"; claim_id (a claim has at most one adjudication).
adjudication_changed = Signal()
