"""Forms for the reviewers' workspace pages. They parse input; the services check the domain rules."""

from __future__ import annotations

from django import forms

from annotations.models import Verdict
from annotations.services import MAX_BULK_CLAIMS, BulkAction
from claims.models import Source, SourceKind


class BulkForm(forms.Form):
    claims = forms.TypedMultipleChoiceField(coerce=int, label="Selected claims")
    action = forms.ChoiceField(label="Action", choices=BulkAction.choices)
    verdict = forms.ChoiceField(label="Verdict", choices=[("", "—"), *Verdict.choices], required=False)
    rationale = forms.CharField(
        label="Rationale",
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 1}),
        help_text="Kept with each verdict in the claim's history.",
    )
    source = forms.IntegerField(label="Source id", required=False, min_value=1)
    new_name = forms.CharField(label="…or a source's name", required=False, max_length=300)
    kind = forms.ChoiceField(label="Kind of new source", choices=SourceKind.choices, initial=SourceKind.UNKNOWN)
    query = forms.CharField(required=False, widget=forms.HiddenInput, max_length=4000)

    def __init__(self, *args, claim_ids: list[int], **kwargs):
        kwargs.setdefault("auto_id", "bulk_%s")  # the filter form on the same page has its own "source" field
        super().__init__(*args, **kwargs)
        self.fields["claims"].choices = [(pk, pk) for pk in claim_ids]

    def clean_claims(self) -> list[int]:
        claims = self.cleaned_data["claims"]
        if len(claims) > MAX_BULK_CLAIMS:
            raise forms.ValidationError(f"Select at most {MAX_BULK_CLAIMS} claims at a time.")
        return claims

    def clean_source(self) -> Source | None:
        pk = self.cleaned_data["source"]
        if pk is None:
            return None
        source = Source.objects.filter(pk=pk).first()
        if source is None:
            raise forms.ValidationError("No source has this id.")
        return source


class ClaimFixForm(forms.Form):
    """A claim's span and attribution. Offsets index the article text; the page shows the text they cover."""

    start = forms.IntegerField(label="Start offset", min_value=0)
    end = forms.IntegerField(label="End offset", min_value=1)
    source = forms.ModelChoiceField(label="Source", queryset=None, required=False, empty_label="— keep as it is —")
    new_source_name = forms.CharField(label="…or a new source's name", required=False, max_length=300)
    source_kind = forms.ChoiceField(label="Kind of new source", choices=SourceKind.choices, initial=SourceKind.UNKNOWN)
    source_mention = forms.CharField(
        label="Named in the text as", required=False, max_length=300, help_text="Kept as one of the source's aliases."
    )
    cue = forms.CharField(label="Cue", required=False, max_length=100)
    is_direct_quote = forms.BooleanField(label="Direct quotation", required=False)
    note = forms.CharField(
        label="Why (for the reviewer)", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, sources, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].queryset = sources
        self.fields["source"].label_from_instance = _with_aliases


def _with_aliases(source: Source) -> str:
    aliases = [a for a in source.aliases if a != source.name][:4]
    return f"{source.name} (also: {', '.join(aliases)})" if aliases else source.name


class GuidelinesForm(forms.Form):
    text = forms.CharField(
        label="Guidelines (Markdown)", strip=False, widget=forms.Textarea(attrs={"rows": 24, "spellcheck": "true"})
    )
