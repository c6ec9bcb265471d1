"""The guidelines every project starts with, until a reviewer writes its own at /guidelines/."""

DEFAULT_TEXT = """\
# Labelling guidelines

Judge the **claim as the source made it**, not the article and not whether you like the source.
Look for evidence outside the article: an official record, a primary document, a reliable second report.

## Verdicts

- **Verified** (key `1` or `v`): independent evidence confirms what the source says. Add the evidence link.
- **Disputed** (key `2` or `d`): credible evidence or another credible source contradicts it. Say who or what.
- **Unverified** (key `3` or `u`): you could not confirm or refute it with what is available now. This is not
  a polite "false": use it when the evidence is missing, not when it points the other way.

## When it is not a claim

Headlines without a statement, questions, predictions and opinions with nothing to check are not claims:
flag them under *Fix the extraction* instead of choosing a verdict.

## When you are unsure

Skip (`s`) and come back later, or write a note: reviewers read every note when labels disagree.
"""
