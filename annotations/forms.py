"""Forms for the review page. They parse input; annotations.services validates verdicts, notes and links."""

from __future__ import annotations

import time

from django import forms
from django.core import signing

from annotations.models import Verdict
from claims.forms import add_service_errors

__all__ = [
    "AdjudicationForm",
    "LabelForm",
    "add_service_errors",
    "shown_token",
    "seconds_since_shown",
]

_SHOWN_SALT = "claimdesk.review.shown"


def shown_token(claim_id: int) -> str:
    """A signed note of when a claim was put on screen, sent back with the label to time it."""
    return signing.dumps({"claim": claim_id, "at": time.time()}, salt=_SHOWN_SALT)


def seconds_since_shown(token: str, claim_id: int) -> float | None:
    try:
        data = signing.loads(token, salt=_SHOWN_SALT, max_age=24 * 3600)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("claim") != claim_id or not isinstance(data.get("at"), int | float):
        return None
    return max(0.0, round(time.time() - data["at"], 3))


class LabelForm(forms.Form):
    # The verdict comes from the button pressed (or its key), so it has no widget of its own.
    verdict = forms.CharField(required=False)
    note = forms.CharField(
        label="Note (optional)", required=False, max_length=10000, widget=forms.Textarea(attrs={"rows": 2})
    )
    evidence_url = forms.CharField(
        label="Evidence link (optional, http or https)",
        required=False,
        max_length=2000,
        widget=forms.URLInput(attrs={"placeholder": "https://", "inputmode": "url"}),
    )
    shown = forms.CharField(required=False, widget=forms.HiddenInput)


class AdjudicationForm(forms.Form):
    """A reviewer's final verdict. The verdict is a radio group (keys 1/2/3 or v/d/u pick one with JavaScript)."""

    verdict = forms.ChoiceField(label="Final verdict", choices=Verdict.choices, widget=forms.RadioSelect)
    rationale = forms.CharField(
        label="Rationale",
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 3, "placeholder": "Why this verdict: what settles it"}),
        help_text="Kept with the verdict in the claim's history. Enter sends it; Shift+Enter starts a new line.",
    )
    # Where the form was sent from: the queue goes on to the next conflicting claim, the claim page stays.
    origin = forms.ChoiceField(
        choices=[("queue", "queue"), ("claim", "claim")], required=False, widget=forms.HiddenInput
    )
