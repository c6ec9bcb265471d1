"""Constructions of issue 12, each on sentences written for these tests."""

import pytest

from claims.extraction.explain import explain

from .helpers import claims_of, find


def _texts(text):
    return [c.text for c in claims_of(text)]


# ------------------------------------------------------------------ cues that attribute nothing
@pytest.mark.parametrize(
    "text",
    [
        "Bankers expressed doubt that the housing market would recover this year.",
        "The coach doubted the squad could win away from home.",
        "Several analysts cast doubt on whether the merger would be approved.",
        "The curator wondered whether the painting had ever left the city.",
        "Shoppers were anticipating steep discounts after the holiday.",
    ],
)
def test_negative_and_non_attribution_cues_make_no_claim(text):
    assert claims_of(text) == []


def test_the_veto_that_dropped_a_negative_cue_is_named():
    dropped = explain("Bankers expressed doubt that the housing market would recover this year.").dropped
    assert [(d.rule_id, d.outcome) for d in dropped] == [("veto-negative-cue", "vetoed")]


# ------------------------------------------------------------------ speakers
def test_speaker_title_with_commas_after_a_quotation():
    text = '"The figures speak for themselves," says Noor Haddad, vice-president, external affairs at Tallis Grain.'
    c = find(claims_of(text), "The figures speak")
    assert c.text == "The figures speak for themselves"
    assert c.source == "Noor Haddad"


def test_i_think_inside_a_quotation_is_not_the_cue():
    text = 'Mayor Lena Brandt said: "I think the tram will be finished by spring."'
    c = find(claims_of(text), "the tram will be finished")
    assert c.text == "I think the tram will be finished by spring"
    assert c.source == "Lena Brandt"
    assert c.cue == "said"


# ------------------------------------------------------------------ noun-phrase objects
@pytest.mark.parametrize(
    ("text", "claim", "source"),
    [
        ("The ombudsman accused the water board of ignoring complaints for years.", "ignoring complaints", "ombudsman"),
        ("Senator Alma Reyes described the bill as a giveaway to insurers.", "the bill as a giveaway", "Alma Reyes"),
        ("The treasurer denied moving club funds into his own account.", "moving club funds into his own", "treasurer"),
        (
            "The fire service urged residents to keep their windows closed.",
            "residents to keep their windows",
            "fire service",
        ),
    ],
)
def test_noun_phrase_objects_of_cues(text, claim, source):
    c = find(claims_of(text), claim)
    assert c.source == source


# ------------------------------------------------------------------ passive and impersonal
def test_it_was_announced_that_is_a_claim_without_a_named_source():
    c = find(claims_of("It was announced on Friday that the ferry service would end in May."), "the ferry service")
    assert c.text == "the ferry service would end in May"
    assert c.source is None
    assert c.rule_id == "impersonal-passive"


def test_quoted_as_saying_names_the_subject():
    c = find(claims_of("The goalkeeper was quoted as saying that the pitch was unplayable."), "the pitch")
    assert c.source == "goalkeeper"


def test_people_were_told_that():
    c = find(claims_of("Tenants were told that the lifts would be repaired by March."), "the lifts")
    assert c.text == "the lifts would be repaired by March"
    assert c.rule_id == "passive-told"


def test_i_was_told_is_not_a_claim():
    assert claims_of("I was told that the lifts would be repaired by March.") == []


def test_put_the_death_toll_at():
    c = find(claims_of("Regional officials put the death toll at 2,300 on Monday."), "death toll")
    assert c.text == "the death toll at 2,300"
    assert c.source == "Regional officials"


# ------------------------------------------------------------------ clause shapes
def test_verb_without_that_before_a_clause():
    c = find(claims_of("The transport minister admitted the timetable had been too ambitious."), "the timetable")
    assert c.text == "the timetable had been too ambitious"
    assert c.source == "transport minister"


def test_admitted_with_a_noun_phrase_object_is_no_claim():
    assert claims_of("The transport minister admitted the mistake in a short statement.") == []


def test_sentence_initial_adverb_before_and_said_that():
    text = "Afterwards, the harbour master walked along the pier, and said that the storm wall had held."
    c = find(claims_of(text), "the storm wall had held")
    assert c.source == "harbour master"


def test_floating_quotation_after_reported_speech_is_the_last_speakers():
    text = (
        "Head teacher Saoirse Quinlan said the school would reopen on Monday.\n"
        '"The builders worked through the weekend. We owe them a great deal."\n'
    )
    claims = claims_of(text)
    assert find(claims, "The builders worked").source == "Saoirse Quinlan"
    assert find(claims, "We owe them").source == "Saoirse Quinlan"


def test_a_half_quoted_paragraph_after_reported_speech_is_not_carried():
    text = (
        "Head teacher Saoirse Quinlan said the school would reopen on Monday.\n"
        '"Pupils will be glad," the caretaker added, and parents agreed.\n'
    )
    assert find(claims_of(text), "Pupils will be glad").source != "Saoirse Quinlan"


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("The bishop lamented that the chapel had been left to decay.", "the chapel had been left to decay"),
        ("Farmers echoed the council's warning that the river would flood again.", "the river would flood again"),
        ("The historian quipped that the archive was older than the state.", "the archive was older than the state"),
    ],
)
def test_verbs_that_were_outside_the_lexicon(text, claim):
    assert find(claims_of(text), claim[:15]).text == claim


def test_asked_x_to_is_a_request_but_asked_whether_is_a_question():
    c = find(claims_of("The coroner asked witnesses to come forward before Friday."), "witnesses to come forward")
    assert c.source == "coroner"
    assert claims_of("The coroner asked whether any witnesses had come forward.") == []


def test_as_x_noted_before_a_statement():
    c = find(claims_of("As the inspector noted, the roof had not been checked since 1998."), "the roof")
    assert c.text == "the roof had not been checked since 1998"
    assert c.source == "inspector"


def test_quotation_marks_are_not_part_of_a_nested_speaker():
    text = "''I think the bridge will hold,'' the engineer Tove Lund said after the inspection."
    c = find(claims_of(text), "the bridge will hold")
    assert c.text == "I think the bridge will hold"
    assert c.source == "Tove Lund"
