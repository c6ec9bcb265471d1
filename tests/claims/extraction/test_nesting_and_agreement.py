"""Cue verbs inside quotations, clause-shaped subjects and pronoun gender (sentences written for these tests)."""

from __future__ import annotations

import pytest

from claims.extraction import extract_claims


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("“The data tells us the ice is thinning,” said Dr. Ana Ruiz.", "Ana Ruiz"),
        (
            "“The FTC has made clear it will challenge the deal,” a lawyer for the company said.",
            "lawyer for the company",
        ),
        ("“We are worried. The data tells us the ice is thinning,” said Dr. Ana Ruiz.", "Ana Ruiz"),
        (
            "“It is over. The FTC has made clear that it will challenge the deal,” a lawyer for the company said.",
            "lawyer for the company",
        ),
        ("“We are worried because the data tells us the ice is thinning,” said Dr. Ana Ruiz.", "Ana Ruiz"),
        ("Dr. Ana Ruiz said: “We are worried. The data shows that the ice is thinning.”", "Ana Ruiz"),
        (
            "“Our auditors reported that the accounts were sound,” the chief executive, Li Wen, told reporters.",
            "Li Wen",
        ),
    ],
)
def test_cue_inside_anothers_quotation_is_part_of_the_quote(text, source):
    claims = extract_claims(text)
    assert claims
    assert {c.source for c in claims} == {source}, [(c.source_mention, c.text) for c in claims]


def test_quoted_sentence_with_inner_cue_gets_the_outer_speaker():
    text = "Dr. Ana Ruiz said: “We are worried. The data shows that the ice is thinning.”"
    texts = {c.text: c.source for c in extract_claims(text)}
    assert texts.get("The data shows that the ice is thinning") == "Ana Ruiz"


def test_cue_after_a_short_quoted_phrase_is_not_nested():
    text = "Ana Ruiz called the plan “a gamble.” The finance minister said that the plan would cut the deficit."
    sources = {c.text: c.source for c in extract_claims(text)}
    assert sources.get("the plan would cut the deficit") == "finance minister"


@pytest.mark.parametrize(
    "text",
    [
        "The result contradicts earlier models, which predicted that the moon was dry.",
        "The result contradicts earlier models that predicted the moon was dry.",
    ],
)
def test_subject_with_a_finite_verb_is_not_a_source(text):
    claims = extract_claims(text)
    assert all("contradicts" not in c.source_mention for c in claims)
    assert [c.source_mention for c in claims] in ([], ["earlier models"])


def test_relative_which_takes_its_antecedent():
    (c,) = extract_claims("The study told the ministry, which said that the moon was dry.")
    assert c.source_mention == "the ministry"


@pytest.mark.parametrize(
    "text",
    [
        "Experts interviewed by Reuters said that the bridge was unsafe.",
        "The officials based in Kyiv said that the bridge was unsafe.",
        "The armed forces said that the bridge was unsafe.",
    ],
)
def test_participles_in_a_subject_are_not_verbs(text):
    (c,) = extract_claims(text)
    assert c.source_mention == text.split(" said")[0]


def test_he_is_not_resolved_to_a_person_already_called_she():
    text = (
        "Tom Brady said the ferry had run for years.\n"
        "Maura Keane said the ferry was needed by the island.\n"
        "“It cannot run in a gale,” she said.\n"
        "He said he had already bought a small house in the village.\n"
    )
    by_text = {c.text: c.source for c in extract_claims(text)}
    assert by_text["It cannot run in a gale"] == "Maura Keane"
    assert by_text["he had already bought a small house in the village"] == "Tom Brady"


def test_she_is_not_resolved_to_a_mr():
    text = (
        "Ms. Ana Ruiz chaired the meeting.\n"
        "Mr. Paul Holt said the budget would be cut by a tenth.\n"
        "She said the cuts would spare the schools.\n"
    )
    by_text = {c.text: c.source for c in extract_claims(text)}
    assert by_text["the cuts would spare the schools"] == "Ana Ruiz"


def test_pronoun_without_a_known_gender_still_takes_the_last_speaker():
    text = "Paul Holt said the budget would be cut by a tenth.\nHe said the cuts would spare the schools.\n"
    assert {c.source for c in extract_claims(text)} == {"Paul Holt"}


@pytest.mark.parametrize(
    ("text", "outer", "inner"),
    [
        (
            "The mayor said the police chief told him burglaries had fallen sharply this year.",
            ("the police chief told him burglaries had fallen sharply this year", "mayor"),
            ("burglaries had fallen sharply this year", "police chief"),
        ),
        (
            "The union said that Acme Steel had admitted the pension fund was short of money.",
            ("Acme Steel had admitted the pension fund was short of money", "union"),
            ("the pension fund was short of money", "Acme Steel"),
        ),
        (
            "Engineers told him the bridge would stay closed until May, the mayor said.",
            ("Engineers told him the bridge would stay closed until May", "mayor"),
            ("the bridge would stay closed until May", "Engineers"),
        ),
    ],
)
def test_a_statement_reported_inside_another_keeps_both_speakers(text, outer, inner):
    claims = {(c.text, c.source) for c in extract_claims(text)}
    assert outer in claims
    assert inner in claims


def test_a_sentence_read_by_according_to_does_not_nest_its_own_cue():
    text = "The ministry, for its part, denied that it had sold the land, according to a government spokesman."
    claims = extract_claims(text)
    assert [c.source for c in claims if "sold the land" in c.text] == ["ministry"]
