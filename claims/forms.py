"""Forms for the articles pages. They only parse input; the services validate the domain rules."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from claims.importers import SUPPORTED_ACCEPT
from claims.models import SourceKind


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: per field where the form has that field, else on top."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


def normalise_newlines(text: str) -> str:
    # Browsers send textarea lines with CRLF; the stored body is what offsets index, so keep plain LF.
    return text.replace("\r\n", "\n").replace("\r", "\n")


class ArticleSearchForm(forms.Form):
    q = forms.CharField(label="Search title and text", required=False, max_length=200)
    publisher = forms.ChoiceField(label="Publisher", required=False)

    def __init__(self, *args, publishers: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["publisher"].choices = [("", "All publishers"), *((p, p) for p in publishers)]
        self.fields["q"].widget.attrs.update({"type": "search", "autocomplete": "off"})


class ArticlePasteForm(forms.Form):
    title = forms.CharField(
        label="Title", required=False, max_length=500, help_text="Leave empty to use the first line."
    )
    body = forms.CharField(label="Article text", strip=False, widget=forms.Textarea(attrs={"rows": 14}))
    url = forms.CharField(label="Link (optional)", required=False, max_length=2000)
    publisher = forms.CharField(label="Publisher (optional)", required=False, max_length=200)
    published_at = forms.DateTimeField(
        label="Published on (optional)", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean_body(self) -> str:
        return normalise_newlines(self.cleaned_data["body"])


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field, the pattern from Django's "Uploading multiple files" docs."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": SUPPORTED_ACCEPT}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if not data and self.required:
            raise ValidationError(self.error_messages["required"], code="required")
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data]
        return [super().clean(data, initial)]


class ArticleUploadForm(forms.Form):
    files = MultipleFileField(
        label="Files (.txt: one article, first line is the title; .jsonl: one JSON object per line)"
    )


class ClaimNewForm(forms.Form):
    start = forms.IntegerField(label="Start offset", min_value=0)
    end = forms.IntegerField(label="End offset", min_value=1)
    text = forms.CharField(
        label="Claim text (exactly as in the article)", strip=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    source_name = forms.CharField(label="Who makes the claim (optional)", required=False, max_length=300)


class ClaimSourceForm(forms.Form):
    source = forms.ModelChoiceField(label="Existing source", queryset=None, required=False, empty_label="—")
    new_name = forms.CharField(label="…or a new source's name", required=False, max_length=300)
    kind = forms.ChoiceField(label="Kind of new source", choices=SourceKind.choices, initial=SourceKind.UNKNOWN)
    next = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, sources, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].queryset = sources


class ClaimFlagForm(forms.Form):
    flagged = forms.TypedChoiceField(choices=[("1", "flag"), ("0", "unflag")], coerce=lambda v: v == "1")
    next = forms.CharField(required=False, widget=forms.HiddenInput)
