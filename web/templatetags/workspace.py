"""Template pieces of the reviewers' workspace that other pages include without their views changing."""

from django import template

from annotations.selectors import claim_fix_proposals_open, guidelines_current
from core.markdown import render_markdown

register = template.Library()


@register.inclusion_tag("web/partials/guidelines_panel.html")
def guidelines_panel(progress=None):
    """The guidelines, collapsible, for the review page's side panel: open for an annotator with no labels yet,
    so a new annotator's first session starts with what the verdicts mean."""
    return {
        "html": render_markdown(guidelines_current().text),
        "open": progress is not None and progress.labelled == 0,
    }


@register.inclusion_tag("web/partials/fix_proposals.html")
def fix_proposals(claim):
    """The claim's open proposed fixes, for the reviewers' part of the claim page."""
    return {"proposals": claim_fix_proposals_open(claim=claim)}
