from django import forms

from matching.models import MatchStatus


class MatchDecisionForm(forms.Form):
    status = forms.ChoiceField(choices=[(s, s) for s in MatchStatus.values])
